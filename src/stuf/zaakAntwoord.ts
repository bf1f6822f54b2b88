// The ZAK object of an answer (geefZaakdetails, geefZaakstatus, zakLa01): exactly what the scope asks, in the
// schema's element order. Asked but empty is answered xsi:nil with StUF:noValue; "alles" answers what exists.
import { NS } from './namespaces';
import { Scope } from './vraag';
import { XAttr, XElement, at, el } from './xml';
import { entiteittype, nilElement, waardeElement, zkn } from './antwoordElementen';
import { betrokkeneAntwoord, betrokkeneScope } from './betrokkeneAntwoord';
import { heeftRelevantAntwoord } from './documentAntwoord';
import { GERELATEERDE_VORM, leidtTotAntwoord } from './besluitAntwoord';
import { formatTijdstip } from './tijd';
import { ROLSOORTEN, Rol, Status, ZAAK_ATTRIBUTEN, ZAAK_GROEPEN, ZaakAttribuut, ZaakGroep, Zaakobject, Zaakrelatie } from '../domain/zaak';
import { ZaakBeeld } from '../domain/zaakBeeld';
import { VOLLEDIG, Zicht } from '../toegang/zicht';

const attribuutVolgorde = (voor: ZaakAttribuut) => ZAAK_ATTRIBUTEN.findIndex((a) => a.naam === voor);

function attribuut(b: ZaakBeeld, scope: Scope, naam: ZaakAttribuut): XElement | undefined {
  if (!scope.vraagt(naam)) return undefined;
  const w = b.zaak.data.attributen[naam];
  if (w) return waardeElement(NS.zkn, naam, w);
  return scope.expliciet(naam) ? nilElement(NS.zkn, naam) : undefined;
}

function attributen(b: ZaakBeeld, scope: Scope, van: number, tot: number): (XElement | undefined)[] {
  return ZAAK_ATTRIBUTEN.slice(van, tot).map((a) => attribuut(b, scope, a.naam));
}

/** A group travels whole: all its fields, empty ones nil (opschorting and verlenging require both). */
function groep(b: ZaakBeeld, scope: Scope, naam: ZaakGroep): XElement | undefined {
  if (!scope.vraagt(naam)) return undefined;
  const waarden = b.zaak.data.groepen[naam];
  if (!waarden) return scope.expliciet(naam) ? zkn(naam, ZAAK_GROEPEN[naam].map((v) => nilElement(NS.zkn, v.naam))) : undefined;
  return zkn(naam, ZAAK_GROEPEN[naam].map((v) => (waarden[v.naam] ? waardeElement(NS.zkn, v.naam, waarden[v.naam]) : nilElement(NS.zkn, v.naam))));
}

/** A repeating element: its occurrences when requested (built only then), one nil when explicitly asked but none. */
function herhalend(scope: Scope, naam: string, maak: () => XElement[], attrs: XAttr[] = []): XElement[] {
  if (!scope.vraagt(naam)) return [];
  const items = maak();
  if (items.length) return items;
  return scope.expliciet(naam) ? [nilElement(NS.zkn, naam, 'geenWaarde', attrs)] : [];
}

function extraElementen(b: ZaakBeeld, scope: Scope): XElement | undefined {
  const extra = b.zaak.data.extraElementen;
  if (!scope.vraagt('extraElementen') || extra.length === 0) return undefined;
  return el(NS.stuf, 'extraElementen', extra.map((x) => el(NS.stuf, 'extraElement', x.waarde ?? '', [at('', 'naam', x.naam)])));
}

export function isVanAntwoord(b: ZaakBeeld, scope: Scope): XElement | undefined {
  if (!scope.vraagt('isVan')) return undefined;
  const g = scope.sub('isVan').sub('gerelateerde');
  const omschrijving = b.zaaktypeOmschrijving;
  const velden = [
    g.vraagt('omschrijving') && (omschrijving ? zkn('omschrijving', omschrijving) : g.expliciet('omschrijving') ? nilElement(NS.zkn, 'omschrijving', 'waardeOnbekend') : undefined),
    g.vraagt('code', true) && zkn('code', b.zaaktypeCode),
  ];
  return zkn('isVan', [zkn('gerelateerde', velden, [entiteittype('ZKT')])], [entiteittype('ZAKZKT')]);
}

// Relation fields besides gerelateerde, in schema order (the stored order may have changed through updates).
const ROL_VELDEN = ['code', 'omschrijving', 'toelichting', 'afwijkendCorrespondentieAdres', 'afwijkendBuitenlandsCorrespondentieAdres', 'tijdvakRelatie', 'tijdvakGeldigheid', 'tijdstipRegistratie', 'extraElementen', 'heeftAlsAanspreekpunt'];
const OBJ_VELDEN = ['omschrijving', 'tijdvakRelatie', 'tijdstipRegistratie', 'extraElementen'];
const ZAKZAK_VELDEN = ['tijdvakRelatie', 'tijdstipRegistratie', 'extraElementen'];
const NILLABLE_RELATIEVELDEN = new Set(['code', 'omschrijving', 'toelichting']);

function relatieVelden(opgeslagen: XElement[], volgorde: string[], scope: Scope): XElement[] {
  const uit: XElement[] = [];
  for (const naam of volgorde) {
    if (!scope.vraagt(naam)) continue;
    const gevonden = opgeslagen.filter((v) => v.local === naam);
    if (gevonden.length) uit.push(...gevonden);
    else if (scope.expliciet(naam) && NILLABLE_RELATIEVELDEN.has(naam)) uit.push(nilElement(NS.zkn, naam));
  }
  return uit;
}

function rolAntwoord(rol: Rol, scope: Scope): XElement {
  const g = scope.sub('gerelateerde');
  return zkn(rol.rolsoort, [
    zkn('gerelateerde', [betrokkeneAntwoord(rol.betrokkene, betrokkeneScope(g, rol.betrokkene), 'rol')]),
    ...relatieVelden(rol.velden, ROL_VELDEN, scope),
  ], [entiteittype(ROLSOORTEN[rol.rolsoort])]);
}

function zaakobjectAntwoord(o: Zaakobject, scope: Scope): XElement {
  const g = scope.sub('gerelateerde');
  const object = o.betrokkene ? betrokkeneAntwoord(o.betrokkene, betrokkeneScope(g, o.betrokkene), 'object') : o.object!;
  return zkn('heeftBetrekkingOp', [zkn('gerelateerde', [object]), ...relatieVelden(o.velden, OBJ_VELDEN, scope)], [entiteittype('ZAKOBJ')]);
}

/** ZAK-gerelateerdeAntwoord: the other zaak as we hold it, or what the relation told us of it. */
function gerelateerdeZaak(b: ZaakBeeld, identificatie: string, opgeslagen: XElement[], scope: Scope): XElement {
  const ander = b.andereZaak(identificatie);
  const inhoud: (XElement | undefined)[] = [zkn('identificatie', identificatie)];
  if (ander) {
    inhoud.push(attribuut(ander, scope, 'omschrijving'), attribuut(ander, scope, 'toelichting'), groep(ander, scope, 'resultaat'));
    // ZAK-gerelateerdeAntwoord has no registratiedatum: not every zaak attribute may appear here.
    for (const naam of ['startdatum', 'publicatiedatum', 'einddatumGepland', 'uiterlijkeEinddatum', 'einddatum'] as const) {
      inhoud.push(attribuut(ander, scope, naam));
    }
    inhoud.push(groep(ander, scope, 'opschorting'), groep(ander, scope, 'verlenging'), isVanAntwoord(ander, scope));
    if (scope.expliciet('heeft')) inhoud.push(...statussenAntwoord(ander, scope.sub('heeft'), 'details', false));
  } else {
    for (const naam of ['omschrijving', 'isVan']) if (scope.vraagt(naam)) inhoud.push(...opgeslagen.filter((v) => v.local === naam));
  }
  return zkn('gerelateerde', inhoud, [entiteittype('ZAK')]);
}

function zaakrelatieAntwoord(b: ZaakBeeld, r: Zaakrelatie, scope: Scope): XElement {
  const soortEt = r.soort === 'heeftAlsDeelzaak' ? 'ZAKZAKDEL' : 'ZAKZAKBTR';
  return zkn(r.soort, [gerelateerdeZaak(b, r.andereIdentificatie, r.gerelateerde, scope.sub('gerelateerde')), ...relatieVelden(r.velden, ZAKZAK_VELDEN, scope)], [entiteittype(soortEt)]);
}

const relaties = <T>(scope: Scope, naam: string, et: string, items: T[], maak: (item: T, s: Scope) => XElement): XElement[] =>
  herhalend(scope, naam, () => items.map((i) => maak(i, scope.sub(naam))), [entiteittype(et)]);

// ---- statuses ---------------------------------------------------------------------------------------------

/**
 * 'status' is geefZaakstatus, whose answer requires several elements; 'statusZds12' is its ZDS 1.2 form, where
 * indicatieLaatsteStatus may only be J (the service answers the current status): older ones get it nil.
 */
export type StatusVariant = 'details' | 'status' | 'statusZds12';

function statusAntwoord(b: ZaakBeeld, s: Status, laatste: boolean, scope: Scope, variant: StatusVariant): XElement {
  const g = scope.sub('gerelateerde');
  const moet = variant !== 'details'; // geefZaakstatus requires these elements, nil when unknown
  const zktOmschrijving = b.zaaktypeOmschrijving;
  const stt = [
    g.vraagt('zkt.code') && zkn('zkt.code', b.zaaktypeCode),
    (moet || g.vraagt('zkt.omschrijving')) && (zktOmschrijving ? zkn('zkt.omschrijving', zktOmschrijving) : nilElement(NS.zkn, 'zkt.omschrijving', 'waardeOnbekend')),
    (moet || g.vraagt('volgnummer', true)) && zkn('volgnummer', String(s.volgnummer)),
    g.vraagt('code') && !!s.code && zkn('code', s.code),
    (moet || g.vraagt('omschrijving')) && (s.omschrijving ? zkn('omschrijving', s.omschrijving) : nilElement(NS.zkn, 'omschrijving', 'waardeOnbekend')),
  ];
  const toelichting = moet || scope.vraagt('toelichting');
  return zkn('heeft', [
    zkn('gerelateerde', stt, [entiteittype('STT')]),
    toelichting && (s.toelichting ? zkn('toelichting', s.toelichting) : moet || scope.expliciet('toelichting') ? nilElement(NS.zkn, 'toelichting') : undefined),
    (moet || scope.vraagt('datumStatusGezet')) && zkn('datumStatusGezet', formatTijdstip(s.datumStatusGezet)),
    (moet || scope.vraagt('indicatieLaatsteStatus')) &&
      (laatste ? zkn('indicatieLaatsteStatus', 'J') : variant === 'statusZds12' ? nilElement(NS.zkn, 'indicatieLaatsteStatus') : zkn('indicatieLaatsteStatus', 'N')),
    scope.vraagt('isGezetDoor') && s.gezetDoor,
  ], [entiteittype('ZAKSTT')]);
}

/** Statuses newest first, indicatieLaatsteStatus derived from the history. */
export function statussenAntwoord(b: ZaakBeeld, scope: Scope, variant: StatusVariant, alleenLaatste: boolean): XElement[] {
  const statussen = alleenLaatste ? b.statussen.slice(0, 1) : b.statussen;
  if (statussen.length === 0) {
    return variant !== 'details' || scope.expliciet('heeft') ? [nilElement(NS.zkn, 'heeft', 'geenWaarde', [entiteittype('ZAKSTT')])] : [];
  }
  return statussen.map((s, i) => statusAntwoord(b, s, i === 0, scope, variant));
}

// ---- the objects ------------------------------------------------------------------------------------------

const objectAttributen = (b: ZaakBeeld) => [entiteittype('ZAK'), at(NS.stuf, 'sleutelVerzendend', String(b.zaak.id))];

/** GeefZaakDetails-ZAK-antwoord (also the plain StUF-ZKN ZAK-antwoord of a zakLa01). */
export function zaakDetailsObject(b: ZaakBeeld, scope: Scope, zicht: Zicht = VOLLEDIG): XElement {
  const z = b.zaak.data;
  const rollen = (naam: keyof typeof ROLSOORTEN) => relaties(scope, naam, ROLSOORTEN[naam], b.rollen.filter((r) => r.rolsoort === naam), rolAntwoord);
  const zaakrelaties = (naam: 'heeftAlsDeelzaak' | 'heeftBetrekkingOpAndere', et: string) =>
    relaties(scope, naam, et, b.relaties.filter((r) => r.soort === naam), (r, s) => zaakrelatieAntwoord(b, r, s));
  const hoofdzaken = b.inkomend.filter((r) => r.soort === 'heeftAlsDeelzaak');
  const tot = (naam: ZaakAttribuut) => attribuutVolgorde(naam);
  return zkn('object', [
    zkn('identificatie', b.zaak.identificatie),
    ...attributen(b, scope, 0, tot('startdatum')),
    ...herhalend(scope, 'kenmerk', () => z.kenmerken.map((k) => zkn('kenmerk', [zkn('kenmerk', k.kenmerk), zkn('bron', k.bron)]))),
    ...herhalend(scope, 'anderZaakObject', () => z.anderZaakObjecten),
    groep(b, scope, 'resultaat'),
    ...attributen(b, scope, tot('startdatum'), tot('betalingsIndicatie')),
    groep(b, scope, 'opschorting'),
    groep(b, scope, 'verlenging'),
    ...attributen(b, scope, tot('betalingsIndicatie'), ZAAK_ATTRIBUTEN.length),
    extraElementen(b, scope),
    isVanAntwoord(b, scope),
    ...relaties(scope, 'heeftBetrekkingOp', 'ZAKOBJ', b.zaakobjecten, zaakobjectAntwoord),
    ...rollen('heeftAlsBelanghebbende'),
    ...rollen('heeftAlsGemachtigde'),
    ...rollen('heeftAlsInitiator'),
    ...rollen('heeftAlsUitvoerende'),
    ...rollen('heeftAlsVerantwoordelijke'),
    ...rollen('heeftAlsOverigBetrokkene'),
    ...zaakrelaties('heeftAlsDeelzaak', 'ZAKZAKDEL'),
    ...relaties(scope, 'heeftAlsHoofdzaak', 'ZAKZAKHFD', hoofdzaken, (r, s) =>
      zkn('heeftAlsHoofdzaak', [gerelateerdeZaak(b, r.zaakIdentificatie, [], s.sub('gerelateerde'))], [entiteittype('ZAKZAKHFD')])),
    ...zaakrelaties('heeftBetrekkingOpAndere', 'ZAKZAKBTR'),
    ...(scope.vraagt('heeft') ? statussenAntwoord(b, scope.sub('heeft'), 'details', false) : []),
    ...herhalend(scope, 'heeftRelevant', () => heeftRelevantAntwoord(b, scope.sub('heeftRelevant')), [entiteittype('ZAKEDC')]),
    ...leidtTotAntwoord(() => b.besluiten, scope, GERELATEERDE_VORM),
  ], objectAttributen(b));
}

/** GeefZaakStatus-ZAK-antwoord: identificatie, optionally omschrijving and isVan, then the statuses. */
export function zaakStatusObject(b: ZaakBeeld, scope: Scope, alleenLaatste: boolean, variant: 'status' | 'statusZds12', zicht: Zicht = VOLLEDIG): XElement {
  return zkn('object', [
    zkn('identificatie', b.zaak.identificatie),
    scope.expliciet('omschrijving') && (b.zaak.data.attributen.omschrijving ? waardeElement(NS.zkn, 'omschrijving', b.zaak.data.attributen.omschrijving) : nilElement(NS.zkn, 'omschrijving')),
    scope.expliciet('isVan') && isVanAntwoord(b, scope),
    ...statussenAntwoord(b, scope.sub('heeft'), variant, alleenLaatste),
  ], objectAttributen(b));
}
