// `npm run bench`: the gateway as a real process on loopback under autocannon, next to a bare Fastify ceiling,
// geefZaakdetails on a small and a large seeded database, documents, and attack bodies against /health's wait;
// optionally a second checkout beside ours (BENCH_VERGELIJK), and the load cases again on PostgreSQL with two
// instances on one database (BENCH_POSTGRES_URL). Prints a table, writes bench-results/latest.json.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { bijAfsluiten } from './opruimen';
import { GEVALLEN, GevalSleutel, Instellingen, leesInstellingen } from './instellingen';
import { Dienst, startDienst } from './processen';
import { Generator, Meting, meet } from './meting';
import { creeerZaakGenerator, geefZaakdetailsGenerator, genereerZaakIdentificatieGenerator, tegenPlafond, werkvoorraadGenerator, zoekZakenGenerator } from './gevallen';
import { BackendPaar, GevalResultaat, InlogVariant, InstantiePaar, JournaalMeting, ManagementrapportMeting, Rapport, Vergelijking, regel, schrijfJson, tabel } from './rapport';
import { Vulling, vul } from './vulling';
import { BenchDatabase, nieuweDatabase, serverOmschrijving } from './postgres';
import { meetInstanties } from './instanties';
import { DocumentMeting, meetDocumenten } from './documenten';
import { partnerConfig, spiegelstatusGenerator, startPartner, vulSpiegels } from './ketenpartner';
import { AanvalMeting, meetAanvallen } from './aanval';
import { meetInloggen } from './inloggen';
import { meetJournaal } from './journaal';
import { meetManagementrapport } from './managementrapport';
import { MAX_VIA_GATEWAY, commitVan, kopieer, vulViaGateway, zelfdeSchema } from './vergelijking';

const DIST = resolve(__dirname, '..');
const ROOT = resolve(__dirname, '..', '..');
const RESULTATEN = join(ROOT, 'bench-results', 'latest.json');

const schrijf = (s: string) => process.stdout.write(`${s}\n`);
const aantalTekst = (n: number) => (n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

/**
 * The person query is off by default (zds.md A8); the bench measures it, so its gateways switch it on. `dist` is
 * ours, or the other checkout's (BENCH_VERGELIJK), started with the same environment and configuration. `database`:
 * a SQLite file, or a PostgreSQL database's URL.
 */
function startGateway(database: string | { url: string }, config: string, dist = DIST, naam = 'gateway'): Promise<Dienst> {
  const opslag: Record<string, string> = typeof database === 'string' ? { DATABASE_PATH: database, DATABASE_URL: '' } : { DATABASE_URL: database.url };
  return startDienst({
    naam,
    script: join(dist, 'main.js'),
    args: ['serve'],
    cwd: dirname(dist),
    env: { ...opslag, LOG_LEVEL: 'warn', GATEWAY_CONFIG: config },
    isKlaar: async (url) => (await fetch(`${url}/health`)).status === 200,
  });
}

function startPlafond(map: string, naam: string, voorbeeld: NonNullable<Meting['voorbeeld']>, dienstNaam = 'ceiling'): Promise<Dienst> {
  const bestand = join(map, `plafond-${dienstNaam}-${naam.replace(/\W+/g, '_')}.xml`);
  writeFileSync(bestand, voorbeeld.body);
  return startDienst({
    naam: dienstNaam,
    script: join(DIST, 'bench', 'plafond.js'),
    env: { PLAFOND_ANTWOORD: bestand, PLAFOND_CONTENT_TYPE: voorbeeld.contentType },
    isKlaar: async (url) => (await fetch(`${url}/`, { method: 'POST', body: '' })).status === 200,
  });
}

/** Warm-up (discarded), then the measurement; a server that died meanwhile fails the run with its output. */
async function meetGeval(dienst: Dienst, naam: string, gen: Generator, inst: Instellingen): Promise<Meting> {
  const belasting = { verbindingen: inst.verbindingen };
  if (inst.opwarmen > 0) await meet(dienst.url, gen, { ...belasting, seconden: inst.opwarmen });
  const m = await meet(dienst.url, gen, { ...belasting, seconden: inst.seconden });
  if (!dienst.levend()) throw new Error(`${dienst.naam} died during '${naam}':\n${dienst.uitvoer()}`);
  schrijf(regel(naam, dienst.naam, m));
  for (const e of m.foutvoorbeelden) schrijf(`      ${e.aantal} x ${e.tekst}`);
  if (m.goed === 0) throw new Error(`no good answer at all for '${naam}'; gateway output:\n${dienst.uitvoer().slice(-4000)}`);
  return m;
}

interface Geval {
  naam: string;
  /** Which BENCH_ALLEEN name selects it. */
  sleutel: GevalSleutel;
  gen: () => Generator;
}

const ANDER = 'other';
const ANDER_PLAFOND = 'other ceiling';

/** What the notification case measured besides its request rate: how fast the outbox drained after the load. */
export interface NotificatieMeting {
  abonnees: number;
  zaken: number;
  afgeleverd: number;
  /** From the end of the load until every notification had arrived. */
  naloopSeconden: number;
}

const ABONNEES = 2;

async function startAbonnee(): Promise<Dienst> {
  return startDienst({
    naam: 'subscriber',
    script: join(DIST, 'bench', 'abonnee.js'),
    env: {},
    isKlaar: async (url) => (await fetch(`${url}/aantal`)).status === 200,
  });
}

const aantalBij = async (d: Dienst) => ((await (await fetch(`${d.url}/aantal`)).json()) as { aantal: number }).aantal;

/**
 * creeerZaak while every change is notified to two subscribers: the outbox rows are written in the request's
 * transaction and delivered by the worker meanwhile. Afterwards, waits until all have arrived.
 */
async function meetNotificaties(map: string, inst: Instellingen, resultaten: Map<Geval, GevalResultaat>): Promise<NotificatieMeting> {
  const abonnees = await Promise.all(Array.from({ length: ABONNEES }, () => startAbonnee()));
  const config = join(map, 'bench-notificaties.json');
  writeFileSync(config, JSON.stringify({
    bestemmingen: abonnees.map((a, i) => ({ naam: `abonnee${i}`, adres: `${a.url}/OntvangAsynchroon`, ontvanger: { applicatie: `ABONNEE${i}` } })),
    abonnementen: abonnees.map((_a, i) => ({ bestemming: `abonnee${i}` })),
    bezorging: { intervalMs: 100, gelijktijdig: 8 },
  }));
  const geval: Geval = { naam: `creeerZaak, ${ABONNEES} subscribers`, sleutel: 'notificaties', gen: creeerZaakGenerator };
  const gateway = await startGateway(join(map, 'notificaties.db'), config);
  try {
    const gen = geval.gen(); // one generator: warm-up and measurement must not repeat identificaties
    const opwarm = inst.opwarmen > 0 ? await meet(gateway.url, gen, { verbindingen: inst.verbindingen, seconden: inst.opwarmen }) : undefined;
    const m = await meetGeval(gateway, geval.naam, gen, { ...inst, opwarmen: 0 });
    resultaten.set(geval, { naam: geval.naam, gateway: m });
    const zaken = (opwarm?.goed ?? 0) + m.goed;
    const verwacht = zaken * ABONNEES;
    const eindeLast = Date.now();
    let afgeleverd = 0;
    while (Date.now() - eindeLast < 300_000) {
      afgeleverd = (await Promise.all(abonnees.map(aantalBij))).reduce((a, b) => a + b, 0);
      if (afgeleverd >= verwacht) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const uitkomst = { abonnees: ABONNEES, zaken, afgeleverd, naloopSeconden: (Date.now() - eindeLast) / 1000 };
    schrijf(`      ${afgeleverd}/${verwacht} notifications delivered; outbox empty ${uitkomst.naloopSeconden.toFixed(1)} s after the load stopped`);
    return uitkomst;
  } finally {
    await gateway.stop();
    await Promise.all(abonnees.map((a) => a.stop()));
  }
}

/** geefZaakstatus on mirrored partner zaken: from the mirror, and with a pull from the partner process on every read. */
async function meetKetenpartner(map: string, inst: Instellingen, resultaten: Map<Geval, GevalResultaat>): Promise<void> {
  const partner = await startPartner(map, startGateway);
  try {
    const database = join(map, 'keten.db');
    await vulSpiegels(database);
    const gevallen: [Geval, number][] = [
      [{ naam: 'geefZaakstatus, mirrored partner zaak', sleutel: 'ketenpartner', gen: spiegelstatusGenerator }, 525_600],
      [{ naam: 'geefZaakstatus, mirror pulled per read', sleutel: 'ketenpartner', gen: spiegelstatusGenerator }, 0],
    ];
    for (const [geval, maxOuderdomMinuten] of gevallen) {
      const gateway = await startGateway(database, partnerConfig(map, partner, maxOuderdomMinuten));
      try {
        resultaten.set(geval, { naam: geval.naam, gateway: await meetGeval(gateway, geval.naam, geval.gen(), inst) });
      } finally {
        await gateway.stop();
      }
    }
  } finally {
    await partner.stop();
  }
}

/**
 * One case on several gateways (ours, the other checkout's, ours on PostgreSQL), in alternating rounds
 * (BENCH_RONDEN), so that all see the shared machine in about the same states. Each side keeps its best round: other
 * processes on the machine only ever slow a round down. The generators run on over all rounds, so no identificatie
 * repeats. A side's result is named `namen[i]` (the case's name by default).
 */
async function meetBeurtelings(diensten: Dienst[], g: Geval, inst: Instellingen, namen: string[] = []): Promise<GevalResultaat[]> {
  const kanten = diensten.map((dienst, i) => ({ dienst, naam: namen[i] ?? g.naam, gen: g.gen(), rondes: [] as Meting[] }));
  if (inst.opwarmen > 0) for (const k of kanten) await meet(k.dienst.url, k.gen, { verbindingen: inst.verbindingen, seconden: inst.opwarmen });
  for (let r = 1; r <= inst.rondes; r++) {
    for (const k of kanten) k.rondes.push(await meetGeval(k.dienst, inst.rondes > 1 ? `${k.naam} [${r}/${inst.rondes}]` : k.naam, k.gen, { ...inst, opwarmen: 0 }));
  }
  return kanten.map((k): GevalResultaat => ({
    naam: k.naam,
    gateway: k.rondes.reduce((x, y) => (y.perSeconde > x.perSeconde ? y : x)),
    rondes: k.rondes.map((m) => m.perSeconde),
  }));
}

/** A case's name on PostgreSQL. */
const opPostgres = (g: Geval) => `${g.naam} [pg]`;

interface Fase {
  database: string;
  aantal: number;
  gevallen: Geval[];
}

/** Where the other checkout's gateway runs each phase, and which of the phase's cases it can run there. */
type AnderFase = { database: string; gevallen: Geval[] };

const leestGeseed = (g: Geval) => g.sleutel === 'geefZaakdetails' || g.sleutel === 'zoekZaken' || g.sleutel === 'werkvoorraad';

/**
 * The other checkout's databases: copies of ours (seeded, not yet touched) when its migrations give our schema;
 * otherwise filled through its own creeerZaak, or, for more zaken than that can do quickly, without the read cases.
 */
async function anderFasen(map: string, config: string, ander: string, fasen: Fase[], meldingen: string[]): Promise<Map<Fase, AnderFase>> {
  const uit = new Map<Fase, AnderFase>();
  const startAnder = (database: string) => startGateway(database, config, join(ander, 'dist'), ANDER);
  const db = (f: Fase) => join(map, `ander-${basename(f.database)}`);
  const meld = (s: string) => {
    meldingen.push(s);
    schrijf(`  ${s}`);
  };
  if (await zelfdeSchema(map, startAnder)) {
    meld('its migrations give our schema: its databases are copies of our seeded ones');
    for (const f of fasen) {
      kopieer(f.database, db(f));
      uit.set(f, { database: db(f), gevallen: f.gevallen });
    }
    return uit;
  }
  meld("its migrations give another schema than ours: our seeding cannot write its databases; its own creeerZaak creates the zaken");
  for (const f of fasen) {
    if (!f.gevallen.some(leestGeseed)) {
      uit.set(f, { database: db(f), gevallen: f.gevallen });
    } else if (f.aantal > MAX_VIA_GATEWAY) {
      const weg = f.gevallen.filter(leestGeseed);
      meld(`skipped for it: ${weg.map((g) => g.naam).join(', ')} (${f.aantal} zaken are too many to create through its creeerZaak; at most ${MAX_VIA_GATEWAY})`);
      uit.set(f, { database: db(f), gevallen: f.gevallen.filter((g) => !leestGeseed(g)) });
    } else {
      const gateway = await startAnder(db(f));
      try {
        const seconden = await vulViaGateway(gateway, f.aantal);
        meld(`${f.aantal} zaken created through its creeerZaak in ${seconden.toFixed(1)} s`);
      } finally {
        await gateway.stop();
      }
      uit.set(f, { database: db(f), gevallen: f.gevallen });
    }
  }
  return uit;
}

const postgresOvergeslagen = (inst: Instellingen) =>
  `PostgreSQL: skipped (BENCH_POSTGRES_URL not set${inst.alleen.includes('instanties') ? '; the two-instance case with it' : ''})`;

async function main(): Promise<void> {
  const start = Date.now();
  const inst = leesInstellingen();
  const kies = (s: GevalSleutel) => inst.alleen.includes(s);
  const map = mkdtempSync(join(tmpdir(), 'zdsgw-bench-'));
  bijAfsluiten(() => rmSync(map, { recursive: true, force: true }));
  const welke = inst.alleen.length === GEVALLEN.length ? 'all cases' : `cases ${inst.alleen.join(', ')}`;
  schrijf(`bench: ${welke}; ${inst.seconden} s per case (+${inst.opwarmen} s warm-up), ${inst.verbindingen} connections; work dir ${map}`);
  const ander = inst.vergelijk;
  const vergelijking: Vergelijking | undefined = ander ? { checkout: ander, commit: commitVan(ander), onsCommit: commitVan(ROOT), meldingen: [], gevallen: [] } : undefined;
  if (vergelijking) schrijf(`compared with ${vergelijking.checkout} (${vergelijking.commit}); ours: ${vergelijking.onsCommit}`);
  schrijf(inst.postgres ? `PostgreSQL server ${serverOmschrijving(inst.postgres)}: the load cases also on PostgreSQL, each phase on a fresh database dropped afterwards` : postgresOvergeslagen(inst));
  const config = join(map, 'bench-config.json');
  writeFileSync(config, JSON.stringify({ stuf: { persoonsvraag: 'aan' } }));

  let documenten: DocumentMeting[] = [];
  if (kies('documenten') && inst.documenten.length > 0) {
    schrijf(`\ndocuments (${inst.documenten.join(', ')} MB; time and the gateway's peak RSS growth per request):`);
    documenten = await meetDocumenten(() => startGateway(join(map, 'documenten.db'), config), inst.documenten, schrijf);
  }

  const detailsKlein: Geval = { naam: `geefZaakdetails (${aantalTekst(inst.klein)} zaken)`, sleutel: 'geefZaakdetails', gen: () => geefZaakdetailsGenerator(inst.klein) };
  const detailsGroot: Geval = { naam: `geefZaakdetails (${aantalTekst(inst.groot)} zaken)`, sleutel: 'geefZaakdetails', gen: () => geefZaakdetailsGenerator(inst.groot) };
  const zoekenGroot: Geval = { naam: `zoekZaken on a person (${aantalTekst(inst.groot)} zaken)`, sleutel: 'zoekZaken', gen: () => zoekZakenGenerator(inst.groot) };
  const werkvoorraadGroot: Geval = { naam: `work queue, 15 a page (${aantalTekst(inst.groot)} zaken)`, sleutel: 'werkvoorraad', gen: () => werkvoorraadGenerator(inst.groot) };
  // The small database first serves the reads (while it holds exactly 1k zaken), then the writes.
  const alleFasen: Fase[] = [
    {
      database: join(map, 'bench.db'),
      aantal: inst.klein,
      gevallen: [
        detailsKlein,
        { naam: `creeerZaak (${inst.verbindingen} clients)`, sleutel: 'creeerZaak', gen: creeerZaakGenerator },
        { naam: 'genereerZaakIdentificatie', sleutel: 'genereerZaakIdentificatie', gen: genereerZaakIdentificatieGenerator },
      ],
    },
    { database: join(map, 'groot.db'), aantal: inst.groot, gevallen: [detailsGroot, zoekenGroot, werkvoorraadGroot] },
  ];
  const fasen = alleFasen
    // The work queue is measured against geefZaakdetails on the same database, in the same run.
    .map((f) => ({ ...f, gevallen: f.gevallen.filter((g) => kies(g.sleutel) || (g === detailsGroot && kies('werkvoorraad'))) }))
    .filter((f) => f.gevallen.length > 0);

  const vullingen: Vulling[] = [];
  const backendVan = (doel: Parameters<typeof vul>[0]) => ('pad' in doel ? 'SQLite' : 'PostgreSQL');
  const vulFase = async (fase: Fase, doel: Parameters<typeof vul>[0]) => {
    let volgendeMelding = 0;
    const v = await vul(doel, fase.aantal, (gedaan) => {
      if (fase.aantal < 100_000 || gedaan < volgendeMelding) return;
      volgendeMelding = gedaan + Math.max(1, Math.floor(fase.aantal / 10));
      schrijf(`  seeding (${backendVan(doel)}): ${gedaan}/${fase.aantal} zaken after ${((Date.now() - start) / 1000).toFixed(0)} s`);
    });
    vullingen.push(v);
    schrijf(`seeded ${fase.aantal} zaken (${v.backend}) in ${v.seconden.toFixed(1)} s (${Math.round(v.megabytes)} MB)`);
  };
  for (const fase of fasen) await vulFase(fase, { pad: fase.database });
  // PostgreSQL: a fresh database per phase, seeded like the SQLite file, dropped when the phase is done.
  const pgDatabases = new Map<Fase, BenchDatabase>();
  if (inst.postgres) {
    for (const fase of fasen) {
      const db = nieuweDatabase(inst.postgres);
      pgDatabases.set(fase, db);
      await vulFase(fase, { url: db.url });
    }
  }

  const resultaten = new Map<Geval, GevalResultaat>();
  const anderResultaten = new Map<Geval, GevalResultaat>();
  const pgResultaten = new Map<Geval, GevalResultaat>();
  if (fasen.length > 0) {
    const anderVoor = ander && vergelijking ? await anderFasen(map, config, ander, fasen, vergelijking.meldingen) : new Map<Fase, AnderFase>();
    const ook = [...(ander ? [`on the other checkout's gateway ('${ANDER}')`] : []), ...(inst.postgres ? ["on ours with PostgreSQL ('postgres', [pg])"] : [])];
    schrijf(`\ngateway (node dist/main.js serve)${ook.length > 0 ? `, each case also ${ook.join(' and ')}, in alternating rounds` : ''}:`);
    for (const fase of fasen) {
      const gateway = await startGateway(fase.database, config);
      const af = anderVoor.get(fase);
      const anderGateway = ander && af ? await startGateway(af.database, config, join(ander, 'dist'), ANDER) : undefined;
      const pgDb = pgDatabases.get(fase);
      const pgGateway = pgDb ? await startGateway({ url: pgDb.url }, config, DIST, 'postgres') : undefined;
      try {
        for (const g of fase.gevallen) {
          const anderHier = anderGateway && af!.gevallen.includes(g) ? anderGateway : undefined;
          const zijden: [Dienst, string, Map<Geval, GevalResultaat>][] = [
            [gateway, g.naam, resultaten],
            ...(anderHier ? [[anderHier, g.naam, anderResultaten] as [Dienst, string, Map<Geval, GevalResultaat>]] : []),
            ...(pgGateway ? [[pgGateway, opPostgres(g), pgResultaten] as [Dienst, string, Map<Geval, GevalResultaat>]] : []),
          ];
          if (zijden.length === 1) {
            resultaten.set(g, { naam: g.naam, gateway: await meetGeval(gateway, g.naam, g.gen(), inst) });
            continue;
          }
          const uit = await meetBeurtelings(zijden.map(([d]) => d), g, inst, zijden.map(([, naam]) => naam));
          zijden.forEach(([, , naar], i) => naar.set(g, uit[i]));
        }
      } finally {
        await gateway.stop();
        await anderGateway?.stop();
        await pgGateway?.stop();
        pgDb?.verwijder();
      }
    }
  }
  const notificaties = kies('notificaties') ? await meetNotificaties(map, inst, resultaten) : undefined;
  let journaal: JournaalMeting | undefined;
  if (kies('journaal')) {
    schrijf('\njournal (issue 17): creeerZaak with texts kept, metadata only, and the journal off, in alternating rounds:');
    const geval: Geval = { naam: 'creeerZaak, journal', sleutel: 'journaal', gen: creeerZaakGenerator };
    journaal = await meetJournaal(map, { stuf: { persoonsvraag: 'aan' } }, (db, c) => startGateway(db, c), (diensten, namen) => meetBeurtelings(diensten, geval, inst, namen));
  }
  if (kies('ketenpartner')) await meetKetenpartner(map, inst, resultaten);
  let managementrapport: ManagementrapportMeting | undefined;
  if (kies('rapport')) {
    // The large database, seeded here when no read case seeded it; the read cases are done with it by now.
    const groot = alleFasen[1];
    if (!fasen.some((f) => f.database === groot.database)) await vulFase(groot, { pad: groot.database });
    schrijf(`\nmanagement report (issue 19): rapport on ${aantalTekst(groot.aantal)} zaken alone, then creeerZaak with reports running and without, in alternating rounds:`);
    const gateway = await startGateway(groot.database, config);
    try {
      managementrapport = await meetManagementrapport({
        main: join(DIST, 'main.js'), werkmap: map, database: groot.database, zaken: groot.aantal, gateway, gen: creeerZaakGenerator('R'), inst, schrijf,
      });
    } finally {
      await gateway.stop();
    }
  }

  // Ceilings after the gateways have stopped, so that nothing else runs beside them. The ceiling only depends on the
  // answer's size: the other checkout shares ours when its answer is as large (a second measurement would only add
  // its noise to the comparison), and gets its own otherwise.
  if (resultaten.size > 0) schrijf('\nceiling (bare Fastify, same answer size):');
  const plafondVoor = async (g: Geval, res: GevalResultaat, naam: string) => {
    const plafond = await startPlafond(map, g.naam, res.gateway.voorbeeld!, naam);
    try {
      return await meetGeval(plafond, g.naam, tegenPlafond(g.gen(), res.gateway.voorbeeld!.body), inst);
    } finally {
      await plafond.stop();
    }
  };
  for (const [g, r] of resultaten) {
    r.plafond = await plafondVoor(g, r, 'ceiling');
    const a = anderResultaten.get(g);
    if (!a) continue;
    const [ons, hun] = [r, a].map((x) => Buffer.byteLength(x.gateway.voorbeeld!.body));
    if (Math.abs(hun - ons) <= ons / 100) {
      a.plafond = r.plafond;
      a.plafondGedeeld = true;
      schrijf(`  ${g.naam.padEnd(38)} ${ANDER_PLAFOND.padEnd(13)} shared with ours (answers of ${ons} and ${hun} bytes)`);
    } else {
      a.plafond = await plafondVoor(g, a, ANDER_PLAFOND);
    }
  }
  // PostgreSQL's answers are ours from another store: as large, so the same ceiling (measured again otherwise).
  for (const [g, p] of pgResultaten) {
    const r = resultaten.get(g)!;
    const [ons, hun] = [r, p].map((x) => Buffer.byteLength(x.gateway.voorbeeld!.body));
    if (Math.abs(hun - ons) <= ons / 100) {
      p.plafond = r.plafond;
      schrijf(`  ${p.naam.padEnd(38)} ${'pg ceiling'.padEnd(13)} shared with SQLite's (answers of ${ons} and ${hun} bytes)`);
    } else {
      p.plafond = await plafondVoor({ ...g, naam: p.naam }, p, 'pg ceiling');
    }
  }
  const backends: BackendPaar[] = [...pgResultaten].map(([g, postgres]) => ({ sqlite: resultaten.get(g)!, postgres }));

  let instanties: InstantiePaar[] | undefined;
  if (kies('instanties') && inst.postgres) {
    schrijf(`\ntwo gateway instances (A, B) on one PostgreSQL database, against A alone with as many clients (B idle), in alternating rounds:`);
    instanties = await meetInstanties({
      server: inst.postgres,
      inst,
      startGateway: (database, naam) => startGateway(database, config, DIST, naam),
      startPlafond: (naam, voorbeeld, dienstNaam) => startPlafond(map, naam, voorbeeld, dienstNaam),
      schrijf,
      vullingen,
    });
  }
  if (vergelijking) {
    for (const fase of fasen) for (const g of fase.gevallen) vergelijking.gevallen.push({ ons: resultaten.get(g)!, ander: anderResultaten.get(g) });
  }

  let aanvallen: AanvalMeting[] | undefined;
  if (kies('aanval')) {
    schrijf(`\nattacks (each sent once to a fresh gateway while another client calls GET /health one call after the other; abandoned after ${inst.aanvalSeconden} s):`);
    aanvallen = await meetAanvallen(() => startGateway(join(map, 'aanval.db'), config), inst.aanvalSeconden, schrijf);
  }

  let inloggen: InlogVariant[] | undefined;
  if (kies('inloggen')) {
    schrijf(`\nlogins (issue 15): a logged-in client (HTTP basic, ${inst.verbindingen} connections) alone, and while 4 connections from other addresses send wrong passwords:`);
    inloggen = await meetInloggen(map, startGateway, inst, schrijf);
  }

  const rapport: Rapport = {
    instellingen: inst,
    vullingen,
    gevallen: [...resultaten.values(), ...pgResultaten.values(), ...(instanties ?? []).flatMap((p) => [p.twee, p.een]), ...(journaal ? [journaal.metTekst, journaal.alleenMetadata, journaal.uit] : []), ...(managementrapport ? [managementrapport.zonder, managementrapport.met] : [])],
    journaal,
    managementrapport,
    backends: inst.postgres ? backends : undefined,
    instanties,
    postgres: inst.postgres ? `PostgreSQL: ${serverOmschrijving(inst.postgres)}, a fresh database per phase` : postgresOvergeslagen(inst),
    schaal: resultaten.has(detailsKlein) && resultaten.has(detailsGroot) ? { klein: resultaten.get(detailsKlein)!, groot: resultaten.get(detailsGroot)! } : undefined,
    werkvoorraad: resultaten.has(werkvoorraadGroot) && resultaten.has(detailsGroot) ? { werkvoorraad: resultaten.get(werkvoorraadGroot)!, details: resultaten.get(detailsGroot)! } : undefined,
    documenten,
    notificaties,
    aanvallen,
    inloggen,
    vergelijking,
    seconden: (Date.now() - start) / 1000,
  };
  schrijf(`\n${tabel(rapport)}`);
  schrijfJson(RESULTATEN, rapport);
  schrijf(`\nwritten: ${RESULTATEN}`);
}

main().catch((e) => {
  process.stderr.write(`\nbench failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1); // the exit handler stops the child processes and removes the work dir
});
