// The store: every query of the gateway goes through these repositories, so another backend can replace SQLite
// without touching the operations.
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
import { ZaakZoeken } from './zaakZoeken';
import { UitgaandeBerichten } from './uitgaand';
import { Abonnementen } from './abonnementen';
import { Overdrachten } from './overdrachten';
import { Spiegelzaken } from './spiegelzaken';
import { Sql, TransactieOpties } from './sql';
import { SqliteSql } from './sqlite';

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
  readonly zaakZoeken: ZaakZoeken;
  readonly uitgaand: UitgaandeBerichten;
  readonly abonnementen: Abonnementen;
  readonly overdrachten: Overdrachten;
  readonly spiegelzaken: Spiegelzaken;

  private checkpointer?: Checkpointer;
  readonly sql: Sql;

  constructor(readonly db: Db) {
    this.sql = new SqliteSql(db);
    this.zaken = new Zaken(db);
    this.betrokkenen = new Betrokkenen(db);
    this.statussen = new Statussen(db);
    this.zaakrelaties = new Zaakrelaties(db);
    this.identificaties = new Identificaties(db);
    this.idempotentie = new Idempotentie(db);
    this.documenten = new Documenten(db);
    this.besluiten = new Besluiten(db);
    this.protocol = new Protocol(db);
    this.zaakZoeken = new ZaakZoeken(db);
    this.uitgaand = new UitgaandeBerichten(db);
    this.abonnementen = new Abonnementen(db);
    this.overdrachten = new Overdrachten(db);
    this.spiegelzaken = new Spiegelzaken(db);
  }

  /** checkpointMs > 0: WAL checkpoints in a background thread (see checkpointer.ts); 0: SQLite's automatic ones. */
  static async open(path: string, checkpointMs = 0, cacheMb?: number, maxWalBytes?: number): Promise<Store> {
    const store = new Store(openDatabase(path, cacheMb));
    if (checkpointMs > 0 && path !== ':memory:') store.checkpointer = Checkpointer.start(store.db, path, checkpointMs, maxWalBytes);
    return store;
  }

  /** One write transaction: all of a message's changes, or none of them (see Sql.transactie). */
  transactie<T>(werk: () => Promise<T>, opties?: TransactieOpties): Promise<T> {
    return this.sql.transactie(werk, opties);
  }

  /** A consistent read over several queries. */
  lees<T>(werk: () => Promise<T>): Promise<T> {
    return this.sql.lees(werk);
  }

  isBruikbaar(): Promise<boolean> {
    return this.sql.bruikbaar();
  }

  /** Closes at once; the returned promise settles when the background checkpointer has done its last checkpoint. */
  async sluit(): Promise<void> {
    await this.sql.sluit();
    await this.checkpointer?.stop();
  }
}
