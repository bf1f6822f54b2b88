// The store: every query of the gateway goes through these repositories, so another backend can replace SQLite
// without touching the operations.
import { Db, isBruikbaar, openDatabase } from './db';
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

  constructor(readonly db: Db) {
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
  static open(path: string, checkpointMs = 0, cacheMb?: number, maxWalBytes?: number): Store {
    const store = new Store(openDatabase(path, cacheMb));
    if (checkpointMs > 0 && path !== ':memory:') store.checkpointer = Checkpointer.start(store.db, path, checkpointMs, maxWalBytes);
    return store;
  }

  /** One write transaction (BEGIN IMMEDIATE): all of a message's changes, or none of them. */
  transactie<T>(werk: () => T): T {
    return this.db.transaction(werk).immediate();
  }

  /** A consistent read over several queries. */
  lees<T>(werk: () => T): T {
    return this.db.transaction(werk).deferred();
  }

  isBruikbaar(): boolean {
    return isBruikbaar(this.db);
  }

  /** Closes at once; the returned promise settles when the background checkpointer has done its last checkpoint. */
  sluit(): Promise<void> {
    this.db.close();
    return this.checkpointer?.stop() ?? Promise.resolve();
  }
}
