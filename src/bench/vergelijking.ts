// BENCH_VERGELIJK: a second, already built checkout (an older commit, say) measured beside ours in the same run. Only
// its `dist/main.js serve` is used, driven by our generators; its databases are copies of ours when its migrations
// produce the same schema as ours, and otherwise filled through its own creeerZaak.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Store } from '../store';
import { creeerZaak, geseedeIdentificatie } from './berichten';
import { personenVoor } from './vulling';
import type { Dienst } from './processen';

/** Above this many zaken, filling through the other gateway's creeerZaak takes too long: the case is skipped. */
export const MAX_VIA_GATEWAY = 20_000;

export function commitVan(map: string): string {
  try {
    const regel = execFileSync('git', ['-C', map, 'log', '-1', '--format=%h %s'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return regel.length > 70 ? `${regel.slice(0, 69)}…` : regel;
  } catch {
    return 'unknown commit';
  }
}

function schemaVan(pad: string): string {
  const db = new Database(pad, { readonly: true });
  try {
    const objecten = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();
    return JSON.stringify(objecten);
  } finally {
    db.close();
  }
}

/**
 * Whether the other checkout's migrations (run by its gateway at start, on an empty file) give exactly our schema;
 * only then can our seeding code write its databases.
 */
export async function zelfdeSchema(map: string, startAnder: (database: string) => Promise<Dienst>): Promise<boolean> {
  const ons = join(map, 'schema-ons.db');
  const hun = join(map, 'schema-ander.db');
  await (await Store.open(ons)).sluit();
  const gateway = await startAnder(hun);
  await gateway.stop();
  return schemaVan(ons) === schemaVan(hun);
}

/** A copy of a seeded (closed) database file for the other checkout. */
export function kopieer(van: string, naar: string): void {
  copyFileSync(van, naar);
  if (existsSync(`${van}-wal`)) copyFileSync(`${van}-wal`, `${naar}-wal`);
}

/**
 * The same zaken as the seeding writes (identificaties 1..aantal, initiator i mod personen), created through the
 * gateway's own creeerZaak, a few at a time.
 */
export async function vulViaGateway(gateway: Dienst, aantal: number): Promise<number> {
  const start = Date.now();
  const personen = personenVoor(aantal);
  let volgende = 1;
  const werker = async () => {
    for (let i = volgende++; i <= aantal; i = volgende++) {
      const v = creeerZaak(geseedeIdentificatie(i), `BENCH-VUL-${process.pid}-${i}`, i, i % personen);
      const r = await fetch(`${gateway.url}${v.pad}`, { method: 'POST', body: v.body, headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: v.actie } });
      const body = await r.text();
      if (r.status !== 200 || !body.includes('Bv03Bericht')) throw new Error(`the other checkout refused seeding zaak ${i} (HTTP ${r.status}): ${body.slice(0, 500)}`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, werker));
  return (Date.now() - start) / 1000;
}
