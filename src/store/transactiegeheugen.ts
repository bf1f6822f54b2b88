// What one transaction (one attempt of it) has read and written, so that a message reads each part of a zaak once:
// on PostgreSQL every statement is a round trip, and a creeerZaak asked for the same roles three times. The
// repositories write through it (every change of a remembered part goes to the database and to the memory alike), so
// a read from memory is the read the database would give inside this transaction. Only for parts that only these
// repositories change; it ends with its transaction, so nothing is remembered across transactions or instances.
import { AsyncLocalStorage } from 'node:async_hooks';

export class Geheugen {
  /** False once its transaction has ended: work that outlives it (fire-and-forget) reads the database again. */
  open = true;
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

export class Transactiegeheugen {
  private readonly als = new AsyncLocalStorage<Geheugen>();
  /** Memories open now (PostgreSQL runs transactions side by side). */
  private open = 0;

  /** `werk` with a memory of its own, or the memory of the transaction it joins. Each run (attempt) starts empty. */
  rond<T>(werk: () => Promise<T>): () => Promise<T> {
    return async () => {
      if (this.huidig()) return werk();
      const g = new Geheugen();
      this.open++;
      try {
        return await this.als.run(g, werk);
      } finally {
        g.open = false;
        // An enabled AsyncLocalStorage costs something on every promise the process creates (Node 20), also the
        // questions' and the HTTP layer's: switched off while no transaction needs it (run switches it on again).
        if (--this.open === 0) this.als.disable();
      }
    };
  }

  /** The memory of the transaction the caller is in, or undefined outside one. */
  huidig(): Geheugen | undefined {
    const g = this.als.getStore();
    return g?.open ? g : undefined;
  }
}
