// Several gateway processes opening one new SQLite file at the same moment (a deployment's replicas, the multi-instance
// tests): switching the file to WAL takes a write lock from inside a read, which SQLite refuses at once with
// SQLITE_BUSY instead of waiting. Each process must still open the file, in WAL mode, with the schema migrated once.
// And the WAL file's limit, which gives back what a long read made it grow (the bench's rapport case measures it).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIES } from '../../src/store/migraties';
import { WAL_BESTAND_MAX_BYTES, openDatabase } from '../../src/store/db';
import { MAX_WAL_BYTES } from '../../src/store/checkpointer';

const DB_JS = resolve(__dirname, '..', '..', 'dist', 'store', 'db.js');
const PROCESSEN = 4;
const RONDES = 12;

// Each child waits for the same instant, then opens the file; it prints what happened.
const KIND = `
const { openDatabase } = require(${JSON.stringify(DB_JS)});
const t = Number(process.argv[2]); while (Date.now() < t) {}
try { openDatabase(process.argv[1]).close(); console.log('geopend'); }
catch (e) { console.log('fout ' + (e.code || e.message)); }
`;

function open(pad: string, moment: number): Promise<string> {
  return new Promise((klaar, mis) => {
    const kind = spawn(process.execPath, ['-e', KIND, pad, String(moment)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let uit = '';
    kind.stdout.on('data', (b: Buffer) => (uit += b.toString()));
    kind.on('error', mis);
    kind.on('close', () => klaar(uit.trim()));
  });
}

let map: string;
beforeAll(() => (map = mkdtempSync(join(tmpdir(), 'zdsgw-sqliteopenen-'))));
afterAll(() => rmSync(map, { recursive: true, force: true }));

test(`${PROCESSEN} processes opening one new file together, ${RONDES} times: each opens it, WAL, migrated once`, async () => {
  for (let ronde = 0; ronde < RONDES; ronde++) {
    const pad = join(map, `ronde${ronde}.db`);
    const moment = Date.now() + 400; // after every child has loaded better-sqlite3
    const uitkomsten = await Promise.all(Array.from({ length: PROCESSEN }, () => open(pad, moment)));
    expect(uitkomsten).toEqual(Array(PROCESSEN).fill('geopend'));
    const db = new Database(pad, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const versies = db.prepare('SELECT versie FROM schema_versie ORDER BY versie').pluck().all();
      expect(versies).toEqual(MIGRATIES.map((m) => m.versie));
    } finally {
      db.close();
    }
  }
}, 60_000);

test('the WAL file is cut back to its limit when it starts over; the checkpointer restarts it well below that', () => {
  const db = openDatabase(join(map, 'grens.db'));
  try {
    expect(db.pragma('journal_size_limit', { simple: true })).toBe(WAL_BESTAND_MAX_BYTES);
    expect(WAL_BESTAND_MAX_BYTES).toBeGreaterThanOrEqual(4 * MAX_WAL_BYTES);
  } finally {
    db.close();
  }
});
