// What the operator commands for the outbox, subscriptions and handovers share: checking values and ids (the
// arguments themselves are read by src/opdracht/argumenten.ts), and the database of the configuration. They read and
// write the database directly (the gateway may be running: on SQLite WAL and the busy timeout let a second connection
// work beside it; PostgreSQL serves several connections anyway).
import { existsSync } from 'node:fs';
import type { Config } from '../config';
import type { Store } from '../store';
import { isPostgres, openStore } from '../store/openen';
import { OpdrachtFout } from '../opdracht/argumenten';

/** A value from a fixed list, or a message naming the list. */
export function eenVan<T extends string>(optie: string, waarde: string | undefined, lijst: readonly T[]): T | undefined {
  if (waarde === undefined) return undefined;
  if (!(lijst as readonly string[]).includes(waarde)) throw new OpdrachtFout(`${optie}: '${waarde}' is onbekend; kies uit ${lijst.join(', ')}`);
  return waarde as T;
}

/** Row ids as given on the command line: positive whole numbers, each once. */
export function leesIds(woorden: string[], wat: string, gebruik: string): number[] {
  const ids = woorden.map((w) => {
    if (!/^[1-9]\d{0,15}$/.test(w)) throw new OpdrachtFout(`'${w}' is geen ${wat}nummer (een positief geheel getal)\n${gebruik}`);
    return Number(w);
  });
  return [...new Set(ids)];
}

/**
 * Opens the configuration's database for one command. A missing SQLite file is an error: a command pointed at the
 * wrong path must not quietly create an empty database there. No checkpoints of its own: the gateway does those.
 */
export async function openVoorOpdracht(config: Config): Promise<Store> {
  const pad = config.database.path;
  if (!isPostgres(config.database) && pad !== ':memory:' && !existsSync(pad)) {
    throw new OpdrachtFout(`database '${pad}' bestaat niet; geef de configuratie van de gateway mee (GATEWAY_CONFIG, DATABASE_PATH of DATABASE_URL)`);
  }
  return openStore({ ...config.database, checkpointMs: 0 });
}

/** Opens the configuration's database for one command (openVoorOpdracht) and closes it after. */
export async function metStore<T>(config: Config, werk: (store: Store) => Promise<T>): Promise<T> {
  const store = await openVoorOpdracht(config);
  try {
    return await werk(store);
  } finally {
    await store.sluit();
  }
}

/** The destinations an operator may name: those of the configuration and those that still have rows. */
export function bekendeBestemming(config: Config, naam: string, ookBekend: Iterable<string> = []): void {
  const namen = new Set([...config.bestemmingen.map((b) => b.naam), ...ookBekend]);
  if (!namen.has(naam)) throw new OpdrachtFout(`bestemming '${naam}' is onbekend (bekend: ${[...namen].join(', ') || 'geen'})`);
}

/** A duration for people: 45 s, 12 min, 3 u, 2 d. */
export function duur(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 120) return `${s} s`;
  if (s < 2 * 3600) return `${Math.round(s / 60)} min`;
  if (s < 2 * 86_400) return `${Math.round(s / 3600)} u`;
  return `${Math.round(s / 86_400)} d`;
}

export const meervoud = (n: number, enkelvoud: string, meer: string): string => `${n} ${n === 1 ? enkelvoud : meer}`;

export const json = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;
