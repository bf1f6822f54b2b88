// The relations of a besluit in geefBesluitdetails: isUitkomstVan (BSLZAK, required: the zaak it belongs to) and
// isVastgelegdIn (BSLEDC, sorted on the document's identificatie).
import { NS } from './namespaces';
import { Scope } from './vraag';
import { XElement } from './xml';
import { entiteittype, extraElementenAntwoord, herhalend, nilElement, zkn } from './antwoordElementen';
import { attribuut, groep, isVanAntwoord, statussenAntwoord } from './zaakAntwoord';
import type { DocumentKern } from '../store/besluiten';
import { Besluitdocument } from '../domain/besluit';
import { ZaakAttribuut } from '../domain/zaak';
import { ZaakBeeld } from '../domain/zaakBeeld';

// geefBesluitDetails-ZAK-gerelateerdeAntwoord, in schema order.
const VOOR_RESULTAAT: ZaakAttribuut[] = ['omschrijving', 'toelichting'];
const DATUMS: ZaakAttribuut[] = ['startdatum', 'publicatiedatum', 'einddatumGepland', 'uiterlijkeEinddatum', 'einddatum'];
// Roles, objects and other zaken of the zaak are not given through a besluit (geefZaakdetails gives them): named in
// the scope, they are answered as not supported.
const NIET_ONDERSTEUND: [string, string][] = [
  ['heeftBetrekkingOp', 'ZAKOBJ'], ['heeftAlsBelanghebbende', 'ZAKBTRBLH'], ['heeftAlsInitiator', 'ZAKBTRINI'],
  ['heeftAlsDeelzaak', 'ZAKZAKDEL'], ['heeftAlsHoofdzaak', 'ZAKZAKHFD'],
];

async function statussen(z: ZaakBeeld, scope: Scope): Promise<XElement[]> {
  if (!scope.expliciet('heeft')) return [];
  if ((await z.statussen).length === 0) return [nilElement(NS.zkn, 'heeft', 'geenWaarde', [entiteittype('ZAKSTT')])];
  return statussenAntwoord(z, scope.sub('heeft'), 'details', false);
}

/** isUitkomstVan: required in the answer, so given with the zaak's identificatie even when the scope omits it. */
export async function isUitkomstVanAntwoord(z: ZaakBeeld, scope: Scope): Promise<XElement> {
  const g = scope.vraagt('isUitkomstVan') ? scope.sub('isUitkomstVan').sub('gerelateerde') : Scope.KERN;
  const zaak = zkn('gerelateerde', [
    zkn('identificatie', z.zaak.identificatie),
    ...VOOR_RESULTAAT.map((n) => attribuut(z, g, n)),
    groep(z, g, 'resultaat'),
    ...DATUMS.map((n) => attribuut(z, g, n)),
    groep(z, g, 'opschorting'),
    groep(z, g, 'verlenging'),
    g.vraagt('extraElementen') ? extraElementenAntwoord(z.zaak.data.extraElementen) : undefined,
    isVanAntwoord(z, g),
    ...NIET_ONDERSTEUND.filter(([naam]) => g.expliciet(naam)).map(([naam, et]) => nilElement(NS.zkn, naam, 'nietOndersteund', [entiteittype(et)])),
    ...(await statussen(z, g)),
  ], [entiteittype('ZAK')]);
  return zkn('isUitkomstVan', [zaak], [entiteittype('BSLZAK')]);
}

// GeefBesluitdetails-EDC-gerelateerdeAntwoord, in schema order (tijdvak and extraElementen of the document aside).
const EDC_VELDEN = [
  'dct.omschrijving', 'dct.omschrijvingGeneriek', 'creatiedatum', 'ontvangstdatum', 'titel', 'beschrijving', 'formaat', 'taal',
  'versie', 'status', 'verzenddatum', 'vertrouwelijkAanduiding', 'auteur', 'link',
];
const GEKEND = new Set(['dct.omschrijving', 'titel']);

function documentAntwoord(d: Besluitdocument, kern: DocumentKern | undefined, scope: Scope): XElement {
  const g = scope.sub('gerelateerde');
  const veld = (naam: string): XElement | undefined => {
    if (!g.vraagt(naam)) return undefined;
    // The document services' current value first; else what the besluit message said of the document.
    const w = GEKEND.has(naam) ? (kern?.[naam as keyof DocumentKern] ?? d.gerelateerde.find((v) => v.local === naam)?.text) : undefined;
    if (w) return zkn(naam, w);
    if (!g.expliciet(naam)) return undefined;
    return nilElement(NS.zkn, naam, GEKEND.has(naam) ? 'waardeOnbekend' : 'nietOndersteund');
  };
  return zkn('isVastgelegdIn', [
    zkn('gerelateerde', [zkn('identificatie', d.documentIdentificatie), ...EDC_VELDEN.map(veld)], [entiteittype('EDC')]),
    ...(scope.vraagt('extraElementen') ? d.velden.filter((v) => v.local === 'extraElementen') : []),
  ], [entiteittype('BSLEDC')]);
}

/** isVastgelegdIn per current document (the store sorts them on identificatie); read only when asked. */
export function isVastgelegdInAntwoord(
  documenten: () => Promise<Besluitdocument[]>, kern: (identificatie: string) => Promise<DocumentKern | undefined>, scope: Scope,
): Promise<XElement[]> {
  const s = scope.sub('isVastgelegdIn');
  return herhalend(scope, 'isVastgelegdIn', async () => {
    const uit: XElement[] = [];
    for (const d of await documenten()) uit.push(documentAntwoord(d, await kern(d.documentIdentificatie), s));
    return uit;
  }, [entiteittype('BSLEDC')]);
}
