// The Sql interface on one better-sqlite3 connection. better-sqlite3 is synchronous, so every statement finishes
// before its promise is even returned; what needs care is a transaction that spans several awaits. Other requests'
// code can run between those awaits, on the same connection. Hence: one transaction at a time (a queue), statements
// of the transaction found through AsyncLocalStorage (lopend.ts), and a statement from outside waiting until the
// open transaction ends, so that it never reads what may still be rolled back.
//
// A statement inside the transaction runs at once and returns a settled promise: no await of its own, because on
// the embedded default every promise a message creates is measurable (and each one more so while the
// AsyncLocalStorage is switched on).
import type { Statement } from 'better-sqlite3';
import { Db } from './db';
import { Lopend, LopendeTransacties } from './lopend';
import { Sql, SqlWaarde, TransactieOpties } from './sql';

export class SqliteSql implements Sql {
  readonly dialect = 'sqlite' as const;
  private readonly binnen = new LopendeTransacties<Lopend>();
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
  private async naBeurt<T>(stap: () => T): Promise<T> {
    while (this.open && !this.binnen.huidig()) await this.wachtrij;
    return stap();
  }

  /** `stap` now when no transaction is open or the caller is in it; otherwise once it has ended. */
  private voerStapUit<T>(stap: () => T): Promise<T> {
    if (this.open && !this.binnen.huidig()) return this.naBeurt(stap);
    try {
      return Promise.resolve(stap());
    } catch (e) {
      return Promise.reject(e as Error);
    }
  }

  alle<T>(sql: string, params: readonly SqlWaarde[] = []): Promise<T[]> {
    return this.voerStapUit(() => this.statement(sql).all(...params) as T[]);
  }

  een<T>(sql: string, params: readonly SqlWaarde[] = []): Promise<T | undefined> {
    return this.voerStapUit(() => this.statement(sql).get(...params) as T | undefined);
  }

  voer(sql: string, params: readonly SqlWaarde[] = []): Promise<number> {
    return this.voerStapUit(() => this.statement(sql).run(...params).changes);
  }

  /** The open transaction the caller runs in (lopend.ts). */
  huidig(): Lopend | undefined {
    return this.binnen.huidig();
  }

  transactie<T>(werk: () => Promise<T>, opties?: TransactieOpties): Promise<T> {
    return this.inTransactie('BEGIN IMMEDIATE', werk, opties?.isolatie === 'los');
  }

  lees<T>(werk: () => Promise<T>): Promise<T> {
    return this.inTransactie('BEGIN DEFERRED', werk, false);
  }

  private async inTransactie<T>(begin: string, werk: () => Promise<T>, los: boolean): Promise<T> {
    if (this.binnen.huidig()) return werk();
    const vorige = this.wachtrij;
    let klaar!: () => void;
    this.wachtrij = new Promise<void>((r) => (klaar = r));
    await vorige;
    this.open = true;
    try {
      this.statement(begin).run();
      try {
        const r = await this.binnen.run({ open: true, los }, werk);
        this.statement('COMMIT').run();
        return r;
      } catch (e) {
        if (this.db.inTransaction) this.statement('ROLLBACK').run();
        throw e;
      }
    } finally {
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
