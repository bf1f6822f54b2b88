// `npm run bench`: the gateway as a real process on loopback under autocannon, next to a bare Fastify ceiling,
// and geefZaakdetails on a small and a large seeded database. Prints a table, writes bench-results/latest.json.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bijAfsluiten } from './opruimen';
import { Instellingen, leesInstellingen } from './instellingen';
import { Dienst, startDienst } from './processen';
import { Generator, Meting, meet } from './meting';
import { creeerZaakGenerator, geefZaakdetailsGenerator, genereerZaakIdentificatieGenerator, tegenPlafond, zoekZakenGenerator } from './gevallen';
import { GevalResultaat, Rapport, regel, schrijfJson, tabel } from './rapport';
import { vul } from './vulling';
import { DocumentMeting, meetDocumenten } from './documenten';
import { partnerConfig, spiegelstatusGenerator, startPartner, vulSpiegels } from './ketenpartner';

const DIST = resolve(__dirname, '..');
const RESULTATEN = resolve(__dirname, '..', '..', 'bench-results', 'latest.json');

const schrijf = (s: string) => process.stdout.write(`${s}\n`);
const aantalTekst = (n: number) => (n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

/** The person query is off by default (zds.md A8); the bench measures it, so its gateways switch it on. */
function startGateway(database: string, config: string): Promise<Dienst> {
  return startDienst({
    naam: 'gateway',
    script: join(DIST, 'main.js'),
    args: ['serve'],
    env: { DATABASE_PATH: database, LOG_LEVEL: 'warn', GATEWAY_CONFIG: config },
    isKlaar: async (url) => (await fetch(`${url}/health`)).status === 200,
  });
}

function startPlafond(map: string, naam: string, voorbeeld: NonNullable<Meting['voorbeeld']>): Promise<Dienst> {
  const bestand = join(map, `plafond-${naam.replace(/\W+/g, '_')}.xml`);
  writeFileSync(bestand, voorbeeld.body);
  return startDienst({
    naam: 'ceiling',
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
  gen: () => Generator;
}

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
  const geval: Geval = { naam: `creeerZaak, ${ABONNEES} subscribers`, gen: creeerZaakGenerator };
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
    vulSpiegels(database);
    const gevallen: [Geval, number][] = [
      [{ naam: 'geefZaakstatus, mirrored partner zaak', gen: spiegelstatusGenerator }, 525_600],
      [{ naam: 'geefZaakstatus, mirror pulled per read', gen: spiegelstatusGenerator }, 0],
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

async function main(): Promise<void> {
  const start = Date.now();
  const inst = leesInstellingen();
  const map = mkdtempSync(join(tmpdir(), 'zdsgw-bench-'));
  bijAfsluiten(() => rmSync(map, { recursive: true, force: true }));
  schrijf(`bench: ${inst.seconden} s per case (+${inst.opwarmen} s warm-up), ${inst.verbindingen} connections; work dir ${map}`);
  const config = join(map, 'bench-config.json');
  writeFileSync(config, JSON.stringify({ stuf: { persoonsvraag: 'aan' } }));

  let documenten: DocumentMeting[] = [];
  if (inst.documenten.length > 0) {
    schrijf(`\ndocuments (${inst.documenten.join(', ')} MB; time and the gateway's peak RSS growth per request):`);
    documenten = await meetDocumenten(() => startGateway(join(map, 'documenten.db'), config), inst.documenten, schrijf);
  }
  if (inst.alleenDocumenten) {
    const rapport: Rapport = { instellingen: inst, vullingen: [], gevallen: [], documenten, seconden: (Date.now() - start) / 1000 };
    schrijf(`\n${tabel(rapport)}`);
    schrijfJson(RESULTATEN, rapport);
    return;
  }

  const klein = join(map, 'bench.db');
  const groot = join(map, 'groot.db');
  const vullingen = [await vul(klein, inst.klein)];
  schrijf(`seeded ${inst.klein} zaken in ${vullingen[0].seconden.toFixed(1)} s`);
  let volgendeMelding = 0;
  vullingen.push(
    await vul(groot, inst.groot, (gedaan) => {
      if (gedaan < volgendeMelding) return;
      volgendeMelding = gedaan + Math.max(1, Math.floor(inst.groot / 10));
      schrijf(`  seeding: ${gedaan}/${inst.groot} zaken after ${((Date.now() - start) / 1000).toFixed(0)} s`);
    }),
  );
  schrijf(`seeded ${inst.groot} zaken in ${vullingen[1].seconden.toFixed(1)} s (${Math.round(vullingen[1].megabytes)} MB)`);

  const detailsKlein: Geval = { naam: `geefZaakdetails (${aantalTekst(inst.klein)} zaken)`, gen: () => geefZaakdetailsGenerator(inst.klein) };
  const detailsGroot: Geval = { naam: `geefZaakdetails (${aantalTekst(inst.groot)} zaken)`, gen: () => geefZaakdetailsGenerator(inst.groot) };
  const zoekenGroot: Geval = { naam: `zoekZaken on a person (${aantalTekst(inst.groot)} zaken)`, gen: () => zoekZakenGenerator(inst.groot) };
  // The small database first serves the reads (while it holds exactly 1k zaken), then the writes.
  const fasen: { database: string; gevallen: Geval[] }[] = [
    {
      database: klein,
      gevallen: [
        detailsKlein,
        { naam: `creeerZaak (${inst.verbindingen} clients)`, gen: creeerZaakGenerator },
        { naam: 'genereerZaakIdentificatie', gen: genereerZaakIdentificatieGenerator },
      ],
    },
    { database: groot, gevallen: [detailsGroot, zoekenGroot] },
  ];

  const resultaten = new Map<Geval, GevalResultaat>();
  schrijf('\ngateway (node dist/main.js serve):');
  for (const fase of fasen) {
    const gateway = await startGateway(fase.database, config);
    try {
      for (const g of fase.gevallen) resultaten.set(g, { naam: g.naam, gateway: await meetGeval(gateway, g.naam, g.gen(), inst) });
    } finally {
      await gateway.stop();
    }
  }
  const notificaties = await meetNotificaties(map, inst, resultaten);
  await meetKetenpartner(map, inst, resultaten);

  // Ceilings after the gateways have stopped, so that nothing else runs beside them.
  schrijf('\nceiling (bare Fastify, same answer size):');
  for (const [g, r] of resultaten) {
    const voorbeeld = r.gateway.voorbeeld!;
    const plafond = await startPlafond(map, g.naam, voorbeeld);
    try {
      r.plafond = await meetGeval(plafond, g.naam, tegenPlafond(g.gen(), voorbeeld.body), inst);
    } finally {
      await plafond.stop();
    }
  }

  const rapport: Rapport = {
    instellingen: inst,
    vullingen,
    gevallen: [...resultaten.values()],
    schaal: { klein: resultaten.get(detailsKlein)!, groot: resultaten.get(detailsGroot)! },
    documenten,
    notificaties,
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
