// A gateway for tests: a real database of its own (a SQLite file in a fresh temporary directory, or in the
// PostgreSQL run a fresh database on the run's cluster), the real Fastify app through app.inject, and every answer
// recorded for the conformance check (test/support/globalTeardown.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable, Transform, Writable } from 'node:stream';
import pino, { Logger } from 'pino';
import { bouwApp, GatewayApp } from '../../src/app';
import { maakLogger } from '../../src/log';
import { Config, parseConfig } from '../../src/config';
import { BERICHTEN_MAP } from './paden';
import { nieuweDatabase } from './postgres';
import { OP_POSTGRES, postgresBeheerUrl } from './postgresRun';

let teller = 0;

/** Streamed answers (documents) larger than this are not recorded: the validator would spend minutes on them. */
const MAX_OPNEMEN = 4 * 1024 * 1024;

export function neemOp(app: GatewayApp, label: string): void {
  mkdirSync(BERICHTEN_MAP, { recursive: true });
  app.addHook('onSend', async (req, reply, payload) => {
    const ct = String(reply.getHeader('content-type') ?? '');
    if (req.method !== 'POST' || !/^(text\/xml|application\/soap\+xml)/.test(ct)) return payload;
    const naam = join(BERICHTEN_MAP, `${label}-${process.pid}-${++teller}.xml`);
    if (typeof payload === 'string') {
      writeFileSync(naam, payload);
      return payload;
    }
    if (payload instanceof Readable) {
      // A streamed answer (document content): copy it on its way out.
      const stukken: Buffer[] = [];
      let lengte = 0;
      const kopie = new Transform({
        transform(stuk: Buffer, _enc, klaar) {
          lengte += stuk.length;
          if (lengte <= MAX_OPNEMEN) stukken.push(stuk);
          klaar(null, stuk);
        },
        flush(klaar) {
          if (lengte <= MAX_OPNEMEN) writeFileSync(naam, Buffer.concat(stukken));
          klaar();
        },
      });
      return payload.pipe(kopie);
    }
    return payload;
  });
}

/** The database of one test gateway, or of several gateway processes that share it. */
export interface TestDatabase {
  /** The configuration's `database` section. */
  config: { path: string } | { url: string };
  /** The same for a gateway process (test/support/proces.ts). */
  env: Record<string, string>;
  verwijder(): Promise<void>;
}

/**
 * A fresh database: the file gateway.db in `map` (removed with the map), or in the PostgreSQL run
 * (ZDS_TEST_DATABASE=postgres) a new database on the run's cluster, dropped by `verwijder`.
 */
export async function testDatabase(map: string): Promise<TestDatabase> {
  if (!OP_POSTGRES) {
    const path = join(map, 'gateway.db');
    return { config: { path }, env: { DATABASE_PATH: path }, verwijder: async () => {} };
  }
  const db = await nieuweDatabase(postgresBeheerUrl());
  return { config: { url: db.url }, env: { DATABASE_URL: db.url }, verwijder: db.verwijder };
}

export interface TestGateway {
  app: GatewayApp;
  config: Config;
  map: string;
  stuur(body: string, opties?: { actie?: string; pad?: string; contentType?: string; headers?: Record<string, string> }): Promise<{ status: number; body: string; headers: Record<string, unknown> }>;
  sluit(): Promise<void>;
}

/**
 * Tests talk to the gateway through app.inject or plain HTTP on loopback: they stand where a TLS-terminating proxy
 * would, so without server.tls a test gateway says so (server.tlsBijProxy) unless the test sets it itself, and
 * basic auth in `beveiligd` mode starts as it would behind that proxy.
 */
function achterProxy(server: unknown): Record<string, unknown> {
  const s = (server ?? {}) as Record<string, unknown>;
  return s.tls === undefined && s.tlsBijProxy === undefined ? { ...s, tlsBijProxy: true } : s;
}

export async function startGateway(
  overrides: Record<string, unknown> = {},
  label = basename(expect.getState().testPath ?? 'test', '.test.ts'),
  log?: Logger,
): Promise<TestGateway> {
  const map = mkdtempSync(join(tmpdir(), 'zdsgw-'));
  // A test that passes its own database section (several gateways on one database) keeps it, and removes it itself.
  const eigen = overrides.database === undefined ? await testDatabase(map) : undefined;
  const config = parseConfig({ ...overrides, server: achterProxy(overrides.server), database: overrides.database ?? eigen!.config });
  // A secured gateway without a logger of the test's own logs at trace level, and its log is checked when it closes.
  const bewaakt = !log && config.toegang.modus === 'beveiligd' ? vangLog() : undefined;
  const app = await bouwApp({ config, log: log ?? bewaakt?.log ?? pino({ level: process.env.TEST_LOG ?? 'silent' }) });
  // The PostgreSQL run must not pass by quietly on SQLite (a gateway that ignores database.url).
  if (eigen && 'url' in eigen.config && app.gateway.store.sql.dialect !== 'postgres') {
    await app.close();
    throw new Error(`PostgreSQL-run: de testgateway opende ${app.gateway.store.sql.dialect}, niet database.url`);
  }
  neemOp(app, label);
  await app.ready();
  return {
    app,
    config,
    map,
    async stuur(body, opties = {}) {
      const headers: Record<string, string> = { 'content-type': opties.contentType ?? 'text/xml; charset=utf-8', ...opties.headers };
      if (opties.actie !== undefined) headers.soapaction = opties.actie;
      const r = await app.inject({ method: 'POST', url: opties.pad ?? '/OntvangAsynchroon', payload: body, headers });
      return { status: r.statusCode, body: r.body, headers: r.headers };
    },
    async sluit() {
      try {
        await app.close();
      } finally {
        rmSync(map, { recursive: true, force: true });
        await eigen?.verwijder();
      }
      // Fails the suite; its other resources are released by jest's forceExit (jest.config.js).
      if (bewaakt) expect(persoonsgegevensInLog(bewaakt.regels, config)).toEqual([]);
    },
  };
}

/** A trace-level logger whose lines the test can read: for the checks that the log holds no personal data. */
export function vangLog(): { log: Logger; regels: string[] } {
  const regels: string[] = [];
  const stroom = new Writable({ write(chunk, _enc, klaar) { regels.push(String(chunk)); klaar(); } });
  return { log: maakLogger('trace', stroom), regels };
}

/** Whether nine digits pass the elfproef of a BSN. */
const elfproef = (n: string) => [...n].reduce((som, c, i) => som + Number(c) * (i === 8 ? -1 : 9 - i), 0) % 11 === 0;

/**
 * What a secured gateway's log must never hold: a BSN (nine digits standing alone, not inside a word, that pass the elfproef) or a
 * configured password. Returned as the offending log lines with the value masked, so a failure shows where, not what.
 */
export function persoonsgegevensInLog(regels: string[], config: Config): string[] {
  const wachtwoorden = config.toegang.applicaties.flatMap((a) => (a.basic?.wachtwoord ? [a.basic.wachtwoord] : []));
  return regels.flatMap((r) => {
    // As src/stuf/fout.ts masks: nine digits standing alone, not the tail of an identificatie like 0599INOZ290840022.
    const bsns = (r.match(/(?<![0-9A-Za-z])[0-9]{9}(?![0-9A-Za-z])/g) ?? []).filter(elfproef);
    const ww = wachtwoorden.filter((w) => r.includes(w));
    if (bsns.length === 0 && ww.length === 0) return [];
    let gemaskeerd = r;
    for (const w of [...bsns, ...ww]) gemaskeerd = gemaskeerd.split(w).join('[…]');
    return [`${bsns.length ? 'BSN' : ''}${ww.length ? ' wachtwoord' : ''}: ${gemaskeerd.slice(0, 300)}`];
  });
}
