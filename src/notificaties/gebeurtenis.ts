// The gebeurtenis values of Bijlage D (rzs.md §6.1): emitted exactly as listed, recognised loosely on input (A9).

export const GEBEURTENISSEN = ['Creeer zaak', 'Update zaak', 'Actualiseer zaakstatus', 'Voeg zaakdocument toe', 'Update zaakdocument'] as const;

export type Gebeurtenis = (typeof GEBEURTENISSEN)[number];

/** Case, diacritics and whitespace do not matter: "Creëer  zaak" is "Creeer zaak". */
const sleutel = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, '').toLowerCase();

const OP_SLEUTEL = new Map(GEBEURTENISSEN.map((g) => [sleutel(g), g] as const));

export function herkenGebeurtenis(tekst: string): Gebeurtenis | undefined {
  return OP_SLEUTEL.get(sleutel(tekst));
}
