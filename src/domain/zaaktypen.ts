// The zaaktype catalogue from the configuration: which zaaktypen exist, their statustypen, which one ends a zaak.
import type { Config, StatustypeConfig, ZaaktypeConfig } from '../config';
import { verwerkingsFout } from '../stuf/fout';
import { ZaakProfiel, voegProfielenSamen } from './zaakProfiel';

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
  private readonly profielOpCode = new Map<string, ZaakProfiel>();
  private readonly standaardProfiel: ZaakProfiel;

  constructor(private readonly config: Config['zaaktypen']) {
    this.standaardProfiel = voegProfielenSamen(config.profiel);
    for (const zt of config.catalogus) {
      this.opCode.set(zt.code, zt);
      this.profielOpCode.set(zt.code, voegProfielenSamen(config.profiel, zt.profiel));
      if (zt.soort !== 'gewoon') this.planOpOmschrijving.set(normaal(zt.omschrijving), zt.soort);
    }
  }

  /** The profile of a zaaktype: its own keys over the default profile; a zaaktype outside the catalogue has the default. */
  profiel(code: string): ZaakProfiel {
    return this.profielOpCode.get(code) ?? this.standaardProfiel;
  }

  /** The statustype that ends a zaak of this zaaktype (the highest volgnummer when several do). */
  eindstatustype(code: string): StatustypeConfig | undefined {
    const eind = this.opCode.get(code)?.statustypen.filter((s) => s.eindstatus) ?? [];
    return eind.sort((a, b) => b.volgnummer - a.volgnummer)[0];
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
   * catalogue (accepted by configuration) any statustype is accepted and undefined is returned. A statustype whose
   * zkt.code names another zaaktype of the catalogue is refused, or, when the zaaktype's profile says so, matched in
   * this zaaktype by its volgnummer or its omschrijving alone (what the other zaaktype calls it says nothing here).
   */
  statustype(zaaktypeCode: string, gevraagd: { volgnummer?: number; omschrijving?: string; zktCode?: string }): StatustypeConfig | undefined {
    const zt = this.opCode.get(zaaktypeCode);
    if (gevraagd.zktCode && gevraagd.zktCode !== zaaktypeCode) {
      const wijze = this.profiel(zaaktypeCode).statustypeAnderZaaktype;
      if (wijze === 'weigeren' || !zt || !this.opCode.has(gevraagd.zktCode)) {
        const waarom = wijze !== 'weigeren' && zt ? ` (zaaktype '${gevraagd.zktCode}' staat niet in de catalogus)` : '';
        throw verwerkingsFout(`Statustype hoort bij zaaktype '${gevraagd.zktCode}', maar de zaak is van zaaktype '${zaaktypeCode}'${waarom}`);
      }
      if (wijze === 'opVolgnummer') {
        if (gevraagd.volgnummer === undefined) throw verwerkingsFout(`Statustype van zaaktype '${gevraagd.zktCode}' zonder volgnummer; bij zaaktype '${zaaktypeCode}' wordt het op volgnummer gezocht`);
        return this.statustype(zaaktypeCode, { volgnummer: gevraagd.volgnummer });
      }
      if (gevraagd.omschrijving === undefined) throw verwerkingsFout(`Statustype van zaaktype '${gevraagd.zktCode}' zonder omschrijving; bij zaaktype '${zaaktypeCode}' wordt het op omschrijving gezocht`);
      return this.statustype(zaaktypeCode, { omschrijving: gevraagd.omschrijving });
    }
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
