// Decoding a BSL entity of a kennisgeving (the besluit of voegBesluitToe_Di01, an object of updateBesluit_BslLk01)
// into what it says: attributes to set or clear, the validity it states, and its relations by verwerkingssoort.
import { schemaFout } from './fout';
import { Afwijkingen, Verwerkingssoort, checkEntiteittype, leesVerwerkingssoort, leesWaarde, relatieZonderWaarde, zonderWaarde } from './entiteit';
import { NS } from './namespaces';
import { EXTRA_ELEMENTEN, TIJDSTIP_REGISTRATIE, TIJDVAK_RELATIE, opschonen, vorm } from './schemaVorm';
import { Tijdstip, parseTijdstip } from './tijd';
import { XElement, child, isNil } from './xml';
import { RelatieElement, leesExtraElementen } from './zaakKennisgeving';
import { BESLUIT_ATTRIBUTEN, BESLUITIDENTIFICATIE_MAX, BesluitAttribuut, Besluitdocument } from '../domain/besluit';
import { ExtraElement, VeldSpec, Waarde } from '../domain/zaak';

export interface BesluitBericht {
  verwerkingssoort?: Verwerkingssoort;
  identificatie?: string;
  /** Present attributes: a value to set, or null to clear. */
  attributen: Map<BesluitAttribuut, Waarde | null>;
  /** StUF:tijdvakGeldigheid when the message states one (null: sent nil). */
  geldigheid?: { begin: Tijdstip | null; eind: Tijdstip | null };
  tijdstipRegistratie?: Tijdstip | null;
  extraElementen?: ExtraElement[];
  /** isVastgelegdIn, and isUitkomstVan where a sender puts the zaak inside the besluit. */
  relaties: RelatieElement[];
}

export interface ZaakVerwijzing {
  identificatie: string;
  verwerkingssoort?: Verwerkingssoort;
}

const ATTRIBUUT_SPEC = new Map(BESLUIT_ATTRIBUTEN.map((s) => [s.naam as string, s]));
/** The relations of a BSL-kennisgeving, with the entiteittype of their gerelateerde. */
const RELATIES = new Map([['isVastgelegdIn', 'EDC'], ['isUitkomstVan', 'ZAK']]);
/** The StUF children of a BSL-kennisgeving; the rest is ZKN. */
const STUF_KINDEREN = new Set(['tijdvakGeldigheid', 'tijdstipRegistratie', 'extraElementen']);
/** What a besluit message may say of a document besides its identificatie. */
export const DOCUMENT_SPECS: Record<string, VeldSpec> = {
  'dct.omschrijving': { naam: 'dct.omschrijving', soort: 'tekst', max: 80 },
  titel: { naam: 'titel', soort: 'tekst', max: 200 },
};

/** BSLEDC besides its gerelateerde: what the relation's type defines (extraElementen is echoed in answers). */
const BSLEDC_VORM = vorm([['tijdvakRelatie', TIJDVAK_RELATIE], ['tijdstipRegistratie', TIJDSTIP_REGISTRATIE], ['extraElementen', EXTRA_ELEMENTEN]]);

/** The fields of an isVastgelegdIn besides gerelateerde, cleaned to what BSLEDC defines. */
export const besluitdocumentVelden = (kinderen: XElement[], pad: string, afw: Afwijkingen): XElement[] =>
  opschonen(kinderen.filter((c) => !(c.local === 'gerelateerde' && c.ns === NS.zkn)), BSLEDC_VORM, pad, afw);

/** What the message says of the document (ZKN dct.omschrijving, titel), each value checked, stored trimmed. */
export function besluitdocumentGerelateerde(kinderen: XElement[], gpad: string, afw: Afwijkingen): XElement[] {
  const uit: XElement[] = [];
  for (const c of kinderen) {
    if (c.local === 'identificatie' && c.ns === NS.zkn) continue;
    const spec = c.ns === NS.zkn ? DOCUMENT_SPECS[c.local] : undefined;
    if (!spec) {
      afw.meld(`${gpad}/${c.local}: element onbekend in een EDC-gerelateerde; genegeerd`);
      continue;
    }
    const w = leesWaarde(c, spec, `${gpad}/${c.local}`, afw);
    if (w) uit.push({ ns: NS.zkn, local: c.local, attrs: [], children: [], text: w.w });
  }
  return uit;
}

const tekstVan = (e: XElement | undefined) => (e && !isNil(e) ? e.text.trim() || undefined : undefined);

function leesTijdstip(e: XElement | undefined, pad: string): Tijdstip | null {
  return e && !isNil(e) && e.text.trim() ? parseTijdstip(e.text, pad) : null;
}

/** Decodes one BSL entity element. */
export function leesBesluitObject(obj: XElement, pad: string, afw: Afwijkingen): BesluitBericht {
  checkEntiteittype(obj, 'BSL', pad, afw);
  const b: BesluitBericht = { verwerkingssoort: leesVerwerkingssoort(obj, pad, afw), attributen: new Map(), relaties: [] };
  for (const c of obj.children) {
    const cpad = `${pad}/${c.local}`;
    if (c.ns !== (STUF_KINDEREN.has(c.local) ? NS.stuf : NS.zkn)) {
      afw.meld(`${cpad}: element in een andere namespace dan het schema het geeft; genegeerd`);
      continue;
    }
    const spec = ATTRIBUUT_SPEC.get(c.local);
    if (c.local === 'identificatie') {
      b.identificatie = tekstVan(c);
      if (b.identificatie && b.identificatie.length > BESLUITIDENTIFICATIE_MAX) throw schemaFout(`${cpad}: '${b.identificatie}' is langer dan ${BESLUITIDENTIFICATIE_MAX} tekens`);
    } else if (spec) {
      b.attributen.set(spec.naam, leesWaarde(c, spec, cpad, afw));
    } else if (c.local === 'tijdvakGeldigheid') {
      if (zonderWaarde(c)) continue; // both ends nil: states no validity
      b.geldigheid = { begin: leesTijdstip(child(c, 'beginGeldigheid', NS.stuf), `${cpad}/beginGeldigheid`), eind: leesTijdstip(child(c, 'eindGeldigheid', NS.stuf), `${cpad}/eindGeldigheid`) };
    } else if (c.local === 'tijdstipRegistratie') {
      b.tijdstipRegistratie = leesTijdstip(c, cpad);
    } else if (c.local === 'extraElementen') {
      b.extraElementen = [...(b.extraElementen ?? []), ...leesExtraElementen(c, cpad, afw)];
    } else if (RELATIES.has(c.local)) {
      b.relaties.push({ naam: c.local, verwerkingssoort: leesVerwerkingssoort(c, cpad, afw), nil: relatieZonderWaarde(c, RELATIES.get(c.local), cpad, afw), element: c, pad: cpad });
    } else {
      afw.meld(`${cpad}: element onbekend in een BSL-kennisgeving; genegeerd`);
    }
  }
  return b;
}

/** A gerelateerde that the relation only names: T for one that exists counts as I, anything else is read as I. */
function checkGenoemd(e: XElement, pad: string, afw: Afwijkingen): Verwerkingssoort | undefined {
  const vs = leesVerwerkingssoort(e, pad, afw);
  if (vs && vs !== 'T' && vs !== 'I') afw.meld(`${pad}: een gerelateerde wordt niet via een besluit gewijzigd (verwerkingssoort ${vs}); gelezen als I`);
  return vs;
}

/** A zaak named by its identificatie: ZKN:zaak of voegBesluitToe, or the gerelateerde of isUitkomstVan. */
export function leesZaakVerwijzing(e: XElement, pad: string, afw: Afwijkingen): ZaakVerwijzing {
  checkEntiteittype(e, 'ZAK', pad, afw);
  const verwerkingssoort = checkGenoemd(e, pad, afw);
  const identificatie = tekstVan(child(e, 'identificatie', NS.zkn));
  if (!identificatie) throw schemaFout(`${pad}/identificatie: de identificatie van de zaak ontbreekt`);
  return { identificatie, verwerkingssoort };
}

/** The gerelateerde of an isUitkomstVan relation (BSLZAK). */
export function leesUitkomstVan(rel: RelatieElement, afw: Afwijkingen): ZaakVerwijzing | undefined {
  checkEntiteittype(rel.element, 'BSLZAK', rel.pad, afw);
  const g = child(rel.element, 'gerelateerde', NS.zkn);
  if (!g || isNil(g)) {
    afw.meld(`${rel.pad}: relatie zonder gerelateerde`);
    return undefined;
  }
  return leesZaakVerwijzing(g, `${rel.pad}/gerelateerde`, afw);
}

/** An isVastgelegdIn relation (BSLEDC): the document by identificatie, with what the message said of it. */
export function leesBesluitdocument(rel: RelatieElement, afw: Afwijkingen): Besluitdocument | undefined {
  checkEntiteittype(rel.element, 'BSLEDC', rel.pad, afw);
  const g = child(rel.element, 'gerelateerde', NS.zkn);
  const gpad = `${rel.pad}/gerelateerde`;
  if (!g || isNil(g)) {
    afw.meld(`${rel.pad}: relatie zonder gerelateerde`);
    return undefined;
  }
  checkEntiteittype(g, 'EDC', gpad, afw);
  checkGenoemd(g, gpad, afw);
  const documentIdentificatie = tekstVan(child(g, 'identificatie', NS.zkn));
  if (!documentIdentificatie) throw schemaFout(`${gpad}/identificatie: de identificatie van het document ontbreekt`);
  if (documentIdentificatie.length > 40) throw schemaFout(`${gpad}/identificatie: '${documentIdentificatie}' is langer dan 40 tekens`);
  const gerelateerde = besluitdocumentGerelateerde(g.children, gpad, afw);
  const velden = besluitdocumentVelden(rel.element.children, rel.pad, afw);
  return { documentIdentificatie, gerelateerde, velden };
}
