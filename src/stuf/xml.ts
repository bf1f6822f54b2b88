// Namespace-aware XML: parse into a small element tree (namespaces resolved to URIs, prefixes forgotten)
// and serialise element trees with fixed prefixes. Every answer the gateway emits goes through serialize().
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { NS, PREFIX_BY_NS } from './namespaces';
import { BinaireData, base64Stukken } from './binair';

export interface XAttr {
  ns: string; // '' for unqualified attributes
  local: string;
  value: string;
}

export interface XElement {
  ns: string;
  local: string;
  attrs: XAttr[];
  children: XElement[];
  text: string;
  /** Document content (inhoud): cut out of the request before parsing, or streamed from the store into an answer. */
  binair?: BinaireData;
}

export class XmlSyntaxError extends Error {}

const XML_ENTITEITEN: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** A character XML 1.0 allows (references to any other, e.g. &#1;, are dropped as the old decoder did). */
const isXmlTeken = (cp: number) =>
  cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);

/**
 * The five XML entities and numeric character references (&#233; &#x1F6B2;), in one pass so that &amp;#233; stays
 * the text "&#233;". The parser's own decoder leaves numeric references undecoded unless HTML entities are on.
 * DOCTYPE-declared entities are never expanded (DOCTYPE is refused anyway).
 */
const entiteitDecoder = {
  setExternalEntities(): void {},
  addInputEntities(): void {},
  reset(): void {},
  setXmlVersion(): void {},
  decode(tekst: string): string {
    if (!tekst.includes('&')) return tekst;
    return tekst.replace(/&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/g, (_m, hex?: string, dec?: string, naam?: string) => {
      if (naam) return XML_ENTITEITEN[naam];
      const cp = hex !== undefined ? parseInt(hex, 16) : Number(dec);
      return isXmlTeken(cp) ? String.fromCodePoint(cp) : '';
    });
  },
};

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  entityDecoder: entiteitDecoder,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
});

type Raw = Record<string, unknown>;

/** Whether the document holds a DOCTYPE anywhere outside a CDATA section or comment (not only near its start). */
function heeftDoctype(source: string): boolean {
  const zoek = /<!DOCTYPE/gi;
  for (let m = zoek.exec(source); m; m = zoek.exec(source)) {
    const p = m.index;
    const inCdata = source.lastIndexOf('<![CDATA[', p) > source.lastIndexOf(']]>', p);
    const inCommentaar = source.lastIndexOf('<!--', p) > source.lastIndexOf('-->', p);
    if (!inCdata && !inCommentaar) return true;
  }
  return false;
}

/** Parses a document; refuses DOCTYPE (entity expansion attacks) and anything not well-formed. */
export function parseXml(source: string): XElement {
  if (heeftDoctype(source)) throw new XmlSyntaxError('DOCTYPE is niet toegestaan');
  const check = XMLValidator.validate(source, { allowBooleanAttributes: false });
  if (check !== true) {
    const e = check.err;
    throw new XmlSyntaxError(`XML is niet well-formed: ${e.msg} (regel ${e.line}, kolom ${e.col})`);
  }
  const raw = parser.parse(source) as Raw[];
  const roots = raw.filter((n) => elementName(n) !== undefined);
  if (roots.length !== 1) throw new XmlSyntaxError(`XML moet precies één root-element hebben, gevonden: ${roots.length}`);
  if (raw.some((n) => '#text' in n && String(n['#text']).trim() !== '')) throw new XmlSyntaxError('tekst buiten het root-element');
  return convert(roots[0], new Map([['xml', NS.xml]]));
}

function elementName(n: Raw): string | undefined {
  for (const k of Object.keys(n)) if (k !== ':@' && k !== '#text' && k !== '#comment') return k;
  return undefined;
}

function splitQName(q: string): [string | undefined, string] {
  const i = q.indexOf(':');
  return i < 0 ? [undefined, q] : [q.slice(0, i), q.slice(i + 1)];
}

function convert(n: Raw, inherited: Map<string, string>): XElement {
  const qname = elementName(n)!;
  const rawAttrs = (n[':@'] ?? {}) as Record<string, string>;
  let scope = inherited;
  for (const [k, v] of Object.entries(rawAttrs)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) {
      if (scope === inherited) scope = new Map(inherited);
      scope.set(k === 'xmlns' ? '' : k.slice(6), v);
    }
  }
  const [prefix, local] = splitQName(qname);
  const ns = prefix === undefined ? scope.get('') ?? '' : scope.get(prefix);
  if (ns === undefined) throw new XmlSyntaxError(`Onbekende namespace-prefix '${prefix}' bij element ${qname}`);
  const attrs: XAttr[] = [];
  for (const [k, v] of Object.entries(rawAttrs)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
    const [ap, al] = splitQName(k);
    let ans = '';
    if (ap !== undefined) {
      const resolved = scope.get(ap);
      if (resolved === undefined) throw new XmlSyntaxError(`Onbekende namespace-prefix '${ap}' bij attribuut ${k}`);
      ans = resolved;
    }
    attrs.push({ ns: ans, local: al, value: v });
  }
  const children: XElement[] = [];
  let text = '';
  for (const c of (n[qname] ?? []) as Raw[]) {
    if ('#text' in c) text += String(c['#text']);
    else if (elementName(c) !== undefined) children.push(convert(c, scope));
  }
  return { ns, local, attrs, children, text };
}

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

export function escapeText(s: string): string {
  return s.replace(ILLEGAL_XML_CHARS, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function collectNamespaces(e: XElement, into: Set<string>): void {
  if (e.ns) into.add(e.ns);
  for (const a of e.attrs) if (a.ns) into.add(a.ns);
  for (const c of e.children) collectNamespaces(c, into);
}

/** Serialises an element tree; every namespace used is declared once, on the root, with its standard prefix. */
export function serialize(root: XElement, extraNamespaces: string[] = []): string {
  const delen = serializeDelen(root, extraNamespaces);
  if (delen.length === 1 && typeof delen[0] === 'string') return delen[0];
  return delen.map((d) => (typeof d === 'string' ? d : [...base64Stukken(d)].join(''))).join('');
}

/** The serialised text with binary content left as BinaireData, to be written out as base64 or as MTOM parts. */
export type Deel = string | BinaireData;

export function serializeDelen(root: XElement, extraNamespaces: string[] = []): Deel[] {
  const used = new Set<string>(extraNamespaces);
  collectNamespaces(root, used);
  const prefixes = new Map<string, string>();
  let n = 0;
  for (const ns of used) {
    if (ns === NS.xml) prefixes.set(ns, 'xml');
    else prefixes.set(ns, PREFIX_BY_NS[ns] ?? `ns${++n}`);
  }
  const decl = [...prefixes].filter(([ns]) => ns !== NS.xml).map(([ns, p]) => ` xmlns:${p}="${escapeAttr(ns)}"`).join('');
  const out: string[] = [];
  const delen: Deel[] = [];
  write(root, prefixes, out, decl, delen);
  delen.push(out.join(''));
  return delen;
}

function qname(prefixes: Map<string, string>, ns: string, local: string): string {
  return ns ? `${prefixes.get(ns)}:${local}` : local;
}

function write(e: XElement, prefixes: Map<string, string>, out: string[], decl: string, delen: Deel[]): void {
  const name = qname(prefixes, e.ns, e.local);
  out.push('<', name, decl);
  for (const a of e.attrs) out.push(' ', qname(prefixes, a.ns, a.local), '="', escapeAttr(a.value), '"');
  if (e.binair) {
    out.push('>');
    delen.push(out.join(''), e.binair);
    out.length = 0;
    out.push('</', name, '>');
    return;
  }
  if (e.children.length === 0 && e.text === '') {
    out.push('/>');
    return;
  }
  out.push('>');
  if (e.text) out.push(escapeText(e.text));
  for (const c of e.children) write(c, prefixes, out, '', delen);
  out.push('</', name, '>');
}
