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

interface Bevinding {
  pad: string;
  melding: string;
}

/** An outgoing connection's TLS settings only act on an https address: on http they would silently not be used. */
function uitgaandZonderTls(pad: string, adres: string, certificaat: unknown, basic: unknown, fouten: Bevinding[], waarschuwingen: Bevinding[]): void {
  if (new URL(adres).protocol === 'https:') return;
  if (certificaat) fouten.push({ pad: `${pad}.certificaat`, melding: `het adres ${adres} is http: een TLS-certificaat wordt daar nooit gebruikt; maak het adres https` });
  if (basic) waarschuwingen.push({ pad: `${pad}.basic`, melding: `het wachtwoord gaat onversleuteld naar ${adres}; gebruik een https-adres` });
}

/**
 * Registrations that make no sense without TLS, checked before anything is opened (bouwApp): basic-auth passwords
 * over plain HTTP in `beveiligd` mode (unless server.tlsBijProxy says TLS ends at a proxy in front), client
 * certificates the gateway never sees (no server.tls, or clientCertificaat geen), a subject match without a CA of
 * our own (without server.tls.ca Node checks against the public roots, so nobody's subject could be trusted), and
 * TLS settings of outgoing connections to http addresses. Refusals throw one ConfigFout naming every field; the
 * answer is what start-up logs once as warnings.
 */
export function controleerTransport(config: Config): string[] {
  const { tls, tlsBijProxy } = config.server;
  const fouten: Bevinding[] = [];
  const waarschuwingen: Bevinding[] = [];
  const basicApps: string[] = [];
  config.toegang.applicaties.forEach((a, i) => {
    const pad = `toegang.applicaties.${i}`;
    const wie = `${a.zender.organisatie ?? ''}/${a.zender.applicatie}`;
    if (a.basic && config.toegang.modus === 'beveiligd' && !tls) {
      if (tlsBijProxy) basicApps.push(wie);
      else fouten.push({ pad: `${pad}.basic`, melding: `applicatie ${wie} meldt zich aan met een wachtwoord, maar de gateway spreekt onversleuteld HTTP (geen server.tls); stel server.tls in, of server.tlsBijProxy: true als TLS eindigt bij een proxy vóór de gateway` });
    }
    if (!a.certificaat) return;
    if (!tls) {
      fouten.push({ pad: `${pad}.certificaat`, melding: `applicatie ${wie} meldt zich aan met een clientcertificaat, maar zonder server.tls ziet de gateway nooit een certificaat${tlsBijProxy ? ' (ook niet achter een proxy: die beëindigt TLS)' : ''}` });
      return;
    }
    if (tls.clientCertificaat === 'geen') fouten.push({ pad: `${pad}.certificaat`, melding: `applicatie ${wie} meldt zich aan met een clientcertificaat, maar server.tls.clientCertificaat geen vraagt er nooit om` });
    if (a.certificaat.onderwerp !== undefined && !tls.ca) fouten.push({ pad: `${pad}.certificaat.onderwerp`, melding: `applicatie ${wie} wordt herkend aan het onderwerp van haar certificaat, maar server.tls.ca ontbreekt: zonder eigen CA kan iedereen met een certificaat van een publieke CA dat onderwerp dragen` });
  });
  if (basicApps.length > 0) {
    waarschuwingen.push({ pad: 'server.tlsBijProxy', melding: `geen server.tls: de wachtwoorden van ${basicApps.join(', ')} zijn alleen beschermd als de proxy vóór de gateway TLS spreekt en de gateway alleen via die proxy bereikbaar is` });
  }
  config.bestemmingen.forEach((b, i) => uitgaandZonderTls(`bestemmingen.${i}`, b.adres, b.certificaat, b.basic, fouten, waarschuwingen));
  config.partners.forEach((p, i) => {
    if (p.zds) uitgaandZonderTls(`partners.${i}.zds`, p.zds.adres, p.zds.certificaat, p.zds.basic, fouten, waarschuwingen);
  });
  if (fouten.length > 0) throw new ConfigFout(fouten.map((f) => `configuratie: ${f.pad}: ${f.melding}`).join('\n'));
  return waarschuwingen.map((w) => `configuratie: ${w.pad}: ${w.melding}`);
}
