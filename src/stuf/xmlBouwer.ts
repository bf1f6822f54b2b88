// Building the element tree from a reader's events, the same for both of the reader's engines (xmlLezer.ts): the
// limits, checked as each element, attribute and text arrives, and the namespaces, resolved and checked as
// Namespaces in XML 1.0 prescribes (our own code: one map lookup per name).
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
export const STANDAARD_LIMIETEN: Leeslimieten = {
  maxDiepte: 100, maxElementen: 100_000, maxAttributen: 64, maxNaamLengte: 256, maxTekstLengte: 1024 * 1024, maxTekstTotaal: 4 * 1024 * 1024,
};

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Where a limit is refused: the fault's details name the configuration key, so an operator knows what to raise. */
export const overLimiet = (wat: string, sleutel: keyof Leeslimieten, waarde: number) =>
  new XmlSyntaxError(`${wat} is groter dan de limiet invoer.${sleutel} = ${waarde}`);

/** A refusal of the namespace rules; the reader adds where it stopped. */
export class NamespaceFout extends Error {}

/** Prefix → namespace URI in scope; a child scope is a copy made only where an element declares something. */
type Bereik = Map<string, string>;
const WORTELBEREIK: Bereik = new Map([['xml', XML_NS]]);

const isDeclaratie = (naam: string) => naam.charCodeAt(0) === 0x78 /* x */ && (naam === 'xmlns' || naam.startsWith('xmlns:'));

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
    if (!isDeclaratie(naam)) continue;
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

interface Open {
  e: XElement;
  bereik: Bereik;
  tekst: string[];
  /** Document content is exempt from the text limits: it is bounded by the body limit alone. */
  isInhoud: boolean;
}

/** Receives begin (a start tag's name), attribuut (each, as read), open (the whole tag), tekst and sluit. */
export class Bouwer {
  private readonly open: Open[] = [];
  wortel: XElement | undefined;
  private elementen = 0;
  private attributen = 0;
  /** Text and attribute characters so far: what every later step (hash, storage, answers) will walk again. */
  private tekens = 0;

  constructor(private readonly l: Leeslimieten) {}

  get diepte(): number {
    return this.open.length;
  }

  /** Whether text now arriving belongs to document content (for limits a reader checks while text accumulates). */
  get inInhoud(): boolean {
    return this.open[this.open.length - 1]?.isInhoud ?? false;
  }

  begin(naam: string): void {
    const l = this.l;
    if (this.open.length >= l.maxDiepte) throw overLimiet('de nesting van elementen', 'maxDiepte', l.maxDiepte);
    if (++this.elementen > l.maxElementen) throw overLimiet('het aantal elementen', 'maxElementen', l.maxElementen);
    if (naam.length > l.maxNaamLengte) throw overLimiet('een elementnaam', 'maxNaamLengte', l.maxNaamLengte);
    this.attributen = 0;
  }

  attribuut(naam: string, waarde: string): void {
    const l = this.l;
    if (++this.attributen > l.maxAttributen) throw overLimiet('het aantal attributen van een element', 'maxAttributen', l.maxAttributen);
    if (naam.length > l.maxNaamLengte) throw overLimiet('een attribuutnaam', 'maxNaamLengte', l.maxNaamLengte);
    if (waarde.length > l.maxTekstLengte) throw overLimiet('een attribuutwaarde', 'maxTekstLengte', l.maxTekstLengte);
    this.telTekens(waarde.length);
  }

  openElement(naam: string, ruw: Record<string, string>): void {
    const ouder = this.open[this.open.length - 1];
    const bereik = bereikVan(ouder?.bereik ?? WORTELBEREIK, ruw);
    const [prefix, local] = splits(naam);
    if (prefix === 'xmlns') throw new NamespaceFout(`element ${naam}: de prefix xmlns is voor declaraties`);
    const attrs: XAttr[] = [];
    let gezien: Set<string> | undefined;
    for (const an in ruw) {
      if (isDeclaratie(an)) continue; // resolved, not kept
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
    this.open.push({ e, bereik, tekst: [], isInhoud: local === 'inhoud' });
  }

  tekst(t: string): void {
    const o = this.open[this.open.length - 1];
    if (!o) return; // whitespace around the root (the engines refuse anything else there)
    o.tekst.push(t);
    if (o.isInhoud) return;
    if (t.length > this.l.maxTekstLengte) throw overLimiet('een tekst', 'maxTekstLengte', this.l.maxTekstLengte);
    this.telTekens(t.length);
  }

  sluit(): void {
    const o = this.open.pop()!;
    if (o.tekst.length) o.e.text = (o.tekst.length === 1 ? o.tekst[0] : o.tekst.join('')).trim();
  }

  private telTekens(n: number): void {
    this.tekens += n;
    if (this.tekens > this.l.maxTekstTotaal) throw overLimiet('alle tekst van het bericht samen', 'maxTekstTotaal', this.l.maxTekstTotaal);
  }
}
