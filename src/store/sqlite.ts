// The Sql interface on one better-sqlite3 connection. better-sqlite3 is synchronous, so every statement finishes
// before its promise is even returned; what needs care is a transaction that spans several awaits. Other requests'
// code can run between those awaits, on the same connection. Hence: one transaction at a time (a queue), statements
// of the transaction found through AsyncLocalStorage, and a statement from outside waiting until the open
// transaction ends, so that it never reads what may still be rolled back.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Statement } from 'better-sqlite3';
import { Db } from './db';
import { Sql, SqlWaarde } from './sql';

export class SqliteSql implements Sql {
  readonly dialect = 'sqlite' as const;
  /** The transaction the caller's code runs in; `open` turns false at its end, for work that outlives it. */
  private readonly binnen = new AsyncLocalStorage<{ open: boolean }>();
  private readonly statements = new Map<string, Statement>();
  /** Settles when the open transaction (if any) has ended; the next one chains on it. */
  private wachtrij: Promise<void> = Promise.resolve();
  private open = false;

  constructor(readonly db: Db) {}

  private statement(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Outside a transaction while one is open: wait for it. */
  private async beurt(): Promise<void> {
    while (this.open && !this.binnen.getStore()?.open) await this.wachtrij;
  }

  async alle<T>(sql: string, params: readonly SqlWaarde[] = []): Promise<T[]> {
    if (this.open) await this.beurt();
    return this.statement(sql).all(...params) as T[];
  }

  async een<T>(sql: string, params: readonly SqlWaarde[] = []): Promise<T | undefined> {
    if (this.open) await this.beurt();
    return this.statement(sql).get(...params) as T | undefined;
  }

  async voer(sql: string, params: readonly SqlWaarde[] = []): Promise<number> {
    if (this.open) await this.beurt();
    return this.statement(sql).run(...params).changes;
  }

  transactie<T>(werk: () => Promise<T>): Promise<T> {
    return this.inTransactie('BEGIN IMMEDIATE', werk);
  }

  lees<T>(werk: () => Promise<T>): Promise<T> {
    return this.inTransactie('BEGIN DEFERRED', werk);
  }

  private async inTransactie<T>(begin: string, werk: () => Promise<T>): Promise<T> {
    if (this.binnen.getStore()?.open) return werk();
    const vorige = this.wachtrij;
    let klaar!: () => void;
    this.wachtrij = new Promise<void>((r) => (klaar = r));
    await vorige;
    this.open = true;
    const lopend = { open: true };
    try {
      this.db.exec(begin);
      try {
        const r = await this.binnen.run(lopend, werk);
        this.db.exec('COMMIT');
        return r;
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw e;
      }
    } finally {
      lopend.open = false;
      this.open = false;
      klaar();
    }
  }

  /**
   * Runs `werk` on the connection when no transaction of ours is open, before the next one begins (the checkpointer:
   * a checkpoint from inside an open transaction could not reach the last commit).
   */
  async buitenTransactie<T>(werk: (db: Db) => T): Promise<T> {
    const vorige = this.wachtrij;
    let klaar!: () => void;
    this.wachtrij = new Promise<void>((r) => (klaar = r));
    await vorige;
    try {
      return werk(this.db);
    } finally {
      klaar();
    }
  }

  async bruikbaar(): Promise<boolean> {
    try {
      this.db.prepare('SELECT COUNT(*) FROM schema_versie').get();
      return true;
    } catch {
      return false;
    }
  }

  async sluit(): Promise<void> {
    this.db.close();
  }
}
