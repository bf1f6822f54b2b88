// One consistent snapshot of the gateway's database for the report, without its write lock and beside running
// gateways. SQLite: a connection of its own, opened read-only, and one read transaction on it: in WAL mode a reader
// sees the database as it was at its first read and never blocks a writer (nor waits for one). PostgreSQL: one
// REPEATABLE READ, READ ONLY transaction on one connection of its own: one snapshot for every question, no row locks.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { DatabaseConfig } from '../store/openen';
import { SCHEMA_VERSIE } from '../store/migraties';
import { PgSql } from '../store/postgres';
import { Sql } from '../store/sql';
import { SqliteSql } from '../store/sqlite';
import { OpdrachtFout } from '../opdracht/argumenten';

export interface Momentopname {
  /** The transaction's Sql: every question of the report goes through it. */
  sql: Sql;
  /** ISO: when the snapshot was taken (PostgreSQL: the transaction's start; SQLite: just before its first read). */
  tijdstip: string;
}

function openSqlite(pad: string): SqliteSql {
  if (pad === ':memory:' || !existsSync(pad)) {
    throw new OpdrachtFout(`database '${pad}' bestaat niet; geef de configuratie van de gateway mee (GATEWAY_CONFIG, DATABASE_PATH of DATABASE_URL)`);
  }
  const db = new Database(pad, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000'); // opening a snapshot waits briefly while a checkpoint resets the WAL
  return new SqliteSql(db);
}

/** A database the gateway of this version has not migrated yet lacks tables the report reads. */
async function controleerSchema(sql: Sql): Promise<void> {
  const r = await sql.een<{ v: number | null }>('SELECT MAX(versie) AS v FROM schema_versie');
  const versie = Number(r?.v ?? 0);
  if (versie < SCHEMA_VERSIE) {
    throw new OpdrachtFout(`de database heeft schemaversie ${versie}, dit rapport leest versie ${SCHEMA_VERSIE}: start eerst een gateway van deze versie op de database`);
  }
}

/**
 * Runs `werk` inside one read-only snapshot of the configured database and closes the connection after. The
 * SQLite file must exist; nothing is migrated or written.
 */
export async function metMomentopname<T>(database: DatabaseConfig, werk: (m: Momentopname) => Promise<T>): Promise<T> {
  const sql: Sql = database.url === undefined ? openSqlite(database.path) : new PgSql({ url: database.url, pool: 1, tls: database.tls });
  try {
    return await sql.lees(async (tx) => {
      let tijdstip: string;
      if (tx.dialect === 'postgres') {
        // First statement of the transaction, so that it is allowed; the snapshot is taken at the next one.
        await tx.voer('SET TRANSACTION READ ONLY');
        tijdstip = (await tx.een<{ t: Date }>('SELECT now() AS t'))!.t.toISOString();
      } else {
        tijdstip = new Date().toISOString();
      }
      // SQLite's snapshot begins with this first read.
      await controleerSchema(tx);
      return werk({ sql: tx, tijdstip });
    });
  } finally {
    await sql.sluit();
  }
}
