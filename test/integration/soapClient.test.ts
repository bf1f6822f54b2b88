// A real SOAP toolkit against the real gateway: the `soap` package builds its clients from the WSDLs we serve (and
// the schemas they import) over HTTP on a loopback port, and calls the services with plain JS objects, as a consumer
// that generates its client from our WSDL would. The gateway runs in strict mode, so any deviation in what the
// toolkit builds is refused; the requests are checked against the official schemas and ours at the end, and the
// answers are recorded for the conformance check as always.
import * as soap from 'soap';
import { startGateway, TestGateway } from '../support/gateway';
import { Opname, SoapClient, alsLijst, fout, luister } from '../support/soapClientOpname';
import { heeftShared } from '../support/paden';
import { heeftJava, schrijfBerichten, valideerEigen, valideerOfficieel } from '../support/schemaValidatie';

const ZAAKTYPE = { code: 'B1026', omschrijving: 'Parkeervergunning bewoners' };
const CATALOGUS = [
  {
    ...ZAAKTYPE,
    statustypen: [
      { volgnummer: 1, omschrijving: 'Ontvangen' },
      { volgnummer: 2, omschrijving: 'In behandeling' },
      { volgnummer: 3, omschrijving: 'Afgehandeld', eindstatus: true },
    ],
  },
];
const ACTIE_ZDS12 = 'http://www.stufstandaarden.nl/koppelvlak/zds0120/';
const ACTIE_ZDS11 = 'http://www.egem.nl/StUF/sector/zkn/0310/';

/** StUF attributes travel under the soap package's `attributes` key, with the prefixes our WSDL declares. */
const et = (entiteittype: string, verwerkingssoort?: string) => ({
  attributes: { 'StUF:entiteittype': entiteittype, ...(verwerkingssoort ? { 'StUF:verwerkingssoort': verwerkingssoort } : {}) },
});

const ZENDER = { organisatie: '0599', applicatie: 'SOAPCLIENT', gebruiker: 'jest' };
const GATEWAY = { organisatie: '0599', applicatie: 'ZDSGW' };

let referentie = 0;
const nieuweReferentie = () => `SOAP-${process.pid}-${++referentie}`;

const lk01Stuurgegevens = (referentienummer: string) => ({
  berichtcode: 'Lk01', zender: ZENDER, ontvanger: GATEWAY, referentienummer, tijdstipBericht: '20240115103005000', entiteittype: 'ZAK',
});

const lv01 = (referentienummer: string) => ({
  stuurgegevens: { berichtcode: 'Lv01', zender: ZENDER, ontvanger: GATEWAY, referentienummer, tijdstipBericht: '20240117120000000', entiteittype: 'ZAK' },
  parameters: { sortering: 0, indicatorVervolgvraag: false },
});

/** A creeerZaak object as the standard requires it: isVan, an initiator, the first status. */
const nieuweZaak = (identificatie: string) => ({
  ...et('ZAK', 'T'),
  identificatie,
  omschrijving: 'Aanvraag via een gegenereerde SOAP-client',
  startdatum: '20240115',
  registratiedatum: '20240115',
  zaakniveau: '1',
  deelzakenIndicatie: 'N',
  isVan: { ...et('ZAKZKT', 'T'), gerelateerde: { ...et('ZKT', 'I'), ...ZAAKTYPE } },
  heeftAlsInitiator: {
    ...et('ZAKBTRINI', 'T'),
    gerelateerde: {
      natuurlijkPersoon: {
        ...et('NPS', 'T'),
        'inp.bsn': '111222333',
        authentiek: { attributes: { 'StUF:metagegeven': 'true' }, $value: 'J' },
        geslachtsnaam: 'Jansen',
        voorletters: 'J',
      },
    },
    code: 'INI',
  },
  heeft: {
    ...et('ZAKSTT', 'T'),
    gerelateerde: { ...et('STT', 'I'), 'zkt.code': ZAAKTYPE.code, volgnummer: '1', omschrijving: 'Ontvangen' },
    datumStatusGezet: '20240115103005000',
  },
});

const creeerZaak = (identificatie: string) => ({
  stuurgegevens: lk01Stuurgegevens(nieuweReferentie()),
  parameters: { mutatiesoort: 'T', indicatorOvername: 'V' },
  object: nieuweZaak(identificatie),
});

const opname = new Opname();
const roep = (client: SoapClient, operatie: string, args: unknown) => opname.roep(client, operatie, args);
const verzoeken = opname.verzoeken;


/** The StUF foutbericht in soap:Fault/detail, as the soap package parsed it. */
function foutbericht(e: Error & { root?: any }, soort: 'Fo02Bericht' | 'Fo03Bericht'): { code: string; plek: string; details?: string } {
  const fault = e.root?.Envelope?.Body?.Fault;
  if (!fault) throw e;
  return fault.detail[soort].body;
}

describe('een SOAP-client gebouwd uit onze eigen WSDL (soap-package, echte HTTP)', () => {
  let gw: TestGateway;
  let basis: string;
  beforeAll(async () => {
    gw = await startGateway({ stuf: { validatie: 'strict' }, zaaktypen: { onbekend: 'weigeren', catalogus: CATALOGUS } });
    basis = await luister(gw);
  });
  afterAll(() => gw.sluit());

  const client = async (pad: string) => (await soap.createClientAsync(`${basis}${pad}`)) as SoapClient;
  const operaties = (c: SoapClient, poort: string) => Object.keys((c.describe() as Record<string, Record<string, object>>)[poort][poort]).sort();

  describe('ZDS 1.2', () => {
    let vrij: SoapClient;
    let ontvang: SoapClient;
    let vraag: SoapClient;
    let zaak: string;
    beforeAll(async () => {
      [vrij, ontvang, vraag] = await Promise.all([client('/VerwerkSynchroonVrijBericht?wsdl'), client('/OntvangAsynchroon?wsdl'), client('/BeantwoordVraag?wsdl')]);
    });

    it('the clients know the zaak operations (wsdl.test.ts checks the full list per port)', () => {
      expect(operaties(ontvang, 'OntvangAsynchroon')).toEqual(expect.arrayContaining(['actualiseerZaakstatus_ZakLk01', 'creeerZaak_ZakLk01', 'updateZaak_ZakLk01']));
      expect(operaties(vraag, 'BeantwoordVraag')).toEqual(expect.arrayContaining(['geefZaakdetails_ZakLv01', 'geefZaakstatus_ZakLv01']));
      expect(operaties(vrij, 'VerwerkSynchroonVrijBericht')).toEqual(expect.arrayContaining(['genereerZaakIdentificatie_Di02']));
    });

    it('genereerZaakIdentificatie_Di02 → Du02 with a new identificatie', async () => {
      const ref = nieuweReferentie();
      const du02 = await roep(vrij, 'genereerZaakIdentificatie_Di02', {
        stuurgegevens: { berichtcode: 'Di02', zender: ZENDER, ontvanger: GATEWAY, referentienummer: ref, tijdstipBericht: '20240115103000123', functie: 'genereerZaakidentificatie' },
      });
      expect(vrij.lastEndpoint).toBe(`${basis}/VerwerkSynchroonVrijBericht`);
      expect(vrij.lastRequestHeaders.SOAPAction).toBe(`"${ACTIE_ZDS12}genereerZaakIdentificatie_Di02"`);
      expect(du02.stuurgegevens).toMatchObject({ berichtcode: 'Du02', crossRefnummer: ref, functie: 'genereerZaakidentificatie', zender: GATEWAY, ontvanger: ZENDER });
      expect(du02.zaak.attributes).toMatchObject({ 'StUF:entiteittype': 'ZAK', 'StUF:functie': 'entiteit' });
      zaak = du02.zaak.identificatie;
      expect(zaak).toMatch(/^0599\d{12}$/);
    });

    it('creeerZaak_ZakLk01 with that identificatie → Bv03 whose crossRefnummer is our referentienummer', async () => {
      const verzoek = creeerZaak(zaak);
      const bv03 = await roep(ontvang, 'creeerZaak_ZakLk01', verzoek);
      expect(ontvang.lastEndpoint).toBe(`${basis}/OntvangAsynchroon`);
      expect(ontvang.lastRequestHeaders.SOAPAction).toBe(`"${ACTIE_ZDS12}creeerZaak_ZakLk01"`);
      expect(ontvang.lastResponse).toContain('<StUF:Bv03Bericht');
      expect(bv03.stuurgegevens).toMatchObject({ berichtcode: 'Bv03', crossRefnummer: verzoek.stuurgegevens.referentienummer, zender: GATEWAY, ontvanger: ZENDER });
      expect(bv03.stuurgegevens.referentienummer).not.toBe(verzoek.stuurgegevens.referentienummer);
      expect(bv03.stuurgegevens.tijdstipBericht).toMatch(/^\d{17}$/);
    });

    it('actualiseerZaakstatus_ZakLk01 (oud with the empty nil status, nieuw with the new one) → Bv03', async () => {
      const bv03 = await roep(ontvang, 'actualiseerZaakstatus_ZakLk01', {
        stuurgegevens: lk01Stuurgegevens(nieuweReferentie()),
        parameters: { mutatiesoort: 'W', indicatorOvername: 'V' },
        object: [
          { ...et('ZAK', 'W'), identificatie: zaak, heeft: { attributes: { 'StUF:entiteittype': 'ZAKSTT', 'StUF:verwerkingssoort': 'T', 'StUF:noValue': 'geenWaarde', 'xsi:nil': 'true' } } },
          {
            ...et('ZAK', 'W'),
            identificatie: zaak,
            heeft: {
              ...et('ZAKSTT', 'T'),
              gerelateerde: { ...et('STT', 'I'), 'zkt.code': ZAAKTYPE.code, volgnummer: '2', omschrijving: 'In behandeling' },
              toelichting: 'Aanvraag is compleet',
              datumStatusGezet: '20240116085500000',
              isGezetDoor: { ...et('ZAKSTTBTR', 'I'), gerelateerde: { medewerker: { ...et('MDW', 'I'), identificatie: 'mdw042' } } },
            },
          },
        ],
      });
      expect(bv03.stuurgegevens.berichtcode).toBe('Bv03');
    });

    it('geefZaakstatus_ZakLv01 with indicatieLaatsteStatus J → La01 with only the current status', async () => {
      const ref = nieuweReferentie();
      const la01 = await roep(vraag, 'geefZaakstatus_ZakLv01', {
        ...lv01(ref),
        gelijk: { ...et('ZAK'), identificatie: zaak, heeft: { ...et('ZAKSTT'), indicatieLaatsteStatus: 'J' } },
        scope: {
          object: {
            ...et('ZAK'),
            identificatie: null, // null becomes xsi:nil="true": "asked for"
            heeft: {
              ...et('ZAKSTT'),
              gerelateerde: { ...et('STT'), volgnummer: null, omschrijving: null },
              toelichting: null,
              datumStatusGezet: null,
              indicatieLaatsteStatus: null,
            },
          },
        },
      });
      expect(vraag.lastRequestHeaders.SOAPAction).toBe(`"${ACTIE_ZDS12}geefZaakstatus_ZakLv01"`);
      expect(la01.stuurgegevens).toMatchObject({ berichtcode: 'La01', crossRefnummer: ref, entiteittype: 'ZAK' });
      expect(la01.parameters.indicatorVervolgvraag).toBe(false); // typed by our schema: xs:boolean
      const object = la01.antwoord.object;
      expect(object.identificatie).toBe(zaak);
      expect(alsLijst(object.heeft)).toEqual([
        expect.objectContaining({
          gerelateerde: expect.objectContaining({ 'zkt.omschrijving': ZAAKTYPE.omschrijving, volgnummer: '2', omschrijving: 'In behandeling' }),
          toelichting: 'Aanvraag is compleet',
          datumStatusGezet: '20240116085500000',
          indicatieLaatsteStatus: 'J',
        }),
      ]);
    });

    it('geefZaakdetails_ZakLv01 with StUF:scope="alles" → La01 with the zaak, its initiator and both statuses', async () => {
      const la01 = await roep(vraag, 'geefZaakdetails_ZakLv01', {
        ...lv01(nieuweReferentie()),
        gelijk: { ...et('ZAK'), identificatie: zaak },
        scope: { object: { attributes: { 'StUF:entiteittype': 'ZAK', 'StUF:scope': 'alles' } } },
      });
      const object = la01.antwoord.object;
      expect(object.attributes['StUF:entiteittype']).toBe('ZAK');
      expect(object).toMatchObject({
        identificatie: zaak,
        omschrijving: 'Aanvraag via een gegenereerde SOAP-client',
        startdatum: '20240115',
        registratiedatum: '20240115',
        zaakniveau: '1',
        deelzakenIndicatie: 'N',
        isVan: { gerelateerde: ZAAKTYPE },
      });
      const [initiator, ...meer] = alsLijst(object.heeftAlsInitiator);
      expect(meer).toEqual([]);
      expect(initiator.code).toBe('INI');
      expect(initiator.gerelateerde.natuurlijkPersoon).toMatchObject({ 'inp.bsn': '111222333', authentiek: { $value: 'J' }, geslachtsnaam: 'Jansen' });
      expect(alsLijst(object.heeft).map((s: any) => [s.gerelateerde.volgnummer, s.indicatieLaatsteStatus])).toEqual([['2', 'J'], ['1', 'N']]);
    });

    it('geefZaakdetails_ZakLv01 with a scope built field by field (ZAK-vraagScope is typed) → La01 with what it names', async () => {
      const la01 = await roep(vraag, 'geefZaakdetails_ZakLv01', {
        ...lv01(nieuweReferentie()),
        gelijk: { ...et('ZAK'), identificatie: zaak },
        scope: {
          object: {
            ...et('ZAK'),
            identificatie: null,
            omschrijving: null,
            isVan: { ...et('ZAKZKT'), gerelateerde: { ...et('ZKT'), omschrijving: null, code: null } },
            // The BG elements of the person get the BG namespace from the schema: the scope is no longer xs:any.
            heeftAlsInitiator: { ...et('ZAKBTRINI'), gerelateerde: { natuurlijkPersoon: { ...et('NPS'), 'inp.bsn': null, geslachtsnaam: null } } },
          },
        },
      });
      const verzoek = vraag.lastRequest ?? '';
      const bsn = /<(\w+):inp\.bsn\b[^>]*xsi:nil="true"/.exec(verzoek);
      expect(bsn).not.toBeNull();
      expect(verzoek).toContain(`xmlns:${bsn![1]}="http://www.egem.nl/StUF/sector/bg/0310"`);
      const object = la01.antwoord.object;
      expect(object).toMatchObject({ identificatie: zaak, omschrijving: 'Aanvraag via een gegenereerde SOAP-client', isVan: { gerelateerde: ZAAKTYPE } });
      expect(object.startdatum).toBeUndefined();
      expect(object.heeft).toBeUndefined();
      expect(alsLijst(object.heeftAlsInitiator).map((i: any) => i.gerelateerde.natuurlijkPersoon['inp.bsn'])).toEqual(['111222333']);
    });

    it('creeerZaak with an identificatie that exists reaches the client as a SOAP fault carrying Fo03 StUF058', async () => {
      const e = await fout(roep(ontvang, 'creeerZaak_ZakLk01', creeerZaak(zaak)));
      expect(e.message).toMatch(/^soapenv:Server: Proces voor afhandelen bericht geeft fout/);
      expect(e.root.Envelope.Body.Fault.faultcode).toBe('soapenv:Server');
      expect(foutbericht(e, 'Fo03Bericht')).toMatchObject({ code: 'StUF058', plek: 'server', details: expect.stringContaining(zaak) });
    });

    it('geefZaakdetails with an empty selection reaches the client as a SOAP fault carrying Fo02 StUF055', async () => {
      // Not through roep: this request is schema-invalid on purpose (gelijk without identificatie).
      const e = await fout(vraag.geefZaakdetails_ZakLv01Async({ ...lv01(nieuweReferentie()), gelijk: { ...et('ZAK') } }));
      expect(e.root.Envelope.Body.Fault.faultcode).toBe('soapenv:Client');
      expect(foutbericht(e, 'Fo02Bericht')).toMatchObject({ code: 'StUF055', plek: 'client', details: expect.stringContaining('gelijk/identificatie') });
    });
  });

  describe('ZDS 1.1 (?wsdl&dialect=zds11)', () => {
    it('creeerZaak_Lk01 and geefZaakstatus_Lv01 send ZKN:zakLk01 / ZKN:zakLv01 and get Bv03 / ZKN:zakLa01', async () => {
      const [vrij, ontvang, vraag] = await Promise.all([
        client('/VrijeBerichten?wsdl&dialect=zds11'),
        client('/OntvangAsynchroon?wsdl&dialect=zds11'),
        client('/BeantwoordVraag?wsdl&dialect=zds11'),
      ]);
      expect(operaties(ontvang, 'OntvangAsynchroon')).toEqual(expect.arrayContaining(['actualiseerZaakstatus_Lk01', 'creeerZaak_Lk01', 'updateZaak_Lk01']));
      expect(operaties(vraag, 'BeantwoordVraag')).toEqual(expect.arrayContaining(['geefZaakdetails_Lv01', 'geefZaakstatus_Lv01']));

      const du02 = await roep(vrij, 'genereerZaakIdentificatie_Di02', { stuurgegevens: { berichtcode: 'Di02', zender: ZENDER, functie: 'genereerZaakidentificatie' } });
      expect(vrij.lastRequest).toContain('ZKN:genereerZaakIdentificatie_Di02');
      const zaak = du02.zaak.identificatie as string;

      const bv03 = await roep(ontvang, 'creeerZaak_Lk01', creeerZaak(zaak));
      expect(ontvang.lastRequestHeaders.SOAPAction).toBe(`"${ACTIE_ZDS11}creeerZaak_Lk01"`);
      expect(bv03.stuurgegevens.berichtcode).toBe('Bv03');

      const la01 = await roep(vraag, 'geefZaakstatus_Lv01', {
        ...lv01(nieuweReferentie()),
        gelijk: { ...et('ZAK'), identificatie: zaak, heeft: { ...et('ZAKSTT'), indicatieLaatsteStatus: 'J' } },
      });
      expect(vraag.lastResponse).toContain('ZKN:zakLa01');
      expect(vraag.lastResponse).not.toContain('zds0120');
      expect(la01.antwoord.object.identificatie).toBe(zaak);
      expect(alsLijst(la01.antwoord.object.heeft)).toEqual([
        expect.objectContaining({ gerelateerde: expect.objectContaining({ volgnummer: '1', omschrijving: 'Ontvangen' }), indicatieLaatsteStatus: 'J' }),
      ]);
    });
  });

  describe('the requests the soap package built from our WSDLs', () => {
    it('are valid against the official VNG schemas and against our own served schemas', async () => {
      expect(Object.keys(verzoeken).map((k) => k.replace(/-\d+$/, ''))).toEqual([
        'genereerZaakIdentificatie_Di02', 'creeerZaak_ZakLk01', 'actualiseerZaakstatus_ZakLk01', 'geefZaakstatus_ZakLv01', 'geefZaakdetails_ZakLv01',
        'geefZaakdetails_ZakLv01', 'creeerZaak_ZakLk01', 'genereerZaakIdentificatie_Di02', 'creeerZaak_Lk01', 'geefZaakstatus_Lv01',
      ]);
      const bestanden = schrijfBerichten(verzoeken);
      if (!heeftJava()) {
        console.warn('soapClient.test.ts: java niet gevonden; de verzoeken zijn niet tegen de schema\'s gevalideerd');
        return;
      }
      if (!heeftShared()) console.warn('soapClient.test.ts: ../shared niet gevonden (zet ZDS_SHARED); de verzoeken zijn alleen tegen onze eigen schema\'s gevalideerd');
      const [eigen, officieel] = await Promise.all([valideerEigen(basis, bestanden), heeftShared() ? valideerOfficieel(bestanden) : undefined]);
      const allesGeldig = { geldig: bestanden.length, ongeldig: [] };
      expect(eigen).toEqual(allesGeldig);
      if (officieel) expect(officieel).toEqual(allesGeldig);
    });
  });
});
