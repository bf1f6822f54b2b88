// The keep-alive https agent for one outbound destination: TLS 1.2 at least, our client certificate when we have one
// (mutual TLS, ZDS 1.2 §3) and the CA that signed its server certificate. Undefined for plain http.
import { Agent as HttpsAgent } from 'node:https';
import { readFileSync } from 'node:fs';
import type { UitgaandeTls } from './configSchema';

export function httpsAgent(adres: string, c: UitgaandeTls | undefined): HttpsAgent | undefined {
  if (!adres.startsWith('https:')) return undefined;
  return new HttpsAgent({
    keepAlive: true,
    minVersion: 'TLSv1.2',
    ...(c?.sleutel && c.certificaat ? { key: readFileSync(c.sleutel), cert: readFileSync(c.certificaat) } : {}),
    ...(c?.ca ? { ca: readFileSync(c.ca) } : {}),
  });
}
