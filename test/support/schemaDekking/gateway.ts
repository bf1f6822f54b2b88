// A gateway for the coverage test, listening on loopback: like test/support/gateway.ts (a fresh database of the run's
// backend, the real app) but without recording its answers into the berichten map. The coverage test
// sends thousands of messages and validates every answer itself in one Java run, naming the variation each belongs
// to; recorded as well, they would cost the global teardown a JVM start per 400 files and say less.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { bouwApp } from '../../../src/app';
import { parseConfig } from '../../../src/config';
import { testDatabase } from '../gateway';

export interface DekkingGateway {
  basis: string;
  sluit(): Promise<void>;
}

export async function startDekkingGateway(overrides: Record<string, unknown> = {}): Promise<DekkingGateway> {
  const map = mkdtempSync(join(tmpdir(), 'zdsgw-dekking-db-'));
  const db = await testDatabase(map);
  const config = parseConfig({ ...overrides, database: db.config });
  const app = await bouwApp({ config, log: pino({ level: process.env.TEST_LOG ?? 'silent' }) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const adres = app.server.address();
  if (!adres || typeof adres === 'string') throw new Error('gateway luistert niet');
  return {
    basis: `http://127.0.0.1:${adres.port}`,
    async sluit() {
      try {
        await app.close();
        await db.verwijder();
      } finally {
        rmSync(map, { recursive: true, force: true });
      }
    },
  };
}
