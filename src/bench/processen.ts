// Servers under test as real child processes on loopback: started with their own environment, awaited until they
// answer, stopped gracefully (SIGTERM, then SIGKILL) and killed in any case when the benchmark ends.
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as wacht } from 'node:timers/promises';
import { bijAfsluiten } from './opruimen';

export const HOST = '127.0.0.1';
const MAX_UITVOER = 64 * 1024;

/** A port that was free a moment ago (the OS picks it); the child binds it right after. */
export function vrijePoort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, HOST, () => {
      const adres = s.address();
      s.close(() => (typeof adres === 'object' && adres ? resolve(adres.port) : reject(new Error('no port'))));
    });
  });
}

export interface Dienst {
  naam: string;
  url: string;
  pid: number;
  /** The last part of what the child wrote to stdout and stderr (its log), for failure reports. */
  uitvoer(): string;
  levend(): boolean;
  /** SIGTERM, after 5 s SIGKILL; `meteen` kills at once (a process whose event loop is stuck would not react anyway). */
  stop(meteen?: boolean): Promise<void>;
}

export interface DienstOpties {
  naam: string;
  script: string;
  args?: string[];
  env: Record<string, string>;
  /** Working directory of the child; the bench's own by default. */
  cwd?: string;
  /** True once the child answers as it should (a 200 on /health for the gateway). */
  isKlaar(url: string): Promise<boolean>;
  timeoutMs?: number;
}

export async function startDienst(o: DienstOpties): Promise<Dienst> {
  const poort = await vrijePoort();
  const url = `http://${HOST}:${poort}`;
  const kind: ChildProcess = spawn(process.execPath, [o.script, ...(o.args ?? [])], {
    env: { ...process.env, ...o.env, PORT: String(poort), HOST },
    cwd: o.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let uitvoer = '';
  const bewaar = (b: Buffer) => {
    uitvoer = (uitvoer + b.toString('utf8')).slice(-MAX_UITVOER);
  };
  kind.stdout!.on('data', bewaar);
  kind.stderr!.on('data', bewaar);
  const levend = () => kind.exitCode === null && kind.signalCode === null;
  const geeindigd = new Promise<void>((resolve) => kind.once('exit', () => resolve()));
  const doodOpExit = bijAfsluiten(() => {
    if (levend()) kind.kill('SIGKILL');
  });

  const dienst: Dienst = {
    naam: o.naam,
    url,
    pid: kind.pid!,
    uitvoer: () => uitvoer,
    levend,
    async stop(meteen = false) {
      if (levend()) {
        kind.kill(meteen ? 'SIGKILL' : 'SIGTERM');
        const op = meteen || (await Promise.race([geeindigd.then(() => true), wacht(5000).then(() => false)]));
        if (!op) kind.kill('SIGKILL');
        await geeindigd;
      }
      doodOpExit();
    },
  };

  const tot = Date.now() + (o.timeoutMs ?? 60_000);
  while (Date.now() < tot) {
    if (!levend()) throw new Error(`${o.naam} exited while starting (${kind.exitCode ?? kind.signalCode}):\n${uitvoer}`);
    if (await o.isKlaar(url).catch(() => false)) return dienst;
    await wacht(50);
  }
  await dienst.stop();
  throw new Error(`${o.naam} did not answer within ${(o.timeoutMs ?? 60_000) / 1000} s:\n${uitvoer}`);
}
