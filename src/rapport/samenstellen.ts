// The report's tables from the store's aggregates (store/rapportage.ts), with the suppression rules applied
// (onderdrukking.ts). Labels come from the catalogue and the configuration (zaaktype, backoffice and partner names)
// or are counted before they are shown: a resultaat or organisatorische eenheid held by fewer than the minimum is
// folded into one "overige" row, so that a rare free text (which might be a name) never appears.
import type { Zaaktypecatalogus } from '../domain/zaaktypen';
import { BehandelaarRij, DoorlooptijdRij, MEESTE_DEELPLANNEN, PartnertermijnRij, PlanRij, Rapportage, StartEindRij } from '../store/rapportage';
import { Werkrij, alsUitvoer, groepeer, nieuweRij, onderdruk, onderdrukAanvullend, onderdrukKlein } from './onderdrukking';
import {
  DEELPLANNEN_PER_BEHANDELAAR, DOORLOOPTIJDEN, GEEN_RESULTAAT, OVERIGE_AFDELINGEN, OVERIGE_RESULTATEN, PARTNERTERMIJNEN, PLANNEN, Tabel, ZAKEN_PER_MAAND,
} from './tabellen';

export interface Rapportvraag {
  /** yyyy-MM, inclusive. */
  vanaf: string;
  tot: string;
  minimum: number;
}

/** yyyyMM of every month from `vanaf` to `tot` (yyyy-MM), inclusive. */
export function maanden(vanaf: string, tot: string): string[] {
  const uit: string[] = [];
  let [j, m] = vanaf.split('-').map(Number);
  const [tj, tm] = tot.split('-').map(Number);
  while (j < tj || (j === tj && m <= tm)) {
    uit.push(`${j}${String(m).padStart(2, '0')}`);
    if (++m > 12) [j, m] = [j + 1, 1];
  }
  return uit;
}

const maandTekst = (jjjjmm: string) => `${jjjjmm.slice(0, 4)}-${jjjjmm.slice(4, 6)}`;
const volgendeMaand = (jjjjmm: string) => {
  const [j, m] = [Number(jjjjmm.slice(0, 4)), Number(jjjjmm.slice(4, 6))];
  return m === 12 ? `${j + 1}01` : `${j}${String(m + 1).padStart(2, '0')}`;
};
const kolomnamen = (t: { kolommen: { naam: string }[] }) => t.kolommen.map((k) => k.naam).filter((k) => k !== 'onderdrukt');
const tabel = (def: { naam: string; kolommen: Tabel['kolommen'] }, rijen: Werkrij[]): Tabel => ({ ...def, rijen: rijen.map((r) => alsUitvoer(r, kolomnamen(def))) });
const eenDecimaal = (x: number) => Math.round(x * 10) / 10;

/**
 * Started, closed and open at month end per zaaktype and month. Counts in each of the two flow columns add up over
 * the months to the zaaktype's total (which the other tables give too): secondary suppression per column. Open at
 * month end follows from the month before and the flows, so a zaaktype with any cell kept back publishes no stock at all.
 */
function zakenPerMaand(rijen: StartEindRij[], lijst: string[], omschrijving: (code: string) => string, minimum: number): Tabel {
  const uit: Werkrij[] = [];
  const perZaaktype = groepeer(rijen, (r) => r.zaaktype).sort((a, b) => (a[0].zaaktype < b[0].zaaktype ? -1 : 1));
  for (const van of perZaaktype) {
    const zaaktype = van[0].zaaktype;
    const gestart = new Map<string, number>();
    const gesloten = new Map<string, number>();
    let open = 0;
    for (const r of van) {
      if (r.startmaand === '') open += r.aantal;
      else gestart.set(r.startmaand, (gestart.get(r.startmaand) ?? 0) + r.aantal);
      if (r.eindmaand === '') open -= r.aantal;
      else if (r.eindmaand !== null) gesloten.set(r.eindmaand, (gesloten.get(r.eindmaand) ?? 0) + r.aantal);
    }
    const reeks = lijst.map((m) => {
      open += (gestart.get(m) ?? 0) - (gesloten.get(m) ?? 0);
      return nieuweRij({ zaaktype, zaaktype_omschrijving: omschrijving(zaaktype), maand: maandTekst(m), gestart: gestart.get(m) ?? 0, gesloten: gesloten.get(m) ?? 0, open_einde_maand: open });
    });
    if (reeks.every((r) => r.waarden.gestart === 0 && r.waarden.gesloten === 0 && r.waarden.open_einde_maand === 0)) continue;
    for (const r of reeks) onderdrukKlein(r, ['gestart', 'gesloten', 'open_einde_maand'], minimum);
    for (const kolom of ['gestart', 'gesloten']) onderdrukAanvullend(reeks.map((rij) => ({ rij, kolom })), minimum);
    if (reeks.some((r) => r.onderdrukt.size > 0)) for (const r of reeks) onderdruk(r, 'open_einde_maand');
    uit.push(...reeks);
  }
  return tabel(ZAKEN_PER_MAAND, uit);
}

/** Lead times per zaaktype and resultaat; a median or percentile of fewer zaken than the minimum is kept back with the count. */
function doorlooptijden(rijen: DoorlooptijdRij[], omschrijving: (code: string) => string, minimum: number): Tabel {
  const label = (r: DoorlooptijdRij) => (r.resultaat === null ? OVERIGE_RESULTATEN : r.resultaat === '' ? GEEN_RESULTAAT : r.resultaat);
  const gesorteerd = [...rijen].sort((a, b) => (a.zaaktype !== b.zaaktype ? (a.zaaktype < b.zaaktype ? -1 : 1) : label(a) < label(b) ? -1 : 1));
  const uit = gesorteerd.map((r) => {
    const rij = nieuweRij({ zaaktype: r.zaaktype, zaaktype_omschrijving: omschrijving(r.zaaktype), resultaat: label(r), aantal: r.aantal, mediaan_dagen: eenDecimaal(r.mediaan), p90_dagen: eenDecimaal(r.p90) });
    onderdrukKlein(rij, ['aantal'], minimum);
    if (r.aantal < minimum) onderdruk(rij, 'mediaan_dagen', 'p90_dagen');
    return rij;
  });
  for (const groep of groepeer(uit, (r) => String(r.waarden.zaaktype))) onderdrukAanvullend(groep.map((rij) => ({ rij, kolom: 'aantal' })), minimum);
  return tabel(DOORLOOPTIJDEN, uit);
}

/** Plans by their number of deelplannen, per plan zaaktype: the counts add up to the plans begun, so secondary suppression per zaaktype. */
function plannen(rijen: PlanRij[], soort: (code: string) => string, minimum: number): Tabel {
  const gesorteerd = [...rijen].sort((a, b) => (a.zaaktype !== b.zaaktype ? (a.zaaktype < b.zaaktype ? -1 : 1) : a.deelplannen - b.deelplannen));
  const uit = gesorteerd.map((r) => {
    const deelplannen = r.deelplannen >= MEESTE_DEELPLANNEN ? `${MEESTE_DEELPLANNEN} of meer` : String(r.deelplannen);
    const rij = nieuweRij({ zaaktype: r.zaaktype, plansoort: soort(r.zaaktype), deelplannen, plannen: r.plannen });
    onderdrukKlein(rij, ['plannen'], minimum);
    return rij;
  });
  for (const groep of groepeer(uit, (r) => String(r.waarden.zaaktype))) onderdrukAanvullend(groep.map((rij) => ({ rij, kolom: 'plannen' })), minimum);
  return tabel(PLANNEN, uit);
}

/**
 * Deelplannen per backoffice, afdeling and partner. An afdeling (an identificatie from the messages) with fewer
 * deelplannen than the minimum is not named: those are counted together. The rows add up to no total (a deelplan has
 * none, one or several handlers), so primary suppression only.
 */
function perBehandelaar(rijen: BehandelaarRij[], minimum: number): Tabel {
  const volgorde = { backoffice: 0, afdeling: 1, partner: 2 } as const;
  const samen = new Map<string, BehandelaarRij>();
  for (const r of rijen) {
    const behandelaar = r.soort === 'afdeling' && r.deelplannen < minimum ? OVERIGE_AFDELINGEN : r.behandelaar;
    const sleutel = `${r.soort}\u0000${behandelaar}`;
    const er = samen.get(sleutel);
    if (er) er.deelplannen += r.deelplannen;
    else samen.set(sleutel, { soort: r.soort, behandelaar, deelplannen: r.deelplannen });
  }
  const gesorteerd = [...samen.values()].sort((a, b) => volgorde[a.soort] - volgorde[b.soort] || (a.behandelaar < b.behandelaar ? -1 : 1));
  const uit = gesorteerd.map((r) => {
    const rij = nieuweRij({ soort: r.soort, behandelaar: r.behandelaar, deelplannen: r.deelplannen });
    onderdrukKlein(rij, ['deelplannen'], minimum);
    return rij;
  });
  return tabel(DEELPLANNEN_PER_BEHANDELAAR, uit);
}

/** Partner terms ended per partner and month: breached and kept; no totals are published. */
function partnertermijnen(rijen: PartnertermijnRij[], minimum: number): Tabel {
  const gesorteerd = [...rijen].sort((a, b) => (a.partner !== b.partner ? (a.partner < b.partner ? -1 : 1) : a.maand < b.maand ? -1 : 1));
  const uit = gesorteerd.map((r) => {
    const rij = nieuweRij({ partner: r.partner, maand: r.maand, overschreden: r.overschreden, nagekomen: r.nagekomen });
    onderdrukKlein(rij, ['overschreden', 'nagekomen'], minimum);
    return rij;
  });
  return tabel(PARTNERTERMIJNEN, uit);
}

/**
 * Every table of the report from one snapshot (`rapportage` on its transaction). Which zaaktypen are plans is the
 * catalogue's call (rzs.md A1): by code, or for a code outside the catalogue by the omschrijving its zaken carry.
 */
export async function stelSamen(rapportage: Rapportage, catalogus: Zaaktypecatalogus, vraag: Rapportvraag): Promise<Tabel[]> {
  const lijst = maanden(vraag.vanaf, vraag.tot);
  const periode = { van: `${lijst[0]}01`, totNa: `${volgendeMaand(lijst[lijst.length - 1])}01` };
  const soorten = new Map<string, string>();
  for (const code of await rapportage.zaaktypen()) {
    const omschrijving = catalogus.zaaktype(code) ? undefined : await rapportage.omschrijvingVan(code);
    soorten.set(code, catalogus.soortVan({ code, omschrijving }));
  }
  const plancodes = [...soorten].filter(([, s]) => s !== 'gewoon').map(([code]) => code);
  const omschrijving = (code: string) => catalogus.zaaktype(code)?.omschrijving ?? '';
  const m = vraag.minimum;
  return [
    zakenPerMaand(await rapportage.startEnEinde(periode), lijst, omschrijving, m),
    doorlooptijden(await rapportage.doorlooptijden(periode, m), omschrijving, m),
    plannen(await rapportage.plannen(periode, plancodes), (code) => soorten.get(code) ?? 'gewoon', m),
    perBehandelaar(await rapportage.deelplannenPerBehandelaar(periode, plancodes), m),
    partnertermijnen(await rapportage.partnertermijnen(periode), m),
  ];
}

/** How many cells of the tables are kept back. */
export const aantalOnderdrukt = (t: Tabel): number => t.rijen.reduce((n, r) => n + (String(r.onderdrukt ?? '') ? String(r.onderdrukt).split(' ').length : 0), 0);
