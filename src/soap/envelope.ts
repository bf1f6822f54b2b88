// SOAP envelopes: SOAP 1.1 as the StUF bindings prescribe, SOAP 1.2 tolerated (answered in kind).
// Header blocks are read past: WS-Addressing and WS-Security from real consumers must not break anything.
import { NS } from '../stuf/namespaces';
import { Plek } from '../stuf/fout';
import { Deel, XElement, XmlSyntaxError, at, child, el, parseXml, serialize, serializeDelen } from '../stuf/xml';

export type SoapVersie = '1.1' | '1.2';

export interface SoapVerzoek {
  versie: SoapVersie;
  headers: XElement[];
  /** The message: the first element inside soap:Body. */
  body: XElement;
}

/** The message could not be read; `versie` is set once the envelope itself was recognised, so the fault matches it. */
export class EnvelopeFout extends Error {
  constructor(message: string, readonly versie?: SoapVersie) {
    super(message);
  }
}

/** The envelope of a parsed message: SOAP 1.1 or 1.2, its header blocks and the first element in its Body. */
export function envelopeUit(root: XElement): SoapVerzoek {
  const versie: SoapVersie | undefined = root.ns === NS.soap11 ? '1.1' : root.ns === NS.soap12 ? '1.2' : undefined;
  if (root.local !== 'Envelope' || !versie) {
    // A bare StUF message (integration testers post those): treat it as the body.
    if (root.local === 'Envelope') throw new EnvelopeFout(`Onbekende SOAP-envelope-namespace '${root.ns}'`);
    return { versie: '1.1', headers: [], body: root };
  }
  const header = child(root, 'Header', root.ns);
  const body = child(root, 'Body', root.ns);
  if (!body) throw new EnvelopeFout('SOAP-envelope zonder Body', versie);
  const first = body.children[0];
  if (!first) throw new EnvelopeFout('SOAP Body is leeg: er is geen StUF-bericht ontvangen', versie);
  return { versie, headers: header?.children ?? [], body: first };
}

/** Reads a small envelope at once (answers of partners and subscribers; tests). Requests go through leesXml. */
export function leesEnvelope(source: string): SoapVerzoek {
  let root: XElement;
  try {
    root = parseXml(source);
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw new EnvelopeFout(e.message);
    throw e;
  }
  return envelopeUit(root);
}

function soapNs(versie: SoapVersie): string {
  return versie === '1.2' ? NS.soap12 : NS.soap11;
}

export function envelope(versie: SoapVersie, message: XElement): string {
  const ns = soapNs(versie);
  return '<?xml version="1.0" encoding="UTF-8"?>' + serialize(el(ns, 'Envelope', [el(ns, 'Body', [message])]));
}

/** The envelope as text pieces with document content left as data, to be streamed as base64 or MTOM parts. */
export function envelopeDelen(versie: SoapVersie, message: XElement): Deel[] {
  const ns = soapNs(versie);
  const delen = serializeDelen(el(ns, 'Envelope', [el(ns, 'Body', [message])]));
  delen[0] = '<?xml version="1.0" encoding="UTF-8"?>' + (delen[0] as string);
  return delen;
}

/** binding 3.02 ch. 3: faultcode from StUF:plek, faultstring = omschrijving, detail = the whole foutbericht. */
export function faultEnvelope(versie: SoapVersie, plek: Plek, omschrijving: string, foutbericht: XElement): string {
  const ns = soapNs(versie);
  let fault: XElement;
  if (versie === '1.1') {
    fault = el(ns, 'Fault', [
      el('', 'faultcode', `soapenv:${plek === 'client' ? 'Client' : 'Server'}`),
      el('', 'faultstring', omschrijving),
      el('', 'detail', [foutbericht]),
    ]);
  } else {
    fault = el(ns, 'Fault', [
      el(ns, 'Code', [el(ns, 'Value', `env:${plek === 'client' ? 'Sender' : 'Receiver'}`)]),
      el(ns, 'Reason', [el(ns, 'Text', omschrijving, [at(NS.xml, 'lang', 'nl')])]),
      el(ns, 'Detail', [foutbericht]),
    ]);
  }
  return '<?xml version="1.0" encoding="UTF-8"?>' + serialize(el(ns, 'Envelope', [el(ns, 'Body', [fault])]));
}

export function contentType(versie: SoapVersie): string {
  return versie === '1.2' ? 'application/soap+xml; charset=utf-8' : 'text/xml; charset=utf-8';
}
