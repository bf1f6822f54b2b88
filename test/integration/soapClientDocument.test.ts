// A real SOAP toolkit files and reads a document: the `soap` package builds its clients from the WSDLs we serve
// (and the schemas they import) over HTTP on a loopback port, creates a zaak, has a documentidentificatie
// generated, adds a document whose content is binary (not UTF-8), reads it back byte for byte and lists the zaak's
// documents, in ZDS 1.2 and in ZDS 1.1. The gateway runs in strict mode, so any deviation in what the toolkit
// builds is refused; at the end the requests it built are checked against the official schemas and ours.
import { randomBytes } from 'node:crypto';
import * as soap from 'soap';
import { attr, child } from '../../src/stuf/xml';
import { startGateway, TestGateway } from '../support/gateway';
import { Opname, SoapClient, alsLijst, fout, luister } from '../support/soapClientOpname';
import { heeftShared } from '../support/paden';
import { heeftJava, schrijfBerichten, valideerEigen, valideerOfficieel } from '../support/schemaValidatie';
import { tekst, zdsClient } from '../support/zdsClient';

const ZAAKTYPE = { code: 'B1026', omschrijving: 'Parkeervergunning bewoners' };
const CATALOGUS = [{ ...ZAAKTYPE, statustypen: [{ volgnummer: 1, omschrijving: 'Ontvangen' }, { volgnummer: 2, omschrijving: 'Afgehandeld', eindstatus: true }] }];
const XMIME = 'http://www.w3.org/2005/05/xmlmime';
const ZENDER = { organisatie: '0599', applicatie: 'SOAPCLIENT', gebruiker: 'jest' };
const GATEWAY = { organisatie: '0599', applicatie: 'ZDSGW' };

type Dialect = 'zds12' | 'zds11';

/** What differs between the dialects: WSDL query, the vrije berichten port, operation names and answer roots. */
const DIALECT = {
  zds12: {
    wsdl: '?wsdl',
    actie: 'http://www.stufstandaarden.nl/koppelvlak/zds0120/',
    vrij: 'VerwerkSynchroonVrijBericht',
    creeerZaak: 'creeerZaak_ZakLk01',
    voegZaakdocumentToe: 'voegZaakdocumentToe_EdcLk01',
    geefZaakdocumentLezen: 'geefZaakdocumentLezen_EdcLv01',
    geefLijstZaakdocumenten: 'geefLijstZaakdocumenten_ZakLv01',
    lezenAntwoord: 'ZDS:geefZaakdocumentLezen_EdcLa01',
    lijstAntwoord: 'ZDS:geefLijstZaakdocumenten_ZakLa01',
  },
  zds11: {
    wsdl: '?wsdl&dialect=zds11',
    actie: 'http://www.egem.nl/StUF/sector/zkn/0310/',
    vrij: 'VrijeBerichten',
    creeerZaak: 'creeerZaak_Lk01',
    voegZaakdocumentToe: 'voegZaakdocumentToe_Lk01',
    geefZaakdocumentLezen: 'geefZaakdocumentLezen_Lv01',
    geefLijstZaakdocumenten: 'geefLijstZaakdocumenten_Lv01',
    lezenAntwoord: 'ZKN:edcLa01',
    lijstAntwoord: 'ZKN:zakLa01',
  },
} as const;

/** StUF attributes travel under the soap package's `attributes` key, with the prefixes our WSDL declares. */
const et = (entiteittype: string, verwerkingssoort?: string) => ({
  attributes: { 'StUF:entiteittype': entiteittype, ...(verwerkingssoort ? { 'StUF:verwerkingssoort': verwerkingssoort } : {}) },
});

let referentie = 0;
const nieuweReferentie = () => `SOAPDOC-${process.pid}-${++referentie}`;

const lv01 = (entiteittype: 'ZAK' | 'EDC') => ({
  stuurgegevens: { berichtcode: 'Lv01', zender: ZENDER, ontvanger: GATEWAY, referentienummer: nieuweReferentie(), tijdstipBericht: '20240117120000000', entiteittype },
  parameters: { sortering: 0, indicatorVervolgvraag: false },
});

const creeerZaak = (identificatie: string) => ({
  stuurgegevens: { berichtcode: 'Lk01', zender: ZENDER, ontvanger: GATEWAY, referentienummer: nieuweReferentie(), tijdstipBericht: '20240116090000000', entiteittype: 'ZAK' },
  parameters: { mutatiesoort: 'T', indicatorOvername: 'V' },
  object: {
    ...et('ZAK', 'T'),
    identificatie,
    omschrijving: 'Zaak met een binaire bijlage',
    startdatum: '20240116',
    registratiedatum: '20240116',
    zaakniveau: '1',
    deelzakenIndicatie: 'N',
    isVan: { ...et('ZAKZKT', 'T'), gerelateerde: { ...et('ZKT', 'I'), code: ZAAKTYPE.code } },
    heeftAlsInitiator: { ...et('ZAKBTRINI', 'T'), gerelateerde: { medewerker: { ...et('MDW', 'I'), identificatie: 'mdw042' } } },
  },
});

/** The document's metadata as sent and as expected back, in the order of the standard. */
const METADATA = {
  'dct.omschrijving': 'Bijlage',
  creatiedatum: '20240116',
  ontvangstdatum: '20240116',
  titel: 'Foto van de situatie',
  beschrijving: 'Binaire bijlage via een gegenereerde SOAP-client',
  formaat: 'application/octet-stream',
  taal: 'nld',
  versie: '1',
  status: 'definitief',
  vertrouwelijkAanduiding: 'ZAAKVERTROUWELIJK',
  auteur: 'SOAP-client',
};
const BESTANDSNAAM = 'situatie.bin';

/** A few hundred random bytes that are certainly not UTF-8: content that is decoded as text anywhere breaks. */
function binaireInhoud(): Buffer {
  const b = randomBytes(384);
  b.set([0xff, 0xfe, 0xc3, 0x28, 0x00, 0x80], 0);
  return b;
}

const opname = new Opname();
const roep = (client: SoapClient, operatie: string, args: unknown) => opname.roep(client, operatie, args);
const verzoeken = opname.verzoeken;

describe('een SOAP-client gebouwd uit onze eigen WSDL voegt een binair document toe en leest het terug (soap-package, echte HTTP)', () => {
  let gw: TestGateway;
  let basis: string;
  beforeAll(async () => {
    gw = await startGateway({ stuf: { validatie: 'strict' }, zaaktypen: { onbekend: 'weigeren', catalogus: CATALOGUS } });
    basis = await luister(gw);
  });
  afterAll(() => gw.sluit());

  const client = async (pad: string) => (await soap.createClientAsync(`${basis}${pad}`)) as SoapClient;

  describe.each(['zds12', 'zds11'] as Dialect[])('%s', (dialect) => {
    const D = DIALECT[dialect];
    const inhoud = binaireInhoud();
    let vrij: SoapClient;
    let ontvang: SoapClient;
    let vraag: SoapClient;
    let zaak: string;
    let document: string;
    beforeAll(async () => {
      [vrij, ontvang, vraag] = await Promise.all([client(`/${D.vrij}${D.wsdl}`), client(`/OntvangAsynchroon${D.wsdl}`), client(`/BeantwoordVraag${D.wsdl}`)]);
    });

    it('the content is not valid UTF-8', () => {
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(inhoud)).toThrow();
    });

    it('genereerZaakIdentificatie_Di02 and creeerZaak → a zaak to file the document in', async () => {
      const du02 = await roep(vrij, 'genereerZaakIdentificatie_Di02', { stuurgegevens: { berichtcode: 'Di02', zender: ZENDER, ontvanger: GATEWAY, functie: 'genereerZaakidentificatie' } });
      zaak = du02.zaak.identificatie;
      expect(zaak).toMatch(/^0599\d{12}$/);
      const bv03 = await roep(ontvang, D.creeerZaak, creeerZaak(zaak));
      expect(bv03.stuurgegevens.berichtcode).toBe('Bv03');
    });

    it('genereerDocumentIdentificatie_Di02 → Du02 with a new documentidentificatie', async () => {
      const ref = nieuweReferentie();
      const du02 = await roep(vrij, 'genereerDocumentIdentificatie_Di02', {
        stuurgegevens: { berichtcode: 'Di02', zender: ZENDER, ontvanger: GATEWAY, referentienummer: ref, tijdstipBericht: '20240116090100000', functie: 'genereerDocumentidentificatie' },
      });
      expect(vrij.lastEndpoint).toBe(`${basis}/${D.vrij}`);
      expect(vrij.lastRequestHeaders.SOAPAction).toBe(`"${D.actie}genereerDocumentIdentificatie_Di02"`);
      expect(du02.stuurgegevens).toMatchObject({ berichtcode: 'Du02', crossRefnummer: ref, functie: 'genereerDocumentidentificatie' });
      expect(du02.document.attributes).toMatchObject({ 'StUF:entiteittype': 'EDC', 'StUF:functie': 'entiteit' });
      document = du02.document.identificatie;
      expect(document).toMatch(/^0599D\d{12}$/);
    });

    it('voegZaakdocumentToe with binary content (inline base64, StUF:bestandsnaam, xmime:contentType) → Bv03', async () => {
      const verzoek = {
        stuurgegevens: { berichtcode: 'Lk01', zender: ZENDER, ontvanger: GATEWAY, referentienummer: nieuweReferentie(), tijdstipBericht: '20240116090200000', entiteittype: 'EDC' },
        parameters: { mutatiesoort: 'T', indicatorOvername: 'V' },
        object: {
          ...et('EDC', 'T'),
          identificatie: document,
          ...METADATA,
          // node-soap leaves W3C namespaces (xmime) out of the envelope: the prefix is declared on the element itself.
          inhoud: { attributes: { 'xmlns:xmime': XMIME, 'StUF:bestandsnaam': BESTANDSNAAM, 'xmime:contentType': METADATA.formaat }, $value: inhoud.toString('base64') },
          isRelevantVoor: { ...et('EDCZAK', 'T'), gerelateerde: { ...et('ZAK', 'I'), identificatie: zaak } },
        },
      };
      const bv03 = await roep(ontvang, D.voegZaakdocumentToe, verzoek);
      expect(ontvang.lastEndpoint).toBe(`${basis}/OntvangAsynchroon`);
      expect(ontvang.lastRequestHeaders.SOAPAction).toBe(`"${D.actie}${D.voegZaakdocumentToe}"`);
      expect(ontvang.lastRequest).toContain(`xmime:contentType="${METADATA.formaat}">${inhoud.toString('base64')}<`);
      expect(bv03.stuurgegevens).toMatchObject({ berichtcode: 'Bv03', crossRefnummer: verzoek.stuurgegevens.referentienummer, zender: GATEWAY, ontvanger: ZENDER });
    });

    it('geefZaakdocumentLezen → La01 with the metadata, the zaak and the content byte for byte', async () => {
      const la01 = await roep(vraag, D.geefZaakdocumentLezen, {
        ...lv01('EDC'),
        gelijk: { ...et('EDC'), identificatie: document },
        scope: {
          object: {
            ...et('EDC'),
            identificatie: null, // null becomes xsi:nil="true": "asked for"
            ...Object.fromEntries(Object.keys(METADATA).map((k) => [k, null])),
            // ZDS 1.2 asks for the content with a nil inhoud; ZDS 1.1 does not allow nil there, only an empty one.
            inhoud: dialect === 'zds12' ? null : '',
            isRelevantVoor: { ...et('EDCZAK'), gerelateerde: { ...et('ZAK'), identificatie: null } },
          },
        },
      });
      expect(vraag.lastRequestHeaders.SOAPAction).toBe(`"${D.actie}${D.geefZaakdocumentLezen}"`);
      expect(vraag.lastResponse).toContain(`<${D.lezenAntwoord}`);
      expect(la01.stuurgegevens).toMatchObject({ berichtcode: 'La01', entiteittype: 'EDC' });
      const object = la01.antwoord.object;
      expect(object).toMatchObject({ identificatie: document, ...METADATA });
      expect(object.inhoud.attributes).toMatchObject({ 'StUF:bestandsnaam': BESTANDSNAAM, 'xmime:contentType': METADATA.formaat });
      expect(Buffer.from(object.inhoud.$value, 'base64').equals(inhoud)).toBe(true);
      expect(alsLijst(object.isRelevantVoor).map((r: any) => r.gerelateerde.identificatie)).toEqual([zaak]);
    });

    it('geefLijstZaakdocumenten → La01 with the zaak and its one document', async () => {
      const la01 = await roep(vraag, D.geefLijstZaakdocumenten, {
        ...lv01('ZAK'),
        gelijk: { ...et('ZAK'), identificatie: zaak },
        scope: {
          object: {
            ...et('ZAK'),
            identificatie: null,
            heeftRelevant: {
              ...et('ZAKEDC'),
              gerelateerde: { ...et('EDC'), identificatie: null, 'dct.omschrijving': null, titel: null, formaat: null, vertrouwelijkAanduiding: null },
              titel: null,
              registratiedatum: null,
            },
          },
        },
      });
      expect(vraag.lastRequestHeaders.SOAPAction).toBe(`"${D.actie}${D.geefLijstZaakdocumenten}"`);
      expect(vraag.lastResponse).toContain(`<${D.lijstAntwoord}`);
      const object = la01.antwoord.object;
      expect(object.identificatie).toBe(zaak);
      const [relatie, ...meer] = alsLijst(object.heeftRelevant);
      expect(meer).toEqual([]);
      expect(relatie.gerelateerde).toMatchObject({
        identificatie: document,
        'dct.omschrijving': METADATA['dct.omschrijving'],
        titel: METADATA.titel,
        formaat: METADATA.formaat,
        vertrouwelijkAanduiding: METADATA.vertrouwelijkAanduiding,
      });
      expect(relatie.registratiedatum).toMatch(/^\d{8}$/);
    });

    it('voegZaakdocumentToe with an identificatie in use reaches the client as a SOAP fault carrying Fo03 StUF058', async () => {
      const e = await fout(
        roep(ontvang, D.voegZaakdocumentToe, {
          stuurgegevens: { berichtcode: 'Lk01', zender: ZENDER, ontvanger: GATEWAY, referentienummer: nieuweReferentie(), tijdstipBericht: '20240116090300000', entiteittype: 'EDC' },
          parameters: { mutatiesoort: 'T', indicatorOvername: 'V' },
          object: {
            ...et('EDC', 'T'),
            identificatie: document,
            ...METADATA,
            inhoud: { attributes: { 'StUF:bestandsnaam': 'nul.bin' }, $value: 'AA==' },
            isRelevantVoor: { ...et('EDCZAK', 'T'), gerelateerde: { ...et('ZAK', 'I'), identificatie: zaak } },
          },
        }),
      );
      const fault = e.root?.Envelope?.Body?.Fault;
      if (!fault) throw e;
      expect(fault.faultcode).toBe('soapenv:Server');
      expect(fault.detail.Fo03Bericht.body).toMatchObject({ code: 'StUF058', plek: 'server', details: expect.stringContaining(document) });
    });

    if (dialect === 'zds12') {
      it('the same document read without the soap package: the inline base64 decodes to the same bytes', async () => {
        const zds = zdsClient(gw);
        const object = await zds.document(document);
        expect(Buffer.from(tekst(object, 'inhoud') ?? '', 'base64').equals(inhoud)).toBe(true);
        expect(attr(child(object, 'inhoud')!, 'http://www.egem.nl/StUF/StUF0301', 'bestandsnaam')).toBe(BESTANDSNAAM);
        expect(tekst(await zds.documenten(zaak), 'heeftRelevant', 'gerelateerde', 'identificatie')).toBe(document);
      });
    }
  });

  describe('the requests the soap package built from our WSDLs', () => {
    it('are valid against the official VNG schemas and against our own served schemas', async () => {
      const stappen = (D: (typeof DIALECT)[Dialect]) =>
        ['genereerZaakIdentificatie_Di02', D.creeerZaak, 'genereerDocumentIdentificatie_Di02', D.voegZaakdocumentToe, D.geefZaakdocumentLezen, D.geefLijstZaakdocumenten, D.voegZaakdocumentToe];
      expect(Object.keys(verzoeken).map((k) => k.replace(/-\d+$/, ''))).toEqual([...stappen(DIALECT.zds12), ...stappen(DIALECT.zds11)]);
      const bestanden = schrijfBerichten(verzoeken);
      if (!heeftJava()) {
        console.warn('soapClientDocument.test.ts: java niet gevonden; de verzoeken zijn niet tegen de schema\'s gevalideerd');
        return;
      }
      if (!heeftShared()) console.warn('soapClientDocument.test.ts: ../shared niet gevonden (zet ZDS_SHARED); de verzoeken zijn alleen tegen onze eigen schema\'s gevalideerd');
      const [eigen, officieel] = await Promise.all([valideerEigen(basis, bestanden), heeftShared() ? valideerOfficieel(bestanden) : undefined]);
      const allesGeldig = { geldig: bestanden.length, ongeldig: [] };
      expect(eigen).toEqual(allesGeldig);
      if (officieel) expect(officieel).toEqual(allesGeldig);
    });
  });
});
