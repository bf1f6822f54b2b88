// The one XML reader for every message: a single strict, namespace-aware pass (saxes) that builds the element tree
// and refuses, at the first offence and without building further, anything not well-formed, a DOCTYPE, entity
// references other than the five predefined ones, characters XML 1.0 forbids, and anything over the limits.
// saxes was chosen because it is a conformance-first parser (used by jsdom): well-formedness errors are errors, not
// warnings; namespaces are checked; it parses in one pass with cost linear in the input and can be fed in chunks.
import { SaxesParser, SaxesTagNS } from 'saxes';
import type { XAttr, XElement } from './xmlBoom';

export class XmlSyntaxError extends Error {}

export interface Leeslimieten {
  maxDiepte: number;
  maxElementen: number;
  maxAttributen: number;
  maxNaamLengte: number;
  /** Characters in a text node or attribute value outside document content (inhoud). */
  maxTekstLengte: number;
}

/** The configuration's defaults (config.ts `invoer`), for callers without a configuration (tests, tools). */
export const STANDAARD_LIMIETEN: Leeslimieten = { maxDiepte: 100, maxElementen: 100_000, maxAttributen: 64, maxNaamLengte: 256, maxTekstLengte: 1024 * 1024 };

/** Text the reader hands to saxes at a time; between slices a long message lets other requests run. */
const STUK = 256 * 1024;

const XMLNS = 'http://www.w3.org/2000/xmlns/';

/** Where a limit is refused: the fault's details name the configuration key, so an operator knows what to raise. */
const overLimiet = (wat: string, sleutel: keyof Leeslimieten, waarde: number) =>
  new XmlSyntaxError(`${wat} is groter dan de limiet invoer.${sleutel} = ${waarde}`);

interface Open {
  e: XElement;
  tekst: string[];
  /** Document content is exempt from the text limit: it is bounded by the body limit alone. */
  isInhoud: boolean;
}

class Lezer {
  private readonly sax = new SaxesParser({ xmlns: true, position: true });
  private readonly open: Open[] = [];
  private wortel: XElement | undefined;
  private elementen = 0;
  private attributen = 0;

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
    });
    sax.on('opentag', (tag) => this.openElement(tag as SaxesTagNS));
    sax.on('text', (t) => this.tekst(t));
    sax.on('cdata', (t) => this.tekst(t));
    sax.on('closetag', () => {
      const o = this.open.pop()!;
      if (o.tekst.length) o.e.text = (o.tekst.length === 1 ? o.tekst[0] : o.tekst.join('')).trim();
    });
  }

  private openElement(tag: SaxesTagNS): void {
    const attrs: XAttr[] = [];
    for (const naam in tag.attributes) {
      const a = tag.attributes[naam];
      if (a.uri === XMLNS) continue; // namespace declarations are resolved, not kept
      attrs.push({ ns: a.uri, local: a.local, value: a.value });
    }
    const e: XElement = { ns: tag.uri, local: tag.local, attrs, children: [], text: '' };
    const ouder = this.open[this.open.length - 1];
    if (ouder) ouder.e.children.push(e);
    else this.wortel = e;
    this.open.push({ e, tekst: [], isInhoud: tag.local === 'inhoud' }); // saxes closes a self-closing tag too
  }

  private tekst(t: string): void {
    const o = this.open[this.open.length - 1];
    if (!o) return; // whitespace around the root (saxes refuses anything else there)
    o.tekst.push(t);
    if (!o.isInhoud && t.length > this.l.maxTekstLengte) throw overLimiet('een tekst', 'maxTekstLengte', this.l.maxTekstLengte);
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
}

/** saxes reports "line:column: message"; the fault says it in the integrator's terms. */
function alsSyntaxFout(e: unknown): unknown {
  if (e instanceof XmlSyntaxError || !(e instanceof Error)) return e;
  if (/doctype/i.test(e.message)) return new XmlSyntaxError('DOCTYPE is niet toegestaan');
  const m = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(e.message);
  return new XmlSyntaxError(m ? `XML is niet well-formed (regel ${m[1]}, kolom ${m[2]}): ${m[3]}` : `XML is niet well-formed: ${e.message}`);
}

/** Parses a whole document at once: for small texts (our own stored answers, a partner's answer, tests). */
export function parseXml(source: string, limieten: Leeslimieten = STANDAARD_LIMIETEN): XElement {
  try {
    const lezer = new Lezer(limieten);
    for (let i = 0; i < source.length; i += STUK) lezer.schrijf(source.slice(i, i + STUK));
    return lezer.einde();
  } catch (e) {
    throw alsSyntaxFout(e);
  }
}

const beurt = () => new Promise<void>((r) => setImmediate(r));

/** Parses a request: a long one in slices, yielding between them, so that one large body never stalls the others. */
export async function leesXml(source: string, limieten: Leeslimieten): Promise<XElement> {
  if (source.length <= STUK) return parseXml(source, limieten);
  try {
    const lezer = new Lezer(limieten);
    for (let i = 0; i < source.length; i += STUK) {
      if (i > 0) await beurt();
      lezer.schrijf(source.slice(i, i + STUK));
    }
    return lezer.einde();
  } catch (e) {
    throw alsSyntaxFout(e);
  }
}
