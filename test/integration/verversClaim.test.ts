// One question per stale ketenpartner mirror across gateway instances (issue 16, point 2). Two gateway processes
// (node dist/main.js serve) on one database of the run's backend (a SQLite file, or in the PostgreSQL run one
// PostgreSQL database): reads of a stale mirror at both at once give one question to the partner and the refreshed
// status to every read; a slow partner (timeout) costs each read no more than one instance alone; the claim of an
// instance killed while asking runs out and the next read asks again; a live claim of another never holds a read up
// longer than its own question would have. The partner is a real ZDS service (test/support/partner.ts) behind a
// loopback stub that holds each question back and counts them.
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as wacht } from 'node:timers/promises';
import { Config, parseConfig } from '../../src/config';
import { partnersOpdracht } from '../../src/partners/partnerOpdracht';
import type { Store } from '../../src/store';
import { openStore } from '../../src/store/openen';
import { children, path } from '../../src/stuf/xml';
import { goed, statussen } from '../support/antwoorden';
import { Dialect, actie, creeerZaak, geefZaakdetails, geefZaakstatus, status, wijzig } from '../support/dialecten';
import { TestDatabase, testDatabase } from '../support/gateway';
import { Instantie, startInstantie } from '../support/instanties';
import { TestOntvanger } from '../support/ontvanger';
import { TestPartner } from '../support/partner';
import { OP_POSTGRES } from '../support/postgresRun';
import { deelplan, gezinsplan } from '../support/planBerichten';
import { bericht, inEnvelope } from '../support/soap';

const d: Dialect = 'zds12';
const ZORG = { organisatie: '0777', applicatie: 'ZORGSYS' };
const ZORGTYPEN = [{
  code: 'ZORG01', omschrijving: 'Ambulante begeleiding',
  statustypen: [{ volgnummer: 1, omschrijving: 'Intake' }, { volgnummer: 2, omschrijving: 'In begeleiding' }, { volgnummer: 3, omschrijving: 'Afgerond', eindstatus: true }],
}];
const BSN = '111222333';
/** The partner's timeout in these tests: a read waits for the partner (or for another instance) about this long at most. */
const TIMEOUT_SECONDEN = 2;
/** How long the stub holds a question back: long enough that reads at both instances overlap it. */
const VERTRAGING_MS = 400;

/** Between the gateways and the partner: holds each question back (or never answers it) and keeps what was asked. */
class TrageDoorgever {
  readonly vragen: string[] = [];
  vertraging = VERTRAGING_MS;
  antwoordt = true;
  private server?: Server;
  private port = 0;

  constructor(private readonly doel: () => string) {}

  get adres(): string {
    return `http://127.0.0.1:${this.port}/BeantwoordVraag`;
  }

  /** The questions about this zaak. */
  over(zaak: string): number {
    return this.vragen.filter((v) => v.includes(`>${zaak}<`)).length;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => void this.behandel(req, res).catch(() => res.destroy()));
    await new Promise<void>((klaar) => server.listen(0, '127.0.0.1', klaar));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((klaar) => this.server?.close(klaar));
  }

  private async behandel(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const stukken: Buffer[] = [];
    for await (const s of req) stukken.push(s as Buffer);
    const body = Buffer.concat(stukken).toString('utf8');
    this.vragen.push(body);
    if (!this.antwoordt) return; // held until the asker gives up (its timeout) or the stub stops
    await wacht(this.vertraging);
    const r = await fetch(this.doel(), { method: 'POST', headers: { 'content-type': req.headers['content-type'] ?? 'text/xml', soapaction: String(req.headers.soapaction ?? '') }, body });
    const tekst = await r.text();
    if (res.destroyed) return;
    res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'text/xml; charset=utf-8' });
    res.end(tekst);
  }
}

let n = 0;
const uniek = (basis: string) => `${basis}${process.pid % 1000}${String(++n).padStart(3, '0')}`;

const partner = new TestPartner('verversclaim', ZORG, ZORGTYPEN);
const doorgever = new TrageDoorgever(() => partner.adres);
const abonnee = new TestOntvanger('verversclaim-abonnee', 'ABONNEE');
let map: string;
let db: TestDatabase;
let config: Config;
let configPad: string;
/** The test's own connection to the instances' database. */
let store: Store;
let A: Instantie;
let B: Instantie;
const processen: Instantie[] = [];
const gezin = uniek('0599GZPVC');

beforeAll(async () => {
  map = mkdtempSync(join(tmpdir(), 'zdsgw-verversclaim-'));
  db = await testDatabase(map);
  await partner.start();
  await doorgever.start();
  await abonnee.start();
  const ruw = {
    database: db.config,
    partners: [{ naam: 'zorg', zender: ZORG, zaakidentificatie: ['0777'], zds: { adres: doorgever.adres, dialect: d, timeoutSeconden: TIMEOUT_SECONDEN } }],
    bestemmingen: [{ naam: 'abonnee', adres: abonnee.adres, ontvanger: { organisatie: '0599', applicatie: 'ABONNEE' } }],
    abonnementen: [{ bestemming: 'abonnee', gebeurtenissen: ['Actualiseer zaakstatus'] }],
    bezorging: { intervalMs: 50, eersteWachttijdSeconden: 0.1, maxWachttijdSeconden: 0.5, timeoutSeconden: 2 },
  };
  configPad = join(map, 'gateway.json');
  writeFileSync(configPad, JSON.stringify(ruw));
  config = parseConfig(ruw);
  // Started together on a fresh database: the migrations run once, under the lock.
  [A, B] = await Promise.all([startInstantie('verversclaim-A', configPad), startInstantie('verversclaim-B', configPad)]);
  processen.push(A, B);
  store = await openStore({ ...config.database, checkpointMs: 0 });
  // The PostgreSQL run must not pass quietly on SQLite.
  expect(store.sql.dialect).toBe(OP_POSTGRES ? 'postgres' : 'sqlite');
  goed(await A.stuur(inEnvelope(gezinsplan(d, { id: gezin, clients: [BSN] })), actie(d, 'creeerZaak'), '/OntvangAsynchroon'));
}, 60_000);

afterAll(async () => {
  await Promise.all(processen.splice(0).map((p) => p.stop('SIGKILL')));
  await store?.sluit();
  await doorgever.stop();
  await partner.sluit();
  await abonnee.stop();
  await db?.verwijder();
  rmSync(map, { recursive: true, force: true });
});

/** A read of the zaak at this instance: its status lines, its meldingen, and how long it took. */
async function lees(i: Instantie, id: string, dienst: 'geefZaakstatus' | 'geefZaakdetails') {
  const begin = Date.now();
  const xml = dienst === 'geefZaakstatus' ? geefZaakstatus(d, id, false) : geefZaakdetails(d, id);
  const r = await i.stuur(inEnvelope(xml), actie(d, dienst), '/BeantwoordVraag');
  goed(r);
  const b = bericht(r.body);
  return { statussen: statussen(path(b, 'antwoord', 'object')), meldingen: children(b, 'melding').map((m) => m.text), ms: Date.now() - begin };
}

/**
 * The partner's zaak at status 2 in its own zakenmagazijn, mirrored here under a new deelplan of ours without a
 * status: never refreshed, so stale, and the first read asks.
 */
async function verouderdeSpiegel(): Promise<string> {
  const pz = uniek('0777ZVC');
  expect((await partner.stuur(inEnvelope(creeerZaak(d, { id: pz, zaaktype: 'ZORG01' })), actie(d, 'creeerZaak'))).status).toBe(200);
  expect((await partner.stuur(inEnvelope(wijzig(d, 'actualiseerZaakstatus', pz, '', status(2, 'In begeleiding', '20240510090000000'))), actie(d, 'actualiseerZaakstatus'))).status).toBe(200);
  goed(await A.stuur(inEnvelope(deelplan(d, { id: uniek('0599DPVC'), clients: [BSN], plannen: [gezin, pz] })), actie(d, 'creeerZaak'), '/OntvangAsynchroon'));
  const s = await store.spiegelzaken.vind(pz);
  expect(s).toEqual(expect.objectContaining({ partner: 'zorg' }));
  expect(s?.ververst).toBeUndefined();
  return pz;
}

const zetClaim = async (pz: string, tot: number) => {
  expect(await store.sql.voer('UPDATE spiegelzaak SET ververs_claim_tot = ? WHERE identificatie = ?', [tot, pz])).toBe(1);
};

const IN_BEGELEIDING = [expect.objectContaining({ volgnummer: '2', omschrijving: 'In begeleiding' })];

async function actualiseerMeldingen(pz: string): Promise<number> {
  const r = await store.sql.een<{ n: number | string }>("SELECT COUNT(*) AS n FROM uitgaand WHERE volgorde = ? AND gebeurtenis = 'Actualiseer zaakstatus'", [pz]);
  return Number(r?.n);
}

/** Until the stub has this many questions about the zaak (the asking instance holds the claim from before it asks). */
async function totGevraagd(pz: string, aantal: number): Promise<void> {
  for (const eind = Date.now() + 10_000; doorgever.over(pz) < aantal && Date.now() < eind; ) await wacht(20);
  expect(doorgever.over(pz)).toBe(aantal);
}

it('lezingen van een verouderde spiegel bij twee instanties tegelijk: één vraag aan de partner, iedereen de nieuwe status', async () => {
  const pz = await verouderdeSpiegel();
  const lezingen = await Promise.all([A, B, A, B, A, B, A, B].map((i, k) => lees(i, pz, k % 4 < 2 ? 'geefZaakstatus' : 'geefZaakdetails')));
  expect(doorgever.over(pz)).toBe(1);
  for (const l of lezingen) {
    expect(l.meldingen).toEqual([]);
    expect(l.statussen).toEqual(IN_BEGELEIDING);
  }
  const s = await store.spiegelzaken.vind(pz);
  expect(s).toEqual(expect.objectContaining({ statusBron: 'pull' }));
  expect(s?.verversClaimTot).toBeUndefined(); // the answer ended the claim
  expect(await actualiseerMeldingen(pz)).toBe(1); // the news told once, by the one that asked
  // Fresh now: neither instance asks again.
  await Promise.all([lees(A, pz, 'geefZaakstatus'), lees(B, pz, 'geefZaakstatus')]);
  expect(doorgever.over(pz)).toBe(1);
});

it('een trage partner (timeout): één vraag, beide instanties binnen de timeout de laatst bekende status met een melding', async () => {
  const pz = await verouderdeSpiegel();
  doorgever.antwoordt = false;
  try {
    const [a, b] = await Promise.all([lees(A, pz, 'geefZaakstatus'), lees(B, pz, 'geefZaakstatus')]);
    expect(doorgever.over(pz)).toBe(1);
    for (const l of [a, b]) {
      expect(l.meldingen).toEqual([expect.stringMatching(/niet ververst bij ketenpartner zorg .*niet bereikbaar.*timeout/i)]);
      // As long as one instance alone waits for the partner: its timeout, and a poll and a transaction more.
      expect(l.ms).toBeLessThan(TIMEOUT_SECONDEN * 1000 + 1500);
    }
    const s = await store.spiegelzaken.vind(pz);
    expect(s?.verversFout).toMatch(/timeout/i);
    expect(s?.verversClaimTot).toBeUndefined(); // the failure ended the claim too
  } finally {
    doorgever.antwoordt = true;
  }
});

it('een verlopen claim: wie dan leest vraagt zelf, ook wie er al op wachtte', async () => {
  // Ran out already: the next read asks at once.
  const pz = await verouderdeSpiegel();
  await zetClaim(pz, Date.now() - 1000);
  const l = await lees(B, pz, 'geefZaakstatus');
  expect(l.statussen).toEqual(IN_BEGELEIDING);
  expect(doorgever.over(pz)).toBe(1);
  expect((await store.spiegelzaken.vind(pz))?.verversClaimTot).toBeUndefined();

  // Runs out while reads wait for its answer: one of them asks once it is over, the other takes that answer.
  const pz2 = await verouderdeSpiegel();
  await zetClaim(pz2, Date.now() + 1500);
  const [a, b] = await Promise.all([lees(A, pz2, 'geefZaakstatus'), lees(B, pz2, 'geefZaakdetails')]);
  expect(doorgever.over(pz2)).toBe(1);
  for (const x of [a, b]) {
    expect(x.meldingen).toEqual([]);
    expect(x.statussen).toEqual(IN_BEGELEIDING);
    expect(x.ms).toBeGreaterThanOrEqual(1400 + VERTRAGING_MS);
  }
});

it('een claim die langer loopt dan de eigen vraag zou duren: de laatst bekende status met een melding, zonder vraag', async () => {
  const pz = await verouderdeSpiegel();
  // Another instance asks (so the mirror says), and will for a minute yet.
  await zetClaim(pz, Date.now() + 60_000);
  const l = await lees(A, pz, 'geefZaakstatus');
  expect(l.meldingen).toEqual([expect.stringMatching(/niet ververst bij ketenpartner zorg \(een andere gateway-instantie vraagt het al; geen antwoord binnen \d+ s\); dit is de laatst bekende status/)]);
  expect(l.statussen).not.toEqual(IN_BEGELEIDING);
  expect(l.ms).toBeLessThan(TIMEOUT_SECONDEN * 1000 + 1500);
  expect(doorgever.over(pz)).toBe(0);
  // Not stored as the partner's failure: the partner was not asked.
  expect((await store.spiegelzaken.vind(pz))?.verversFoutOp).toBeUndefined();
  await zetClaim(pz, Date.now() - 1);
  expect((await lees(B, pz, 'geefZaakstatus')).statussen).toEqual(IN_BEGELEIDING);
  expect(doorgever.over(pz)).toBe(1);
});

it('partners ververs (de opdrachtregel) terwijl een instantie al vraagt: geen tweede vraag, het antwoord van die instantie', async () => {
  const pz = await verouderdeSpiegel();
  doorgever.vertraging = 1200; // within the partner timeout, long enough for the command to start meanwhile
  try {
    const lezing = lees(B, pz, 'geefZaakstatus');
    await totGevraagd(pz, 1); // B holds the claim now
    const uit: string[] = [];
    const code = await partnersOpdracht(config, ['ververs', pz], (t) => uit.push(t));
    expect(uit.join('')).toMatch(new RegExp(`${pz}: ververst \\(gewijzigd\\)`));
    expect(code).toBe(0);
    expect((await lezing).statussen).toEqual(IN_BEGELEIDING);
    expect(doorgever.over(pz)).toBe(1);
  } finally {
    doorgever.vertraging = VERTRAGING_MS;
  }
});

it('claimVerversing: van gelijktijdige claims krijgt er één hem; vrijgeven alleen van de eigen claim', async () => {
  const pz = await verouderdeSpiegel();
  const s = (await store.spiegelzaken.vind(pz))!;
  const nu = Date.now();
  // On PostgreSQL each on a connection of its own from the pool, at the same moment; SQLite has one writer.
  const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => store.transactie((tx) => tx.spiegelzaken.claimVerversing(s.id, s, nu, nu + 10_000 + i), { isolatie: 'los' })));
  expect(claims.filter((c) => c)).toHaveLength(1);
  const tot = nu + 10_000 + claims.indexOf(true);
  expect((await store.spiegelzaken.vind(pz))?.verversClaimTot).toBe(tot);
  // An instance whose claim ran out before this one was taken does not end this one.
  await store.spiegelzaken.geefVerversingVrij(s.id, tot - 1);
  expect((await store.spiegelzaken.vind(pz))?.verversClaimTot).toBe(tot);
  // Once it ran out, another takes it.
  expect(await store.spiegelzaken.claimVerversing(s.id, s, tot, tot + 1000)).toBe(true);
  await store.spiegelzaken.geefVerversingVrij(s.id, tot + 1000);
  expect((await store.spiegelzaken.vind(pz))?.verversClaimTot).toBeUndefined();
  // Free, but the mirror is no longer as it was read (another's answer came in between): no claim; that answer counts.
  await store.spiegelzaken.zetStatus(s.id, undefined, 'pull');
  expect(await store.spiegelzaken.claimVerversing(s.id, s, Date.now(), Date.now() + 1000)).toBe(false);
});

it('de vragende instantie wordt gedood (SIGKILL): de ander wacht niet langer dan de eigen vraag, en vraagt zelf als de claim verlopen is', async () => {
  const pz = await verouderdeSpiegel();
  doorgever.antwoordt = false;
  const gedood = lees(A, pz, 'geefZaakstatus').catch(() => undefined);
  await totGevraagd(pz, 1);
  await A.stop('SIGKILL');
  await gedood;
  doorgever.antwoordt = true;
  const claimTot = (await store.spiegelzaken.vind(pz))?.verversClaimTot;
  expect(claimTot).toBeGreaterThan(Date.now()); // A's claim outlives A
  // Meanwhile: the last known status with a melding, as long as B's own question could have taken.
  const l = await lees(B, pz, 'geefZaakstatus');
  expect(l.meldingen).toEqual([expect.stringMatching(/een andere gateway-instantie vraagt het al/)]);
  expect(l.ms).toBeLessThan(TIMEOUT_SECONDEN * 1000 + 1500);
  expect(doorgever.over(pz)).toBe(1);
  // Once it ran out, B asks.
  await wacht(Math.max(0, claimTot! - Date.now()) + 50);
  const daarna = await lees(B, pz, 'geefZaakstatus');
  expect(daarna.meldingen).toEqual([]);
  expect(daarna.statussen).toEqual(IN_BEGELEIDING);
  expect(doorgever.over(pz)).toBe(2);
  expect((await store.spiegelzaken.vind(pz))?.verversClaimTot).toBeUndefined();
});
