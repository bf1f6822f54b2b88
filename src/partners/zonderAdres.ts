// A partner's address (its zds adres, its WSDL location, host names and IP addresses in an error text) is its
// internal network's business: a melding answered to a reader, and the failure `partners lijst` shows, say that the
// partner could not be reached and why, never where it lives. The operator's log keeps the whole text.
import type { PartnerConfig } from './configSchema';

const ADRES = '[adres van de partner]';

/** Every URL (scheme://…), IPv4 address (with port), bracketed IPv6 or one with '::'. */
const PATRONEN = [
  /\b[a-z][a-z0-9+.-]*:\/\/[^\s'"<>()]+/gi,
  /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/g,
  /\[[0-9a-f:.]+\](?::\d{1,5})?/gi,
  /(?<![\w:])[0-9a-f]{0,4}::[0-9a-f:.]*(?::\d{1,5})?/gi,
];

/** The configured places of this partner: its addresses whole and their host names, longest first. */
function eigenAdressen(p: PartnerConfig | undefined): string[] {
  const zds = p?.zds;
  if (!zds) return [];
  const plekken = new Set<string>();
  for (const a of [zds.adres, zds.wsdl]) {
    if (!a) continue;
    plekken.add(a);
    try {
      const url = new URL(a);
      if (url.host) plekken.add(url.host);
      if (url.hostname) plekken.add(url.hostname.replace(/^\[|\]$/g, ''));
    } catch {
      // A WSDL given as a file path: the path itself is replaced above.
    }
  }
  return [...plekken].filter((x) => x.length >= 3).sort((a, b) => b.length - a.length);
}

export function zonderAdres(tekst: string, p: PartnerConfig | undefined): string {
  let uit = tekst;
  for (const plek of eigenAdressen(p)) uit = uit.split(plek).join(ADRES);
  for (const patroon of PATRONEN) uit = uit.replace(patroon, ADRES);
  return uit;
}
