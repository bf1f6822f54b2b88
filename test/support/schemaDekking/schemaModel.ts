// The components of a SchemaSet resolved into what a message generator needs: element declarations with their
// type, content models as particles (sequence, choice, all, element, any; groups inlined; extensions prepend the
// base's content, restrictions replace it), attributes (attributeGroups inlined, prohibited ones removed), and simple
// types reduced to a primitive base with the facets of every derivation step (enumerations, patterns, lengths, digits,
// bounds; unions and lists kept as such).
import { SchemaSet, XS, XsdKnoop, sleutel } from './xsdLezer';

export interface SimpelType {
  naam: string;
  /** The built-in type it derives from (local name in the XSD namespace). */
  basis: string;
  enumeratie?: string[];
  /** Every derivation step's patterns; a value matches one pattern of each step. */
  patronen: string[][];
  length?: number;
  minLength?: number;
  maxLength?: number;
  totalDigits?: number;
  fractionDigits?: number;
  minInclusive?: string;
  maxInclusive?: string;
  minExclusive?: string;
  maxExclusive?: string;
  unie?: SimpelType[];
  lijst?: SimpelType;
}

export interface AttribuutDecl {
  ns: string;
  local: string;
  verplicht: boolean;
  vast?: string;
  type: SimpelType;
}

export interface ElementDecl {
  ns: string;
  local: string;
  /** A global element's key, `{ns}local`: what substitution groups name. */
  globaal?: string;
  nillable: boolean;
  abstract: boolean;
  vast?: string;
  type: () => TypeInfo;
}

export type Deeltje =
  | { soort: 'element'; decl: ElementDecl; min: number; max: number }
  | { soort: 'sequence' | 'choice' | 'all'; items: Deeltje[]; min: number; max: number }
  | { soort: 'any'; min: number; max: number };

export interface ComplexType {
  complex: true;
  naam: string;
  inhoud?: Deeltje;
  attributen: AttribuutDecl[];
  /** simpleContent: the value's type. */
  waarde?: SimpelType;
  gemengd: boolean;
}

export type TypeInfo = ComplexType | (SimpelType & { complex?: false });

const bezet = (n: string | undefined, standaard = 1) => (n === undefined ? standaard : n === 'unbounded' ? Infinity : Number(n));
const ANY_TYPE: ComplexType = { complex: true, naam: 'anyType', inhoud: { soort: 'any', min: 0, max: Infinity }, attributen: [], gemengd: true };

export class SchemaModel {
  private readonly typeCache = new Map<XsdKnoop, TypeInfo>();
  private readonly declCache = new Map<XsdKnoop, ElementDecl>();

  constructor(readonly set: SchemaSet) {}

  /** The global element `{ns}local`. */
  element(ns: string, local: string): ElementDecl {
    const k = this.set.elementen.get(sleutel(ns, local));
    if (!k) throw new Error(`element {${ns}}${local} niet in het schema`);
    return this.decl(k, true);
  }

  /** The elements that may stand for an (abstract) global element: its substitution group, transitively, not abstract. */
  substituten(kop: ElementDecl): ElementDecl[] {
    if (!kop.globaal) return [];
    if (!this.groepLeden) {
      this.groepLeden = new Map();
      for (const k of this.set.elementen.values()) {
        if (!k.attrs.substitutionGroup) continue;
        const h = this.set.qname(k, k.attrs.substitutionGroup);
        const leden = this.groepLeden.get(h) ?? [];
        leden.push(k);
        this.groepLeden.set(h, leden);
      }
    }
    const uit: ElementDecl[] = [];
    const bezoek = (h: string, diepte: number) => {
      for (const k of this.groepLeden!.get(h) ?? []) {
        const d = this.decl(k, true);
        if (!d.abstract) uit.push(d);
        if (diepte < 5) bezoek(d.globaal!, diepte + 1);
      }
    };
    bezoek(kop.globaal, 0);
    return uit;
  }

  private groepLeden?: Map<string, XsdKnoop[]>;

  decl(k: XsdKnoop, globaal: boolean): ElementDecl {
    const cached = this.declCache.get(k);
    if (cached) return cached;
    if (k.attrs.ref) {
      const doel = this.set.elementen.get(this.set.qname(k, k.attrs.ref));
      if (!doel) throw new Error(`${k.bestand}: element ref ${k.attrs.ref} onbekend`);
      return this.decl(doel, true);
    }
    const gekwalificeerd = globaal || (k.attrs.form ? k.attrs.form === 'qualified' : k.elementFormQualified);
    let type: TypeInfo | undefined;
    const d: ElementDecl = {
      ns: gekwalificeerd ? k.tns : '',
      local: k.attrs.name,
      globaal: globaal ? sleutel(k.tns, k.attrs.name) : undefined,
      nillable: k.attrs.nillable === 'true',
      abstract: k.attrs.abstract === 'true',
      vast: k.attrs.fixed,
      type: () => (type ??= this.typeVanElement(k)),
    };
    this.declCache.set(k, d);
    return d;
  }

  private typeVanElement(k: XsdKnoop): TypeInfo {
    if (k.attrs.type) return this.typeNaam(this.set.qname(k, k.attrs.type), k);
    const inline = k.kinderen.find((c) => c.local === 'complexType' || c.local === 'simpleType');
    if (inline) return this.type(inline);
    if (k.attrs.substitutionGroup) {
      const kop = this.set.elementen.get(this.set.qname(k, k.attrs.substitutionGroup));
      if (kop) return this.decl(kop, true).type();
    }
    return ANY_TYPE;
  }

  typeNaam(q: string, waar: XsdKnoop): TypeInfo {
    if (q.startsWith(`{${XS}}`)) {
      const local = q.slice(XS.length + 2);
      if (local === 'anyType') return ANY_TYPE;
      return { naam: local, basis: local, patronen: [] };
    }
    const k = this.set.typen.get(q);
    if (!k) throw new Error(`${waar.bestand}: type ${q} onbekend`);
    return this.type(k);
  }

  type(k: XsdKnoop): TypeInfo {
    const cached = this.typeCache.get(k);
    if (cached) return cached;
    if (k.local === 'simpleType') {
      const s = this.simpel(k);
      this.typeCache.set(k, s);
      return s;
    }
    // Registered before it is filled, so recursive content models terminate.
    const ct: ComplexType = { complex: true, naam: k.attrs.name ?? '(anoniem)', attributen: [], gemengd: k.attrs.mixed === 'true' };
    this.typeCache.set(k, ct);
    const cc = k.kinderen.find((c) => c.local === 'complexContent');
    const sc = k.kinderen.find((c) => c.local === 'simpleContent');
    if (cc) {
      if (cc.attrs.mixed === 'true') ct.gemengd = true;
      const afl = cc.kinderen.find((c) => c.local === 'extension' || c.local === 'restriction')!;
      const basis = this.typeNaam(this.set.qname(afl, afl.attrs.base), afl);
      const basisCt = basis.complex ? basis : ANY_TYPE;
      const eigen = this.deeltjeIn(afl);
      if (afl.local === 'extension') {
        const delen = [basisCt.inhoud, eigen].filter((d): d is Deeltje => !!d);
        ct.inhoud = delen.length <= 1 ? delen[0] : { soort: 'sequence', items: delen, min: 1, max: 1 };
      } else ct.inhoud = eigen;
      ct.attributen = this.voegAttributenSamen(basisCt.attributen, afl);
    } else if (sc) {
      const afl = sc.kinderen.find((c) => c.local === 'extension' || c.local === 'restriction')!;
      const basis = this.typeNaam(this.set.qname(afl, afl.attrs.base), afl);
      const basisWaarde: SimpelType = basis.complex ? (basis.waarde ?? { naam: 'string', basis: 'string', patronen: [] }) : basis;
      // A restriction may name its value type in a nested simpleType (BG:BSN-e restricts BsVesNummerOfId-e to BSN).
      const genest = afl.local === 'restriction' ? afl.kinderen.find((c) => c.local === 'simpleType') : undefined;
      const waarde = genest ? this.simpel(genest) : undefined;
      const metGenest: SimpelType = waarde ? { ...waarde, patronen: [...basisWaarde.patronen, ...waarde.patronen] } : basisWaarde;
      ct.waarde = afl.local === 'restriction' ? this.beperk(metGenest, afl, ct.naam) : basisWaarde;
      ct.attributen = this.voegAttributenSamen(basis.complex ? basis.attributen : [], afl);
    } else {
      ct.inhoud = this.deeltjeIn(k);
      ct.attributen = this.voegAttributenSamen([], k);
      if (!ct.inhoud && ct.gemengd) ct.waarde = { naam: 'string', basis: 'string', patronen: [] };
    }
    return ct;
  }

  /** The particle directly inside a type, extension or restriction (sequence, choice, all or group ref). */
  private deeltjeIn(k: XsdKnoop): Deeltje | undefined {
    const p = k.kinderen.find((c) => ['sequence', 'choice', 'all', 'group'].includes(c.local));
    return p ? this.deeltje(p) : undefined;
  }

  private deeltje(k: XsdKnoop): Deeltje | undefined {
    const min = bezet(k.attrs.minOccurs);
    const max = bezet(k.attrs.maxOccurs);
    if (max === 0) return undefined;
    switch (k.local) {
      case 'element':
        return { soort: 'element', decl: this.decl(k, false), min, max };
      case 'any':
        return { soort: 'any', min, max };
      case 'group': {
        const g = this.set.groepen.get(this.set.qname(k, k.attrs.ref));
        if (!g) throw new Error(`${k.bestand}: group ${k.attrs.ref} onbekend`);
        const binnen = g.kinderen.find((c) => ['sequence', 'choice', 'all'].includes(c.local));
        const d = binnen && this.deeltje(binnen);
        return d && { ...d, min: d.min * min, max: d.max * max };
      }
      case 'sequence':
      case 'choice':
      case 'all': {
        const items = k.kinderen.map((c) => this.deeltje(c)).filter((d): d is Deeltje => !!d);
        return { soort: k.local, items, min, max };
      }
      default:
        return undefined;
    }
  }

  /** Attributes of a type: the base's, then its own (same name replaces; prohibited removes). */
  private voegAttributenSamen(basis: AttribuutDecl[], k: XsdKnoop): AttribuutDecl[] {
    const uit = new Map(basis.map((a) => [sleutel(a.ns, a.local), a] as const));
    const verboden = new Set<string>();
    const bezoek = (knoop: XsdKnoop) => {
      for (const c of knoop.kinderen) {
        if (c.local === 'attribute') {
          const a = this.attribuut(c);
          if (c.attrs.use === 'prohibited') verboden.add(sleutel(a.ns, a.local));
          else uit.set(sleutel(a.ns, a.local), a);
        } else if (c.local === 'attributeGroup' && c.attrs.ref) {
          const g = this.set.attribuutGroepen.get(this.set.qname(c, c.attrs.ref));
          if (!g) throw new Error(`${c.bestand}: attributeGroup ${c.attrs.ref} onbekend`);
          bezoek(g);
        }
      }
    };
    bezoek(k);
    for (const v of verboden) uit.delete(v);
    return [...uit.values()];
  }

  private attribuut(k: XsdKnoop): AttribuutDecl {
    let bron = k;
    let ns: string;
    if (k.attrs.ref) {
      const q = this.set.qname(k, k.attrs.ref);
      const g = this.set.attributen.get(q);
      ns = q.slice(1, q.indexOf('}'));
      if (g) bron = g;
      else if (ns !== 'http://www.w3.org/XML/1998/namespace' && ns !== 'http://www.w3.org/2001/XMLSchema-instance')
        throw new Error(`${k.bestand}: attribute ${k.attrs.ref} onbekend`);
      const local = q.slice(q.indexOf('}') + 1);
      return { ns, local, verplicht: k.attrs.use === 'required', vast: k.attrs.fixed ?? bron.attrs.fixed, type: this.attribuutType(bron) };
    }
    ns = k.attrs.form === 'qualified' || (k.attrs.form === undefined && k.attributeFormQualified) ? k.tns : '';
    return { ns, local: k.attrs.name, verplicht: k.attrs.use === 'required', vast: k.attrs.fixed, type: this.attribuutType(k) };
  }

  private attribuutType(k: XsdKnoop): SimpelType {
    if (k.attrs.type) {
      const t = this.typeNaam(this.set.qname(k, k.attrs.type), k);
      return t.complex ? { naam: 'string', basis: 'string', patronen: [] } : t;
    }
    const inline = k.kinderen.find((c) => c.local === 'simpleType');
    return inline ? (this.type(inline) as SimpelType) : { naam: 'string', basis: 'string', patronen: [] };
  }

  private simpel(k: XsdKnoop): SimpelType {
    const naam = k.attrs.name ?? '(anoniem)';
    const r = k.kinderen.find((c) => c.local === 'restriction');
    if (r) {
      const basis = r.attrs.base
        ? (this.typeNaam(this.set.qname(r, r.attrs.base), r) as SimpelType)
        : this.simpel(r.kinderen.find((c) => c.local === 'simpleType')!);
      return this.beperk(basis, r, naam);
    }
    const u = k.kinderen.find((c) => c.local === 'union');
    if (u) {
      const leden = (u.attrs.memberTypes ?? '').split(/\s+/).filter(Boolean).map((m) => this.typeNaam(this.set.qname(u, m), u) as SimpelType);
      for (const c of u.kinderen) if (c.local === 'simpleType') leden.push(this.simpel(c));
      return { naam, basis: 'union', patronen: [], unie: leden };
    }
    const l = k.kinderen.find((c) => c.local === 'list');
    if (l) {
      const item = l.attrs.itemType ? (this.typeNaam(this.set.qname(l, l.attrs.itemType), l) as SimpelType) : this.simpel(l.kinderen.find((c) => c.local === 'simpleType')!);
      return { naam, basis: 'list', patronen: [], lijst: item };
    }
    return { naam, basis: 'string', patronen: [] };
  }

  /** A restriction step: the base's facets, narrowed by this step's. */
  private beperk(basis: SimpelType, r: XsdKnoop, naam: string): SimpelType {
    const t: SimpelType = { ...basis, naam, patronen: [...basis.patronen] };
    const enums: string[] = [];
    const patronen: string[] = [];
    for (const f of r.kinderen) {
      const v = f.attrs.value;
      switch (f.local) {
        case 'enumeration': enums.push(v); break;
        case 'pattern': patronen.push(v); break;
        case 'length': t.length = Number(v); break;
        case 'minLength': t.minLength = Number(v); break;
        case 'maxLength': t.maxLength = Number(v); break;
        case 'totalDigits': t.totalDigits = Number(v); break;
        case 'fractionDigits': t.fractionDigits = Number(v); break;
        case 'minInclusive': t.minInclusive = v; break;
        case 'maxInclusive': t.maxInclusive = v; break;
        case 'minExclusive': t.minExclusive = v; break;
        case 'maxExclusive': t.maxExclusive = v; break;
        default: break;
      }
    }
    if (enums.length) t.enumeratie = enums;
    if (patronen.length) t.patronen.push(patronen);
    return t;
  }
}

/** Every element particle of a content model, in document order (choices: every branch). */
export function elementDeeltjes(d: Deeltje | undefined, uit: { decl: ElementDecl; min: number; max: number; keuze?: Deeltje; pad: Deeltje[] }[] = [], pad: Deeltje[] = []): typeof uit {
  if (!d) return uit;
  if (d.soort === 'element') uit.push({ decl: d.decl, min: d.min, max: d.max, keuze: [...pad].reverse().find((p) => p.soort === 'choice'), pad });
  else if (d.soort !== 'any') for (const i of d.items) elementDeeltjes(i, uit, [...pad, d]);
  return uit;
}
