// HTTPS (ZDS 1.2 §3: mutual TLS, at least TLS 1.2): the server options from server.tls, read and tried at start, so
// that a wrong path or a key that does not fit its certificate stops start-up with a message, not a stack trace.
import { readFileSync } from 'node:fs';
import type { ServerOptions } from 'node:https';
import { createSecureContext } from 'node:tls';
import { Config, ConfigFout } from '../config';

export type TlsConfig = NonNullable<Config['server']['tls']>;

function leesPem(pad: string, veld: string): Buffer {
  let inhoud: Buffer;
  try {
    inhoud = readFileSync(pad);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new ConfigFout(`configuratie: server.tls.${veld}: '${pad}' kan niet gelezen worden (${err.code ?? err.message})`);
  }
  if (!inhoud.includes('-----BEGIN ')) throw new ConfigFout(`configuratie: server.tls.${veld}: '${pad}' is geen PEM-bestand (verwacht -----BEGIN …-----)`);
  return inhoud;
}

/**
 * vragen: ask every client for a certificate but let the gateway decide per request (a StUF fault, which a client
 * can read, instead of a failed handshake); verplicht: the handshake fails without a certificate signed by `ca`.
 */
export function httpsOpties(tls: TlsConfig): ServerOptions {
  if (tls.clientCertificaat === 'verplicht' && !tls.ca) {
    throw new ConfigFout('configuratie: server.tls.clientCertificaat verplicht vereist server.tls.ca: de CA waartegen clientcertificaten gecontroleerd worden');
  }
  const opties: ServerOptions = {
    key: leesPem(tls.sleutel, 'sleutel'),
    cert: leesPem(tls.certificaat, 'certificaat'),
    ...(tls.ca ? { ca: leesPem(tls.ca, 'ca') } : {}),
    minVersion: 'TLSv1.2',
    requestCert: tls.clientCertificaat !== 'geen',
    rejectUnauthorized: tls.clientCertificaat === 'verplicht',
  };
  try {
    createSecureContext(opties);
  } catch (e) {
    throw new ConfigFout(`configuratie: server.tls: sleutel, certificaat en ca zijn samen onbruikbaar (${(e as Error).message}); horen sleutel en certificaat bij elkaar?`);
  }
  return opties;
}
