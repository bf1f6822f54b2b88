// The report's tables: their names (file and SQLite table), columns and column types, in one place for the CSV and
// the SQLite writer. Every table ends with `onderdrukt`: the names of the cells of that row that are kept back.
import type { Cel } from './onderdrukking';

export type Kolomsoort = 'tekst' | 'aantal' | 'getal';

export interface Kolom {
  naam: string;
  soort: Kolomsoort;
}

export interface Tabel {
  naam: string;
  kolommen: Kolom[];
  rijen: Record<string, Cel>[];
}

const tekst = (naam: string): Kolom => ({ naam, soort: 'tekst' });
const aantal = (naam: string): Kolom => ({ naam, soort: 'aantal' });
const getal = (naam: string): Kolom => ({ naam, soort: 'getal' });

export const ONDERDRUKT = tekst('onderdrukt');

export const ZAKEN_PER_MAAND = {
  naam: 'zaken_per_maand',
  kolommen: [tekst('zaaktype'), tekst('zaaktype_omschrijving'), tekst('maand'), aantal('gestart'), aantal('gesloten'), aantal('open_einde_maand'), ONDERDRUKT],
};

export const DOORLOOPTIJDEN = {
  naam: 'doorlooptijden',
  kolommen: [tekst('zaaktype'), tekst('zaaktype_omschrijving'), tekst('resultaat'), aantal('aantal'), getal('mediaan_dagen'), getal('p90_dagen'), ONDERDRUKT],
};

export const PLANNEN = {
  naam: 'plannen',
  kolommen: [tekst('zaaktype'), tekst('plansoort'), tekst('deelplannen'), aantal('plannen'), ONDERDRUKT],
};

export const DEELPLANNEN_PER_BEHANDELAAR = {
  naam: 'deelplannen_per_behandelaar',
  kolommen: [tekst('soort'), tekst('behandelaar'), aantal('deelplannen'), ONDERDRUKT],
};

export const PARTNERTERMIJNEN = {
  naam: 'partnertermijnen',
  kolommen: [tekst('partner'), tekst('maand'), aantal('overschreden'), aantal('nagekomen'), ONDERDRUKT],
};

export const METADATA = {
  naam: 'metadata',
  kolommen: [tekst('sleutel'), tekst('waarde')],
};

/** Group labels for what has no name of its own (never a value from a message). */
export const GEEN_RESULTAAT = '(geen resultaat)';
export const OVERIGE_RESULTATEN = '(overige resultaten)';
export const OVERIGE_AFDELINGEN = '(overige afdelingen)';
