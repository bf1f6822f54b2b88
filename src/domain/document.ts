// The internal model of a document (EDC) and of its filing in a zaak (ZAAKDOCUMENT): one model for both dialects.
import type { VeldSpec, Waarde } from './zaak';

export const VERTROUWELIJK_AANDUIDINGEN = [
  'ZEER GEHEIM', 'GEHEIM', 'CONFIDENTIEEL', 'VERTROUWELIJK', 'ZAAKVERTROUWELIJK', 'INTERN', 'BEPERKT OPENBAAR', 'OPENBAAR',
] as const;

/** The document's own metadata as the ZDS messages carry it, in schema order (identificatie aside). */
export const DOCUMENT_VELDEN = [
  { naam: 'dct.omschrijving', soort: 'tekst', max: 80 },
  { naam: 'creatiedatum', soort: 'datum' },
  { naam: 'ontvangstdatum', soort: 'datum' },
  { naam: 'titel', soort: 'tekst', max: 200 },
  { naam: 'beschrijving', soort: 'tekst', max: 1000 },
  { naam: 'formaat', soort: 'tekst', max: 85 },
  { naam: 'taal', soort: 'tekst', max: 20 },
  { naam: 'versie', soort: 'tekst', max: 5 },
  { naam: 'status', soort: 'tekst', max: 20 },
  { naam: 'verzenddatum', soort: 'datum' },
  { naam: 'vertrouwelijkAanduiding', soort: 'keuze', waarden: VERTROUWELIJK_AANDUIDINGEN },
  { naam: 'auteur', soort: 'tekst', max: 200 },
  { naam: 'link', soort: 'tekst', max: 200 },
] as const satisfies readonly VeldSpec[];

export type DocumentVeld = (typeof DOCUMENT_VELDEN)[number]['naam'];
export type DocumentData = Partial<Record<DocumentVeld, Waarde>>;

/** Fields of the ZAAKDOCUMENT relation itself (ZAKEDC / EDCZAK), in schema order. */
export const ZAAKDOCUMENT_VELDEN = [
  { naam: 'titel', soort: 'tekst', max: 200 },
  { naam: 'beschrijving', soort: 'tekst', max: 1000 },
  { naam: 'registratiedatum', soort: 'datum' },
] as const satisfies readonly VeldSpec[];

export type ZaakdocumentVeld = (typeof ZAAKDOCUMENT_VELDEN)[number]['naam'];
export type ZaakdocumentData = Partial<Record<ZaakdocumentVeld, Waarde>>;

/** A check-out (CMIS private working copy): who holds it, since when and until when (UTC instants). */
export interface Vergrendeling {
  checkedOutId: string;
  door: string;
  sinds: string;
  tot: string;
}

export interface Document {
  id: number;
  identificatie: string;
  data: DocumentData;
  /** Internal version counter; the EDC element `versie` is a label in data. */
  versienummer: number;
  /** Absent for a placeholder made by maakZaakdocument. */
  inhoudId?: number;
  /** The last check-out, also when it has lapsed (a lapsed one may still be checked in by its holder). */
  vergrendeling?: Vergrendeling;
  aangemaakt: string;
}

/** Stored content: what the inhoud element says about it, not the bytes. */
export interface InhoudInfo {
  id: number;
  bestandsnaam: string;
  contentType?: string;
  grootte: number;
  sha256: string;
}

export type VersioningState = 'major' | 'minor';

/** A filing of a document in a zaak, seen from either side. */
export interface Zaakdocument {
  zaakId: number;
  zaakIdentificatie: string;
  document: Document;
  velden: ZaakdocumentData;
}
