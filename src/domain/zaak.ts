// The internal model of a zaak: one model for both wire dialects. Parts the gateway only stores and returns
// (addresses, extra elements, objects other than persons) are kept as the element trees they arrived as.
import { Tijdstip } from '../stuf/tijd';
import { XElement } from '../stuf/xml';

/** A StUF value as stored; `ind` is StUF:indOnvolledigeDatum for incomplete dates. */
export interface Waarde {
  w: string;
  ind?: string;
}

export type VeldSoort = 'tekst' | 'datum' | 'tijdstip' | 'indicatie' | 'keuze' | 'geheel';

export interface VeldSpec {
  naam: string;
  soort: VeldSoort;
  max?: number;
  waarden?: readonly string[];
  /** For tekst: the value must match, and `uitleg` says what that means. */
  patroon?: RegExp;
  uitleg?: string;
  /** For geheel (xs:integer and its restrictions): the schema's facets; positiveInteger is minimum 1. */
  minimum?: number;
  maximum?: number;
  /** totalDigits: significant digits, leading zeros and sign not counted. */
  cijfers?: number;
}

/** The zaak's own attributes, in schema order (kennisgeving and antwoord share it). */
export const ZAAK_ATTRIBUTEN = [
  { naam: 'omschrijving', soort: 'tekst', max: 80 },
  { naam: 'toelichting', soort: 'tekst', max: 1000 },
  { naam: 'startdatum', soort: 'datum' },
  { naam: 'registratiedatum', soort: 'datum' },
  { naam: 'publicatiedatum', soort: 'datum' },
  { naam: 'einddatumGepland', soort: 'datum' },
  { naam: 'uiterlijkeEinddatum', soort: 'datum' },
  { naam: 'einddatum', soort: 'datum' },
  { naam: 'betalingsIndicatie', soort: 'keuze', waarden: ['N.v.t.', '(Nog) niet', 'Gedeeltelijk', 'Geheel'] },
  { naam: 'laatsteBetaaldatum', soort: 'tijdstip' },
  { naam: 'archiefnominatie', soort: 'indicatie' },
  { naam: 'datumVernietigingDossier', soort: 'datum' },
  { naam: 'zaakniveau', soort: 'geheel', minimum: 1, maximum: 3 }, // ZKN:ZaakNiveau, positiveInteger 1..3
  { naam: 'deelzakenIndicatie', soort: 'indicatie' },
] as const satisfies readonly VeldSpec[];

export type ZaakAttribuut = (typeof ZAAK_ATTRIBUTEN)[number]['naam'];

/** Groups of the zaak (ResultaatGrp, OpschortingGrp, VerlengingGrp) with their fields in schema order. */
export const ZAAK_GROEPEN = {
  resultaat: [
    { naam: 'omschrijving', soort: 'tekst', max: 80 },
    { naam: 'toelichting', soort: 'tekst', max: 1000 },
  ],
  opschorting: [
    { naam: 'indicatie', soort: 'indicatie' },
    { naam: 'reden', soort: 'tekst', max: 200 },
  ],
  verlenging: [
    { naam: 'duur', soort: 'geheel', cijfers: 3 }, // ZKN:DuurVerlenging, integer of at most 3 digits
    { naam: 'reden', soort: 'tekst', max: 200 },
  ],
} as const satisfies Record<string, readonly VeldSpec[]>;

export type ZaakGroep = keyof typeof ZAAK_GROEPEN;

export interface Kenmerk {
  kenmerk: string;
  bron: string;
}

export interface ExtraElement {
  naam: string;
  waarde: string | null;
}

export interface Zaaktype {
  code: string;
  omschrijving?: string;
}

/**
 * Where the zaak's archiefnominatie and datumVernietigingDossier come from (src/archief/afleiding.ts): derived from
 * the selectielijst, sent in a message, or onbepaald (closed without a rule). Kept with the data, never answered.
 */
export interface ArchiefStand {
  bron: 'selectielijst' | 'bericht' | 'onbepaald';
  /** The inputs of the last derivation; the same inputs again leave the values as they are. */
  invoer?: string;
}

/** Everything of a zaak that lives in its JSON column. */
export interface ZaakData {
  zaaktype: Zaaktype;
  attributen: Partial<Record<ZaakAttribuut, Waarde>>;
  groepen: Partial<Record<ZaakGroep, Record<string, Waarde>>>;
  kenmerken: Kenmerk[];
  anderZaakObjecten: XElement[];
  extraElementen: ExtraElement[];
  archief?: ArchiefStand;
}

export interface Zaak {
  id: number;
  identificatie: string;
  data: ZaakData;
}

// ---- betrokkenen, roles and objects -----------------------------------------------------------------------

export const BETROKKENE_SOORTEN = {
  natuurlijkPersoon: 'NPS',
  nietNatuurlijkPersoon: 'NNP',
  vestiging: 'VES',
  medewerker: 'MDW',
  organisatorischeEenheid: 'OEH',
} as const;

export type BetrokkeneElement = keyof typeof BETROKKENE_SOORTEN;
export type BetrokkeneSoort = (typeof BETROKKENE_SOORTEN)[BetrokkeneElement];

export const ELEMENT_VAN_SOORT: Record<BetrokkeneSoort, BetrokkeneElement> = {
  NPS: 'natuurlijkPersoon',
  NNP: 'nietNatuurlijkPersoon',
  VES: 'vestiging',
  MDW: 'medewerker',
  OEH: 'organisatorischeEenheid',
};

export interface Betrokkene {
  id?: number;
  soort: BetrokkeneSoort;
  /** Natural key within the soort (BSN, vestigingsnummer, medewerker-id, ...); absent when none was given. */
  sleutel?: string;
  bsn?: string;
  /** The entity's children as received, without kennisgeving-only attributes. */
  velden: XElement[];
}

/** The six role relations of StUF-ZKN and their entiteittypen. (Behandelaar is heeftAlsUitvoerende.) */
export const ROLSOORTEN = {
  heeftAlsBelanghebbende: 'ZAKBTRBLH',
  heeftAlsGemachtigde: 'ZAKBTRGMC',
  heeftAlsInitiator: 'ZAKBTRINI',
  heeftAlsUitvoerende: 'ZAKBTRUTV',
  heeftAlsVerantwoordelijke: 'ZAKBTRVRA',
  heeftAlsOverigBetrokkene: 'ZAKBTROVR',
} as const;

export type Rolsoort = keyof typeof ROLSOORTEN;

export interface Rol {
  id?: number;
  rolsoort: Rolsoort;
  betrokkene: Betrokkene;
  /** Relation children besides gerelateerde: code, omschrijving, toelichting, afwijkend adres, extraElementen. */
  velden: XElement[];
  einddatum?: string;
}

export interface Zaakobject {
  id?: number;
  /** Local name of the object element inside gerelateerde (natuurlijkPersoon, adres, pand, ...). */
  objecttype: string;
  betrokkene?: Betrokkene;
  /** The object element itself, for objects that are not betrokkenen. */
  object?: XElement;
  velden: XElement[];
  einddatum?: string;
}

/** ZKN:Volgnummer of a statustype: positiveInteger of at most 4 digits. */
export const STATUSTYPE_VOLGNUMMER: VeldSpec = { naam: 'volgnummer', soort: 'geheel', minimum: 1, cijfers: 4 };

export interface Status {
  id?: number;
  volgnummer: number;
  omschrijving?: string;
  code?: string;
  datumStatusGezet: Tijdstip;
  toelichting?: string;
  /** Kerngegevens of the statustype as received (zkt.code, zkt.omschrijving, volgnummer, ...). */
  statustype: XElement[];
  /** The isGezetDoor relation as received. */
  gezetDoor?: XElement;
  extra: XElement[];
}

export const ZAAKRELATIE_SOORTEN = {
  heeftAlsDeelzaak: 'ZAKZAKDEL',
  heeftBetrekkingOpAndere: 'ZAKZAKBTR',
} as const;

export type ZaakrelatieSoort = keyof typeof ZAAKRELATIE_SOORTEN;

export interface Zaakrelatie {
  id?: number;
  soort: ZaakrelatieSoort;
  andereIdentificatie: string;
  /** What the message said of the other zaak besides its identificatie (omschrijving, isVan). */
  gerelateerde: XElement[];
  velden: XElement[];
  einddatum?: string;
}

export function legeZaakData(zaaktype: Zaaktype): ZaakData {
  return { zaaktype, attributen: {}, groepen: {}, kenmerken: [], anderZaakObjecten: [], extraElementen: [] };
}
