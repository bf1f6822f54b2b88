// Document content (StUF:BinaireInhoud) without holding it as one big string. Inline base64 is cut out of the raw
// request before XML parsing and MTOM parts are kept as received; both are decoded block by block when stored.
// Stored content is read block by block again when an answer is streamed out.
import type { Hash } from 'node:crypto';
import { schemaFout } from './fout';

/** Decoded block size: a multiple of 3, so that base64 of consecutive blocks concatenates without padding. */
export const BLOK = 3 * 256 * 1024;

export interface BinaireData {
  /** The decoded bytes in order. Throws a StUF055 fault when the content turns out not to be valid base64. */
  blokken(): Iterable<Buffer>;
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

const WIT = new Uint8Array(256);
for (const c of [0x20, 0x09, 0x0a, 0x0d]) WIT[c] = 1;
const BASE64 = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') BASE64[c.charCodeAt(0)] = 1;
const IS = 0x3d; // '='
const AMP = 0x26; // '&'
/** Character references a serialiser may use for line breaks inside base64 (.NET writes &#xD;). */
const WIT_REFERENTIE = /^&#(?:x[dDaA9]|13|10|9|x20|32);$/;

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

  *blokken(): Iterable<Buffer> {
    const tekensPerBlok = (BLOK / 3) * 4;
    const kladblok = Buffer.allocUnsafe(tekensPerBlok);
    let n = 0;
    let opvulling = 0;
    for (let i = this.start; i < this.eind; i++) {
      const c = this.bron[i];
      if (WIT[c]) continue;
      if (c === AMP) {
        const eindRef = this.bron.indexOf(0x3b, i);
        if (eindRef < 0 || eindRef - i > 8 || !WIT_REFERENTIE.test(this.bron.toString('latin1', i, eindRef + 1))) {
          throw schemaFout(`${this.plek} is geen geldige base64: onverwacht teken '&' op positie ${i - this.start}`);
        }
        i = eindRef;
        continue;
      }
      if (c === IS) {
        opvulling++;
      } else if (!BASE64[c] || opvulling > 0) {
        throw schemaFout(`${this.plek} is geen geldige base64: onverwacht teken op positie ${i - this.start}`);
      }
      kladblok[n++] = c;
      if (n === tekensPerBlok) {
        yield Buffer.from(kladblok.toString('latin1', 0, n), 'base64');
        n = 0;
      }
    }
    // Unpadded base64 (some producers drop the '=') is accepted; a lone sixth bit group never is.
    if (opvulling > 2 || n % 4 === 1 || (opvulling > 0 && n % 4 !== 0)) {
      throw schemaFout(`${this.plek} is geen geldige base64: de lengte klopt niet`);
    }
    if (n > 0) yield Buffer.from(kladblok.toString('latin1', 0, n), 'base64');
  }
}

/** base64 of the whole content as text pieces; pieces concatenate, whatever the block sizes of the source. */
export function* base64Stukken(data: BinaireData): Iterable<string> {
  let rest: Buffer | undefined;
  for (const blok of data.blokken()) {
    const b = rest ? Buffer.concat([rest, blok]) : blok;
    const heel = b.length - (b.length % 3);
    if (heel > 0) yield b.toString('base64', 0, heel);
    rest = heel < b.length ? Buffer.from(b.subarray(heel)) : undefined;
  }
  if (rest) yield rest.toString('base64');
}

/** All decoded bytes at once: for small content and tests, never on the path of a large document. */
export function alleBytes(data: BinaireData): Buffer {
  return Buffer.concat([...data.blokken()]);
}
