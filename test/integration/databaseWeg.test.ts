// A gateway on PostgreSQL whose database goes away (issue 16, point 5): a question or Di02 is answered StUF049, a
// kennisgeving StUF046, both "bied het bericht later opnieuw aan" with the error's code and a kenmerk the log has,
// never the database's address; /health says 503. When the database is back, the same messages offered again are
// processed. The cluster is this file's own (it is stopped), never the PostgreSQL run's shared one; skipped, saying
// why, where PostgreSQL is not installed.
import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { goed, schoneFout } from '../support/antwoorden';
import { TestGateway, persoonsgegevensInLog, startGateway, vangLog } from '../support/gateway';
import { Cluster, nieuweDatabase, postgresOntbreekt, startCluster, stopCluster } from '../support/postgres';
import { inEnvelope, ZDS12 } from '../support/soap';
import { creeerZaak, geefZaakdetails, genereerZaakIdentificatie, persoon, rol } from '../support/zdsBerichten';

const ontbreekt = postgresOntbreekt();
if (ontbreekt) process.stdout.write(`databaseWeg.test.ts: OVERGESLAGEN — ${ontbreekt}\n`);
const metPostgres = ontbreekt ? describe.skip : describe;

const BSN = '111222333';
const ZAAK = '0599ZAAKWEG01';

/** pg_ctl on this file's cluster, as the user it runs as (PostgreSQL refuses root; test/support/postgres.ts). */
function pgCtl(cluster: Cluster, ...args: string[]): void {
  const als: SpawnSyncOptions = {};
  if (process.getuid?.() === 0) {
    const id = (v: string) => Number(spawnSync('id', [v, 'postgres'], { encoding: 'utf8' }).stdout.trim());
    Object.assign(als, { uid: id('-u'), gid: id('-g') });
  }
  const r = spawnSync(join(process.env.ZDS_PG_BIN!, 'pg_ctl'), ['-D', join(cluster.map, 'data'), '-l', join(cluster.map, 'postgres.log'), '-w', ...args], { ...als, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`pg_ctl ${args.join(' ')}: ${r.stdout}${r.stderr}`);
}

metPostgres('a gateway whose PostgreSQL database goes away', () => {
  let cluster: Cluster | undefined;
  let gw: TestGateway;
  const log = vangLog();
  let poort: string;
  /** Whether the test left the cluster stopped (a failure before it started again): then only its directory goes. */
  let gestopt = false;

  beforeAll(async () => {
    cluster = await startCluster();
    poort = new URL(cluster.url).port;
    const db = await nieuweDatabase(cluster.url);
    gw = await startGateway({ database: { url: db.url } }, undefined, log.log);
  }, 120_000);

  afterAll(async () => {
    await gw?.sluit();
    if (cluster && gestopt) rmSync(cluster.map, { recursive: true, force: true });
    else if (cluster) stopCluster(cluster);
  });

  const identificatie = (ref: string) =>
    gw.stuur(inEnvelope(genereerZaakIdentificatie({ ref })), { actie: `${ZDS12}genereerZaakIdentificatie_Di02`, pad: '/VerwerkSynchroonVrijBericht' });
  const zaakMetPersoon = creeerZaak({ id: ZAAK, relaties: rol('heeftAlsBelanghebbende', persoon(BSN)), sturing: { ref: 'WEG-LK-1' } });
  const creeer = () => gw.stuur(inEnvelope(zaakMetPersoon), { actie: `${ZDS12}creeerZaak_ZakLk01`, pad: '/OntvangAsynchroon' });
  const details = () => gw.stuur(inEnvelope(geefZaakdetails(ZAAK)), { actie: `${ZDS12}geefZaakdetails_ZakLv01`, pad: '/BeantwoordVraag' });
  const health = async () => {
    const r = await gw.app.inject({ method: 'GET', url: '/health' });
    return { status: r.statusCode, body: r.body };
  };

  /** What no answer may show: where the database lives, or the person in the message. */
  function zegtNietsVanBinnen(body: string): void {
    for (const geheim of ['127.0.0.1', `:${poort}`, cluster!.map, 'postgres://', BSN]) expect(body).not.toContain(geheim);
  }

  it('answers normally while the database is there', async () => {
    expect(gw.app.gateway.store.sql.dialect).toBe('postgres');
    goed(await identificatie('WEG-DI-0'));
    expect(await health()).toEqual({ status: 200, body: JSON.stringify({ status: 'ok' }) });
  });

  it('answers StUF049 to a Di02 and a question, StUF046 to a kennisgeving, naming only the code; /health 503', async () => {
    // Stopped as its administrator would restart it: connections ended (57P01), what was committed kept. (An
    // immediate stop is a crash; with this throwaway cluster's synchronous_commit = off it loses the last commits.)
    pgCtl(cluster!, '-m', 'fast', 'stop');
    gestopt = true;

    const di02 = await identificatie('WEG-DI-1');
    const vraag = await details();
    const lk01 = await creeer();
    const h = await health();

    for (const [r, code] of [[di02, 'StUF049'], [vraag, 'StUF049'], [lk01, 'StUF046']] as const) {
      const f = schoneFout(r);
      expect(f).toMatchObject({ code, plek: 'server' });
      expect(f.details).toMatch(/^De opslag van de gateway is tijdelijk niet beschikbaar \((geen verbinding|ECONNREFUSED|ECONNRESET|08\d{3}|57P0\d)\); bied het bericht later opnieuw aan\. Kenmerk [0-9a-f-]{36}$/);
      zegtNietsVanBinnen(r.body);
      // The kenmerk leads the administrator to the cause in the log.
      const kenmerk = /Kenmerk ([0-9a-f-]{36})$/.exec(f.details!)![1];
      expect(log.regels.some((l) => l.includes(kenmerk) && l.includes('interne fout bij verwerken bericht'))).toBe(true);
    }
    expect(h.status).toBe(503);
    zegtNietsVanBinnen(h.body);
    expect(persoonsgegevensInLog(log.regels, gw.config)).toEqual([]);
  }, 60_000);

  it('processes the same messages offered again once the database is back', async () => {
    pgCtl(cluster!, 'start');
    gestopt = false;
    expect((await health()).status).toBe(200);
    goed(await identificatie('WEG-DI-1'));
    expect(goed(await creeer()).local).toBe('Bv03Bericht');
    expect(goed(await details()).local).toBe('geefZaakdetails_ZakLa01');
    expect(await gw.app.gateway.store.zaken.aantal()).toBe(1);
    expect(persoonsgegevensInLog(log.regels, gw.config)).toEqual([]);
  }, 60_000);
});
