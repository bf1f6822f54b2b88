// What the repositories need from a database: a few ways to run one statement, transactions that hand their work
// an Sql of their own, and nothing else. SQLite (sqlite.ts) and PostgreSQL (postgres.ts) implement it.
//
// Statements are written once, with `?` placeholders, in the SQL both engines share: INSERT ... RETURNING,
// ON CONFLICT ... DO NOTHING / DO UPDATE, COALESCE, LIMIT/OFFSET. Where they differ, a repository asks `dialect`.

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
   * One write transaction: all of `werk`'s statements, or none. `werk` is given the transaction's own Sql: its
   * statements go through that one, and a transactie or lees of it joins this transaction. The Sql it was called on
   * stays outside (on SQLite its statements wait until the transaction has ended). `werk` may be run again
   * (PostgreSQL, after a serialisation conflict): it must do nothing but database work and building its result.
   */
  transactie<T>(werk: (tx: Sql) => Promise<T>, opties?: TransactieOpties): Promise<T>;
  /** A consistent read over several statements, through the Sql `werk` is given. */
  lees<T>(werk: (tx: Sql) => Promise<T>): Promise<T>;
  /** True for the Sql a transaction gave its work, while that transaction is open. */
  readonly inTransactie: boolean;
  /** True when the database answers a trivial query: what /health reports. */
  bruikbaar(): Promise<boolean>;
  sluit(): Promise<void>;
}
