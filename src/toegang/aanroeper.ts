// Who is calling: the application the transport identity (HTTP basic or TLS client certificate) belongs to, its
// role and zaaktypen, and the emergency reason a request may state. Decided once per request, before any work.
import type { ApplicatieConfig, Rol } from '../config';

/** `open` is the development mode's caller: no credentials, everything allowed. */
export type AanroeperRol = Rol | 'open';

/** Breaking the glass: a stated reason that grants full view for one request, always protocolled. */
export interface Noodtoegang {
  reden: string;
  doelbinding?: string;
}

export interface Aanroeper {
  /** StUF zender applicatie (registered, or as declared in open mode). */
  applicatie: string;
  organisatie?: string;
  /** stuurgegevens/zender/gebruiker: the person behind the application, for the protocol. */
  gebruiker?: string;
  rol: AanroeperRol;
  /** How the caller was identified. */
  via: 'basic' | 'certificaat' | 'open';
  registratie?: ApplicatieConfig;
  noodtoegang?: Noodtoegang;
  /** A configured ketenpartner: it sees only its own mirrored zaken and the deelplannen they belong to. */
  partner?: AanroeperPartner;
}

export interface AanroeperPartner {
  naam: string;
  /** Whether this identificatie is one of its mirrored zaken or a deelplan one of them belongs to (read from the store). */
  ziet(identificatie: string): Promise<boolean>;
}

/** The zaaktypen-list entry for every zaaktype; asking for it asks whether a list holds every zaaktype. */
export const ALLE_ZAAKTYPEN = '*';

const past = (lijst: readonly string[], code: string) => lijst.includes(ALLE_ZAAKTYPEN) || lijst.includes(code);

export function magLezen(a: Aanroeper, zaaktypeCode: string): boolean {
  return !a.registratie || past(a.registratie.zaaktypen.lezen, zaaktypeCode);
}

export function magSchrijven(a: Aanroeper, zaaktypeCode: string): boolean {
  if (a.rol === 'kcc' || a.rol === 'beheer' || a.rol === 'teammanager') return false;
  return !a.registratie || past(a.registratie.zaaktypen.schrijven, zaaktypeCode);
}

export function magNoodtoegang(a: Aanroeper): boolean {
  if (!a.registratie) return true;
  // A teammanager sees workload, not content: breaking the glass only when its registration says so.
  return a.registratie.noodtoegang ?? (a.rol !== 'ketenpartner' && a.rol !== 'teammanager');
}

export const OPEN_AANROEPER = (applicatie = 'onbekend', organisatie?: string): Aanroeper => ({
  applicatie,
  ...(organisatie ? { organisatie } : {}),
  rol: 'open',
  via: 'open',
});

export function aanroeperLabel(a: Aanroeper): string {
  return `${a.organisatie ? `${a.organisatie}/` : ''}${a.applicatie} (rol ${a.rol})`;
}
