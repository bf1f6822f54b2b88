// The BSL entity in answers: the object of geefBesluitdetails, and the gerelateerde of leidtTot (ZAKBSL) in
// geefLijstBesluiten and geefZaakdetails. Exactly what the scope asks, in schema order; elements an answer type
// requires are always given, nil when there is no value.
import { NS } from './namespaces';
import { Scope } from './vraag';
import { XElement, at, el } from './xml';
import { NoValue, entiteittype, extraElementenAntwoord, herhalend, nilElement, waardeElement, zkn } from './antwoordElementen';
import { Tijdstip, formatTijdstip } from './tijd';
import { BESLUITTYPE_ELEMENTEN, BESLUIT_ATTRIBUTEN, Besluit } from '../domain/besluit';

export interface BesluitVorm {
  /** Elements the answer type requires besides identificatie (nil with waardeOnbekend when not held). */
  verplicht: ReadonlySet<string>;
  /** GeefBesluitdetails-BSL-antwoord also has the besluittype elements (bst.omschrijvingGeneriek, ...). */
  metBesluittype: boolean;
}

export const DETAILS_VORM: BesluitVorm = { verplicht: new Set(['datumBeslissing', 'ingangsdatumWerking', 'tijdvakGeldigheid']), metBesluittype: true };
export const LIJST_VORM: BesluitVorm = { verplicht: new Set(['datumBeslissing', 'ingangsdatumWerking']), metBesluittype: false };
export const GERELATEERDE_VORM: BesluitVorm = { verplicht: new Set(), metBesluittype: false };

const tijdstipElement = (naam: string, t: Tijdstip | undefined, leeg: NoValue = 'geenWaarde') =>
  t ? el(NS.stuf, naam, formatTijdstip(t)) : nilElement(NS.stuf, naam, leeg);

/** The BSL attributes from identificatie through extraElementen. */
function besluitInhoud(b: Besluit, scope: Scope, vorm: BesluitVorm): (XElement | undefined)[] {
  const d = b.data;
  const moet = (naam: string) => vorm.verplicht.has(naam);
  const attribuut = (naam: (typeof BESLUIT_ATTRIBUTEN)[number]['naam']) => {
    if (!moet(naam) && !scope.vraagt(naam)) return undefined;
    const w = d.attributen[naam];
    if (w) return waardeElement(NS.zkn, naam, w);
    if (moet(naam)) return nilElement(NS.zkn, naam, 'waardeOnbekend');
    return scope.expliciet(naam) ? nilElement(NS.zkn, naam) : undefined;
  };
  const [omschrijving, ...rest] = BESLUIT_ATTRIBUTEN.map((a) => attribuut(a.naam));
  // No besluittype catalogue: its elements can only be answered as not supported, and only when named.
  const besluittype = vorm.metBesluittype ? BESLUITTYPE_ELEMENTEN.filter((n) => scope.expliciet(n)).map((n) => nilElement(NS.zkn, n, 'nietOndersteund')) : [];
  const geldigheid = moet('tijdvakGeldigheid') || scope.vraagt('tijdvakGeldigheid');
  const registratie = scope.vraagt('tijdstipRegistratie') && (d.tijdstipRegistratie !== undefined || scope.expliciet('tijdstipRegistratie'));
  return [
    zkn('identificatie', b.identificatie),
    omschrijving,
    ...besluittype,
    ...rest,
    geldigheid ? el(NS.stuf, 'tijdvakGeldigheid', [tijdstipElement('beginGeldigheid', d.geldigheid.begin, 'waardeOnbekend'), tijdstipElement('eindGeldigheid', d.geldigheid.eind)]) : undefined,
    registratie ? tijdstipElement('tijdstipRegistratie', d.tijdstipRegistratie) : undefined,
    scope.vraagt('extraElementen') ? extraElementenAntwoord(d.extraElementen) : undefined,
  ];
}

/** GeefBesluitdetails-BSL-antwoord: the attributes, then the relations the caller built (isUitkomstVan, isVastgelegdIn). */
export function besluitDetailsObject(b: Besluit, scope: Scope, relaties: XElement[]): XElement {
  return zkn('object', [...besluitInhoud(b, scope, DETAILS_VORM), ...relaties], [entiteittype('BSL'), at(NS.stuf, 'sleutelVerzendend', String(b.id))]);
}

/** leidtTot (ZAKBSL) per besluit, in the order given (the store sorts on identificatie); read only when asked. */
export function leidtTotAntwoord(besluiten: () => Promise<Besluit[]>, scope: Scope, vorm: BesluitVorm): Promise<XElement[]> {
  return herhalend(scope, 'leidtTot', async () => (await besluiten()).map((b) =>
    zkn('leidtTot', [zkn('gerelateerde', besluitInhoud(b, scope.sub('leidtTot').sub('gerelateerde'), vorm), [entiteittype('BSL')])], [entiteittype('ZAKBSL')])), [entiteittype('ZAKBSL')]);
}
