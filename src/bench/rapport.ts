// The results: one compact table on stdout and the same figures as JSON in bench-results/latest.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { Instellingen } from './instellingen';
import { Meting } from './meting';
import { Vulling } from './vulling';
import type { DocumentMeting } from './documenten';
import { AanvalMeting, DREMPEL_MS, antwoordTekst, grootte, oordeel } from './aanval';

/** One case measured on two instances and on one with the same clients in all (instanties.ts). */
export interface InstantiePaar {
  twee: GevalResultaat;
  een: GevalResultaat;
}

export interface GevalResultaat {
  naam: string;
  gateway: Meting;
  plafond?: Meting;
  /** The other checkout's case measured against our ceiling (same answer size). */
  plafondGedeeld?: boolean;
  /** Requests/s of each round when compared in rounds (BENCH_RONDEN); `gateway` is the best of them. */
  rondes?: number[];
}

/** creeerZaak with the journal keeping texts, metadata only, and off (journaal.ts). */
export interface JournaalMeting {
  metTekst: GevalResultaat;
  alleenMetadata: GevalResultaat;
  uit: GevalResultaat;
}

/** The management report on the large database, and creeerZaak with and without it (managementrapport.ts). */
export interface ManagementrapportMeting {
  zaken: number;
  /** Seconds the report took by itself (its own measure), with no load on the machine. */
  alleenSeconden: number;
  /** Seconds of each report that ran during the measured rounds. */
  onderLastSeconden: number[];
  zonder: GevalResultaat;
  met: GevalResultaat;
  /** Largest WAL in use while creeerZaak ran without and with reports (MB). */
  walPiekMbZonder: number;
  walPiekMbMet: number;
  /** Size of the -wal file after the rounds and a few seconds of writes: what a spike leaves on disk. */
  walBestandMbNa: number;
}

/** The login case (src/bench/inloggen.ts): one variant of the gateway's throttling. */
export interface InlogVariant {
  naam: string;
  alleen: Meting;
  /** The flood's first BENCH_SECONDEN: the KDF runs until the limits block the attackers. */
  begin: Meting;
  verhoudingBegin: number;
  /** The next BENCH_SECONDEN of the flood. */
  onderAanval: Meting;
  /** onderAanval.perSeconde / alleen.perSeconde. */
  verhouding: number;
  /** The attackers' answers: refused after a KDF run (wrong password) and refused cheaply (throttled). */
  aanvalNaKdf: number;
  aanvalGeblokkeerd: number;
}

export interface Rapport {
  instellingen: Instellingen;
  vullingen: Vulling[];
  gevallen: GevalResultaat[];
  /** geefZaakdetails on the small and on the large database. */
  schaal?: { klein: GevalResultaat; groot: GevalResultaat };
  /** The work queue against geefZaakdetails on the large database, same run (issue 18). */
  werkvoorraad?: { werkvoorraad: GevalResultaat; details: GevalResultaat };
  documenten?: DocumentMeting[];
  /** The notification case: delivered notifications and how long the outbox took to drain after the load. */
  notificaties?: { abonnees: number; zaken: number; afgeleverd: number; naloopSeconden: number };
  aanvallen?: AanvalMeting[];
  /** A logged-in client alone and during a flood of wrong passwords (issue 15). */
  inloggen?: InlogVariant[];
  vergelijking?: Vergelijking;
  /** The same case on SQLite and on PostgreSQL (BENCH_POSTGRES_URL). */
  backends?: BackendPaar[];
  /** Two gateway instances on one PostgreSQL database, and one instance with as many clients. */
  instanties?: InstantiePaar[];
  /** creeerZaak with the journal keeping texts, metadata only, and off (journaal.ts). */
  journaal?: JournaalMeting;
  /** The management report on the large database, and creeerZaak with and without it (managementrapport.ts). */
  managementrapport?: ManagementrapportMeting;
  /** Which PostgreSQL server the cases ran on, or why they did not. */
  postgres: string;
  seconden: number;
}

export interface BackendPaar {
  sqlite: GevalResultaat;
  postgres: GevalResultaat;
}

/** BENCH_VERGELIJK: the load cases on our gateway and on the other checkout's (absent where it skipped a case). */
export interface Vergelijking {
  checkout: string;
  commit: string;
  onsCommit: string;
  /** How its databases were made, and which cases it skipped. */
  meldingen: string[];
  gevallen: { ons: GevalResultaat; ander?: GevalResultaat }[];
}

const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '-');
const verhouding = (a: number, b: number | undefined) => (b ? a / b : NaN);

export function machine() {
  const c = cpus();
  return { nproc: c.length, cpu: c[0]?.model ?? 'unknown', memoryGB: Math.round(totalmem() / 1e9), node: process.version, platform: `${process.platform}-${process.arch}` };
}

function meting(m: Meting | undefined) {
  if (!m) return undefined;
  return {
    requestsPerSecond: Math.round(m.perSeconde),
    p50Ms: Number(f(m.p50Ms, 3)),
    p99Ms: Number(f(m.p99Ms, 3)),
    ok: m.goed,
    errors: m.fouten,
    seconds: m.seconden,
    answerBytes: m.voorbeeld ? Buffer.byteLength(m.voorbeeld.body) : undefined,
    errorSamples: m.foutvoorbeelden.length ? m.foutvoorbeelden : undefined,
  };
}

const gwPlafond = (g: GevalResultaat | undefined) => (g ? verhouding(g.gateway.perSeconde, g.plafond?.perSeconde) : NaN);
const getalOfNull = (x: number, d = 3) => (Number.isFinite(x) ? Number(x.toFixed(d)) : null);

const rondes = (g: GevalResultaat) => g.rondes?.map((x) => Math.round(x));

function aanvalJson(a: AanvalMeting) {
  const antwoord = a.antwoord;
  return {
    attack: a.naam,
    megabytes: Number(f(a.megabytes, 1)),
    longestHealthWaitMs: Number(f(a.langsteHealthMs, 1)),
    healthCallStillWaiting: a.healthNogOpen || undefined,
    healthCalls: a.healthAantal,
    withinThreshold: a.langsteHealthMs <= DREMPEL_MS,
    thresholdMs: DREMPEL_MS,
    answer: antwoord.soort === 'antwoord' ? { status: antwoord.status, stufCode: antwoord.code, plek: antwoord.plek } : antwoord.soort === 'afgebroken' ? 'abandoned' : { connectionError: antwoord.fout },
    seconds: Number(f(antwoord.seconden, 3)),
    peakRssMb: a.piekRssMb === undefined ? undefined : Math.round(a.piekRssMb),
    creeerZaakAfterwards: { ok: a.daarna.gelukt, answer: a.daarna.tekst },
  };
}

export function alsJson(r: Rapport) {
  return {
    date: new Date().toISOString(),
    totalSeconds: Math.round(r.seconden),
    machine: machine(),
    settings: {
      secondsPerCase: r.instellingen.seconden,
      warmupSeconds: r.instellingen.opwarmen,
      connections: r.instellingen.verbindingen,
      small: r.instellingen.klein,
      large: r.instellingen.groot,
      only: r.instellingen.alleen,
      attackCapSeconds: r.instellingen.aanvalSeconden,
      compareWith: r.instellingen.vergelijk,
      compareRounds: r.instellingen.vergelijk ? r.instellingen.rondes : undefined,
    },
    postgres: r.postgres,
    seeding: r.vullingen.map((v) => ({ backend: v.backend, zaken: v.aantal, seconds: Number(f(v.seconden, 1)), megabytes: Math.round(v.megabytes) })),
    cases: r.gevallen.map((g) => ({
      name: g.naam,
      gateway: meting(g.gateway),
      ceiling: meting(g.plafond),
      gatewayToCeiling: Number(f(verhouding(g.gateway.perSeconde, g.plafond?.perSeconde), 3)) || null,
    })),
    scaling: r.schaal && {
      small: r.schaal.klein.naam,
      large: r.schaal.groot.naam,
      requestsPerSecondLargeToSmall: Number(f(verhouding(r.schaal.groot.gateway.perSeconde, r.schaal.klein.gateway.perSeconde), 3)),
      p50LargeToSmall: Number(f(verhouding(r.schaal.groot.gateway.p50Ms, r.schaal.klein.gateway.p50Ms), 3)),
      p99LargeToSmall: Number(f(verhouding(r.schaal.groot.gateway.p99Ms, r.schaal.klein.gateway.p99Ms), 3)),
    },
    workQueue: r.werkvoorraad && {
      case: r.werkvoorraad.werkvoorraad.naam,
      against: r.werkvoorraad.details.naam,
      requestsPerSecondToDetails: getalOfNull(verhouding(r.werkvoorraad.werkvoorraad.gateway.perSeconde, r.werkvoorraad.details.gateway.perSeconde)),
      p50ToDetails: getalOfNull(verhouding(r.werkvoorraad.werkvoorraad.gateway.p50Ms, r.werkvoorraad.details.gateway.p50Ms)),
      p99ToDetails: getalOfNull(verhouding(r.werkvoorraad.werkvoorraad.gateway.p99Ms, r.werkvoorraad.details.gateway.p99Ms)),
    },
    documents: r.documenten?.map((d) => ({
      operation: d.operatie,
      transport: d.transport,
      megabytes: d.megabytes,
      seconds: Number(f(d.seconden, 3)),
      peakRssGrowthMb: Number(f(d.piekGroeiMb, 1)),
      peakRssGrowthToDocument: Number(f(d.piekGroeiRatio, 2)),
      answerBytes: d.antwoordBytes,
    })),
    notifications: r.notificaties && {
      subscribers: r.notificaties.abonnees,
      zaken: r.notificaties.zaken,
      delivered: r.notificaties.afgeleverd,
      drainSecondsAfterLoad: Number(f(r.notificaties.naloopSeconden, 1)),
    },
    attacks: r.aanvallen?.map(aanvalJson),
    journal: r.journaal && {
      textsKeptRequestsPerSecond: Number(f(r.journaal.metTekst.gateway.perSeconde, 0)),
      metadataOnlyRequestsPerSecond: Number(f(r.journaal.alleenMetadata.gateway.perSeconde, 0)),
      offRequestsPerSecond: Number(f(r.journaal.uit.gateway.perSeconde, 0)),
      textsKeptToMetadataOnly: Number(f(verhouding(r.journaal.metTekst.gateway.perSeconde, r.journaal.alleenMetadata.gateway.perSeconde), 3)),
      textsKeptToOff: Number(f(verhouding(r.journaal.metTekst.gateway.perSeconde, r.journaal.uit.gateway.perSeconde), 3)),
      metadataOnlyToOff: Number(f(verhouding(r.journaal.alleenMetadata.gateway.perSeconde, r.journaal.uit.gateway.perSeconde), 3)),
    },
    managementReport: r.managementrapport && {
      zaken: r.managementrapport.zaken,
      aloneSeconds: Number(f(r.managementrapport.alleenSeconden, 2)),
      underLoadSeconds: r.managementrapport.onderLastSeconden.map((s) => Number(f(s, 2))),
      creeerZaakWithoutRequestsPerSecond: Math.round(r.managementrapport.zonder.gateway.perSeconde),
      creeerZaakWithRequestsPerSecond: Math.round(r.managementrapport.met.gateway.perSeconde),
      roundsWithout: rondes(r.managementrapport.zonder),
      roundsWith: rondes(r.managementrapport.met),
      withToWithout: {
        requestsPerSecond: getalOfNull(verhouding(r.managementrapport.met.gateway.perSeconde, r.managementrapport.zonder.gateway.perSeconde)),
        p50: getalOfNull(verhouding(r.managementrapport.met.gateway.p50Ms, r.managementrapport.zonder.gateway.p50Ms)),
        p99: getalOfNull(verhouding(r.managementrapport.met.gateway.p99Ms, r.managementrapport.zonder.gateway.p99Ms)),
      },
      walPeakMbWithout: Number(f(r.managementrapport.walPiekMbZonder, 1)),
      walPeakMbWith: Number(f(r.managementrapport.walPiekMbMet, 1)),
      walFileMbAfter: Number(f(r.managementrapport.walBestandMbNa, 1)),
    },
    postgresToSqlite: r.backends?.map(({ sqlite, postgres }) => ({
      sqlite: sqlite.naam,
      postgres: postgres.naam,
      ...verhoudingenJson(postgres, sqlite),
    })),
    twoInstancesToOne: r.instanties?.map(({ twee, een }) => ({ two: twee.naam, one: een.naam, ...verhoudingenJson(twee, een) })),
    comparison: r.vergelijking && {
      checkout: r.vergelijking.checkout,
      commit: r.vergelijking.commit,
      ourCommit: r.vergelijking.onsCommit,
      notes: r.vergelijking.meldingen,
      cases: r.vergelijking.gevallen.map(({ ons, ander }) => ({
        name: ons.naam,
        ours: { gateway: meting(ons.gateway), roundsRequestsPerSecond: rondes(ons), ceiling: meting(ons.plafond), gatewayToCeiling: getalOfNull(gwPlafond(ons)) },
        other: ander
          ? {
              gateway: meting(ander.gateway),
              roundsRequestsPerSecond: rondes(ander),
              ceiling: ander.plafondGedeeld ? 'shared with ours' : meting(ander.plafond),
              gatewayToCeiling: getalOfNull(gwPlafond(ander)),
            }
          : 'skipped',
        oursToOtherGatewayToCeiling: getalOfNull(verhouding(gwPlafond(ons), gwPlafond(ander))),
      })),
    },
  };
}

/** a ÷ b of requests/s, p50, p99 and gateway/ceiling. */
function verhoudingen(a: GevalResultaat, b: GevalResultaat) {
  return {
    perSeconde: verhouding(a.gateway.perSeconde, b.gateway.perSeconde),
    p50: verhouding(a.gateway.p50Ms, b.gateway.p50Ms),
    p99: verhouding(a.gateway.p99Ms, b.gateway.p99Ms),
    plafond: verhouding(gwPlafond(a), gwPlafond(b)),
  };
}

function verhoudingenJson(a: GevalResultaat, b: GevalResultaat) {
  const v = verhoudingen(a, b);
  return {
    requestsPerSecond: getalOfNull(v.perSeconde),
    p50: getalOfNull(v.p50),
    p99: getalOfNull(v.p99),
    gatewayToCeiling: [getalOfNull(gwPlafond(a)), getalOfNull(gwPlafond(b))],
    gatewayToCeilingRatio: getalOfNull(v.plafond),
  };
}

/** One line of ratios: `a` ÷ `b`. */
function verhoudingRegel(naam: string, a: GevalResultaat, b: GevalResultaat): string {
  const v = verhoudingen(a, b);
  return (
    `  ${naam.padEnd(38)} req/s x${f(v.perSeconde, 3)}, p50 x${f(v.p50, 3)}, p99 x${f(v.p99, 3)}; ` +
    `gateway/ceiling ${f(gwPlafond(a), 3)} ÷ ${f(gwPlafond(b), 3)} = x${f(v.plafond, 3)}`
  );
}

export function schrijfJson(pad: string, r: Rapport): void {
  mkdirSync(dirname(pad), { recursive: true });
  writeFileSync(pad, JSON.stringify(alsJson(r), null, 2) + '\n');
}

/** One line per measurement, as soon as it is done. */
export function regel(naam: string, doel: string, m: Meting): string {
  return `  ${naam.padEnd(38)} ${doel.padEnd(13)} ${f(m.perSeconde, 0).padStart(8)} req/s  p50 ${f(m.p50Ms, 3).padStart(7)} ms  p99 ${f(m.p99Ms, 3).padStart(7)} ms  errors ${m.fouten}`;
}

export function tabel(r: Rapport): string {
  const kop = `${'case'.padEnd(38)} ${'server'.padEnd(8)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)} ${'gw/ceiling'.padStart(10)}`;
  const rijen = r.gevallen.length > 0 ? [kop, '-'.repeat(kop.length)] : [];
  const rij = (naam: string, doel: string, m: Meting, ratio = '') =>
    `${naam.padEnd(38)} ${doel.padEnd(8)} ${f(m.perSeconde, 0).padStart(8)} ${f(m.p50Ms, 3).padStart(8)} ${f(m.p99Ms, 3).padStart(8)} ${String(m.fouten).padStart(7)} ${ratio.padStart(10)}`;
  for (const g of r.gevallen) {
    rijen.push(rij(g.naam, 'gateway', g.gateway, f(verhouding(g.gateway.perSeconde, g.plafond?.perSeconde), 3)));
    if (g.plafond) rijen.push(rij('', 'ceiling', g.plafond));
  }
  if (r.gevallen.length > 0) rijen.push('');
  if (r.schaal) {
    const { klein, groot } = r.schaal;
    rijen.push(
      `${groot.naam} vs ${klein.naam}: req/s x${f(verhouding(groot.gateway.perSeconde, klein.gateway.perSeconde), 3)}, ` +
        `p50 x${f(verhouding(groot.gateway.p50Ms, klein.gateway.p50Ms), 3)}, p99 x${f(verhouding(groot.gateway.p99Ms, klein.gateway.p99Ms), 3)}`,
    );
  }
  if (r.werkvoorraad) {
    const { werkvoorraad, details } = r.werkvoorraad;
    rijen.push(
      `${werkvoorraad.naam} vs ${details.naam}: req/s x${f(verhouding(werkvoorraad.gateway.perSeconde, details.gateway.perSeconde), 3)}, ` +
        `p50 x${f(verhouding(werkvoorraad.gateway.p50Ms, details.gateway.p50Ms), 3)}, p99 x${f(verhouding(werkvoorraad.gateway.p99Ms, details.gateway.p99Ms), 3)}`,
    );
  }
  if (r.documenten?.length) {
    const kop = `${'document case'.padEnd(38)} ${'via'.padEnd(8)} ${'seconds'.padStart(8)} ${'MB/s'.padStart(8)} ${'peak RSS +MB'.padStart(13)} ${'x doc size'.padStart(10)}`;
    rijen.push(kop, '-'.repeat(kop.length));
    for (const d of r.documenten) {
      rijen.push(
        `${`${d.operatie} ${d.megabytes} MB`.padEnd(38)} ${d.transport.padEnd(8)} ${f(d.seconden, 2).padStart(8)} ${f(d.megabytes / d.seconden, 0).padStart(8)} ` +
          `${f(d.piekGroeiMb, 0).padStart(13)} ${f(d.piekGroeiRatio, 2).padStart(10)}`,
      );
    }
    rijen.push('');
  }
  if (r.vergelijking) rijen.push(...vergelijkingTabel(r.vergelijking), '');
  rijen.push(r.postgres);
  if (r.backends?.length) {
    rijen.push('PostgreSQL ÷ SQLite (same case, same run; best of the alternating rounds each):');
    for (const { sqlite, postgres } of r.backends) rijen.push(verhoudingRegel(sqlite.naam, postgres, sqlite));
  }
  if (r.instanties?.length) {
    rijen.push('two instances ÷ one on one PostgreSQL database (as many clients in all; each against its own ceiling shape):');
    for (const { twee, een } of r.instanties) rijen.push(verhoudingRegel(twee.naam.replace(/, 2 x .*/, ''), twee, een));
  }
  rijen.push('');
  if (r.aanvallen?.length) rijen.push(...aanvalTabel(r.aanvallen, r.instellingen.aanvalSeconden), '');
  if (r.journaal) {
    const { metTekst, alleenMetadata, uit } = r.journaal;
    const x = (a: GevalResultaat, b: GevalResultaat) => `x${f(verhouding(a.gateway.perSeconde, b.gateway.perSeconde), 3)}`;
    rijen.push(
      `journal cost (creeerZaak req/s, best of the alternating rounds): texts kept ${f(metTekst.gateway.perSeconde, 0)}, metadata only ${f(alleenMetadata.gateway.perSeconde, 0)}, off ${f(uit.gateway.perSeconde, 0)}`,
      `  texts ÷ metadata only ${x(metTekst, alleenMetadata)}; texts ÷ off ${x(metTekst, uit)}; metadata only ÷ off ${x(alleenMetadata, uit)}`,
      '',
    );
  }
  if (r.managementrapport) {
    const m = r.managementrapport;
    const x = verhouding(m.met.gateway.perSeconde, m.zonder.gateway.perSeconde);
    rijen.push(
      `management report on ${m.zaken} zaken: ${f(m.alleenSeconden, 1)} s alone; under load ${m.onderLastSeconden.map((s) => f(s, 1)).join(', ')} s`,
      `  creeerZaak req/s (best of the alternating rounds) with reports running ${f(m.met.gateway.perSeconde, 0)}, without ${f(m.zonder.gateway.perSeconde, 0)}: x${f(x, 3)}; ` +
        `p99 ${f(m.met.gateway.p99Ms, 3)} vs ${f(m.zonder.gateway.p99Ms, 3)} ms; WAL in use at most ${f(m.walPiekMbMet, 1)} vs ${f(m.walPiekMbZonder, 1)} MB, its file ${f(m.walBestandMbNa, 1)} MB afterwards`,
      '',
    );
  }
  if (r.notificaties) {
    const n = r.notificaties;
    rijen.push(`notifications: ${n.afgeleverd} of ${n.zaken * n.abonnees} delivered to ${n.abonnees} subscribers; outbox empty ${f(n.naloopSeconden, 1)} s after the load stopped`, '');
  }
  for (const v of r.vullingen) rijen.push(`seeding ${v.aantal} zaken (${v.backend}): ${f(v.seconden, 1)} s, ${Math.round(v.megabytes)} MB`);
  const m = machine();
  rijen.push(`machine: ${m.nproc} x ${m.cpu}, ${m.memoryGB} GB, node ${m.node}; ${r.instellingen.verbindingen} connections, ${r.instellingen.seconden} s per case; total ${f(r.seconden, 0)} s`);
  return rijen.join('\n');
}

/** Ours and the other checkout side by side, and ours ÷ theirs of gateway/ceiling (above 1: ours is closer to its ceiling). */
function vergelijkingTabel(v: Vergelijking): string[] {
  const kant = (g: GevalResultaat | undefined) =>
    g ? `${f(g.gateway.perSeconde, 0).padStart(7)} ${f(g.gateway.p50Ms, 3).padStart(7)} ${f(g.gateway.p99Ms, 3).padStart(7)} ${f(gwPlafond(g), 3).padStart(7)}` : 'skipped'.padStart(31);
  const kop1 = `${''.padEnd(38)} | ${'ours'.padEnd(31)} | ${'other'.padEnd(31)} |`;
  const kop2 = `${'case'.padEnd(38)} | ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'gw/ceil'.padStart(7)} | ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'gw/ceil'.padStart(7)} | ours÷other`;
  const rijen = [`compared with ${v.checkout} (${v.commit}); ours: ${v.onsCommit}`, ...v.meldingen.map((m) => `  ${m}`), kop1, kop2, '-'.repeat(kop2.length)];
  for (const { ons, ander } of v.gevallen) {
    rijen.push(`${ons.naam.padEnd(38)} | ${kant(ons)} | ${kant(ander)} | ${ander ? `x${f(verhouding(gwPlafond(ons), gwPlafond(ander)), 3)}` : '-'}`);
  }
  const metRondes = v.gevallen.filter((g) => g.ons.rondes && g.ander?.rondes && g.ons.rondes.length > 1);
  if (metRondes.length > 0) {
    rijen.push('(best of the alternating rounds per side; req/s of every round:)');
    for (const { ons, ander } of metRondes) rijen.push(`  ${ons.naam.padEnd(36)} ours ${rondes(ons)!.join(' ')}; other ${rondes(ander!)!.join(' ')}`);
  }
  if (v.gevallen.some((g) => g.ander?.plafondGedeeld)) rijen.push("(the other checkout's gw/ceil uses our ceiling where its answer is of the same size: ours÷other is then the ratio of req/s)");
  for (const soort of ['creeerZaak', 'geefZaakdetails']) {
    for (const { ons, ander } of v.gevallen.filter((g) => g.ons.naam.startsWith(soort))) {
      rijen.push(`${ons.naam}: gateway/ceiling ours ${f(gwPlafond(ons), 3)} ÷ other ${f(gwPlafond(ander), 3)} = x${f(verhouding(gwPlafond(ons), gwPlafond(ander)), 3)}`);
    }
  }
  return rijen;
}

function aanvalTabel(aanvallen: AanvalMeting[], capSeconden: number): string[] {
  const kop = `${'attack'.padEnd(40)} ${'size'.padStart(8)} ${'/health max ms'.padStart(14)} ${'calls'.padStart(6)} ${`verdict (${DREMPEL_MS} ms)`.padEnd(17)} ${'answer'.padEnd(30)} ${'peak RSS MB'.padStart(11)}  creeerZaak after`;
  const rijen = [kop, '-'.repeat(kop.length)];
  for (const a of aanvallen) {
    rijen.push(
      `${a.naam.padEnd(40)} ${grootte(a.megabytes).padStart(8)} ${`${a.healthNogOpen ? '>' : ''}${f(a.langsteHealthMs, 1)}`.padStart(14)} ${String(a.healthAantal).padStart(6)} ` +
        `${oordeel(a).split(' ')[0].padEnd(17)} ${antwoordTekst(a.antwoord, capSeconden).padEnd(30)} ${(a.piekRssMb === undefined ? '-' : f(a.piekRssMb, 0)).padStart(11)}  ${a.daarna.tekst}`,
    );
  }
  return rijen;
}
