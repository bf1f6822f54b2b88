// Reads a request body into one buffer that grows as bytes arrive: a client that declares 100 MB and sends nothing
// reserves nothing. The buffer doubles from 64 KiB; once it would pass a sixteenth of the declared Content-Length,
// that length is reserved at once. So the buffers it outgrew stay small next to a large honest document (held about
// once, as when the whole length was reserved up front), and a client has sent a 32nd of what it declares before
// that much is reserved. A body without Content-Length (chunked) grows by doubling up to the limit.
// A body over the limit is read to its end and discarded before the fault is sent: answering while the client is
// still uploading would reset the connection, and the client would see no fault.
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

export class TeGrootFout extends Error {
  constructor(readonly limiet: number) {
    super(`Bericht is groter dan de ingestelde limiet van ${limiet} bytes`);
  }
}

/** The request was not complete within server.verzoekTimeoutSeconden: the HTTP server ended its reading. */
export class TeLaatFout extends Error {
  constructor() {
    super('Het HTTP-verzoek was niet op tijd compleet');
  }
}

export interface LeesOpties {
  /** Read the body to its end without keeping it (a caller that is refused before its message is read). */
  weggooien?: boolean;
}

/** How much of an oversized body we read past before giving up on a clean answer and closing the connection. */
const MAX_WEGGOOIEN = 1024 * 1024 * 1024;
/** The first buffer of a body that arrives in more than one piece. */
const BEGIN = 64 * 1024;
/** Past this fraction of the declared length the buffer grows to the declared length at once. */
const SPRONG = 16;

/** The reader of each connection that is reading a body now, so the HTTP server's request timeout can end it. */
const lezers = new WeakMap<Socket, () => void>();

/** Ends the body reader of the request on this connection with a TeLaatFout; false when no body is being read. */
export function breekLezenAf(socket: Socket): boolean {
  const afbreken = lezers.get(socket);
  afbreken?.();
  return afbreken !== undefined;
}

export function leesLichaam(stroom: IncomingMessage, limiet: number, opties: LeesOpties = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const opgegeven = Number(stroom.headers['content-length']);
    const bekend = stroom.headers['content-length'] !== undefined && Number.isInteger(opgegeven) && opgegeven >= 0;
    const weggooien = opties.weggooien === true;
    let teGroot = bekend && opgegeven > limiet;
    if (bekend && opgegeven > limiet + MAX_WEGGOOIEN) return reject(new TeGrootFout(limiet));
    /** The largest the buffer may become: the declared length, or the limit. */
    const plafond = bekend ? Math.min(opgegeven, limiet) : limiet;
    let eerste: Buffer | undefined; // a body in one piece is never copied
    let buffer: Buffer | undefined;
    let ontvangen = 0;

    const groei = (nodig: number) => {
      let nieuw = Math.min(plafond, Math.max(nodig, 2 * (buffer?.length ?? 0), BEGIN));
      if (bekend && SPRONG * nieuw > plafond) nieuw = plafond;
      const groter = Buffer.allocUnsafe(nieuw);
      if (buffer) buffer.copy(groter, 0, 0, ontvangen);
      else if (eerste) eerste.copy(groter);
      buffer = groter;
      eerste = undefined;
    };
    const klaar = () => {
      opruimen();
      if (teGroot) return reject(new TeGrootFout(limiet));
      if (weggooien) return resolve(Buffer.alloc(0));
      if (bekend && ontvangen !== opgegeven) return reject(Object.assign(new Error(`Content-Length ${opgegeven}, ontvangen ${ontvangen} bytes`), { statusCode: 400 }));
      resolve(buffer ? buffer.subarray(0, ontvangen) : (eerste ?? Buffer.alloc(0)));
    };
    const fout = (e: Error) => {
      opruimen();
      reject(Object.assign(e, { statusCode: 400 }));
    };
    const data = (stuk: Buffer) => {
      const totaal = ontvangen + stuk.length;
      if (!teGroot && !weggooien && totaal > limiet) {
        teGroot = true;
        buffer = eerste = undefined;
      }
      if (teGroot || weggooien) {
        ontvangen = totaal;
        if (ontvangen > limiet + MAX_WEGGOOIEN) {
          opruimen();
          stroom.destroy();
          reject(new TeGrootFout(limiet));
        }
        return;
      }
      if (bekend && totaal > opgegeven) return fout(new Error(`meer bytes ontvangen dan de Content-Length ${opgegeven}`));
      if (ontvangen === 0) eerste = stuk;
      else {
        if (totaal > (buffer?.length ?? 0)) groei(totaal);
        stuk.copy(buffer!, ontvangen);
      }
      ontvangen = totaal;
    };
    const teLaat = () => {
      opruimen();
      buffer = eerste = undefined;
      reject(new TeLaatFout());
    };
    const opruimen = () => {
      stroom.off('data', data);
      stroom.off('end', klaar);
      stroom.off('error', fout);
      if (lezers.get(stroom.socket) === teLaat) lezers.delete(stroom.socket);
    };
    if (stroom.socket) lezers.set(stroom.socket, teLaat);
    stroom.on('data', data);
    stroom.on('end', klaar);
    stroom.on('error', fout);
  });
}
