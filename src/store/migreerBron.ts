// The SQLite side of `migreer`: the file opened read-only (never migrated: a source of another schema version is
// refused, not changed), its tables as the database itself lists them, and their rows streamed one at a time in
// primary-key order inside one read transaction, so the copy is one consistent snapshot.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { MigratieFout } from './migreerFout';

export interface BronTabel {
  naam: string;
  /** In the table's own column order. */
  kolommen: string[];
  /** The primary key's columns in key order; every column when the table has none. */
  sleutel: string[];
}

/** Tables that are SQLite's own or the migrations' bookkeeping: the target's migration makes its own. */
const NIET_KOPIEREN = (naam: string) => naam.startsWith('sqlite_') || naam === 'schema_versie';

export const ident = (naam: string) => `"${naam.replace(/"/g, '""')}"`;

export function selectieSql(t: BronTabel): string {
  return `SELECT ${t.kolommen.map(ident).join(', ')} FROM ${ident(t.naam)} ORDER BY ${t.sleutel.map(ident).join(', ')}`;
}

export class SqliteBron {
  private constructor(private readonly db: Database.Database) {}

  static open(pad: string): SqliteBron {
    if (!existsSync(pad)) throw new MigratieFout(`--van: het bestand '${pad}' bestaat niet`);
    let db: Database.Database;
    try {
      db = new Database(pad, { readonly: true, fileMustExist: true });
      db.prepare('SELECT COUNT(*) FROM sqlite_master').get(); // a file that is no database fails here, not on open
    } catch (e) {
      throw new MigratieFout(`--van: '${pad}' is geen leesbare SQLite-database (${(e as Error).message})`);
    }
    return new SqliteBron(db);
  }

  /** The schema version the gateway's migrations left, or undefined for a database that is not the gateway's. */
  versie(): number | undefined {
    const t = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_versie'").get();
    if (!t) return undefined;
    const r = this.db.prepare('SELECT MAX(versie) AS v FROM schema_versie').get() as { v: number | null };
    return r.v ?? undefined;
  }

  tabellen(): BronTabel[] {
    const namen = (this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[])
      .map((r) => r.name)
      .filter((n) => !NIET_KOPIEREN(n));
    return namen.map((naam) => {
      const info = this.db.prepare(`PRAGMA table_info(${ident(naam)})`).all() as { name: string; pk: number }[];
      const kolommen = info.map((k) => k.name);
      const sleutel = info.filter((k) => k.pk > 0).sort((a, b) => a.pk - b.pk).map((k) => k.name);
      return { naam, kolommen, sleutel: sleutel.length ? sleutel : kolommen };
    });
  }

  /** The snapshot every later read sees, until `eindeLezen`. */
  beginLezen(): void {
    this.db.exec('BEGIN');
    this.db.prepare('SELECT COUNT(*) FROM sqlite_master').get(); // a deferred transaction takes its snapshot at the first read
  }

  eindeLezen(): void {
    if (this.db.inTransaction) this.db.exec('COMMIT');
  }

  /**
   * The rows as arrays in `t.kolommen` order, integers as BigInt (exact beyond 2^53). One row in memory at a time;
   * no other statement may run on this connection until the iteration ends.
   */
  rijen(t: BronTabel): IterableIterator<unknown[]> {
    return this.db.prepare(selectieSql(t)).raw(true).safeIntegers(true).iterate() as IterableIterator<unknown[]>;
  }

  sluit(): void {
    this.db.close();
  }
}
