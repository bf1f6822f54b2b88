// Sending test messages over real HTTP: the test gateway listens on a loopback port and every message goes through
// the whole stack (Fastify, content type, SOAPAction header) as a consumer's would. Answers are still recorded for
// the conformance check by the gateway's own hook (gateway.ts).
import type { HttpAntwoord } from './antwoorden';
import type { TestGateway } from './gateway';
import { luister } from './soapClientOpname';
import { inEnvelope } from './soap';

export interface Loopback {
  basis: string;
  /** A message body, wrapped in a SOAP 1.1 envelope, POSTed with this SOAPAction to this endpoint. */
  stuur(bericht: string, actie: string, pad: string): Promise<HttpAntwoord>;
}

export async function loopback(gw: TestGateway): Promise<Loopback> {
  const basis = await luister(gw);
  return {
    basis,
    async stuur(bericht, actie, pad) {
      const r = await fetch(basis + pad, {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${actie}"` },
        body: inEnvelope(bericht),
      });
      return { status: r.status, body: await r.text(), headers: Object.fromEntries(r.headers) };
    },
  };
}
