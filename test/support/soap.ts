// Wrapping messages in SOAP envelopes and reading answers back, for tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseXml, XElement, child, path } from '../../src/stuf/xml';
import { NS } from '../../src/stuf/namespaces';
import { SAMPLES } from './paden';

export const ZDS12 = 'http://www.stufstandaarden.nl/koppelvlak/zds0120/';
export const ZDS11 = 'http://www.egem.nl/StUF/sector/zkn/0310/';

/** A message without its XML declaration and comments, inside a SOAP 1.1 envelope. */
export function inEnvelope(bericht: string, header = ''): string {
  const kaal = bericht.replace(/<\?xml[^?]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  return `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header>${header}</soapenv:Header><soapenv:Body>${kaal}</soapenv:Body></soapenv:Envelope>`;
}

export function sample(rel: string): string {
  return readFileSync(join(SAMPLES, rel), 'utf8');
}

/** The message in the Body of an answer (for a fault: the Fo0x inside detail). */
export function bericht(xml: string): XElement {
  const env = parseXml(xml);
  const body = child(env, 'Body', NS.soap11) ?? child(env, 'Body', NS.soap12)!;
  const eerste = body.children[0];
  if (eerste.local === 'Fault') return (child(eerste, 'detail') ?? child(eerste, 'Detail'))!.children[0];
  return eerste;
}

export function foutcode(xml: string): string | undefined {
  return path(bericht(xml), 'body', 'code')?.text;
}

export function foutdetails(xml: string): string | undefined {
  return path(bericht(xml), 'body', 'details')?.text;
}
