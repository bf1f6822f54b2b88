// Document content (StUF:BinaireInhoud) without holding it as one big string. Inline base64 is cut out of the raw
// request before XML parsing and MTOM parts are kept as received; both are decoded block by block when stored.
// Stored content is read block by block again when an answer is streamed out.
import type { Hash } from 'node:crypto';
import { schemaFout } from './fout';

/** Decoded block size: a multiple of 3, so that base64 of consecutive blocks concatenates without padding. */
export const BLOK = 3 * 256 * 1024;

export interface BinaireData {
  /**
   * The decoded bytes in order. Throws a StUF055 fault when the content turns out not to be valid base64. Content
   * read from the store comes block by block from the database, hence possibly asynchronous: consume with for await.
   */
  blokken(): AsyncIterable<Buffer> | Iterable<Buffer>;
  /** Size in bytes, when known without decoding. */
  readonly grootte?: number;
  /** Feeds what identifies the content as received into a hash (resend recognition); cheap, no decoding. */
  kenmerk(hash: Hash): void;
}

/** Bytes already decoded: an MTOM part, or a buffer a test or the store hands over. */
export class RuweData implements BinaireData {
  constructor(private readonly bytes: Buffer) {}
  get grootte(): number {
    return this.bytes.length;
  }
  *blokken(): Iterable<Buffer> {
    for (let i = 0; i < this.bytes.length; i += BLOK) yield this.bytes.subarray(i, Math.min(i + BLOK, this.bytes.length));
  }
  kenmerk(hash: Hash): void {
    hash.update(this.bytes);
  }
}

/** Character references a serialiser may use for line breaks inside base64 (.NET writes &#xD;). */
const WIT_REFERENTIES = /&#(?:x[dDaA9]|13|10|9|x20|32);/g;
const WITRUIMTE = /[\t\n\r ]+/g;
const BASE64_VENSTER = /^[A-Za-z0-9+/]*(={0,2})$/;

/**
 * Base64 text as received: a byte range of the raw body (inline content cut out before parsing) or the text of a
 * small inhoud element. Whitespace and whitespace character references are skipped; anything else that is not
 * base64 is refused with StUF055.
 */
export class Base64Data implements BinaireData {
  constructor(
    private readonly bron: Buffer,
    private readonly start = 0,
    private readonly eind = bron.length,
    private readonly plek = 'inhoud',
  ) {}

  static uitTekst(tekst: string, plek = 'inhoud'): Base64Data {
    if (/[^\x00-\x7f]/.test(tekst)) throw schemaFout(`${plek} bevat tekens die niet in base64 voorkomen`);
    return new Base64Data(Buffer.from(tekst, 'latin1'), 0, undefined, plek);
  }

  kenmerk(hash: Hash): void {
    hash.update(this.bron.subarray(this.start, this.eind));
  }

  /**
   * Decodes window by window: each window is made a string once, whitespace goes by regex, the rest must be pure
   * base64; the characters that do not fill a 4-character group are carried into the next window. Native string
   * work throughout, so decoding keeps pace with the network.
   */
  *blokken(): Iterable<Buffer> {
    const venster = (BLOK / 3) * 4;
    let rest = '';
    let opgevuld = false;
    for (let i = this.start; i < this.eind; ) {
      let eind = Math.min(this.eind, i + venster);
      if (eind < this.eind) {
        // Never cut a character reference in two.
        const amp = this.bron.lastIndexOf(0x26, eind - 1);
        if (amp >= i && amp > eind - 8) {
          const puntkomma = this.bron.indexOf(0x3b, amp);
          if (puntkomma < 0 || puntkomma >= eind) eind = amp;
        }
      }
      let tekst = this.bron.toString('latin1', i, eind);
      const positie = i - this.start;
      i = eind;
      if (tekst.includes('&')) tekst = tekst.replace(WIT_REFERENTIES, '');
      tekst = tekst.replace(WITRUIMTE, '');
      if (tekst === '') continue;
      const m = BASE64_VENSTER.exec(tekst);
      if (!m || opgevuld) {
        const fout = opgevuld ? 0 : tekst.search(/[^A-Za-z0-9+/=]|=[^=]/);
        throw schemaFout(`${this.plek} is geen geldige base64: onverwacht teken ${opgevuld ? 'na de opvulling' : `rond positie ${positie + Math.max(0, fout)}`}`);
      }
      opgevuld = m[1] !== '';
      tekst = rest + tekst;
      const heel = opgevuld ? tekst.length : tekst.length - (tekst.length % 4);
      if (opgevuld && heel % 4 !== 0) throw schemaFout(`${this.plek} is geen geldige base64: de lengte klopt niet bij de opvulling`);
      rest = tekst.slice(heel);
      if (heel > 0) yield Buffer.from(heel === tekst.length ? tekst : tekst.slice(0, heel), 'base64');
    }
    // Unpadded base64 (some producers drop the '=') is accepted; a lone sixth bit group never is.
    if (rest.length % 4 === 1) throw schemaFout(`${this.plek} is geen geldige base64: de lengte klopt niet`);
    if (rest) yield Buffer.from(rest, 'base64');
  }
}

/** base64 of the whole content as text pieces; pieces concatenate, whatever the block sizes of the source. */
export async function* base64Stukken(data: BinaireData): AsyncIterable<string> {
  let rest: Buffer | undefined;
  for await (const blok of data.blokken()) {
    const b = rest ? Buffer.concat([rest, blok]) : blok;
    const heel = b.length - (b.length % 3);
    if (heel > 0) yield b.toString('base64', 0, heel);
    rest = heel < b.length ? Buffer.from(b.subarray(heel)) : undefined;
  }
  if (rest) yield rest.toString('base64');
}

/** All decoded bytes at once: for small content and tests, never on the path of a large document. */
export async function alleBytes(data: BinaireData): Promise<Buffer> {
  const blokken: Buffer[] = [];
  for await (const blok of data.blokken()) blokken.push(blok);
  return Buffer.concat(blokken);
}
