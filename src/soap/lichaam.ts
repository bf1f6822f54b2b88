// Reads a request body into one buffer, sized from Content-Length so a large document is held once, not as chunks
// plus their concatenation. A body over the limit is read to its end and discarded before the fault is sent:
// answering while the client is still uploading would reset the connection, and the client would see no fault.
import type { IncomingMessage } from 'node:http';

export class TeGrootFout extends Error {
  constructor(readonly limiet: number) {
    super(`Bericht is groter dan de ingestelde limiet van ${limiet} bytes`);
  }
}

/** How much of an oversized body we read past before giving up on a clean answer and closing the connection. */
const MAX_WEGGOOIEN = 1024 * 1024 * 1024;

export function leesLichaam(stroom: IncomingMessage, limiet: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const opgegeven = Number(stroom.headers['content-length']);
    const bekend = Number.isInteger(opgegeven) && opgegeven >= 0;
    let buffer = bekend && opgegeven <= limiet ? Buffer.allocUnsafe(opgegeven) : undefined;
    const stukken: Buffer[] = [];
    let ontvangen = 0;
    let teGroot = bekend && opgegeven > limiet;
    if (bekend && opgegeven > limiet + MAX_WEGGOOIEN) return reject(new TeGrootFout(limiet));

    const klaar = () => {
      opruimen();
      if (teGroot) return reject(new TeGrootFout(limiet));
      if (buffer) {
        if (ontvangen !== buffer.length) return reject(Object.assign(new Error(`Content-Length ${buffer.length}, ontvangen ${ontvangen} bytes`), { statusCode: 400 }));
        return resolve(buffer);
      }
      resolve(stukken.length === 1 ? stukken[0] : Buffer.concat(stukken, ontvangen));
    };
    const fout = (e: Error) => {
      opruimen();
      reject(Object.assign(e, { statusCode: 400 }));
    };
    const data = (stuk: Buffer) => {
      const totaal = ontvangen + stuk.length;
      if (!teGroot && totaal > limiet) {
        teGroot = true;
        buffer = undefined;
        stukken.length = 0;
      }
      if (teGroot) {
        ontvangen = totaal;
        if (ontvangen > limiet + MAX_WEGGOOIEN) {
          opruimen();
          stroom.destroy();
          reject(new TeGrootFout(limiet));
        }
        return;
      }
      if (buffer) {
        if (totaal > buffer.length) return fout(new Error(`meer bytes ontvangen dan de Content-Length ${buffer.length}`));
        stuk.copy(buffer, ontvangen);
      } else {
        stukken.push(stuk);
      }
      ontvangen = totaal;
    };
    const opruimen = () => {
      stroom.off('data', data);
      stroom.off('end', klaar);
      stroom.off('error', fout);
    };
    stroom.on('data', data);
    stroom.on('end', klaar);
    stroom.on('error', fout);
  });
}
