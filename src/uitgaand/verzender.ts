// Sends one message to a destination over SOAP 1.1 through the soap package's HTTP client, and says what came back:
// a Bv03 (or Bv01, rzs.md A10) is delivered; a StUF fault names its plek; anything else is a transport failure.
import type { Agent as HttpsAgent } from 'node:https';
import { httpsAgent } from './httpsAgent';
import { HttpClient } from 'soap';
import { NS } from '../stuf/namespaces';
import { child, XElement } from '../stuf/xml';
import { leesEnvelope } from '../soap/envelope';
import type { BestemmingConfig } from './configSchema';

/** What came back over HTTP, for the observers (metrics, journal); absent when no answer arrived. */
export interface Ontvangen {
  http?: HttpAntwoord;
  /** The StUF foutcode of a fault answer. */
  foutcode?: string;
}

export type Uitkomst = Ontvangen & (
  | { soort: 'afgeleverd'; berichtcode: string }
  /** The destination refused the message itself (plek client): resending it unchanged cannot help. */
  | { soort: 'geweigerd'; fout: string }
  /** Down, slow, a server-side fault or an unreadable answer: worth another attempt. */
  | { soort: 'mislukt'; fout: string });

export interface HttpAntwoord {
  status: number;
  body: string;
}

const tekst = (e: XElement | undefined) => e?.text.trim() ?? '';

/** What a StUF fault says, in one line for the outbox and the log (fault texts hold no personal data we sent). */
export function foutTekst(fo: XElement | undefined, faultstring: string): { plek: string; tekst: string } {
  const body = child(fo, 'body');
  const code = tekst(child(body, 'code'));
  const plek = tekst(child(body, 'plek'));
  const omschrijving = tekst(child(body, 'omschrijving')) || faultstring;
  const details = tekst(child(body, 'details'));
  return { plek, tekst: [fo?.local.replace(/Bericht$/, ''), code, plek && `plek ${plek}`, omschrijving, details].filter(Boolean).join(': ').slice(0, 900) };
}

export function beoordeel(a: HttpAntwoord): Uitkomst {
  let body: XElement;
  try {
    body = leesEnvelope(a.body).body;
  } catch {
    return { soort: 'mislukt', http: a, fout: `HTTP ${a.status}: geen SOAP-antwoord (${a.body.slice(0, 200).replace(/\s+/g, ' ')})` };
  }
  if (body.local === 'Fault') {
    const detail = child(body, 'detail') ?? child(body, 'Detail');
    const fo = detail?.children.find((c) => c.ns === NS.stuf && /^Fo0\dBericht$/.test(c.local));
    const faultcode = tekst(child(body, 'faultcode')) || tekst(child(child(body, 'Code'), 'Value'));
    const faultstring = tekst(child(body, 'faultstring')) || tekst(child(child(body, 'Reason'), 'Text'));
    const { plek, tekst: fout } = foutTekst(fo, faultstring);
    const client = plek ? plek === 'client' : /(Client|Sender)$/.test(faultcode);
    const code = tekst(child(child(fo, 'body'), 'code'));
    const ontvangen = { http: a, ...(/^StUF\d{3}$/.test(code) ? { foutcode: code } : {}) };
    return client ? { soort: 'geweigerd', fout, ...ontvangen } : { soort: 'mislukt', fout, ...ontvangen };
  }
  if (body.ns === NS.stuf && (body.local === 'Bv03Bericht' || body.local === 'Bv01Bericht')) {
    return { soort: 'afgeleverd', berichtcode: body.local.slice(0, 4), http: a };
  }
  return { soort: 'mislukt', http: a, fout: `HTTP ${a.status}: antwoord is geen Bv03 maar {${body.ns}}${body.local}` };
}

/** The SOAP 1.1 envelope an outbox message is sent in. */
export const soapEnvelop = (bericht: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${NS.soap11}"><soapenv:Body>${bericht}</soapenv:Body></soapenv:Envelope>`;

export interface Verzender {
  verstuur(b: BestemmingConfig, soapActie: string, bericht: string): Promise<Uitkomst>;
}

export class SoapVerzender implements Verzender {
  private readonly client = new HttpClient();
  private readonly agents = new Map<string, HttpsAgent | undefined>();

  constructor(private readonly timeoutMs: number) {}

  /** One keep-alive agent per destination, with its client certificate when it has one. */
  private agent(b: BestemmingConfig): HttpsAgent | undefined {
    if (!this.agents.has(b.naam)) this.agents.set(b.naam, httpsAgent(b.adres, b.certificaat));
    return this.agents.get(b.naam);
  }

  verstuur(b: BestemmingConfig, soapActie: string, bericht: string): Promise<Uitkomst> {
    const envelope = soapEnvelop(bericht);
    const headers: Record<string, string> = { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${soapActie}"` };
    if (b.basic) headers.Authorization = `Basic ${Buffer.from(`${b.basic.gebruikersnaam}:${b.basic.wachtwoord}`).toString('base64')}`;
    let agent: HttpsAgent | undefined;
    try {
      agent = this.agent(b);
    } catch (e) {
      return Promise.resolve({ soort: 'mislukt', fout: `certificaat van bestemming ${b.naam} niet leesbaar: ${(e as Error).message}` });
    }
    return new Promise((klaar) => {
      // The callback gets every outcome; soap handles the rejection of the promise it also returns.
      void this.client.request(
        b.adres,
        envelope,
        (err: (Error & { code?: string }) | null, res?: { status: number; data: unknown }) => {
          if (err) return klaar({ soort: 'mislukt', fout: `${err.code ?? 'fout'}: ${err.message}`.slice(0, 900) });
          klaar(beoordeel({ status: res!.status, body: typeof res!.data === 'string' ? res!.data : String(res!.data ?? '') }));
        },
        headers,
        { timeout: this.timeoutMs, ...(agent ? { httpsAgent: agent } : {}) },
      );
    });
  }
}
