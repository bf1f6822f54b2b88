// Issue 15, points 1 and 7, in secured mode over HTTP. Role ketenpartner is always scoped: it sees only the mirrored
// zaken linked to it and their deelplannen, whether or not a `partners` entry names it, so an application of that role
// without one sees nothing (every read answered as for a zaak that does not exist; the person query finds nothing;
// writes refused) and start-up says why. A partner cannot reshape its mirror: its zaaktype is set once by the link; a
// pushed status of another zaaktype is refused or matched as the profile says, a pulled one does not change it, and a
// failed refresh's melding does not show the partner's address.
import { REFERENTIE_ZAAKTYPEN } from '../../src/domain/referentieZaaktypen';
import { children, path } from '../../src/stuf/xml';
import { TestGateway, startGateway, vangLog } from '../support/gateway';
import { TestPartner } from '../support/partner';
import { HttpAntwoord, goed, objectUit, schoneFout, statussen } from '../support/antwoorden';
import { ZDS12, bericht, inEnvelope } from '../support/soap';
import { actie, creeerZaak, geefZaakdetails, geefZaakstatus, medewerker, rol, status, wijzig } from '../support/dialecten';
import { APPLICATIES, aanmelding, beveiligd, deelplan, gezinsplan } from '../support/planBerichten';
import { ZAKLV01_ACTIE, nps, zoekZaken } from '../support/zoekBerichten';
import * as doc from '../support/documentBerichten';
import * as bsl from '../support/besluitBerichten';
import { initieerNotificeer, rzsActie } from '../support/rzsBerichten';

const d = 'zds12' as const;
const ZORG = { organisatie: '0777', applicatie: 'ZORGSYS' };
const ZORG_LOGIN = { gebruikersnaam: 'zorgsys', wachtwoord: 'zorg-geheim-12' };
const BSN = '123456782';
const statustypen = [{ volgnummer: 1, omschrijving: 'Intake' }, { volgnummer: 2, omschrijving: 'In begeleiding' }, { volgnummer: 3, omschrijving: 'Afgerond', eindstatus: true }];
const CATALOGUS = [
  ...REFERENTIE_ZAAKTYPEN,
  // The partner's zaaktypen: ZORG01 matches a status of another catalogued zaaktype on its omschrijving, ZORG02 refuses.
  { code: 'ZORG01', omschrijving: 'Ambulante begeleiding', statustypen, profiel: { statustypeAnderZaaktype: 'opOmschrijving' } },
  { code: 'ZORG02', omschrijving: 'Dagbesteding', statustypen },
  { code: 'ZORGX', omschrijving: 'Ander zaaktype van de partner', statustypen: [{ volgnummer: 7, omschrijving: 'In begeleiding' }, { volgnummer: 8, omschrijving: 'Elders' }] },
];

type Wie = 'regie' | 'ketenpartner' | 'zorg';
const ZENDER: Record<Wie, { organisatie: string; applicatie: string }> = {
  regie: { organisatie: '0599', applicatie: APPLICATIES.regie.applicatie },
  ketenpartner: { organisatie: '0599', applicatie: APPLICATIES.ketenpartner.applicatie },
  zorg: ZORG,
};
const HEADERS: Record<Wie, Record<string, string>> = {
  regie: aanmelding('regie'),
  ketenpartner: aanmelding('ketenpartner'),
  zorg: { authorization: `Basic ${Buffer.from(`${ZORG_LOGIN.gebruikersnaam}:${ZORG_LOGIN.wachtwoord}`).toString('base64')}` },
};

/** The message as this application sends it: its registered zender in the stuurgegevens. */
const alsZender = (xml: string, wie: Wie) =>
  xml.replace(/<StUF:zender>.*?<\/StUF:zender>/, `<StUF:zender><StUF:organisatie>${ZENDER[wie].organisatie}</StUF:organisatie><StUF:applicatie>${ZENDER[wie].applicatie}</StUF:applicatie></StUF:zender>`);

const partnerStatus = (code: string, volgnummer: number, omschrijving: string, datum: string) =>
  status(volgnummer, omschrijving, datum).replace('<ZKN:volgnummer>', `<ZKN:zkt.code>${code}</ZKN:zkt.code><ZKN:volgnummer>`);

describe('ketenpartner: altijd afgebakend, en de spiegel houdt haar zaaktype (issue 15, beveiligd)', () => {
  const partner = new TestPartner('zorg-scope', ZORG, CATALOGUS.filter((z) => z.code.startsWith('ZORG')));
  const { log, regels } = vangLog();
  let gw: TestGateway;
  const GZ = '0599KSGZ01';
  const DP = '0599KSDP01';
  const DP2 = '0599KSDP02';
  const WMO = '0599KSWMO1';
  const PZ = '0777KS0001';
  const PZ2 = '0777KS0002';
  const [DOC_DP, DOC_WMO, DOC_LOS] = ['KS-DOC-DP', 'KS-DOC-WMO', 'KS-DOC-LOS'];
  const BSL_DP = 'KS-BSL-DP';

  const stuur = (wie: Wie, xml: string, opties: { actie: string; pad: string }) => gw.stuur(inEnvelope(alsZender(xml, wie)), { ...opties, headers: HEADERS[wie] });
  const zaak = (wie: Wie, xml: string, dienst: 'creeerZaak' | 'updateZaak' | 'actualiseerZaakstatus') => stuur(wie, xml, { actie: actie(d, dienst), pad: '/OntvangAsynchroon' });
  const zaakstatus = (wie: Wie, id: string) => stuur(wie, geefZaakstatus(d, id, false), { actie: actie(d, 'geefZaakstatus'), pad: '/BeantwoordVraag' });
  const details = (wie: Wie, id: string) => stuur(wie, geefZaakdetails(d, id), { actie: actie(d, 'geefZaakdetails'), pad: '/BeantwoordVraag' });
  const docStuur = (wie: Wie, xml: string, dienst: doc.DocDienst) => stuur(wie, xml, { actie: doc.docActie(d, dienst), pad: doc.docPad(dienst) });
  const documentLijst = (wie: Wie, id: string) => docStuur(wie, doc.geefLijst(d, id), 'geefLijstZaakdocumenten');
  const documentLezen = (wie: Wie, id: string) => docStuur(wie, doc.geefLezen(d, id), 'geefZaakdocumentLezen');
  const nieuwDocument = (wie: Wie, id: string, zaken: string[]) => docStuur(wie, doc.nieuwDocument(d, 'voegZaakdocumentToe', { id, zaken, tekst: `inhoud van ${id}` }), 'voegZaakdocumentToe');
  const besluitLijst = (wie: Wie, id: string) => stuur(wie, bsl.geefLijstBesluiten(id), { actie: `${ZDS12}geefLijstBesluiten_ZakLv01`, pad: '/BeantwoordVraag' });
  const besluitDetails = (wie: Wie, id: string) => stuur(wie, bsl.geefBesluitdetails(id), { actie: `${ZDS12}geefBesluitdetails_BslLv01`, pad: '/BeantwoordVraag' });
  const zoek = (wie: Wie, selectie: Parameters<typeof zoekZaken>[0]) => stuur(wie, zoekZaken(selectie, { indicatorAantal: true }), { actie: ZAKLV01_ACTIE, pad: '/BeantwoordVraag' });
  const spiegel = (id: string) => gw.app.gateway.store.spiegelzaken.vind(id);

  /** Answered exactly as a question about something that does not exist: same HTTP status, no object, same fault. */
  function alsOnbestaand(r: HttpAntwoord, onbestaand: HttpAntwoord): void {
    expect(r.status).toBe(onbestaand.status);
    if (onbestaand.status === 200) {
      expect(objectUit(r)).toBeUndefined();
      expect(children(bericht(r.body), 'melding')).toHaveLength(children(bericht(onbestaand.body), 'melding').length);
    } else {
      expect(schoneFout(r).code).toBe(schoneFout(onbestaand).code);
    }
  }

  beforeAll(async () => {
    await partner.start();
    gw = await startGateway({
      ...beveiligd({ applicaties: [{ zender: ZORG, rol: 'ketenpartner', basic: ZORG_LOGIN }] }),
      stuf: { persoonsvraag: 'aan' },
      zaaktypen: { catalogus: CATALOGUS },
      partners: [{ naam: 'zorg', zender: ZORG, zaakidentificatie: ['0777'], maxOuderdomMinuten: 0, wachtNaFoutSeconden: 0, zds: { adres: partner.adres, dialect: d, timeoutSeconden: 2 } }],
    }, undefined, log);
    const regie = { zender: APPLICATIES.regie.applicatie };
    goed(await zaak('regie', gezinsplan(d, { id: GZ, clients: [BSN], sturing: regie }), 'creeerZaak'));
    goed(await zaak('regie', deelplan(d, { id: DP, clients: [BSN], plannen: [GZ, PZ], sturing: regie }), 'creeerZaak'));
    goed(await zaak('regie', deelplan(d, { id: DP2, clients: [BSN], plannen: [GZ, PZ2], sturing: regie }), 'creeerZaak'));
    goed(await zaak('regie', deelplan(d, { id: WMO, clients: [BSN], plannen: [], sturing: regie }), 'creeerZaak'));
    goed(await nieuwDocument('regie', DOC_DP, [DP]));
    goed(await nieuwDocument('regie', DOC_WMO, [WMO]));
    goed(await nieuwDocument('regie', DOC_LOS, []));
    goed(await stuur('regie', bsl.voegBesluitToe({ id: BSL_DP, zaak: DP }), { actie: `${ZDS12}voegBesluitToe_Di01`, pad: '/OntvangAsynchroon' }));
    // The partner's own zaken, in its own zakenmagazijn: PZ of ZORG01, PZ2 of ZORG02.
    for (const [id, zaaktype] of [[PZ, 'ZORG01'], [PZ2, 'ZORG02']]) {
      expect((await partner.stuur(inEnvelope(creeerZaak(d, { id, zaaktype })), actie(d, 'creeerZaak'))).status).toBe(200);
      expect((await partner.stuur(inEnvelope(wijzig(d, 'actualiseerZaakstatus', id, '', status(1, 'Intake', '20240201100000000'))), actie(d, 'actualiseerZaakstatus'))).status).toBe(200);
    }
  });

  afterAll(async () => {
    await gw?.sluit();
    await partner.sluit();
  });

  it('start-up names the ketenpartner without a partners entry and why it sees nothing, without its credentials', () => {
    const waarschuwingen = regels.map((r) => JSON.parse(r) as { level: number; msg: string; applicatie?: string }).filter((r) => r.level === 40 && r.applicatie);
    expect(waarschuwingen).toEqual([expect.objectContaining({ applicatie: `0599/${APPLICATIES.ketenpartner.applicatie}`, msg: expect.stringMatching(/rol ketenpartner.*niet onder partners.*ziet geen zaken/) })]);
    const tekst = waarschuwingen.map((w) => JSON.stringify(w)).join('');
    expect(tekst).not.toContain(APPLICATIES.ketenpartner.wachtwoord);
    expect(tekst).not.toContain(APPLICATIES.ketenpartner.gebruiker + ':');
  });

  it('a ketenpartner without a partners entry reads no zaak: details and status as for a zaak that does not exist', async () => {
    // Before the change it read every zaak of its zaaktypen (default '*') in full.
    for (const id of [DP, WMO, GZ, PZ]) {
      alsOnbestaand(await details('ketenpartner', id), await details('ketenpartner', '0599BESTAATNIET'));
      alsOnbestaand(await zaakstatus('ketenpartner', id), await zaakstatus('ketenpartner', '0599BESTAATNIET'));
    }
    // The regiesysteem still reads them all, the mirror included.
    expect(path(objectUit(await details('regie', WMO)), 'identificatie')?.text).toBe(WMO);
    expect(path(objectUit(await zaakstatus('regie', PZ)), 'identificatie')?.text).toBe(PZ);
  });

  it('nor documents (list and content, also one in no zaak) nor besluiten', async () => {
    for (const id of [DP, WMO]) alsOnbestaand(await documentLijst('ketenpartner', id), await documentLijst('ketenpartner', '0599BESTAATNIET'));
    for (const id of [DOC_DP, DOC_WMO, DOC_LOS]) alsOnbestaand(await documentLezen('ketenpartner', id), await documentLezen('ketenpartner', 'KS-DOC-NIETS'));
    alsOnbestaand(await besluitLijst('ketenpartner', DP), await besluitLijst('ketenpartner', '0599BESTAATNIET'));
    alsOnbestaand(await besluitDetails('ketenpartner', BSL_DP), await besluitDetails('ketenpartner', 'KS-BSL-NIETS'));
    const r = await documentLezen('ketenpartner', DOC_DP);
    expect(r.body).not.toContain(Buffer.from(`inhoud van ${DOC_DP}`).toString('base64'));
  });

  it('the person query finds nothing for it: no zaak, no count', async () => {
    for (const selectie of [{ client: nps(BSN) }, { initiator: nps(BSN) }, { plan: GZ }]) {
      const antwoord = goed(await zoek('ketenpartner', selectie));
      expect(children(path(antwoord, 'antwoord'), 'object')).toEqual([]);
      expect(path(antwoord, 'parameters', 'aantalVoorkomens')?.text ?? '0').toBe('0');
    }
    // The regiesysteem finds the family's zaken.
    expect(children(path(goed(await zoek('regie', { client: nps(BSN) })), 'antwoord'), 'object').length).toBeGreaterThan(0);
  });

  it('and writes nothing: no zaak of ours, no new zaak, no document (not even one in no zaak), no status of a mirror', async () => {
    const sturing = { zender: APPLICATIES.ketenpartner.applicatie };
    const pogingen = [
      await zaak('ketenpartner', wijzig(d, 'updateZaak', WMO, '<ZKN:toelichting xsi:nil="true" StUF:noValue="geenWaarde"/>', '<ZKN:toelichting>gewijzigd</ZKN:toelichting>', { sturing }), 'updateZaak'),
      await zaak('ketenpartner', creeerZaak(d, { id: '0599KSNIEUW', zaaktype: 'WMO01', relaties: rol('heeftAlsInitiator', medewerker('ZORG-MDW-1')), sturing }), 'creeerZaak'),
      await zaak('ketenpartner', wijzig(d, 'actualiseerZaakstatus', PZ, '', partnerStatus('ZORG01', 2, 'In begeleiding', '20240301100000000'), { sturing }), 'actualiseerZaakstatus'),
      await nieuwDocument('ketenpartner', 'KS-DOC-KP1', [DP]),
      await nieuwDocument('ketenpartner', 'KS-DOC-KP2', []),
    ];
    for (const r of pogingen) expect(schoneFout(r)).toEqual(expect.objectContaining({ soort: 'Fo03', code: expect.stringMatching(/^StUF0(52|64)$/) }));
    expect(await gw.app.gateway.store.zaken.bestaat('0599KSNIEUW')).toBe(false);
    expect((await spiegel(PZ))?.status?.volgnummer ?? 1).toBe(1);
  });

  it('nor announces a change of a zaak not its own (initieerNotificeerOverZaak), and neither does a configured partner', async () => {
    for (const wie of ['ketenpartner', 'zorg'] as const) {
      const xml = initieerNotificeer({ zaak: WMO, zaaktype: { code: 'WMO01', omschrijving: 'Wmo-voorziening' }, zendendeApplicatie: null });
      const r = await stuur(wie, xml, { actie: rzsActie('initieerNotificeerOverZaak'), pad: '/OntvangAsynchroon' });
      expect(schoneFout(r)).toEqual(expect.objectContaining({ soort: 'Fo03', code: 'StUF052', details: expect.stringMatching(/gaat (alleen over haar eigen zaken|over geen enkele zaak)/) }));
    }
  });

  it('a configured partner still reads its own mirror and deelplan, but writes no document in no zaak', async () => {
    goed(await zaak('zorg', wijzig(d, 'actualiseerZaakstatus', PZ, '', partnerStatus('ZORG01', 1, 'Intake', '20240201100000000'), { sturing: { zender: ZORG.applicatie, organisatie: ZORG.organisatie } }), 'actualiseerZaakstatus'));
    expect(path(objectUit(await details('zorg', DP)), 'identificatie')?.text).toBe(DP);
    expect(path(objectUit(await zaakstatus('zorg', PZ)), 'identificatie')?.text).toBe(PZ);
    alsOnbestaand(await details('zorg', WMO), await details('zorg', '0599BESTAATNIET'));
    alsOnbestaand(await documentLezen('zorg', DOC_LOS), await documentLezen('zorg', 'KS-DOC-NIETS'));
    expect(schoneFout(await nieuwDocument('zorg', 'KS-DOC-ZORG', [])).code).toBe('StUF052');
  });

  describe('the zaaktype of a mirror is set once', () => {
    const alsZorg = { sturing: { zender: ZORG.applicatie, organisatie: ZORG.organisatie } };
    const push = (id: string, code: string, volgnummer: number, omschrijving: string, datum: string) =>
      zaak('zorg', wijzig(d, 'actualiseerZaakstatus', id, '', partnerStatus(code, volgnummer, omschrijving, datum), alsZorg), 'actualiseerZaakstatus');

    it('the first status gives a mirror linked without zaaktype its zaaktype', async () => {
      goed(await push(PZ2, 'ZORG02', 1, 'Intake', '20240201100000000'));
      expect((await spiegel(PZ2))?.zaaktype?.code).toBe('ZORG02');
      expect((await spiegel(PZ))?.zaaktype?.code).toBe('ZORG01');
    });

    it('a pushed status of another zaaktype is refused with StUF058 when the profile refuses (the default)', async () => {
      const f = schoneFout(await push(PZ2, 'ZORGX', 7, 'In begeleiding', '20240202100000000'));
      expect(f).toEqual(expect.objectContaining({ soort: 'Fo03', code: 'StUF058' }));
      expect(f.details).toMatch(/ZORGX.*ZORG02/);
      expect(await spiegel(PZ2)).toEqual(expect.objectContaining({ zaaktype: expect.objectContaining({ code: 'ZORG02' }), status: expect.objectContaining({ volgnummer: 1 }) }));
    });

    it('matched on omschrijving when the profile says so: stored as the statustype of the mirror\'s own zaaktype', async () => {
      goed(await push(PZ, 'ZORGX', 7, 'In begeleiding', '20240202100000000'));
      expect(await spiegel(PZ)).toEqual(expect.objectContaining({ zaaktype: expect.objectContaining({ code: 'ZORG01' }), status: expect.objectContaining({ volgnummer: 2, omschrijving: 'In begeleiding' }) }));
      // No match, and a zaaktype outside the catalogue: StUF058, nothing changes.
      expect(schoneFout(await push(PZ, 'ZORGX', 8, 'Elders', '20240203100000000')).code).toBe('StUF058');
      expect(schoneFout(await push(PZ, 'ONBEKEND', 3, 'Afgerond', '20240203100000000')).code).toBe('StUF058');
      expect(await spiegel(PZ)).toEqual(expect.objectContaining({ zaaktype: expect.objectContaining({ code: 'ZORG01' }), status: expect.objectContaining({ volgnummer: 2 }) }));
    });

    it('announcing the zaak again with another zaaktype is refused, as an updateZaak that tries it', async () => {
      const r = await zaak('zorg', creeerZaak(d, { id: PZ, zaaktype: 'ZORG02', relaties: `<ZKN:heeftBetrekkingOpAndere StUF:entiteittype="ZAKZAKBTR" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="ZAK" StUF:verwerkingssoort="I"><ZKN:identificatie>${DP}</ZKN:identificatie></ZKN:gerelateerde></ZKN:heeftBetrekkingOpAndere>`, sturing: alsZorg.sturing }), 'creeerZaak');
      expect(schoneFout(r).code).toBe('StUF058');
      expect((await spiegel(PZ))?.zaaktype?.code).toBe('ZORG01');
    });

    it('a pull answering another zaaktype keeps the mirror\'s zaaktype and logs it; the status is taken', async () => {
      // As if the link had named ZORGL: the partner's answer names its ZORG02, which must not replace it.
      const s = (await spiegel(PZ2))!;
      await gw.app.gateway.store.spiegelzaken.zetZaaktype(s.id, { code: 'ZORGL', omschrijving: 'Gekoppeld zaaktype' });
      await gw.app.gateway.store.sql.voer("UPDATE spiegelzaak SET ververst = '2000-01-01T00:00:00.000Z' WHERE identificatie = ?", [PZ2]);
      const object = objectUit(await zaakstatus('regie', PZ2));
      expect(statussen(object)).toEqual([expect.objectContaining({ volgnummer: '1' })]);
      expect((await spiegel(PZ2))?.zaaktype).toEqual({ code: 'ZORGL', omschrijving: 'Gekoppeld zaaktype' });
      expect(regels.some((r) => r.includes('ander zaaktype van de partner genegeerd') && r.includes('ZORG02'))).toBe(true);
    });

    it("a failed refresh's melding says the partner is unreachable, not where it lives", async () => {
      await partner.stop();
      try {
        const r = await zaakstatus('regie', PZ);
        const meldingen = children(bericht(r.body), 'melding').map((m) => m.text);
        expect(meldingen).toEqual([expect.stringMatching(/niet ververst bij ketenpartner zorg .*niet bereikbaar/)]);
        const adres = new URL(partner.adres);
        for (const m of [...meldingen, (await spiegel(PZ))?.verversFout ?? '']) {
          expect(m).not.toContain(adres.hostname);
          expect(m).not.toContain(`:${adres.port}`);
          expect(m).not.toContain('http');
        }
      } finally {
        await partner.start();
      }
    });
  });

  it('the log holds no BSN, name or password', () => {
    const tekst = regels.join('');
    for (const geheim of [BSN, 'Vries', ZORG_LOGIN.wachtwoord, APPLICATIES.ketenpartner.wachtwoord, APPLICATIES.regie.wachtwoord, `inhoud van ${DOC_DP}`]) expect(tekst).not.toContain(geheim);
  });
});
