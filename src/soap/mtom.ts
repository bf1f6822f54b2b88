// MTOM/XOP (SOAP 1.1 and 1.2 over multipart/related, binding 3.02): splitting a request into its root part and
// attachments without copying them, and writing an answer as multipart with the document content as binary parts.
import { randomUUID } from 'node:crypto';
import { BinaireData, Base64Data, RuweData } from '../stuf/binair';
import { EnvelopeFout } from './envelope';

export interface MtomVerzoek {
  /** The root part: the SOAP envelope with xop:Include elements. */
  root: Buffer;
  rootContentType: string;
  /** Attachments by Content-ID (without angle brackets). */
  bijlagen: Map<string, BinaireData>;
}

/** A parameter of a MIME header value (type="...", boundary=..., start="<...>"). */
export function mimeParameter(waarde: string, naam: string): string | undefined {
  const m = new RegExp(`;\\s*${naam}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, 'i').exec(waarde);
  return m ? (m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]) : undefined;
}

export function isMultipart(contentType: string | undefined): boolean {
  return /^\s*multipart\/related\s*(;|$)/i.test(contentType ?? '');
}

const zonderHaken = (cid: string) => cid.trim().replace(/^<(.*)>$/, '$1');

function leesKoppen(tekst: string): Map<string, string> {
  const koppen = new Map<string, string>();
  for (const regel of tekst.split(/\r?\n/)) {
    const i = regel.indexOf(':');
    if (i > 0) koppen.set(regel.slice(0, i).trim().toLowerCase(), regel.slice(i + 1).trim());
  }
  return koppen;
}

export interface MtomLimieten {
  mtomMaxDelen: number;
  mtomMaxKopBytes: number;
}

/** The configuration's defaults (config.ts `invoer`). */
export const STANDAARD_MTOM_LIMIETEN: MtomLimieten = { mtomMaxDelen: 100, mtomMaxKopBytes: 8 * 1024 };

/** The end of a part's headers (an empty line, CRLF or bare LF) within its first maxKop bytes: never a scan beyond. */
function kopEinde(body: Buffer, start: number, tot: number): [number, number] | undefined {
  const venster = body.subarray(start, tot);
  const crlf = venster.indexOf('\r\n\r\n', 0, 'latin1');
  const lf = venster.indexOf('\n\n', 0, 'latin1');
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return [start + crlf, 4];
  return lf >= 0 ? [start + lf, 2] : undefined;
}

/**
 * Splits a multipart/related body. Parts are views on the body: nothing is copied. Each byte is looked at a bounded
 * number of times (the boundary search moves forward only; header searches stay within mtomMaxKopBytes), and the
 * part count is limited, so the cost is linear in the body whatever the sender puts in it.
 */
export function leesMtom(body: Buffer, contentType: string, limieten: MtomLimieten = STANDAARD_MTOM_LIMIETEN): MtomVerzoek {
  const grens = mimeParameter(contentType, 'boundary');
  if (!grens) throw new EnvelopeFout('multipart/related zonder boundary-parameter');
  if (grens.length > 70) throw new EnvelopeFout('multipart/related: de boundary is langer dan 70 tekens (RFC 2046)');
  const scheiding = Buffer.from(`--${grens}`, 'latin1');
  const delen: { koppen: Map<string, string>; inhoud: Buffer }[] = [];
  let pos = body.indexOf(scheiding);
  if (pos < 0) throw new EnvelopeFout(`multipart/related: boundary '${grens}' komt niet voor in het bericht`);
  for (;;) {
    let start = pos + scheiding.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break; // closing delimiter
    if (delen.length >= limieten.mtomMaxDelen) throw new EnvelopeFout(`multipart/related: meer delen dan de limiet invoer.mtomMaxDelen = ${limieten.mtomMaxDelen}`);
    const volgende = body.indexOf(scheiding, start);
    if (volgende < 0) throw new EnvelopeFout('multipart/related: het laatste deel wordt niet afgesloten');
    const kop = kopEinde(body, start, Math.min(volgende, start + limieten.mtomMaxKopBytes + 4));
    if (!kop) {
      if (volgende - start > limieten.mtomMaxKopBytes) throw new EnvelopeFout(`multipart/related: de kopregels van een deel zijn groter dan de limiet invoer.mtomMaxKopBytes = ${limieten.mtomMaxKopBytes}`);
      throw new EnvelopeFout('multipart/related: een deel heeft geen einde van de kopregels');
    }
    const koppen = leesKoppen(body.toString('latin1', start, kop[0]));
    start = kop[0] + kop[1];
    let inhoudEinde = volgende;
    if (body[inhoudEinde - 1] === 0x0a && inhoudEinde - 1 >= start) inhoudEinde--;
    if (body[inhoudEinde - 1] === 0x0d && inhoudEinde - 1 >= start) inhoudEinde--;
    delen.push({ koppen, inhoud: body.subarray(start, inhoudEinde) });
    pos = volgende;
  }
  if (delen.length === 0) throw new EnvelopeFout('multipart/related zonder delen');
  const startCid = mimeParameter(contentType, 'start');
  const rootIndex = startCid ? delen.findIndex((d) => zonderHaken(d.koppen.get('content-id') ?? '') === zonderHaken(startCid)) : 0;
  if (rootIndex < 0) throw new EnvelopeFout(`multipart/related: het startdeel ${startCid} ontbreekt`);
  const bijlagen = new Map<string, BinaireData>();
  delen.forEach((d, i) => {
    if (i === rootIndex) return;
    const cid = d.koppen.get('content-id');
    if (!cid) return;
    const codering = (d.koppen.get('content-transfer-encoding') ?? 'binary').toLowerCase();
    if (codering === 'base64') bijlagen.set(zonderHaken(cid), new Base64Data(d.inhoud, 0, d.inhoud.length, `MTOM-deel ${cid}`));
    else if (['binary', '8bit', '7bit'].includes(codering)) bijlagen.set(zonderHaken(cid), new RuweData(d.inhoud));
    else throw new EnvelopeFout(`MTOM-deel ${cid}: Content-Transfer-Encoding '${codering}' wordt niet ondersteund (gebruik binary of base64)`);
  });
  const root = delen[rootIndex];
  return { root: root.inhoud, rootContentType: root.koppen.get('content-type') ?? '', bijlagen };
}

export const XOP_NS = 'http://www.w3.org/2004/08/xop/include';

/** One part of an answer: text of the envelope, or document content. */
export type UitvoerDeel = Buffer | BinaireData;

/** An answer as multipart/related: the envelope with xop:Include where content was, then one part per document. */
export function mtomAntwoord(delen: (string | BinaireData)[], soapContentType: string): { contentType: string; delen: UitvoerDeel[] } {
  const grens = `uuid:${randomUUID()}`;
  const rootCid = `root.message@zdsgw`;
  const soapType = soapContentType.split(';')[0].trim();
  const envelopTekst: string[] = [];
  const bijlagen: { cid: string; data: BinaireData }[] = [];
  for (const d of delen) {
    if (typeof d === 'string') {
      envelopTekst.push(d);
    } else {
      const cid = `${bijlagen.length + 1}.${randomUUID()}@zdsgw`;
      bijlagen.push({ cid, data: d });
      envelopTekst.push(`<xop:Include xmlns:xop="${XOP_NS}" href="cid:${cid}"/>`);
    }
  }
  const uit: UitvoerDeel[] = [
    Buffer.from(
      `--${grens}\r\nContent-Type: application/xop+xml; charset=UTF-8; type="${soapType}"\r\n` +
        `Content-Transfer-Encoding: binary\r\nContent-ID: <${rootCid}>\r\n\r\n${envelopTekst.join('')}`,
      'utf8',
    ),
  ];
  for (const b of bijlagen) {
    uit.push(Buffer.from(`\r\n--${grens}\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <${b.cid}>\r\n\r\n`, 'latin1'));
    uit.push(b.data);
  }
  uit.push(Buffer.from(`\r\n--${grens}--\r\n`, 'latin1'));
  const contentType = `multipart/related; type="application/xop+xml"; boundary="${grens}"; start="<${rootCid}>"; start-info="${soapType}"`;
  return { contentType, delen: uit };
}
