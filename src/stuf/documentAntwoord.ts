// Documents in answers: the EDC object of geefZaakdocumentLezen and geefZaakdocumentBewerken (with its content),
// and the ZAKEDC relation of geefLijstZaakdocumenten and geefZaakdetails. Exactly what the scope asks, in schema
// order; what the answer type requires is always there, nil (geenWaarde) when we hold no value.
import { NS } from './namespaces';
import { Scope } from './vraag';
import { XElement, at, el } from './xml';
import { entiteittype, nilElement, waardeElement, zkn } from './antwoordElementen';
import { inhoudElement } from './inhoud';
import { formatAmsterdam } from './tijd';
import type { Store } from '../store';
import { ZaakBeeld } from '../domain/zaakBeeld';
import { DOCUMENT_VELDEN, Document, DocumentVeld, ZAAKDOCUMENT_VELDEN, Zaakdocument, ZaakdocumentData } from '../domain/document';
import type { Waarde } from '../domain/zaak';

/**
 * lezen12: GeefZaakdocumentLezen-EDC-antwoord (required elements nillable); lezen11: the generic EDC-antwoord of a
 * ZDS 1.1 edcLa01 (everything optional); bewerken: EDC-antwoord-gzdb, whose required elements are not nillable.
 */
export type EdcVariant = 'lezen12' | 'lezen11' | 'bewerken';

const VERPLICHT: Record<EdcVariant, Set<DocumentVeld>> = {
  lezen12: new Set(['creatiedatum', 'titel', 'formaat', 'taal', 'vertrouwelijkAanduiding', 'auteur']),
  lezen11: new Set(),
  bewerken: new Set(['creatiedatum', 'titel', 'formaat', 'taal', 'vertrouwelijkAanduiding', 'auteur', 'link']),
};

/**
 * Values for what the bewerken answer requires but the document lacks (possible after a lenient maakZaakdocument):
 * its registration date, its file name, its content type, the common zaak classification, a URN that names it.
 */
async function vervanging(store: Store, doc: Document, naam: DocumentVeld): Promise<string> {
  const info = doc.inhoudId !== undefined ? await store.documenten.inhoudInfo(doc.inhoudId) : undefined;
  switch (naam) {
    case 'creatiedatum':
      return formatAmsterdam(Date.parse(doc.aangemaakt), 8);
    case 'titel':
      return (info?.bestandsnaam ?? doc.identificatie).slice(0, 200);
    case 'formaat':
      return (info?.contentType ?? '').slice(0, 85);
    case 'vertrouwelijkAanduiding':
      return 'ZAAKVERTROUWELIJK';
    case 'link':
      return `urn:zds:document:${doc.identificatie}`;
    default:
      return '';
  }
}

/** Asked (or required) fields of a document, in schema order, after its identificatie. */
async function documentVelden(store: Store, doc: Document, scope: Scope, variant?: EdcVariant): Promise<XElement[]> {
  const uit: XElement[] = [];
  for (const { naam } of DOCUMENT_VELDEN) {
    const verplicht = variant !== undefined && VERPLICHT[variant].has(naam);
    if (!verplicht && !scope.vraagt(naam)) continue;
    const w = doc.data[naam];
    if (w) uit.push(waardeElement(NS.zkn, naam, w));
    else if (variant === 'bewerken' && verplicht) uit.push(zkn(naam, await vervanging(store, doc, naam)));
    else if (verplicht || scope.expliciet(naam)) uit.push(nilElement(NS.zkn, naam));
  }
  return uit;
}

/** The inhoud element: stored content read lazily, or an empty file for a placeholder (inhoud is required). */
async function inhoudAntwoord(store: Store, doc: Document): Promise<XElement> {
  const info = doc.inhoudId !== undefined ? await store.documenten.inhoudInfo(doc.inhoudId) : undefined;
  if (info) return inhoudElement({ data: await store.documenten.data(info), bestandsnaam: info.bestandsnaam, contentType: info.contentType }, NS.zkn);
  const formaat = doc.data.formaat?.w;
  const attrs = [at(NS.stuf, 'bestandsnaam', doc.identificatie)];
  if (formaat && formaat.length >= 3) attrs.push(at(NS.xmime, 'contentType', formaat));
  return el(NS.zkn, 'inhoud', '', attrs);
}

/** Relation fields (titel, beschrijving, registratiedatum) asked in the scope; registratiedatum may be required. */
function koppelVelden(velden: ZaakdocumentData, scope: Scope, registratiedatumVerplicht: boolean): XElement[] {
  const uit: XElement[] = [];
  for (const { naam } of ZAAKDOCUMENT_VELDEN) {
    const verplicht = registratiedatumVerplicht && naam === 'registratiedatum';
    if (!verplicht && !scope.vraagt(naam)) continue;
    const w: Waarde | undefined = velden[naam];
    if (w) uit.push(waardeElement(NS.zkn, naam, w));
    else if (verplicht || scope.expliciet(naam)) uit.push(nilElement(NS.zkn, naam));
  }
  return uit;
}

/**
 * isRelevantVoor (EDCZAK): the zaken the document is filed in, by identificatie (and omschrijving when asked);
 * only those in `zichtbaar` when given (the caller may not learn of the others through the document).
 */
async function isRelevantVoor(store: Store, doc: Document, scope: Scope, zichtbaar?: ReadonlySet<string>): Promise<XElement[]> {
  if (!scope.vraagt('isRelevantVoor')) return [];
  const s = scope.sub('isRelevantVoor');
  const g = s.sub('gerelateerde');
  const items: XElement[] = [];
  for (const zd of await store.documenten.zakenVan(doc.id)) {
    if (zichtbaar && !zichtbaar.has(zd.zaakIdentificatie)) continue;
    const omschrijving = g.vraagt('omschrijving') ? (await store.zaken.vind(zd.zaakIdentificatie))?.data.attributen.omschrijving : undefined;
    const zaak = zkn('gerelateerde', [
      zkn('identificatie', zd.zaakIdentificatie),
      omschrijving ? waardeElement(NS.zkn, 'omschrijving', omschrijving) : g.expliciet('omschrijving') && nilElement(NS.zkn, 'omschrijving'),
    ], [entiteittype('ZAK')]);
    items.push(zkn('isRelevantVoor', [zaak, ...koppelVelden(zd.velden, s, false)], [entiteittype('EDCZAK')]));
  }
  if (items.length) return items;
  return scope.expliciet('isRelevantVoor') ? [nilElement(NS.zkn, 'isRelevantVoor', 'geenWaarde', [entiteittype('EDCZAK')])] : [];
}

/** The EDC object of geefZaakdocumentLezen (La01) or geefZaakdocumentBewerken (Du02); `zichtbaar`: see isRelevantVoor. */
export async function documentObject(store: Store, doc: Document, scope: Scope, variant: EdcVariant, zichtbaar?: ReadonlySet<string>): Promise<XElement> {
  return zkn('object', [
    zkn('identificatie', doc.identificatie),
    ...(await documentVelden(store, doc, scope, variant)),
    (variant !== 'lezen11' || scope.vraagt('inhoud')) && (await inhoudAntwoord(store, doc)),
    ...(await isRelevantVoor(store, doc, scope, zichtbaar)),
  ], [entiteittype('EDC'), at(NS.stuf, 'sleutelVerzendend', String(doc.id))]);
}

// ---- ZAKEDC: the documents of a zaak ------------------------------------------------------------------------

/** One heeftRelevant: the document as gerelateerde (no content) and the relation's own fields. */
async function heeftRelevant(store: Store, zd: Zaakdocument, scope: Scope, registratiedatumVerplicht: boolean): Promise<XElement> {
  const g = scope.sub('gerelateerde');
  return zkn('heeftRelevant', [
    zkn('gerelateerde', [zkn('identificatie', zd.document.identificatie), ...(await documentVelden(store, zd.document, g))], [entiteittype('EDC')]),
    ...koppelVelden(zd.velden, scope, registratiedatumVerplicht),
  ], [entiteittype('ZAKEDC')]);
}

/** heeftRelevant of geefZaakdetails: every document filed in the zaak, sorted on identificatie. */
export async function heeftRelevantAntwoord(b: ZaakBeeld, scope: Scope): Promise<XElement[]> {
  const uit: XElement[] = [];
  for (const zd of await b.documenten) uit.push(await heeftRelevant(b.store, zd, scope, false));
  return uit;
}

/**
 * GeefLijstZaakDocumenten-ZAK-antwoord: identificatie, omschrijving and isVan when asked, then heeftRelevant
 * (1..n, registratiedatum required); a zaak without documents has one empty nil heeftRelevant (zds.md A11).
 */
export async function zaakdocumentenObject(b: ZaakBeeld, scope: Scope, isVan: XElement | undefined): Promise<XElement> {
  const omschrijving = b.zaak.data.attributen.omschrijving;
  const documenten: XElement[] = [];
  for (const zd of await b.documenten) documenten.push(await heeftRelevant(b.store, zd, scope.sub('heeftRelevant'), true));
  return zkn('object', [
    zkn('identificatie', b.zaak.identificatie),
    scope.vraagt('omschrijving') && (omschrijving ? waardeElement(NS.zkn, 'omschrijving', omschrijving) : scope.expliciet('omschrijving') && nilElement(NS.zkn, 'omschrijving')),
    isVan,
    ...(documenten.length ? documenten : [nilElement(NS.zkn, 'heeftRelevant', 'geenWaarde', [entiteittype('ZAKEDC')])]),
  ], [entiteittype('ZAK'), at(NS.stuf, 'sleutelVerzendend', String(b.zaak.id))]);
}
