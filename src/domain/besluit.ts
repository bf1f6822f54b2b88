// The internal model of a besluit (BSL, ZDS 1.2 #18–#22): its own attributes, when its current values hold, the
// zaak it is the outcome of (isUitkomstVan) and the documents it is laid down in (isVastgelegdIn).
import { Tijdstip } from '../stuf/tijd';
import { XElement } from '../stuf/xml';
import type { ExtraElement, VeldSpec, Waarde } from './zaak';

export const VERVALREDENEN = ['Besluit met tijdelijke werking', 'Besluit ingetrokken door overheid', 'Besluit ingetrokken o.v.v. belanghebbende'] as const;

/** The besluit's own attributes, in schema order (kennisgeving and antwoord share it). */
export const BESLUIT_ATTRIBUTEN = [
  { naam: 'bst.omschrijving', soort: 'tekst', max: 80 },
  { naam: 'datumBeslissing', soort: 'datum' },
  { naam: 'toelichting', soort: 'tekst', max: 1000 },
  { naam: 'ingangsdatumWerking', soort: 'datum' },
  { naam: 'einddatumWerking', soort: 'datum' },
  { naam: 'vervalreden', soort: 'keuze', waarden: VERVALREDENEN },
  { naam: 'datumPublicatie', soort: 'datum' },
  { naam: 'datumVerzending', soort: 'datum' },
  { naam: 'datumUiterlijkeReactie', soort: 'datum' },
] as const satisfies readonly VeldSpec[];

export type BesluitAttribuut = (typeof BESLUIT_ATTRIBUTEN)[number]['naam'];

/** Besluittype elements of the answer we hold no catalogue for: asked explicitly, they are answered nietOndersteund. */
export const BESLUITTYPE_ELEMENTEN = ['bst.omschrijvingGeneriek', 'bst.categorie', 'bst.reactietermijn', 'bst.publicatieIndicatie', 'bst.publicatieTekst', 'bst.publicatieTermijn'] as const;

export const BESLUITIDENTIFICATIE_MAX = 40;

/** StUF:tijdvakGeldigheid of the current values (no material history is kept). */
export interface Geldigheid {
  begin?: Tijdstip;
  eind?: Tijdstip;
}

/** Everything of a besluit that lives in its JSON column. */
export interface BesluitData {
  attributen: Partial<Record<BesluitAttribuut, Waarde>>;
  geldigheid: Geldigheid;
  tijdstipRegistratie?: Tijdstip;
  extraElementen: ExtraElement[];
}

export interface Besluit {
  id: number;
  identificatie: string;
  /** The zaak it is the outcome of: every besluit in the gateway belongs to one zaak the gateway holds. */
  zaakId: number;
  data: BesluitData;
}

/** isVastgelegdIn (BSLEDC): the document is kept by identificatie, it may live in a DMS elsewhere. */
export interface Besluitdocument {
  id?: number;
  documentIdentificatie: string;
  /** What the message said of the document besides its identificatie (dct.omschrijving, titel). */
  gerelateerde: XElement[];
  /** Relation children besides gerelateerde (extraElementen). */
  velden: XElement[];
  einddatum?: string;
}

export function legeBesluitData(): BesluitData {
  return { attributen: {}, geldigheid: {}, extraElementen: [] };
}
