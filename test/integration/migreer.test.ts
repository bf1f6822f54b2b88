// `migreer` (issue 16, point 4): a SQLite gateway filled through real SOAP messages, so that every table holds rows
// (zaken with roles, persons, zaakobjecten, statuses and relations, a document of more than one content block with
// its versions, a besluit, a handover, a mirror of a ketenpartner's zaak, a held end status, a counter, outbox rows
// of a subscription, idempotency records, and protocol rows from a secured run on the same file), copied by the
// real command line into a fresh PostgreSQL database. Then a gateway on that database answers geefZaakdetails and
// geefZaakdocumentLezen as the SQLite gateway did, and new zaken and identificaties follow the copied ones. Also the
// refusals: a target with rows (left as it was), a missing source, a URL that is not PostgreSQL's.
// Needs PostgreSQL: the PostgreSQL run's cluster, or one of this file's own in the SQLite run; skipped, saying why,
// where there is none.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { REFERENTIE_ZAAKTYPEN } from '../../src/domain/referentieZaaktypen';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/store/db';
import { TabelHash } from '../../src/store/migreerHash';
import { TestGateway, startGateway } from '../support/gateway';
import { Cluster, nieuweDatabase, postgresOntbreekt, startCluster, stopCluster } from '../support/postgres';
import { OP_POSTGRES, postgresBeheerUrl } from '../support/postgresRun';
import { inEnvelope, ZDS12 } from '../support/soap';
import { goed } from '../support/antwoorden';
import { archiefOpdracht } from '../../src/archief/opdracht';
import { actie, creeerZaak, geefZaakdetails, genereerZaakIdentificatie, rol, medewerker, status, wijzig } from '../support/dialecten';
import { docActie, docPad, geefLezen, nieuwDocument } from '../support/documentBerichten';
import { besluitdocument, voegBesluitToe } from '../support/besluitBerichten';
import { overdrachtActie, overdragenZaakDi01 } from '../support/overdrachtBerichten';
import { aanmelding, als, beveiligd, deelplan, gezinsplan } from '../support/planBerichten';

const MAIN = resolve(__dirname, '..', '..', 'dist', 'main.js');
const d = 'zds12' as const;

const ontbreekt = OP_POSTGRES ? undefined : postgresOntbreekt();
if (ontbreekt) process.stdout.write(`migreer.test.ts: OVERGESLAGEN — ${ontbreekt}\n`);
const metPostgres = ontbreekt ? describe.skip : describe;

const BSN = '111222333';
const GEZIN = '0599GZP0000901';
const DEELPLAN = '0599DP00000902';
const PARTNERZAAK = '0777Z0000903';
const WMO = '0599WMO0000904';
const WACHT = '0599WOR0000905';
const DOC = '0599DOC0000906';
/** Closed long ago with nominatie vernietigen as sent: destroyed below, so that the archive's tables have rows. */
const VERNIETIGD = '0599VNT0000908';
const BESLUIT = '0599BSL0000907';
const ZORG = { organisatie: '0777', applicatie: 'ZORGSYS' };
/** Not listening: the outbox rows stay as they are written, on both sides. */
const NERGENS = 'http://127.0.0.1:9/OntvangAsynchroon';
/** Content of three blocks (768 KiB each), not one repeated pattern. */
const INHOUD = Array.from({ length: 40_000 }, (_, i) => `regel ${i} van het grote document ${(i * 7919) % 104729}\n`).join('');

// The configuration both gateways share: the subscription, destinations, handover and zaakprofiel the rows came from.
const CONFIG = {
  bestemmingen: [
    { naam: 'abonnee', adres: NERGENS, ontvanger: { organisatie: '0599', applicatie: 'ABONNEE' } },
    { naam: 'wmo', adres: NERGENS, ontvanger: { organisatie: '0599', applicatie: 'WMO-BACKOFFICE' } },
    { naam: 'regie', adres: NERGENS, ontvanger: { organisatie: '0599', applicatie: 'REGIESYSTEEM' } },
  ],
  abonnementen: [{ bestemming: 'abonnee', zaaktypen: ['*'], gebeurtenissen: ['*'] }],
  overdracht: { backoffices: { WMO01: 'wmo' } },
  bezorging: { intervalMs: 60_000, eersteWachttijdSeconden: 3600, maxWachttijdSeconden: 3600, timeoutSeconden: 1 },
  partners: [{ naam: 'zorg', zender: ZORG, zaakidentificatie: ['0777'] }],
  zaaktypen: {
    catalogus: [
      ...REFERENTIE_ZAAKTYPEN,
      { code: 'WOR', omschrijving: 'Eindstatus wacht op resultaat', profiel: { afsluiten: 'eindstatusWachtOpResultaat' },
        statustypen: [{ volgnummer: 1, omschrijving: 'Ontvangen' }, { volgnummer: 2, omschrijving: 'In behandeling' }, { volgnummer: 3, omschrijving: 'Afgehandeld', eindstatus: true }] },
    ],
  },
};

const kennisgeving = (gw: TestGateway, xml: string, dienst: 'creeerZaak' | 'actualiseerZaakstatus' | 'updateZaak', headers?: Record<string, string>) =>
  gw.stuur(inEnvelope(xml), { actie: actie(d, dienst), pad: '/OntvangAsynchroon', headers });

/** The answer's object(s): what must be the same from either database (stuurgegevens carry time and reference). */
const antwoordDeel = (body: string): string => {
  const m = /<(\w+:)?antwoord>[\s\S]*<\/(\w+:)?antwoord>/.exec(body);
  if (!m) throw new Error(`geen antwoord in: ${body.slice(0, 500)}`);
  return m[0];
};

async function details(gw: TestGateway, id: string): Promise<string> {
  const r = await gw.stuur(inEnvelope(geefZaakdetails(d, id)), { actie: actie(d, 'geefZaakdetails'), pad: '/BeantwoordVraag' });
  goed(r);
  return antwoordDeel(r.body);
}

async function lezen(gw: TestGateway, id: string): Promise<string> {
  const r = await gw.stuur(inEnvelope(geefLezen(d, id)), { actie: docActie(d, 'geefZaakdocumentLezen'), pad: docPad('geefZaakdocumentLezen') });
  goed(r);
  return antwoordDeel(r.body);
}

async function nieuweIdentificatie(gw: TestGateway): Promise<string> {
  const r = await gw.stuur(inEnvelope(genereerZaakIdentificatie(d)), { actie: `${ZDS12}genereerZaakIdentificatie_Di02`, pad: '/VerwerkSynchroonVrijBericht' });
  goed(r);
  return /<ZKN:identificatie>([^<]+)<\/ZKN:identificatie>/.exec(r.body)![1];
}

function migreer(...args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, 'migreer', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, uit: r.stdout, fout: r.stderr };
}

/** Rows per table, as PostgreSQL holds them. */
async function aantallen(url: string): Promise<Record<string, number>> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const tabellen = (await c.query<{ t: string }>('SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1')).rows.map((r) => r.t);
    const uit: Record<string, number> = {};
    for (const t of tabellen) uit[t] = Number((await c.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${t}`)).rows[0].n);
    return uit;
  } finally {
    await c.end();
  }
}

describe('the content hash of a table', () => {
  const hash = (...rijen: unknown[][]) => {
    const h = new TabelHash();
    for (const r of rijen) h.rij(r);
    return h.hex();
  };
  it('gives an integer the same form from either driver (BigInt from SQLite, text from PostgreSQL)', () => {
    expect(hash([5n, 'a'])).toBe(hash(['5', 'a']));
  });
  it('tells NULL from empty text, text from bytes, and where one value ends and the next begins', () => {
    expect(hash([null])).not.toBe(hash(['']));
    expect(hash(['ab'])).not.toBe(hash([Buffer.from('ab')]));
    expect(hash(['a', 'bc'])).not.toBe(hash(['ab', 'c']));
    expect(hash(['a'], ['b'])).not.toBe(hash(['b'], ['a']));
  });
});

metPostgres('migreer van SQLite naar PostgreSQL', () => {
  let cluster: Cluster | undefined;
  let beheer: string;
  const map = mkdtempSync(join(tmpdir(), 'zdsgw-migreer-'));
  const bron = join(map, 'gateway.db');
  const opruimen: (() => Promise<void>)[] = [];
  const voor: { details: Record<string, string>; document: string; identificatie: string } = { details: {}, document: '', identificatie: '' };

  beforeAll(async () => {
    if (OP_POSTGRES) beheer = postgresBeheerUrl();
    else {
      cluster = await startCluster();
      beheer = cluster.url;
    }

    // Open mode: the zaken, their documents, a besluit, a handover, a mirror and its missed term, a held end status, a counter,
    // a legal hold and a destruction.
    const gw = await startGateway({ ...CONFIG, database: { path: bron } });
    try {
      goed(await kennisgeving(gw, gezinsplan(d, { id: GEZIN, clients: [BSN] }), 'creeerZaak'));
      // Linked to a zaak of the partner's numbering: its mirror (spiegelzaak) and the relation.
      goed(await kennisgeving(gw, deelplan(d, { id: DEELPLAN, clients: [BSN], plannen: [GEZIN, PARTNERZAAK] }), 'creeerZaak'));
      goed(await kennisgeving(gw, wijzig(d, 'actualiseerZaakstatus', GEZIN, '', status(1, 'Signaal geregistreerd', '20240115090000000')), 'actualiseerZaakstatus'));
      goed(await kennisgeving(gw, wijzig(d, 'actualiseerZaakstatus', GEZIN, '', status(2, 'Gezinsplan opgesteld', '20240116090000000', 'Met de ouders besproken')), 'actualiseerZaakstatus'));
      goed(await kennisgeving(gw, creeerZaak(d, { id: WMO, zaaktype: 'WMO01', relaties: rol('heeftAlsInitiator', medewerker('MDW-7')) }), 'creeerZaak'));
      goed(await kennisgeving(gw, creeerZaak(d, { id: WACHT, zaaktype: 'WOR' }), 'creeerZaak'));
      goed(await kennisgeving(gw, wijzig(d, 'actualiseerZaakstatus', WACHT, '', status(1, 'Ontvangen', '20240201090000000')), 'actualiseerZaakstatus'));
      goed(await kennisgeving(gw, wijzig(d, 'actualiseerZaakstatus', WACHT, '', status(3, 'Afgehandeld', '20240301090000000')), 'actualiseerZaakstatus'));
      goed(await gw.stuur(inEnvelope(nieuwDocument(d, 'voegZaakdocumentToe', { id: DOC, zaken: [GEZIN, WMO], tekst: INHOUD, bestandsnaam: 'plan.txt' })), { actie: docActie(d, 'voegZaakdocumentToe'), pad: docPad('voegZaakdocumentToe') }));
      goed(await gw.stuur(inEnvelope(voegBesluitToe({ id: BESLUIT, zaak: WMO, documenten: besluitdocument(DOC) })), { actie: `${ZDS12}voegBesluitToe_Di01`, pad: '/OntvangAsynchroon' }));
      goed(await gw.stuur(inEnvelope(overdragenZaakDi01('rzs', { zaak: WMO, zaaktype: 'WMO01', ref: `OVZ-${process.pid}` })), { actie: overdrachtActie('rzs', 'Di01') }));
      // The mirror's missed delivery term, as the check records it (src/partners/termijnen.ts).
      const link = (await gw.app.gateway.store.spiegelzaken.vind(PARTNERZAAK))!.aangemaakt;
      await gw.app.gateway.store.transactie((tx) => tx.partnertermijnen.legVast({
        partnerzaak: PARTNERZAAK, gekoppeld: link, partner: 'zorg', zaaktype: 'ZORG01', deelplan: DEELPLAN, termijnDagen: 14,
        verstreken: new Date(Date.parse(link) + 14 * 86_400_000).toISOString(), uitkomst: 'overschreden', ontbrak: { statussen: ['2'], documenten: ['Zorgplan'] }, vastgesteld: new Date().toISOString(),
      }));
      // The archive (issue 19): a hold on WMO, and a destruction list carried out, which leaves its record.
      goed(await kennisgeving(gw, creeerZaak(d, {
        id: VERNIETIGD, zaaktype: 'WMO01', relaties: rol('heeftAlsInitiator', medewerker('MDW-8')),
        attributen: '<ZKN:omschrijving>Te vernietigen</ZKN:omschrijving><ZKN:startdatum>20190101</ZKN:startdatum><ZKN:registratiedatum>20190101</ZKN:registratiedatum>' +
          '<ZKN:einddatum>20200101</ZKN:einddatum><ZKN:archiefnominatie>N</ZKN:archiefnominatie><ZKN:datumVernietigingDossier>20210101</ZKN:datumVernietigingDossier>' +
          '<ZKN:zaakniveau>1</ZKN:zaakniveau><ZKN:deelzakenIndicatie>N</ZKN:deelzakenIndicatie>',
      }), 'creeerZaak'));
      const stil = () => undefined;
      expect(await archiefOpdracht(gw.config, ['blokkeer', WMO, '--reden', 'Bezwaar loopt', '--door', 'archivaris'], stil)).toBe(0);
      expect(await archiefOpdracht(gw.config, ['vernietig', '--lijst', '--door', 'archivaris'], stil)).toBe(0);
      expect(await archiefOpdracht(gw.config, ['vernietig', '--uitvoeren', '1', '--door', 'teamleider'], stil)).toBe(0);
      voor.identificatie = await nieuweIdentificatie(gw);
      for (const id of [GEZIN, DEELPLAN, WMO, WACHT]) voor.details[id] = await details(gw, id);
      voor.document = await lezen(gw, DOC);
    } finally {
      await gw.sluit();
    }
    // Secured mode on the same file: reads of persons leave protocol rows (with their zaak and BSN).
    const beveiligdeGw = await startGateway({
      ...CONFIG,
      ...beveiligd({ applicaties: [{ zender: ZORG, rol: 'ketenpartner', basic: { gebruikersnaam: 'zorgsys', wachtwoord: 'zorg-geheim-12' } }] }),
      database: { path: bron },
    });
    try {
      const r = await beveiligdeGw.stuur(inEnvelope(geefZaakdetails(d, GEZIN, undefined, als('regie'))), { actie: actie(d, 'geefZaakdetails'), pad: '/BeantwoordVraag', headers: aanmelding('regie') });
      goed(r);
    } finally {
      await beveiligdeGw.sluit();
    }
  }, 180_000);

  afterAll(async () => {
    for (const r of opruimen.reverse()) await r();
    if (cluster) stopCluster(cluster);
    rmSync(map, { recursive: true, force: true });
  });

  async function verseDatabase(): Promise<string> {
    const db = await nieuweDatabase(beheer);
    opruimen.push(db.verwijder);
    return db.url;
  }

  it('the SQLite gateway wrote rows in every table the migrations create', () => {
    const db = openDatabase(bron);
    try {
      const tabellen = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_versie'").all() as { name: string }[]).map((r) => r.name);
      const leeg = tabellen.filter((t) => (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n === 0);
      // A table a new migration adds must be filled above too, so that its copy is verified on real rows.
      expect(leeg).toEqual([]);
      expect((db.prepare('SELECT COUNT(*) AS n FROM inhoud_blok').get() as { n: number }).n).toBeGreaterThan(1);
    } finally {
      db.close();
    }
  });

  it('copies every table, verifies it, and a gateway on PostgreSQL answers the same and goes on numbering', async () => {
    const url = await verseDatabase();
    const r = migreer('--van', bron, '--naar', url);
    expect(r.fout).toBe('');
    expect(r.status).toBe(0);
    expect(r.uit).toMatch(/^geverifieerd: \d+ tabellen, \d+ rij(en)?, schemaversie \d+; aantallen en inhoud \(sha256\) gelijk/m);
    // The table of counts: every table, equal on both sides, content equal.
    const sqlite = openDatabase(bron);
    const tabellen = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_versie'").all() as { name: string }[]).map((x) => x.name);
    const bronAantallen = Object.fromEntries(tabellen.map((t) => [t, (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]));
    sqlite.close();
    for (const t of tabellen) expect(r.uit).toMatch(new RegExp(`^${t}\\s+${bronAantallen[t]}\\s+${bronAantallen[t]}\\s+gelijk$`, 'm'));
    const doel = await aantallen(url);
    for (const t of tabellen) expect([t, doel[t]]).toEqual([t, bronAantallen[t]]);

    const gw = await startGateway({ ...CONFIG, database: { url } });
    try {
      expect(gw.app.gateway.store.sql.dialect).toBe('postgres');
      for (const id of Object.keys(voor.details)) expect([id, await details(gw, id)]).toEqual([id, voor.details[id]]);
      expect(await lezen(gw, DOC)).toBe(voor.document);
      // New rows get ids past the copied ones (a collision would fail the insert), the counter goes on.
      goed(await kennisgeving(gw, creeerZaak(d, { id: '0599NA00000910', relaties: rol('heeftAlsInitiator', medewerker('MDW-9')) }), 'creeerZaak'));
      goed(await gw.stuur(inEnvelope(nieuwDocument(d, 'voegZaakdocumentToe', { id: '0599DOC0000911', zaken: ['0599NA00000910'], tekst: 'na de migratie' })), { actie: docActie(d, 'voegZaakdocumentToe'), pad: docPad('voegZaakdocumentToe') }));
      expect(await details(gw, '0599NA00000910')).toContain('0599NA00000910');
      const na = await nieuweIdentificatie(gw);
      expect(na).not.toBe(voor.identificatie);
      expect(Number(na.replace(/\D/g, '').slice(-6))).toBe(Number(voor.identificatie.replace(/\D/g, '').slice(-6)) + 1);
    } finally {
      await gw.sluit();
    }
  }, 120_000);

  it('refuses a target with rows, naming the table, and leaves it as it was', async () => {
    const url = await verseDatabase();
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      await c.query('CREATE TABLE eigen (x TEXT)');
      await c.query("INSERT INTO eigen VALUES ('van iemand anders')");
    } finally {
      await c.end();
    }
    const r = migreer('--van', bron, '--naar', url);
    expect(r.status).toBe(1);
    expect(r.fout).toMatch(/niet leeg \(tabel eigen heeft rijen\)/);
    expect(r.fout).not.toMatch(/\n\s+at /);
    // Not even migrated: the database holds what it held.
    expect(await aantallen(url)).toEqual({ eigen: 1 });
  });

  it('refuses a migrated gateway database that has rows, and keeps them', async () => {
    const url = await verseDatabase();
    expect(migreer('--van', bron, '--naar', url).status).toBe(0);
    const voorAantallen = await aantallen(url);
    const r = migreer('--van', bron, '--naar', url);
    expect(r.status).toBe(1);
    expect(r.fout).toMatch(/niet leeg \(tabel \w+ heeft rijen\)/);
    expect(await aantallen(url)).toEqual(voorAantallen);
  });

  /** A copy of the source, changed by `wijzig`: what migreer must refuse. */
  function bronMet(naam: string, wijzig: (db: Database.Database) => void): string {
    const pad = join(map, naam);
    copyFileSync(bron, pad);
    const db = new Database(pad);
    try {
      wijzig(db);
    } finally {
      db.close();
    }
    return pad;
  }

  it('a row PostgreSQL refuses half-way fails the whole copy: the target stays empty, the message quotes no value', async () => {
    const url = await verseDatabase();
    // SQLite keeps text that is no number in an INTEGER column; PostgreSQL's bigint refuses it, quoting the value.
    const kapot = bronMet('kapot.db', (db) => db.prepare("UPDATE zaakdocument SET volgorde = 'x-111222333' WHERE id = (SELECT MAX(id) FROM zaakdocument)").run());
    const r = migreer('--van', kapot, '--naar', url);
    expect(r.status).toBe(1);
    expect(r.fout).toMatch(/PostgreSQL-fout 22P02 \(tabel zaakdocument\)/);
    expect(`${r.uit}${r.fout}`).not.toContain('111222333');
    expect(r.fout).not.toMatch(/\n\s+at /);
    const doel = await aantallen(url);
    expect(Object.entries(doel).filter(([t, n]) => t !== 'schema_versie' && n > 0)).toEqual([]);
    expect(doel.zaak).toBe(0);
  });

  it('a copy that does not verify is rolled back: the table says which, exit 1, the target stays empty', async () => {
    const url = await verseDatabase();
    // Bytes in a text column: node-postgres sends them as the text '\\x7b7d', which PostgreSQL stores without complaint.
    const blob = bronMet('blob.db', (db) => db.prepare("UPDATE besluit SET data = CAST('{}' AS BLOB)").run());
    const r = migreer('--van', blob, '--naar', url);
    expect(r.status).toBe(1);
    expect(r.uit).toMatch(/^besluit\s+1\s+1\s+VERSCHILT$/m);
    expect(r.uit).toMatch(/^zaak\s+\d+\s+\d+\s+gelijk$/m);
    expect(r.uit).not.toMatch(/^geverifieerd/m);
    expect(r.fout).toMatch(/NIET geverifieerd: besluit verschilt na het kopiëren; er is niets vastgelegd/);
    const doel = await aantallen(url);
    expect(Object.entries(doel).filter(([t, n]) => t !== 'schema_versie' && n > 0)).toEqual([]);
  });

  it('refuses a source of another schema version without touching the target', async () => {
    const url = await verseDatabase();
    const nieuwer = bronMet('nieuwer.db', (db) => db.prepare('INSERT INTO schema_versie (versie) VALUES (99)').run());
    const r = migreer('--van', nieuwer, '--naar', url);
    expect(r.status).toBe(1);
    expect(r.fout).toMatch(/--van: de database heeft schemaversie 99, deze gateway \d+/);
    expect(await aantallen(url)).toEqual({});
  });

  it('refuses a missing source and a target that is not PostgreSQL, without a stack trace or the password', async () => {
    const url = new URL(await verseDatabase());
    url.password = 'Zeer-geheim-42';
    const zonder = migreer('--van', join(map, 'bestaat-niet.db'), '--naar', url.toString());
    expect(zonder.status).toBe(1);
    expect(zonder.fout).toMatch(/--van: het bestand '.*bestaat-niet\.db' bestaat niet/);
    const sqlite = migreer('--van', bron, '--naar', `sqlite:${join(map, 'ander.db')}`);
    expect(sqlite.status).toBe(1);
    expect(sqlite.fout).toMatch(/--naar moet een postgres:\/\/- of postgresql:\/\/-URL zijn/);
    const onbereikbaar = migreer('--van', bron, '--naar', 'postgres://iemand:Zeer-geheim-42@127.0.0.1:9/nergens');
    expect(onbereikbaar.status).toBe(1);
    expect(onbereikbaar.fout).toMatch(/ECONNREFUSED/);
    for (const r of [zonder, sqlite, onbereikbaar]) {
      expect(`${r.uit}${r.fout}`).not.toContain('Zeer-geheim-42');
      expect(r.fout).not.toMatch(/\n\s+at /);
    }
    expect(migreer('--van', bron).status).toBe(1);
  });
});
