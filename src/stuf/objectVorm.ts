// Zaakobjecten that are no betrokkene (adres, pand, kadastraleOnroerendeZaak, besluit, ...): stored and returned in
// answers of the zaak. What may be stored per object type is generated from the schemas (objectVormen.ts, made by
// scripts/objectVormen.js): the kerngegevens a kennisgeving may carry that the answer type also holds, with the
// answer's simple types. Everything else is dropped (lenient) or refused (strict); a value outside its type is
// refused in both modes.
import { NS } from './namespaces';
import { schemaFout } from './fout';
import { Afwijkingen } from './entiteit';
import { at, XElement } from './xml';
import {
  EXTRA_ELEMENTEN, TIJDSTIP_REGISTRATIE, TIJDVAK_GELDIGHEID, TIJDVAK_OBJECT, Vorm, VormVeld, authentiek, datum, groep, opschonen, tijdstip, vorm, weg,
} from './schemaVorm';
import { OBJECT_VORMEN } from './objectVormen';
import type { ObjectVeld } from './objectVeld';

const GEHEEL = new Set(['integer', 'nonNegativeInteger', 'positiveInteger', 'long', 'int', 'short', 'byte', 'unsignedLong', 'unsignedInt', 'unsignedShort', 'unsignedByte']);

const patroon = (p: string): RegExp => {
  try {
    return new RegExp(`^(?:${p})$`, 'u');
  } catch {
    return new RegExp(`^(?:${p})$`);
  }
};

/** A check of a value against the facets of its simple type; throws StUF055 naming the rule, never the value. */
function controle(f: ObjectVeld): (w: string, pad: string) => void {
  const patronen = (f.patronen ?? []).map(patroon);
  const basis = f.basis ?? 'string';
  return (w, pad) => {
    const fout = (regel: string) => schemaFout(`${pad}: waarde voldoet niet aan het schema (${regel})`);
    if (f.waarden && !f.waarden.includes(w)) throw fout(`een van ${f.waarden.join(', ')}`);
    for (const p of patronen) if (!p.test(w)) throw fout('patroon');
    if (basis === 'boolean') {
      if (!['true', 'false', '1', '0'].includes(w)) throw fout('true of false');
      return;
    }
    if (GEHEEL.has(basis) || basis === 'decimal') {
      const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(w);
      if (!m || (m[2] === '' && !m[3]) || (GEHEEL.has(basis) && m[3] !== undefined)) throw fout('een getal');
      const geheel = m[2].replace(/^0+/, '');
      const breuk = (m[3] ?? '').replace(/0+$/, '');
      if (f.totalDigits && geheel.length + breuk.length > Number(f.totalDigits)) throw fout(`hoogstens ${f.totalDigits} cijfers`);
      if (f.fractionDigits && breuk.length > Number(f.fractionDigits)) throw fout(`hoogstens ${f.fractionDigits} decimalen`);
      const n = Number(w);
      const negatief = m[1] === '-' && n !== 0;
      if ((basis === 'nonNegativeInteger' || basis.startsWith('unsigned')) && negatief) throw fout('niet negatief');
      if (basis === 'positiveInteger' && (negatief || n === 0)) throw fout('positief');
      if (f.minInclusive !== undefined && n < Number(f.minInclusive)) throw fout(`minimaal ${f.minInclusive}`);
      if (f.maxInclusive !== undefined && n > Number(f.maxInclusive)) throw fout(`maximaal ${f.maxInclusive}`);
      if (f.minExclusive !== undefined && n <= Number(f.minExclusive)) throw fout(`groter dan ${f.minExclusive}`);
      if (f.maxExclusive !== undefined && n >= Number(f.maxExclusive)) throw fout(`kleiner dan ${f.maxExclusive}`);
      return;
    }
    // Lengths in UTF-16 units, as Xerces counts them.
    if (f.length && w.length !== Number(f.length)) throw fout(`precies ${f.length} tekens`);
    if (f.minLength && w.length < Number(f.minLength)) throw fout(`minimaal ${f.minLength} tekens`);
    if (f.maxLength && w.length > Number(f.maxLength)) throw fout(`hoogstens ${f.maxLength} tekens`);
  };
}

function alsVormVeld(f: ObjectVeld): VormVeld {
  switch (f.soort) {
    case 'datum':
      return datum(f.ns);
    case 'tijdstip':
      return tijdstip(f.ns);
    case 'authentiek':
      return authentiek(f.ns);
    case 'extraElementen':
      return EXTRA_ELEMENTEN;
    case 'tijdvakGeldigheid':
      return TIJDVAK_GELDIGHEID;
    case 'tijdvakObject':
      return TIJDVAK_OBJECT;
    case 'tijdstipRegistratie':
      return TIJDSTIP_REGISTRATIE;
    case 'groep': {
      const g = groep(f.ns, alsVorm(f.velden ?? []), f.verplicht);
      return f.entiteittype ? { ...g, vast: [at(NS.stuf, 'entiteittype', f.entiteittype)] } : g;
    }
    case 'waarde':
      return { ns: f.ns, spec: { naam: '', soort: 'tekst' }, controle: controle(f) };
    case 'weg':
      return weg(f.ns);
  }
}

const regels = (f: ObjectVeld): Partial<VormVeld> => ({
  ...(f.max ? { max: f.max === 'unbounded' ? Infinity : Number(f.max) } : {}),
  ...(f.sluitUit?.length ? { sluitUit: f.sluitUit } : {}),
});
const alsVorm = (velden: [string, ObjectVeld][]): Vorm => vorm(velden.map(([naam, f]) => [naam, { ...alsVormVeld(f), ...regels(f) }]));

let vormen: Map<string, { vorm: Vorm; verplicht: string[]; entiteittype?: string }> | undefined;
const vormVan = (naam: string) => {
  vormen ??= new Map(Object.entries(OBJECT_VORMEN).map(([n, o]) => [n, { vorm: alsVorm(o.velden), verplicht: o.verplicht, entiteittype: o.entiteittype }]));
  return vormen.get(naam);
};

/** The object of a zaakobject as it may be stored, or undefined when it is no object the schema knows. */
export function leesObject(e: XElement, pad: string, afw: Afwijkingen): XElement | undefined {
  const v = vormVan(e.local);
  if (!v || e.ns !== NS.zkn) {
    afw.meld(`${pad}: geen zaakobject dat het schema kent; genegeerd`);
    return undefined;
  }
  const kinderen = opschonen(e.children, v.vorm, pad, afw);
  const ontbreekt = v.verplicht.filter((n) => !kinderen.some((k) => k.local === n));
  if (ontbreekt.length) {
    afw.meld(`${pad}: ${ontbreekt.join(', ')} ontbreekt; zaakobject genegeerd`);
    return undefined;
  }
  return { ns: NS.zkn, local: e.local, attrs: v.entiteittype ? [at(NS.stuf, 'entiteittype', v.entiteittype)] : [], children: kinderen, text: '' };
}
