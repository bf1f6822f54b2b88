// The work queue (issue 18 item 4; seeds 000 and 001): plain StUF-ZKN zakLv01 selecting on the initiator medewerker
// (a plan's regisseur), the uitvoerende or behandelaar (medewerker or organisatorische eenheid), the current status,
// open or closed, startdatum/registratiedatum/einddatum ranges (vanaf/totEnMet) and "no status change since"
// (extraElement geenStatuswijzigingSinds), combined, paged, and answered within the caller's view: a plan shows its
// content to regie only. The zaken are written in both dialects; the question itself is plain StUF-ZKN. Secured mode,
// and with the person query off (stuf.persoonsvraag): a work queue on medewerkers is no search on persons.
import { child } from '../../src/stuf/xml';
import { startGateway, TestGateway } from '../support/gateway';
import { inEnvelope } from '../support/soap';
import { schoneFout, tekst } from '../support/antwoorden';
import { Dialect, actie, creeerZaak, legeRelatie, medewerker, rol, wijzig } from '../support/dialecten';
import { TestRol, aanmelding, als, beveiligd, client, gezinsplan, levensdomeinplan, regisseur } from '../support/planBerichten';
import { Selectie, ZAKLV01_ACTIE, Zoekopties, lijst, nietGeautoriseerd, scopeMet, zoekZaken } from '../support/zoekBerichten';

const [A, B, C] = ['123456782', '234567893', '345678904'];
const R1 = 'MDW-R1';
const R2 = 'MDW-R2';
const TEAM = 'OEH-WMO-TEAM';

const GZP1 = '0599WVGZP001'; // R1, open, status 2 since 2024-03-01
const LDP1 = '0599WVLDP001'; // R1, open, under GZP1, no status
const GZP2 = '0599WVGZP002'; // R1, closed 2024-06-30
const GZP3 = '0599WVGZP003'; // R2, open
const WMO1 = '0599WVWMO001'; // uitvoerende R1, started 2024-02-10, status 1 on 2024-02-12
const WMO2 = '0599WVWMO002'; // uitvoerende R1 and TEAM (behandelaar), started 2024-05-20, status 2 on 2024-06-01
const WMO3 = '0599WVWMO003'; // behandelaar TEAM only, closed 2024-04-30
const JZ1 = '0599WVJZ0001'; // uitvoerende R1, zaaktype JZ01, started 2024-03-15

const attributen = (start: string, eind?: string) =>
  `<ZKN:omschrijving>Werkvoorraad</ZKN:omschrijving><ZKN:startdatum>${start}</ZKN:startdatum><ZKN:registratiedatum>${start}</ZKN:registratiedatum>` +
  (eind ? `<ZKN:einddatum>${eind}</ZKN:einddatum>` : '') + '<ZKN:zaakniveau>1</ZKN:zaakniveau><ZKN:deelzakenIndicatie>N</ZKN:deelzakenIndicatie>';

const uitvoerende = (id: string) => rol('heeftAlsUitvoerende', medewerker(id, 'Smit'));
const behandelaar = (id: string) =>
  rol('heeftAlsUitvoerende', `<ZKN:organisatorischeEenheid StUF:entiteittype="OEH" StUF:verwerkingssoort="I"><ZKN:identificatie>${id}</ZKN:identificatie><ZKN:naam>Wmo-team</ZKN:naam></ZKN:organisatorischeEenheid>`, 'T', 'Behandelaar');

/** A status with a statustype code (STT code), set at a moment in the past. */
const status = (volgnummer: number, code: string, datum: string, omschrijving = `Status ${volgnummer}`) =>
  '<ZKN:heeft StUF:entiteittype="ZAKSTT" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="STT" StUF:verwerkingssoort="I">' +
  `<ZKN:volgnummer>${volgnummer}</ZKN:volgnummer><ZKN:code>${code}</ZKN:code><ZKN:omschrijving>${omschrijving}</ZKN:omschrijving></ZKN:gerelateerde>` +
  `<ZKN:datumStatusGezet>${datum}</ZKN:datumStatusGezet></ZKN:heeft>`;

const relatie = (naam: string, et: string, waarde: string) =>
  `<ZKN:${naam} StUF:entiteittype="${et}"><ZKN:gerelateerde StUF:entiteittype="BTR"><ZKN:identificatie>${waarde}</ZKN:identificatie></ZKN:gerelateerde></ZKN:${naam}>`;
const selectieUitvoerende = (id: string) => relatie('heeftAlsUitvoerende', 'ZAKBTRUTV', id);
const selectieStatus = (stt: string) => `<ZKN:heeft StUF:entiteittype="ZAKSTT"><ZKN:gerelateerde StUF:entiteittype="STT">${stt}</ZKN:gerelateerde></ZKN:heeft>`;
const sinds = (waarde: string) => `<StUF:extraElementen><StUF:extraElement naam="geenStatuswijzigingSinds">${waarde}</StUF:extraElement></StUF:extraElementen>`;
const bereik = (kant: 'vanaf' | 'totEnMet', velden: Record<string, string>) =>
  `<ZKN:${kant} StUF:entiteittype="ZAK">${Object.entries(velden).map(([k, v]) => `<ZKN:${k}>${v}</ZKN:${k}>`).join('')}</ZKN:${kant}>`;

async function bouw(gw: TestGateway): Promise<void> {
  const stuur = async (wie: TestRol, d: Dialect, dienst: 'creeerZaak' | 'actualiseerZaakstatus', xml: string) => {
    const r = await gw.stuur(inEnvelope(xml), { actie: actie(d, dienst), headers: aanmelding(wie) });
    if (r.status !== 200) throw new Error(`${dienst}: HTTP ${r.status}\n${r.body}`);
  };
  const zet = (wie: TestRol, d: Dialect, id: string, heeft: string) =>
    stuur(wie, d, 'actualiseerZaakstatus', wijzig(d, 'actualiseerZaakstatus', id, legeRelatie('heeft', 'ZAKSTT', 'T'), heeft, { sturing: als(wie) }));
  const regie = als('regie');
  await stuur('regie', 'zds12', 'creeerZaak', gezinsplan('zds12', { id: GZP1, clients: [A, B], initiator: regisseur(R1), sturing: regie }));
  await zet('regie', 'zds12', GZP1, status(1, 'GZP-S1', '20240115090000', 'Signaal geregistreerd'));
  await zet('regie', 'zds12', GZP1, status(2, 'GZP-S2', '20240301090000', 'Gezinsplan opgesteld'));
  await stuur('regie', 'zds11', 'creeerZaak', levensdomeinplan('zds11', { id: LDP1, clients: [A], gezinsplan: GZP1, initiator: regisseur(R1), sturing: regie }));
  const gesloten = creeerZaak('zds11', { id: GZP2, zaaktype: 'GZP', attributen: attributen('20230101', '20240630'), relaties: client(C) + regisseur(R1), sturing: regie });
  await stuur('regie', 'zds11', 'creeerZaak', gesloten.replace('<ZKN:omschrijving>Parkeervergunning bewoners</ZKN:omschrijving>', '<ZKN:omschrijving>Gezinsplan</ZKN:omschrijving>'));
  await stuur('regie', 'zds12', 'creeerZaak', gezinsplan('zds12', { id: GZP3, clients: [C], initiator: regisseur(R2), sturing: regie }));

  const bo = als('backoffice');
  const zaak = (d: Dialect, id: string, zaaktype: string, start: string, rollen: string, eind?: string) =>
    stuur('backoffice', d, 'creeerZaak', creeerZaak(d, { id, zaaktype, attributen: attributen(start, eind), relaties: client(A) + regisseur('MDW-BO-1') + rollen, sturing: bo }));
  await zaak('zds12', WMO1, 'WMO01', '20240210', uitvoerende(R1));
  await zet('backoffice', 'zds12', WMO1, status(1, 'WMO-S1', '20240212100000'));
  await zaak('zds11', WMO2, 'WMO01', '20240520', uitvoerende(R1) + behandelaar(TEAM));
  await zet('backoffice', 'zds11', WMO2, status(1, 'WMO-S1', '20240521100000'));
  await zet('backoffice', 'zds11', WMO2, status(2, 'WMO-S2', '20240601100000'));
  await zaak('zds12', WMO3, 'WMO01', '20240101', behandelaar(TEAM), '20240430');
  await zaak('zds11', JZ1, 'JZ01', '20240315', uitvoerende(R1));
}


describe('de werkvoorraad (zakLv01 op medewerker, status, datums)', () => {
  let gw: TestGateway;
  const vraag = (s: Selectie, o: Zoekopties = {}, wie: TestRol = 'regie') =>
    gw.stuur(inEnvelope(zoekZaken(s, { ...o, sturing: als(wie) })), { pad: '/BeantwoordVraag', actie: ZAKLV01_ACTIE, headers: aanmelding(wie) });
  const ids = async (s: Selectie, o: Zoekopties = {}, wie: TestRol = 'regie') => lijst(await vraag(s, o, wie)).ids;

  const TEAMMANAGER = { applicatie: 'TEAMMANAGER', gebruiker: 'teammanager', wachtwoord: 'teammanager-geheim-1' };

  beforeAll(async () => {
    gw = await startGateway(beveiligd({
      applicaties: [{ zender: { organisatie: '0599', applicatie: TEAMMANAGER.applicatie }, rol: 'teammanager', basic: { gebruikersnaam: TEAMMANAGER.gebruiker, wachtwoord: TEAMMANAGER.wachtwoord } }],
    }));
    await bouw(gw);
  });
  afterAll(async () => gw.sluit());

  it('de plannen van een regisseur (initiator medewerker): lopend, alle, en alleen de afgesloten', async () => {
    expect(await ids({ initiator: R1, einddatum: true })).toEqual([GZP1, LDP1]);
    expect(await ids({ initiator: R1 })).toEqual([GZP1, GZP2, LDP1]);
    expect(await ids({ initiator: R1 }, { bereik: bereik('vanaf', { einddatum: '19000101' }) })).toEqual([GZP2]);
    expect(await ids({ initiator: R2, einddatum: true })).toEqual([GZP3]);
    expect(await ids({ initiator: 'MDW-NIEMAND' })).toEqual([]);
  });

  it('uitvoerende medewerker en behandelaar (organisatorische eenheid), met het zaaktype en open of dicht', async () => {
    expect(await ids({ extra: selectieUitvoerende(R1) })).toEqual([JZ1, WMO1, WMO2]);
    expect(await ids({ zaaktype: 'WMO01', extra: selectieUitvoerende(R1) })).toEqual([WMO1, WMO2]);
    expect(await ids({ extra: selectieUitvoerende(TEAM) })).toEqual([WMO2, WMO3]);
    expect(await ids({ einddatum: true, extra: selectieUitvoerende(TEAM) })).toEqual([WMO2]);
    expect(await ids({ einddatum: '20240430', extra: selectieUitvoerende(TEAM) })).toEqual([WMO3]);
  });

  it('de huidige status op code of volgnummer; een eerdere status telt niet', async () => {
    expect(await ids({ initiator: R1, extra: selectieStatus('<ZKN:volgnummer>2</ZKN:volgnummer>') })).toEqual([GZP1]);
    expect(await ids({ initiator: R1, extra: selectieStatus('<ZKN:volgnummer>1</ZKN:volgnummer>') })).toEqual([]);
    expect(await ids({ extra: selectieUitvoerende(R1) + selectieStatus('<ZKN:code>WMO-S1</ZKN:code>') })).toEqual([WMO1]);
    const beide = selectieStatus('<ZKN:volgnummer>2</ZKN:volgnummer><ZKN:code>WMO-S2</ZKN:code>').replace('</ZKN:heeft>', '<ZKN:indicatieLaatsteStatus>J</ZKN:indicatieLaatsteStatus></ZKN:heeft>');
    expect(await ids({ extra: selectieUitvoerende(R1) + beide })).toEqual([WMO2]);
  });

  it('startdatum en registratiedatum tussen vanaf en totEnMet (beide grenzen doen mee)', async () => {
    const r1 = selectieUitvoerende(R1);
    expect(await ids({ extra: r1 }, { bereik: bereik('vanaf', { startdatum: '20240301' }) })).toEqual([JZ1, WMO2]);
    expect(await ids({ extra: r1 }, { bereik: bereik('totEnMet', { startdatum: '20240315' }) })).toEqual([JZ1, WMO1]);
    expect(await ids({ extra: r1 }, { bereik: bereik('vanaf', { registratiedatum: '20240210' }) + bereik('totEnMet', { registratiedatum: '20240210' }) })).toEqual([WMO1]);
  });

  it('geen statuswijziging sinds een datum of tijdstip: de laatste status is ouder, of er is geen', async () => {
    const r1 = selectieUitvoerende(R1);
    // WMO1: status on 12-02; WMO2: on 01-06; JZ1: none.
    expect(await ids({ extra: r1 + sinds('20240301') })).toEqual([JZ1, WMO1]);
    expect(await ids({ extra: r1 + sinds('20240601100000') })).toEqual([JZ1, WMO1]);
    expect(await ids({ extra: r1 + sinds('20240601100001') })).toEqual([JZ1, WMO1, WMO2]);
    expect(await ids({ initiator: R1, einddatum: true, extra: sinds('20240401') })).toEqual([GZP1, LDP1]);
    expect(await ids({ initiator: R1, einddatum: true, extra: sinds('20240201') })).toEqual([LDP1]);
  });

  it('alles samen: lopend, uitvoerende, zaaktype, status, startdatum en geen wijziging sinds', async () => {
    const s: Selectie = { einddatum: true, zaaktype: 'WMO01', extra: selectieUitvoerende(R1) + selectieStatus('<ZKN:code>WMO-S2</ZKN:code>') + sinds('20240701') };
    expect(await ids(s, { bereik: bereik('vanaf', { startdatum: '20240501' }) })).toEqual([WMO2]);
    expect(await ids(s, { bereik: bereik('totEnMet', { startdatum: '20240501' }) })).toEqual([]);
  });

  it('bladeren: maximumAantal, de vervolgvraag en aantalVoorkomens', async () => {
    const r1 = selectieUitvoerende(R1);
    const eerste = lijst(await vraag({ extra: r1 }, { maximumAantal: 2, indicatorAantal: true }));
    expect(eerste).toMatchObject({ ids: [JZ1, WMO1], vervolg: 'true', aantal: '3' });
    const rest = lijst(await vraag({ extra: r1 }, { maximumAantal: 2, vervolgNa: WMO1 }));
    expect(rest).toMatchObject({ ids: [WMO2], vervolg: 'false' });
  });

  it('binnen het zicht van de vrager: de backoffice en het kcc zien de plannen van een regisseur zonder inhoud', async () => {
    const scope = scopeMet('omschrijving', 'startdatum', 'isVan', 'heeftBetrekkingOp', 'heeftAlsInitiator', 'heeft');
    for (const wie of ['backoffice', 'kcc'] as const) {
      const r = await vraag({ initiator: R1, einddatum: true }, { scope }, wie);
      const l = lijst(r);
      expect(l.ids).toEqual([GZP1, LDP1]);
      for (const plan of l.objecten) {
        for (const naam of ['omschrijving', 'startdatum', 'heeftBetrekkingOp']) expect({ wie, naam, nietGeautoriseerd: nietGeautoriseerd(child(plan, naam)) }).toEqual({ wie, naam, nietGeautoriseerd: true });
        expect(tekst(plan, 'heeftAlsInitiator', 'gerelateerde', 'medewerker', 'identificatie')).toBe(R1);
      }
      for (const bsn of [A, B]) expect(r.body).not.toContain(bsn);
    }
    const regie = await vraag({ initiator: R1, einddatum: true }, { scope });
    const [plan] = lijst(regie).objecten;
    expect(tekst(plan, 'omschrijving')).toBe('Gezinsplan');
    expect(regie.body).toContain(A);
  });

  it('de wijkteammanager: de lopende plannen per regisseur met status en datums, zonder personen', async () => {
    const r = await gw.stuur(inEnvelope(zoekZaken({ initiator: R1, einddatum: true }, {
      scope: scopeMet('startdatum', 'isVan', 'heeftBetrekkingOp', 'heeftAlsInitiator', 'heeft'),
      sturing: { zender: TEAMMANAGER.applicatie, organisatie: '0599' },
    })), { pad: '/BeantwoordVraag', actie: ZAKLV01_ACTIE, headers: { authorization: `Basic ${Buffer.from(`${TEAMMANAGER.gebruiker}:${TEAMMANAGER.wachtwoord}`).toString('base64')}` } });
    const l = lijst(r);
    expect(l.ids).toEqual([GZP1, LDP1]);
    const [gzp] = l.objecten;
    expect(tekst(gzp, 'startdatum')).toBe('20240115');
    expect(tekst(gzp, 'heeft', 'gerelateerde', 'volgnummer')).toBe('2');
    expect(tekst(gzp, 'heeftAlsInitiator', 'gerelateerde', 'medewerker', 'identificatie')).toBe(R1);
    expect(nietGeautoriseerd(child(gzp, 'heeftBetrekkingOp'))).toBe(true);
    for (const bsn of [A, B]) expect(r.body).not.toContain(bsn);
  });

  it('de persoonsvraag staat uit, de werkvoorraad niet: een BSN als initiator wordt nog steeds geweigerd', async () => {
    expect(schoneFout(await vraag({ initiator: `11${A}` }))).toMatchObject({ soort: 'Fo02', code: 'StUF052' });
  });

  describe('weigeringen: Fo02 met details die het veld en de regel noemen', () => {
    it('alleen beperkingen (status, datums, geen wijziging sinds) is geen selectie', async () => {
      for (const [s, o] of [
        [{ extra: selectieStatus('<ZKN:volgnummer>2</ZKN:volgnummer>') }, {}],
        [{ extra: sinds('20240101') }, {}],
        [{ einddatum: true }, { bereik: bereik('vanaf', { startdatum: '20240101' }) }],
      ] as [Selectie, Zoekopties][]) {
        const f = schoneFout(await vraag(s, o));
        expect(f).toMatchObject({ soort: 'Fo02', code: 'StUF058' });
        expect(f.details).toMatch(/geen selectie \(einddatum, datums, status en geenStatuswijzigingSinds beperken alleen\)/);
      }
    });

    it('een eerdere status, een status zonder code of volgnummer, een verkeerde datum, een dubbel extraElement', async () => {
      const gevallen: [Selectie, Zoekopties, string, RegExp][] = [
        [{ initiator: R1, extra: selectieStatus('<ZKN:volgnummer>1</ZKN:volgnummer>').replace('</ZKN:heeft>', '<ZKN:indicatieLaatsteStatus>N</ZKN:indicatieLaatsteStatus></ZKN:heeft>') }, {}, 'StUF058', /gelijk\/heeft\/indicatieLaatsteStatus anders dan J/],
        [{ initiator: R1, extra: selectieStatus('<ZKN:omschrijving>Status 1</ZKN:omschrijving>') }, {}, 'StUF058', /gelijk\/heeft\/gerelateerde\/omschrijving wordt niet ondersteund/],
        [{ initiator: R1 }, { bereik: bereik('vanaf', { startdatum: '20241301' }) }, 'StUF055', /vanaf\/startdatum: de waarde is geen bestaande datum/],
        [{ initiator: R1, extra: sinds('gisteren') }, {}, 'StUF055', /extraElement geenStatuswijzigingSinds.*geen geldig StUF-tijdstip/],
        [{ initiator: R1, extra: '<StUF:extraElementen><StUF:extraElement naam="geenStatuswijzigingSinds">20240101</StUF:extraElement><StUF:extraElement naam="geenStatuswijzigingSinds">20240201</StUF:extraElement></StUF:extraElementen>' }, {}, 'StUF055', /komt meer dan eens voor/],
      ];
      for (const [s, o, code, details] of gevallen) {
        const f = schoneFout(await vraag(s, o));
        expect({ code: f.code, details: f.details }).toEqual({ code, details: expect.stringMatching(details) });
      }
    });
  });
});
