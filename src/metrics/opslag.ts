// The gauges read from the database when Prometheus scrapes: the outbox messages that wait or are dead, per
// destination, kind and state, the open breaches of partners' agreed terms per partner, and the database's size. A
// reading that fails or takes too long is logged and leaves the gauge as it was: the scrape still answers, with
// everything else.
import { Gauge, Registry } from 'prom-client';
import type { Logger } from 'pino';
import type { Store } from '../store';
import { Labels } from './labels';

/** Longer than this and a reading is skipped for this scrape (Prometheus waits 10 s by default for all of it). */
const MAX_MS = 2000;

export const UITGAAND_BERICHTEN = 'zds_outbox_messages';
export const DATABASE_GROOTTE = 'zds_database_size_bytes';
export const PARTNERTERMIJNEN_OPEN = 'zds_partner_term_breaches_open';

function binnenTijd<T>(werk: Promise<T>, wat: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const teLaat = new Promise<never>((_, mislukt) => (timer = setTimeout(() => mislukt(new Error(`${wat}: geen antwoord binnen ${MAX_MS} ms`)), MAX_MS)));
  return Promise.race([werk, teLaat]).finally(() => clearTimeout(timer));
}

/**
 * One reading at a time per gauge: scrapes that come while one runs wait for it instead of asking the database
 * again (two Prometheus servers, or a slow database, do not pile up queries).
 */
function eenTegelijk(lees: () => Promise<void>): () => Promise<void> {
  let lopend: Promise<void> | undefined;
  return () => (lopend ??= lees().finally(() => (lopend = undefined)));
}

export function registreerOpslagmetrieken(register: Registry, store: Store, labels: Labels, log: Logger): void {
  const waarschuw = (metriek: string, e: unknown) => log.warn({ fout: (e as Error).message, metriek }, 'metriek niet gelezen');

  const uitgaand = new Gauge({
    name: UITGAAND_BERICHTEN,
    help: 'Outbox messages waiting (wachtend) or given up (dood) per destination, kind and state, read at scrape time.',
    labelNames: ['destination', 'kind', 'state'] as const,
    registers: [register],
    collect: eenTegelijk(async () => {
      try {
        // wachtend and dood only: delivered messages are counted by zds_outbox_deliveries_total.
        const tellingen = await binnenTijd(store.uitgaand.tellingenOpen(), UITGAAND_BERICHTEN);
        // Destinations no longer configured are summed under onbekend; a series that emptied disappears.
        const som = new Map<string, { destination: string; kind: string; state: string; aantal: number }>();
        for (const t of tellingen) {
          const l = { destination: labels.bestemming(t.bestemming), kind: labels.uitgaandSoort(t.soort), state: labels.uitgaandStatus(t.status) };
          const sleutel = `${l.destination}\n${l.kind}\n${l.state}`;
          som.set(sleutel, { ...l, aantal: (som.get(sleutel)?.aantal ?? 0) + Number(t.aantal) });
        }
        uitgaand.reset();
        for (const { aantal, ...l } of som.values()) uitgaand.set(l, aantal);
      } catch (e) {
        waarschuw(UITGAAND_BERICHTEN, e);
      }
    }),
  });

  const termijnen = new Gauge({
    name: PARTNERTERMIJNEN_OPEN,
    help: 'Open breaches of the delivery terms agreed with ketenpartners (partners.afspraken), per partner, read at scrape time.',
    labelNames: ['partner'] as const,
    registers: [register],
    collect: eenTegelijk(async () => {
      try {
        const tellingen = await binnenTijd(store.partnertermijnen.tellingOpen(), PARTNERTERMIJNEN_OPEN);
        // Partners no longer configured are summed under onbekend; a partner without open breaches disappears.
        const som = new Map<string, number>();
        for (const t of tellingen) som.set(labels.partner(t.partner), (som.get(labels.partner(t.partner)) ?? 0) + t.aantal);
        termijnen.reset();
        for (const [partner, aantal] of som) termijnen.set({ partner }, aantal);
      } catch (e) {
        waarschuw(PARTNERTERMIJNEN_OPEN, e);
      }
    }),
  });

  const grootte = new Gauge({
    name: DATABASE_GROOTTE,
    help: 'Size of the database in bytes (SQLite: page_count x page_size; PostgreSQL: pg_database_size), read at scrape time.',
    registers: [register],
    collect: eenTegelijk(async () => {
      try {
        const bytes = await binnenTijd(store.grootte(), DATABASE_GROOTTE);
        if (Number.isFinite(bytes)) grootte.set(bytes);
      } catch (e) {
        waarschuw(DATABASE_GROOTTE, e);
      }
    }),
  });
}
