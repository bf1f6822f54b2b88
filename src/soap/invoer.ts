// A request body as it arrives (bytes, perhaps MTOM) turned into XML text small enough to parse, plus the document
// content kept aside: MTOM parts, and inline base64 cut out of the raw bytes, so a 64 MB document never becomes an
// 85 MB JavaScript string or an XML text node.
import { TextDecoder } from 'node:util';
import { BinaireData, Base64Data } from '../stuf/binair';
import { schemaFout } from '../stuf/fout';
import { XElement, XmlSyntaxError } from '../stuf/xml';
import { EnvelopeFout } from './envelope';
import { MtomLimieten, STANDAARD_MTOM_LIMIETEN, XOP_NS, isMultipart, leesMtom, mimeParameter } from './mtom';

export interface Invoer {
  /** The XML text: one string when small; a large body decoded slice by slice as the reader takes it, never whole. */
  tekst: string | Iterable<string>;
  /** Content kept aside, by Content-ID (MTOM) or by the marker left in the inhoud start tag. */
  bijlagen: Map<string, BinaireData>;
  mtom: boolean;
}

/** Unqualified attribute left on an inhoud start tag whose base64 content was cut out. */
export const MARKER = 'zdsgw-binair';
/** Inline content shorter than this is parsed as ordinary text: not worth the detour. */
const DREMPEL = 1024;
/** How far a start tag of inhoud is looked for: its attributes are short; a bound keeps the scan linear in the body. */
const MAX_STARTTAG = 4096;

/** The byte order mark, when there is one: it outranks every declaration (XML 1.0 appendix F, RFC 7303). */
function bomTekenset(body: Buffer): string | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  return undefined;
}

function tekenset(body: Buffer, contentType: string | undefined): string {
  const uitHeader = mimeParameter(contentType ?? '', 'charset');
  const uitDeclaratie = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/.exec(body.subarray(0, 200).toString('latin1'))?.[1];
  return (bomTekenset(body) ?? uitHeader ?? uitDeclaratie ?? 'utf-8').toLowerCase();
}

/** Bytes decoded at once up to this size; a larger body is decoded in slices of it. */
const IN_EEN_KEER = 256 * 1024;

function decoderVoor(charset: string): TextDecoder {
  try {
    // ignoreBOM: the decoder leaves a byte order mark in the text and the XML reader takes exactly one off, so that
    // a second one is refused as text before the root (the decoder and the reader would otherwise each take one).
    return new TextDecoder(charset, { fatal: true, ignoreBOM: true });
  } catch {
    throw new EnvelopeFout(`tekenset '${charset}' wordt niet ondersteund; gebruik UTF-8`);
  }
}

const onleesbaar = (decoder: TextDecoder) => `het bericht bevat bytes die geen geldige ${decoder.encoding} zijn`;

/**
 * The body as text in the charset it declares (BOM, header, XML declaration, else UTF-8). Bytes that do not decode
 * are refused, never replaced by U+FFFD: what we store must be what the sender meant.
 */
function alsTekst(body: Buffer, charset: string): string {
  const decoder = decoderVoor(charset);
  try {
    return decoder.decode(body);
  } catch {
    throw new EnvelopeFout(onleesbaar(decoder));
  }
}

/**
 * A large body decoded a slice at a time, each slice read before the next is decoded: decoding 90 MB at once held
 * every other request up for some 100 ms, and a message the reader refuses early is never decoded further.
 */
function* inStukken(body: Buffer, charset: string): Iterable<string> {
  const decoder = decoderVoor(charset);
  try {
    for (let i = 0; i < body.length; i += IN_EEN_KEER) yield decoder.decode(body.subarray(i, i + IN_EEN_KEER), { stream: true });
    yield decoder.decode();
  } catch {
    // An XmlSyntaxError, not an EnvelopeFout: it surfaces from inside the reader, which passes its own kind on.
    throw new XmlSyntaxError(onleesbaar(decoder));
  }
}

const isNaamTeken = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x2e || c === 0x5f;
const isWit = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * Cuts the base64 content of large inhoud elements out of ASCII-compatible XML bytes. The start tag keeps its
 * attributes (StUF:bestandsnaam, xmime:contentType) and gains a marker; the content stays where it is in the body
 * buffer and is decoded block by block when stored. Elements with children (xop:Include, CDATA) are left alone.
 */
export function knipInhoudUit(b: Buffer, bijlagen: Map<string, BinaireData>): Buffer {
  const stukken: Buffer[] = [];
  let vanaf = 0;
  let pos = 0;
  for (let i = b.indexOf('inhoud', pos, 'latin1'); i >= 0; i = b.indexOf('inhoud', pos, 'latin1')) {
    pos = i + 6;
    let j = i - 1;
    if (b[j] === 0x3a) for (j--; j >= 0 && isNaamTeken(b[j]); j--);
    if (b[j] !== 0x3c) continue; // not a start tag
    const na = b[i + 6];
    if (!(isWit(na) || na === 0x3e || na === 0x2f)) continue; // a longer name
    let t = i + 6;
    const tagEinde = Math.min(b.length, t + MAX_STARTTAG);
    for (let quote = 0; t < tagEinde; t++) {
      const c = b[t];
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e) break;
    }
    if (t >= tagEinde || b[t - 1] === 0x2f) continue; // no short start tag (left to the parser) or an empty element
    const qname = b.toString('latin1', j + 1, i + 6);
    const inhoudStart = t + 1;
    const lt = b.indexOf(0x3c, inhoudStart);
    if (lt < 0) break;
    let k = lt + 2 + qname.length;
    if (b.toString('latin1', lt, k) !== `</${qname}`) continue;
    while (isWit(b[k])) k++;
    if (b[k] !== 0x3e || lt - inhoudStart < DREMPEL) continue;
    const sleutel = `#${bijlagen.size}`;
    bijlagen.set(sleutel, new Base64Data(b, inhoudStart, lt, qname));
    stukken.push(b.subarray(vanaf, t), Buffer.from(` ${MARKER}="${sleutel}"`, 'latin1'));
    vanaf = lt;
    stukken.push(Buffer.from('>', 'latin1'));
    pos = lt;
  }
  if (stukken.length === 0) return b;
  stukken.push(b.subarray(vanaf));
  return Buffer.concat(stukken);
}

const ASCII_COMPATIBEL = /^(utf-?8|us-ascii|ascii|iso-?8859-\d+|latin-?1|windows-125\d|cp125\d)$/;

export function leesInvoer(body: Buffer, contentType: string | undefined, limieten: MtomLimieten = STANDAARD_MTOM_LIMIETEN): Invoer {
  const bijlagen = new Map<string, BinaireData>();
  let xml = body;
  let ct = contentType;
  const mtom = isMultipart(contentType);
  if (mtom) {
    const m = leesMtom(body, contentType!, limieten);
    xml = m.root;
    ct = m.rootContentType;
    for (const [cid, data] of m.bijlagen) bijlagen.set(cid, data);
  }
  const charset = tekenset(xml, ct);
  if (ASCII_COMPATIBEL.test(charset)) xml = knipInhoudUit(xml, bijlagen);
  return { tekst: xml.length <= IN_EEN_KEER ? alsTekst(xml, charset) : inStukken(xml, charset), bijlagen, mtom };
}

/** Puts the content kept aside back on its inhoud elements: markers from knipInhoudUit and xop:Include references. */
export function koppelBinair(e: XElement, bijlagen: Map<string, BinaireData>): void {
  const m = e.attrs.findIndex((a) => a.ns === '' && a.local === MARKER);
  if (m >= 0) {
    e.binair = bijlagen.get(e.attrs[m].value);
    e.attrs.splice(m, 1);
  }
  const include = e.children.find((c) => c.ns === XOP_NS && c.local === 'Include');
  if (include) {
    const href = include.attrs.find((a) => a.ns === '' && a.local === 'href')?.value ?? '';
    const cid = decodeURIComponent(href.replace(/^cid:/i, ''));
    const data = bijlagen.get(cid);
    if (!data) throw schemaFout(`${e.local}: xop:Include verwijst naar '${href}', maar het bericht heeft geen MTOM-deel met die Content-ID`);
    e.binair = data;
    e.children = e.children.filter((c) => c !== include);
  }
  for (const c of e.children) koppelBinair(c, bijlagen);
}
