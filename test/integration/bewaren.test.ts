// Retention (issue 17, item 5): one pass removes what is older than its period (src/bewaren/opschonen.ts), in
// bounded batches, never a waiting or dead outbox message; the service runs it on a schedule (opschoner.ts) and the
// command `opschonen` runs it once. Rows are seeded at chosen ages through the store or with SQL on store.sql, and
// the pass runs with a fixed `nu`; on SQLite by default, on PostgreSQL with ZDS_TEST_DATABASE=postgres.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bouwApp, GatewayApp } from '../../src/app';
import { parseConfig } from '../../src/config';
import type { Store } from '../../src/store';
import { openStore } from '../../src/store/openen';
import type { UitgaandStatus } from '../../src/store/uitgaand';
import { schoonOp } from '../../src/bewaren/opschonen';
import { Opschoner } from '../../src/bewaren/opschoner';
import { OPSCHONEN, opschonenOpdracht } from '../../src/bewaren/opdracht';
import { GebruikFout } from '../../src/opdracht/argumenten';
import { TestGateway, persoonsgegevensInLog, startGateway, testDatabase, vangLog } from '../support/gateway';
import { OP_POSTGRES } from '../support/postgresRun';

const DAG = 86_400_000;
const NU = new Date('2026-06-01T12:00:00.000Z');
/** `dagen` days (and `ms` more) before `nu`, as ISO. */
const geleden = (dagen: number, nu = NU, ms = 0) => new Date(nu.getTime() - dagen * DAG - ms).toISOString();
const BSN = '900000017';

async function aantal(store: Store, sql: string, params: (string | number)[] = []): Promise<number> {
  return Number((await store.sql.een<{ n: number }>(`SELECT COUNT(*) AS n FROM ${sql}`, params))!.n);
}

/** Journal rows of one zaak each, with their texts unless `zonderTekst`. */
async function journaal(store: Store, tijdstippen: string[], zonderTekst = false): Promise<void> {
  await store.transactie((tx) =>
    tx.journaal.schrijf(
      tijdstippen.map((tijdstip, i) => ({
        regel: { tijdstip, richting: 'in', soort: 'verzoek', endpoint: '/OntvangAsynchroon', operatie: 'creeerZaak', zaken: [`Z-${tijdstip}-${i}`], uitkomst: 'Bv03', httpStatus: 200, ms: 1, grootteVerzoek: 10, grootteAntwoord: 10, herhaald: false },
        ...(zonderTekst ? {} : { inhoud: { verzoek: `<verzoek bsn="${BSN}"/>`, antwoord: '<Bv03/>' } }),
      })),
    ),
  );
}

/** Idempotency records, 200 to a statement. */
async function verwerkt(store: Store, tijdstippen: string[], voorvoegsel: string): Promise<void> {
  for (let i = 0; i < tijdstippen.length; i += 200) {
    const deel = tijdstippen.slice(i, i + 200);
    await store.sql.voer(
      `INSERT INTO verwerkt_bericht (zender_organisatie, zender_applicatie, referentienummer, operatie, hash, antwoord, http_status, tijdstip) VALUES ${deel.map(() => "('0599', 'REGIE', ?, 'creeerZaak', 'h', '<Bv03/>', 200, ?)").join(', ')}`,
      deel.flatMap((t, j) => [`${voorvoegsel}-${i + j}`, t]),
    );
  }
}

/** An outbox message in a given state: delivered at `afgeleverd`, or its last attempt (volgende_poging) at `poging`. */
async function uitgaand(store: Store, status: UitgaandStatus, moment: string, overdrachtId?: number): Promise<number> {
  const id = await store.uitgaand.voegToe(
    { soort: 'notificeerOverZaak', bestemming: 'abonnee', volgorde: 'Z1', referentienummer: `ref-${status}-${moment}`, soapActie: 'a', bericht: '<b/>', ...(overdrachtId ? { overdrachtId } : {}) },
    Date.parse(moment) - 1000,
  );
  await store.sql.voer('UPDATE uitgaand SET status = ?, afgeleverd = ?, volgende_poging = ? WHERE id = ?', [status, status === 'afgeleverd' ? moment : null, Date.parse(moment), id]);
  return id;
}

async function protocol(store: Store, tijdstip: string): Promise<void> {
  await store.protocol.schrijf({ tijdstip, soort: 'lezen', applicatie: 'REGIE', rol: 'regie', via: 'open', operatie: 'geefZaakdetails', zaken: ['Z1'], bsns: [BSN] });
}

describe('one pass with a fixed nu', () => {
  let gw: TestGateway;
  let store: Store;
  beforeEach(async () => {
    // No scheduled pass of its own in between; the protocol keeps 30 days here (its minimum).
    gw = await startGateway({ bewaren: { opschonenMinuten: 0 }, protocol: { bewaartermijnDagen: 30 } });
    store = gw.app.gateway.store;
  });
  afterEach(async () => gw.sluit());

  it('removes per kind what is older than its period, texts before rows, never waiting or dead messages', async () => {
    // Journal: 7 days of texts, 90 of rows (the defaults).
    await journaal(store, [geleden(91), geleden(60), geleden(8), geleden(6), geleden(1)]);
    await journaal(store, [geleden(95)], true);
    await verwerkt(store, [geleden(31), geleden(30, NU, 1), geleden(29)], 'r');
    const overdracht = await store.overdrachten.voegToe({ zaak: 'Z1', aanvragerBestemming: 'regie', aanvrager: { applicatie: 'REGIE' }, backoffice: 'bo', referentienummer: 'o1', dialect: 'zds12' });
    const weg = [
      await uitgaand(store, 'afgeleverd', geleden(31)),
      await uitgaand(store, 'afgeleverd', geleden(40), overdracht),
      await uitgaand(store, 'verworpen', geleden(91)),
    ];
    const blijft = [
      await uitgaand(store, 'afgeleverd', geleden(29)),
      await uitgaand(store, 'verworpen', geleden(89)),
      await uitgaand(store, 'wachtend', geleden(400)),
      await uitgaand(store, 'dood', geleden(400)),
    ];
    await protocol(store, geleden(31));
    await protocol(store, geleden(29));

    const v = await schoonOp(store, gw.config, NU);
    expect(v.verwijderd).toEqual({ journaal: 2, journaalInhoud: 3, idempotentie: 2, uitgaandAfgeleverd: 2, uitgaandVerworpen: 1, protocol: 1 });
    expect(v.onderbroken).toBe(false);
    expect(v.nu).toBe(NU.toISOString());
    expect(v.grenzen).toMatchObject({ journaal: geleden(90), journaalInhoud: geleden(7), idempotentie: geleden(30), protocol: geleden(30) });

    const regels = await store.journaal.zoek({});
    expect(regels.map((r) => [r.tijdstip, r.metInhoud])).toEqual([[geleden(60), false], [geleden(8), false], [geleden(6), true], [geleden(1), true]]);
    expect(await aantal(store, 'journaal_zaak')).toBe(4);
    expect(await aantal(store, 'journaal_zaak WHERE journaal_id NOT IN (SELECT id FROM journaal)')).toBe(0);
    expect(await aantal(store, 'verwerkt_bericht')).toBe(1);
    expect(await aantal(store, 'verwerkt_bericht WHERE tijdstip = ?', [geleden(29)])).toBe(1);
    for (const id of weg) expect(await store.uitgaand.vind(id)).toBeUndefined();
    expect((await Promise.all(blijft.map((id) => store.uitgaand.vind(id)))).map((u) => u?.status)).toEqual(['afgeleverd', 'verworpen', 'wachtend', 'dood']);
    expect(await store.overdrachten.vind(overdracht)).toBeDefined();
    expect(await store.protocol.zoek({ bsn: BSN })).toHaveLength(1);

    // Again: nothing is left to remove.
    expect(Object.values((await schoonOp(store, gw.config, NU)).verwijderd)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('counts a discarded message from when it was discarded, not from its last delivery attempt', async () => {
    const laat = await uitgaand(store, 'dood', geleden(200));
    const vroeg = await uitgaand(store, 'dood', geleden(200));
    expect(await store.uitgaand.verwerp([laat], Date.parse(geleden(10)))).toBe(1);
    expect(await store.uitgaand.verwerp([vroeg], Date.parse(geleden(95)))).toBe(1);
    expect((await schoonOp(store, gw.config, NU)).verwijderd.uitgaandVerworpen).toBe(1);
    expect((await store.uitgaand.vind(laat))?.status).toBe('verworpen');
    expect(await store.uitgaand.vind(vroeg)).toBeUndefined();
  });

  it('follows the configured periods; journaalInhoudDagen 0 removes every text', async () => {
    await journaal(store, [geleden(0, NU, 1), geleden(3), geleden(20)]);
    await verwerkt(store, [geleden(3), geleden(1)], 'r');
    const config = parseConfig({ ...gw.config, bewaren: { journaalInhoudDagen: 0, journaalDagen: 10, idempotentieDagen: 2 } });
    const v = await schoonOp(store, config, NU);
    expect(v.verwijderd).toMatchObject({ journaal: 1, journaalInhoud: 3, idempotentie: 1 });
    expect((await store.journaal.zoek({})).map((r) => r.metInhoud)).toEqual([false, false]);
  });

  it('works in batches: more rows than one, in any order of ids and times, and batches of two', async () => {
    // Texts walked by id: a young one before the old ones, and an old one after the young.
    await journaal(store, [geleden(1)]);
    await journaal(store, Array.from({ length: 1001 }, (_, i) => geleden(100, NU, i)));
    await journaal(store, Array.from({ length: 1001 }, (_, i) => geleden(10, NU, i)));
    await journaal(store, [geleden(2), geleden(8)]);
    await verwerkt(store, Array.from({ length: 2001 }, (_, i) => geleden(31, NU, i)), 'oud');
    await verwerkt(store, [geleden(1)], 'nieuw');
    await store.transactie(async (tx) => {
      for (let i = 0; i < 1001; i++) await uitgaand(tx, 'afgeleverd', geleden(31, NU, i));
    });
    const v = await schoonOp(store, gw.config, NU);
    expect(v.verwijderd).toMatchObject({ journaal: 1001, journaalInhoud: 1001 + 1001 + 1, idempotentie: 2001, uitgaandAfgeleverd: 1001 });
    expect((await store.journaal.zoek({ limiet: 5000 })).map((r) => r.metInhoud)).toEqual([...Array<boolean>(1002).fill(false), true, true]);
    expect(await aantal(store, 'verwerkt_bericht')).toBe(1);
    expect(await aantal(store, 'uitgaand')).toBe(0);

    // Batches of two: the same outcome, the last batch of each kind short or empty.
    await journaal(store, [geleden(200), geleden(201), geleden(202), geleden(9), geleden(9, NU, 1)]);
    await verwerkt(store, [geleden(40), geleden(41), geleden(42), geleden(43)], 'twee');
    for (let i = 0; i < 3; i++) await uitgaand(store, 'verworpen', geleden(100, NU, i));
    const klein = await schoonOp(store, gw.config, NU, { partij: 2 });
    expect(klein.verwijderd).toEqual({ journaal: 3, journaalInhoud: 5, idempotentie: 4, uitgaandAfgeleverd: 0, uitgaandVerworpen: 3, protocol: 0 });
  });

  it('two passes at once remove everything once between them, and both end', async () => {
    await journaal(store, Array.from({ length: 300 }, (_, i) => geleden(100, NU, i)));
    await verwerkt(store, Array.from({ length: 300 }, (_, i) => geleden(31, NU, i)), 'oud');
    // PostgreSQL: a second pool, as another instance would have. SQLite: the same connection (two connections in
    // one process would wait for each other's lock synchronously; two processes take turns through the file lock).
    const tweede = OP_POSTGRES ? await openStore({ ...gw.config.database, checkpointMs: 0 }) : store;
    try {
      const [a, b] = await Promise.all([schoonOp(store, gw.config, NU, { partij: 7 }), schoonOp(tweede, gw.config, NU, { partij: 7 })]);
      expect(a.verwijderd.journaal + b.verwijderd.journaal).toBe(300);
      expect(a.verwijderd.journaalInhoud + b.verwijderd.journaalInhoud).toBe(300);
      expect(a.verwijderd.idempotentie + b.verwijderd.idempotentie).toBe(300);
    } finally {
      if (tweede !== store) await tweede.sluit();
    }
    expect(await aantal(store, 'journaal')).toBe(0);
    expect(await aantal(store, 'journaal_inhoud')).toBe(0);
    expect(await aantal(store, 'verwerkt_bericht')).toBe(0);
  });

  it('stopped (the service closing), it ends after its current batch and says so', async () => {
    await journaal(store, Array.from({ length: 1500 }, (_, i) => geleden(100, NU, i)));
    await verwerkt(store, [geleden(31)], 'r');
    const log = vangLog();
    const opschoner = new Opschoner(store, gw.config, log.log, { eersteNaMs: 0, intervalMs: 0 });
    const ronde = opschoner.ronde(NU);
    await opschoner.stop();
    const v = (await ronde)!;
    expect(v.onderbroken).toBe(true);
    expect(v.verwijderd).toMatchObject({ journaal: 1000, idempotentie: 0 });
    expect(await aantal(store, 'journaal')).toBe(500);
    expect(await aantal(store, 'verwerkt_bericht')).toBe(1);
  });
});

describe('the schedule inside the service', () => {
  let app: GatewayApp | undefined;
  let map: string;
  afterEach(async () => {
    await app?.close();
    rmSync(map, { recursive: true, force: true });
  });

  async function wachtTot(wat: string, f: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
    for (const eind = Date.now() + ms; !(await f()); await new Promise((r) => setTimeout(r, 20))) {
      if (Date.now() > eind) throw new Error(`na ${ms} ms nog niet: ${wat}`);
    }
  }

  it('runs a little after start and then every interval, logs counts only, and a failed round is tried again', async () => {
    map = mkdtempSync(join(tmpdir(), 'zdsgw-'));
    const db = await testDatabase(map);
    const config = parseConfig({ database: db.config, server: { tlsBijProxy: true } });
    // A fraction of a minute, which the configuration would refuse: the first round comes at the interval when that
    // is shorter than the usual start-up delay.
    config.bewaren.opschonenMinuten = 0.003;
    const log = vangLog();
    try {
      app = await bouwApp({ config, log: log.log });
      const store = app.gateway.store;
      const nu = new Date();
      await journaal(store, [geleden(100, nu), geleden(1, nu)]);
      await verwerkt(store, [geleden(31, nu), geleden(1, nu)], 'r');
      await app.ready();
      const rondes = () => log.regels.filter((r) => r.includes('opschonen: verlopen regels verwijderd')).map((r) => JSON.parse(r) as Record<string, unknown>);
      await wachtTot('een ronde', () => rondes().length > 0);
      expect(rondes()[0]).toMatchObject({ onderdeel: 'opschonen', journaal: 1, journaalInhoud: 1, idempotentie: 1, uitgaandAfgeleverd: 0, protocol: 0 });
      expect(await aantal(store, 'journaal')).toBe(1);
      expect(await aantal(store, 'verwerkt_bericht')).toBe(1);

      // The next rounds come by themselves; one that fails is logged and the one after it succeeds.
      await store.sql.voer('ALTER TABLE verwerkt_bericht RENAME TO verwerkt_bericht_weg');
      await wachtTot('een mislukte ronde', () => log.regels.some((r) => r.includes('opschonen mislukt')));
      await store.sql.voer('ALTER TABLE verwerkt_bericht_weg RENAME TO verwerkt_bericht');
      await verwerkt(store, [geleden(40, new Date())], 'later');
      const voor = rondes().length;
      await wachtTot('een ronde na de mislukte', () => rondes().slice(voor).some((r) => r.idempotentie === 1));
      const mislukt = JSON.parse(log.regels.find((r) => r.includes('opschonen mislukt'))!) as Record<string, unknown>;
      expect(mislukt.level).toBe(40);
      expect((await app.inject({ url: '/health/ready' })).statusCode).toBe(200);
      // Counts and duration only: no BSN from the texts that went, nothing of a row.
      expect(persoonsgegevensInLog(log.regels, config)).toEqual([]);
      expect(Object.keys(rondes()[0]).filter((k) => !['level', 'time', 'svc', 'onderdeel', 'msg', 'ms'].includes(k)).sort()).toEqual(
        ['idempotentie', 'journaal', 'journaalInhoud', 'protocol', 'uitgaandAfgeleverd', 'uitgaandVerworpen'],
      );
    } finally {
      await app?.close();
      app = undefined;
      await db.verwijder();
    }
  });

  it('opschonenMinuten 0: no round in the service', async () => {
    map = mkdtempSync(join(tmpdir(), 'zdsgw-'));
    const db = await testDatabase(map);
    const log = vangLog();
    try {
      app = await bouwApp({ config: parseConfig({ database: db.config, server: { tlsBijProxy: true }, bewaren: { opschonenMinuten: 0 } }), log: log.log });
      await app.ready();
      await new Promise((r) => setTimeout(r, 200));
      expect(log.regels.filter((r) => r.includes('opschonen'))).toEqual([]);
    } finally {
      await app?.close();
      app = undefined;
      await db.verwijder();
    }
  });
});

describe('the command', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ bewaren: { opschonenMinuten: 0 } });
  });
  afterAll(async () => gw.sluit());

  /** The command as main.ts runs it: wrong use is a GebruikFout, whose message main.ts prints on stderr with exit code 2. */
  async function opschonen(argv: string[], config = gw.config): Promise<{ code: number; uit: string; fout: string }> {
    const uit: string[] = [];
    try {
      const code = await opschonenOpdracht(config, argv, (t) => void uit.push(t), NU);
      return { code, uit: uit.join(''), fout: '' };
    } catch (e) {
      if (!(e instanceof GebruikFout)) throw e;
      return { code: e.exitCode, uit: uit.join(''), fout: `${e.message}\n` };
    }
  }

  it('runs one pass and prints what went per kind', async () => {
    const store = gw.app.gateway.store;
    await journaal(store, [geleden(91), geleden(8), geleden(1)]);
    await verwerkt(store, [geleden(31)], 'r');
    const r = await opschonen([]);
    expect(r).toMatchObject({ code: 0, fout: '' });
    expect(r.uit).toMatch(new RegExp(`^opgeschoond op ${NU.toISOString()}:\\n`));
    expect(r.uit).toMatch(/ journaalregels +1 {2}van voor \S+ \(bewaren\.journaalDagen 90\)\n/);
    expect(r.uit).toMatch(/ journaalteksten +2 {2}van voor \S+ \(bewaren\.journaalInhoudDagen 7\)\n/);
    expect(r.uit).toMatch(/ verwerkte berichten \(idempotentie\) +1 /);
    expect(r.uit).toMatch(/ protocolregels +0 {2}van voor \S+ \(protocol\.bewaartermijnDagen 1826\)\n$/);
    expect(r.uit).not.toContain(BSN);

    const j = await opschonen(['--json']);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.uit)).toMatchObject({ nu: NU.toISOString(), dagen: { journaal: 90, uitgaandVerworpen: 90 }, verwijderd: { journaal: 0, journaalInhoud: 0, idempotentie: 0 } });
  });

  it('--help, -h and help print the usage and open nothing; an unknown option or a word is exit code 2', async () => {
    const nergens = parseConfig({ database: { path: join(tmpdir(), 'bestaat-niet', 'gateway.db') } });
    for (const argv of [['--help'], ['-h'], ['help']]) expect(await opschonen(argv, nergens)).toEqual({ code: 0, uit: `${OPSCHONEN.gebruik}\n`, fout: '' });
    expect(OPSCHONEN.gebruik).toMatch(/^gebruik: opschonen/);
    const onbekend = await opschonen(['--alles'], nergens);
    expect(onbekend).toMatchObject({ code: 2, uit: '' });
    expect(onbekend.fout).toMatch(/^opschonen: .*'--alles'.*\ngebruik: opschonen/);
    expect((await opschonen(['nu'], nergens)).code).toBe(2);
    expect((await opschonen(['--json=ja'], nergens)).code).toBe(2);
  });
});
