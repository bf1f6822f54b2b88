// A throwaway PostgreSQL cluster for the tests: initdb in a temporary directory, pg_ctl on a free loopback port,
// trust authentication for 127.0.0.1 and the unix socket in that directory only, no system service. Stopped and
// removed afterwards. The binaries are found once, by jest.config.js (ZDS_PG_BIN, or why not: ZDS_PG_ONTBREEKT).
import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export interface Cluster {
  /** Superuser URL of the cluster's `postgres` database: for CREATE DATABASE. */
  url: string;
  map: string;
}

/** Why no cluster can be started here, or undefined when one can. */
export function postgresOntbreekt(): string | undefined {
  return process.env.ZDS_PG_BIN ? undefined : (process.env.ZDS_PG_ONTBREEKT ?? 'ZDS_PG_BIN niet gezet (jest.config.js zoekt initdb)');
}

function vrijePoort(): Promise<number> {
  return new Promise((klaar, fout) => {
    const s = createServer();
    s.once('error', fout);
    s.listen(0, '127.0.0.1', () => {
      const poort = (s.address() as { port: number }).port;
      s.close(() => klaar(poort));
    });
  });
}

/** PostgreSQL will not run as root: then as the postgres user of the Debian package. */
function alsGebruiker(): SpawnSyncOptions {
  if (process.getuid?.() !== 0) return {};
  const id = (v: string) => Number(spawnSync('id', [v, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

function voer(bin: string, args: string[], opties: SpawnSyncOptions): void {
  const r = spawnSync(join(bin, args[0]), args.slice(1), { ...opties, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${args[0]} faalde (${r.error?.message ?? `status ${r.status}`}):\n${r.stdout}\n${r.stderr}`);
}

export interface ClusterOpties {
  /** TLS only: the server's key and certificate (PEM), `ssl = on`, and connections over TCP without TLS refused. */
  tls?: { sleutel: string; certificaat: string };
}

export async function startCluster(opties: ClusterOpties = {}): Promise<Cluster> {
  const bin = process.env.ZDS_PG_BIN;
  if (!bin) throw new Error(`PostgreSQL: ${postgresOntbreekt()}`);
  const map = mkdtempSync(join(tmpdir(), 'zdsgw-pg-'));
  const gebruiker = alsGebruiker();
  if (gebruiker.uid !== undefined) chownSync(map, gebruiker.uid, gebruiker.gid!);
  const data = join(map, 'data');
  try {
    voer(bin, ['initdb', '-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], gebruiker);
    const poort = await vrijePoort();
    writeFileSync(join(data, 'pg_hba.conf'), `local all all trust\n${opties.tls ? 'hostssl' : 'host'} all all 127.0.0.1/32 trust\n`);
    if (opties.tls) {
      // PostgreSQL refuses a key that others can read; it must belong to the user the server runs as.
      for (const [naam, pem] of [['server.key', opties.tls.sleutel], ['server.crt', opties.tls.certificaat]]) {
        writeFileSync(join(data, naam), pem, { mode: 0o600 });
        if (gebruiker.uid !== undefined) chownSync(join(data, naam), gebruiker.uid, gebruiker.gid!);
      }
    }
    appendFileSync(
      join(data, 'postgresql.conf'),
      [
        "listen_addresses = '127.0.0.1'",
        `port = ${poort}`,
        `unix_socket_directories = '${map}'`,
        // Every test gateway has a pool of its own, and jest runs several files at once.
        'max_connections = 300',
        // Thrown away after the run: durability only costs time here.
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        ...(opties.tls ? ['ssl = on'] : []),
        '',
      ].join('\n'),
    );
    voer(bin, ['pg_ctl', '-D', data, '-l', join(map, 'postgres.log'), '-w', '-t', '60', 'start'], gebruiker);
    return { url: `postgres://postgres@127.0.0.1:${poort}/postgres`, map };
  } catch (e) {
    rmSync(map, { recursive: true, force: true });
    throw e;
  }
}

/** Stops the cluster at once (it is thrown away) and removes its directory. */
export function stopCluster(cluster: Cluster): void {
  const bin = process.env.ZDS_PG_BIN!;
  try {
    voer(bin, ['pg_ctl', '-D', join(cluster.map, 'data'), '-m', 'immediate', '-w', 'stop'], alsGebruiker());
  } finally {
    rmSync(cluster.map, { recursive: true, force: true });
  }
}

/** A fresh, empty database on the cluster of `beheerUrl`; `verwijder` drops it, closing what is still connected. */
export async function nieuweDatabase(beheerUrl: string): Promise<{ url: string; verwijder(): Promise<void> }> {
  // Random: jest gives every test file fresh modules in the same worker, so a counter here would start over.
  const naam = `zdsgw_${process.pid}_${randomBytes(6).toString('hex')}`;
  await beheer(beheerUrl, `CREATE DATABASE ${naam}`);
  const url = new URL(beheerUrl);
  url.pathname = `/${naam}`;
  return { url: url.toString(), verwijder: () => beheer(beheerUrl, `DROP DATABASE IF EXISTS ${naam} WITH (FORCE)`) };
}

async function beheer(beheerUrl: string, opdracht: string): Promise<void> {
  const c = new Client({ connectionString: beheerUrl });
  await c.connect();
  try {
    await c.query(opdracht);
  } finally {
    await c.end();
  }
}
