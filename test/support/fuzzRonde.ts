// One round of the mutation fuzzer against one gateway (test/integration/fuzz.test.ts): every sample once as it is
// (a story, so that later mutants find zaken and documents), then N mutants, each made from (seed, stream, index)
// alone. Every message and answer is written to a directory and judged by the JDK's parser; afterwards every stored
// zaak is asked for with geefZaakdetails scope "alles" and the answers are validated with the reference validator.
// The round collects findings instead of failing at the first, so that the test can report them per rule.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { NS } from '../../src/stuf/namespaces';
import { child, parseXml } from '../../src/stuf/xml';
import { schoneFout } from './antwoorden';
import { actie, geefZaakdetails } from './dialecten';
import { Basis, basissen, bereidVoor, inVolgorde } from './fuzzBasis';
import { escapeXml, muteer, toon } from './fuzzMutaties';
import { Oordeel, oordeel } from './fuzzOrakel';
import { mutantZaad, toeval } from './fuzzToeval';
import { startGateway } from './gateway';
import { OngeldigeZaak, stuurBytes, zoekVergiftigers } from './fuzzHerhaling';
import { inEnvelope } from './soap';
import { valideerOfficieel } from './schemaValidatie';

/** The assertions of the fuzzer; each finding breaks one. */
export type Regel = 'envelope' | 'schone-fout' | 'crash' | 'geaccepteerd-ongeldig' | 'leesweigering' | 'zaak-geldig';

/** The classes of issue 13's triage: (a) reader, (b) crash/server fault for client input, (c) storage, (d) other. */
export type Klasse = 'a' | 'b' | 'c' | 'd';

export interface Bevinding {
  regel: Regel;
  klasse: Klasse;
  tekst: string;
}

export interface RondeOpties {
  /** Names the stream of mutants (lenient, strict): the same seed gives other mutants in another stream. */
  stroom: string;
  zaad: number;
  aantal: number;
  config: Record<string, unknown>;
  /** Where mutants and answers are written (kept when the round finds something). */
  map: string;
}

export interface Verzonden {
  nr: number;
  /** undefined for the unmutated first pass. */
  mutant?: number;
  basis: string;
  pad: string;
  actie?: string;
  mutaties: string[];
  bytes: Buffer;
  status: number;
  contentType: string;
  body: string;
  logFouten: string[];
}

export interface RondeUitslag {
  verzonden: Verzonden[];
  oordelen: Map<string, Oordeel>;
  zaken: number;
  bevindingen: Bevinding[];
}

/** The file of a message (in berichten/) and of its answer (in antwoorden/): the mutant's index in its name. */
export const bestandVan = (v: Pick<Verzonden, 'nr' | 'mutant'>) =>
  v.mutant === undefined ? `basis-${String(v.nr).padStart(3, '0')}.xml` : `mutant-${String(v.mutant).padStart(6, '0')}.xml`;
/** A stack trace, a source position or a file path: nothing of that belongs in an answer. */
const INTERN = /\bat \S+ \(|\.ts:\d+|\.js:\d+|node_modules|(?:^|[\s"'(=])\/(?:work|home|tmp|usr|var|root)\/|[A-Z]:\\[\w\\]/;
/** Invalid zaken whose poisoner is looked for by replay (each costs a few questions per message that names it). */
const MAX_HERHAALD = 50;
/** XML 1.0 Char: what an identification must consist of to be asked for at all. */
const XML_TEKENS = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

/** "#12 zds12/creeerZaak_ZakLk01.xml [/OntvangAsynchroon, SOAPAction …]: mutation; mutation". */
export function beschrijf(v: Verzonden, zaad: number, stroom: string): string {
  const wie = v.mutant === undefined ? `ongemuteerd bericht ${v.nr}` : `mutant ${v.mutant} (zaad ${zaad}, stroom ${stroom}, berichten/${bestandVan(v)})`;
  return `${wie}: ${v.basis} → ${v.pad}${v.actie ? ` SOAPAction ${v.actie}` : ' zonder SOAPAction'}; ${v.mutaties.join('; ')}`;
}

function foutLogger(regels: string[]) {
  const stroom = new Writable({
    write(stuk, _enc, klaar) {
      regels.push(String(stuk));
      klaar();
    },
  });
  return pino({ level: 'error' }, stroom);
}

/** What the error log says about a failure, without the stack: the type and message of the error. */
function kernVan(regel: string): string {
  try {
    const j = JSON.parse(regel) as { msg?: string; err?: { type?: string; message?: string } };
    return `${j.msg ?? ''}${j.err ? `: ${j.err.type ?? ''} ${j.err.message ?? ''}` : ''}`.slice(0, 300);
  } catch {
    return regel.slice(0, 300);
  }
}

export interface Mutant {
  basis: Basis;
  actie?: string;
  bytes: Buffer;
  mutaties: string[];
}

/** Mutant `index` of a stream: made from (seed, stream, index) and the samples alone, never from earlier mutants. */
export function maakMutant(bases: Basis[], zaad: number, stroom: string, index: number): Mutant {
  const r = toeval(mutantZaad(zaad, stroom, index));
  const basis = r.gewogen(bases);
  const voorbereid = bereidVoor(basis, r, `FUZZ-${zaad}-${stroom}-${index}`);
  const actie = r.kans(0.85) ? basis.actie : undefined;
  const g = muteer(voorbereid.envelope, r);
  return { basis, actie, bytes: g.bytes, mutaties: [...voorbereid.wat, ...g.mutaties] };
}

export async function draaiRonde(o: RondeOpties): Promise<RondeUitslag> {
  const berichten = join(o.map, 'berichten');
  const antwoorden = join(o.map, 'antwoorden');
  const zaakMap = join(o.map, 'zaken');
  for (const m of [berichten, antwoorden, zaakMap]) mkdirSync(m, { recursive: true });
  const logRegels: string[] = [];
  const gw = await startGateway(o.config, 'fuzz', foutLogger(logRegels));
  const verzonden: Verzonden[] = [];
  const bevindingen: Bevinding[] = [];
  let zaken = 0;
  try {
    const bases = basissen();
    const verstuur = async (b: Basis, actieHeader: string | undefined, bytes: Buffer, mutaties: string[], mutant?: number) => {
      const voor = logRegels.length;
      const r = await stuurBytes(gw, b.pad, actieHeader, bytes);
      const v: Verzonden = {
        nr: verzonden.length, mutant, basis: b.naam, pad: b.pad, actie: actieHeader, mutaties, bytes,
        status: r.status, contentType: r.contentType, body: r.body, logFouten: logRegels.slice(voor).map(kernVan),
      };
      writeFileSync(join(berichten, bestandVan(v)), bytes);
      writeFileSync(join(antwoorden, bestandVan(v)), r.ruw);
      verzonden.push(v);
    };

    for (const b of inVolgorde(bases)) {
      const ref = `FUZZ-${o.zaad}-${o.stroom}-basis-${verzonden.length}`;
      const xml = b.envelope.replace(/(<StUF:referentienummer>)[^<]*(<\/StUF:referentienummer>)/g, `$1${ref}$2`);
      await verstuur(b, b.actie, Buffer.from(xml, 'utf8'), ['(ongemuteerd)']);
    }
    for (let i = 0; i < o.aantal; i++) {
      const m = maakMutant(bases, o.zaad, o.stroom, i);
      await verstuur(m.basis, m.actie, m.bytes, m.mutaties, i);
    }

    // Every stored zaak, asked for in full.
    const ids = (await gw.app.gateway.store.sql.alle<{ identificatie: string }>('SELECT identificatie FROM zaak ORDER BY id')).map((z) => z.identificatie);
    zaken = ids.length;
    const zaakBestanden = new Map<string, string>();
    const zaakAntwoorden = new Map<string, string>();
    for (const [n, id] of ids.entries()) {
      if (!XML_TEKENS.test(id)) {
        bevindingen.push({ regel: 'zaak-geldig', klasse: 'c', tekst: `zaak ${toon(id)} is opgeslagen met een identificatie die XML niet kan dragen; geen vraag kan haar noemen. ${verdachten(verzonden, id, '')}` });
        continue;
      }
      const voor = logRegels.length;
      const r = await gw.stuur(inEnvelope(geefZaakdetails('zds12', escapeXml(id))), { pad: '/BeantwoordVraag', actie: actie('zds12', 'geefZaakdetails') });
      const crash = logRegels.slice(voor).map(kernVan);
      if (r.status !== 200) {
        const klasse: Klasse = crash.length || /Interne fout/.test(r.body) ? 'b' : 'c';
        bevindingen.push({ regel: 'zaak-geldig', klasse, tekst: `geefZaakdetails van zaak ${toon(id)} geeft HTTP ${r.status}: ${foutSamenvatting(r.body)}${crash.length ? ` (log: ${crash.join(' | ')})` : ''}. ${verdachten(verzonden, id, r.body)}` });
        continue;
      }
      if (!/<(?:\w+:)?object[\s>]/.test(r.body)) {
        bevindingen.push({ regel: 'zaak-geldig', klasse: 'd', tekst: `geefZaakdetails van opgeslagen zaak ${toon(id)} vindt haar niet (La01 zonder antwoord). ${verdachten(verzonden, id, '')}` });
        continue;
      }
      const f = join(zaakMap, `z${String(n).padStart(5, '0')}.xml`);
      writeFileSync(f, r.body);
      zaakBestanden.set(f, id);
      zaakAntwoorden.set(id, r.body);
    }
    // The reference validator and the oracle, both JVMs at once.
    const [uitslag, oordelen] = await Promise.all([
      zaakBestanden.size ? valideerOfficieel([...zaakBestanden.keys()]) : Promise.resolve({ geldig: 0, ongeldig: [] }),
      oordeel([berichten, antwoorden]),
    ]);
    const ongeldig = uitslag.ongeldig.map((blok) => {
      const f = [...zaakBestanden.keys()].find((k) => blok.split('\n')[0].includes(k));
      const id = f ? zaakBestanden.get(f)! : '?';
      const antwoord = zaakAntwoorden.get(id) ?? '';
      const bsns = [...new Set([...antwoord.matchAll(/inp\.bsn[^>]*>([^<]*)</g)].map((m) => m[1]).filter((b) => b.trim()))];
      return { id, bsns, klachten: blok.split('\n').slice(1) };
    });
    // Which message poisoned each invalid zaak: replayed on a fresh gateway, checked after every message that names it.
    const daders = ongeldig.length ? await zoekVergiftigers(o.config, verzonden, ongeldig.slice(0, MAX_HERHAALD) as OngeldigeZaak[], join(o.map, 'herhaling')) : new Map();
    for (const z of ongeldig) {
      const fouten = z.klachten.slice(0, 3).map((s) => s.trim().slice(0, 240)).join(' | ');
      const dader = daders.get(z.id);
      const v = dader && 'nr' in dader ? verzonden[dader.nr] : undefined;
      const wie = v
        ? `Vergiftigd door ${beschrijf(v, o.zaad, o.stroom)} (bij herhaling op een verse gateway is de zaak daarna ongeldig).`
        : `${dader && 'niet' in dader ? `Geen dader gevonden: ${dader.niet}. ` : ''}${verdachten(verzonden, z.id, zaakAntwoorden.get(z.id) ?? '', z.klachten.join('\n'))}`;
      bevindingen.push({ regel: 'zaak-geldig', klasse: 'c', tekst: `geefZaakdetails (scope alles) van zaak ${toon(z.id)} is niet schemageldig: ${fouten}. ${wie}` });
    }
    for (const v of verzonden) bevindingen.push(...beoordeel(v, oordelen, o));
    writeFileSync(join(o.map, 'bevindingen.txt'), bevindingen.map((b) => `[${b.regel}] (${b.klasse}) ${b.tekst}\n`).join(''));
    return { verzonden, oordelen, zaken, bevindingen };
  } finally {
    await gw.sluit();
  }
}

function foutSamenvatting(body: string): string {
  const code = /<(?:\w+:)?code>([^<]*)</.exec(body)?.[1];
  const plek = /<(?:\w+:)?plek>([^<]*)</.exec(body)?.[1];
  const details = /<(?:\w+:)?details>([^<]*)</.exec(body)?.[1];
  return code ? `${code} ${plek ?? ''} ${toon(details ?? '')}` : toon(body.slice(0, 200));
}

/**
 * The accepted messages most likely to have poisoned this zaak: those whose mutations name what the validator
 * complains about (an element, a value) come first, then those that name the zaak, then those that name one of the
 * persons in its answer (a person record is shared by every zaak that names it); the latest first within each.
 */
function verdachten(verzonden: Verzonden[], id: string, antwoord: string, klachten = ''): string {
  const bsns = [...new Set([...antwoord.matchAll(/inp\.bsn[^>]*>([^<]*)</g)].map((m) => m[1]).filter((b) => b.trim()))];
  const namen = [...new Set([...klachten.matchAll(/[Ee]lement '(?:\{"[^"]*":)?(?:[\w]+:)?([^'}]+)\}?'/g)].map((m) => m[1]))];
  const waarden = [...klachten.matchAll(/Value '([^']+)'/g)].map((m) => m[1]);
  const noemt = (v: Verzonden, s: string) => v.bytes.includes(Buffer.from(s));
  const score = (v: Verzonden) => {
    const mutaties = v.mutaties.join(' ');
    return (namen.some((n) => mutaties.includes(n)) || waarden.some((w) => noemt(v, `>${w}<`)) ? 4 : 0) + (noemt(v, `>${id}<`) ? 2 : 0) + (bsns.some((b) => noemt(v, `>${b}<`)) ? 1 : 0);
  };
  const lijst = verzonden
    .filter((v) => v.status === 200 && v.pad !== '/BeantwoordVraag')
    .map((v) => ({ v, s: score(v) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || b.v.nr - a.v.nr)
    .slice(0, 4)
    .map((x) => x.v);
  if (!lijst.length) return 'Geen geaccepteerd bericht noemt deze zaak of haar personen.';
  return `Verdacht (geaccepteerd; noemt ${[namen.length ? namen.join('/') : '', 'de zaak', bsns.length ? `BSN ${bsns.join('/')}` : ''].filter(Boolean).join(' of ')}): ` +
    lijst.map((v) => `[${v.mutant === undefined ? `basis ${v.nr}` : `mutant ${v.mutant}`}: ${v.basis}; ${v.mutaties.join('; ')}]`).join(' ');
}

/** The checks on one message and its answer. */
function beoordeel(v: Verzonden, oordelen: Map<string, Oordeel>, o: RondeOpties): Bevinding[] {
  const uit: Bevinding[] = [];
  const wie = beschrijf(v, o.zaad, o.stroom);
  const invoer = oordelen.get(`berichten/${bestandVan(v)}`);
  const antwoord = oordelen.get(`antwoorden/${bestandVan(v)}`);
  const ontoelaatbaar = invoer && invoer.soort !== 'OK';
  const waarom = invoer?.soort === 'FOUT' ? `JDK: ${invoer.reden}` : invoer?.soort === 'DOCTYPE' ? 'JDK: welgevormd, maar met DOCTYPE' : '';

  // Every answer is a well-formed SOAP envelope.
  let envelopeGoed = antwoord?.soort === 'OK' && /^(text\/xml|application\/soap\+xml)/.test(v.contentType);
  if (envelopeGoed) {
    try {
      const env = parseXml(v.body);
      envelopeGoed = env.local === 'Envelope' && (env.ns === NS.soap11 || env.ns === NS.soap12) && !!child(env, 'Body', env.ns);
    } catch {
      envelopeGoed = false;
    }
  }
  if (!envelopeGoed) {
    const reden = antwoord?.soort === 'FOUT' ? antwoord.reden : antwoord?.soort ?? 'niet beoordeeld';
    uit.push({ regel: 'envelope', klasse: 'd', tekst: `${wie} → HTTP ${v.status} ${v.contentType}: geen welgevormde SOAP-envelope (${reden}): ${toon(v.body.slice(0, 120))}` });
  }

  const log = v.logFouten.length ? ` (log: ${v.logFouten.join(' | ')})` : '';
  const intern = /Interne fout/.test(v.body);
  if (log && !intern) uit.push({ regel: 'crash', klasse: 'b', tekst: `${wie} → HTTP ${v.status}, maar een interne fout in het log${log}` });

  if (v.status === 200) {
    if (ontoelaatbaar) {
      const wat = /<(?:\w+:)?Body[^>]*>\s*<(?:[\w.-]+:)?([\w.-]+)/.exec(v.body)?.[1] ?? '?';
      uit.push({ regel: 'geaccepteerd-ongeldig', klasse: 'a', tekst: `${wie} → HTTP 200 ${wat}, maar het bericht is niet toelaatbaar (${waarom})` });
    }
    return uit;
  }
  if (!envelopeGoed) return uit;

  // A refusal: a clean StUF fault.
  let fout: ReturnType<typeof schoneFout> | undefined;
  try {
    fout = schoneFout({ status: v.status, body: v.body, headers: { 'content-type': v.contentType } });
  } catch (e) {
    const kern = String((e as Error).message ?? e).split('\n').filter((s) => s.trim()).slice(0, 4).join(' ');
    uit.push({ regel: 'schone-fout', klasse: INTERN.test(v.body) ? 'b' : 'd', tekst: `${wie} → geen schone StUF-fout: ${kern}` });
  }
  if (INTERN.test(v.body)) uit.push({ regel: 'schone-fout', klasse: 'b', tekst: `${wie} → fout bevat een stacktrace of pad: ${toon(INTERN.exec(v.body)![0])}` });
  if (!fout) return uit;
  if (intern) {
    uit.push({ regel: 'crash', klasse: 'b', tekst: `${wie} → ${fout.soort} ${fout.code} ${fout.plek}: ${toon(fout.details ?? '')}${log}${ontoelaatbaar ? ` (${waarom})` : ''}` });
  } else if (ontoelaatbaar && (fout.code !== 'StUF055' || fout.plek !== 'client')) {
    // Refused, but not by the reader: it read the message and an operation refused it.
    uit.push({
      regel: 'leesweigering', klasse: 'a',
      tekst: `${wie} → ${fout.soort} ${fout.code} ${fout.plek}: ${toon(fout.details ?? '')}; verwacht StUF055 client (${waarom})`,
    });
  }
  return uit;
}
