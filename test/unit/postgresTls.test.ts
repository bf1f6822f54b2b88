// TLS to the database: a throwaway cluster that accepts TCP connections over TLS only, with a server certificate of a
// CA made here. database.tls.ca and the URL's sslmode/sslrootcert both reach it; a certificate of another CA and a
// connection without TLS are refused. Skips, saying why, without PostgreSQL or openssl.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config';
import { openStore } from '../../src/store/openen';
import { Cluster, postgresOntbreekt, startCluster, stopCluster } from '../support/postgres';

const geenOpenssl = spawnSync('openssl', ['version']).status === 0 ? undefined : 'openssl niet gevonden';
const ontbreekt = postgresOntbreekt() ?? geenOpenssl;
if (ontbreekt) process.stdout.write(`postgresTls.test.ts: OVERGESLAGEN — ${ontbreekt}\n`);

function openssl(map: string, ...args: string[]): void {
  const r = spawnSync('openssl', args, { cwd: map, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args[0]} faalde: ${r.stderr}`);
}

/** A CA (ca.crt) in `map`; with `server`, also a server key and certificate for 127.0.0.1 signed by it. */
function maakCa(map: string, naam: string, server: boolean): void {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(map, 'req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '1', '-subj', `/CN=${naam}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
  if (!server) return;
  openssl(map, 'req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  writeFileSync(join(map, 'ext'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
  openssl(map, 'x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '1', '-extfile', 'ext');
}

(ontbreekt ? describe.skip : describe)('TLS to PostgreSQL', () => {
  let map: string;
  let cluster: Cluster;
  let url: string;
  beforeAll(async () => {
    map = mkdtempSync(join(tmpdir(), 'zdsgw-pgtls-'));
    for (const [sub, server] of [['eigen', true], ['ander', false]] as const) {
      mkdirSync(join(map, sub));
      maakCa(join(map, sub), `zdsgw test ${sub}`, server);
    }
    cluster = await startCluster({ tls: { sleutel: readFileSync(join(map, 'eigen', 'server.key'), 'utf8'), certificaat: readFileSync(join(map, 'eigen', 'server.crt'), 'utf8') } });
    url = cluster.url;
  }, 120_000);
  afterAll(() => {
    if (cluster) stopCluster(cluster);
    rmSync(map, { recursive: true, force: true });
  });

  const open = (database: Record<string, unknown>) => openStore(parseConfig({ database: { pool: 1, ...database } }).database);

  it('database.tls.ca: the connection is encrypted and the store migrated', async () => {
    const store = await open({ url, tls: { ca: join(map, 'eigen', 'ca.crt') } });
    try {
      expect(await store.isBruikbaar()).toBe(true);
      expect(await store.sql.een('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).toEqual({ ssl: true });
    } finally {
      await store.sluit();
    }
  });

  it('sslmode=verify-full with sslrootcert in the URL does the same', async () => {
    const store = await open({ url: `${url}?sslmode=verify-full&sslrootcert=${encodeURIComponent(join(map, 'eigen', 'ca.crt'))}` });
    try {
      expect(await store.sql.een('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).toEqual({ ssl: true });
    } finally {
      await store.sluit();
    }
  });

  it('a server certificate of another CA is refused, as is the system CAs’ verdict on a private CA', async () => {
    await expect(open({ url, tls: { ca: join(map, 'ander', 'ca.crt') } })).rejects.toThrow(/certificate/i);
    await expect(open({ url, tls: {} })).rejects.toThrow(/certificate/i);
  });

  it('without TLS the server refuses the connection (hostssl only)', async () => {
    await expect(open({ url })).rejects.toThrow(/no encryption|SSL off/i);
  });
});
