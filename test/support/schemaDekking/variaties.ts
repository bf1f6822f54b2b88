// Variations of a valid message, one element at a time, read off the schema: every optional element of the varied
// object and of what it holds absent, present (its required content only, and full: every optional child once),
// and xsi:nil with each StUF:noValue its type allows (no noValue where the type has no such attribute: a group), a
// group with all its required children nil, a repeatable element once more; every other branch of an xs:choice in
// place of the one sent (and that branch varied in turn); every other value of an enumeration; a free text at its
// maximum length with characters that need escaping. New elements go where the content model puts them, so a
// variation is as valid as its base.
import { NS } from '../../../src/stuf/namespaces';
import type { XAttr, XElement } from '../../../src/stuf/xml';
import { ComplexType, Deeltje, ElementDecl, SchemaModel, SimpelType, TypeInfo, elementDeeltjes } from './schemaModel';
import { waardeVan } from './waarden';
import { sleutel } from './xsdLezer';

export interface Variatie {
  /** The varied element: local names from the root, e.g. object/heeftAlsInitiator/gerelateerde/natuurlijkPersoon. */
  pad: string;
  /** weg, aanwezig, vol, leeg, herhaald, lang, nil, nil:<noValue>, keuze, keuze-vol, waarde:<v>. */
  soort: string;
  bericht: XElement;
}

const NO_VALUES_STANDAARD = ['geenWaarde'];
/** Entities a kennisgeving names by identification only: catalogue entries and objects of their own services. */
const ALLEEN_IDENTIFICEREN = new Set(['ZKT', 'STT', 'RST', 'BST', 'DCT', 'ZAK', 'EDC', 'BSL', 'RLT', 'SBJ']);
const MAX_DIEPTE_VOL = 2;
/**
 * What makes a generated entity one the gateway can store and find again: its key and name. The schemas leave
 * nearly all of it optional, and a person without BSN or name is read past as "relatie zonder gerelateerde".
 */
const KERN = new Set(['identificatie', 'inp.bsn', 'inn.nnpId', 'vestigingsNummer', 'code', 'omschrijving', 'volgnummer', 'geslachtsnaam', 'achternaam', 'statutaireNaam', 'handelsnaam', 'naam']);
const MAX_WAARDEN = 6;

const kloon = (e: XElement): XElement => ({ ...e, attrs: e.attrs.map((a) => ({ ...a })), children: e.children.map(kloon) });
const attrVan = (e: XElement, ns: string, local: string) => e.attrs.find((a) => a.ns === ns && a.local === local)?.value;

export class Generator {
  constructor(private readonly model: SchemaModel) {}

  // ---- building instances ------------------------------------------------------------------------------------

  /** A new element of a declaration: required content only, or (vol) every optional child once, to a depth. */
  maak(decl: ElementDecl, opties: { vol?: boolean; diepte?: number; vs?: string; } = {}): XElement {
    const diepte = opties.diepte ?? 0;
    if (decl.abstract) {
      // An abstract element (gml:_Surface) is sent as a member of its substitution group.
      const lid = this.model.substituten(decl)[0];
      if (lid) return this.maak(lid, opties);
    }
    const t = decl.type();
    const e: XElement = { ns: decl.ns, local: decl.local, attrs: [], children: [], text: '' };
    if (!t.complex) {
      e.text = decl.vast ?? waardeVan(t, decl.local);
      return e;
    }
    e.attrs = this.attributen(t, decl, opties.vs);
    if (t.waarde) {
      e.text = decl.vast ?? waardeVan(t.waarde, decl.local);
      return e;
    }
    e.children = this.maakDeeltje(t, t.inhoud, { ...opties, diepte });
    return e;
  }

  /** The elements a particle of type `t` generates: required ones, or (vol) optional ones too; a choice's first branch. */
  maakDeeltje(t: ComplexType, d: Deeltje | undefined, opties: { vol?: boolean; diepte?: number }): XElement[] {
    const diepte = opties.diepte ?? 0;
    const isRelatie = elementDeeltjes(t.inhoud).some((p) => p.decl.local === 'gerelateerde');
    const uit: XElement[] = [];
    const entiteit = t.attributen.some((a) => a.local === 'entiteittype');
    const kern = (x: Deeltje) => entiteit && elementDeeltjes(x).some((q) => KERN.has(q.decl.local));
    const vul = (d: Deeltje | undefined, verplicht: boolean) => {
      if (!d || d.soort === 'any') return;
      if (d.soort === 'element') {
        const aantal = d.min > 0 && verplicht ? d.min : (opties.vol && diepte < MAX_DIEPTE_VOL && !d.decl.abstract) || kern(d) ? 1 : 0;
        for (let n = 0; n < aantal; n++) {
          const kindVs = d.decl.local === 'gerelateerde' || isRelatie ? undefined : 'T';
          uit.push(this.maak(d.decl, { vol: opties.vol, diepte: diepte + 1, vs: kindVs }));
        }
        return;
      }
      if (d.min === 0 && !opties.vol && !kern(d)) return;
      if (d.soort === 'choice') vul(d.items.find(kern) ?? d.items[0], true);
      else for (const i of d.items) vul(i, true);
    };
    vul(d, true);
    return uit;
  }

  /** Required and fixed attributes; verwerkingssoort where the type has one (T, or I for what is only named). */
  private attributen(t: ComplexType, decl: ElementDecl, vs: string | undefined): XAttr[] {
    const uit: XAttr[] = [];
    const entiteittype = t.attributen.find((a) => a.local === 'entiteittype')?.vast;
    for (const a of t.attributen) {
      if (a.ns === NS.xsi || a.local === 'noValue') continue;
      if (a.local === 'verwerkingssoort' && a.ns === NS.stuf) {
        const waarde = a.vast ?? vs ?? (decl.local !== 'gerelateerde' && entiteittype && ALLEEN_IDENTIFICEREN.has(entiteittype) ? 'I' : 'T');
        uit.push({ ns: a.ns, local: a.local, value: waarde });
      } else if (a.vast !== undefined) uit.push({ ns: a.ns, local: a.local, value: a.vast });
      else if (a.verplicht) uit.push({ ns: a.ns, local: a.local, value: waardeVan(a.type, a.local) });
    }
    return uit;
  }

  /** The nil form of an element: xsi:nil, the noValue if the type carries one, its fixed attributes and verwerkingssoort. */
  nil(decl: ElementDecl, noValue: string | undefined, voorbeeld?: XElement): XElement {
    const t = decl.type();
    const attrs: XAttr[] = [];
    if (t.complex) {
      for (const a of t.attributen) {
        if (a.local === 'entiteittype' || a.verplicht) {
          const w = a.vast ?? (voorbeeld && attrVan(voorbeeld, a.ns, a.local)) ?? waardeVan(a.type, a.local);
          attrs.push({ ns: a.ns, local: a.local, value: w });
        } else if (a.local === 'verwerkingssoort' && voorbeeld) {
          const w = attrVan(voorbeeld, a.ns, a.local);
          if (w) attrs.push({ ns: a.ns, local: a.local, value: w });
        }
      }
    }
    attrs.push({ ns: NS.xsi, local: 'nil', value: 'true' });
    if (noValue) attrs.push({ ns: NS.stuf, local: 'noValue', value: noValue });
    return { ns: decl.ns, local: decl.local, attrs, children: [], text: '' };
  }

  /**
   * A group (no entity: no entiteittype) whose required children are all sent nil, as several vendors say "no
   * kenmerk"; undefined when it has no required nillable child. `voorbeeld` gives the attributes of a present one.
   */
  leeg(decl: ElementDecl, voorbeeld?: XElement): XElement | undefined {
    const t = decl.type();
    if (!t.complex || !t.inhoud || t.attributen.some((a) => a.local === 'entiteittype')) return undefined;
    const verplicht = elementDeeltjes(t.inhoud).filter((p) => p.min > 0 && !p.pad.some((g) => g.min === 0 || g.soort === 'choice'));
    if (!verplicht.length || !verplicht.every((p) => p.decl.nillable)) return undefined;
    const e = this.maak(decl);
    if (voorbeeld) e.attrs = voorbeeld.attrs.map((a) => ({ ...a }));
    e.children = verplicht.map((p) => this.nil(p.decl, this.noValues(p.decl)[0] === undefined ? undefined : 'geenWaarde'));
    return e;
  }

  /** The noValue values a nil element of this type may carry; [undefined] when it has no noValue attribute. */
  noValues(decl: ElementDecl): (string | undefined)[] {
    const t = decl.type();
    const a = t.complex ? t.attributen.find((x) => x.local === 'noValue' && x.ns === NS.stuf) : undefined;
    if (!a) return [undefined];
    return a.type.enumeratie ?? NO_VALUES_STANDAARD;
  }

  // ---- varying -----------------------------------------------------------------------------------------------

  /** The type of the root element and the declaration of each element on the way to `pad` (child indices). */
  typeVan(root: XElement, pad: number[]): TypeInfo {
    let t: TypeInfo = this.model.element(root.ns, root.local).type();
    let e = root;
    for (const i of pad) {
      e = e.children[i];
      const d = this.declIn(t, e);
      if (!d) throw new Error(`${e.local} niet in het type ${t.naam}`);
      t = d.type();
    }
    return t;
  }

  private declIn(t: TypeInfo, e: XElement): ElementDecl | undefined {
    if (!t.complex) return undefined;
    return elementDeeltjes(t.inhoud).find((p) => p.decl.ns === e.ns && p.decl.local === e.local)?.decl;
  }

  /** Variations of the element at `pad` (child indices from the root) and of everything it holds. */
  varieer(root: XElement, pad: number[], diepte = 0): Variatie[] {
    const uit: Variatie[] = [];
    const t = this.typeVan(root, pad);
    let e = root;
    for (const i of pad) e = e.children[i];
    if (!t.complex || !t.inhoud || attrVan(e, NS.xsi, 'nil') === 'true') return uit;
    const padNaam = (extra: string) => [...naamPad(root, pad), extra].join('/');
    const deeltjes = elementDeeltjes(t.inhoud);
    const volgorde = (c: XElement) => deeltjes.findIndex((p) => p.decl.ns === c.ns && p.decl.local === c.local);
    const metWijziging = (soort: string, naam: string, wijzig: (doel: XElement) => void) => {
      const kopie = kloon(root);
      let doel = kopie;
      for (const i of pad) doel = doel.children[i];
      wijzig(doel);
      uit.push({ pad: padNaam(naam), soort, bericht: kopie });
    };
    const voegIn = (doel: XElement, nieuw: XElement, index: number) => {
      let plek = doel.children.findIndex((c) => volgorde(c) > index);
      if (plek < 0) plek = doel.children.length;
      doel.children.splice(plek, 0, nieuw);
    };
    const vs = attrVan(e, NS.stuf, 'verwerkingssoort');
    const gezien = new Set<string>();
    deeltjes.forEach((p, index) => {
      const k = sleutel(p.decl.ns, p.decl.local);
      if (gezien.has(k) || p.decl.abstract) return;
      gezien.add(k);
      const isKind = (c: XElement) => c.ns === p.decl.ns && c.local === p.decl.local;
      const aanwezig = e.children.map((c, i) => [c, i] as const).filter(([c]) => isKind(c));
      const naam = p.decl.local;
      const kindVs = naam === 'gerelateerde' ? undefined : vs === 'W' ? 'T' : undefined;
      // Optional where the element itself or a group around it may be left out.
      const weglaatbaar = p.min === 0 || p.pad.some((g) => g.min === 0);
      // The branch of the nearest choice that holds this element, and the children sent in its other branches.
      const keuzePlek = p.keuze ? p.pad.indexOf(p.keuze) : -1;
      const keuze = p.keuze?.soort === 'choice' ? p.keuze : undefined;
      const tak: Deeltje | undefined = keuze ? (p.pad[keuzePlek + 1] ?? keuze.items.find((x) => x.soort === 'element' && x.decl === p.decl)) : undefined;
      const inTak = (d: Deeltje | undefined, c: XElement) => elementDeeltjes(d).some((q) => q.decl.ns === c.ns && q.decl.local === c.local);
      const andereTak = p.keuze && tak ? e.children.filter((c) => !inTak(tak, c) && inTak(p.keuze, c)) : [];
      if (aanwezig.length) {
        if (weglaatbaar) metWijziging('weg', naam, (d) => { d.children = d.children.filter((c) => !isKind(c)); });
        if (p.decl.nillable) for (const nv of this.noValues(p.decl)) {
          metWijziging(nv ? `nil:${nv}` : 'nil', naam, (d) => {
            const eerste = d.children.findIndex(isKind);
            d.children[eerste] = this.nil(p.decl, nv, d.children[eerste]);
            d.children = d.children.filter((c, i) => !isKind(c) || i === eerste);
          });
        }
        const pt = p.decl.type();
        const simpel: SimpelType | undefined = pt.complex ? pt.waarde : pt;
        if (simpel?.enumeratie && simpel.enumeratie.length > 1) {
          const huidig = aanwezig[0][0].text.trim();
          for (const w of simpel.enumeratie.filter((x) => x !== huidig).slice(0, MAX_WAARDEN)) {
            metWijziging(`waarde:${w}`, naam, (d) => {
              const oud = d.children[aanwezig[0][1]];
              const attrs = oud.attrs.filter((a) => !(a.ns === NS.xsi && a.local === 'nil') && !(a.ns === NS.stuf && a.local === 'noValue'));
              d.children[aanwezig[0][1]] = { ...oud, attrs, text: w };
            });
          }
        }
        if (p.max > aanwezig.length) {
          metWijziging('herhaald', naam, (d) => voegIn(d, this.maak(p.decl, { vs: kindVs ?? attrVan(aanwezig[0][0], NS.stuf, 'verwerkingssoort') }), index));
        }
        const leeg = this.leeg(p.decl, aanwezig[0][0]);
        if (leeg) metWijziging('leeg', naam, (d) => { d.children[aanwezig[0][1]] = leeg; });
        const lang = langeTekst(simpel);
        if (lang !== undefined && attrVan(aanwezig[0][0], NS.xsi, 'nil') !== 'true') {
          metWijziging('lang', naam, (d) => { d.children[aanwezig[0][1]] = { ...d.children[aanwezig[0][1]], text: lang }; });
        }
        if (pt.complex && pt.inhoud) uit.push(...this.varieer(root, [...pad, aanwezig[0][1]], diepte));
        return;
      }
      if (andereTak.length) {
        // Another branch of the choice is sent: this branch in its place, required content and full, then varied.
        for (const vol of [false, true]) {
          metWijziging(vol ? 'keuze-vol' : 'keuze', naam, (d) => {
            const anders = (c: XElement) => andereTak.some((a) => a.ns === c.ns && a.local === c.local);
            const plek = d.children.findIndex(anders);
            d.children = d.children.filter((c) => !anders(c));
            const nieuw = this.maakDeeltje(t, tak, { vol });
            if (!nieuw.some(isKind)) nieuw.push(this.maak(p.decl, { vol, vs: kindVs }));
            d.children.splice(plek, 0, ...nieuw);
          });
        }
        if (diepte < 1) {
          const basis = uit[uit.length - 2];
          let d = basis.bericht;
          for (const i of pad) d = d.children[i];
          const plek = d.children.findIndex(isKind);
          uit.push(...this.varieer(basis.bericht, [...pad, plek], diepte + 1).filter((v) => v.soort !== 'keuze' && v.soort !== 'keuze-vol'));
        }
        return;
      }
      metWijziging('aanwezig', naam, (d) => voegIn(d, this.maak(p.decl, { vs: kindVs }), index));
      const pt = p.decl.type();
      const lang = langeTekst(pt.complex ? pt.waarde : pt);
      if (lang !== undefined) metWijziging('lang', naam, (d) => voegIn(d, { ...this.maak(p.decl, { vs: kindVs }), text: lang }, index));
      const leeg = this.leeg(p.decl);
      if (leeg) metWijziging('leeg', naam, (d) => voegIn(d, leeg, index));
      if (p.decl.type().complex) metWijziging('vol', naam, (d) => voegIn(d, this.maak(p.decl, { vol: true, vs: kindVs }), index));
      if (p.decl.nillable) for (const nv of this.noValues(p.decl)) {
        metWijziging(nv ? `nil:${nv}` : 'nil', naam, (d) => voegIn(d, this.nil(p.decl, nv, { ...e, attrs: kindVs ? [{ ns: NS.stuf, local: 'verwerkingssoort', value: kindVs }] : [] }), index));
      }
    });
    return uit;
  }
}

/**
 * For a free text with a maximum length: a value of exactly that length, with characters that need escaping or are
 * not ASCII (the length counted as Xerces counts it, in UTF-16 units: no characters outside the BMP).
 */
function langeTekst(t: SimpelType | undefined): string | undefined {
  if (!t || t.basis !== 'string' || t.enumeratie || t.patronen.length || t.maxLength === undefined || t.maxLength < 2) return undefined;
  const stuk = 'Dekking Ë&<é>"ß€ ';
  let w = stuk.repeat(Math.ceil(t.maxLength / stuk.length)).slice(0, t.maxLength - 1);
  w += 'x';
  return w;
}

function naamPad(root: XElement, pad: number[]): string[] {
  const namen: string[] = [];
  let e = root;
  for (const i of pad) {
    const ouder = e;
    e = e.children[i];
    // oud and nieuw are both "object": the position tells them apart.
    const zelfde = ouder.children.filter((c) => c.local === e.local && c.ns === e.ns);
    namen.push(zelfde.length > 1 ? `${e.local}[${zelfde.indexOf(e) + 1}]` : e.local);
  }
  return namen;
}

const OUD_SOORTEN = new Set(['nil:geenWaarde', 'nil', 'aanwezig', 'leeg']);
const NIEUW_SOORTEN = new Set(['nil:geenWaarde', 'nil', 'aanwezig', 'vol', 'leeg']);

/**
 * Pairs for a W kennisgeving: the same element varied in oud and in nieuw together, as updates send them (oud empty
 * and nieuw a value: set; oud a value and nieuw nil: clear; oud and nieuw a value: change), for the direct children
 * of the objects.
 */
export function oudNieuwParen(gen: Generator, root: XElement, oud: number[], nieuw: number[]): Variatie[] {
  const uit: Variatie[] = [];
  const direct = (v: Variatie, diepte: number) => v.pad.split('/').length === diepte + 1;
  for (const o of gen.varieer(root, oud).filter((v) => OUD_SOORTEN.has(v.soort) && direct(v, oud.length))) {
    const naam = o.pad.split('/').pop();
    for (const n of gen.varieer(o.bericht, nieuw).filter((v) => NIEUW_SOORTEN.has(v.soort) && direct(v, nieuw.length) && v.pad.split('/').pop() === naam)) {
      uit.push({ pad: `${o.pad} + ${n.pad}`, soort: `oud:${o.soort}+nieuw:${n.soort}`, bericht: n.bericht });
    }
  }
  return uit;
}

/**
 * Relations to a zaak, document, besluit or zaaktype of the gateway's own: a generated one names something that does
 * not exist (refused, see the allowed refusals), which would refuse the whole maximal message.
 */
const VERWIJZINGEN = new Set(['isVan', 'isRelevantVoor', 'heeftBetrekkingOpAndere', 'heeftAlsDeelzaak', 'heeftAlsHoofdzaak', 'leidtTot', 'isVastgelegdIn', 'isUitkomstVan', 'zaak']);

/**
 * The object at `pad` with every optional element it lacks added in full at once (a choice keeps the branch sent):
 * the pairs, triples and more of one-at-a-time, in a single message whose answers must carry all of it.
 */
export function maximaal(gen: Generator, root: XElement, pad: number[]): Variatie | undefined {
  const t = gen.typeVan(root, pad);
  if (!t.complex || !t.inhoud) return undefined;
  const kopie = kloon(root);
  let e = kopie;
  for (const i of pad) e = e.children[i];
  const deeltjes = elementDeeltjes(t.inhoud);
  const volgorde = (c: XElement) => deeltjes.findIndex((p) => p.decl.ns === c.ns && p.decl.local === c.local);
  const vs = attrVan(e, NS.stuf, 'verwerkingssoort');
  let toegevoegd = 0;
  deeltjes.forEach((p, index) => {
    if (p.decl.abstract || VERWIJZINGEN.has(p.decl.local) || e.children.some((c) => c.ns === p.decl.ns && c.local === p.decl.local)) return;
    if (p.keuze && e.children.some((c) => volgorde(c) >= 0 && deeltjes[volgorde(c)].keuze === p.keuze)) return;
    const nieuw = gen.maak(p.decl, { vol: true, vs: p.decl.local === 'gerelateerde' ? undefined : vs === 'W' ? 'T' : undefined });
    let plek = e.children.findIndex((c) => volgorde(c) > index);
    if (plek < 0) plek = e.children.length;
    e.children.splice(plek, 0, nieuw);
    toegevoegd++;
  });
  return toegevoegd ? { pad: [...naamPad(root, pad), '*'].join('/'), soort: 'maximaal', bericht: kopie } : undefined;
}
