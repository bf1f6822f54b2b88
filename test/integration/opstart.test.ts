// Start-up refuses what is unsafe without TLS (src/toegang/tls.ts controleerTransport): basic auth over plain HTTP in
// `beveiligd` mode unless server.tlsBijProxy says TLS ends at a proxy in front, certificate registrations the gateway
// cannot see, a subject match without a CA of our own. And the shipped example production configuration, with its
// key and certificate paths pointed at files made here with the openssl CLI, starts and answers over HTTPS.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bouwApp } from '../../src/app';
import { ConfigFout, loadConfig, parseConfig } from '../../src/config';
import { controleerTransport } from '../../src/toegang/tls';
import { vangLog } from '../support/gateway';
import { APPLICATIES, beveiligd } from '../support/planBerichten';

const MAP = mkdtempSync(join(tmpdir(), 'zdsgw-opstart-'));
const pad = (naam: string) => join(MAP, naam);
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: MAP, stdio: 'pipe' });
const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
const VOORBEELD = resolve(__dirname, '..', '..', 'config', 'voorbeeld-productie.yaml');
const MAIN = resolve(__dirname, '..', '..', 'dist', 'main.js');

/** A self-signed key and certificate; the example's CA files are certificates too, so one kind serves all. */
function certificaat(naam: string, subject: string): void {
  openssl('req', '-x509', ...EC, '-keyout', `${naam}.key`, '-out', `${naam}.crt`, '-days', '2', '-subj', subject,
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1');
}

beforeAll(() => {
  certificaat('server', '/CN=localhost');
  certificaat('clients-ca', '/O=Gemeente Test/CN=Clients CA');
  certificaat('gateway-client', '/CN=zds-gateway');
  certificaat('wmo-server-ca', '/CN=Wmo server CA');
});
afterAll(() => rmSync(MAP, { recursive: true, force: true }));

/** The example file with every /etc/zds-gateway/tls/ path pointing at this test's files: what an operator does. */
function voorbeeldMetBestanden(): string {
  const tekst = readFileSync(VOORBEELD, 'utf8');
  expect(tekst).toContain('/etc/zds-gateway/tls/server.key');
  const kopie = pad('voorbeeld-productie.yaml');
  writeFileSync(kopie, tekst.split('/etc/zds-gateway/tls/').join(`${MAP}/`));
  return kopie;
}

function haalGezondheid(poort: number): Promise<{ status: number; protocol: string | null }> {
  return new Promise((klaar, mislukt) => {
    const req = request({ host: '127.0.0.1', port: poort, path: '/health', agent: false, ca: readFileSync(pad('server.crt')) }, (res) => {
      res.resume();
      res.on('end', () => klaar({ status: res.statusCode ?? 0, protocol: (res.socket as import('node:tls').TLSSocket).getProtocol?.() ?? null }));
    });
    req.on('error', mislukt);
    req.end();
  });
}

describe('the example production configuration', () => {
  it('as shipped passes config validation and the start-up checks, with HTTPS and a CA for the subject match', () => {
    const c = loadConfig({ GATEWAY_CONFIG: VOORBEELD });
    expect(c.server.tls).toMatchObject({ sleutel: '/etc/zds-gateway/tls/server.key', certificaat: '/etc/zds-gateway/tls/server.crt', ca: '/etc/zds-gateway/tls/clients-ca.crt' });
    expect(c.server.tlsBijProxy).toBe(false);
    expect(controleerTransport(c)).toEqual([]);
  });

  it('with its key and certificate files in place starts and answers over HTTPS (TLS 1.2 or newer), without warnings', async () => {
    const { log, regels } = vangLog();
    const config = loadConfig({ GATEWAY_CONFIG: voorbeeldMetBestanden(), DATABASE_PATH: pad('voorbeeld.db') });
    const app = await bouwApp({ config, log });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const antwoord = await haalGezondheid((app.server.address() as AddressInfo).port);
      expect(antwoord.status).toBe(200);
      expect(antwoord.protocol).toMatch(/^TLSv1\.[23]$/);
    } finally {
      await app.close();
    }
    expect(regels.filter((r) => /"level":40/.test(r) && /configuratie/.test(r))).toEqual([]);
  });
});

describe('start-up refusals name the field, and nothing is opened', () => {
  const db = (naam: string) => pad(`${naam}.db`);

  it('basic auth in beveiligd mode over plain HTTP: every application with a password is named, the database is not created', async () => {
    const config = parseConfig({ ...beveiligd(), database: { path: db('basic') } });
    const poging = bouwApp({ config, log: vangLog().log });
    await expect(poging).rejects.toThrow(ConfigFout);
    const melding = await poging.then(() => '', (e: Error) => e.message);
    const regels = melding.split('\n');
    expect(regels).toHaveLength(Object.keys(APPLICATIES).length);
    expect(regels[0]).toBe(`configuratie: toegang.applicaties.0.basic: applicatie 0599/${Object.values(APPLICATIES)[0].applicatie} meldt zich aan met een wachtwoord, maar de gateway spreekt onversleuteld HTTP (geen server.tls); stel server.tls in, of server.tlsBijProxy: true als TLS eindigt bij een proxy vóór de gateway`);
    for (const w of Object.values(APPLICATIES)) expect(melding).not.toContain(w.wachtwoord);
    expect(existsSync(db('basic'))).toBe(false);
  });

  it('server.tlsBijProxy: true starts, and start-up warns once, naming the key and the applications but no password', async () => {
    const { log, regels } = vangLog();
    const config = parseConfig({ ...beveiligd(), server: { tlsBijProxy: true }, database: { path: db('proxy') } });
    const app = await bouwApp({ config, log });
    await app.ready();
    await app.close();
    const waarschuwingen = regels.filter((r) => r.includes('server.tlsBijProxy'));
    expect(waarschuwingen).toHaveLength(1);
    expect(JSON.parse(waarschuwingen[0])).toMatchObject({ level: 40 });
    expect(waarschuwingen[0]).toContain(`0599/${APPLICATIES.regie.applicatie}`);
    for (const w of Object.values(APPLICATIES)) expect(regels.join('')).not.toContain(w.wachtwoord);
  });

  it('open mode (development) with passwords over plain HTTP is not refused', async () => {
    const open = beveiligd() as { toegang: { applicaties: unknown[] } };
    const config = parseConfig({ toegang: { modus: 'open', applicaties: open.toegang.applicaties }, database: { path: db('open') } });
    const { log, regels } = vangLog();
    const app = await bouwApp({ config, log });
    await app.close();
    expect(app.gateway.config.toegang.modus).toBe('open');
    expect(regels.filter((r) => r.includes('configuratie:'))).toEqual([]);
  });

  it('a certificate-subject match without server.tls.ca is refused', async () => {
    const config = parseConfig({
      server: { tls: { sleutel: pad('server.key'), certificaat: pad('server.crt') } },
      database: { path: db('onderwerp') },
      toegang: { modus: 'beveiligd', applicaties: [{ zender: { organisatie: '0599', applicatie: 'KCC' }, rol: 'kcc', certificaat: { onderwerp: 'CN=kcc, O=Gemeente Test, C=NL' } }] },
    });
    await expect(bouwApp({ config, log: vangLog().log })).rejects.toThrow(/^configuratie: toegang\.applicaties\.0\.certificaat\.onderwerp: applicatie 0599\/KCC wordt herkend aan het onderwerp van haar certificaat, maar server\.tls\.ca ontbreekt/);
    expect(existsSync(db('onderwerp'))).toBe(false);
  });

  it('node dist/main.js serve with basic auth over plain HTTP stops with the message on stderr and exit code 1', () => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} ontbreekt: draai eerst 'npm run build' (npm test doet dat)`);
    const bestand = pad('onveilig.json');
    writeFileSync(bestand, JSON.stringify(beveiligd({ applicaties: [{ zender: { organisatie: '0599', applicatie: 'WMOSUITE' }, rol: 'backoffice', certificaat: { onderwerp: 'CN=wmo' } }] })));
    const uit = spawnSync(process.execPath, [MAIN, 'serve'], {
      env: { ...process.env, GATEWAY_CONFIG: bestand, DATABASE_PATH: db('serve'), PORT: '0', HOST: '127.0.0.1' },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(uit.status).toBe(1);
    expect(uit.stdout).toBe('');
    const regels = uit.stderr.trimEnd().split('\n');
    expect(regels.every((r) => r.startsWith('configuratie: '))).toBe(true);
    expect(regels).toContain('configuratie: toegang.applicaties.5.certificaat: applicatie 0599/WMOSUITE meldt zich aan met een clientcertificaat, maar zonder server.tls ziet de gateway nooit een certificaat');
    expect(uit.stderr).toContain('configuratie: toegang.applicaties.0.basic: ');
    expect(existsSync(db('serve'))).toBe(false);
  });
});
