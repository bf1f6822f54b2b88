// The subscriber a replay plays: one SOAP endpoint on loopback that keeps every message the gateway delivers to it
// and acknowledges it with Bv03, so that a conversation can show the notifications a step causes. A destination is
// told apart by the first segment of the path it posts to: configure it as `{ontvanger}/<naam>/OntvangAsynchroon`.
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { envelope, leesEnvelope } from '../soap/envelope';
import { bv03 } from '../stuf/berichten';
import { leesStuurgegevens } from '../stuf/stuurgegevens';

export interface Bezorgd {
  /** The first segment of the path the message was posted to: the destination's naam by convention. */
  bestemming: string;
  actie: string;
  body: string;
}

export class ReplayOntvanger {
  readonly ontvangen: Bezorgd[] = [];
  private server?: Server;

  /** The base address to put in place of `{ontvanger}` in a destination's adres. */
  adres = '';

  async start(poort = 0): Promise<this> {
    const server = createServer((req, res) => void this.behandel(req, res));
    await new Promise<void>((klaar, mislukt) => {
      server.once('error', mislukt);
      server.listen(poort, '127.0.0.1', () => klaar());
    });
    this.server = server;
    this.adres = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((klaar) => server.close(() => klaar()));
  }

  /** Everything received since the last call. */
  neem(): Bezorgd[] {
    return this.ontvangen.splice(0);
  }

  private async behandel(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const stukken: Buffer[] = [];
    for await (const s of req) stukken.push(s as Buffer);
    const body = Buffer.concat(stukken).toString('utf8');
    this.ontvangen.push({
      bestemming: (req.url ?? '/').split('?')[0].split('/').filter(Boolean)[0] ?? '',
      actie: String(req.headers.soapaction ?? '').replace(/^"|"$/g, ''),
      body,
    });
    // The acknowledgement names as its zender whoever the message was addressed to.
    let antwoord: string;
    try {
      const sg = leesStuurgegevens(leesEnvelope(body).body);
      antwoord = envelope('1.1', bv03(sg, sg.ontvanger ?? { applicatie: 'REPLAY' }));
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('geen SOAP-bericht');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(antwoord);
  }
}

/** A copy of a configuration with `{ontvanger}` replaced in every text by the receiver's base address. */
export function metOntvanger<T>(waarde: T, adres: string): T {
  if (typeof waarde === 'string') return waarde.split('{ontvanger}').join(adres) as T;
  if (Array.isArray(waarde)) return waarde.map((w) => metOntvanger(w, adres)) as T;
  if (waarde && typeof waarde === 'object') return Object.fromEntries(Object.entries(waarde).map(([k, w]) => [k, metOntvanger(w, adres)])) as T;
  return waarde;
}
