// Reads an official XSD set (../shared/schemas) into global components: every file reachable from an entry schema
// through xs:include, xs:import and xs:redefine, as Xerces does with honour-all-schemaLocations (all imports of a
// namespace count, not only the first). QName-valued attributes (type, base, ref, memberTypes) need the prefixes in
// scope where they appear, which the gateway's own reader forgets on purpose, so this reader keeps them (saxes).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SaxesParser } from 'saxes';

export const XS = 'http://www.w3.org/2001/XMLSchema';

/** One xs:* element of a schema file, with the prefixes in scope and what its file says about names. */
export interface XsdKnoop {
  local: string;
  attrs: Record<string, string>;
  kinderen: XsdKnoop[];
  /** prefix ('' for the default namespace) → namespace URI, as in scope on this element. */
  prefixen: Map<string, string>;
  /** The targetNamespace of the file (or of the including file for a chameleon include). */
  tns: string;
  elementFormQualified: boolean;
  attributeFormQualified: boolean;
  bestand: string;
}

/** `{namespace}local`: how components are keyed. */
export const sleutel = (ns: string, local: string) => `{${ns}}${local}`;

export class SchemaSet {
  readonly elementen = new Map<string, XsdKnoop>();
  readonly typen = new Map<string, XsdKnoop>();
  readonly groepen = new Map<string, XsdKnoop>();
  readonly attribuutGroepen = new Map<string, XsdKnoop>();
  readonly attributen = new Map<string, XsdKnoop>();
  private readonly gelezen = new Set<string>();

  constructor(readonly entrees: string[]) {
    for (const e of entrees) this.lees(resolve(e), undefined);
  }

  /** The QName in an attribute value, resolved with the prefixes in scope on its element. */
  qname(k: XsdKnoop, waarde: string): string {
    const i = waarde.indexOf(':');
    const prefix = i < 0 ? '' : waarde.slice(0, i);
    const local = i < 0 ? waarde : waarde.slice(i + 1);
    const ns = k.prefixen.get(prefix);
    if (ns === undefined && prefix !== '') throw new Error(`${k.bestand}: prefix ${prefix} niet gedeclareerd (${waarde})`);
    return sleutel(ns ?? '', local);
  }

  private lees(bestand: string, chameleonTns: string | undefined): void {
    const merk = `${bestand}|${chameleonTns ?? ''}`;
    if (this.gelezen.has(merk)) return;
    this.gelezen.add(merk);
    const wortel = leesBestand(bestand, chameleonTns);
    if (wortel.local !== 'schema') throw new Error(`${bestand}: geen xs:schema`);
    for (const k of wortel.kinderen) {
      const plek = k.attrs.schemaLocation;
      if ((k.local === 'include' || k.local === 'redefine') && plek) this.lees(resolve(dirname(bestand), plek), wortel.tns);
      else if (k.local === 'import' && plek && !/^https?:/.test(plek)) this.lees(resolve(dirname(bestand), plek), undefined);
    }
    const registreer = (kaart: Map<string, XsdKnoop>, k: XsdKnoop) => {
      const s = sleutel(k.tns, k.attrs.name);
      if (!kaart.has(s)) kaart.set(s, k);
    };
    for (const k of wortel.kinderen) {
      if (k.local === 'element') registreer(this.elementen, k);
      else if (k.local === 'complexType' || k.local === 'simpleType') registreer(this.typen, k);
      else if (k.local === 'group') registreer(this.groepen, k);
      else if (k.local === 'attributeGroup') registreer(this.attribuutGroepen, k);
      else if (k.local === 'attribute') registreer(this.attributen, k);
      else if (k.local === 'redefine') for (const r of k.kinderen) if (r.attrs.name) registreer(r.local === 'group' ? this.groepen : r.local === 'attributeGroup' ? this.attribuutGroepen : this.typen, r);
    }
  }
}

/** One schema file as a tree of its xs:* elements (annotations and foreign elements left out). */
function leesBestand(bestand: string, chameleonTns: string | undefined): XsdKnoop {
  const tekst = readFileSync(bestand, 'utf8');
  const sax = new SaxesParser({ xmlns: true });
  const stapel: XsdKnoop[] = [];
  let overslaan = 0;
  let wortel: XsdKnoop | undefined;
  let tns = '';
  let ef = false;
  let af = false;
  const scopes: Map<string, string>[] = [new Map([['xml', 'http://www.w3.org/XML/1998/namespace']])];
  sax.on('opentag', (tag) => {
    const scope = new Map(scopes[scopes.length - 1]);
    for (const [p, uri] of Object.entries(tag.ns ?? {})) scope.set(p, uri);
    scopes.push(scope);
    if (overslaan > 0 || tag.uri !== XS || tag.local === 'annotation') {
      overslaan++;
      return;
    }
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) if (typeof a !== 'string' && a.uri === '' && a.prefix === '') attrs[a.local] = a.value;
    if (tag.local === 'schema') {
      tns = attrs.targetNamespace ?? chameleonTns ?? '';
      ef = attrs.elementFormDefault === 'qualified';
      af = attrs.attributeFormDefault === 'qualified';
    }
    const k: XsdKnoop = { local: tag.local!, attrs, kinderen: [], prefixen: scope, tns, elementFormQualified: ef, attributeFormQualified: af, bestand };
    if (stapel.length) stapel[stapel.length - 1].kinderen.push(k);
    else wortel = k;
    stapel.push(k);
  });
  sax.on('closetag', () => {
    scopes.pop();
    if (overslaan > 0) overslaan--;
    else stapel.pop();
  });
  sax.write(tekst).close();
  if (!wortel) throw new Error(`${bestand}: leeg`);
  return wortel;
}
