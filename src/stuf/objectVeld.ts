// The shape of the generated object allow-lists (objectVormen.ts, made by scripts/objectVormen.js).
/** The generated description of one field (facets as the schema states them). */
export interface ObjectVeld {
  ns: string;
  soort: 'waarde' | 'datum' | 'tijdstip' | 'authentiek' | 'groep' | 'extraElementen' | 'tijdvakGeldigheid' | 'tijdstipRegistratie' | 'tijdvakObject' | 'weg';
  basis?: string;
  patronen?: string[];
  waarden?: string[];
  length?: string;
  minLength?: string;
  maxLength?: string;
  totalDigits?: string;
  fractionDigits?: string;
  minInclusive?: string;
  maxInclusive?: string;
  minExclusive?: string;
  maxExclusive?: string;
  velden?: [string, ObjectVeld][];
  verplicht?: string[];
  entiteittype?: string;
  /** maxOccurs when not 1 ('unbounded' or a number). */
  max?: string;
  /** The other branches of its xs:choice. */
  sluitUit?: string[];
}

export type ObjectVormen = Record<string, { velden: [string, ObjectVeld][]; verplicht: string[]; entiteittype?: string }>;
