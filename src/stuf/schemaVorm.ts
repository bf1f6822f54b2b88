// What a stored subtree may hold: an allow-list per place, taken from the StUF-BG / StUF-ZKN kennisgeving and
// antwoord types (ZDS 1.1 and 1.2 alike). We return stored subtrees in later answers, also to other zaken (a person
// is shared), so an element the schema does not define, or a value it cannot carry, would make those answers
// invalid. Children are matched on namespace URI and local name; anything else is dropped as a deviation (lenient)
// or refused (strict), a value outside its type is refused in both modes.
import { NS } from './namespaces';
import { Afwijkingen, leesWaarde, zonderWaarde } from './entiteit';
import { XAttr, XElement, at, isNil } from './xml';
import type { VeldSpec } from '../domain/zaak';

export interface VormVeld {
  ns: string;
  /** A simple value, checked against its schema type. */
  spec?: VeldSpec;
  /** A group or entity: the children it may hold, in schema order. */
  kinderen?: Vorm;
  /** Children a group cannot be answered without (after cleaning): without them the group is left out. */
  verplicht?: readonly string[];
  /** Attributes kept with a fixed value (StUF:metagegeven on authentiek, StUF:entiteittype on an entity). */
  vast?: readonly XAttr[];
  /** Attributes kept as received (the naam of an extraElement). */
  attributen?: readonly { ns: string; local: string }[];
  /** Any text, kept as received (extraElement). */
  vrij?: boolean;
  /** Kept when nil (a required but nillable child, such as StUF:beginRelatie). */
  nilBewaren?: boolean;
  /** Defined by the schema but not stored: dropped without a deviation. */
  weg?: boolean;
  /** A further check of a simple value (the facets of a generated type); throws StUF055. */
  controle?: (waarde: string, pad: string) => void;
  /** How often it may occur (maxOccurs); 1 unless said. */
  max?: number;
  /** The other branches of its xs:choice: of those present, the first in schema order is kept. */
  sluitUit?: readonly string[];
}

/** Allowed children by local name, in schema order. */
export type Vorm = ReadonlyMap<string, VormVeld>;

export const vorm = (velden: [string, VormVeld][]): Vorm => new Map(velden);

// ---- building blocks --------------------------------------------------------------------------------------

export const tekst = (ns: string, max: number): VormVeld => ({ ns, spec: { naam: '', soort: 'tekst', max } });
export const patroon = (ns: string, p: RegExp, uitleg: string): VormVeld => ({ ns, spec: { naam: '', soort: 'tekst', patroon: p, uitleg } });
export const keuze = (ns: string, waarden: string[]): VormVeld => ({ ns, spec: { naam: '', soort: 'keuze', waarden } });
export const datum = (ns: string): VormVeld => ({ ns, spec: { naam: '', soort: 'datum' } });
export const tijdstip = (ns: string): VormVeld => ({ ns, spec: { naam: '', soort: 'tijdstip' } });
export const indicatie = (ns: string): VormVeld => ({ ns, spec: { naam: '', soort: 'indicatie' } });
export const groep = (ns: string, kinderen: Vorm, verplicht?: readonly string[]): VormVeld => ({ ns, kinderen, verplicht });
export const weg = (ns: string): VormVeld => ({ ns, weg: true });
/** A VeldSpec of the existing tables as a VormVeld in a namespace. */
export const uitSpec = (ns: string, spec: VeldSpec): VormVeld => ({ ns, spec });

/** BG:Authentiek: an indicatie that must carry StUF:metagegeven. */
export const authentiek = (ns: string): VormVeld => ({ ...indicatie(ns), vast: [at(NS.stuf, 'metagegeven', 'true')] });

const nilBaar = (v: VormVeld): VormVeld => ({ ...v, nilBewaren: true });

/** StUF:extraElementen: extraElement with its naam and any text. */
export const EXTRA_ELEMENTEN = groep(NS.stuf, vorm([['extraElement', { ns: NS.stuf, vrij: true, attributen: [{ ns: '', local: 'naam' }], max: Infinity }]]));

const TIJDSTIP_MET_INDICATOR = tijdstip(NS.stuf);
export const TIJDVAK_RELATIE = groep(NS.stuf, vorm([['beginRelatie', nilBaar(TIJDSTIP_MET_INDICATOR)], ['eindRelatie', TIJDSTIP_MET_INDICATOR]]), ['beginRelatie']);
export const TIJDVAK_GELDIGHEID = groep(NS.stuf, vorm([['beginGeldigheid', nilBaar(TIJDSTIP_MET_INDICATOR)], ['eindGeldigheid', nilBaar(TIJDSTIP_MET_INDICATOR)]]), ['beginGeldigheid', 'eindGeldigheid']);
export const TIJDSTIP_REGISTRATIE = tijdstip(NS.stuf);
export const TIJDVAK_OBJECT = groep(NS.stuf, vorm([['beginObject', nilBaar(datum(NS.stuf))], ['eindObject', datum(NS.stuf)]]), ['beginObject']);

// ---- cleaning ---------------------------------------------------------------------------------------------

/** How a namespace is named in a deviation or fault detail. */
export const naamVanNs = (ns: string) => (ns === NS.bg ? 'BG' : ns === NS.zkn ? 'ZKN' : ns === NS.stuf ? 'StUF' : ns === '' ? 'geen namespace' : 'een andere namespace');

/** Attributes of the StUF family that a kennisgeving may carry and an answer does not need: dropped silently. */
const BEKENDE_ATTRIBUUT_NS = new Set<string>([NS.stuf, NS.xsi, NS.xml]);

function attributen(e: XElement, veld: VormVeld, pad: string, afw: Afwijkingen, ind?: string): XAttr[] {
  const uit: XAttr[] = [];
  for (const a of e.attrs) {
    if (veld.attributen?.some((t) => t.ns === a.ns && t.local === a.local)) uit.push(a);
    else if (!BEKENDE_ATTRIBUUT_NS.has(a.ns)) afw.meld(`${pad}: attribuut ${a.local} (${naamVanNs(a.ns)}) is hier niet toegestaan; genegeerd`);
  }
  if (ind) uit.push(at(NS.stuf, 'indOnvolledigeDatum', ind));
  return [...(veld.vast ?? []), ...uit];
}

function schoonElement(c: XElement, veld: VormVeld, pad: string, afw: Afwijkingen): XElement | undefined {
  if (isNil(c)) {
    return veld.nilBewaren ? { ns: c.ns, local: c.local, attrs: [at(NS.xsi, 'nil', 'true'), at(NS.stuf, 'noValue', 'geenWaarde')], children: [], text: '' } : undefined;
  }
  if (veld.kinderen) return leesGroep(c, veld, pad, afw) ?? undefined;
  if (c.children.length > 0) afw.meld(`${pad}: elementen in een enkelvoudig gegeven; genegeerd`);
  if (veld.vrij) {
    if (veld.attributen?.some((t) => !c.attrs.some((a) => a.ns === t.ns && a.local === t.local))) {
      afw.meld(`${pad}: attribuut ${veld.attributen.map((t) => t.local).join(', ')} ontbreekt; genegeerd`);
      return undefined;
    }
    return { ns: c.ns, local: c.local, attrs: attributen(c, veld, pad, afw), children: [], text: c.text };
  }
  const w = leesWaarde(c, veld.spec!, pad, afw);
  if (!w) return undefined;
  veld.controle?.(w.w, pad);
  return { ns: c.ns, local: c.local, attrs: attributen(c, veld, pad, afw, w.ind), children: [], text: w.w };
}

/**
 * A group (or entity) read by its schema type, one rule for every place: null when it says "no value" (nil, empty,
 * none of its children holds a value, or every child it cannot be stored or answered without (VormVeld.verplicht)
 * was sent without a value: a kenmerk with kenmerk and bron nil, a tijdvakGeldigheid with both ends nil, an
 * isGezetDoor with a nil gerelateerde), else its cleaned children. Half a group is not stored, never something that
 * would make a later answer invalid: a required child left out (the schema refuses that) or some but not all of them
 * without a value (a kenmerk without its bron) is a deviation (lenient: dropped; strict: refused).
 */
export function leesGroep(c: XElement, veld: VormVeld, pad: string, afw: Afwijkingen): XElement | null | undefined {
  // Empty without xsi:nil, where the type requires children (`<ZKN:kenmerk/>`): read as no value, as an empty simple
  // element is (leesWaarde).
  if (!isNil(c) && c.children.length === 0 && c.text.trim() === '' && veld.verplicht?.length) afw.meld(`${pad}: lege groep zonder xsi:nil; gelezen als 'geen waarde'`);
  if (zonderWaarde(c)) return null;
  if (c.text.trim() !== '') afw.meld(`${pad}: tekst in een groep; genegeerd`);
  const vorm = veld.kinderen!;
  const kinderen = opschonen(c.children, vorm, pad, afw);
  // Only nil placeholders left (or nothing storable): no value either.
  if (kinderen.every(isNil)) return null;
  const verplicht = veld.verplicht ?? [];
  const zonder = verplicht.filter((v) => !kinderen.some((k) => k.local === v));
  if (zonder.length) {
    const afwezig = zonder.filter((v) => !c.children.some((k) => k.local === v && k.ns === vorm.get(v)!.ns));
    if (afwezig.length === 0 && zonder.length === verplicht.length) return null;
    // Some required children sent nil beside others with a value (a kenmerk whose bron is nil): schema-valid, so
    // kept as sent; the answer gives the missing ones nil again (opgeslagenAntwoord.ts).
    if (afwezig.length === 0) return { ns: c.ns, local: c.local, attrs: attributen(c, veld, pad, afw), children: kinderen, text: '' };
    afw.meld(afwezig.length ? `${pad}: ${afwezig.join(' en ')} ontbreekt; ${c.local} niet opgeslagen` : `${pad}: ${zonder.join(' en ')} zonder waarde; ${c.local} niet opgeslagen`);
    return undefined;
  }
  return { ns: c.ns, local: c.local, attrs: attributen(c, veld, pad, afw), children: kinderen, text: '' };
}

const VOLGORDE = new WeakMap<Vorm, Map<string, number>>();
const volgordeVan = (v: Vorm): Map<string, number> => {
  let m = VOLGORDE.get(v);
  if (!m) VOLGORDE.set(v, (m = new Map([...v.keys()].map((k, i) => [k, i]))));
  return m;
};

/**
 * The children that may be stored, cleaned: exactly the elements the Vorm names (namespace and local name), values
 * checked against their type, only the attributes the schema gives them, nil placeholders dropped, in schema order.
 */
export function opschonen(kinderen: readonly XElement[], v: Vorm, pad: string, afw: Afwijkingen): XElement[] {
  const volgorde = volgordeVan(v);
  const gevonden: { plek: number; e: XElement; pad: string }[] = [];
  const aantal = new Map<string, number>();
  for (const c of kinderen) {
    const cpad = `${pad}/${c.local}`;
    const veld = v.get(c.local);
    if (!veld) {
      afw.meld(`${cpad}: element onbekend op deze plaats; genegeerd`);
      continue;
    }
    if (veld.ns !== c.ns) {
      afw.meld(`${cpad}: element in ${naamVanNs(c.ns)} in plaats van ${naamVanNs(veld.ns)}; genegeerd`);
      continue;
    }
    if (veld.weg) continue;
    const e = schoonElement(c, veld, cpad, afw);
    if (!e) continue;
    const n = (aantal.get(c.local) ?? 0) + 1;
    aantal.set(c.local, n);
    if (n > (veld.max ?? 1)) afw.meld(`${cpad}: komt vaker voor dan het schema toestaat; genegeerd`);
    else gevonden.push({ plek: volgorde.get(c.local)!, e, pad: cpad });
  }
  // Stable: repeated elements keep their order among themselves.
  gevonden.sort((a, b) => a.plek - b.plek);
  const gehouden = new Set<string>();
  const uit: XElement[] = [];
  for (const g of gevonden) {
    const anders = v.get(g.e.local)!.sluitUit?.find((n) => gehouden.has(n));
    if (anders) {
      afw.meld(`${g.pad}: kan niet samen met ${anders} voorkomen; genegeerd`);
      continue;
    }
    gehouden.add(g.e.local);
    uit.push(g.e);
  }
  return uit;
}

/** One element checked against what its place allows (the element itself included). */
export function opschonenElement(e: XElement, naam: string, veld: VormVeld, pad: string, afw: Afwijkingen): XElement | undefined {
  if (e.local !== naam || e.ns !== veld.ns) {
    afw.meld(`${pad}: element ${e.local} in ${naamVanNs(e.ns)} verwacht ${naam} in ${naamVanNs(veld.ns)}; genegeerd`);
    return undefined;
  }
  return schoonElement(e, veld, pad, afw);
}
