// Suppression of small cells (seed 001: figures that cannot be traced back to a person). A count above zero and
// below the minimum is not published (primary suppression), and neither is a figure derived from fewer zaken than
// the minimum. Where the cells of a group add up to a total that is published or can be worked out from another
// table (a zaaktype's closed zaken per month and per resultaat; its started plans per month and per number of
// deelplannen), one suppressed cell could be recomputed from that total: then more cells of the group are suppressed,
// the smallest first, until at least two are and together they hold at least the minimum (secondary suppression).
// Zero is published: it points to nobody.

export type Cel = string | number | null;

/** A row being built: its values by column, and which of its cells are suppressed. */
export interface Werkrij {
  waarden: Record<string, Cel>;
  onderdrukt: Set<string>;
}

/** One cell of a row: a column of it. */
export interface Celverwijzing {
  rij: Werkrij;
  kolom: string;
}

export const nieuweRij = (waarden: Record<string, Cel>): Werkrij => ({ waarden, onderdrukt: new Set() });

const aantal = (c: Celverwijzing): number => Number(c.rij.waarden[c.kolom] ?? 0);
const isOnderdrukt = (c: Celverwijzing): boolean => c.rij.onderdrukt.has(c.kolom);

/** True for a count the rule keeps back: above zero and below the minimum. */
export const teKlein = (n: number, minimum: number): boolean => n > 0 && n < minimum;

/** Primary suppression: each of these count cells of the row that is too small. */
export function onderdrukKlein(rij: Werkrij, kolommen: string[], minimum: number): void {
  for (const k of kolommen) if (teKlein(Number(rij.waarden[k] ?? 0), minimum)) rij.onderdrukt.add(k);
}

/** Suppresses a cell of the row (whatever its value): a figure derived from a count that is kept back. */
export function onderdruk(rij: Werkrij, ...kolommen: string[]): void {
  for (const k of kolommen) rij.onderdrukt.add(k);
}

/**
 * Secondary suppression within a group of cells that add up to a known total: while only one cell is suppressed,
 * or the suppressed ones hold less than the minimum together, the smallest published cell above zero goes too.
 */
export function onderdrukAanvullend(groep: Celverwijzing[], minimum: number): void {
  const weg = groep.filter(isOnderdrukt);
  if (weg.length === 0) return;
  const over = groep.filter((c) => !isOnderdrukt(c) && aantal(c) > 0).sort((a, b) => aantal(a) - aantal(b));
  const som = () => weg.reduce((t, c) => t + aantal(c), 0);
  while (over.length > 0 && (weg.length < 2 || som() < minimum)) {
    const c = over.shift()!;
    c.rij.onderdrukt.add(c.kolom);
    weg.push(c);
  }
}

/** Rows by a key, in the order they were first seen. */
export function groepeer<T>(rijen: T[], sleutel: (r: T) => string): T[][] {
  const m = new Map<string, T[]>();
  for (const r of rijen) {
    const k = sleutel(r);
    const lijst = m.get(k);
    if (lijst) lijst.push(r);
    else m.set(k, [r]);
  }
  return [...m.values()];
}

/** The row as written: suppressed cells empty (null), and the column `onderdrukt` naming them. */
export function alsUitvoer(rij: Werkrij, kolommen: string[]): Record<string, Cel> {
  const uit: Record<string, Cel> = {};
  for (const k of kolommen) uit[k] = rij.onderdrukt.has(k) ? null : (rij.waarden[k] ?? null);
  uit.onderdrukt = kolommen.filter((k) => rij.onderdrukt.has(k)).join(' ');
  return uit;
}
