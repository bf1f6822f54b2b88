// GET /metrics (issue 17, item 3; README "Metrics"): after a few real exchanges (a creeerZaak with a person, its
// resend, a question, a refused change, an unreadable body, a message to an unknown path, a notification delivered to
// one configured destination and refused by another) the metrics carry their names, labels and outcomes, the outbox and database gauges are
// read at scrape time, and nothing a caller sent (BSN, name, zaak identificatie, referentienummer, path) is in them.
import { NAMEN } from '../../src/metrics/metrics';
import type { SqlWaarde } from '../../src/store/sql';
import { TestGateway, startGateway, vangLog } from '../support/gateway';
import { TestOntvanger } from '../support/ontvanger';
import { inEnvelope } from '../support/soap';
import { actie, creeerZaak, geefZaakdetails, medewerker, persoon, rol, wijzig } from '../support/dialecten';
import { beveiligd } from '../support/planBerichten';
import { goed, schoneFout } from '../support/antwoorden';

const BSN = '111222333';
const NAAM = 'Zwartkruis';
const ZAAK = '0599MTRZ0001';
const ONBEKENDE_ZAAK = '0599MTRZ0404';
const REFS = ['MTR-REF-CREEER-4711', 'MTR-REF-VRAAG-4712', 'MTR-REF-FOUT-4713'];
const GEHEIM = [BSN, NAAM, ZAAK, ONBEKENDE_ZAAK, ...REFS];

interface Reeks {
  naam: string;
  labels: Record<string, string>;
  waarde: number;
}

/** The samples of an exposition text (label values unescaped). */
function reeksen(tekst: string): Reeks[] {
  return tekst.split('\n').filter((r) => r && !r.startsWith('#')).map((r) => {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(r);
    if (!m) throw new Error(`geen sample: ${r}`);
    const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2].replace(/\\(.)/g, '$1')]));
    return { naam: m[1], labels, waarde: Number(m[3]) };
  });
}

const waarde = (rs: Reeks[], naam: string, labels: Record<string, string>) =>
  rs.filter((r) => r.naam === naam && Object.entries(labels).every(([k, v]) => r.labels[k] === v)).reduce((som, r) => som + r.waarde, 0);
const labelWaarden = (rs: Reeks[], naam: string, label: string) => [...new Set(rs.filter((r) => r.naam === naam).map((r) => r.labels[label]))].sort();

async function scrape(g: TestGateway): Promise<{ tekst: string; rs: Reeks[] }> {
  const r = await g.app.inject({ method: 'GET', url: '/metrics' });
  expect(r.statusCode).toBe(200);
  expect(r.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  return { tekst: r.body, rs: reeksen(r.body) };
}

/** Waits until the outbox holds nothing waiting. */
async function bezorgd(g: TestGateway, ms = 15000): Promise<void> {
  const eind = Date.now() + ms;
  while ((await g.app.gateway.store.uitgaand.lijst({ status: 'wachtend' })).length > 0) {
    if (Date.now() > eind) throw new Error(`na ${ms} ms nog uitgaande berichten wachtend`);
    await new Promise((klaar) => setTimeout(klaar, 25));
  }
}

describe('GET /metrics', () => {
  const abonnee = new TestOntvanger('metriekabonnee', 'ABONNEE');
  const weigeraar = new TestOntvanger('metriekweigeraar', 'WEIGERAAR');
  const log = vangLog();
  let g: TestGateway;
  let tekst: string;
  let rs: Reeks[];

  beforeAll(async () => {
    weigeraar.gedrag = 'fo03-client'; // refuses as the sender's fault: dead after one attempt
    await Promise.all([abonnee.start(), weigeraar.start()]);
    g = await startGateway({
      bestemmingen: [abonnee, weigeraar].map((o) => ({ naam: o.naam, adres: o.adres, ontvanger: { organisatie: '0599', applicatie: o.applicatie } })),
      abonnementen: [{ bestemming: abonnee.naam }, { bestemming: weigeraar.naam }],
      bezorging: { intervalMs: 50, eersteWachttijdSeconden: 0.1, maxWachttijdSeconden: 0.5, timeoutSeconden: 2 },
    }, 'metrics', log.log);

    const nieuw = inEnvelope(creeerZaak('zds12', {
      id: ZAAK,
      relaties: rol('heeftAlsInitiator', persoon(BSN, `<BG:geslachtsnaam>${NAAM}</BG:geslachtsnaam>`)) + rol('heeftAlsUitvoerende', medewerker('MDW-1')),
      sturing: { ref: REFS[0] },
    }));
    goed(await g.stuur(nieuw, { actie: actie('zds12', 'creeerZaak') }));
    goed(await g.stuur(nieuw, { actie: actie('zds12', 'creeerZaak') })); // the resend: answered again, not processed
    goed(await g.stuur(inEnvelope(geefZaakdetails('zds12', ZAAK, undefined, { ref: REFS[1] })), { actie: actie('zds12', 'geefZaakdetails'), pad: '/BeantwoordVraag' }));
    const fout = wijzig('zds12', 'updateZaak', ONBEKENDE_ZAAK, '<ZKN:omschrijving>Testzaak</ZKN:omschrijving>', `<ZKN:omschrijving>${NAAM}</ZKN:omschrijving>`, { sturing: { ref: REFS[2] } });
    expect(schoneFout(await g.stuur(inEnvelope(fout), { actie: actie('zds12', 'updateZaak') })).soort).toBe('Fo03');
    expect((await g.stuur(`<niet-af ${NAAM} ${BSN}`)).status).toBe(500);
    expect((await g.stuur(inEnvelope(geefZaakdetails('zds12', ZAAK)), { pad: `/${NAAM}/${BSN}` })).status).toBe(500);
    await Promise.all([abonnee.wachtOp(1), weigeraar.wachtOp(1)]);
    await bezorgd(g);
    // What the emitters send that a configuration does not know: a partner and a destination by another name, an
    // outcome that is no code. Reported here directly, as the partner mirror and an old outbox row would.
    const vreemd = { tijd: new Date(), richting: 'uit' as const, zaken: [ZAAK], httpStatus: 0, ms: 5, grootteVerzoek: 10, grootteAntwoord: 0, referentienummer: REFS[0] };
    g.app.gateway.waarneming!.uitwisseling({ ...vreemd, soort: 'partnervraag', endpoint: `partner-${BSN}`, uitkomst: `fout ${NAAM}` });
    g.app.gateway.waarneming!.uitwisseling({ ...vreemd, soort: 'notificatie', endpoint: `bestemming-${ZAAK}`, operatie: `soort-${NAAM}`, uitkomst: `Fo03 ${BSN}`, poging: 1 });
    ({ tekst, rs } = await scrape(g));
  });
  afterAll(async () => {
    await g?.sluit();
    await Promise.all([abonnee.stop(), weigeraar.stop()]);
  });

  it('serves every metric of the module, and the process\'s event-loop delay and CPU', () => {
    const typen = new Set([...tekst.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]));
    for (const naam of [...Object.values(NAMEN), 'nodejs_eventloop_lag_seconds', 'nodejs_eventloop_lag_p99_seconds', 'process_cpu_user_seconds_total']) expect([naam, typen.has(naam)]).toEqual([naam, true]);
  });

  it('counts requests per operation, dialect and outcome, with their durations and sizes', () => {
    expect(waarde(rs, NAMEN.verzoeken, { operation: 'creeerZaak', dialect: 'zds12', outcome: 'Bv03' })).toBe(2);
    expect(waarde(rs, NAMEN.verzoeken, { operation: 'geefZaakdetails', dialect: 'zds12', outcome: 'La01' })).toBe(1);
    const fouten = rs.filter((r) => r.naam === NAMEN.verzoeken && !/^(Bv03|La01)$/.test(r.labels.outcome));
    expect(fouten.every((r) => /^StUF\d{3}$/.test(r.labels.outcome))).toBe(true);
    expect(fouten.filter((r) => r.labels.operation === 'updateZaak')).toHaveLength(1);
    // The unreadable body and the unknown path: no operation, no dialect.
    expect(fouten.filter((r) => r.labels.operation === 'onbekend' && r.labels.dialect === 'onbekend').reduce((s, r) => s + r.waarde, 0)).toBe(2);
    expect(labelWaarden(rs, NAMEN.verzoeken, 'operation')).toEqual(['creeerZaak', 'geefZaakdetails', 'onbekend', 'updateZaak']);
    expect(Object.keys(rs.find((r) => r.naam === NAMEN.verzoeken)!.labels).sort()).toEqual(['dialect', 'operation', 'outcome']);

    expect(waarde(rs, `${NAMEN.duur}_count`, { operation: 'creeerZaak' })).toBe(2);
    expect(waarde(rs, `${NAMEN.duur}_count`, {})).toBe(6);
    expect(waarde(rs, `${NAMEN.duur}_bucket`, { operation: 'creeerZaak', le: '+Inf' })).toBe(2);
    expect(waarde(rs, `${NAMEN.grootteVerzoek}_count`, { operation: 'geefZaakdetails' })).toBe(1);
    expect(waarde(rs, `${NAMEN.grootteVerzoek}_sum`, { operation: 'geefZaakdetails' })).toBeGreaterThan(500);
    expect(waarde(rs, `${NAMEN.grootteAntwoord}_sum`, { operation: 'geefZaakdetails' })).toBeGreaterThan(waarde(rs, `${NAMEN.grootteAntwoord}_sum`, { operation: 'creeerZaak' }) / 2);
  });

  it('counts the resend, the protocol rows, the deliveries, and the outbox messages that wait or are dead', () => {
    expect(waarde(rs, NAMEN.herhaald, { operation: 'creeerZaak' })).toBe(1);
    expect(waarde(rs, NAMEN.herhaald, {})).toBe(1);
    expect(waarde(rs, NAMEN.protocolregels, { kind: 'schrijven' })).toBe(1);
    expect(waarde(rs, NAMEN.protocolregels, { kind: 'lezen' })).toBe(1);
    expect(waarde(rs, NAMEN.bezorgpogingen, { destination: abonnee.naam, kind: 'notificeerOverZaak', outcome: 'Bv03' })).toBe(1);
    expect(waarde(rs, NAMEN.bezorgpogingen, { destination: weigeraar.naam, kind: 'notificeerOverZaak', outcome: 'StUF058' })).toBe(1);
    expect(waarde(rs, NAMEN.uitgaand, { destination: weigeraar.naam, kind: 'notificeerOverZaak', state: 'dood' })).toBe(1);
    // Delivered messages are not read at scrape time (the deliveries counter has them); nothing waits.
    expect(labelWaarden(rs, NAMEN.uitgaand, 'state')).toEqual(['dood']);
    expect(labelWaarden(rs, NAMEN.uitgaand, 'destination')).toEqual([weigeraar.naam]);
    expect(waarde(rs, NAMEN.databasegrootte, {})).toBeGreaterThan(10_000);
  });

  it('maps names outside the configuration to onbekend and outcomes that are no code to anders', () => {
    expect(waarde(rs, NAMEN.partnervragen, { partner: 'onbekend' })).toBe(1);
    expect(waarde(rs, NAMEN.partnerfouten, { partner: 'onbekend' })).toBe(1);
    expect(waarde(rs, NAMEN.bezorgpogingen, { destination: 'onbekend', kind: 'onbekend', outcome: 'anders' })).toBe(1);
    expect(labelWaarden(rs, NAMEN.bezorgpogingen, 'destination')).toEqual([abonnee.naam, weigeraar.naam, 'onbekend'].sort());
  });

  it('has no BSN, name, zaak identificatie, referentienummer or path in it', () => {
    for (const geheim of GEHEIM.filter((x) => !/^\d+$/.test(x))) expect([geheim, tekst.includes(geheim)]).toEqual([geheim, false]);
    // Digits alone may be a value (a byte count); in a label or a name they may not stand.
    const labels = rs.flatMap((r) => [r.naam, ...Object.values(r.labels)]);
    for (const geheim of GEHEIM) expect([geheim, labels.filter((l) => l.includes(geheim))]).toEqual([geheim, []]);
    expect(labels.filter((l) => l.includes('/'))).toEqual([]);
  });

  it('leaves a gauge as it was when the database cannot be read, and still answers', async () => {
    const sql = g.app.gateway.store.sql;
    const alle = sql.alle;
    sql.alle = <T>(tekst: string, params?: readonly SqlWaarde[]): Promise<T[]> => (/FROM uitgaand WHERE status IN/.test(tekst) ? Promise.reject(new Error('database weg (test)')) : alle.call(sql, tekst, params) as Promise<T[]>);
    try {
      const na = await scrape(g);
      expect(waarde(na.rs, NAMEN.uitgaand, { destination: weigeraar.naam, state: 'dood' })).toBe(1);
      expect(waarde(na.rs, NAMEN.verzoeken, { operation: 'creeerZaak' })).toBe(2);
    } finally {
      sql.alle = alle;
    }
    expect(log.regels.filter((r) => r.includes('metriek niet gelezen') && r.includes(NAMEN.uitgaand))).toHaveLength(1);
  });
});

describe('GET /metrics, secured and switched off', () => {
  let g: TestGateway | undefined;
  afterEach(async () => {
    await g?.sluit();
    g = undefined;
  });

  it('answers without credentials in beveiligd mode', async () => {
    g = await startGateway(beveiligd());
    const r = await g.app.inject({ method: 'GET', url: '/metrics' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toMatch(/^# TYPE zds_requests_total counter$/m);
  });

  it('is not there with metrics.aan false', async () => {
    g = await startGateway({ metrics: { aan: false } });
    expect((await g.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
  });
});
