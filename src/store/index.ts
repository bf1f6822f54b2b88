// The store: every query of the gateway goes through these repositories, so another backend can replace SQLite
// without touching the operations. The repositories speak to an Sql (sql.ts): SQLite or PostgreSQL alike.
import { Db, openDatabase } from './db';
import { Besluiten } from './besluiten';
import { Betrokkenen } from './betrokkenen';
import { Documenten } from './documenten';
import { Identificaties } from './identificaties';
import { Idempotentie } from './idempotentie';
import { Statussen } from './statussen';
import { Zaakrelaties } from './zaakrelaties';
import { Zaken } from './zaken';
import { Checkpointer } from './checkpointer';
import { Protocol } from './protocol';
import { Journaal } from './journaal';
import { ZaakZoeken } from './zaakZoeken';
import { UitgaandeBerichten } from './uitgaand';
import { Abonnementen, AbonnementenStaat } from './abonnementen';
import { Overdrachten } from './overdrachten';
import { Spiegelzaken } from './spiegelzaken';
import { Partnertermijnen } from './partnertermijnen';
import { Sql, TransactieOpties } from './sql';
import { SqliteSql } from './sqlite';
import { Geheugen, Transactiegeheugen } from './transactiegeheugen';

export interface StoreOpties {
  /** Run after the database is closed: the SQLite checkpointer's last checkpoint. */
  naSluiten?: () => Promise<void>;
}

/** What the process keeps across transactions, shared by the store and the stores its transactions are given. */
interface Gedeeld {
  abonnementen: AbonnementenStaat;
  uitgaand: { toegevoegd: number };
}

export class Store {
  readonly zaken: Zaken;
  readonly betrokkenen: Betrokkenen;
  readonly statussen: Statussen;
  readonly zaakrelaties: Zaakrelaties;
  readonly identificaties: Identificaties;
  readonly idempotentie: Idempotentie;
  readonly documenten: Documenten;
  readonly besluiten: Besluiten;
  readonly protocol: Protocol;
  readonly journaal: Journaal;
  readonly zaakZoeken: ZaakZoeken;
  readonly uitgaand: UitgaandeBerichten;
  readonly abonnementen: Abonnementen;
  readonly overdrachten: Overdrachten;
  readonly spiegelzaken: Spiegelzaken;
  readonly partnertermijnen: Partnertermijnen;
  /**
   * `sql`: the database, or the Sql of the transaction this store was given (then its repositories remember what
   * the transaction read: `geheugen`, transactiegeheugen.ts).
   */
  constructor(
    readonly sql: Sql,
    private readonly opties: StoreOpties = {},
    private readonly gedeeld: Gedeeld = { abonnementen: new AbonnementenStaat(), uitgaand: { toegevoegd: 0 } },
    geheugen?: Geheugen,
  ) {
    const g = new Transactiegeheugen(sql, geheugen);
    this.zaken = new Zaken(sql, g);
    this.betrokkenen = new Betrokkenen(sql, g);
    this.statussen = new Statussen(sql, g);
    this.zaakrelaties = new Zaakrelaties(sql, g);
    this.identificaties = new Identificaties(sql);
    this.idempotentie = new Idempotentie(sql, g);
    this.documenten = new Documenten(sql);
    this.besluiten = new Besluiten(sql);
    this.protocol = new Protocol(sql);
    this.journaal = new Journaal(sql);
    this.zaakZoeken = new ZaakZoeken(sql);
    this.uitgaand = new UitgaandeBerichten(sql, gedeeld.uitgaand);
    this.abonnementen = new Abonnementen(sql, g, gedeeld.abonnementen);
    this.overdrachten = new Overdrachten(sql);
    this.spiegelzaken = new Spiegelzaken(sql);
    this.partnertermijnen = new Partnertermijnen(sql);
  }

  /**
   * The SQLite connection underneath, for what only SQLite has (the pragmas of the bench's bulk load). Throws on
   * another backend.
   */
  get db(): Db {
    if (!(this.sql instanceof SqliteSql)) throw new Error(`store.db bestaat alleen bij SQLite, niet bij ${this.sql.dialect}`);
    return this.sql.db;
  }

  /**
   * SQLite: opens (and migrates) the file. checkpointMs > 0: WAL checkpoints in a background thread (see
   * checkpointer.ts); 0: SQLite's automatic ones.
   */
  static async open(path: string, checkpointMs = 0, cacheMb?: number, maxWalBytes?: number): Promise<Store> {
    const sql = new SqliteSql(openDatabase(path, cacheMb));
    const checkpointer = checkpointMs > 0 && path !== ':memory:' ? Checkpointer.start(sql, path, checkpointMs, maxWalBytes) : undefined;
    return new Store(sql, checkpointer ? { naSluiten: () => checkpointer.stop() } : {});
  }

  /**
   * One write transaction: all of a message's changes, or none of them (see Sql.transactie). `werk` gets the store
   * of the transaction: what it reads and writes must go through that one. Its repositories remember what it read
   * (transactiegeheugen.ts); not under `los` isolation, where another instance's commit may show between two reads.
   * Called on a transaction's store, it joins that transaction.
   */
  transactie<T>(werk: (tx: Store) => Promise<T>, opties?: TransactieOpties): Promise<T> {
    if (this.sql.inTransactie) return werk(this);
    return this.sql.transactie((tx) => werk(this.voor(tx, opties?.isolatie === 'los' ? undefined : new Geheugen())), opties);
  }

  /** A consistent read over several queries, through the store `werk` is given. Without memory: a question reads each part of a zaak once anyway (ZaakBeeld). */
  lees<T>(werk: (tx: Store) => Promise<T>): Promise<T> {
    if (this.sql.inTransactie) return werk(this);
    return this.sql.lees((tx) => werk(this.voor(tx)));
  }

  /** The store of one transaction (attempt): repositories on its Sql, the process's shared state, its own memory. */
  private voor(tx: Sql, geheugen?: Geheugen): Store {
    return new Store(tx, {}, this.gedeeld, geheugen);
  }

  /**
   * A read, then what its outcome needs written and committed before it is used (a question's protocol row):
   * `schrijf` returns that work, or undefined when there is none. PostgreSQL: in the read's transaction, a BEGIN and
   * a COMMIT fewer. SQLite: in a write transaction of its own after the read, because a deferred read transaction
   * that turns into a write fails at once when another process sharing the file wrote meanwhile.
   */
  async leesEnSchrijf<T>(lees: (tx: Store) => Promise<T>, schrijf: (gelezen: T) => ((tx: Store) => Promise<void>) | undefined): Promise<T> {
    if (this.sql.dialect === 'postgres' || this.sql.inTransactie) {
      return this.lees(async (tx) => {
        const gelezen = await lees(tx);
        await schrijf(gelezen)?.(tx);
        return gelezen;
      });
    }
    const gelezen = await this.lees(lees);
    const werk = schrijf(gelezen);
    if (werk) await this.sql.transactie((tx) => werk(this.voor(tx))); // writes only: nothing to remember
    return gelezen;
  }

  /** The schema version the database holds (its highest migration). */
  async schemaVersie(): Promise<number> {
    return Number((await this.sql.een<{ v: number | null }>('SELECT MAX(versie) AS v FROM schema_versie'))?.v ?? 0);
  }

  /** The database's size in bytes (SQLite: page_count x page_size; PostgreSQL: pg_database_size). */
  async grootte(): Promise<number> {
    const sql = this.sql.dialect === 'postgres'
      ? 'SELECT pg_database_size(current_database()) AS grootte'
      : 'SELECT page_count * page_size AS grootte FROM pragma_page_count(), pragma_page_size()';
    return Number((await this.sql.een<{ grootte: number | string }>(sql))?.grootte);
  }

  isBruikbaar(): Promise<boolean> {
    return this.sql.bruikbaar();
  }

  /** Closes at once; the returned promise settles when the background checkpointer has done its last checkpoint. */
  async sluit(): Promise<void> {
    await this.sql.sluit();
    await this.opties.naSluiten?.();
  }
}
