// Namespace-aware XML: the element tree (read by xmlLezer.ts), navigation, and serialising trees with fixed
// prefixes. Every answer the gateway emits goes through serialize().
import { NS, PREFIX_BY_NS } from './namespaces';
import type { BinaireData } from './binair';
import type { XAttr, XElement } from './xmlBoom';

export type { XAttr, XElement } from './xmlBoom';
export { XmlSyntaxError, parseXml } from './xmlLezer';

// ---- navigation -------------------------------------------------------------------------------------------

export function attr(e: XElement, ns: string, local: string): string | undefined {
  for (const a of e.attrs) if (a.local === local && a.ns === ns) return a.value;
  return undefined;
}

export function child(e: XElement | undefined, local: string, ns?: string): XElement | undefined {
  if (!e) return undefined;
  for (const c of e.children) if (c.local === local && (ns === undefined || c.ns === ns)) return c;
  return undefined;
}

export function children(e: XElement | undefined, local: string, ns?: string): XElement[] {
  if (!e) return [];
  return e.children.filter((c) => c.local === local && (ns === undefined || c.ns === ns));
}

/** Follows a path of local names (namespace-agnostic: StUF mixes ZKN, StUF and ZDS children freely). */
export function path(e: XElement | undefined, ...locals: string[]): XElement | undefined {
  let cur = e;
  for (const l of locals) cur = child(cur, l);
  return cur;
}

export function isNil(e: XElement): boolean {
  const v = attr(e, NS.xsi, 'nil');
  return v === 'true' || v === '1';
}

// ---- building and serialising -----------------------------------------------------------------------------

export function el(ns: string, local: string, content?: string | (XElement | undefined | false)[], attrs: XAttr[] = []): XElement {
  if (typeof content === 'string') return { ns, local, attrs, children: [], text: content };
  return { ns, local, attrs, children: (content ?? []).filter((c): c is XElement => !!c), text: '' };
}

export function at(ns: string, local: string, value: string): XAttr {
  return { ns, local, value };
}

// XML 1.0 forbids most C0 control characters even as character references: drop them on output.
const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Whether a text or attribute value may need anything escaped or dropped: most (names, codes, dates) do not, and
 * one test is cheaper than the replacements (every answer and every message hash serialises every value).
 * Surrogates are checked by the replacements: a valid pair passes them unchanged.
 */
const TEKST_KAN_ANDERS = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ATTRIBUUT_KAN_ANDERS = /[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function escapeText(s: string): string {
  if (!TEKST_KAN_ANDERS.test(s)) return s;
  return s.replace(ILLEGAL_XML_CHARS, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  if (!ATTRIBUUT_KAN_ANDERS.test(s)) return s;
  return escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function collectNamespaces(e: XElement, into: Set<string>): void {
  if (e.ns) into.add(e.ns);
  for (const a of e.attrs) if (a.ns) into.add(a.ns);
  for (const c of e.children) collectNamespaces(c, into);
}

/**
 * Content held in memory (received, or built by a test) as base64 text. Content read from the store comes block by
 * block from the database: it is never made one string, an answer carrying it is streamed (serializeDelen).
 */
function base64Tekst(d: BinaireData): string {
  const blokken = d.blokken();
  if (!(Symbol.iterator in blokken)) throw new Error('opgeslagen inhoud wordt gestreamd (serializeDelen), niet als één tekst geserialiseerd');
  return Buffer.concat([...blokken]).toString('base64');
}

/** Serialises an element tree; every namespace used is declared once, on the root, with its standard prefix. */
export function serialize(root: XElement, extraNamespaces: string[] = []): string {
  const delen = serializeDelen(root, extraNamespaces);
  if (delen.length === 1 && typeof delen[0] === 'string') return delen[0];
  return delen.map((d) => (typeof d === 'string' ? d : base64Tekst(d))).join('');
}

/** The serialised text with binary content left as BinaireData, to be written out as base64 or as MTOM parts. */
export type Deel = string | BinaireData;

export function serializeDelen(root: XElement, extraNamespaces: string[] = []): Deel[] {
  const used = new Set<string>(extraNamespaces);
  collectNamespaces(root, used);
  // Each namespace's prefix with its colon, so that a qualified name is one concatenation.
  const prefixen = new Map<string, string>();
  let n = 0;
  for (const ns of used) prefixen.set(ns, `${ns === NS.xml ? 'xml' : (PREFIX_BY_NS[ns] ?? `ns${++n}`)}:`);
  const decl = [...prefixen].filter(([ns]) => ns !== NS.xml).map(([ns, p]) => ` xmlns:${p.slice(0, -1)}="${escapeAttr(ns)}"`).join('');
  const s: Schrijver = { prefixen, tekst: '', delen: [] };
  write(root, s, decl);
  s.delen.push(s.tekst);
  return s.delen;
}

/** Serialising: the text since the last binary part is one string, built by concatenation (cheaper than parts joined). */
interface Schrijver {
  prefixen: Map<string, string>;
  tekst: string;
  delen: Deel[];
}

function qname(s: Schrijver, ns: string, local: string): string {
  return ns ? s.prefixen.get(ns)! + local : local;
}

function write(e: XElement, s: Schrijver, decl: string): void {
  const name = qname(s, e.ns, e.local);
  s.tekst += '<' + name + decl;
  for (const a of e.attrs) s.tekst += ' ' + qname(s, a.ns, a.local) + '="' + escapeAttr(a.value) + '"';
  if (e.binair) {
    s.delen.push(s.tekst + '>', e.binair);
    s.tekst = '</' + name + '>';
    return;
  }
  if (e.children.length === 0 && e.text === '') {
    s.tekst += '/>';
    return;
  }
  s.tekst += '>';
  if (e.text) s.tekst += escapeText(e.text);
  for (const c of e.children) write(c, s, '');
  s.tekst += '</' + name + '>';
}
