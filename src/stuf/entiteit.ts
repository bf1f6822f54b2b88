// Reading StUF entity elements: verwerkingssoort, nil values and typed attribute values. What of a subtree may be
// stored and returned is decided by the allow-lists of schemaVorm.ts.
import { NS } from './namespaces';
import { schemaFout, zonderBsnVorm } from './fout';
import { checkDatum, parseTijdstip, formatTijdstip } from './tijd';
import { XElement, attr, child, isNil } from './xml';
import type { VeldSpec, Waarde } from '../domain/zaak';

export const VERWERKINGSSOORTEN = ['T', 'W', 'V', 'E', 'I', 'R', 'S', 'O'] as const;
export type Verwerkingssoort = (typeof VERWERKINGSSOORTEN)[number];

export const NO_VALUES = ['nietOndersteund', 'nietGeautoriseerd', 'geenWaarde', 'waardeOnbekend', 'vastgesteldOnbekend'] as const;

export function verwerkingssoortVan(e: XElement): string | undefined {
  return attr(e, NS.stuf, 'verwerkingssoort');
}

export function entiteittypeVan(e: XElement): string | undefined {
  return attr(e, NS.stuf, 'entiteittype');
}

/**
 * Deviations from the standard that we can read past. Lenient mode (the default) records them for the log and
 * goes on; strict mode refuses the message with StUF055 at the first one.
 */
export class Afwijkingen {
  readonly lijst: string[] = [];
  /** What we read past that the standard allows (no deviation in either mode), for the log. */
  readonly notities: string[] = [];
  constructor(readonly strikt: boolean) {}

  noteer(tekst: string): void {
    this.notities.push(zonderBsnVorm(tekst));
  }

  meld(tekst: string): void {
    if (this.strikt) throw schemaFout(tekst);
    this.lijst.push(zonderBsnVorm(tekst));
  }
}

/** Attributes that say how to read an element, not what it holds. */
const ZONDER_INHOUD_NS = new Set<string>([NS.stuf, NS.xsi, NS.xml]);

/**
 * Whether an element says "no value" the ways the schema lets a sender say it: xsi:nil, or a group or entity none
 * of whose children holds a value (vendors send a kenmerk with kenmerk and bron both nil, and report empty current
 * values in *oud* that way). Text, binary content or an attribute of its own (the naam of an extraElement) is a value.
 */
export function zonderWaarde(e: XElement): boolean {
  if (isNil(e)) return true;
  if (e.binair || e.text.trim() !== '' || e.attrs.some((a) => !ZONDER_INHOUD_NS.has(a.ns))) return false;
  return e.children.every(zonderWaarde);
}

/** noValue of a nil element that says the sender does not support or may not know it: it says nothing of the value. */
export const ZEGT_NIETS = new Set(['nietOndersteund', 'nietGeautoriseerd']);

/**
 * The children of an object in *nieuw* (or of a new object) without what says nothing: an attribute, group field or
 * relation sent xsi:nil with StUF:noValue nietOndersteund or nietGeautoriseerd means the sender does not support the
 * element or may not know it, so it must not clear what is stored (geenWaarde, waardeOnbekend and a nil without
 * noValue still clear). A group or relation left with nothing after that said nothing either and goes too. Returns
 * a copy (the message itself is hashed as received) and the names of the object's children nieuw now says nothing
 * of: their counterparts in *oud* are left out too, since an oud relation with verwerkingssoort V would otherwise end
 * a role on its own. Each element left out is noted by its path, never its value.
 */
export function zonderNietGeleverd(obj: XElement, pad: string, afw: Afwijkingen): { object: XElement; zwijgtOver: Set<string> } {
  const weggelaten: string[] = [];
  const schoon = (e: XElement, epad: string): XElement | undefined => {
    if (isNil(e)) {
      const nv = attr(e, NS.stuf, 'noValue');
      if (nv && ZEGT_NIETS.has(nv)) {
        weggelaten.push(`${epad} (${nv})`);
        return undefined;
      }
      return e;
    }
    if (e.children.length === 0) return e;
    const kinderen = e.children.map((c) => schoon(c, `${epad}/${c.local}`)).filter((c): c is XElement => c !== undefined);
    if (kinderen.length === e.children.length) return e;
    if (kinderen.length === 0 && e.text.trim() === '') return undefined;
    return { ...e, children: kinderen };
  };
  const kinderen = obj.children.map((c) => schoon(c, `${pad}/${c.local}`)).filter((c): c is XElement => c !== undefined);
  if (weggelaten.length === 0) return { object: obj, zwijgtOver: new Set() };
  afw.noteer(`niet geleverd, opgeslagen waarde blijft: ${weggelaten.join(', ')}`);
  const zwijgtOver = new Set(obj.children.filter((c) => !kinderen.some((k) => k.local === c.local)).map((c) => c.local));
  return { object: { ...obj, children: kinderen }, zwijgtOver };
}

/**
 * A relation that names nothing: sent nil, or its gerelateerde (the child it cannot do without) nil or without any
 * value (an empty `<gerelateerde/>`, a `<natuurlijkPersoon xsi:nil="true"/>`), whatever else it carries. In *oud* it
 * says there was none; in *nieuw* or a new object there is nothing to add or change. `gerelateerdeEt`: the
 * entiteittype the gerelateerde's type requires (ZAK, STT, EDC, BSL; a betrokkene or zaakobject gerelateerde has
 * none), whose absence is a deviation also on an empty one (the schema requires the attribute there).
 */
export function relatieZonderWaarde(rel: XElement, gerelateerdeEt: string | undefined, pad: string, afw: Afwijkingen): boolean {
  if (isNil(rel)) return true;
  const g = child(rel, 'gerelateerde', NS.zkn);
  if (!g || !zonderWaarde(g)) return false;
  if (gerelateerdeEt) checkEntiteittype(g, gerelateerdeEt, `${pad}/gerelateerde`, afw);
  return true;
}

/** The verwerkingssoort of an entity, checked to be one StUF knows. */
export function leesVerwerkingssoort(e: XElement, pad: string, afw: Afwijkingen): Verwerkingssoort | undefined {
  const v = verwerkingssoortVan(e);
  if (v === undefined) {
    afw.meld(`${pad}: StUF:verwerkingssoort ontbreekt`);
    return undefined;
  }
  if (!(VERWERKINGSSOORTEN as readonly string[]).includes(v)) throw schemaFout(`${pad}: StUF:verwerkingssoort '${v}' bestaat niet`);
  return v as Verwerkingssoort;
}

/** Checks a fixed StUF:entiteittype in code (libxml2-based validators do not). */
export function checkEntiteittype(e: XElement, verwacht: string, pad: string, afw: Afwijkingen): void {
  const et = entiteittypeVan(e);
  if (et === undefined) afw.meld(`${pad}: StUF:entiteittype ontbreekt (verwacht ${verwacht})`);
  else if (et !== verwacht) throw schemaFout(`${pad}: StUF:entiteittype is '${et}', verwacht '${verwacht}'`);
}

/**
 * A typed attribute value. null means "cleared" (xsi:nil, or an empty element, which we read the same way).
 * Values we could not return schema-valid (too long, not a date, outside the value list) are refused in every mode.
 * Numbers are read in every lexical form their schema type allows and kept in the canonical one.
 */
export function leesWaarde(e: XElement, spec: VeldSpec, pad: string, afw: Afwijkingen): Waarde | null {
  if (isNil(e)) return null;
  const ruw = e.text.trim();
  if (ruw === '') {
    afw.meld(`${pad}: leeg element zonder xsi:nil; gelezen als 'geen waarde'`);
    return null;
  }
  const ind = attr(e, NS.stuf, 'indOnvolledigeDatum');
  switch (spec.soort) {
    case 'tekst':
      // Counted in UTF-16 units, as Xerces and the Java/.NET consumers do: an emoji counts two.
      if (spec.max !== undefined && ruw.length > spec.max) throw schemaFout(`${pad}: waarde is langer dan ${spec.max} tekens`);
      if (spec.patroon && !spec.patroon.test(ruw)) throw schemaFout(`${pad}: waarde is geen ${spec.uitleg ?? 'geldige waarde'}`);
      return { w: ruw };
    case 'datum': {
      const w = checkDatum(ruw, pad, ind);
      return ind && ind !== 'V' ? { w, ind } : { w };
    }
    case 'tijdstip':
      return { w: formatTijdstip(parseTijdstip(ruw, pad)) };
    case 'indicatie': {
      const w = ruw.toUpperCase();
      if (w !== 'J' && w !== 'N') throw schemaFout(`${pad}: waarde is geen indicatie (J of N)`);
      return { w };
    }
    case 'keuze':
      // The value itself is not repeated: it may be personal (geslachtsaanduiding, adellijke titel).
      if (!spec.waarden!.includes(ruw)) throw schemaFout(`${pad}: waarde is geen van ${spec.waarden!.join(', ')}`);
      return { w: ruw };
    case 'geheel': {
      // Every lexical form the schema accepts, stored canonical so that answers are schema-valid and oud compares.
      const w = canoniekGeheel(ruw, spec);
      if (w === undefined) throw schemaFout(`${pad}: waarde is geen ${geheelUitleg(spec)}`);
      return { w };
    }
  }
}

/**
 * An xs:integer (or a restriction of it) in any lexical form the schema accepts: a sign and leading zeros are
 * allowed ('01', '+1', '-0'), surrounding whitespace is collapsed away (the type's whiteSpace is collapse). Returns
 * the canonical form (no '+', no leading zeros, '0' for zero), which is what we store, compare and answer, or
 * undefined when the text is no integer or breaks a facet.
 */
export function canoniekGeheel(ruw: string, f: Pick<VeldSpec, 'minimum' | 'maximum' | 'cijfers'> = {}): string | undefined {
  const m = /^([+-]?)0*(\d+)$/.exec(ruw.trim());
  if (!m) return undefined;
  const cijfers = m[2];
  if (f.cijfers !== undefined && cijfers.length > f.cijfers) return undefined;
  const n = BigInt((m[1] === '-' ? '-' : '') + cijfers);
  if (f.minimum !== undefined && n < BigInt(f.minimum)) return undefined;
  if (f.maximum !== undefined && n > BigInt(f.maximum)) return undefined;
  return n.toString();
}

/** What a geheel spec allows, for a refusal's details (never the value itself). */
export function geheelUitleg(f: Pick<VeldSpec, 'minimum' | 'maximum' | 'cijfers'>): string {
  const grenzen = f.minimum !== undefined && f.maximum !== undefined ? ` van ${f.minimum} tot en met ${f.maximum}`
    : f.minimum !== undefined ? ` vanaf ${f.minimum}` : f.maximum !== undefined ? ` tot en met ${f.maximum}` : '';
  return `geheel getal${grenzen}${f.cijfers !== undefined ? ` van hoogstens ${f.cijfers} cijfers` : ''}`;
}

/** An xs:boolean in any lexical form ('true', 'false', '1', '0', whitespace collapsed): canonical, or undefined. */
export function canoniekBoolean(ruw: string): 'true' | 'false' | undefined {
  const w = ruw.trim();
  return w === 'true' || w === '1' ? 'true' : w === 'false' || w === '0' ? 'false' : undefined;
}

/** Canonical text of an element tree, for comparing relations and hashing messages. */
export function canoniek(e: XElement | XElement[]): string {
  return JSON.stringify(e, (k, v) => (k === 'attrs' && Array.isArray(v) ? [...v].sort((a, b) => (a.ns + a.local).localeCompare(b.ns + b.local)) : v));
}
