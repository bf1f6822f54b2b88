// Profiles per zaaktype (field notes: "closing differs per vendor and per zaaktype"): how a zaak closes, a default
// resultaat, statustypen of another zaaktype, and values for fields a consumer never sends. The configuration holds
// a default profile and per zaaktype the keys that differ; this module names the choices and merges the two.
import { Afwijkingen, leesWaarde } from '../stuf/entiteit';
import { schemaFout } from '../stuf/fout';
import { NS } from '../stuf/namespaces';
import { XElement } from '../stuf/xml';
import { VeldSpec, Waarde, ZAAK_ATTRIBUTEN, ZAAK_GROEPEN, ZaakAttribuut, ZaakGroep } from './zaak';

/**
 * How a zaak closes:
 * - einddatumZetEindstatus: an einddatum sets the catalogue's end status (datumStatusGezet = einddatum); an end status
 *   sets einddatum as below.
 * - eindstatusZetEinddatum: an end status sets einddatum (its local date) and the standaardResultaat (the default).
 * - eindstatusWachtOpResultaat: an end status on a zaak without resultaat is held until the resultaat arrives.
 * - sluitMetEinddatumEnResultaat: the zaak closes once it has both einddatum and resultaat; an end status sent before
 *   that is held, and without one the catalogue's end status is set on the einddatum.
 */
export const AFSLUITWIJZEN = ['einddatumZetEindstatus', 'eindstatusZetEinddatum', 'eindstatusWachtOpResultaat', 'sluitMetEinddatumEnResultaat'] as const;
export type Afsluitwijze = (typeof AFSLUITWIJZEN)[number];

/** Ways of closing that wait for a resultaat from the consumer: a default resultaat would defeat them. */
export const WACHT_OP_RESULTAAT: readonly Afsluitwijze[] = ['eindstatusWachtOpResultaat', 'sluitMetEinddatumEnResultaat'];
/** Ways of closing that set the catalogue's end status themselves: the zaaktype needs one. */
export const ZET_EINDSTATUS: readonly Afsluitwijze[] = ['einddatumZetEindstatus', 'sluitMetEinddatumEnResultaat'];

/** A statustype whose zkt.code names another zaaktype of the catalogue: refused, or matched in this zaaktype. */
export const ANDER_ZAAKTYPE = ['weigeren', 'opVolgnummer', 'opOmschrijving'] as const;
export type AnderZaaktype = (typeof ANDER_ZAAKTYPE)[number];

/** The fields a value override may fill: the zaak's own attributes and the fields of its groups (groep.veld). */
export const WAARDE_VELDEN = [
  ...ZAAK_ATTRIBUTEN.map((a) => a.naam),
  ...Object.entries(ZAAK_GROEPEN).flatMap(([groep, velden]) => velden.map((v) => `${groep}.${v.naam}`)),
] as [string, ...string[]];

export interface Waardebron {
  vast?: string;
  uitExtraElement?: string;
}

export interface Resultaat {
  omschrijving: string;
  toelichting?: string;
}

/** A profile as configured: every key optional; null on standaardResultaat takes away an inherited one. */
export interface ProfielInstelling {
  afsluiten?: Afsluitwijze;
  standaardResultaat?: Resultaat | null;
  statustypeAnderZaaktype?: AnderZaaktype;
  waarden?: Partial<Record<string, Waardebron>>;
}

/** The profile that applies to one zaaktype. */
export interface ZaakProfiel {
  afsluiten: Afsluitwijze;
  standaardResultaat?: Resultaat;
  statustypeAnderZaaktype: AnderZaaktype;
  waarden: Record<string, Waardebron>;
}

export const STANDAARD_PROFIEL: ZaakProfiel = { afsluiten: 'eindstatusZetEinddatum', statustypeAnderZaaktype: 'weigeren', waarden: {} };

/** The zaaktype's keys over the default profile's; `waarden` are merged per field. */
export function voegProfielenSamen(standaard: ProfielInstelling, eigen: ProfielInstelling = {}): ZaakProfiel {
  const resultaat = eigen.standaardResultaat === undefined ? standaard.standaardResultaat : eigen.standaardResultaat;
  const waarden: Record<string, Waardebron> = {};
  for (const [veld, bron] of Object.entries({ ...standaard.waarden, ...eigen.waarden })) if (bron) waarden[veld] = bron;
  return {
    afsluiten: eigen.afsluiten ?? standaard.afsluiten ?? STANDAARD_PROFIEL.afsluiten,
    ...(resultaat ? { standaardResultaat: resultaat } : {}),
    statustypeAnderZaaktype: eigen.statustypeAnderZaaktype ?? standaard.statustypeAnderZaaktype ?? STANDAARD_PROFIEL.statustypeAnderZaaktype,
    waarden,
  };
}

/** Where a value field lives: an attribute, or a field of a group. */
export type VeldPlek = { attribuut: ZaakAttribuut; spec: VeldSpec } | { groep: ZaakGroep; veld: string; spec: VeldSpec };

export function veldPlek(naam: string): VeldPlek | undefined {
  const [a, b] = naam.split('.');
  if (b === undefined) {
    const spec = ZAAK_ATTRIBUTEN.find((s) => s.naam === a);
    return spec && { attribuut: spec.naam, spec };
  }
  const spec = (ZAAK_GROEPEN[a as ZaakGroep] as readonly VeldSpec[] | undefined)?.find((s) => s.naam === b);
  return spec && { groep: a as ZaakGroep, veld: b, spec };
}

/**
 * A value for a field, checked as a value the consumer sent in that element would be (length, date, value list):
 * a StufFout when it could not be stored and answered schema-valid.
 */
export function controleerWaarde(naam: string, tekst: string, pad: string): Waarde {
  const plek = veldPlek(naam);
  if (!plek) throw new Error(`${naam} is geen veld van een zaak`);
  const e: XElement = { ns: NS.zkn, local: plek.spec.naam, attrs: [], children: [], text: tekst };
  // Strict: an empty value is no value to fill in.
  const w = leesWaarde(e, plek.spec, pad, new Afwijkingen(true));
  if (!w) throw schemaFout(`${pad}: lege waarde`);
  return w;
}
