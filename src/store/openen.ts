// Opens the store the configuration names: PostgreSQL when database.url is set (config.ts lets only postgres:// and
// postgresql:// through; DATABASE_URL fills it), else the SQLite file at database.path. Both are migrated on open.
import type { Config } from '../config';
import { Store } from './index';
import { PgSql } from './postgres';
import { migreerPostgres } from './postgresSchema';

export type DatabaseConfig = Config['database'];

export interface OpenOpties {
  /** Told about a pooled PostgreSQL connection that broke while idle (the pool replaces it). */
  bijFout?: (fout: Error) => void;
}

export function isPostgres(database: DatabaseConfig): boolean {
  return database.url !== undefined;
}

export async function openStore(database: DatabaseConfig, opties: OpenOpties = {}): Promise<Store> {
  if (database.url === undefined) return Store.open(database.path, database.checkpointMs, database.cacheMb);
  const sql = new PgSql({ url: database.url, pool: database.pool, tls: database.tls, bijFout: opties.bijFout });
  try {
    await migreerPostgres(sql.pool);
  } catch (e) {
    await sql.sluit();
    throw e;
  }
  return new Store(sql);
}

/** What a log line or a command's output may say about the database: never the URL's password. */
export function databaseOmschrijving(database: DatabaseConfig): string {
  if (database.url === undefined) return database.path;
  const u = new URL(database.url);
  return `${u.protocol}//${u.host}${u.pathname}`;
}
