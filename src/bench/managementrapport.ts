// The management report's cost (issue 19, item 5): `node dist/main.js rapport` over the large database, how long it
// takes alone, and creeerZaak's requests/s on a gateway on that database while reports run one after the other,
// against creeerZaak on the same gateway without a report, in alternating rounds of one run (as journaal.ts). The
// report is a process of its own with its own read-only connection: what it may cost the gateway is CPU (two cores
// shared with the load generator) and, on SQLite, a WAL that cannot start over while the report's snapshot is open
// (a checkpoint copies only what was committed before the oldest reader's snapshot): the peak of the WAL in use per
// phase is printed for that. The file's size would not show it: SQLite writes a restarted WAL over the same file.
import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { endianness } from 'node:os';
import { join } from 'node:path';
import { bijAfsluiten } from './opruimen';
import type { Instellingen } from './instellingen';
import { Generator, Meting, meet } from './meting';
import type { Dienst } from './processen';
import { GevalResultaat, ManagementrapportMeting, regel } from './rapport';

export interface ManagementrapportOpties {
  /** The gateway's built main.js: the report runs as the operator would run it. */
  main: string;
  werkmap: string;
  database: string;
  zaken: number;
  gateway: Dienst;
  gen: Generator;
  inst: Instellingen;
  schrijf(regel: string): void;
}

/** The seeded zaken begin 2019-01-01 and are spread over five years; the bench's own creeerZaak uses 2024-01-15. */
const MAANDEN = ['--vanaf', '2019-01', '--tot', '2024-12'];

/** One report; resolves to its own measure of its duration. */
function rapport(o: ManagementrapportOpties, n: number): Promise<number> {
  return new Promise((klaar, mislukt) => {
    const kind: ChildProcess = spawn(process.execPath, [o.main, 'rapport', '--naar', join(o.werkmap, `rapport-${n}`), ...MAANDEN, '--json'], {
      env: { ...process.env, DATABASE_PATH: o.database, DATABASE_URL: '', GATEWAY_CONFIG: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const weg = bijAfsluiten(() => {
      if (kind.exitCode === null && kind.signalCode === null) kind.kill('SIGKILL');
    });
    let uit = '';
    kind.stdout!.on('data', (d: Buffer) => (uit += d.toString()));
    kind.stderr!.on('data', (d: Buffer) => (uit += d.toString()));
    kind.on('error', mislukt);
    kind.on('exit', (code) => {
      weg();
      if (code !== 0) return mislukt(new Error(`rapport ended with ${code}:\n${uit.slice(-4000)}`));
      klaar((JSON.parse(uit) as { seconden: number }).seconden);
    });
  });
}

/**
 * Bytes of WAL in use: the wal-index header at the start of the -shm file holds the page size (u16 at 14; 1 means
 * 65536) and mxFrame, the last valid frame (u32 at 16), in the machine's byte order; a frame is a page and 24 bytes.
 */
function walInGebruik(database: string): number {
  let fd: number | undefined;
  try {
    fd = openSync(`${database}-shm`, 'r');
    const kop = Buffer.alloc(20);
    if (readSync(fd, kop, 0, 20, 0) < 20) return 0;
    const le = endianness() === 'LE';
    const pagina = le ? kop.readUInt16LE(14) : kop.readUInt16BE(14);
    return (le ? kop.readUInt32LE(16) : kop.readUInt32BE(16)) * ((pagina === 1 ? 65536 : pagina) + 24);
  } catch {
    return 0; // no -shm (yet): no WAL in use
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The largest WAL in use while `werk` runs, sampled every 100 ms. */
async function metWalPiek<T>(database: string, werk: () => Promise<T>): Promise<{ uitkomst: T; piekMb: number }> {
  let piek = 0;
  const kijk = () => (piek = Math.max(piek, walInGebruik(database)));
  const timer = setInterval(kijk, 100);
  try {
    const uitkomst = await werk();
    kijk();
    return { uitkomst, piekMb: piek / 1e6 };
  } finally {
    clearInterval(timer);
  }
}

const beste = (rondes: Meting[]) => rondes.reduce((x, y) => (y.perSeconde > x.perSeconde ? y : x));

export async function meetManagementrapport(o: ManagementrapportOpties): Promise<ManagementrapportMeting> {
  const { inst, gateway, gen, schrijf } = o;
  let volgnummer = 0;
  const alleenSeconden = await rapport(o, ++volgnummer);
  schrijf(`  rapport alone on ${o.zaken} zaken: ${alleenSeconden.toFixed(1)} s`);
  const belasting = { verbindingen: inst.verbindingen, seconden: inst.seconden };
  if (inst.opwarmen > 0) await meet(gateway.url, gen, { ...belasting, seconden: inst.opwarmen });
  const zonder: Meting[] = [];
  const met: Meting[] = [];
  const onderLastSeconden: number[] = [];
  let walZonder = 0;
  let walMet = 0;
  const controleer = (naam: string, m: Meting) => {
    if (!gateway.levend()) throw new Error(`${gateway.naam} died during '${naam}':\n${gateway.uitvoer()}`);
    schrijf(regel(naam, gateway.naam, m));
    if (m.goed === 0) throw new Error(`no good answer at all for '${naam}'; gateway output:\n${gateway.uitvoer().slice(-4000)}`);
    return m;
  };
  for (let r = 1; r <= inst.rondes; r++) {
    const ronde = inst.rondes > 1 ? ` [${r}/${inst.rondes}]` : '';
    const a = await metWalPiek(o.database, () => meet(gateway.url, gen, belasting));
    zonder.push(controleer(`creeerZaak, no report${ronde}`, a.uitkomst));
    walZonder = Math.max(walZonder, a.piekMb);
    // Reports one after the other for the whole measured window; the one running when it closes is waited for.
    let bezig = true;
    const reeks = (async () => {
      while (bezig) onderLastSeconden.push(await rapport(o, ++volgnummer));
    })();
    reeks.catch(() => undefined); // its failure is thrown where it is awaited, after the measurement
    const b = await metWalPiek(o.database, async () => {
      try {
        return await meet(gateway.url, gen, belasting);
      } finally {
        bezig = false;
        await reeks;
      }
    });
    met.push(controleer(`creeerZaak, reports running${ronde}`, b.uitkomst));
    walMet = Math.max(walMet, b.piekMb);
  }
  // What stays on disk: a few seconds of writes after the last report let the WAL start over (and be cut back).
  await meet(gateway.url, gen, { ...belasting, seconden: 3 });
  const walBestandMbNa = existsSync(`${o.database}-wal`) ? statSync(`${o.database}-wal`).size / 1e6 : 0;
  const resultaat = (naam: string, rondes: Meting[]): GevalResultaat => ({ naam, gateway: beste(rondes), rondes: rondes.map((m) => m.perSeconde) });
  const uitkomst: ManagementrapportMeting = {
    zaken: o.zaken,
    alleenSeconden,
    onderLastSeconden,
    zonder: resultaat('creeerZaak, no report', zonder),
    met: resultaat('creeerZaak, reports running', met),
    walPiekMbZonder: walZonder,
    walPiekMbMet: walMet,
    walBestandMbNa,
  };
  schrijf(
    `  rapport under load: ${onderLastSeconden.map((s) => s.toFixed(1)).join(', ')} s; creeerZaak with ÷ without ` +
      `x${(uitkomst.met.gateway.perSeconde / uitkomst.zonder.gateway.perSeconde).toFixed(3)}; WAL in use at most ${walZonder.toFixed(1)} MB without, ${walMet.toFixed(1)} MB with; WAL file afterwards ${walBestandMbNa.toFixed(1)} MB`,
  );
  return uitkomst;
}
