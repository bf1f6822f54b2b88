// Decoding a BSL entity of a kennisgeving (the besluit of voegBesluitToe_Di01, an object of updateBesluit_BslLk01)
// into what it says: attributes to set or clear, the validity it states, and its relations by verwerkingssoort.
import { schemaFout } from './fout';
import { Afwijkingen, Verwerkingssoort, alsOpgeslagen, checkEntiteittype, leesVerwerkingssoort, leesWaarde } from './entiteit';
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
const RELATIES = new Set(['isVastgelegdIn', 'isUitkomstVan']);
/** What a besluit message may say of a document besides its identificatie. */
export const DOCUMENT_SPECS: Record<string, VeldSpec> = {
  'dct.omschrijving': { naam: 'dct.omschrijving', soort: 'tekst', max: 80 },
  titel: { naam: 'titel', soort: 'tekst', max: 200 },
};

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
    const spec = ATTRIBUUT_SPEC.get(c.local);
    if (c.local === 'identificatie') {
      b.identificatie = tekstVan(c);
      if (b.identificatie && b.identificatie.length > BESLUITIDENTIFICATIE_MAX) throw schemaFout(`${cpad}: '${b.identificatie}' is langer dan ${BESLUITIDENTIFICATIE_MAX} tekens`);
    } else if (spec) {
      b.attributen.set(spec.naam, leesWaarde(c, spec, cpad, afw));
    } else if (c.local === 'tijdvakGeldigheid') {
      b.geldigheid = { begin: leesTijdstip(child(c, 'beginGeldigheid'), `${cpad}/beginGeldigheid`), eind: leesTijdstip(child(c, 'eindGeldigheid'), `${cpad}/eindGeldigheid`) };
    } else if (c.local === 'tijdstipRegistratie') {
      b.tijdstipRegistratie = leesTijdstip(c, cpad);
    } else if (c.local === 'extraElementen') {
      b.extraElementen = [...(b.extraElementen ?? []), ...leesExtraElementen(c)];
    } else if (RELATIES.has(c.local)) {
      b.relaties.push({ naam: c.local, verwerkingssoort: leesVerwerkingssoort(c, cpad, afw), nil: isNil(c), element: c, pad: cpad });
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
  const identificatie = tekstVan(child(e, 'identificatie'));
  if (!identificatie) throw schemaFout(`${pad}/identificatie: de identificatie van de zaak ontbreekt`);
  return { identificatie, verwerkingssoort };
}

/** The gerelateerde of an isUitkomstVan relation (BSLZAK). */
export function leesUitkomstVan(rel: RelatieElement, afw: Afwijkingen): ZaakVerwijzing | undefined {
  checkEntiteittype(rel.element, 'BSLZAK', rel.pad, afw);
  const g = child(rel.element, 'gerelateerde');
  if (!g || isNil(g)) {
    afw.meld(`${rel.pad}: relatie zonder gerelateerde`);
    return undefined;
  }
  return leesZaakVerwijzing(g, `${rel.pad}/gerelateerde`, afw);
}

/** An isVastgelegdIn relation (BSLEDC): the document by identificatie, with what the message said of it. */
export function leesBesluitdocument(rel: RelatieElement, afw: Afwijkingen): Besluitdocument | undefined {
  checkEntiteittype(rel.element, 'BSLEDC', rel.pad, afw);
  const g = child(rel.element, 'gerelateerde');
  const gpad = `${rel.pad}/gerelateerde`;
  if (!g || isNil(g)) {
    afw.meld(`${rel.pad}: relatie zonder gerelateerde`);
    return undefined;
  }
  checkEntiteittype(g, 'EDC', gpad, afw);
  checkGenoemd(g, gpad, afw);
  const documentIdentificatie = tekstVan(child(g, 'identificatie'));
  if (!documentIdentificatie) throw schemaFout(`${gpad}/identificatie: de identificatie van het document ontbreekt`);
  if (documentIdentificatie.length > 40) throw schemaFout(`${gpad}/identificatie: '${documentIdentificatie}' is langer dan 40 tekens`);
  const gerelateerde: XElement[] = [];
  for (const c of g.children) {
    if (c.local === 'identificatie') continue;
    const spec = DOCUMENT_SPECS[c.local];
    if (!spec) afw.meld(`${gpad}/${c.local}: element onbekend in een EDC-gerelateerde; genegeerd`);
    else if (leesWaarde(c, spec, `${gpad}/${c.local}`, afw)) gerelateerde.push(alsOpgeslagen(c));
  }
  const velden = rel.element.children.filter((c) => c.local !== 'gerelateerde' && !isNil(c)).map(alsOpgeslagen);
  return { documentIdentificatie, gerelateerde, velden };
}
