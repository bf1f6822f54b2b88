// The HTTP connection's own limits (server.headerTimeoutSeconden, verzoekTimeoutSeconden, maxHeaderBytes) and the
// answer when HTTP itself gives up on a request: a SOAP fault (StUF055, Fo02) where the connection still takes one,
// never a bare 408 or 431. Node's HTTP server keeps the clocks; a request whose body is being read when its time is
// up is answered by its own reply (lichaam.ts), so that nothing is written across a response already under way.
import type { ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { StufFout } from '../stuf/fout';
import { ruwFoutAntwoord } from './foutAntwoord';
import { breekLezenAf } from './lichaam';

/** How often Node looks for connections past their time (its default is 30 s, too coarse for a 20 s header limit). */
const CONTROLE_MS = 1000;
/** After the fault is written, how long the client may still send before the connection is closed regardless. */
const NALOOP_MS = 2000;

export type VerbindingOpties = Required<Pick<ServerOptions, 'headersTimeout' | 'requestTimeout' | 'connectionsCheckingInterval' | 'maxHeaderSize'>>;

export function verbindingOpties(server: Config['server']): VerbindingOpties {
  const requestTimeout = server.verzoekTimeoutSeconden * 1000;
  return {
    requestTimeout,
    // Node refuses a header limit beyond the request limit: the headers are part of the request.
    headersTimeout: Math.min(server.headerTimeoutSeconden * 1000, requestTimeout),
    connectionsCheckingInterval: CONTROLE_MS,
    maxHeaderSize: server.maxHeaderBytes,
  };
}

/** The fault for a client error the HTTP server reports (Node error codes, llhttp's HPE_ codes). */
export function verbindingsFout(code: string | undefined, server: Config['server']): StufFout {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return new StufFout('StUF055', `Het HTTP-verzoek was niet op tijd compleet: de kopregels moeten binnen ${server.headerTimeoutSeconden} s binnen zijn (server.headerTimeoutSeconden), het hele verzoek binnen ${server.verzoekTimeoutSeconden} s (server.verzoekTimeoutSeconden)`);
  }
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new StufFout('StUF055', `De kopregels van het HTTP-verzoek zijn samen groter dan ${server.maxHeaderBytes} bytes (server.maxHeaderBytes)`);
  }
  const soort = code && /^HPE_[A-Z_]{1,40}$/.test(code) ? ` (${code})` : '';
  return new StufFout('StUF055', `Het HTTP-verzoek is geen leesbaar HTTP/1.1${soort}`);
}

/** Fastify's clientErrorHandler: the fault as a raw HTTP/1.1 response, then the connection is closed. */
export function clientFoutAfhandeling(config: Config, log: Logger) {
  /** Connections answered and closing: the parser reports its error again for every later byte. */
  const beantwoord = new WeakSet<Socket>();
  return function (err: Error & { code?: string }, socket: Socket): void {
    if (err.code === 'ECONNRESET' || socket.destroyed || beantwoord.has(socket)) return;
    if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT' && breekLezenAf(socket)) return;
    // A response is under way (Node's private field, the one its own handler looks at): writing would corrupt it.
    if ((socket as { _httpMessage?: unknown })._httpMessage || !socket.writable) {
      socket.destroy();
      return;
    }
    const fout = verbindingsFout(err.code, config.server);
    log.warn({ fout: fout.code, oorzaak: err.code }, 'HTTP-verzoek geweigerd');
    // Closed after a short wait rather than at once: closing with unread bytes would reset the connection and
    // could take the fault with it.
    beantwoord.add(socket);
    socket.end(ruwFoutAntwoord(fout, config.stuf.zender));
    const sluit = setTimeout(() => socket.destroy(), NALOOP_MS);
    sluit.unref();
    socket.once('close', () => clearTimeout(sluit));
  };
}
