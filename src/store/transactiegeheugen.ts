// What one transaction (one attempt of it) has read and written, so that a message reads each part of a zaak once:
// on PostgreSQL every statement is a round trip, and a creeerZaak asked for the same roles three times. The
// repositories write through it (every change of a remembered part goes to the database and to the memory alike), so
// a read from memory is the read the database would give inside this transaction. Only for parts that only these
// repositories change; it ends with its transaction, so nothing is remembered across transactions or instances.
import type { Sql } from './sql';

export class Geheugen {
  /** Zaken inserted in this transaction: they have no roles, objects, statuses or relations but what it adds. */
  readonly nieuweZaken = new Set<number>();
  /** The subscriptions' version (abonnementen.ts) as this transaction's snapshot has it, once read. */
  abonnementVersie?: number;
  /** This transaction changed the subscriptions: what it reads of them may yet be rolled back. */
  abonnementenGewijzigd = false;
  private readonly waarden = new Map<string, unknown>();

  heeft(sleutel: string): boolean {
    return this.waarden.has(sleutel);
  }

  lees<T>(sleutel: string): T | undefined {
    return this.waarden.get(sleutel) as T | undefined;
  }

  zet<T>(sleutel: string, waarde: T): T {
    this.waarden.set(sleutel, waarde);
    return waarde;
  }

  /**
   * The remembered rows of one kind of a zaak's part (`soort`), or undefined when not read yet. A zaak inserted in
   * this transaction starts with none.
   */
  rijen<R>(soort: string, zaakId: number): R[] | undefined {
    const sleutel = `${soort}:${zaakId}`;
    if (!this.waarden.has(sleutel) && this.nieuweZaken.has(zaakId)) this.waarden.set(sleutel, []);
    return this.waarden.get(sleutel) as R[] | undefined;
  }

  zetRijen<R>(soort: string, zaakId: number, rijen: R[]): R[] {
    return this.zet(`${soort}:${zaakId}`, rijen);
  }

  /** Every remembered row list of this kind, whichever zaak: for a change known by row id only. */
  *alleRijen<R>(soort: string): Iterable<R[]> {
    for (const [sleutel, waarde] of this.waarden) if (sleutel.startsWith(`${soort}:`)) yield waarde as R[];
  }
}

/** A repository's view of the memory: the one of the transaction its store was given, while that is open. */
export class Transactiegeheugen {
  constructor(
    private readonly sql: Sql,
    private readonly geheugen?: Geheugen,
  ) {}

  /** The memory of the transaction, or undefined outside one (or once it has ended). */
  huidig(): Geheugen | undefined {
    return this.geheugen && this.sql.inTransactie ? this.geheugen : undefined;
  }
}
