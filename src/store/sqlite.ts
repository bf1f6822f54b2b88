// The Sql interface on one better-sqlite3 connection. better-sqlite3 is synchronous, so every statement finishes
// before its promise is even returned; what needs care is a transaction that spans several awaits. Other requests'
// code can run between those awaits, on the same connection. Hence: one transaction at a time (a queue); the
// transaction's work gets an Sql of its own (SqliteTransactie) whose statements run at once; a statement of the
// connection's Sql while a transaction is open waits until it has ended, so it never reads what may still be
// rolled back.
//
// The transaction is handed over, not looked up: an AsyncLocalStorage would find it too, but costs something on
// every promise the process creates (Node 20), and on the embedded default that was a tenth of a creeerZaak.
import type { Statement } from 'better-sqlite3';
import { Db } from './db';
import { Sql, SqlWaarde, TransactieOpties } from './sql';
import { Transactiecontrole } from './transactiecontrole';

/**
 * How long a statement from outside waits for the open transaction. Far longer than any message's transaction; when
 * it passes, the statement most likely came from inside that transaction, which then waits for it in turn: failing
 * the statement ends both instead of stopping the gateway.
 */
const MAX_WACHT_MS = 60_000;

/** A settled promise of what `stap` returns or throws: a statement inside a transaction needs no await of its own. */
function meteen<T>(stap: () => T): Promise<T> {
  try {
    return Promise.resolve(stap());
  } catch (e) {
    return Promise.reject(e as Error);
  }
}

export class SqliteSql implements Sql {
  readonly dialect = 'sqlite' as const;
  readonly inTransactie = false;
  private readonly statements = new Map<string, Statement>();
  private readonly controle = new Transactiecontrole();
  /** Settles when the open transaction (if any) has ended; the next one chains on it. */
  private wachtrij: Promise<void> = Promise.resolve();
  private open = false;
  /** Transactions and checkpoints queued or running. */
  private bezet = 0;

  constructor(readonly db: Db) {}

  /** The prepared statement for this text, prepared once. */
  statement(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** `stap` now when no transaction is open; otherwise once it has ended. */
  private buiten<T>(stap: () => T): Promise<T> {
    if (this.open) return this.naBeurt(stap);
    return meteen(() => {
      this.controle.buiten('Een SQLite-statement');
      return stap();
    });
  }

  private async naBeurt<T>(stap: () => T): Promise<T> {
    this.controle.buiten('Een SQLite-statement');
    const sinds = Date.now();
    while (this.open) {
      if (Date.now() - sinds > MAX_WACHT_MS) throw new Error(`SQLite: een statement wachtte meer dan ${MAX_WACHT_MS / 1000} s op de open transactie`);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.wachtrij, new Promise<void>((r) => (timer = setTimeout(r, MAX_WACHT_MS)))]);
      clearTimeout(timer);
    }
    return stap();
  }

  alle<T>(sql: string, params: readonly SqlWaarde[] = []): Promise<T[]> {
    return this.buiten(() => this.statement(sql).all(...params) as T[]);
  }

  een<T>(sql: string, params: readonly SqlWaarde[] = []): Promise<T | undefined> {
    return this.buiten(() => this.statement(sql).get(...params) as T | undefined);
  }

  voer(sql: string, params: readonly SqlWaarde[] = []): Promise<number> {
    return this.buiten(() => this.statement(sql).run(...params).changes);
  }

  /** One writer at a time, so `los` is as strict as the default here. */
  transactie<T>(werk: (tx: Sql) => Promise<T>, _opties?: TransactieOpties): Promise<T> {
    return this.metTransactie('BEGIN IMMEDIATE', werk);
  }

  lees<T>(werk: (tx: Sql) => Promise<T>): Promise<T> {
    return this.metTransactie('BEGIN DEFERRED', werk);
  }

  private async metTransactie<T>(begin: string, werk: (tx: Sql) => Promise<T>): Promise<T> {
    this.controle.buiten('Een SQLite-transactie');
    const vorige = this.wachtrij;
    let klaar!: () => void;
    this.wachtrij = new Promise<void>((r) => (klaar = r));
    // Nothing queued or running: begin at once, without a turn of the microtask queue.
    if (this.bezet++ > 0) await vorige;
    this.open = true;
    const tx = new SqliteTransactie(this);
    try {
      this.statement(begin).run();
      try {
        const r = await this.controle.binnen(() => werk(tx));
        this.statement('COMMIT').run();
        return r;
      } catch (e) {
        if (this.db.inTransaction) this.statement('ROLLBACK').run();
        throw e;
      }
    } finally {
      tx.sluitAf();
      this.open = false;
      this.bezet--;
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
    if (this.bezet++ > 0) await vorige;
    try {
      return werk(this.db);
    } finally {
      this.bezet--;
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

/**
 * The Sql of one open SQLite transaction. Once it has ended (work that outlived it, fire-and-forget), it is the
 * connection's Sql again: its statements wait for whatever transaction is open then.
 */
class SqliteTransactie implements Sql {
  readonly dialect = 'sqlite' as const;
  private open = true;

  constructor(private readonly verbinding: SqliteSql) {}

  get inTransactie(): boolean {
    return this.open;
  }

  sluitAf(): void {
    this.open = false;
  }

  // Written out rather than through meteen(): no closure per statement, on the path of every message.
  alle<T>(sql: string, params: readonly SqlWaarde[] = []): Promise<T[]> {
    if (!this.open) return this.verbinding.alle(sql, params);
    try {
      return Promise.resolve(this.verbinding.statement(sql).all(...params) as T[]);
    } catch (e) {
      return Promise.reject(e as Error);
    }
  }

  een<T>(sql: string, params: readonly SqlWaarde[] = []): Promise<T | undefined> {
    if (!this.open) return this.verbinding.een(sql, params);
    try {
      return Promise.resolve(this.verbinding.statement(sql).get(...params) as T | undefined);
    } catch (e) {
      return Promise.reject(e as Error);
    }
  }

  voer(sql: string, params: readonly SqlWaarde[] = []): Promise<number> {
    if (!this.open) return this.verbinding.voer(sql, params);
    try {
      return Promise.resolve(this.verbinding.statement(sql).run(...params).changes);
    } catch (e) {
      return Promise.reject(e as Error);
    }
  }

  transactie<T>(werk: (tx: Sql) => Promise<T>, opties?: TransactieOpties): Promise<T> {
    return this.open ? werk(this) : this.verbinding.transactie(werk, opties);
  }

  lees<T>(werk: (tx: Sql) => Promise<T>): Promise<T> {
    return this.open ? werk(this) : this.verbinding.lees(werk);
  }

  bruikbaar(): Promise<boolean> {
    return this.verbinding.bruikbaar();
  }

  sluit(): Promise<void> {
    return this.verbinding.sluit();
  }
}
