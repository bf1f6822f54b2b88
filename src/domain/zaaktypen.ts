// The zaaktype catalogue from the configuration: which zaaktypen exist, their statustypen, which one ends a zaak.
import type { Config, StatustypeConfig, ZaaktypeConfig } from '../config';
import { verwerkingsFout } from '../stuf/fout';

// toLowerCase, not toLocaleLowerCase('nl'): Dutch has no casing rules of its own, and the ICU call cost a µs per use.
const normaal = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Regie- en Zaakservices plan kinds; every other zaak is `gewoon` (a deelplan when it points to a plan). */
export type PlanSoort = 'gezinsplan' | 'levensdomeinplan' | 'gewoon';

/** The generic omschrijvingen of Bijlage B and C (rzs.md §8.1). */
const GENERIEKE_PLANNAMEN: Record<string, PlanSoort> = {
  'opstellen en uitvoeren gezinsplan': 'gezinsplan',
  'opstellen en uitvoeren levensdomeinplan': 'levensdomeinplan',
};

export class Zaaktypecatalogus {
  private readonly opCode = new Map<string, ZaaktypeConfig>();
  private readonly planOpOmschrijving = new Map<string, PlanSoort>(Object.entries(GENERIEKE_PLANNAMEN));

  constructor(private readonly config: Config['zaaktypen']) {
    for (const zt of config.catalogus) {
      this.opCode.set(zt.code, zt);
      if (zt.soort !== 'gewoon') this.planOpOmschrijving.set(normaal(zt.omschrijving), zt.soort);
    }
  }

  zaaktype(code: string): ZaaktypeConfig | undefined {
    return this.opCode.get(code);
  }

  /**
   * rzs.md A1: the plan kind of a zaaktype, by its code in the catalogue first; a code outside the catalogue is
   * recognised by its omschrijving (the generic one of Bijlage B/C, or the local one of a catalogued plan).
   */
  soortVan(zaaktype: { code: string; omschrijving?: string }): PlanSoort {
    const zt = this.opCode.get(zaaktype.code);
    if (zt) return zt.soort;
    return (zaaktype.omschrijving && this.planOpOmschrijving.get(normaal(zaaktype.omschrijving))) || 'gewoon';
  }

  /** A zaaktype for a new zaak: known, or accepted because the configuration allows unknown ones. */
  controleerNieuw(code: string): ZaaktypeConfig | undefined {
    const zt = this.opCode.get(code);
    if (!zt && this.config.onbekend === 'weigeren') {
      throw verwerkingsFout(`Zaaktype '${code}' is onbekend in de zaaktypecatalogus van de gateway`);
    }
    return zt;
  }

  /**
   * The statustype a status message refers to, by volgnummer and/or omschrijving. For a zaaktype outside the
   * catalogue (accepted by configuration) any statustype is accepted and undefined is returned.
   */
  statustype(zaaktypeCode: string, gevraagd: { volgnummer?: number; omschrijving?: string }): StatustypeConfig | undefined {
    const zt = this.opCode.get(zaaktypeCode);
    if (!zt) return undefined;
    const beschrijving = [gevraagd.volgnummer !== undefined ? `volgnummer ${gevraagd.volgnummer}` : '', gevraagd.omschrijving ? `omschrijving '${gevraagd.omschrijving}'` : '']
      .filter(Boolean)
      .join(' en ');
    const st = zt.statustypen.find(
      (s) =>
        (gevraagd.volgnummer === undefined || s.volgnummer === gevraagd.volgnummer) &&
        (gevraagd.omschrijving === undefined || normaal(s.omschrijving) === normaal(gevraagd.omschrijving)),
    );
    if (!st) {
      const bekend = zt.statustypen.map((s) => `${s.volgnummer} '${s.omschrijving}'`).join(', ') || 'geen';
      throw verwerkingsFout(`Statustype met ${beschrijving} bestaat niet bij zaaktype '${zaaktypeCode}' (bekende statustypen: ${bekend})`);
    }
    return st;
  }
}
