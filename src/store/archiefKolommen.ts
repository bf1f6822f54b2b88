// The zaak row's archive columns (schema v13): archiefnominatie, archiefactiedatum and where they come from, as the
// destruction list and the onbepaald list search them. Read from the zaak's data whenever it is written, so the
// columns never disagree with what geefZaakdetails answers. The derivation itself is the archief feature's.
import type { ArchiefStand, ZaakData } from '../domain/zaak';

/** Where a zaak's archive values come from: the selectielijst, a message, or nowhere yet (closed without a rule). */
export type Archiefbron = ArchiefStand['bron'];

export const DATUM = /^(\d{4})(\d{2})(\d{2})$/;

/** A complete StUF date (JJJJMMDD, also JJJJ-MM-DD from an extraElement) as JJJJMMDD, or undefined. */
export function geldigeDatum(w: string | undefined): string | undefined {
  const m = DATUM.exec((w ?? '').trim().replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$1$2$3'));
  if (!m) return undefined;
  const [j, mnd, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(j, mnd - 1, d));
  return t.getUTCFullYear() === j && t.getUTCMonth() === mnd - 1 && t.getUTCDate() === d ? `${m[1]}${m[2]}${m[3]}` : undefined;
}

/** Whether the zaak holds an archiefnominatie or datumVernietigingDossier at all. */
export const heeftWaarden = (data: ZaakData) => !!data.attributen.archiefnominatie || !!data.attributen.datumVernietigingDossier;

/** The source of the zaak's values; a zaak stored before the selectielijst existed counts what it has as sent. */
export function bronVan(data: ZaakData): Archiefbron | undefined {
  return data.archief?.bron ?? (heeftWaarden(data) ? 'bericht' : data.attributen.einddatum ? 'onbepaald' : undefined);
}

/** The zaak row's archive columns (schema v13), as the destruction list and the onbepaald list search them. */
export function archiefKolommen(data: ZaakData): { archiefnominatie: string | null; archiefactiedatum: string | null; archiefbron: Archiefbron | null } {
  const n = data.attributen.archiefnominatie?.w;
  const d = data.attributen.datumVernietigingDossier;
  return {
    archiefnominatie: n === 'J' || n === 'N' ? n : null,
    archiefactiedatum: d && (!d.ind || d.ind === 'V') ? geldigeDatum(d.w) ?? null : null,
    archiefbron: bronVan(data) ?? null,
  };
}
