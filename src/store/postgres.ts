// The Sql interface on a pool of PostgreSQL connections (node-postgres). Several gateway instances share one
// database, so a transaction is a real PostgreSQL transaction on one pooled connection; the connection follows the
// work as an Sql of its own (PgTransactie), and a statement outside any transaction takes a connection of its own.
//
// Default isolation is REPEATABLE READ: a message sees one snapshot, and a write that collides with another
// instance's (serialization failure, deadlock, or a unique key the other inserted first) fails the whole
// transaction, which is then run again from the start on a fresh snapshot.
import { readFileSync } from 'node:fs';
import { ConnectionOptions } from 'node:tls';
import { Pool, PoolClient, QueryConfig, QueryResult, TypeOverrides, types } from 'pg';
import { metVerbinding } from './pgVerbinding';
import { Sql, SqlWaarde, TransactieOpties } from './sql';
import { Transactiecontrole } from './transactiecontrole';

export interface PostgresTls {
  /** PEM file with the CA certificates the server's certificate must chain to (default: the system's CAs). */
  ca?: string;
  /** Client certificate and key (PEM files), where the database asks for one. */
  certificaat?: string;
  sleutel?: string;
}

export interface PostgresOpties {
  url: string;
  /** Connections in the pool: at most this many statements or transactions of this instance run at once. */
  pool?: number;
  /** TLS to the database, verifying its certificate and host name. Without it, the URL's sslmode decides. */
  tls?: PostgresTls;
  /** Told about a pooled connection that broke while idle (the pool drops it and opens a new one when needed). */
  bijFout?: (fout: Error) => void;
}

/** SQLSTATEs after which a transaction is run again: serialization_failure, deadlock_detected, unique_violation. */
const OPNIEUW = new Set(['40001', '40P01', '23505']);
const MAX_POGINGEN = 5;

/** int8 and numeric (COUNT, SUM, ids) as JS numbers, as SQLite gives them; ids and epoch ms stay far below 2^53. */
function typen(): TypeOverrides {
  const t = new TypeOverrides();
  t.setTypeParser(types.builtins.INT8, (v: string) => Number(v));
  t.setTypeParser(types.builtins.NUMERIC, (v: string) => Number(v));
  return t;
}

function tlsOpties(tls: PostgresTls): ConnectionOptions {
  return {
    rejectUnauthorized: true,
    ...(tls.ca ? { ca: readFileSync(tls.ca) } : {}),
    ...(tls.certificaat ? { cert: readFileSync(tls.certificaat) } : {}),
    ...(tls.sleutel ? { key: readFileSync(tls.sleutel) } : {}),
  };
}

/**
 * `?` placeholders to `$1..$n`. Quoted text is skipped; a `?` inside a string literal or quoted identifier is
 * refused (the repositories write none, and guessing would bind a value in the wrong place). Comments are skipped.
 */
export function genummerdePlaatshouders(sql: string): string {
  let uit = '';
  let n = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const eind = sql.indexOf(c, i + 1);
      if (eind < 0) throw new Error(`SQL: ${c} zonder einde in: ${sql}`);
      const tekst = sql.slice(i, eind + 1);
      if (tekst.includes('?')) throw new Error(`SQL: ? tussen aanhalingstekens wordt geen parameter: ${sql}`);
      uit += tekst;
      i = eind + 1; // '' (an escaped quote) is two literals back to back: the same text
    } else if (c === '-' && sql[i + 1] === '-') {
      const eind = sql.indexOf('\n', i);
      const j = eind < 0 ? sql.length : eind;
      uit += sql.slice(i, j);
      i = j;
    } else if (c === '/' && sql[i + 1] === '*') {
      const eind = sql.indexOf('*/', i + 2);
      const j = eind < 0 ? sql.length : eind + 2;
      uit += sql.slice(i, j);
      i = j;
    } else if (c === '?') {
      uit += `$${++n}`;
      i++;
    } else {
      uit += c;
      i++;
    }
  }
  return uit;
}

/** Distinct statement texts that become named prepared statements; texts beyond are converted but not prepared. */
const MAX_VOORBEREID = 2000;
/** Converted texts kept; a repository that builds statements per call (an IN list) cannot grow it without bound. */
const MAX_OMGEZET = 10_000;

const code = (e: unknown): string => String((e as { code?: unknown } | undefined)?.code ?? '');

/**
 * PostgreSQL puts the values of the offending row or key in an error's `detail` ("Key (soort, sleutel)=(NPS,
 * <BSN>) already exists", "Failing row contains (...)"); the error reaches the service log, which holds no personal
 * data. Dropped here: code, constraint, table and column still say what went wrong.
 */
function zonderWaarden(e: unknown): unknown {
  if (e && typeof e === 'object' && 'detail' in e) delete (e as { detail?: unknown }).detail;
  return e;
}

/** The three ways to run one statement, on whatever connection `voerUit` chooses. */
abstract class PgStatements {
  abstract voerUit(sql: string, params: readonly SqlWaarde[]): Promise<QueryResult>;

  async alle<T>(sql: string, params: readonly SqlWaarde[] = []): Promise<T[]> {
    return (await this.voerUit(sql, params)).rows as T[];
  }

  async een<T>(sql: string, params: readonly SqlWaarde[] = []): Promise<T | undefined> {
    return (await this.voerUit(sql, params)).rows[0] as T | undefined;
  }

  async voer(sql: string, params: readonly SqlWaarde[] = []): Promise<number> {
    return (await this.voerUit(sql, params)).rowCount ?? 0;
  }
}

export class PgSql extends PgStatements implements Sql {
  readonly dialect = 'postgres' as const;
  readonly pool: Pool;
  readonly inTransactie = false;
  private readonly controle = new Transactiecontrole();
  private readonly omgezet = new Map<string, { text: string; name?: string }>();
  private voorbereid = 0;
  private gesloten = false;

  constructor(opties: PostgresOpties) {
    super();
    this.pool = new Pool({
      connectionString: opties.url,
      max: opties.pool ?? 10,
      types: typen(),
      application_name: 'zds-gateway',
      // Waiting for a free connection (or a database that does not answer) ends in an error, not a hung request.
      connectionTimeoutMillis: 15_000,
      idleTimeoutMillis: 30_000,
      ...(opties.tls ? { ssl: tlsOpties(opties.tls) } : {}),
    });
    // Without a listener an idle connection's error (the server restarted) would end the process.
    this.pool.on('error', (e) => opties.bijFout?.(e));
  }

  private query(sql: string, params: readonly SqlWaarde[]): QueryConfig {
    let q = this.omgezet.get(sql);
    if (!q) {
      q = { text: genummerdePlaatshouders(sql) };
      // Named: each connection parses and plans it once. Names are never reused for another text.
      if (this.voorbereid < MAX_VOORBEREID) q.name = `zdsgw${++this.voorbereid}`;
      if (this.omgezet.size < MAX_OMGEZET) this.omgezet.set(sql, q);
    }
    return { ...q, values: params as unknown[] };
  }

  /** One statement on `client` (a transaction's connection) or on any free connection of the pool. */
  async voerUit(sql: string, params: readonly SqlWaarde[], tx?: PgTransactie): Promise<QueryResult> {
    if (!tx) this.controle.buiten('Een PostgreSQL-statement');
    const q = this.query(sql, params);
    try {
      return await (tx ? tx.client.query(q) : this.pool.query(q));
    } catch (e) {
      tx?.fout(e);
      throw zonderWaarden(e);
    }
  }

  transactie<T>(werk: (tx: Sql) => Promise<T>, opties?: TransactieOpties): Promise<T> {
    return this.metTransactie(opties?.isolatie === 'los' ? 'READ COMMITTED' : 'REPEATABLE READ', werk);
  }

  /**
   * REPEATABLE READ, not READ ONLY: lees allows what it allows on SQLite (a deferred transaction that turns into a
   * write): on PostgreSQL a question's protocol row is written inside its read (Store.leesEnSchrijf). Retried like
   * a transactie, which can only happen when it wrote.
   */
  lees<T>(werk: (tx: Sql) => Promise<T>): Promise<T> {
    return this.metTransactie('REPEATABLE READ', werk);
  }

  private async metTransactie<T>(niveau: string, werk: (tx: Sql) => Promise<T>): Promise<T> {
    this.controle.buiten('Een PostgreSQL-transactie');
    for (let poging = 1; ; poging++) {
      const uitkomst = await this.eenKeer(niveau, werk);
      if ('r' in uitkomst) return uitkomst.r;
      if (poging >= MAX_POGINGEN || !OPNIEUW.has(code(uitkomst.oorzaak))) throw uitkomst.fout;
      // The other transaction is committing now: a short, random wait lets it finish without a new collision.
      await new Promise((r) => setTimeout(r, Math.random() * 10 * poging));
    }
  }

  private eenKeer<T>(niveau: string, werk: (tx: Sql) => Promise<T>): Promise<{ r: T } | { fout: unknown; oorzaak: unknown }> {
    return metVerbinding(this.pool, async (v) => {
      const tx = new PgTransactie(this, v.client);
      try {
        await v.client.query(`BEGIN ISOLATION LEVEL ${niveau}`);
        const r = await this.controle.binnen(() => werk(tx));
        tx.sluitAf();
        await v.client.query('COMMIT');
        return { r };
      } catch (fout) {
        tx.sluitAf();
        // A connection that cannot even roll back is broken: the pool must not hand it out again.
        await v.client.query('ROLLBACK').catch((f: Error) => (v.kapot = f));
        return { fout, oorzaak: tx.eersteFout ?? fout };
      }
    });
  }

  /** The database answers within five seconds, and its schema is there. */
  async bruikbaar(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const tijd = new Promise<boolean>((r) => (timer = setTimeout(() => r(false), 5000)));
    try {
      return await Promise.race([this.pool.query('SELECT COUNT(*) FROM schema_versie').then(() => true, () => false), tijd]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Once; a second call (the app closing a store that was closed already) does nothing. */
  async sluit(): Promise<void> {
    if (this.gesloten) return;
    this.gesloten = true;
    await this.pool.end();
  }
}

/**
 * The Sql of one attempt of one PostgreSQL transaction, on its connection. Once it has ended (work that outlived
 * it, fire-and-forget), it is the pool's Sql again.
 */
class PgTransactie extends PgStatements implements Sql {
  readonly dialect = 'postgres' as const;
  private open = true;
  /**
   * The first statement error: after it PostgreSQL refuses every statement (25P02) until the rollback, so whether
   * to run the transaction again depends on this one, even if the caller caught it and went on.
   */
  eersteFout?: unknown;

  constructor(
    private readonly pool: PgSql,
    readonly client: PoolClient,
  ) {
    super();
  }

  get inTransactie(): boolean {
    return this.open;
  }

  sluitAf(): void {
    this.open = false;
  }

  fout(e: unknown): void {
    if (this.open) this.eersteFout ??= e;
  }

  voerUit(sql: string, params: readonly SqlWaarde[]): Promise<QueryResult> {
    return this.pool.voerUit(sql, params, this.open ? this : undefined);
  }

  transactie<T>(werk: (tx: Sql) => Promise<T>, opties?: TransactieOpties): Promise<T> {
    return this.open ? werk(this) : this.pool.transactie(werk, opties);
  }

  lees<T>(werk: (tx: Sql) => Promise<T>): Promise<T> {
    return this.open ? werk(this) : this.pool.lees(werk);
  }

  bruikbaar(): Promise<boolean> {
    return this.pool.bruikbaar();
  }

  sluit(): Promise<void> {
    return this.pool.sluit();
  }
}
