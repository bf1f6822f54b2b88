// BENCH_POSTGRES_URL: a PostgreSQL server on which the bench may create databases. Every phase gets a database of
// its own (CREATE DATABASE, so it starts empty and the gateway migrates it), dropped afterwards (WITH (FORCE)), also
// when the bench fails or is interrupted.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { bijAfsluiten } from './opruimen';

const ROOT = resolve(__dirname, '..', '..');

export interface BenchDatabase {
  /** Connection URL of the new database (the server URL with its path replaced). */
  url: string;
  /** Drops it; once. */
  verwijder(): void;
}

/** The server URL without its password: what the bench prints. */
export function serverOmschrijving(server: string): string {
  const u = new URL(server);
  return `${u.protocol}//${u.username ? `${u.username}@` : ''}${u.host}`;
}

// Run in a child process: the exit handlers (Ctrl-C, a failure) are synchronous, and dropping is not.
const BEHEER = `
const { Client } = require('pg');
const c = new Client({ connectionString: process.argv[1] });
c.connect().then(() => c.query(process.argv[2])).then(() => c.end(), (e) => { process.stderr.write(e.message); process.exit(1); });
`;

function beheer(server: string, opdracht: string): void {
  const r = spawnSync(process.execPath, ['-e', BEHEER, server, opdracht], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`PostgreSQL (${serverOmschrijving(server)}): '${opdracht}' failed: ${r.stderr || r.error?.message || `status ${r.status}`}`);
}

export function nieuweDatabase(server: string): BenchDatabase {
  const naam = `zdsgw_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  beheer(server, `CREATE DATABASE ${naam}`);
  const url = new URL(server);
  url.pathname = `/${naam}`;
  const verwijder = bijAfsluiten(() => beheer(server, `DROP DATABASE IF EXISTS ${naam} WITH (FORCE)`));
  return { url: url.toString(), verwijder };
}
