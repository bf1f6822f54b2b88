// The benchmark's knobs, from the environment: how large the big database is, how long each case runs.

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
  /** BENCH_ALLEEN=documenten runs only the document case. */
  alleenDocumenten: boolean;
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

export function leesInstellingen(env: NodeJS.ProcessEnv = process.env): Instellingen {
  return {
    groot: getal(env, 'BENCH_GROOT', 1_000_000, 1),
    klein: 1000,
    seconden: getal(env, 'BENCH_SECONDEN', 10, 1),
    opwarmen: getal(env, 'BENCH_OPWARMEN', 5, 0),
    verbindingen: getal(env, 'BENCH_VERBINDINGEN', 3, 1),
    documenten: groottes(env),
    alleenDocumenten: env.BENCH_ALLEEN === 'documenten',
  };
}
