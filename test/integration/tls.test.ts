// HTTPS and TLS client certificates (ZDS 1.2 §3, rzs.md §9) on a real loopback server: a certificate registered by
// fingerprint or (signed by server.tls.ca) by subject identifies its application and that role applies; anything
// else is a StUF fault under `vragen` and a failed handshake under `verplicht`. Certificates are made with the
// openssl CLI in a temporary directory for each run, so nothing expires.
import { execFileSync, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { bouwApp, GatewayApp } from '../../src/app';
import { ConfigFout, parseConfig } from '../../src/config';
import { neemOp } from '../support/gateway';
import { inEnvelope } from '../support/soap';
import { actie, creeerZaak, geefZaakdetails, Sturing } from '../support/dialecten';
import { goed, HttpAntwoord, objectUit, schoneFout, tekst } from '../support/antwoorden';

const MAP = mkdtempSync(join(tmpdir(), 'zdsgw-tls-'));
const pad = (naam: string) => join(MAP, naam);
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: MAP, stdio: 'pipe' });
const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** A key and a certificate signed by the test CA (or self-signed), with the given subject and extensions. */
function certificaat(naam: string, subject: string, ext: string, zelfGetekend = false): void {
  if (zelfGetekend) {
    openssl('req', '-x509', ...EC, '-keyout', `${naam}.key`, '-out', `${naam}.crt`, '-days', '2', '-subj', subject, '-addext', ext.replace(/\n/g, ','));
    return;
  }
  writeFileSync(pad(`${naam}.ext`), ext);
  openssl('req', ...EC, '-keyout', `${naam}.key`, '-out', `${naam}.csr`, '-subj', subject);
  openssl('x509', '-req', '-in', `${naam}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${naam}.crt`, '-days', '2', '-extfile', `${naam}.ext`);
}

const pem = (naam: string) => readFileSync(pad(naam));
const vingerafdruk = (naam: string) => new X509Certificate(pem(`${naam}.crt`)).fingerprint256;
const basic = (gebruiker: string, wachtwoord: string) => ({ authorization: `Basic ${Buffer.from(`${gebruiker}:${wachtwoord}`).toString('base64')}` });

const KCC_ONDERWERP = '/C=NL/O=Gemeente Test/CN=kcc-test';

beforeAll(() => {
  openssl('req', '-x509', ...EC, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/O=Gemeente Test/CN=Test clients CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  certificaat('server', '/CN=localhost', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth');
  certificaat('kcc', KCC_ONDERWERP, 'extendedKeyUsage=clientAuth');
  certificaat('onbekend', '/O=Gemeente Test/CN=onbekend', 'extendedKeyUsage=clientAuth');
  certificaat('zelf', '/CN=zelfgetekende-backoffice', 'extendedKeyUsage=clientAuth', true);
  // Anyone can put any subject in a certificate: a self-signed copy of the kcc subject must identify nobody.
  certificaat('namaak', KCC_ONDERWERP, 'extendedKeyUsage=clientAuth', true);
});
afterAll(() => rmSync(MAP, { recursive: true, force: true }));

function configuratie(clientCertificaat: 'vragen' | 'verplicht', map: string) {
  return parseConfig({
    server: { tls: { sleutel: pad('server.key'), certificaat: pad('server.crt'), ca: pad('ca.crt'), clientCertificaat } },
    database: { path: join(map, 'gateway.db') },
    toegang: {
      modus: 'beveiligd',
      applicaties: [
        { zender: { organisatie: '0599', applicatie: 'ZELFAPP' }, rol: 'backoffice', certificaat: { vingerafdruk: vingerafdruk('zelf') } },
        // Written in RFC 4514 order (the reverse of the certificate's) on purpose.
        { zender: { organisatie: '0599', applicatie: 'KCCAPP' }, rol: 'kcc', certificaat: { onderwerp: 'CN=kcc-test, O=Gemeente Test, C=NL' } },
        { zender: { organisatie: '0599', applicatie: 'REGIEAPP' }, rol: 'regie', basic: { gebruikersnaam: 'regie', wachtwoord: 'regie-geheim-1' } },
      ],
    },
  });
}

interface Server {
  app: GatewayApp;
  poort: number;
  map: string;
}

async function startServer(clientCertificaat: 'vragen' | 'verplicht'): Promise<Server> {
  const map = mkdtempSync(join(tmpdir(), 'zdsgw-'));
  const app = await bouwApp({ config: configuratie(clientCertificaat, map), log: pino({ level: 'silent' }) });
  neemOp(app, 'tls');
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, poort: (app.server.address() as AddressInfo).port, map };
}

async function stopServer(s: Server): Promise<void> {
  await s.app.close();
  rmSync(s.map, { recursive: true, force: true });
}

/** One POST over a fresh TLS connection (no agent: every request shows its own certificate). */
function stuur(s: Server, xml: string, opties: { cert?: string; soapAction: string; pad?: string; headers?: Record<string, string> }): Promise<HttpAntwoord> {
  return new Promise((klaar, mislukt) => {
    const body = Buffer.from(inEnvelope(xml));
    const req = request({
      host: '127.0.0.1',
      port: s.poort,
      path: opties.pad ?? '/OntvangAsynchroon',
      method: 'POST',
      agent: false,
      ca: pem('ca.crt'),
      ...(opties.cert ? { key: pem(`${opties.cert}.key`), cert: pem(`${opties.cert}.crt`) } : {}),
      headers: { 'content-type': 'text/xml; charset=utf-8', 'content-length': body.length, soapaction: opties.soapAction, ...opties.headers },
    }, (res) => {
      const stukken: Buffer[] = [];
      res.on('data', (d: Buffer) => stukken.push(d));
      res.on('end', () => klaar({ status: res.statusCode ?? 0, body: Buffer.concat(stukken).toString('utf8'), headers: res.headers }));
      res.on('error', mislukt);
    });
    req.on('error', mislukt);
    req.end(body);
  });
}

let teller = 0;
const nieuweZaak = (zender: string) => creeerZaak('zds12', { id: `0599TLS${String(++teller).padStart(6, '0')}`, sturing: { zender } });
const creeer = (s: Server, zender: string, opties: { cert?: string; headers?: Record<string, string> } = {}) =>
  stuur(s, nieuweZaak(zender), { ...opties, soapAction: actie('zds12', 'creeerZaak') });
const details = (s: Server, id: string, sturing: Sturing, opties: { cert?: string; headers?: Record<string, string> } = {}) =>
  stuur(s, geefZaakdetails('zds12', id, undefined, sturing), { ...opties, soapAction: actie('zds12', 'geefZaakdetails'), pad: '/BeantwoordVraag' });

describe('clientCertificaat vragen', () => {
  let s: Server;
  beforeAll(async () => {
    s = await startServer('vragen');
  });
  afterAll(() => stopServer(s));

  it('a self-signed certificate registered by its SHA-256 fingerprint identifies its application (backoffice: may write)', async () => {
    expect(goed(await creeer(s, 'ZELFAPP', { cert: 'zelf' })).local).toBe('Bv03Bericht');
  });

  it('a certificate signed by server.tls.ca is identified by its subject, and its role (kcc) applies', async () => {
    const id = `0599TLS${String(teller).padStart(6, '0')}`; // the zaak of the previous test
    expect(tekst(objectUit(await details(s, id, { zender: 'KCCAPP' }, { cert: 'kcc' })), 'identificatie')).toBe(id);
    const f = schoneFout(await creeer(s, 'KCCAPP', { cert: 'kcc' }));
    expect(f).toMatchObject({ soort: 'Fo03', code: 'StUF052', details: 'Applicatie 0599/KCCAPP (rol kcc) mag alleen vragen stellen, niet creeerZaak' });
  });

  it('an unregistered certificate, even one the CA signed, is a StUF052 fault naming its fingerprint', async () => {
    const f = schoneFout(await creeer(s, 'KCCAPP', { cert: 'onbekend' }));
    expect(f).toMatchObject({ soort: 'Fo03', code: 'StUF052' });
    expect(f.details).toBe(`Het TLS-clientcertificaat (SHA-256 ${vingerafdruk('onbekend').replace(/:/g, '')}) hoort bij geen geregistreerde applicatie`);
  });

  it('a self-signed certificate with a registered subject identifies nobody: the subject counts only when the CA vouches for it', async () => {
    const f = schoneFout(await details(s, '0599TLS000001', { zender: 'KCCAPP' }, { cert: 'namaak' }));
    expect(f).toMatchObject({ soort: 'Fo02', code: 'StUF052' });
    expect(f.details).toContain('hoort bij geen geregistreerde applicatie; registreer de vingerafdruk');
  });

  it('HTTP basic over HTTPS, without a certificate, works', async () => {
    expect(goed(await creeer(s, 'REGIEAPP', { headers: basic('regie', 'regie-geheim-1') })).local).toBe('Bv03Bericht');
  });

  it('a certificate and HTTP basic of different applications are refused', async () => {
    const f = schoneFout(await creeer(s, 'REGIEAPP', { cert: 'zelf', headers: basic('regie', 'regie-geheim-1') }));
    expect(f).toMatchObject({ soort: 'Fo03', code: 'StUF052', details: 'HTTP basic (applicatie 0599/REGIEAPP) en het clientcertificaat (applicatie 0599/ZELFAPP) horen bij verschillende applicaties' });
  });

  it('the certificate decides, not the declared zender', async () => {
    const f = schoneFout(await creeer(s, 'REGIEAPP', { cert: 'zelf' }));
    expect(f).toMatchObject({ code: 'StUF052', details: 'stuurgegevens/zender 0599/REGIEAPP is niet de aangemelde applicatie 0599/ZELFAPP (clientcertificaat)' });
  });
});

describe('clientCertificaat verplicht', () => {
  let s: Server;
  beforeAll(async () => {
    s = await startServer('verplicht');
  });
  afterAll(() => stopServer(s));

  it('without a certificate the TLS handshake fails: no HTTP answer at all', async () => {
    await expect(creeer(s, 'REGIEAPP', { headers: basic('regie', 'regie-geheim-1') })).rejects.toThrow(/certificate required|socket hang up|ECONNRESET/i);
  });

  it('a self-signed certificate fails the handshake too, even when its fingerprint is registered', async () => {
    await expect(creeer(s, 'ZELFAPP', { cert: 'zelf' })).rejects.toThrow(/unknown ca|certificate|socket hang up|ECONNRESET/i);
  });

  it('a certificate signed by the CA gets through and is identified', async () => {
    const f = schoneFout(await creeer(s, 'KCCAPP', { cert: 'kcc' }));
    expect(f.details).toBe('Applicatie 0599/KCCAPP (rol kcc) mag alleen vragen stellen, niet creeerZaak');
  });
});

describe('start-up with server.tls', () => {
  const metTls = (tls: Record<string, unknown>) => parseConfig({ server: { tls }, database: { path: pad('nooit.db') } });
  const bouw = (tls: Record<string, unknown>) => bouwApp({ config: metTls(tls), log: pino({ level: 'silent' }) });

  it('a missing PEM file is a ConfigFout naming the field and the path', async () => {
    await expect(bouw({ sleutel: pad('bestaat-niet.key'), certificaat: pad('server.crt') })).rejects.toThrow(
      new ConfigFout(`configuratie: server.tls.sleutel: '${pad('bestaat-niet.key')}' kan niet gelezen worden (ENOENT)`),
    );
  });

  it('a file that is not PEM, a key that does not fit the certificate, and verplicht without ca are ConfigFouten', async () => {
    await expect(bouw({ sleutel: pad('kcc.ext'), certificaat: pad('server.crt') })).rejects.toThrow(/server\.tls\.sleutel: .* is geen PEM-bestand/);
    await expect(bouw({ sleutel: pad('kcc.key'), certificaat: pad('server.crt') })).rejects.toThrow(/configuratie: server\.tls: sleutel, certificaat en ca zijn samen onbruikbaar .*horen sleutel en certificaat bij elkaar\?/);
    await expect(bouw({ sleutel: pad('server.key'), certificaat: pad('server.crt'), clientCertificaat: 'verplicht' })).rejects.toThrow('configuratie: server.tls.clientCertificaat verplicht vereist server.tls.ca');
  });

  it('node dist/main.js serve stops with the message on stderr and exit code 1, not a stack trace', () => {
    const config = pad('tls-kapot.json');
    writeFileSync(config, JSON.stringify({ server: { tls: { sleutel: pad('weg.key'), certificaat: pad('server.crt') } } }));
    const uit = spawnSync(process.execPath, [resolve(__dirname, '..', '..', 'dist', 'main.js'), 'serve'], {
      env: { ...process.env, GATEWAY_CONFIG: config, DATABASE_PATH: pad('serve.db'), PORT: '0', HOST: '127.0.0.1' },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(uit.status).toBe(1);
    expect(uit.stderr).toBe(`configuratie: server.tls.sleutel: '${pad('weg.key')}' kan niet gelezen worden (ENOENT)\n`);
  });
});
