// A betrokkene in an answer. The answer types differ by place (a role's gerelateerde versus a zaakobject) and
// the schema fixes the element order, so stored fields are emitted through the type's own ordered list.
import { NS } from './namespaces';
import { Scope } from './vraag';
import { XElement, at, el } from './xml';
import { entiteittype, nilElement } from './antwoordElementen';
import { BETROKKENE_VORM } from './betrokkeneVelden';
import { opgeslagenElement } from './opgeslagenAntwoord';
import { Betrokkene, BetrokkeneSoort, ELEMENT_VAN_SOORT } from '../domain/zaak';

export type BetrokkenePlek = 'rol' | 'object';

const NPS_ROL = [
  'inp.bsn', 'authentiek', 'anp.identificatie', 'geslachtsnaam', 'voorvoegselGeslachtsnaam', 'voorletters', 'voornamen',
  'aanduidingNaamgebruik', 'geslachtsnaamPartner', 'voorvoegselGeslachtsnaamPartner', 'aanhefAanschrijving',
  'voornamenAanschrijving', 'geslachtsnaamAanschrijving', 'adellijkeTitelPredikaat', 'geslachtsaanduiding',
  'geboortedatum', 'overlijdensdatum', 'verblijfsadres', 'sub.verblijfBuitenland', 'sub.correspondentieAdres',
  'sub.telefoonnummer', 'sub.faxnummer', 'sub.emailadres', 'sub.rekeningnummerBankGiro', 'acd.code', 'extraElementen',
];
const NPS_OBJ = [
  'inp.bsn', 'authentiek', 'anp.identificatie', 'geslachtsnaam', 'voorvoegselGeslachtsnaam', 'voorletters', 'voornamen',
  'aanhefAanschrijving', 'voornamenAanschrijving', 'geslachtsnaamAanschrijving', 'geslachtsaanduiding', 'geboortedatum',
  'overlijdensdatum', 'verblijfsadres', 'sub.verblijfBuitenland', 'sub.correspondentieAdres', 'extraElementen',
];
const NNP_ROL = [
  'inn.nnpId', 'authentiek', 'ann.identificatie', 'sub.typering', 'statutaireNaam', 'inn.rechtsvorm', 'datumAanvang',
  'datumEinde', 'sub.correspondentieAdres', 'bezoekadres', 'sub.verblijfBuitenland', 'sub.telefoonnummer', 'sub.faxnummer',
  'sub.emailadres', 'sub.rekeningnummerBankGiro', 'extraElementen',
];
const NNP_OBJ = [
  'inn.nnpId', 'authentiek', 'ann.identificatie', 'sub.typering', 'statutaireNaam', 'inn.rechtsvorm', 'datumAanvang',
  'datumEinde', 'sub.correspondentieAdres', 'bezoekadres', 'sub.verblijfBuitenland', 'extraElementen',
];
const VES_ROL = [
  'vestigingsNummer', 'authentiek', 'handelsnaam', 'datumAanvang', 'datumEinde', 'verblijfsadres', 'sub.verblijfBuitenland',
  'sub.correspondentieAdres', 'sub.telefoonnummer', 'sub.faxnummer', 'sub.emailadres', 'sub.rekeningnummerBankGiro', 'extraElementen',
];
const VES_OBJ = ['vestigingsNummer', 'authentiek', 'handelsnaam', 'datumAanvang', 'datumEinde', 'verblijfsadres', 'sub.verblijfBuitenland', 'extraElementen'];
const MDW_ROL = [
  'identificatie', 'achternaam', 'voorletters', 'voorvoegselAchternaam', 'roepnaam', 'geslachtsaanduiding', 'functie',
  'datumUitDienst', 'telefoonnummer', 'emailadres', 'toelichting', 'extraElementen',
];
const MDW_OBJ = ['identificatie', 'achternaam', 'voorletters', 'voorvoegselAchternaam', 'geslachtsaanduiding', 'functie', 'datumUitDienst'];
const OEH_ROL = [
  'identificatie', 'naam', 'naamVerkort', 'omschrijving', 'toelichting', 'telefoonnummer', 'faxnummer', 'emailadres',
  'ingangsdatumObject', 'einddatumObject', 'extraElementen',
];
const OEH_OBJ = ['identificatie', 'naam', 'ingangsdatumObject', 'einddatumObject'];

const VELDEN: Record<BetrokkenePlek, Record<BetrokkeneSoort, string[]>> = {
  rol: { NPS: NPS_ROL, NNP: NNP_ROL, VES: VES_ROL, MDW: MDW_ROL, OEH: OEH_ROL },
  object: { NPS: NPS_OBJ, NNP: NNP_OBJ, VES: VES_OBJ, MDW: MDW_OBJ, OEH: OEH_OBJ },
};

export const KERNGEGEVENS: Record<BetrokkeneSoort, readonly string[]> = {
  NPS: ['inp.bsn', 'authentiek', 'anp.identificatie'],
  NNP: ['inn.nnpId', 'authentiek', 'ann.identificatie'],
  VES: ['vestigingsNummer'],
  MDW: ['identificatie'],
  OEH: ['identificatie'],
};

/** Groups without xsi:nil in the schema: absent when empty, never nil. */
const NIET_NILLABLE = new Set(['verblijfsadres', 'sub.verblijfBuitenland', 'sub.correspondentieAdres', 'bezoekadres', 'extraElementen']);

const veldNs = (soort: BetrokkeneSoort, local: string) => (local === 'extraElementen' ? NS.stuf : soort === 'MDW' || soort === 'OEH' ? NS.zkn : NS.bg);

/**
 * Alternatives of an xs:choice in the answer types: an element is left out when one it excludes is already answered
 * (a person stored with both, through a lenient message or fields added later, still answers valid).
 */
const UITSLUITEND: Record<string, readonly string[]> = {
  'anp.identificatie': ['inp.bsn'],
  'ann.identificatie': ['inn.nnpId'],
  'sub.verblijfBuitenland': ['verblijfsadres', 'bezoekadres'],
};

/** NPS answers pair the number with BG:authentiek, which needs StUF:metagegeven even when unknown (nil). */
const onbekendAuthentiek = () =>
  el(NS.bg, 'authentiek', undefined, [at(NS.stuf, 'metagegeven', 'true'), at(NS.xsi, 'nil', 'true'), at(NS.stuf, 'noValue', 'waardeOnbekend')]);

const METAGEGEVEN = at(NS.stuf, 'metagegeven', 'true');

/**
 * A stored field as its answer type can carry it. What is stored now passed the allow-list (betrokkeneVelden.ts);
 * a record stored by an older version may hold more, and a person is shared by every zaak: by namespace and name (a
 * field in another namespace is no field of this type), never empty (a blank BSN), without foreign attributes,
 * authentiek with its StUF:metagegeven, and a group cleaned as on receipt (dropped when it cannot be).
 */
function alsAntwoordveld(soort: BetrokkeneSoort, v: XElement): XElement | undefined {
  if (v.ns !== veldNs(soort, v.local)) return undefined;
  if (v.children.length === 0) {
    if (v.text.trim() === '') return undefined;
    const attrs = v.attrs.filter((a) => a.ns === NS.stuf);
    if (v.local === 'authentiek' && !attrs.some((a) => a.local === 'metagegeven')) attrs.push(METAGEGEVEN);
    return attrs.length === v.attrs.length ? v : { ...v, attrs };
  }
  const veld = BETROKKENE_VORM[soort].get(v.local);
  if (!veld?.kinderen) return undefined;
  // Cleaned as on receipt and completed (a postadres needs type and number): undefined when it cannot be answered.
  return opgeslagenElement(v, v.local, veld, v.local);
}

export function betrokkeneAntwoord(b: Betrokkene, scope: Scope, plek: BetrokkenePlek): XElement {
  const opgeslagen = new Map<string, XElement[]>();
  for (const opgeslagenVeld of b.velden) {
    const v = alsAntwoordveld(b.soort, opgeslagenVeld);
    if (v) opgeslagen.set(v.local, [...(opgeslagen.get(v.local) ?? []), v]);
  }
  const kern = KERNGEGEVENS[b.soort];
  const uit: XElement[] = [];
  for (const naam of VELDEN[plek][b.soort]) {
    const bijNummer = naam === 'authentiek' && (uit.at(-1)?.local === 'inp.bsn' || uit.at(-1)?.local === 'inn.nnpId');
    // NPS/NNP: authentiek exists only as the pair of the number (the other branch of the choice has none).
    if (naam === 'authentiek' && !bijNummer && (b.soort === 'NPS' || b.soort === 'NNP')) continue;
    if (!bijNummer && !scope.vraagt(naam, kern.includes(naam))) continue;
    if (UITSLUITEND[naam]?.some((ander) => uit.some((e) => e.local === ander))) continue;
    const waarden = opgeslagen.get(naam);
    if (waarden) uit.push(...waarden);
    else if (naam === 'authentiek' && b.soort !== 'NNP' && (bijNummer || scope.expliciet(naam))) uit.push(onbekendAuthentiek());
    else if (naam === 'authentiek') continue; // NNP: not nillable; the pair rule below decides
    else if (scope.expliciet(naam) && !NIET_NILLABLE.has(naam)) uit.push(nilElement(veldNs(b.soort, naam), naam));
  }
  // The BSN / nnpId must be followed by authentiek in the answer types. NNP's is not nillable (required in a role,
  // optional in a zaakobject): unknown there is N, not taken from the authentic source.
  const nummer = uit.findIndex((e) => e.local === 'inp.bsn' || e.local === 'inn.nnpId');
  if (nummer >= 0 && uit[nummer + 1]?.local !== 'authentiek') {
    if (b.soort === 'NPS') uit.splice(nummer + 1, 0, onbekendAuthentiek());
    else if (plek === 'rol') uit.splice(nummer + 1, 0, el(NS.bg, 'authentiek', 'N', [at(NS.stuf, 'metagegeven', 'true')]));
  }
  return el(NS.zkn, ELEMENT_VAN_SOORT[b.soort], uit, [entiteittype(b.soort)]);
}

/** Which stored subtype a gerelateerde scope asks for; an unnamed subtype still gets its kerngegevens. */
export function betrokkeneScope(gerelateerdeScope: Scope, b: Betrokkene): Scope {
  if (gerelateerdeScope.soort !== 'elementen') return gerelateerdeScope;
  const naam = ELEMENT_VAN_SOORT[b.soort];
  return gerelateerdeScope.namen.includes(naam) ? gerelateerdeScope.sub(naam) : Scope.KERN;
}
