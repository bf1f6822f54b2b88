// Retention (issue 17): removes what only grows once its period in the configuration has passed: the journal's
// texts and rows, idempotency records, delivered and discarded outbox messages, and the privacy protocol. Dead
// outbox messages stay until an operator revives or discards them. One pass, relative to a given moment; run by the
// service on a schedule (opschoner.ts) and by the command `opschonen` (opdracht.ts). Every kind is removed in
// bounded batches with a turn of the event loop between them: SQLite has one writer, and a million rows in one
// transaction would hold every message up. Several instances on one database may run it at once: each batch is
// idempotent, and a batch that finds less than it asked for is the last.
import type { Config } from '../config';
import type { Store } from '../store';

export type Soort = 'journaalInhoud' | 'journaal' | 'idempotentie' | 'uitgaandAfgeleverd' | 'uitgaandVerworpen' | 'protocol';

/** In the order of the pass; with the configuration key that sets each period. */
export const SOORTEN: readonly { soort: Soort; sleutel: string; omschrijving: string }[] = [
  { soort: 'journaal', sleutel: 'bewaren.journaalDagen', omschrijving: 'journaalregels' },
  { soort: 'journaalInhoud', sleutel: 'bewaren.journaalInhoudDagen', omschrijving: 'journaalteksten' },
  { soort: 'idempotentie', sleutel: 'bewaren.idempotentieDagen', omschrijving: 'verwerkte berichten (idempotentie)' },
  { soort: 'uitgaandAfgeleverd', sleutel: 'bewaren.uitgaandAfgeleverdDagen', omschrijving: 'afgeleverde uitgaande berichten' },
  { soort: 'uitgaandVerworpen', sleutel: 'bewaren.uitgaandVerworpenDagen', omschrijving: 'verworpen uitgaande berichten' },
  { soort: 'protocol', sleutel: 'protocol.bewaartermijnDagen', omschrijving: 'protocolregels' },
];

export interface Opschoonverslag {
  /** The moment the periods are counted back from. */
  nu: string;
  /** Per kind: what is older than this went. */
  grenzen: Record<Soort, string>;
  /** Per kind: how many rows went (journal texts: texts; journal rows: rows, with their zaken). */
  verwijderd: Record<Soort, number>;
  /** Stopped before the end (the service is closing): the rest goes next time. */
  onderbroken: boolean;
  ms: number;
}

export interface OpschoonOpties {
  /** Rows per transaction. */
  partij?: number;
  /** Asked between batches; false stops the pass (shutdown). */
  doorgaan?: () => boolean;
}

const DAG_MS = 24 * 60 * 60 * 1000;

export function bewaardagen(config: Config): Record<Soort, number> {
  const b = config.bewaren;
  return {
    journaal: b.journaalDagen,
    journaalInhoud: b.journaalInhoudDagen,
    idempotentie: b.idempotentieDagen,
    uitgaandAfgeleverd: b.uitgaandAfgeleverdDagen,
    uitgaandVerworpen: b.uitgaandVerworpenDagen,
    protocol: config.protocol.bewaartermijnDagen,
  };
}

/** The next turn of the event loop: what waits for the database (a message's transaction) goes first. */
const volgendeBeurt = () => new Promise<void>((r) => setImmediate(r));

/** `partij` calls until one removes fewer than `max` (or the pass must stop); the total. */
async function totLeeg(partij: (max: number) => Promise<number>, max: number, doorgaan: () => boolean): Promise<number> {
  let totaal = 0;
  while (doorgaan()) {
    const weg = await partij(max);
    totaal += weg;
    if (weg < max) break;
    await volgendeBeurt();
  }
  return totaal;
}

/** One pass over every kind, with the periods of `config` counted back from `nu`. */
export async function schoonOp(store: Store, config: Config, nu = new Date(), opties: OpschoonOpties = {}): Promise<Opschoonverslag> {
  const begin = Date.now();
  const partij = opties.partij ?? 1000;
  const doorgaan = opties.doorgaan ?? (() => true);
  const dagen = bewaardagen(config);
  const grensMs = (s: Soort) => nu.getTime() - dagen[s] * DAG_MS;
  const grenzen = Object.fromEntries(SOORTEN.map(({ soort }) => [soort, new Date(grensMs(soort)).toISOString()])) as Record<Soort, string>;
  const verwijderd: Record<Soort, number> = { journaal: 0, journaalInhoud: 0, idempotentie: 0, uitgaandAfgeleverd: 0, uitgaandVerworpen: 0, protocol: 0 };

  const journaal = await store.journaal.schoonOp(grenzen.journaalInhoud, grenzen.journaal, { partij, doorgaan });
  verwijderd.journaalInhoud = journaal.inhoud;
  verwijderd.journaal = journaal.regels;
  verwijderd.idempotentie = await totLeeg((max) => store.idempotentie.schoonOp(grenzen.idempotentie, max), partij, doorgaan);
  verwijderd.uitgaandAfgeleverd = await totLeeg((max) => store.uitgaand.schoonOpAfgeleverd(grenzen.uitgaandAfgeleverd, max), partij, doorgaan);
  verwijderd.uitgaandVerworpen = await totLeeg((max) => store.uitgaand.schoonOpVerworpen(grensMs('uitgaandVerworpen'), max), partij, doorgaan);
  verwijderd.protocol = await totLeeg((max) => store.protocol.schoonOpPartij(grenzen.protocol, max), partij, doorgaan);
  const verder = doorgaan();
  return { nu: nu.toISOString(), grenzen, verwijderd, onderbroken: !verder, ms: Date.now() - begin };
}
