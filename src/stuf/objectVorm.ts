// Zaakobjecten that are no betrokkene (adres, pand, kadastraleOnroerendeZaak, ...): stored as received and returned
// in answers of the zaak. Their ~25 BG and ZKN types are not listed field by field here; what is kept is bounded by
// the namespaces their schema types use: the object element is one of the OBJ choice (ZKN), its fields are in the
// namespace of its type (BG, or ZKN for the ZKN types), StUF for extraElementen and tijdvakken, GML for geometry.
// Elements of any other namespace, foreign attributes and blank values are dropped (lenient) or refused (strict).
import { NS } from './namespaces';
import { Afwijkingen } from './entiteit';
import { XAttr, XElement, isNil } from './xml';

/** The object elements of OBJ-kerngegevensKennisgeving that are no betrokkene, with the namespace of their fields. */
const OBJECTTYPEN: Record<string, string> = Object.fromEntries([
  ...['adres', 'buurt', 'gemeente', 'gemeentelijkeOpenbareRuimte', 'huishouden', 'inrichtingselement', 'kadastraleOnroerendeZaak',
    'kunstwerkdeel', 'maatschappelijkeActiviteit', 'openbareRuimte', 'pand', 'spoorbaandeel', 'terreindeel', 'terreinGebouwdObject',
    'waterdeel', 'wegdeel', 'wijk', 'woonplaats', 'wozDeelobject', 'wozObject', 'wozWaarde', 'zakelijkRecht'].map((n) => [n, NS.bg]),
  ...['besluit', 'enkelvoudigDocument', 'samengesteldDocument', 'status'].map((n) => [n, NS.zkn]),
]);

/** StUF attributes an answer may carry on these elements; verwerkingssoort and the like are kennisgeving-only. */
const STUF_ATTRIBUTEN = new Set(['entiteittype', 'indOnvolledigeDatum', 'metagegeven']);

function attributen(e: XElement, pad: string, afw: Afwijkingen): XAttr[] {
  const uit: XAttr[] = [];
  for (const a of e.attrs) {
    if (a.ns === NS.stuf && STUF_ATTRIBUTEN.has(a.local)) uit.push(a);
    else if (a.ns !== NS.stuf && a.ns !== NS.xsi && a.ns !== NS.xml) afw.meld(`${pad}: attribuut ${a.local} is hier niet toegestaan; genegeerd`);
  }
  return uit;
}

function schoon(e: XElement, veldNs: string, pad: string, afw: Afwijkingen): XElement | undefined {
  if (isNil(e)) return undefined;
  if (e.ns === NS.gml) return e; // geometry: its own schema, kept whole
  const kinderen: XElement[] = [];
  for (const c of e.children) {
    const cpad = `${pad}/${c.local}`;
    if (c.ns !== veldNs && c.ns !== NS.stuf && c.ns !== NS.gml) {
      afw.meld(`${cpad}: element in een namespace die dit object niet kent; genegeerd`);
      continue;
    }
    const k = schoon(c, veldNs, cpad, afw);
    if (k) kinderen.push(k);
  }
  const tekst = e.children.length ? '' : e.text.trim();
  if (e.children.length && kinderen.length === 0) return undefined;
  if (!e.children.length && tekst === '') {
    afw.meld(`${pad}: leeg element zonder xsi:nil; genegeerd`);
    return undefined;
  }
  return { ns: e.ns, local: e.local, attrs: attributen(e, pad, afw), children: kinderen, text: tekst };
}

/** The object of a zaakobject as it may be stored, or undefined when it is no object the schema knows. */
export function vrijObject(e: XElement, pad: string, afw: Afwijkingen): XElement | undefined {
  const veldNs = OBJECTTYPEN[e.local];
  if (!veldNs || e.ns !== NS.zkn) {
    afw.meld(`${pad}: geen zaakobject dat het schema kent; genegeerd`);
    return undefined;
  }
  const kinderen = e.children.map((c) => (c.ns === veldNs || c.ns === NS.stuf ? schoon(c, veldNs, `${pad}/${c.local}`, afw) : (afw.meld(`${pad}/${c.local}: element in een namespace die dit object niet kent; genegeerd`), undefined)));
  return { ns: e.ns, local: e.local, attrs: attributen(e, pad, afw), children: kinderen.filter((k): k is XElement => !!k), text: '' };
}
