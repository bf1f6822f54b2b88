// A gateway as a real separate process (node dist/main.js serve) on a free loopback port: for tests where the
// process boundary matters (several processes on one database, a killed process).
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../../src/config';

const MAIN = resolve(__dirname, '..', '..', 'dist', 'main.js');

export interface GatewayProces {
  url: string;
  proces: ChildProcess;
  stop(signaal?: NodeJS.Signals): Promise<void>;
}

export async function startGatewayProces(env: Record<string, string>): Promise<GatewayProces> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} ontbreekt: draai eerst 'npm run build' (npm test doet dat)`);
  const proces = spawn(process.execPath, [MAIN, 'serve'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let uitvoer = '';
  const url = await new Promise<string>((klaar, mislukt) => {
    const timer = setTimeout(() => mislukt(new Error(`gateway-proces startte niet binnen 20 s:\n${uitvoer}`)), 20000);
    proces.stdout!.on('data', (d: Buffer) => {
      uitvoer += d.toString();
      const m = /"adres":"(http:\/\/[^"]+)"/.exec(uitvoer);
      if (m) {
        clearTimeout(timer);
        klaar(m[1]);
      }
    });
    proces.stderr!.on('data', (d: Buffer) => (uitvoer += d.toString()));
    proces.on('exit', (code) => {
      clearTimeout(timer);
      mislukt(new Error(`gateway-proces stopte (code ${code}):\n${uitvoer}`));
    });
  });
  return {
    url,
    proces,
    stop: (signaal: NodeJS.Signals = 'SIGTERM') =>
      new Promise<void>((klaar) => {
        // Ended already: by itself (exitCode) or by a signal, e.g. an earlier SIGKILL (signalCode).
        if (proces.exitCode !== null || proces.signalCode !== null) return klaar();
        proces.once('exit', () => klaar());
        proces.kill(signaal);
      }),
  };
}

export const databaseIn = (map: string) => join(map, 'gateway.db');

/** The environment that points a command line (node dist/main.js ...) at a test gateway's database, on either backend. */
export const databaseOmgeving = (database: Config['database']): Record<string, string> =>
  database.url !== undefined ? { DATABASE_URL: database.url } : { DATABASE_PATH: database.path };
