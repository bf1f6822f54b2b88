// The one XML reader for every message: a single strict, namespace-aware pass (saxes) that builds the element tree
// and refuses, at the first offence and without building further, anything not well-formed, a DOCTYPE, entity
// references other than the five predefined ones, characters XML 1.0 forbids, and anything over the limits.
// saxes was chosen because it is a conformance-first parser (used by jsdom): well-formedness errors are errors, not
// warnings; namespaces are checked; it parses in one pass with cost linear in the input and can be fed in chunks.
import { SaxesParser } from 'saxes';
import type { XAttr, XElement } from './xmlBoom';

export class XmlSyntaxError extends Error {}

export interface Leeslimieten {
  maxDiepte: number;
  maxElementen: number;
  maxAttributen: number;
  maxNaamLengte: number;
  /** Characters in a text node or attribute value outside document content (inhoud). */
  maxTekstLengte: number;
  /** Characters of all text nodes and attribute values together, document content excepted. */
  maxTekstTotaal: number;
}

/** The configuration's defaults (config.ts `invoer`), for callers without a configuration (tests, tools). */
export const STANDAARD_LIMIETEN: Leeslimieten = { maxDiepte: 100, maxElementen: 100_000, maxAttributen: 64, maxNaamLengte: 256, maxTekstLengte: 1024 * 1024, maxTekstTotaal: 4 * 1024 * 1024 };

/** Text the reader hands to saxes at a time; between slices a long message lets other requests run. */
const STUK = 256 * 1024;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Where a limit is refused: the fault's details name the configuration key, so an operator knows what to raise. */
const overLimiet = (wat: string, sleutel: keyof Leeslimieten, waarde: number) =>
  new XmlSyntaxError(`${wat} is groter dan de limiet invoer.${sleutel} = ${waarde}`);

/** A refusal of the reader's own rules (namespaces), said like saxes' well-formedness errors. */
class NamespaceFout extends Error {}

/** Prefix → namespace URI in scope; a child scope is a copy made only where an element declares something. */
type Bereik = Map<string, string>;
const WORTELBEREIK: Bereik = new Map([['xml', XML_NS]]);

interface Open {
  e: XElement;
  bereik: Bereik;
  tekst: string[];
  /** Document content is exempt from the text limit: it is bounded by the body limit alone. */
  isInhoud: boolean;
}

/** Splits a QName; more than one colon, or an empty prefix or local part, is not a QName (Namespaces in XML §3). */
function splits(naam: string): [string, string] {
  const i = naam.indexOf(':');
  if (i < 0) return ['', naam];
  if (i === 0 || i === naam.length - 1 || naam.indexOf(':', i + 1) >= 0) throw new NamespaceFout(`'${naam}' is geen geldige gekwalificeerde naam`);
  return [naam.slice(0, i), naam.slice(i + 1)];
}

/** The scope of an element: its namespace declarations checked (Namespaces in XML 1.0 §3) and added to its parent's. */
function bereikVan(ouder: Bereik, attrs: Record<string, string>): Bereik {
  let bereik = ouder;
  for (const naam in attrs) {
    if (naam.charCodeAt(0) !== 0x78 /* x */ || !(naam === 'xmlns' || naam.startsWith('xmlns:'))) continue;
    const uri = attrs[naam];
    const prefix = naam === 'xmlns' ? '' : splits(naam)[1];
    if (prefix === 'xmlns') throw new NamespaceFout('de prefix xmlns mag niet gedeclareerd worden');
    if ((prefix === 'xml') !== (uri === XML_NS)) throw new NamespaceFout('de prefix xml hoort alleen bij de XML-namespace, en omgekeerd');
    if (uri === XMLNS_NS) throw new NamespaceFout('de xmlns-namespace mag niet aan een prefix gebonden worden');
    if (prefix !== '' && uri === '') throw new NamespaceFout(`xmlns:${prefix}="" is in XML 1.0 niet toegestaan`);
    if (bereik === ouder) bereik = new Map(ouder);
    bereik.set(prefix, uri);
  }
  return bereik;
}

function namespaceVan(bereik: Bereik, prefix: string, naam: string): string {
  const uri = bereik.get(prefix);
  if (uri === undefined) {
    if (prefix === '') return '';
    throw new NamespaceFout(`namespace-prefix '${prefix}' van ${naam} is niet gedeclareerd`);
  }
  return uri;
}

class Lezer {
  // Namespaces are resolved here, not by saxes: one map lookup per name instead of its per-tag bookkeeping.
  private readonly sax = new SaxesParser({ position: false });
  private readonly open: Open[] = [];
  private wortel: XElement | undefined;
  private elementen = 0;
  private attributen = 0;
  /** Text and attribute characters so far: what every later step (hash, storage, answers) will walk again. */
  private tekens = 0;

  constructor(private readonly l: Leeslimieten) {
    const sax = this.sax;
    sax.on('xmldecl', (d) => {
      if (d.version !== '1.0') throw new XmlSyntaxError(`XML-versie '${d.version ?? ''}' wordt niet ondersteund; alleen XML 1.0`);
    });
    sax.on('doctype', () => {
      throw new XmlSyntaxError('DOCTYPE is niet toegestaan');
    });
    sax.on('opentagstart', (tag) => {
      if (this.open.length >= l.maxDiepte) throw overLimiet('de nesting van elementen', 'maxDiepte', l.maxDiepte);
      if (++this.elementen > l.maxElementen) throw overLimiet('het aantal elementen', 'maxElementen', l.maxElementen);
      if (tag.name.length > l.maxNaamLengte) throw overLimiet('een elementnaam', 'maxNaamLengte', l.maxNaamLengte);
      this.attributen = 0;
    });
    sax.on('attribute', (a) => {
      if (++this.attributen > l.maxAttributen) throw overLimiet('het aantal attributen van een element', 'maxAttributen', l.maxAttributen);
      if (a.name.length > l.maxNaamLengte) throw overLimiet('een attribuutnaam', 'maxNaamLengte', l.maxNaamLengte);
      if (a.value.length > l.maxTekstLengte) throw overLimiet('een attribuutwaarde', 'maxTekstLengte', l.maxTekstLengte);
      this.telTekens(a.value.length);
    });
    sax.on('opentag', (tag) => this.openElement(tag.name, tag.attributes as Record<string, string>));
    sax.on('text', (t) => this.tekst(t));
    sax.on('cdata', (t) => this.tekst(t));
    sax.on('closetag', () => {
      const o = this.open.pop()!;
      if (o.tekst.length) o.e.text = (o.tekst.length === 1 ? o.tekst[0] : o.tekst.join('')).trim();
    });
  }

  private openElement(naam: string, ruw: Record<string, string>): void {
    const ouder = this.open[this.open.length - 1];
    const bereik = bereikVan(ouder?.bereik ?? WORTELBEREIK, ruw);
    const [prefix, local] = splits(naam);
    if (prefix === 'xmlns') throw new NamespaceFout(`element ${naam}: de prefix xmlns is voor declaraties`);
    const attrs: XAttr[] = [];
    let gezien: Set<string> | undefined;
    for (const an in ruw) {
      if (an.charCodeAt(0) === 0x78 && (an === 'xmlns' || an.startsWith('xmlns:'))) continue; // resolved, not kept
      const [ap, al] = splits(an);
      // An unprefixed attribute has no namespace; the default namespace is for elements only.
      const ans = ap === '' ? '' : namespaceVan(bereik, ap, an);
      if (ap !== '') {
        // p:a and q:a with p and q bound to one URI are the same attribute (Namespaces in XML §6.3).
        gezien ??= new Set();
        const sleutel = `${ans} ${al}`;
        if (gezien.has(sleutel)) throw new NamespaceFout(`attribuut {${ans}}${al} komt twee keer voor`);
        gezien.add(sleutel);
      }
      attrs.push({ ns: ans, local: al, value: ruw[an] });
    }
    const e: XElement = { ns: namespaceVan(bereik, prefix, naam), local, attrs, children: [], text: '' };
    if (ouder) ouder.e.children.push(e);
    else this.wortel = e;
    this.open.push({ e, bereik, tekst: [], isInhoud: local === 'inhoud' }); // saxes closes a self-closing tag too
  }

  private tekst(t: string): void {
    const o = this.open[this.open.length - 1];
    if (!o) return; // whitespace around the root (saxes refuses anything else there)
    o.tekst.push(t);
    if (o.isInhoud) return;
    if (t.length > this.l.maxTekstLengte) throw overLimiet('een tekst', 'maxTekstLengte', this.l.maxTekstLengte);
    this.telTekens(t.length);
  }

  private telTekens(n: number): void {
    this.tekens += n;
    if (this.tekens > this.l.maxTekstTotaal) throw overLimiet('alle tekst van het bericht samen', 'maxTekstTotaal', this.l.maxTekstTotaal);
  }

  /** Feeds one slice. saxes accumulates a name, text or comment across slices: that growth is bounded here too. */
  schrijf(stuk: string): void {
    this.sax.write(stuk);
    const sax = this.sax as unknown as { text: string; name: string };
    const o = this.open[this.open.length - 1];
    if (sax.text.length > this.l.maxTekstLengte && !o?.isInhoud) throw overLimiet('een tekst', 'maxTekstLengte', this.l.maxTekstLengte);
    if (sax.name.length > this.l.maxNaamLengte) throw overLimiet('een naam', 'maxNaamLengte', this.l.maxNaamLengte);
  }

  einde(): XElement {
    this.sax.close();
    return this.wortel!;
  }

  /** Where in the document the reader stopped (saxes keeps the offset even without line tracking). */
  get positie(): number {
    return this.sax.position;
  }
}

/** Line and column of an offset, counted only when a refusal needs them. */
function regelKolom(source: string, positie: number): string {
  let regel = 1;
  let begin = 0;
  for (let i = source.indexOf('\n'); i >= 0 && i < positie; i = source.indexOf('\n', i + 1)) {
    regel++;
    begin = i + 1;
  }
  return `regel ${regel}, kolom ${positie - begin + 1}`;
}

/** saxes' and our own refusals said in the integrator's terms, with where the reader stopped. */
function alsSyntaxFout(e: unknown, source: string, lezer: Lezer): unknown {
  if (e instanceof XmlSyntaxError || !(e instanceof Error)) return e;
  if (/doctype/i.test(e.message)) return new XmlSyntaxError('DOCTYPE is niet toegestaan');
  const tekst = e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '');
  return new XmlSyntaxError(`XML is niet well-formed (${regelKolom(source, lezer.positie)}): ${tekst}`);
}

/** Parses a whole document at once: for small texts (our own stored answers, a partner's answer, tests). */
export function parseXml(source: string, limieten: Leeslimieten = STANDAARD_LIMIETEN): XElement {
  const lezer = new Lezer(limieten);
  try {
    for (let i = 0; i < source.length; i += STUK) lezer.schrijf(source.slice(i, i + STUK));
    return lezer.einde();
  } catch (e) {
    throw alsSyntaxFout(e, source, lezer);
  }
}

const beurt = () => new Promise<void>((r) => setImmediate(r));

/** Parses a request: a long one in slices, yielding between them, so that one large body never stalls the others. */
export async function leesXml(source: string, limieten: Leeslimieten): Promise<XElement> {
  if (source.length <= STUK) return parseXml(source, limieten);
  const lezer = new Lezer(limieten);
  try {
    for (let i = 0; i < source.length; i += STUK) {
      if (i > 0) await beurt();
      lezer.schrijf(source.slice(i, i + STUK));
    }
    return lezer.einde();
  } catch (e) {
    throw alsSyntaxFout(e, source, lezer);
  }
}
