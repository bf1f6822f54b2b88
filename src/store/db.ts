// Opens the SQLite file (WAL, foreign keys) and brings its schema up to date.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { MIGRATIES } from './migraties';

export type Db = Database.Database;

/**
 * The WAL file is cut back to this size when it starts over. SQLite writes a restarted WAL over the same file and
 * never shrinks it by itself, so a WAL that grew while a long read held its snapshot (a report on a million zaken:
 * 1.2 GB in the bench) would stay on disk for good. Steady writes keep well below it (bench, creeerZaak at full load
 * on a million zaken: 110 MB at most), so they do not pay for new file blocks after every restart.
 */
export const WAL_BESTAND_MAX_BYTES = 128 * 1024 * 1024;

export function openDatabase(path: string, cacheMb = 2): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  zetWal(db);
  db.pragma('synchronous = NORMAL'); // WAL + NORMAL: durable across process crashes, fast commits
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000'); // several gateway processes on one file wait for each other's writes
  db.pragma(`cache_size = ${-cacheMb * 1024}`); // negative: KiB
  db.pragma(`journal_size_limit = ${WAL_BESTAND_MAX_BYTES}`);
  migreer(db);
  return db;
}

/**
 * Switching a new file to WAL takes a write lock from inside a read, so SQLite answers SQLITE_BUSY at once (no busy
 * wait) when another process opening the same file at that moment holds one. Retry, briefly and with a bound.
 */
function zetWal(db: Db, wachtMs = 10_000): void {
  const tot = Date.now() + wachtMs;
  const slaap = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      const modus = db.pragma('journal_mode = WAL', { simple: true });
      if (modus === 'wal' || modus === 'memory') return;
      throw new Error(`journal_mode bleef ${String(modus)}`);
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > tot) throw e;
      Atomics.wait(slaap, 0, 0, 10 + Math.floor(Math.random() * 40)); // startup only: a short synchronous pause
    }
  }
}

function migreer(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_versie (versie INTEGER NOT NULL)');
  const versie = db.prepare('SELECT MAX(versie) AS v FROM schema_versie');
  for (const m of MIGRATIES) {
    // The version is read inside the write lock: two processes starting together on one file migrate once.
    db.transaction(() => {
      if (((versie.get() as { v: number | null }).v ?? 0) >= m.versie) return;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_versie (versie) VALUES (?)').run(m.versie);
    }).immediate();
  }
}
