// The one XML reader for every message: strict and namespace-aware, one pass, refusing at the first offence anything
// not well-formed, a DOCTYPE, entity references other than the five predefined ones, characters XML 1.0 forbids,
// another XML version than 1.0, and anything over the limits. Two maintained, conformance-first parsers do the
// reading, each where it is best, and feed one tree builder (xmlBouwer.ts: limits and namespaces), so the contract
// is the same whichever reads:
// - @rgrove/parse-xml reads an ordinary message (up to STUK characters) at once: about three times faster than
//   saxes, which matters because reading is a quarter of the work of a creeerZaak. So small a text bounds its cost.
// - saxes reads a longer one as a stream, in slices with a turn of the event loop between them, and the builder
//   refuses at the first limit passed, so a large body costs time linear in its size and never stalls the others.
import { SaxesParser } from 'saxes';
import { XmlDeclaration, XmlDocument, XmlDocumentType, XmlElement, XmlError, XmlText, parseXml as leesDocument } from '@rgrove/parse-xml';
import type { XElement } from './xmlBoom';
import { Bouwer, Leeslimieten, STANDAARD_LIMIETEN, XmlSyntaxError, overLimiet } from './xmlBouwer';

export { STANDAARD_LIMIETEN, XmlSyntaxError } from './xmlBouwer';
export type { Leeslimieten } from './xmlBouwer';

/** Up to this many characters a message is read at once; a longer one in slices of this size. */
const STUK = 256 * 1024;

const versieFout = (versie: string | undefined) => new XmlSyntaxError(`XML-versie '${versie ?? ''}' wordt niet ondersteund; alleen XML 1.0`);
const doctypeFout = () => new XmlSyntaxError('DOCTYPE is niet toegestaan');
const nietWelgevormd = (waar: string, tekst: string) => new XmlSyntaxError(`XML is niet well-formed${waar ? ` (${waar})` : ''}: ${tekst}`);

// ---- at once: @rgrove/parse-xml -----------------------------------------------------------------------------------

function bouw(b: Bouwer, x: XmlElement): void {
  b.begin(x.name);
  const attrs = x.attributes;
  for (const naam in attrs) b.attribuut(naam, attrs[naam]);
  b.openElement(x.name, attrs);
  for (const c of x.children) {
    if (c instanceof XmlElement) bouw(b, c);
    else if (c instanceof XmlText) b.tekst(c.text); // CDATA too; comments and processing instructions are not content
  }
  b.sluit();
}

function leesInEens(source: string, l: Leeslimieten): XElement {
  let doc: XmlDocument;
  // An undefined entity is noted rather than thrown at once, so that one declared in a DOCTYPE is refused as a DOCTYPE.
  let onbekendeEntiteit: string | undefined;
  try {
    doc = leesDocument(source, {
      preserveDocumentType: true,
      preserveXmlDeclaration: true,
      resolveUndefinedEntity: (ref) => {
        onbekendeEntiteit ??= ref;
        return '?'; // refused below; an empty string would read as nothing consumed
      },
    });
  } catch (e) {
    if (e instanceof XmlError) {
      // Its message goes on with an excerpt of the text, which may hold personal data: only the first line is used.
      if (source.includes('<!DOCTYPE')) throw doctypeFout();
      throw nietWelgevormd(`regel ${e.line}, kolom ${e.column}`, e.message.split('\n', 1)[0].replace(/ \(line \d+, column \d+\)$/, ''));
    }
    // The parser descends recursively: nesting deep enough to exhaust the stack is far past any depth limit.
    if (e instanceof RangeError) throw overLimiet('de nesting van elementen', 'maxDiepte', l.maxDiepte);
    throw e;
  }
  for (const c of doc.children) {
    if (c instanceof XmlDocumentType) throw doctypeFout();
    if (c instanceof XmlDeclaration && c.version !== '1.0') throw versieFout(c.version);
  }
  if (onbekendeEntiteit !== undefined) throw nietWelgevormd('', `undefined entity ${onbekendeEntiteit.length > 40 ? 'reference' : onbekendeEntiteit}`);
  const b = new Bouwer(l);
  try {
    bouw(b, doc.root!);
  } catch (e) {
    throw e instanceof XmlSyntaxError ? e : nietWelgevormd('', (e as Error).message);
  }
  return b.wortel!;
}

// ---- as a stream: saxes ---------------------------------------------------------------------------------------------

class StroomLezer {
  // Namespaces are resolved by the builder, not by saxes: one map lookup per name instead of its per-tag bookkeeping;
  // no line tracking by saxes (lines are counted here per slice, and within the slice only on a refusal).
  private readonly sax = new SaxesParser({ position: false });
  readonly bouwer: Bouwer;
  private stuk = '';
  private stukBegin = 0;
  private regelsVoor = 1;
  /** Offset of the first character of the line the current slice starts in. */
  private regelBeginVoor = 0;

  constructor(private readonly l: Leeslimieten) {
    const b = (this.bouwer = new Bouwer(l));
    const sax = this.sax;
    sax.on('xmldecl', (d) => {
      if (d.version !== '1.0') throw versieFout(d.version);
    });
    sax.on('doctype', () => {
      throw doctypeFout();
    });
    sax.on('opentagstart', (tag) => b.begin(tag.name));
    sax.on('attribute', (a) => b.attribuut(a.name, a.value));
    sax.on('opentag', (tag) => b.openElement(tag.name, tag.attributes as Record<string, string>));
    sax.on('text', (t) => b.tekst(t));
    sax.on('cdata', (t) => b.tekst(t));
    sax.on('closetag', () => b.sluit()); // also for a self-closing tag
  }

  /** Feeds one slice. saxes accumulates a name, text or comment across slices: that growth is bounded here too. */
  schrijf(stuk: string): void {
    this.telRegels();
    this.stukBegin += this.stuk.length;
    this.stuk = stuk;
    this.sax.write(stuk);
    const sax = this.sax as unknown as { text: string; name: string };
    if (sax.text.length > this.l.maxTekstLengte && !this.bouwer.inInhoud) throw overLimiet('een tekst', 'maxTekstLengte', this.l.maxTekstLengte);
    if (sax.name.length > this.l.maxNaamLengte) throw overLimiet('een naam', 'maxNaamLengte', this.l.maxNaamLengte);
  }

  einde(): XElement {
    this.sax.close();
    return this.bouwer.wortel!;
  }

  /** Counts the lines of the slice read so far, up to an offset in it. */
  private telRegels(tot = this.stuk.length): [number, number] {
    let regels = this.regelsVoor;
    let begin = this.regelBeginVoor;
    for (let i = this.stuk.indexOf('\n'); i >= 0 && i < tot; i = this.stuk.indexOf('\n', i + 1)) {
      regels++;
      begin = this.stukBegin + i + 1;
    }
    if (tot === this.stuk.length) [this.regelsVoor, this.regelBeginVoor] = [regels, begin];
    return [regels, begin];
  }

  /** Line and column where the reader stopped (saxes keeps the offset even without line tracking). */
  waar(): string {
    const positie = this.sax.position;
    const [regel, begin] = this.telRegels(Math.max(0, positie - this.stukBegin));
    return `regel ${regel}, kolom ${positie - begin + 1}`;
  }
}

/** saxes' and the builder's refusals said in the integrator's terms, with where the reader stopped. */
function alsSyntaxFout(e: unknown, lezer: StroomLezer): unknown {
  if (e instanceof XmlSyntaxError || !(e instanceof Error)) return e;
  if (/doctype/i.test(e.message)) return doctypeFout();
  return nietWelgevormd(lezer.waar(), e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, ''));
}

const beurt = () => new Promise<void>((r) => setImmediate(r));

function* plakken(source: string): Iterable<string> {
  for (let i = 0; i < source.length; i += STUK) yield source.slice(i, i + STUK);
}

/** Reads slice after slice; other requests get a turn of the event loop between two slices. */
async function leesAlsStroom(stukken: Iterable<string>, l: Leeslimieten): Promise<XElement> {
  const lezer = new StroomLezer(l);
  try {
    let eerste = true;
    for (const stuk of stukken) {
      if (!eerste) await beurt();
      eerste = false;
      lezer.schrijf(stuk);
    }
    return lezer.einde();
  } catch (e) {
    throw alsSyntaxFout(e, lezer);
  }
}

function leesAlsStroomNu(source: string, l: Leeslimieten): XElement {
  const lezer = new StroomLezer(l);
  try {
    for (const stuk of plakken(source)) lezer.schrijf(stuk);
    return lezer.einde();
  } catch (e) {
    throw alsSyntaxFout(e, lezer);
  }
}

// ---- the reader -----------------------------------------------------------------------------------------------------

/** Parses a whole document without yielding: our own stored answers, a partner's answer, tests. */
export function parseXml(source: string, limieten: Leeslimieten = STANDAARD_LIMIETEN): XElement {
  return source.length <= STUK ? leesInEens(source, limieten) : leesAlsStroomNu(source, limieten);
}

/**
 * Parses a request: a long one in slices, yielding between them, so that one large body never stalls the others.
 * The text may come as slices already (a large body decoded as it is read).
 */
export async function leesXml(source: string | Iterable<string>, limieten: Leeslimieten): Promise<XElement> {
  if (typeof source !== 'string') return leesAlsStroom(source, limieten);
  return source.length <= STUK ? leesInEens(source, limieten) : leesAlsStroom(plakken(source), limieten);
}

/** For tests: the same text through the stream engine, to hold both engines to one contract. */
export const leesMetStroom = (source: string, limieten: Leeslimieten = STANDAARD_LIMIETEN): XElement => leesAlsStroomNu(source, limieten);
