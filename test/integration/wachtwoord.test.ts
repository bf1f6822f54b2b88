// HTTP basic passwords off the event loop (issue 15 point 2), over real HTTP on loopback in secured mode: the hash
// forms (PHC-style with its own parameters, and the older scrypt:<zout>:<hash>), the cache of verified credentials
// (observed by counting KDF runs, not by timing), and the throttling of failed logins per source address and per
// user name. Different source addresses are different loopback addresses (127.0.0.x), each connection its own agent.
import { randomBytes, scryptSync } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGateway, TestGateway, vangLog } from '../support/gateway';
import { inEnvelope } from '../support/soap';
import { actie, genereerZaakIdentificatie } from '../support/dialecten';
import { goed, schoneFout } from '../support/antwoorden';
import { ConfigFout, parseConfig } from '../../src/config';
import { Inlogpogingen } from '../../src/toegang/inlogpogingen';
import { hashFout, hashWachtwoord, ScryptParameters, zetKdfWaarnemer } from '../../src/toegang/wachtwoord';

const NIEUW = { gebruiker: 'nieuw', wachtwoord: 'nieuw-geheim-123', applicatie: 'NIEUWAPP' };
const OUD = { gebruiker: 'oud', wachtwoord: 'oud-geheim-4567', applicatie: 'OUDAPP' };
const FOUT_WACHTWOORD = 'Fout-Wachtwoord-Xyz';

/** The older form, as `wachtwoord` made it before: Node's scrypt defaults (N=2^14), hex. */
function oudeHash(wachtwoord: string): string {
  const zout = randomBytes(16);
  return `scrypt:${zout.toString('hex')}:${scryptSync(wachtwoord, zout, 32).toString('hex')}`;
}

let kdf: ScryptParameters[] = [];
beforeAll(() => zetKdfWaarnemer((q) => kdf.push(q)));
afterAll(() => zetKdfWaarnemer(undefined));

async function gateway(toegang: Record<string, unknown>, log?: ReturnType<typeof vangLog>['log']): Promise<{ gw: TestGateway; poort: number }> {
  const gw = await startGateway({
    toegang: {
      modus: 'beveiligd',
      applicaties: [
        { zender: { organisatie: '0599', applicatie: NIEUW.applicatie }, rol: 'backoffice', basic: { gebruikersnaam: NIEUW.gebruiker, wachtwoordHash: await hashWachtwoord(NIEUW.wachtwoord) } },
        { zender: { organisatie: '0599', applicatie: OUD.applicatie }, rol: 'backoffice', basic: { gebruikersnaam: OUD.gebruiker, wachtwoordHash: oudeHash(OUD.wachtwoord) } },
      ],
      ...toegang,
    },
  }, 'wachtwoord', log);
  await gw.app.listen({ port: 0, host: '0.0.0.0' });
  return { gw, poort: (gw.app.server.address() as AddressInfo).port };
}

/** One client: its own source address and its own keep-alive connection (an agent of one socket). */
function client(poort: number, adres: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1, localAddress: adres } as ConstructorParameters<typeof Agent>[0]);
  let n = 0;
  const stuur = (gebruiker: string, wachtwoord: string, applicatie: string) =>
    new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((klaar, mislukt) => {
      const body = Buffer.from(inEnvelope(genereerZaakIdentificatie('zds12', { zender: applicatie, organisatie: '0599', ref: `WW-${adres}-${++n}-${Date.now()}` })));
      const r = request(
        {
          host: '127.0.0.1',
          port: poort,
          path: '/VrijeBerichten',
          method: 'POST',
          agent,
          headers: {
            'content-type': 'text/xml; charset=utf-8',
            'content-length': body.length,
            soapaction: actie('zds12', 'genereerZaakIdentificatie'),
            authorization: `Basic ${Buffer.from(`${gebruiker}:${wachtwoord}`).toString('base64')}`,
          },
        },
        (res) => {
          const stukken: Buffer[] = [];
          res.on('data', (s: Buffer) => stukken.push(s));
          res.on('end', () => klaar({ status: res.statusCode ?? 0, body: Buffer.concat(stukken).toString('utf8'), headers: res.headers }));
        },
      );
      r.on('error', mislukt);
      r.end(body);
    });
  return {
    als: (a: { gebruiker: string; wachtwoord: string; applicatie: string }, wachtwoord = a.wachtwoord) => stuur(a.gebruiker, wachtwoord, a.applicatie),
    onbekend: (gebruiker: string) => stuur(gebruiker, FOUT_WACHTWOORD, NIEUW.applicatie),
    sluit: () => agent.destroy(),
  };
}

const ONJUIST = 'HTTP basic: gebruikersnaam of wachtwoord is onjuist';

describe('hash forms and the cache of verified credentials', () => {
  let gw: TestGateway;
  let poort: number;
  beforeAll(async () => ({ gw, poort } = await gateway({})));
  afterAll(() => gw.sluit());
  beforeEach(() => (kdf = []));

  it('the new form ($scrypt$ln=17) logs in with one KDF run; later requests, also on new connections, run none', async () => {
    for (let i = 0; i < 3; i++) {
      const c = client(poort, '127.0.0.1');
      goed(await c.als(NIEUW));
      goed(await c.als(NIEUW));
      c.sluit();
    }
    expect(kdf).toEqual([{ ln: 17, r: 8, p: 1 }]);
  });

  it('the older form (scrypt:<zout>:<hash>) keeps working, with the parameters it was made with', async () => {
    const c = client(poort, '127.0.0.1');
    goed(await c.als(OUD));
    goed(await c.als(OUD));
    c.sluit();
    expect(kdf).toEqual([{ ln: 14, r: 8, p: 1 }]);
  });

  it('a wrong password is never remembered: each one runs the KDF; an unknown user name runs it too', async () => {
    const c = client(poort, '127.0.0.9');
    expect(schoneFout(await c.als(NIEUW, FOUT_WACHTWOORD))).toMatchObject({ soort: 'Fo02', code: 'StUF052', details: ONJUIST });
    expect(schoneFout(await c.als(NIEUW, FOUT_WACHTWOORD))).toMatchObject({ code: 'StUF052', details: ONJUIST });
    expect(schoneFout(await c.onbekend('niemand'))).toMatchObject({ code: 'StUF052', details: ONJUIST });
    c.sluit();
    expect(kdf).toHaveLength(3);
  });
});

describe('without a cache (wachtwoordCacheSeconden: 0)', () => {
  it('every request runs the KDF once: the HTTP layer and the verwerker do not both check it', async () => {
    const { gw, poort } = await gateway({ wachtwoordCacheSeconden: 0 });
    try {
      kdf = [];
      const c = client(poort, '127.0.0.1');
      for (let i = 0; i < 3; i++) goed(await c.als(OUD));
      c.sluit();
      expect(kdf).toHaveLength(3);
    } finally {
      await gw.sluit();
    }
  });
});

describe('throttling of failed logins', () => {
  let gw: TestGateway;
  let poort: number;
  let regels: string[];
  beforeAll(async () => {
    const vang = vangLog();
    regels = vang.regels;
    ({ gw, poort } = await gateway({ mislukteInlogs: { perAdres: 3, perGebruiker: 3, vensterSeconden: 600, blokkeerSeconden: 600, vertragingMs: 150 } }, vang.log));
  });
  afterAll(() => gw.sluit());
  beforeEach(() => (kdf = []));

  it('per address: after 3 failures from one address it is refused with StUF052 without a KDF run; other addresses and an already proven connection go on', async () => {
    const bewezen = client(poort, '127.0.0.2');
    goed(await bewezen.als(NIEUW)); // a keep-alive client logged in before the flood
    const aanvaller = client(poort, '127.0.0.2');
    // Three different user names: only the address links them.
    for (const naam of ['a1', 'a2', 'a3']) expect(schoneFout(await aanvaller.onbekend(naam))).toMatchObject({ code: 'StUF052', details: ONJUIST });
    expect(kdf).toHaveLength(4);

    const begin = Date.now();
    const geblokkeerd = schoneFout(await aanvaller.onbekend('a4'));
    expect(Date.now() - begin).toBeGreaterThanOrEqual(140); // vertragingMs: the refusal waits (a timer, not the KDF: see kdf below)
    expect(geblokkeerd).toMatchObject({ soort: 'Fo02', code: 'StUF052' });
    expect(geblokkeerd.details).toMatch(/^HTTP basic: te veel mislukte aanmeldingen vanaf dit adres; probeer het over \d+ s opnieuw$/);
    // The right password on a fresh connection from that address is refused as well: a block is not a password oracle.
    const nieuweVerbinding = client(poort, '127.0.0.2');
    expect(schoneFout(await nieuweVerbinding.als(NIEUW)).details).toMatch(/vanaf dit adres/);
    expect(kdf).toHaveLength(4);

    // The connection that proved its password before keeps working, and so does another address.
    goed(await bewezen.als(NIEUW));
    const elders = client(poort, '127.0.0.3');
    goed(await elders.als(NIEUW));
    expect(kdf).toHaveLength(4); // cache hit for the other address
    [bewezen, aanvaller, nieuweVerbinding, elders].forEach((c) => c.sluit());
  });

  it('per user name: 3 failures from 3 addresses block that name, not other names, and not at an address where it logged in before', async () => {
    const eerder = client(poort, '127.0.0.8');
    goed(await eerder.als(OUD));
    eerder.sluit();
    kdf = [];
    for (const adres of ['127.0.0.4', '127.0.0.5', '127.0.0.6']) {
      const c = client(poort, adres);
      expect(schoneFout(await c.als(OUD, FOUT_WACHTWOORD))).toMatchObject({ code: 'StUF052', details: ONJUIST });
      c.sluit();
    }
    expect(kdf).toHaveLength(3);
    const c = client(poort, '127.0.0.7');
    const f = schoneFout(await c.als(OUD));
    expect(f).toMatchObject({ code: 'StUF052' });
    expect(f.details).toMatch(/^HTTP basic: te veel mislukte aanmeldingen voor deze gebruikersnaam; probeer het over \d+ s opnieuw$/);
    expect(kdf).toHaveLength(3);
    goed(await c.als(NIEUW)); // another name from that address: not blocked (and from the cache)
    c.sluit();
    // Wrong passwords sent elsewhere do not lock the application out where it logged in before (a new connection).
    const weer = client(poort, '127.0.0.8');
    goed(await weer.als(OUD));
    weer.sluit();
    expect(kdf).toHaveLength(3);
  });

  it('the refusals are logged with the source address and the user name, never the password', () => {
    const geweigerd = regels.filter((r) => r.includes('"geweigerd"')).map((r) => JSON.parse(r) as { details: string });
    expect(geweigerd.some((r) => r.details === `${ONJUIST} (gebruikersnaam "a1", adres 127.0.0.2)`)).toBe(true);
    expect(geweigerd.some((r) => /^HTTP basic: te veel mislukte aanmeldingen vanaf dit adres; .* \(gebruikersnaam "a4", adres 127\.0\.0\.2\)$/.test(r.details))).toBe(true);
    expect(geweigerd.some((r) => /voor deze gebruikersnaam; .* \(gebruikersnaam "oud", adres 127\.0\.0\.7\)$/.test(r.details))).toBe(true);
    const alles = regels.join('\n');
    for (const geheim of [FOUT_WACHTWOORD, NIEUW.wachtwoord, OUD.wachtwoord]) expect(alles).not.toContain(geheim);
    expect(alles).not.toContain(Buffer.from(`${OUD.gebruiker}:${OUD.wachtwoord}`).toString('base64'));
  });
});

describe('Inlogpogingen: the window and the block lapse', () => {
  it('a block lasts blokkeerSeconden; failures older than the window no longer count; success leaves no trace', () => {
    let nu = 1_000_000;
    const p = new Inlogpogingen({ perAdres: 2, perGebruiker: 100, vensterSeconden: 60, blokkeerSeconden: 30, vertragingMs: 0 }, () => nu);
    p.begin('a', 'x')(true);
    p.begin('a', 'x')(true);
    expect(p.blokkade('a', 'x')).toBeUndefined();
    p.begin('a', 'x')(false);
    nu += 61_000; // outside the window
    p.begin('a', 'x')(false);
    expect(p.blokkade('a', 'x')).toBeUndefined();
    p.begin('a', 'x')(false);
    expect(p.blokkade('a', 'x')).toEqual({ wat: 'adres', seconden: 30 });
    nu += 31_000;
    expect(p.blokkade('a', 'x')).toBeUndefined();
  });

  it('attempts still running count, so a burst cannot start more KDF runs than the limit', () => {
    const p = new Inlogpogingen({ perAdres: 2, perGebruiker: 100, vensterSeconden: 60, blokkeerSeconden: 30, vertragingMs: 0 });
    const een = p.begin('b', 'x');
    p.begin('b', 'y');
    expect(p.blokkade('b', 'z')?.wat).toBe('adres');
    een(true);
    expect(p.blokkade('b', 'z')).toBeUndefined();
  });
});

describe('configuration of the hash', () => {
  const met = (wachtwoordHash: string) => ({ toegang: { modus: 'beveiligd', applicaties: [{ zender: { applicatie: 'APP' }, rol: 'regie', basic: { gebruikersnaam: 'app', wachtwoordHash } }] } });

  it('accepts what `wachtwoord` makes and the older form', async () => {
    expect(() => parseConfig(met(oudeHash('lang-genoeg')))).not.toThrow();
    const nieuw = await hashWachtwoord('lang-genoeg', { ln: 14, r: 8, p: 1 });
    expect(nieuw).toMatch(/^\$scrypt\$ln=14,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(() => parseConfig(met(nieuw))).not.toThrow();
  });

  it.each([
    ['$scrypt$ln=30,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g', /ln=30 ligt niet tussen 14 en 20/],
    ['$scrypt$ln=17,r=0,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g', /r=0 ligt niet tussen 1 en 32/],
    ['$scrypt$ln=17,r=8,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g', /het zout is korter dan 8 bytes/],
    ['$scrypt$ln=17,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA', /de hash is korter dan 16 bytes/],
    ['$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA', /heeft niet de vorm \$scrypt\$ln=<n>,r=<r>,p=<p>\$<zout>\$<hash>/],
    ['scrypt:0011:abc', /even aantal hexcijfers/],
  ])('refuses %s, naming the field and the rule', (hash, regel) => {
    expect(hashFout(hash)).toMatch(regel);
    expect(() => parseConfig(met(hash))).toThrow(ConfigFout);
    expect(() => parseConfig(met(hash))).toThrow(/toegang\.applicaties\.0\.basic\.wachtwoordHash/);
  });
});
