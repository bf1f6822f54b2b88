// A gateway for tests: a real SQLite file in a fresh temporary directory, the real Fastify app through
// app.inject, and every answer recorded for the conformance check (test/support/globalTeardown.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import pino, { Logger } from 'pino';
import { bouwApp, GatewayApp } from '../../src/app';
import { Config, parseConfig } from '../../src/config';
import { BERICHTEN_MAP } from './paden';

let teller = 0;

export function neemOp(app: GatewayApp, label: string): void {
  mkdirSync(BERICHTEN_MAP, { recursive: true });
  app.addHook('onSend', async (req, reply, payload) => {
    const ct = String(reply.getHeader('content-type') ?? '');
    if (req.method === 'POST' && typeof payload === 'string' && ct.includes('xml')) {
      const naam = `${label}-${process.pid}-${++teller}.xml`;
      writeFileSync(join(BERICHTEN_MAP, naam), payload);
    }
    return payload;
  });
}

export interface TestGateway {
  app: GatewayApp;
  config: Config;
  map: string;
  stuur(body: string, opties?: { actie?: string; pad?: string; contentType?: string }): Promise<{ status: number; body: string; headers: Record<string, unknown> }>;
  sluit(): Promise<void>;
}

export async function startGateway(
  overrides: Record<string, unknown> = {},
  label = basename(expect.getState().testPath ?? 'test', '.test.ts'),
  log?: Logger,
): Promise<TestGateway> {
  const map = mkdtempSync(join(tmpdir(), 'zdsgw-'));
  const config = parseConfig({ ...overrides, database: { path: join(map, 'gateway.db') } });
  const app = await bouwApp({ config, log: log ?? pino({ level: process.env.TEST_LOG ?? 'silent' }) });
  neemOp(app, label);
  await app.ready();
  return {
    app,
    config,
    map,
    async stuur(body, opties = {}) {
      const headers: Record<string, string> = { 'content-type': opties.contentType ?? 'text/xml; charset=utf-8' };
      if (opties.actie !== undefined) headers.soapaction = opties.actie;
      const r = await app.inject({ method: 'POST', url: opties.pad ?? '/OntvangAsynchroon', payload: body, headers });
      return { status: r.statusCode, body: r.body, headers: r.headers };
    },
    async sluit() {
      try {
        await app.close();
      } finally {
        rmSync(map, { recursive: true, force: true });
      }
    },
  };
}
