// An answer on the wire: plain text when it carries no document, a stream when it does (base64 written block by
// block as the content is read from the store), multipart/related when the caller speaks MTOM.
import { Readable } from 'node:stream';
import { BinaireData, base64Stukken } from '../stuf/binair';
import { Deel } from '../stuf/xml';
import { UitvoerDeel, mtomAntwoord } from './mtom';

export interface HttpLichaam {
  contentType: string;
  body: string | Readable;
  /** Byte length when it is known before streaming (Content-Length instead of chunked encoding). */
  lengte?: number;
}

const isData = (d: Deel | UitvoerDeel): d is BinaireData => typeof d !== 'string' && !Buffer.isBuffer(d);

function lengteVan(delen: (Deel | UitvoerDeel)[], base64: boolean): number | undefined {
  let n = 0;
  for (const d of delen) {
    if (typeof d === 'string') n += Buffer.byteLength(d);
    else if (Buffer.isBuffer(d)) n += d.length;
    else if (d.grootte === undefined) return undefined;
    else n += base64 ? 4 * Math.ceil(d.grootte / 3) : d.grootte;
  }
  return n;
}

// Asynchronous: stored content arrives block by block from the database while the answer is being written.
async function* bytes(delen: (Deel | UitvoerDeel)[], base64: boolean): AsyncIterable<Buffer> {
  for (const d of delen) {
    if (typeof d === 'string') yield Buffer.from(d, 'utf8');
    else if (Buffer.isBuffer(d)) yield d;
    else if (base64) for await (const s of base64Stukken(d)) yield Buffer.from(s, 'latin1');
    else for await (const blok of d.blokken()) yield blok;
  }
}

export function antwoordLichaam(delen: Deel[], soapContentType: string, mtom: boolean): HttpLichaam {
  if (mtom) {
    const m = mtomAntwoord(delen, soapContentType);
    return { contentType: m.contentType, body: Readable.from(bytes(m.delen, false), { objectMode: false }), lengte: lengteVan(m.delen, false) };
  }
  if (!delen.some(isData)) return { contentType: soapContentType, body: delen.join('') };
  return { contentType: soapContentType, body: Readable.from(bytes(delen, true), { objectMode: false }), lengte: lengteVan(delen, true) };
}
