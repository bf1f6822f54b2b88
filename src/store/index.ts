// The store: every query of the gateway goes through these repositories, so another backend can replace SQLite
// without touching the operations.
import { Db, isBruikbaar, openDatabase } from './db';
import { Betrokkenen } from './betrokkenen';
import { Identificaties } from './identificaties';
import { Idempotentie } from './idempotentie';
import { Statussen } from './statussen';
import { Zaakrelaties } from './zaakrelaties';
import { Zaken } from './zaken';

export class Store {
  readonly zaken: Zaken;
  readonly betrokkenen: Betrokkenen;
  readonly statussen: Statussen;
  readonly zaakrelaties: Zaakrelaties;
  readonly identificaties: Identificaties;
  readonly idempotentie: Idempotentie;

  constructor(readonly db: Db) {
    this.zaken = new Zaken(db);
    this.betrokkenen = new Betrokkenen(db);
    this.statussen = new Statussen(db);
    this.zaakrelaties = new Zaakrelaties(db);
    this.identificaties = new Identificaties(db);
    this.idempotentie = new Idempotentie(db);
  }

  static open(path: string): Store {
    return new Store(openDatabase(path));
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

  sluit(): void {
    this.db.close();
  }
}
