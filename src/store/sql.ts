// What the repositories need from a database: a few ways to run one statement, transactions that follow the
// caller through `await`, and nothing else. SQLite (sqlite.ts) and PostgreSQL (postgres.ts) implement it.
//
// Statements are written once, with `?` placeholders, in the SQL both engines share: INSERT ... RETURNING,
// ON CONFLICT ... DO NOTHING / DO UPDATE, COALESCE, LIMIT/OFFSET. Where they differ, a repository asks `dialect`.

import type { Lopend } from './lopend';

export type SqlDialect = 'sqlite' | 'postgres';

export type SqlWaarde = string | number | bigint | Buffer | null;

export interface TransactieOpties {
  /**
   * `los`: the statements may interleave with other instances' transactions (PostgreSQL READ COMMITTED): for a
   * counter that is only incremented. Default: as if the message ran alone (SQLite: one writer; PostgreSQL:
   * REPEATABLE READ, retried on a serialisation conflict).
   */
  isolatie?: 'los';
}

export interface Sql {
  readonly dialect: SqlDialect;
  /** Every row. */
  alle<T>(sql: string, params?: readonly SqlWaarde[]): Promise<T[]>;
  /** The first row, or undefined. */
  een<T>(sql: string, params?: readonly SqlWaarde[]): Promise<T | undefined>;
  /** A statement without rows; resolves to the number of rows it changed. */
  voer(sql: string, params?: readonly SqlWaarde[]): Promise<number>;
  /**
   * One write transaction: all of `werk`'s statements, or none. Statements run by `werk` and everything it awaits
   * join it; a transactie inside a transactie (or inside `lees`) joins the outer one. `werk` may be run again
   * (PostgreSQL, after a serialisation conflict): it must do nothing but database work and building its result.
   */
  transactie<T>(werk: () => Promise<T>, opties?: TransactieOpties): Promise<T>;
  /** The open transaction (attempt) the caller runs in, or undefined outside one. */
  huidig(): Lopend | undefined;
  /** A consistent read over several statements. */
  lees<T>(werk: () => Promise<T>): Promise<T>;
  /** True when the database answers a trivial query: what /health reports. */
  bruikbaar(): Promise<boolean>;
  sluit(): Promise<void>;
}
