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

export interface Opdrachtuitkomst {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command line (node dist/main.js ...) as its own process without blocking this one (receivers and gateways
 * of the test live here). Its database is what `env` names (a GATEWAY_CONFIG, or databaseOmgeving), never one this
 * process's environment happens to carry.
 */
export function draaiOpdracht(env: Record<string, string>, ...argv: string[]): Promise<Opdrachtuitkomst> {
  return new Promise((klaar) => {
    const omgeving: NodeJS.ProcessEnv = { ...process.env };
    delete omgeving.DATABASE_PATH;
    delete omgeving.DATABASE_URL;
    const p = spawn(process.execPath, [MAIN, ...argv], { env: { ...omgeving, ...env } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('close', (status) => klaar({ status, stdout, stderr }));
  });
}
