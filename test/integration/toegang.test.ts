// The application registry, transport side (issue 4 point 3; rzs.md §9): HTTP basic identifies a registered
// application, its role applies, and the self-declared stuurgegevens/zender never overrides the transport.
// Refusals are SOAP faults (HTTP 500) with Fo02 for questions and Fo03 for kennisgevingen, never HTTP 401/403.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startGateway, TestGateway } from '../support/gateway';
import { inEnvelope } from '../support/soap';
import { Dialect, actie, creeerZaak, geefZaakdetails, geefZaakstatus, genereerZaakIdentificatie, Sturing } from '../support/dialecten';
import { goed, objectUit, schoneFout, tekst } from '../support/antwoorden';
import { APPLICATIES, aanmelding, als, beveiligd, TestRol } from '../support/planBerichten';
import * as doc from '../support/documentBerichten';
import { genereerBesluitIdentificatie } from '../support/besluitBerichten';
import { ZDS12 } from '../support/soap';
import { ConfigFout, parseConfig } from '../../src/config';
import { Clientcertificaat, Toegangsregister } from '../../src/toegang/identificatie';

const MAIN = resolve(__dirname, '..', '..', 'dist', 'main.js');
const basic = (gebruiker: string, wachtwoord: string) => ({ authorization: `Basic ${Buffer.from(`${gebruiker}:${wachtwoord}`).toString('base64')}` });
const ONBEKEND: Sturing = { zender: 'ONBEKENDEAPP', organisatie: '0599' };

describe.each(['zds12', 'zds11'] as const)('beveiligd, %s', (d: Dialect) => {
  let gw: TestGateway;
  const p = d === 'zds12' ? 'T12' : 'T11';
  const ZAAK = `0599${p}ZAAK0001`;
  let teller = 0;
  const nieuweZaak = (sturing: Sturing) => creeerZaak(d, { id: `0599${p}NIEUW${++teller}`, sturing });
  const creeer = (sturing: Sturing, headers: Record<string, string> = {}) => gw.stuur(inEnvelope(nieuweZaak(sturing)), { actie: actie(d, 'creeerZaak'), headers });
  const details = (sturing: Sturing, headers: Record<string, string> = {}) =>
    gw.stuur(inEnvelope(geefZaakdetails(d, ZAAK, undefined, sturing)), { actie: actie(d, 'geefZaakdetails'), pad: '/BeantwoordVraag', headers });

  beforeAll(async () => {
    gw = await startGateway(beveiligd());
    goed(await gw.stuur(inEnvelope(creeerZaak(d, { id: ZAAK, sturing: als('regie') })), { actie: actie(d, 'creeerZaak'), headers: aanmelding('regie') }));
  });
  afterAll(() => gw.sluit());

  it('correct HTTP basic: the kennisgeving and the question are processed', async () => {
    expect(goed(await creeer(als('backoffice'), aanmelding('backoffice'))).local).toBe('Bv03Bericht');
    expect(tekst(objectUit(await details(als('backoffice'), aanmelding('backoffice'))), 'identificatie')).toBe(ZAAK);
  });

  it('a wrong password is StUF052, Fo03 for a kennisgeving and Fo02 for a question, HTTP 500', async () => {
    const k = schoneFout(await creeer(als('backoffice'), basic('backoffice', 'fout-wachtwoord')));
    expect(k).toMatchObject({ soort: 'Fo03', code: 'StUF052', details: 'HTTP basic: gebruikersnaam of wachtwoord is onjuist' });
    const v = schoneFout(await details(als('backoffice'), basic('backoffice', 'fout-wachtwoord')));
    expect(v).toMatchObject({ soort: 'Fo02', code: 'StUF052' });
  });

  it('an unknown user name gets the same answer as a wrong password', async () => {
    const f = schoneFout(await details(als('backoffice'), basic('niemand', 'backoffice-geheim-1')));
    expect(f).toMatchObject({ soort: 'Fo02', code: 'StUF052', details: 'HTTP basic: gebruikersnaam of wachtwoord is onjuist' });
  });

  it('no credentials is StUF052 before the message is read, whether its zender is registered or not', async () => {
    // Fo03 or Fo02 by the endpoint: the message, and the zender in it, are not read for a caller without credentials.
    const GEEN = 'Geen inloggegevens: meld de applicatie aan met HTTP basic of met een TLS-clientcertificaat';
    expect(schoneFout(await creeer(als('regie')))).toMatchObject({ soort: 'Fo03', code: 'StUF052', details: GEEN });
    expect(schoneFout(await details(ONBEKEND))).toMatchObject({ soort: 'Fo02', code: 'StUF052', details: GEEN });
  });

  it('basic of one application with the zender of another: StUF052 when that one is registered, StUF013 when not', async () => {
    const ander = schoneFout(await creeer(als('regie'), aanmelding('backoffice')));
    expect(ander).toMatchObject({ soort: 'Fo03', code: 'StUF052' });
    expect(ander.details).toBe('stuurgegevens/zender 0599/REGIESYSTEEM is niet de aangemelde applicatie 0599/BACKOFFICE (HTTP basic)');
    const onbekend = schoneFout(await details(ONBEKEND, aanmelding('backoffice')));
    expect(onbekend).toMatchObject({ soort: 'Fo02', code: 'StUF013' });
    // Another organisation with the same application name is another zender.
    const andereGemeente = schoneFout(await details({ zender: 'BACKOFFICE', organisatie: '0363' }, aanmelding('backoffice')));
    expect(andereGemeente.code).toBe('StUF013');
  });

  it('an Authorization header that is not HTTP basic is refused, naming its scheme but not its content', async () => {
    const bearer = schoneFout(await details(als('backoffice'), { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.geheim' }));
    expect(bearer).toMatchObject({ soort: 'Fo02', code: 'StUF052' });
    expect(bearer.details).toContain("Authorization-schema 'Bearer' wordt niet ondersteund");
    expect(bearer.details).not.toContain('geheim');
    const kapot = schoneFout(await details(als('backoffice'), { authorization: 'Basic bm9jb2xvbg==' })); // "nocolon"
    expect(kapot.details).toContain('Authorization: Basic is niet te lezen');
  });

  it.each(['kcc', 'beheer'] as const)('%s may ask but not write (StUF052, Fo03)', async (rol: TestRol) => {
    expect(tekst(objectUit(await details(als(rol), aanmelding(rol))), 'identificatie')).toBe(ZAAK);
    const f = schoneFout(await creeer(als(rol), aanmelding(rol)));
    expect(f).toMatchObject({ soort: 'Fo03', code: 'StUF052' });
    expect(f.details).toBe(`Applicatie 0599/${APPLICATIES[rol].applicatie} (rol ${rol}) mag alleen vragen stellen, niet creeerZaak`);
  });

  it('generating identificaties needs a writing role: kcc and beheer get a Fo02 StUF052', async () => {
    const zaakId = (rol: TestRol) => gw.stuur(inEnvelope(genereerZaakIdentificatie(d, als(rol))), { actie: actie(d, 'genereerZaakIdentificatie'), pad: '/VerwerkSynchroonVrijBericht', headers: aanmelding(rol) });
    const docId = (rol: TestRol) => gw.stuur(inEnvelope(doc.genereer(d, { zender: APPLICATIES[rol].applicatie })), { actie: doc.docActie(d, 'genereerDocumentIdentificatie'), pad: doc.docPad('genereerDocumentIdentificatie'), headers: aanmelding(rol) });
    goed(await zaakId('backoffice'));
    goed(await docId('backoffice'));
    for (const rol of ['kcc', 'beheer'] as const) {
      expect(schoneFout(await zaakId(rol))).toMatchObject({ soort: 'Fo02', code: 'StUF052' });
      expect(schoneFout(await docId(rol))).toMatchObject({ soort: 'Fo02', code: 'StUF052' });
    }
    if (d === 'zds12') {
      const besluitId = (rol: TestRol) => gw.stuur(inEnvelope(genereerBesluitIdentificatie(als(rol))), { actie: `${ZDS12}genereerBesluitIdentificatie_Di02`, pad: '/VerwerkSynchroonVrijBericht', headers: aanmelding(rol) });
      goed(await besluitId('regie'));
      expect(schoneFout(await besluitId('beheer'))).toMatchObject({ soort: 'Fo02', code: 'StUF052' });
    }
  });

  it('the registered role applies whatever the message says: geefZaakstatus of a refused caller is never answered', async () => {
    const r = await gw.stuur(inEnvelope(geefZaakstatus(d, ZAAK, true, als('kcc'))), { actie: actie(d, 'geefZaakstatus'), pad: '/BeantwoordVraag', headers: basic('kcc', 'bijna-goed') });
    expect(schoneFout(r)).toMatchObject({ soort: 'Fo02', code: 'StUF052' });
    expect(r.body).not.toContain('<ZKN:antwoord');
  });
});

describe('Toegangsregister with certificates', () => {
  const VINGERAFDRUK = 'AB'.repeat(32);
  const register = new Toegangsregister(parseConfig({
    toegang: {
      modus: 'beveiligd',
      applicaties: [
        { zender: { applicatie: 'PINAPP' }, rol: 'backoffice', certificaat: { vingerafdruk: VINGERAFDRUK.match(/../g)!.join(':').toLowerCase() } },
        { zender: { applicatie: 'CAAPP' }, rol: 'kcc', certificaat: { onderwerp: '/C=NL/O=Gemeente Test/CN=kcc' } },
      ],
    },
  }).toegang);
  const cert = (c: Partial<Clientcertificaat>): Clientcertificaat => ({ vingerafdruk: VINGERAFDRUK, onderwerp: 'CN=iets', geverifieerd: false, ...c });

  it('matches a fingerprint written with colons in lower case, and a subject in any RDN order once verified', async () => {
    expect((await register.identificeer({ certificaat: cert({}) }, { applicatie: 'PINAPP' })).rol).toBe('backoffice');
    const ca = { vingerafdruk: '00'.repeat(32), onderwerp: 'CN=kcc\nO=Gemeente Test\nC=NL', geverifieerd: true };
    expect(await register.identificeer({ certificaat: cert(ca) }, undefined)).toMatchObject({ applicatie: 'CAAPP', rol: 'kcc', via: 'certificaat' });
    await expect(register.identificeer({ certificaat: cert({ ...ca, geverifieerd: false }) }, undefined)).rejects.toThrow(/hoort bij geen geregistreerde applicatie/);
  });

  it('refuses a registered certificate outside its validity period', async () => {
    const verlopen = cert({ geldigVanaf: Date.parse('2020-01-01'), geldigTot: Date.now() - 60_000 });
    await expect(register.identificeer({ certificaat: verlopen }, undefined)).rejects.toThrow(/is nu niet geldig \(geldig van 2020-01-01 tot/);
  });
});

describe('open mode (the default)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(() => gw.sluit());

  it.each(['zds12', 'zds11'] as const)('%s: anyone is accepted without credentials, with any zender', async (d: Dialect) => {
    const id = `0599OPEN${d}01`;
    goed(await gw.stuur(inEnvelope(creeerZaak(d, { id, sturing: { zender: 'WILLEKEURIG' } })), { actie: actie(d, 'creeerZaak') }));
    const o = objectUit(await gw.stuur(inEnvelope(geefZaakdetails(d, id, undefined, { zender: 'NOGEENAPP' })), { actie: actie(d, 'geefZaakdetails'), pad: '/BeantwoordVraag' }));
    expect(tekst(o, 'identificatie')).toBe(id);
  });

  it('credentials that are presented must still be right', async () => {
    const r = await gw.stuur(inEnvelope(geefZaakdetails('zds12', '0599OPENzds1201')), { actie: actie('zds12', 'geefZaakdetails'), pad: '/BeantwoordVraag', headers: basic('iemand', 'wat-dan-ook') });
    expect(schoneFout(r)).toMatchObject({ soort: 'Fo02', code: 'StUF052' });
  });
});

describe('wachtwoord command', () => {
  const wachtwoord = (invoer: string) => {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} ontbreekt: draai eerst 'npm run build' (npm test doet dat)`);
    return spawnSync(process.execPath, [MAIN, 'wachtwoord'], { input: invoer, encoding: 'utf8' });
  };

  it('prints a scrypt hash that authenticates in the configuration, and only with that password', async () => {
    const uit = wachtwoord('lang-genoeg-geheim\n');
    expect(uit.status).toBe(0);
    const hash = uit.stdout.trim();
    expect(hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(uit.stdout).not.toContain('lang-genoeg-geheim');
    // The same password hashes differently each time (a fresh salt).
    expect(wachtwoord('lang-genoeg-geheim').stdout.trim()).not.toBe(hash);

    const gw = await startGateway({
      toegang: { modus: 'beveiligd', applicaties: [{ zender: { organisatie: '0599', applicatie: 'HASHAPP' }, rol: 'backoffice', basic: { gebruikersnaam: 'hashapp', wachtwoordHash: hash } }] },
    });
    try {
      let n = 0;
      const stuur = (wachtwoord: string) => gw.stuur(inEnvelope(creeerZaak('zds12', { id: `0599HASH000${++n}`, sturing: { zender: 'HASHAPP' } })), { actie: actie('zds12', 'creeerZaak'), headers: basic('hashapp', wachtwoord) });
      expect(goed(await stuur('lang-genoeg-geheim')).local).toBe('Bv03Bericht');
      expect(goed(await stuur('lang-genoeg-geheim')).local).toBe('Bv03Bericht'); // the verified credential is remembered
      expect(schoneFout(await stuur('lang-genoeg-geheiM'))).toMatchObject({ soort: 'Fo03', code: 'StUF052' });
    } finally {
      await gw.sluit();
    }
  });

  it('refuses a password shorter than 8 characters with a message, not a stack trace', () => {
    const uit = wachtwoord('kort\n');
    expect(uit.status).toBe(1);
    expect(uit.stdout).toBe('');
    expect(uit.stderr).toBe('wachtwoord: geef een wachtwoord van minstens 8 tekens op stdin\n');
  });

  it('a configured hash too short to protect anything stops start-up with a message naming the field', () => {
    const kort = { toegang: { modus: 'beveiligd', applicaties: [{ zender: { applicatie: 'KORTAPP' }, rol: 'regie', basic: { gebruikersnaam: 'k', wachtwoordHash: 'scrypt:00112233445566778899aabbccddeeff:ab' } }] } };
    expect(() => parseConfig(kort)).toThrow(ConfigFout);
    expect(() => parseConfig(kort)).toThrow(/toegang\.applicaties\.0\.basic\.wachtwoordHash.*de hash is korter dan 16 bytes; maak de hash opnieuw met `node dist\/main\.js wachtwoord`/);
  });
});
