// Partner agreements (issue 18, item 5): per partner zaaktype a delivery term from the link, the statuses to report
// and the documents to deliver. The deelplan's subscribers are real receivers on loopback ports; the partner's
// messages come in both dialects. A link past its term is judged once: a breach is recorded and announced once (also
// with two gateway instances on one database), listed by `partners termijnen`, and lifted when the partner delivers
// late, when the link ends or when the agreement goes; a kept term is never announced. The announcement is an
// Actualiseer zaakstatus of the deelplan with extraElementen, as notificeerOverZaak and as initieerNotificeerOverZaak;
// every message the receivers get is validated against the RZS schemas by the conformance teardown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { bouwApp, GatewayApp } from '../../src/app';
import { Config, parseConfig } from '../../src/config';
import { REFERENTIE_ZAAKTYPEN } from '../../src/domain/referentieZaaktypen';
import { path } from '../../src/stuf/xml';
import { formatAmsterdam } from '../../src/stuf/tijd';
import { PartnerGebruikFout, TermijnRegel, partnersOpdracht } from '../../src/partners/partnerOpdracht';
import { DAG_MS } from '../../src/partners/termijnen';
import { Termijnbewaker, controletijden } from '../../src/partners/termijnbewaker';
import type { Termijnverslag } from '../../src/partners/termijnen';
import { Partners } from '../../src/partners/partners';
import { TestGateway, persoonsgegevensInLog, startGateway, testDatabase, vangLog } from '../support/gateway';
import { OP_POSTGRES } from '../support/postgresRun';
import { Ontvangen, TestOntvanger, bezorgd, tekstVan } from '../support/ontvanger';
import { inEnvelope } from '../support/soap';
import { Dialect, Sturing, actie, andereZaak, creeerZaak, legeRelatie, medewerker, rol, status, wijzig } from '../support/dialecten';
import { docActie, docPad, nieuwDocument } from '../support/documentBerichten';
import { aanmelding, als, beveiligd, deelplan, gezinsplan } from '../support/planBerichten';
import { goed } from '../support/antwoorden';

const ZORG = { organisatie: '0777', applicatie: 'ZORGSYS' };
const alsZorg: Sturing = { zender: ZORG.applicatie, organisatie: ZORG.organisatie };
/** The partner's zaaktype in our catalogue, with codes, so an agreement may name a status by code. */
const ZORG01 = {
  code: 'ZORG01', omschrijving: 'Ambulante begeleiding',
  statustypen: [
    { volgnummer: 1, omschrijving: 'Intake', code: 'INT' },
    { volgnummer: 2, omschrijving: 'In begeleiding', code: 'BEG' },
    { volgnummer: 3, omschrijving: 'Afgerond', code: 'AFG', eindstatus: true },
  ],
};
const CATALOGUS = { catalogus: [...REFERENTIE_ZAAKTYPEN, ZORG01] };
/** Two weeks to report the status In begeleiding (by its code) and to deliver the zorgplan. */
const AFSPRAAK = { zaaktype: 'ZORG01', termijnDagen: 14, statussen: ['BEG'], documenten: ['Zorgplan'] };
const SNEL = { intervalMs: 50, eersteWachttijdSeconden: 0.1, maxWachttijdSeconden: 0.5, timeoutSeconden: 2 };
const BSN = '111222333';

const bestemming = (o: TestOntvanger) => ({ naam: o.naam, adres: o.adres, ontvanger: { organisatie: '0599', applicatie: o.applicatie } });

/**
 * A gateway whose regiesysteem follows the deelplannen's Actualiseer zaakstatus, with the agreement of partner zorg;
 * it checks the terms only when the test says so (controleMinuten 0).
 */
const metRegie = (regie: TestOntvanger) => ({
  zaaktypen: CATALOGUS,
  partners: [{ naam: 'zorg', zender: ZORG, zaakidentificatie: ['0777'], afspraken: [AFSPRAAK] }],
  bestemmingen: [bestemming(regie)],
  abonnementen: [{ bestemming: regie.naam, zaaktypen: ['WMO01'], gebeurtenissen: ['Actualiseer zaakstatus'] }],
  bezorging: SNEL,
  partnertermijnen: { controleMinuten: 0 },
});

/** The extraElementen of a notification as [naam, waarde]. */
const extra = (o: Ontvangen) =>
  path(o.root, 'object', 'extraElementen')!.children.map((e) => [e.attrs.find((a) => a.local === 'naam')?.value, e.text.trim()]);
const zaakVan = (o: Ontvangen) => tekstVan(o.root, 'object', 'identificatie');
const over = (os: Ontvangen[], zaak: string) => os.filter((o) => zaakVan(o) === zaak);

/** The end of a term of `dagen` from the link, as the notification names it (StUF tijdstip, Amsterdam time). */
const verstreken = (gekoppeld: string, dagen: number) => formatAmsterdam(Date.parse(gekoppeld) + dagen * DAG_MS);

/** A command run of `partners termijnen --json`: the breaches. */
async function termijnen(config: Config, ...argv: string[]): Promise<TermijnRegel[]> {
  const uit: string[] = [];
  expect(await partnersOpdracht(config, ['termijnen', '--json', ...argv], (t) => uit.push(t))).toBe(0);
  return (JSON.parse(uit.join('')) as { overschrijdingen: TermijnRegel[] }).overschrijdingen;
}

/** What the partner and the regiesysteem send, in one dialect, with optional credentials. */
function berichten(gw: () => Pick<TestGateway, 'stuur'>, d: Dialect, wie: { regie?: Record<string, string>; partner?: Record<string, string>; regieSturing?: Sturing } = {}) {
  const stuur = async (body: string, dienst: Parameters<typeof actie>[1], headers?: Record<string, string>) =>
    goed(await gw().stuur(inEnvelope(body), { actie: actie(d, dienst), headers }));
  const partnerStatus = (volgnummer: number, omschrijving: string, datum: string) =>
    status(volgnummer, omschrijving, datum).replace('<ZKN:volgnummer>', '<ZKN:zkt.code>ZORG01</ZKN:zkt.code><ZKN:zkt.omschrijving>Ambulante begeleiding</ZKN:zkt.omschrijving><ZKN:volgnummer>');
  return {
    gezin: (id: string) => stuur(gezinsplan(d, { id, clients: [BSN], sturing: wie.regieSturing }), 'creeerZaak', wie.regie),
    deelplan: (id: string, gezin: string) => stuur(deelplan(d, { id, clients: [BSN], plannen: [gezin], sturing: wie.regieSturing }), 'creeerZaak', wie.regie),
    /** The partner announces its zaak with heeftBetrekkingOpAndere to our deelplan: the link. */
    aanmelding: (pz: string, dp: string) =>
      stuur(creeerZaak(d, { id: pz, zaaktype: 'ZORG01', relaties: rol('heeftAlsInitiator', medewerker('ZORG-MDW-7')) + andereZaak(dp) + partnerStatus(1, 'Intake', '20240201100000000'), sturing: alsZorg }), 'creeerZaak', wie.partner),
    status: (pz: string, volgnummer: number, omschrijving: string, datum: string) =>
      stuur(wijzig(d, 'actualiseerZaakstatus', pz, '', partnerStatus(volgnummer, omschrijving, datum), { sturing: alsZorg }), 'actualiseerZaakstatus', wie.partner),
    /** The partner (open mode: any application) files a document of this type in the deelplan. */
    document: async (id: string, dp: string, soort: string, headers?: Record<string, string>) => {
      const xml = nieuwDocument(d, 'voegZaakdocumentToe', { id, zaken: [dp], tekst: `${soort} van de partner`, sturing: headers ? { zender: ZORG.applicatie } : {} })
        .replace('<ZKN:dct.omschrijving>Brief</ZKN:dct.omschrijving>', `<ZKN:dct.omschrijving>${soort}</ZKN:dct.omschrijving>`)
        .replace(`<StUF:organisatie>0599</StUF:organisatie><StUF:applicatie>${ZORG.applicatie}</StUF:applicatie>`, `<StUF:organisatie>${ZORG.organisatie}</StUF:organisatie><StUF:applicatie>${ZORG.applicatie}</StUF:applicatie>`);
      goed(await gw().stuur(inEnvelope(xml), { actie: docActie(d, 'voegZaakdocumentToe'), pad: docPad('voegZaakdocumentToe'), headers }));
    },
    /** The regiesysteem lets go of the partner zaak (V on the deelplan's relation): the mirror goes. */
    ontkoppel: (dp: string, pz: string) =>
      stuur(wijzig(d, 'updateZaak', dp, andereZaak(pz, 'V'), legeRelatie('heeftBetrekkingOpAndere', 'ZAKZAKBTR', 'V'), { sturing: wie.regieSturing }), 'updateZaak', wie.regie),
  };
}

/** The moment of a link, as the mirror recorded it. */
async function gekoppeld(gw: TestGateway, pz: string): Promise<string> {
  return (await gw.app.gateway.store.spiegelzaken.vind(pz))!.aangemaakt;
}

describe.each<Dialect>(['zds12', 'zds11'])('partnerafspraken (%s)', (d) => {
  const regie = new TestOntvanger(`regie-termijn-${d}`, 'REGIESYSTEEM');
  /** Subscribed to the partner's zaaktype: hears the partner's statuses, not the breaches (those concern the deelplan). */
  const volger = new TestOntvanger(`volger-termijn-${d}`, 'VOLGER');
  /** Subscribed to the deelplan's zaaktype for Creeer zaak only. */
  const kaal = new TestOntvanger(`kaal-termijn-${d}`, 'KAAL');
  const ontvangers = [regie, volger, kaal];
  let gw: TestGateway;
  let bewaker: Termijnbewaker;
  const log = vangLog();
  const b = berichten(() => gw, d);
  let n = 0;
  const id = (soort: string) => `${soort === 'pz' ? '0777' : '0599'}${soort.toUpperCase()}${d === 'zds12' ? 2 : 1}${String(++n).padStart(4, '0')}`;
  const gezin = `0599GZT${d}`;
  /** A check as if `dagen` days had passed since now; what each receiver got from it. */
  const controle = async (dagen: number): Promise<{ verslag: Termijnverslag; ontvangen: Ontvangen[][] }> => {
    await bezorgd(gw); // what the messages before it caused is not the check's
    const begin = ontvangers.map((o) => o.ontvangen.length);
    const verslag = (await bewaker.ronde(new Date(Date.now() + dagen * DAG_MS)))!;
    await bezorgd(gw);
    return { verslag, ontvangen: ontvangers.map((o, i) => o.ontvangen.slice(begin[i])) };
  };
  const config = () => gw.config;
  /** The metric of open breaches for partner zorg, as Prometheus would scrape it. */
  const openInMetrics = async () => {
    const tekst = (await gw.app.inject({ url: '/metrics' })).body;
    return Number(/^zds_partner_term_breaches_open\{partner="zorg"\} (\d+)$/m.exec(tekst)?.[1] ?? 0);
  };

  beforeAll(async () => {
    await Promise.all(ontvangers.map((o) => o.start()));
    gw = await startGateway({
      zaaktypen: CATALOGUS,
      partners: [{ naam: 'zorg', zender: ZORG, zaakidentificatie: ['0777'], afspraken: [AFSPRAAK] }],
      bestemmingen: ontvangers.map(bestemming),
      abonnementen: [
        { bestemming: regie.naam, zaaktypen: ['WMO01'], gebeurtenissen: ['Actualiseer zaakstatus'] },
        { bestemming: volger.naam, zaaktypen: ['ZORG01'] },
        { bestemming: kaal.naam, zaaktypen: ['WMO01'], gebeurtenissen: ['Creeer zaak'] },
      ],
      bezorging: SNEL,
      // This test runs the checks itself, as if days had passed.
      partnertermijnen: { controleMinuten: 0 },
    }, undefined, log.log);
    bewaker = new Termijnbewaker(gw.app.gateway, log.log, { eersteNaMs: 0, intervalMs: 0 });
    await b.gezin(gezin);
  });

  afterAll(async () => {
    await gw?.sluit();
    await Promise.all(ontvangers.map((o) => o.stop()));
  });

  it('voor het einde van de termijn: niets', async () => {
    const [dp, pz] = [id('dp'), id('pz')];
    await b.deelplan(dp, gezin);
    await b.aanmelding(pz, dp);
    const { ontvangen } = await controle(13);
    expect(over(ontvangen[0], dp)).toEqual([]);
    expect((await termijnen(config())).filter((r) => r.partnerzaak === pz)).toEqual([]);
  });

  it('een gemiste termijn: één notificatie aan de abonnees van het deelplan, één keer; de lijst noemt haar', async () => {
    const [dp, pz] = [id('dp'), id('pz')];
    await b.deelplan(dp, gezin);
    await b.aanmelding(pz, dp);
    const link = await gekoppeld(gw, pz);
    const eerste = await controle(15);
    const [vanRegie, vanVolger, vanKaal] = eerste.ontvangen.map((os) => over(os, dp));
    expect(vanRegie.map(extra)).toEqual([[
      ['gebeurtenis', 'Actualiseer zaakstatus'],
      ['partnerzaak', pz],
      ['termijnVerstreken', verstreken(link, 14)],
      ['ontbrekendeStatus', 'BEG'],
      ['ontbrekendDocument', 'Zorgplan'],
    ]]);
    expect([vanRegie[0].root.local, vanRegie[0].actie]).toEqual(['notificeerOverZaak_Di01', expect.stringMatching(/notificeerOverZaak$/)]);
    expect(tekstVan(vanRegie[0].root, 'object', 'isVan', 'gerelateerde', 'code')).toBe('WMO01');
    // Thin: no person, no partner status in the deelplan's notification.
    expect(vanRegie[0].xml).not.toContain(BSN);
    expect(vanVolger).toEqual([]);
    expect(vanKaal).toEqual([]);
    expect(over(eerste.ontvangen[1], pz)).toEqual([]);
    expect(eerste.verslag.overschreden).toBeGreaterThanOrEqual(1);

    // Once per breach: the next checks announce nothing again.
    const tweede = await controle(16);
    expect(over(tweede.ontvangen[0], dp)).toEqual([]);
    expect(await termijnen(config())).toContainEqual({
      partner: 'zorg', partnerzaak: pz, deelplan: dp, zaaktype: 'ZORG01', termijnDagen: 14, gekoppeld: link,
      verstreken: new Date(Date.parse(link) + 14 * DAG_MS).toISOString(), vastgesteld: expect.any(String),
      ontbreekt: { statussen: ['BEG'], documenten: ['Zorgplan'] },
    });
    const uit: string[] = [];
    expect(await partnersOpdracht(config(), ['termijnen', '--partner', 'zorg'], (t) => uit.push(t))).toBe(0);
    expect(uit.join('')).toMatch(new RegExp(`^  ${pz}  partner zorg  zaaktype ZORG01  deelplan ${dp}  termijn 14 d  gekoppeld ${link}  verstreken \\S+  open sinds [^\\n]*  ontbreekt: status BEG, document Zorgplan$`, 'm'));
    expect(uit.join('')).toMatch(/^\d+ open overschrijding(en)?\n$/m);
    const regel = log.regels.map((r) => JSON.parse(r) as Record<string, unknown>).find((r) => r.msg === 'partnertermijn overschreden' && r.partnerzaak === pz);
    expect(regel).toMatchObject({ partner: 'zorg', deelplan: dp, zaaktype: 'ZORG01', ontbrekendeStatussen: ['BEG'], ontbrekendeDocumenten: ['Zorgplan'], notificaties: 1 });
  });

  it('de partner levert te laat: wat nog ontbreekt wordt bijgehouden, alles geleverd heft de overschrijding op (zonder notificatie); zij blijft als geschiedenis', async () => {
    const [dp, pz, doc] = [id('dp'), id('pz'), id('doc')];
    await b.deelplan(dp, gezin);
    await b.aanmelding(pz, dp);
    expect(over((await controle(15)).ontvangen[0], dp)).toHaveLength(1);

    // Status 3 lies beyond BEG (volgnummer 2): the mirror keeps only the last status, so BEG counts as reported.
    await b.status(pz, 3, 'Afgerond', '20240301100000000');
    await controle(16);
    expect((await termijnen(config())).find((r) => r.partnerzaak === pz)?.ontbreekt).toEqual({ statussen: [], documenten: ['Zorgplan'] });

    // Case and spaces of the document type do not matter.
    await b.document(doc, dp, 'zorgPlan');
    const open = await openInMetrics();
    expect(open).toBe((await termijnen(config())).length);
    const { verslag, ontvangen } = await controle(17);
    expect(await openInMetrics()).toBe(open - 1);
    expect(ontvangen.flatMap((os) => over(os, dp))).toEqual([]);
    expect(verslag.opgeheven.geleverd).toBeGreaterThanOrEqual(1);
    expect((await termijnen(config())).filter((r) => r.partnerzaak === pz)).toEqual([]);
    const geschiedenis = (await termijnen(config(), '--opgeheven')).filter((r) => r.partnerzaak === pz);
    expect(geschiedenis).toEqual([expect.objectContaining({ opheffing: 'geleverd', opgeheven: expect.any(String), ontbreekt: { statussen: ['BEG'], documenten: ['Zorgplan'] } })]);

    // Lifted is lifted: later checks leave it alone and announce nothing.
    expect(over((await controle(30)).ontvangen[0], dp)).toEqual([]);
  });

  it('op tijd geleverd: geen overschrijding, en de koppeling wordt niet opnieuw beoordeeld', async () => {
    const [dp, pz, doc] = [id('dp'), id('pz'), id('doc')];
    await b.deelplan(dp, gezin);
    await b.aanmelding(pz, dp);
    await b.status(pz, 2, 'In begeleiding', '20240215100000000');
    await b.document(doc, dp, 'Zorgplan');
    const { ontvangen } = await controle(15);
    expect(over(ontvangen[0], dp)).toEqual([]);
    expect((await termijnen(config(), '--opgeheven')).filter((r) => r.partnerzaak === pz)).toEqual([]);
    const rij = await gw.app.gateway.store.sql.een<{ uitkomst: string }>('SELECT uitkomst FROM partnertermijn WHERE partnerzaak = ?', [pz]);
    expect(rij).toEqual({ uitkomst: 'nagekomen' });
    // Judged once: the walk no longer lists it.
    const grens = new Date(Date.now() + DAG_MS).toISOString();
    expect((await gw.app.gateway.store.partnertermijnen.teBeoordelen('zorg', 'ZORG01', grens, undefined, 1000)).map((k) => k.identificatie)).not.toContain(pz);
  });

  it('de koppeling eindigt: de overschrijding is opgeheven als ontkoppeld', async () => {
    const [dp, pz] = [id('dp'), id('pz')];
    await b.deelplan(dp, gezin);
    await b.aanmelding(pz, dp);
    await controle(15);
    await b.ontkoppel(dp, pz);
    expect(await gw.app.gateway.store.spiegelzaken.vind(pz)).toBeUndefined();
    const { ontvangen } = await controle(16);
    expect(over(ontvangen[0], dp)).toEqual([]);
    expect((await termijnen(config(), '--opgeheven')).filter((r) => r.partnerzaak === pz)).toEqual([expect.objectContaining({ opheffing: 'ontkoppeld' })]);
  });
});

describe('extern: initieerNotificeerOverZaak aan het abonnementenbeheer', () => {
  const beheer = new TestOntvanger('beheer-termijn', 'ABONBEHEER');
  let gw: TestGateway;
  const d: Dialect = 'zds11';
  const b = berichten(() => gw, d);

  beforeAll(async () => {
    await beheer.start();
    gw = await startGateway({
      zaaktypen: CATALOGUS,
      partners: [{ naam: 'zorg', zender: ZORG, zaakidentificatie: ['0777'], afspraken: [{ zaaktype: 'ZORG01', termijnDagen: 7, statussen: [2, 3] }] }],
      bestemmingen: [bestemming(beheer)],
      notificaties: { modus: 'extern', abonnementenbeheer: beheer.naam },
      bezorging: SNEL,
      partnertermijnen: { controleMinuten: 0 },
    });
  });
  afterAll(async () => {
    await gw?.sluit();
    await beheer.stop();
  });

  it('het deelplan, met de gateway als zendende applicatie en de ontbrekende statussen op volgnummer', async () => {
    await b.gezin('0599GZE0001');
    await b.deelplan('0599DPE0001', '0599GZE0001');
    await b.aanmelding('0777PZE0001', '0599DPE0001');
    await b.status('0777PZE0001', 2, 'In begeleiding', '20240215100000000');
    const link = await gekoppeld(gw, '0777PZE0001');
    await bezorgd(gw);
    const voor = beheer.ontvangen.length;
    await new Termijnbewaker(gw.app.gateway, pino({ level: 'silent' }), { eersteNaMs: 0, intervalMs: 0 }).ronde(new Date(Date.now() + 8 * DAG_MS));
    await bezorgd(gw);
    const berichten = over(beheer.ontvangen.slice(voor), '0599DPE0001');
    expect(berichten.map((o) => o.root.local)).toEqual(['initieerNotificeerOverZaak_Di01']);
    expect(extra(berichten[0])).toEqual([
      ['gebeurtenis', 'Actualiseer zaakstatus'],
      ['zendendeApplicatie', 'ZDSGW'],
      ['partnerzaak', '0777PZE0001'],
      ['termijnVerstreken', verstreken(link, 7)],
      ['ontbrekendeStatus', '3'],
    ]);
  });
});

describe('twee instanties op één database', () => {
  const regie = new TestOntvanger('regie-termijn-twee', 'REGIESYSTEEM');
  const gws: TestGateway[] = [];
  let map: string;
  let verwijder: () => Promise<void>;
  const d: Dialect = 'zds12';

  beforeAll(async () => {
    await regie.start();
    map = mkdtempSync(join(tmpdir(), 'zdsgw-termijn-'));
    const db = await testDatabase(map);
    verwijder = db.verwijder;
    for (let i = 0; i < 2; i++) {
      gws.push(await startGateway({ database: db.config, ...metRegie(regie) }));
    }
  });
  afterAll(async () => {
    for (const gw of gws) await gw.sluit();
    await verwijder?.();
    rmSync(map, { recursive: true, force: true });
    await regie.stop();
  });

  it('beide controleren tegelijk: één overschrijding, één notificatie', async () => {
    const b = berichten(() => gws[0], d);
    await b.gezin('0599GZM0001');
    const dps = Array.from({ length: 6 }, (_, i) => `0599DPM000${i + 1}`);
    for (const [i, dp] of dps.entries()) {
      await b.deelplan(dp, '0599GZM0001');
      await b.aanmelding(`0777PZM000${i + 1}`, dp);
    }
    const nu = new Date(Date.now() + 15 * DAG_MS);
    const ronde = (gw: TestGateway) => new Termijnbewaker(gw.app.gateway, pino({ level: 'silent' }), { eersteNaMs: 0, intervalMs: 0 }).ronde(nu);
    // PostgreSQL: both at once, so that their inserts of one link meet on the unique key. SQLite has one writer per
    // file, and two connections in one process would wait on each other: in turn, the second finding all judged.
    const verslagen = OP_POSTGRES ? await Promise.all(gws.map(ronde)) : [await ronde(gws[0]), await ronde(gws[1])];
    for (const gw of gws) await bezorgd(gw);
    // Delivery is asynchronous: give a second notification, if any, the time to arrive.
    await regie.wachtOp(dps.length);
    await new Promise((r) => setTimeout(r, 300));
    expect(verslagen.reduce((s, v) => s + v!.overschreden, 0)).toBe(dps.length);
    expect(verslagen.reduce((s, v) => s + v!.notificaties, 0)).toBe(dps.length);
    expect(regie.ontvangen.map(zaakVan).sort()).toEqual(dps);
    expect(await termijnen(gws[1].config)).toHaveLength(dps.length);
  });

  it('een gateway zonder de afspraak heft de open overschrijdingen op als afspraak vervallen', async () => {
    const zonder = await startGateway({
      database: gws[0].config.database, zaaktypen: CATALOGUS, partners: [{ naam: 'zorg', zender: ZORG, zaakidentificatie: ['0777'] }],
      bestemmingen: [bestemming(regie)], bezorging: SNEL, partnertermijnen: { controleMinuten: 0 },
    });
    try {
      const voor = regie.ontvangen.length;
      const v = await new Termijnbewaker(zonder.app.gateway, pino({ level: 'silent' }), { eersteNaMs: 0, intervalMs: 0 }).ronde(new Date(Date.now() + 20 * DAG_MS));
      expect(v?.opgeheven).toEqual({ geleverd: 0, ontkoppeld: 0, 'afspraak vervallen': 6 });
      expect(await termijnen(zonder.config)).toEqual([]);
      expect((await termijnen(zonder.config, '--opgeheven')).map((r) => r.opheffing)).toEqual(Array(6).fill('afspraak vervallen'));
      await bezorgd(zonder);
      expect(regie.ontvangen.length).toBe(voor);
    } finally {
      await zonder.sluit();
    }
  });

  it('een oordeel over een koppeling wordt één keer vastgelegd', async () => {
    const store = gws[0].app.gateway.store;
    const oordeel = {
      partnerzaak: '0777PZM0100', gekoppeld: '2024-01-01T00:00:00.000Z', partner: 'zorg', zaaktype: 'ZORG01', deelplan: '0599DPM0100', termijnDagen: 14,
      verstreken: '2024-01-15T00:00:00.000Z', uitkomst: 'nagekomen' as const, vastgesteld: '2024-01-16T00:00:00.000Z',
    };
    expect(await store.transactie((tx) => tx.partnertermijnen.legVast(oordeel))).toBe(true);
    expect(await gws[1].app.gateway.store.transactie((tx) => tx.partnertermijnen.legVast({ ...oordeel, uitkomst: 'overschreden', ontbrak: { statussen: ['2'], documenten: [] } }))).toBe(false);
    // A new link of the same zaak later is judged on its own.
    expect(await store.transactie((tx) => tx.partnertermijnen.legVast({ ...oordeel, gekoppeld: '2024-03-01T00:00:00.000Z' }))).toBe(true);
  });
});

describe('beveiligd: geregistreerde applicaties, het log zonder persoonsgegevens', () => {
  const regie = new TestOntvanger('regie-termijn-beveiligd', 'REGIESYSTEEM');
  const ZORG_APP = { gebruikersnaam: 'zorgsys', wachtwoord: 'zorg-geheim-12' };
  const alsPartner = { authorization: `Basic ${Buffer.from(`${ZORG_APP.gebruikersnaam}:${ZORG_APP.wachtwoord}`).toString('base64')}` };
  const log = vangLog();
  let gw: TestGateway;

  beforeAll(async () => {
    await regie.start();
    gw = await startGateway({
      ...beveiligd({ applicaties: [{ zender: ZORG, rol: 'ketenpartner', basic: ZORG_APP, zaaktypen: { lezen: ['WMO01'], schrijven: ['WMO01'] } }] }),
      ...metRegie(regie),
    }, undefined, log.log);
  });
  afterAll(async () => {
    await gw?.sluit();
    await regie.stop();
  });

  it.each<Dialect>(['zds12', 'zds11'])('%s: de regie koppelt, de partner levert te laat; het log noemt de partnerzaak, geen BSN of naam', async (d) => {
    const b = berichten(() => gw, d, { regie: aanmelding('regie'), partner: alsPartner, regieSturing: als('regie') });
    const [gz, dp, pz] = [`0599GZB${d}`, `0599DPB${d}`, `0777PZB${d}`];
    await b.gezin(gz);
    await b.deelplan(dp, gz);
    await b.aanmelding(pz, dp);
    const bewaker = new Termijnbewaker(gw.app.gateway, log.log, { eersteNaMs: 0, intervalMs: 0 });
    const voor = regie.ontvangen.length;
    await bewaker.ronde(new Date(Date.now() + 15 * DAG_MS));
    await bezorgd(gw);
    expect(over(regie.ontvangen.slice(voor), dp).map(extra)).toEqual([[
      ['gebeurtenis', 'Actualiseer zaakstatus'], ['partnerzaak', pz], ['termijnVerstreken', expect.stringMatching(/^\d{17}$/)],
      ['ontbrekendeStatus', 'BEG'], ['ontbrekendDocument', 'Zorgplan'],
    ]]);
    await b.status(pz, 2, 'In begeleiding', '20240215100000000');
    await b.document(`0599DOCB${d}`, dp, 'Zorgplan', alsPartner);
    const v = await bewaker.ronde(new Date(Date.now() + 16 * DAG_MS));
    expect(v?.opgeheven.geleverd).toBe(1);
    const tekst = log.regels.join('');
    expect(tekst).toContain(pz);
    expect(tekst).not.toContain(BSN);
    expect(tekst).not.toContain('Vries');
    expect(persoonsgegevensInLog(log.regels, gw.config)).toEqual([]);
  });
});

describe('in de service', () => {
  const regie = new TestOntvanger('regie-termijn-service', 'REGIESYSTEEM');
  let app: GatewayApp | undefined;
  let map: string;

  beforeAll(async () => {
    await regie.start();
    map = mkdtempSync(join(tmpdir(), 'zdsgw-termijn-'));
  });
  afterAll(async () => {
    await app?.close();
    rmSync(map, { recursive: true, force: true });
    await regie.stop();
  });

  it('controleert zelf, elke controleMinuten, en meldt een overschrijding één keer; sluiten stopt de controle', async () => {
    const db = await testDatabase(map);
    const config = parseConfig({
      database: db.config,
      server: { tlsBijProxy: true },
      ...metRegie(regie),
    });
    // A fraction of a minute, which the configuration would refuse: the first round comes at the interval.
    config.partnertermijnen.controleMinuten = 0.002;
    const log = vangLog();
    try {
      app = await bouwApp({ config, log: log.log });
      await app.ready();
      const inject = app;
      const gw: Pick<TestGateway, 'stuur'> = {
        async stuur(body, o = {}) {
          const r = await inject.inject({ method: 'POST', url: o.pad ?? '/OntvangAsynchroon', payload: body, headers: { 'content-type': 'text/xml; charset=utf-8', ...(o.actie ? { soapaction: o.actie } : {}), ...o.headers } });
          return { status: r.statusCode, body: r.body, headers: r.headers };
        },
      };
      const b = berichten(() => gw, 'zds12');
      await b.gezin('0599GZS0001');
      await b.deelplan('0599DPS0001', '0599GZS0001');
      await b.aanmelding('0777PZS0001', '0599DPS0001');
      // The link was made three weeks ago.
      await app.gateway.store.sql.voer('UPDATE spiegelzaak SET aangemaakt = ? WHERE identificatie = ?', [new Date(Date.now() - 21 * DAG_MS).toISOString(), '0777PZS0001']);
      await regie.wachtOp(1);
      const rondes = () => log.regels.filter((r) => r.includes('partnertermijnen gecontroleerd')).length;
      const na = rondes();
      for (const eind = Date.now() + 10_000; rondes() < na + 3 && Date.now() < eind; ) await new Promise((r) => setTimeout(r, 20));
      expect(rondes()).toBeGreaterThanOrEqual(na + 3);
      expect(over(regie.ontvangen, '0599DPS0001')).toHaveLength(1);
      await app.close();
      app = undefined;
      const gesloten = rondes();
      await new Promise((r) => setTimeout(r, 100));
      expect(rondes()).toBe(gesloten);
    } finally {
      await app?.close();
      app = undefined;
      await db.verwijder();
    }
  });

  it('zonder afspraken of met controleMinuten 0: geen rondes', () => {
    const config = parseConfig({ partners: [{ naam: 'zorg', zender: ZORG, afspraken: [AFSPRAAK] }], zaaktypen: CATALOGUS, partnertermijnen: { controleMinuten: 0 } });
    expect(controletijden({ config, partners: new Partners(config.partners) }).intervalMs).toBe(0);
    const zonder = parseConfig({ partners: [{ naam: 'zorg', zender: ZORG }] });
    expect(controletijden({ config: zonder, partners: new Partners(zonder.partners) }).intervalMs).toBe(0);
    const met = parseConfig({ partners: [{ naam: 'zorg', zender: ZORG, afspraken: [AFSPRAAK] }], zaaktypen: CATALOGUS });
    const t = controletijden({ config: met, partners: new Partners(met.partners) });
    expect(t.intervalMs).toBe(15 * 60_000);
    expect(t.eersteNaMs).toBeGreaterThanOrEqual(60_000);
    expect(t.eersteNaMs).toBeLessThanOrEqual(120_000);
  });
});

describe('partners termijnen: verkeerd gebruik', () => {
  it('een onbekende partner: exitcode 2', async () => {
    const map = mkdtempSync(join(tmpdir(), 'zdsgw-termijn-'));
    const db = await testDatabase(map);
    try {
      const config = parseConfig({ database: db.config, partners: [{ naam: 'zorg', zender: ZORG, afspraken: [AFSPRAAK] }], zaaktypen: CATALOGUS });
      // The database exists once a gateway opened it.
      const app = await bouwApp({ config: { ...config, partnertermijnen: { controleMinuten: 0 } }, log: pino({ level: 'silent' }) });
      await app.close();
      const uit: string[] = [];
      expect(await partnersOpdracht(config, ['termijnen'], (t) => uit.push(t))).toBe(0);
      expect(uit.join('')).toBe('0 open overschrijdingen\n');
      const fout = await partnersOpdracht(config, ['termijnen', '--partner', 'werk'], () => {}).catch((e: unknown) => e);
      expect(fout).toBeInstanceOf(PartnerGebruikFout);
      expect((fout as PartnerGebruikFout).exitCode).toBe(2);
      expect((fout as Error).message).toMatch(/ketenpartner 'werk' is onbekend \(bekend: zorg\)/);
      await expect(partnersOpdracht(config, ['termijnen', 'extra'], () => {})).rejects.toBeInstanceOf(PartnerGebruikFout);
    } finally {
      await db.verwijder();
      rmSync(map, { recursive: true, force: true });
    }
  });
});

describe('afspraken in de configuratie', () => {
  const partner = (afspraken: unknown[], catalogus = CATALOGUS) => parseConfig({ zaaktypen: catalogus, partners: [{ naam: 'zorg', zender: ZORG, afspraken }] });

  it('standaard geen afspraken en elk kwartier een controle; een afspraak houdt haar statussen en documenten', () => {
    expect(parseConfig({ partners: [{ naam: 'zorg', zender: ZORG }] }).partners[0].afspraken).toEqual([]);
    expect(parseConfig({}).partnertermijnen).toEqual({ controleMinuten: 15 });
    expect(partner([{ zaaktype: 'ZORG01', termijnDagen: 10, statussen: [2, 'AFG'] }]).partners[0].afspraken).toEqual([{ zaaktype: 'ZORG01', termijnDagen: 10, statussen: [2, 'AFG'], documenten: [] }]);
    // A zaaktype outside our catalogue is the partner's: its statuses are taken as agreed.
    expect(partner([{ zaaktype: 'ELDERS', termijnDagen: 10, statussen: ['X9'] }]).partners[0].afspraken[0].statussen).toEqual(['X9']);
  });

  it('wat niet klopt wordt genoemd', () => {
    expect(() => partner([{ zaaktype: 'ZORG01', termijnDagen: 10 }])).toThrow(/partners\.0\.afspraken\.0: afspraak voor zaaktype 'ZORG01' verwacht niets/);
    expect(() => partner([AFSPRAAK, { ...AFSPRAAK, termijnDagen: 20 }])).toThrow(/partners\.0\.afspraken\.1\.zaaktype: partner 'zorg' heeft meer dan één afspraak voor zaaktype 'ZORG01'/);
    expect(() => partner([{ ...AFSPRAAK, statussen: [4] }])).toThrow(/partners\.0\.afspraken\.0\.statussen\.0: zaaktype 'ZORG01' heeft geen statustype met volgnummer 4 \(bekend: 1 \(INT\), 2 \(BEG\), 3 \(AFG\)\)/);
    expect(() => partner([{ ...AFSPRAAK, statussen: ['KLAAR'] }])).toThrow(/statussen\.0: zaaktype 'ZORG01' heeft geen statustype met code KLAAR/);
    expect(() => partner([{ ...AFSPRAAK, documenten: ['Zorgplan', 'zorgplan '] }])).toThrow(/documenten: document 'zorgplan' staat er meer dan eens in/);
    expect(() => partner([{ ...AFSPRAAK, termijnDagen: 0 }])).toThrow(/termijnDagen/);
    expect(() => partner([{ ...AFSPRAAK, termijnDagen: 1.5 }])).toThrow(/termijnDagen/);
    expect(() => parseConfig({ partnertermijnen: { controleMinuten: -1 } })).toThrow(/partnertermijnen\.controleMinuten/);
  });
});
