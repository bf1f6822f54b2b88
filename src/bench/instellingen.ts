// The benchmark's knobs, from the environment: how large the big database is, how long each case runs, which cases
// run, which other checkout (if any) is measured beside this one, and which PostgreSQL server (if any) they also run on.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The cases BENCH_ALLEEN can name; geefZaakdetails covers both database sizes; instanties needs BENCH_POSTGRES_URL;
 * rapport runs the management report on the large database.
 */
export const GEVALLEN = ['geefZaakdetails', 'creeerZaak', 'genereerZaakIdentificatie', 'zoekZaken', 'werkvoorraad', 'notificaties', 'ketenpartner', 'documenten', 'aanval', 'inloggen', 'instanties', 'journaal', 'rapport'] as const;
export type GevalSleutel = (typeof GEVALLEN)[number];

export interface Instellingen {
  /** Zaken in the large database (BENCH_GROOT). */
  groot: number;
  /** Zaken in the small database: the 1k of "1k vs 1M". */
  klein: number;
  /** Measured seconds per case (BENCH_SECONDEN). */
  seconden: number;
  /** Unmeasured seconds before each case (BENCH_OPWARMEN): a fresh gateway needs some 5 s of load before V8 has optimised it. */
  opwarmen: number;
  /** Concurrent connections of the load generator (BENCH_VERBINDINGEN): three clients, as a small municipality's front offices. */
  verbindingen: number;
  /** Document sizes in MB for the document case (BENCH_DOCUMENTEN, comma-separated; empty skips the case). */
  documenten: number[];
  /** The cases to run (BENCH_ALLEEN, comma-separated; all when unset). */
  alleen: GevalSleutel[];
  /** Seconds after which one attack request is given up (BENCH_AANVAL_SECONDEN): today's reader takes minutes on some. */
  aanvalSeconden: number;
  /** A second, already built checkout whose gateway is measured beside ours (BENCH_VERGELIJK). */
  vergelijk?: string;
  /** Alternating rounds per compared case (BENCH_RONDEN): one pair of measurements on a shared machine is mostly noise. */
  rondes: number;
  /**
   * A PostgreSQL server on which the bench may create and drop databases (BENCH_POSTGRES_URL): the load cases then
   * also run on PostgreSQL, and the two-instance case runs.
   */
  postgres?: string;
}

function groottes(env: NodeJS.ProcessEnv): number[] {
  const ruw = env.BENCH_DOCUMENTEN ?? '1,16,64';
  const lijst = ruw.split(',').map((x) => x.trim()).filter((x) => x !== '').map(Number);
  if (lijst.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`BENCH_DOCUMENTEN='${ruw}' must list whole megabytes, e.g. 1,16,64`);
  return lijst;
}

function getal(env: NodeJS.ProcessEnv, naam: string, standaard: number, min: number): number {
  const ruw = env[naam];
  if (ruw === undefined || ruw.trim() === '') return standaard;
  const n = Number(ruw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min) throw new Error(`${naam}='${ruw}' must be a whole number >= ${min}`);
  return n;
}

function gekozen(env: NodeJS.ProcessEnv): GevalSleutel[] {
  const ruw = env.BENCH_ALLEEN?.trim();
  if (!ruw) return [...GEVALLEN];
  const uit = new Set<GevalSleutel>();
  for (const naam of ruw.split(',').map((x) => x.trim()).filter((x) => x !== '')) {
    const sleutel = GEVALLEN.find((g) => g.toLowerCase() === naam.toLowerCase());
    if (!sleutel) throw new Error(`BENCH_ALLEEN: unknown case '${naam}'; choose from ${GEVALLEN.join(', ')}`);
    uit.add(sleutel);
  }
  return GEVALLEN.filter((g) => uit.has(g));
}

function vergelijkMap(env: NodeJS.ProcessEnv): string | undefined {
  const ruw = env.BENCH_VERGELIJK?.trim();
  if (!ruw) return undefined;
  const pad = resolve(ruw);
  if (!existsSync(join(pad, 'dist', 'main.js'))) throw new Error(`BENCH_VERGELIJK='${ruw}': ${join(pad, 'dist', 'main.js')} not found (build that checkout first)`);
  return pad;
}

function postgresServer(env: NodeJS.ProcessEnv): string | undefined {
  const ruw = env.BENCH_POSTGRES_URL?.trim();
  if (!ruw) return undefined;
  if (!/^postgres(ql)?:\/\//i.test(ruw) || !URL.canParse(ruw)) throw new Error('BENCH_POSTGRES_URL must be a postgres:// URL of a server on which the bench may create databases');
  return ruw;
}

export function leesInstellingen(env: NodeJS.ProcessEnv = process.env): Instellingen {
  return {
    groot: getal(env, 'BENCH_GROOT', 1_000_000, 1),
    klein: 1000,
    seconden: getal(env, 'BENCH_SECONDEN', 10, 1),
    opwarmen: getal(env, 'BENCH_OPWARMEN', 5, 0),
    verbindingen: getal(env, 'BENCH_VERBINDINGEN', 3, 1),
    documenten: groottes(env),
    alleen: gekozen(env),
    aanvalSeconden: getal(env, 'BENCH_AANVAL_SECONDEN', 30, 1),
    vergelijk: vergelijkMap(env),
    rondes: getal(env, 'BENCH_RONDEN', 3, 1),
    postgres: postgresServer(env),
  };
}
