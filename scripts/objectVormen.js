#!/usr/bin/env node
// Generates src/stuf/objectVormen.ts: for every zaakobject that is no betrokkene (adres, pand, kadastraleOnroerendeZaak,
// besluit, ...) the fields the gateway may store and return, derived from the official ZDS 1.2 schema set:
// the fields of its kerngegevensKennisgeving type (what a zakLk01 may carry) that its answer type in
// OBJ-gerelateerdeAntwoord also has, in the answer's order, with the answer's simple types (length, pattern,
// value list, digits, range) and which of them the answer requires. GML geometry and nested relations are left out.
//
//   node scripts/objectVormen.js [../shared/schemas/zds12] > src/stuf/objectVormen.ts
const { readFileSync, readdirSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { SaxesParser } = require('saxes');

const XS = 'http://www.w3.org/2001/XMLSchema';
const STUF = 'http://www.egem.nl/StUF/StUF0301';
const BG = 'http://www.egem.nl/StUF/sector/bg/0310';
const ZKN = 'http://www.egem.nl/StUF/sector/zkn/0310';
const BETROKKENEN = new Set(['natuurlijkPersoon', 'nietNatuurlijkPersoon', 'vestiging', 'medewerker', 'organisatorischeEenheid']);

const map = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'shared', 'schemas', 'zds12'));

/** A schema file as a tree of { local, attrs, children, prefixes } (XML Schema elements only). */
function lees(pad) {
  const p = new SaxesParser({ xmlns: true });
  const stapel = [];
  let wortel;
  p.on('opentag', (t) => {
    const e = { local: t.local, ns: t.uri, attrs: Object.fromEntries(Object.values(t.attributes).map((a) => [a.name, a.value])), children: [], ctx: t.ns ? { ...t.ns } : {} };
    const ouder = stapel.at(-1);
    e.prefixes = { ...(ouder?.prefixes ?? {}), ...Object.fromEntries(Object.entries(t.attributes).filter(([n]) => n.startsWith('xmlns:')).map(([n, a]) => [n.slice(6), a.value])) };
    if (ouder) ouder.children.push(e);
    else wortel = e;
    stapel.push(e);
  });
  p.on('closetag', () => stapel.pop());
  p.write(readFileSync(pad, 'utf8')).close();
  return wortel;
}

const bestanden = [
  '0301/stuf0301.xsd', 'bg0310/entiteiten/bg0310_simpleTypes.xsd', 'bg0310/entiteiten/bg0310_stuf_simpleTypes.xsd', 'bg0310/entiteiten/bg0310_ent_basis.xsd',
  'zkn0310/entiteiten/zkn0310_bg0310_ent.xsd', 'zkn0310/entiteiten/zkn0310_ent_basis.xsd', 'zkn0310/entiteiten/zkn0310_simpleTypes.xsd',
  'zkn0310/entiteiten/zkn0310_stuf_simpleTypes.xsd', 'zkn0310/mutatie/zkn0310_ent_mutatie.xsd', 'zkn0310/vraagAntwoord/zkn0310_ent_vraagAntwoord.xsd',
];
const typen = new Map(); // '{tns}naam' → { e, tns }
for (const b of bestanden) {
  const s = lees(join(map, b));
  const tns = s.attrs.targetNamespace;
  for (const c of s.children) if ((c.local === 'complexType' || c.local === 'simpleType') && c.attrs.name) typen.set(`{${tns}}${c.attrs.name}`, { e: c, tns });
}

const qn = (e, q) => {
  const i = q.indexOf(':');
  const prefix = i < 0 ? '' : q.slice(0, i);
  const ns = prefix === '' ? XS : e.prefixes[prefix];
  return { ns, naam: i < 0 ? q : q.slice(i + 1), sleutel: `{${ns}}${i < 0 ? q : q.slice(i + 1)}` };
};
const kind = (e, local) => e.children.find((c) => c.local === local);

/** The element particles of a complex type's content, with whether the answer requires each. */
function elementen(typeEl) {
  const cc = kind(typeEl, 'complexContent');
  const model = cc ? kind(cc, 'restriction') ?? kind(cc, 'extension') : typeEl;
  if (cc && kind(cc, 'extension')) return undefined; // not used by these types; would need the base's particles
  const uit = [];
  const namen = (e) => (e.local === 'element' ? [e.attrs.name ?? e.attrs.ref.replace(/^[^:]*:/, '')] : e.children.flatMap(namen));
  const loop = (e, verplicht, sluitUit) => {
    for (const c of e.children) {
      if (c.local === 'sequence') loop(c, verplicht && c.attrs.minOccurs !== '0', sluitUit);
      else if (c.local === 'choice') {
        // One branch only (maxOccurs 1): each branch excludes the names of the others.
        const takken = c.children.filter((t) => ['element', 'sequence', 'choice'].includes(t.local));
        const enkel = (c.attrs.maxOccurs ?? '1') === '1';
        for (const t of takken) {
          const anderen = enkel ? takken.filter((x) => x !== t).flatMap(namen) : [];
          loop({ children: [t] }, false, [...sluitUit, ...anderen]);
        }
      } else if (c.local === 'element') uit.push({ el: c, verplicht: verplicht && c.attrs.minOccurs !== '0', sluitUit });
    }
  };
  loop(model, true, []);
  return uit;
}

function vasteAttributen(typeEl) {
  const cc = kind(typeEl, 'complexContent');
  const model = cc ? kind(cc, 'restriction') ?? kind(cc, 'extension') : typeEl;
  const et = model.children.find((c) => c.local === 'attribute' && c.attrs.ref === 'StUF:entiteittype' && c.attrs.fixed);
  return et ? et.attrs.fixed : undefined;
}

/** Facets of a simple type, following its restriction chain down to the built-in type. */
function facetten(sleutel, acc = { patronen: [], waarden: undefined }) {
  const t = typen.get(sleutel);
  if (!t) {
    acc.basis = sleutel.replace(`{${XS}}`, '');
    return acc;
  }
  const r = kind(t.e, 'restriction');
  if (!r) return undefined; // list or union
  const eigen = r.children.filter((c) => c.local === 'enumeration').map((c) => c.attrs.value);
  if (eigen.length && acc.waarden === undefined) acc.waarden = eigen;
  for (const c of r.children) {
    const v = c.attrs.value;
    if (c.local === 'pattern') acc.patronen.push(v);
    else if (['maxLength', 'minLength', 'length', 'totalDigits', 'fractionDigits', 'maxInclusive', 'minInclusive', 'maxExclusive', 'minExclusive'].includes(c.local)) acc[c.local] ??= v;
  }
  return facetten(qn(r, r.attrs.base).sleutel, acc);
}

/** What the answer may hold for an element of this type; undefined when the gateway does not store it. */
function veld(typeSleutel, kennisgevingSleutel, diepte) {
  if (/Geometrie|gml/i.test(typeSleutel)) return undefined;
  const naam = typeSleutel.replace(/^\{[^}]*\}/, '');
  if (typeSleutel.startsWith(`{${STUF}}`)) {
    if (/^(DatumMetIndicator|Datum-e|Datum)$/.test(naam)) return { soort: 'datum' };
    if (/^(TijdstipMetIndicator|Tijdstip-e|Tijdstip)$/.test(naam)) return { soort: 'tijdstip' };
  }
  if (typeSleutel === `{${BG}}Authentiek`) return { soort: 'authentiek' };
  const t = typen.get(typeSleutel);
  if (!t) return undefined;
  const sc = kind(t.e, 'simpleContent');
  if (sc) {
    const basis = kind(sc, 'extension') ?? kind(sc, 'restriction');
    const f = facetten(qn(basis, basis.attrs.base).sleutel);
    return f ? { soort: 'waarde', ...f } : undefined;
  }
  if (t.e.local === 'simpleType') {
    const f = facetten(typeSleutel);
    return f ? { soort: 'waarde', ...f } : undefined;
  }
  if (diepte > 3) return undefined;
  const k = kennisgevingSleutel && typen.get(kennisgevingSleutel);
  const groep = samenvoegen(t, k, diepte + 1);
  return groep && groep.velden.some(([, v]) => v.soort !== 'weg') ? { soort: 'groep', ...groep } : undefined;
}

/** The answer type's fields that the kennisgeving type also has, in the answer's order. */
function samenvoegen(antwoord, kennisgeving, diepte) {
  const a = elementen(antwoord.e);
  if (!a) return undefined;
  const k = kennisgeving ? elementen(kennisgeving.e) : a;
  if (!k) return undefined;
  const kNamen = new Map(k.filter((x) => x.el.attrs.name).map((x) => [x.el.attrs.name, x.el]));
  const kRefs = new Set(k.filter((x) => x.el.attrs.ref).map((x) => x.el.attrs.ref));
  const velden = [];
  const verplicht = [];
  const regels = (el, sluitUit) => ({
    ...((el.attrs.maxOccurs ?? '1') !== '1' ? { max: el.attrs.maxOccurs } : {}),
    ...(sluitUit.length ? { sluitUit } : {}),
  });
  for (const { el, verplicht: moet, sluitUit } of a) {
    if (el.attrs.ref) {
      const ref = el.attrs.ref.replace(/^StUF:/, '');
      if (kRefs.has(el.attrs.ref) && ['extraElementen', 'tijdvakGeldigheid', 'tijdstipRegistratie', 'tijdvakObject'].includes(ref)) velden.push([ref, { ns: STUF, soort: ref, ...regels(el, sluitUit) }]);
      if (moet) verplicht.push(ref);
      continue;
    }
    const naam = el.attrs.name;
    const kEl = kNamen.get(naam);
    const v = kEl ? veld(qn(el, el.attrs.type).sleutel, qn(kEl, kEl.attrs.type).sleutel, diepte) : undefined;
    if (v) velden.push([naam, { ns: antwoord.tns, ...v, ...regels(el, sluitUit) }]);
    if (moet) verplicht.push(naam);
  }
  // What the kennisgeving may carry but is not kept (geometry, relations, what the answer lacks): dropped silently,
  // so that strict mode does not refuse a valid message for it.
  const bekend = new Set(velden.map(([n]) => n));
  for (const { el } of k) {
    const naam = el.attrs.name ?? el.attrs.ref.replace(/^[^:]*:/, '');
    const ns = el.attrs.name ? (kennisgeving ?? antwoord).tns : qn(el, el.attrs.ref).ns;
    if (!bekend.has(naam)) velden.push([naam, { ns, soort: 'weg' }]);
    bekend.add(naam);
  }
  return { velden, verplicht, entiteittype: vasteAttributen(antwoord.e) };
}

const keuzes = (typeNaam) => {
  const t = typen.get(`{${ZKN}}${typeNaam}`);
  const uit = new Map();
  const loop = (e) => e.children.forEach((c) => (c.local === 'element' ? uit.set(c.attrs.name, qn(c, c.attrs.type)) : loop(c)));
  loop(t.e);
  return uit;
};
const kennisgevingen = keuzes('OBJ-kerngegevensKennisgeving');
const antwoorden = keuzes('OBJ-gerelateerdeAntwoord');
const objecten = {};
for (const [naam, k] of kennisgevingen) {
  if (BETROKKENEN.has(naam)) continue;
  const a = antwoorden.get(naam);
  const g = a && samenvoegen(typen.get(a.sleutel), typen.get(k.sleutel), 0);
  if (g) objecten[naam] = g;
}

const json = JSON.stringify(objecten, null, 1).replace(/\n\s*/g, ' ');
process.stdout.write(`// GENERATED by scripts/objectVormen.js from the ZDS 1.2 schema set (zkn0310 / bg0310, patch 20170401); do not edit.
// Per zaakobject that is no betrokkene: the fields of its kerngegevensKennisgeving type that its answer type in
// OBJ-gerelateerdeAntwoord also has, in answer order, with the answer's simple-type facets and required fields.
import type { ObjectVormen } from './objectVeld';

export const OBJECT_VORMEN: ObjectVormen = ${json};
`);
