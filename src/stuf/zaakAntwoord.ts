// The ZAK object of an answer (geefZaakdetails, geefZaakstatus, zakLa01): exactly what the scope asks, in the
// schema's element order. Asked but empty is answered xsi:nil with StUF:noValue; "alles" answers what exists.
// What the caller may not see is decided by the Zicht and applied by a Weergave (zaakZicht.ts) over each list.
import { NS } from './namespaces';
import { Scope } from './vraag';
import { XElement, at } from './xml';
import { entiteittype, extraElementenAntwoord, herhalend, herhalendeGroep, nilElement, waardeElement, zkn } from './antwoordElementen';
import { betrokkeneAntwoord, betrokkeneScope } from './betrokkeneAntwoord';
import { heeftRelevantAntwoord } from './documentAntwoord';
import { GERELATEERDE_VORM, leidtTotAntwoord } from './besluitAntwoord';
import { formatTijdstip } from './tijd';
import { Betrokkene, ExtraElement, Kenmerk, ROLSOORTEN, Rol, Rolsoort, Status, ZAAK_ATTRIBUTEN, ZAAK_GROEPEN, ZaakAttribuut, ZaakGroep, Zaakobject, Zaakrelatie } from '../domain/zaak';
import type { InkomendeRelatie } from '../store/zaakrelaties';
import { ZaakBeeld } from '../domain/zaakBeeld';
import { VOLLEDIG, Zicht } from '../toegang/zicht';
import { Deel, Weergave } from './zaakZicht';
import { ANDER_ZAAKOBJECT, ANDERE_ZAAK_VORM, GEZET_DOOR, OBJ_VORM, ROL_VORM, ZAKZAK_VORM } from './relatieVelden';
import { leesObject } from './objectVorm';
import { Afwijkingen } from './entiteit';
import { EXTRA_ELEMENTEN, Vorm } from './schemaVorm';
import { aangevuld, opgeslagenElement, opgeslagenKinderen } from './opgeslagenAntwoord';

const attribuutVolgorde = (voor: ZaakAttribuut) => ZAAK_ATTRIBUTEN.findIndex((a) => a.naam === voor);

/** A zaak attribute as the scope asks it: its value, nil when named explicitly but empty. */
export function attribuut(b: ZaakBeeld, scope: Scope, naam: ZaakAttribuut): XElement | undefined {
  if (!scope.vraagt(naam)) return undefined;
  const w = b.zaak.data.attributen[naam];
  if (w) return waardeElement(NS.zkn, naam, w);
  return scope.expliciet(naam) ? nilElement(NS.zkn, naam) : undefined;
}

/** A group travels whole: all its fields, empty ones nil (opschorting and verlenging require both). */
export function groep(b: ZaakBeeld, scope: Scope, naam: ZaakGroep): XElement | undefined {
  if (!scope.vraagt(naam)) return undefined;
  const waarden = b.zaak.data.groepen[naam];
  if (!waarden) return scope.expliciet(naam) ? zkn(naam, ZAAK_GROEPEN[naam].map((v) => nilElement(NS.zkn, v.naam))) : undefined;
  return zkn(naam, ZAAK_GROEPEN[naam].map((v) => (waarden[v.naam] ? waardeElement(NS.zkn, v.naam, waarden[v.naam]) : nilElement(NS.zkn, v.naam))));
}

/** The zaak's own extraElementen, then those the answer adds (a handover's, for geefZaakdetails). */
async function extraElementen(b: ZaakBeeld, scope: Scope, toegevoegd: () => ExtraElement[] | Promise<ExtraElement[]>): Promise<XElement | undefined> {
  return scope.vraagt('extraElementen') ? extraElementenAntwoord([...b.zaak.data.extraElementen, ...(await toegevoegd())]) : undefined;
}

export function isVanAntwoord(b: ZaakBeeld, scope: Scope): XElement | undefined {
  if (!scope.vraagt('isVan')) return undefined;
  // A mirrored partner zaak whose zaaktype nobody has told us yet.
  if (!b.zaaktypeCode) return nilElement(NS.zkn, 'isVan', 'waardeOnbekend', [entiteittype('ZAKZKT')]);
  const g = scope.sub('isVan').sub('gerelateerde');
  const omschrijving = b.zaaktypeOmschrijving;
  const velden = [
    g.vraagt('omschrijving') && (omschrijving ? zkn('omschrijving', omschrijving) : g.expliciet('omschrijving') ? nilElement(NS.zkn, 'omschrijving', 'waardeOnbekend') : undefined),
    g.vraagt('code', true) && zkn('code', b.zaaktypeCode),
  ];
  return zkn('isVan', [zkn('gerelateerde', velden, [entiteittype('ZKT')])], [entiteittype('ZAKZKT')]);
}

// Relation fields besides gerelateerde, in schema order (the stored order may have changed through updates): the
// allow-list of the relation gives the order, and a record of an older version is cleaned and completed by it.
const NILLABLE_RELATIEVELDEN = new Set(['code', 'omschrijving', 'toelichting']);

function relatieVelden(opgeslagen: XElement[], vorm: Vorm, scope: Scope, pad: string): XElement[] {
  const schoon = opgeslagenKinderen(opgeslagen, vorm, pad);
  const uit: XElement[] = [];
  for (const naam of vorm.keys()) {
    if (!scope.vraagt(naam)) continue;
    const gevonden = schoon.filter((v) => v.local === naam);
    if (gevonden.length) uit.push(...gevonden);
    else if (scope.expliciet(naam) && NILLABLE_RELATIEVELDEN.has(naam)) uit.push(nilElement(NS.zkn, naam));
  }
  return uit;
}

function rolAntwoord(rol: Rol, scope: Scope): XElement {
  const g = scope.sub('gerelateerde');
  return zkn(rol.rolsoort, [
    zkn('gerelateerde', [betrokkeneAntwoord(rol.betrokkene, betrokkeneScope(g, rol.betrokkene), 'rol')]),
    ...relatieVelden(rol.velden, ROL_VORM, scope, rol.rolsoort),
  ], [entiteittype(ROLSOORTEN[rol.rolsoort])]);
}

/** A zaakobject that is no betrokkene, as its object type allows it now (kept as stored when it cannot be read). */
function opgeslagenObject(o: XElement): XElement {
  try {
    const schoon = leesObject(aangevuld(o), 'heeftBetrekkingOp/gerelateerde', new Afwijkingen(false));
    return schoon ? aangevuld(schoon) : aangevuld(o);
  } catch {
    return aangevuld(o);
  }
}

function zaakobjectAntwoord(o: Zaakobject, scope: Scope): XElement {
  const g = scope.sub('gerelateerde');
  const object = o.betrokkene ? betrokkeneAntwoord(o.betrokkene, betrokkeneScope(g, o.betrokkene), 'object') : opgeslagenObject(o.object!);
  return zkn('heeftBetrekkingOp', [zkn('gerelateerde', [object]), ...relatieVelden(o.velden, OBJ_VORM, scope, 'heeftBetrekkingOp')], [entiteittype('ZAKOBJ')]);
}

/** ZAK-gerelateerdeAntwoord: the other zaak as we hold it (as the caller may see it), or what the relation told us of it. */
async function gerelateerdeZaak(b: ZaakBeeld, identificatie: string, opgeslagen: XElement[], scope: Scope, v: Weergave): Promise<XElement> {
  const ander = await b.andereZaak(identificatie);
  const id = zkn('identificatie', identificatie);
  if (!ander) {
    const schoon = opgeslagenKinderen(opgeslagen, ANDERE_ZAAK_VORM, 'gerelateerde');
    const bekend = ['omschrijving', 'isVan'].filter((naam) => scope.vraagt(naam)).flatMap((naam) => schoon.filter((e) => e.local === naam));
    return zkn('gerelateerde', [id, ...bekend], [entiteittype('ZAK')]);
  }
  const zicht = await v.andere(ander);
  const attr = (naam: ZaakAttribuut): Deel => [naam, () => attribuut(ander, scope, naam)];
  const grp = (naam: ZaakGroep): Deel => [naam, () => groep(ander, scope, naam)];
  const delen: Deel[] = [
    attr('omschrijving'), attr('toelichting'), grp('resultaat'),
    // ZAK-gerelateerdeAntwoord has no registratiedatum: not every zaak attribute may appear here.
    attr('startdatum'), attr('publicatiedatum'), attr('einddatumGepland'), attr('uiterlijkeEinddatum'), attr('einddatum'),
    grp('opschorting'), grp('verlenging'),
    ['isVan', () => isVanAntwoord(ander, scope)],
    // Statuses of the other zaak only when named: "alles" does not reach this far.
    ['heeft', () => (scope.expliciet('heeft') ? statussenAntwoord(ander, scope.sub('heeft'), 'details', false, zicht) : []), scope.expliciet('heeft')],
  ];
  return zkn('gerelateerde', [id, ...(await new Weergave(zicht, scope, 'gerelateerde').delen(delen))], [entiteittype('ZAK')]);
}

async function zaakrelatieAntwoord(b: ZaakBeeld, r: Zaakrelatie, scope: Scope, v: Weergave): Promise<XElement> {
  const soortEt = r.soort === 'heeftAlsDeelzaak' ? 'ZAKZAKDEL' : 'ZAKZAKBTR';
  return zkn(r.soort, [await gerelateerdeZaak(b, r.andereIdentificatie, r.gerelateerde, scope.sub('gerelateerde'), v), ...relatieVelden(r.velden, ZAKZAK_VORM, scope, r.soort)], [entiteittype(soortEt)]);
}

/** The occurrences of a relation, built one after the other; `items` is read only when the scope asks for them. */
const relaties = <T>(scope: Scope, naam: string, et: string, items: () => T[] | Promise<T[]>, maak: (item: T, s: Scope) => XElement | Promise<XElement>): Promise<XElement[]> =>
  herhalend(scope, naam, async () => {
    const uit: XElement[] = [];
    for (const i of await items()) uit.push(await maak(i, scope.sub(naam)));
    return uit;
  }, [entiteittype(et)]);

// GeefZaakDetails-ZaakobjectGrp (ZDS 1.2) requires all four fields: those not stored are nil. lokatie (GML) is not
// stored (the gateway cannot check it), so it is nietOndersteund unless an older record holds one.
const ANDER_ZAAKOBJECT_VELDEN = ['omschrijving', 'aanduiding', 'lokatie', 'registratie'];
const anderZaakObjectAntwoord = (a: XElement): XElement => {
  const opgeslagen = opgeslagenKinderen(a.children, ANDER_ZAAKOBJECT.kinderen!, 'anderZaakObject');
  return zkn('anderZaakObject', ANDER_ZAAKOBJECT_VELDEN.map((naam) =>
    opgeslagen.find((c) => c.local === naam) ?? nilElement(NS.zkn, naam, naam === 'lokatie' ? 'nietOndersteund' : 'geenWaarde')));
};

/** KenmerkGrp requires both fields: one an older record lacks is nil (geenWaarde), never empty text. */
const kenmerkAntwoord = (k: Kenmerk): XElement =>
  zkn('kenmerk', [k.kenmerk ? zkn('kenmerk', k.kenmerk) : nilElement(NS.zkn, 'kenmerk'), k.bron ? zkn('bron', k.bron) : nilElement(NS.zkn, 'bron')]);

// ---- statuses ---------------------------------------------------------------------------------------------

/** The status relation's own StUF:extraElementen as stored (a record of an older version may have none), cleaned by its allow-list. */
const statusExtraElementen = (s: Status): XElement | undefined =>
  (s.extra ?? []).map((e) => opgeslagenElement(e, 'extraElementen', EXTRA_ELEMENTEN, 'heeft/extraElementen')).find((e) => e !== undefined);

/**
 * 'status' is geefZaakstatus, whose answer requires several elements; 'statusZds12' is its ZDS 1.2 form, where
 * indicatieLaatsteStatus may only be J (the service answers the current status): older ones get it nil.
 */
export type StatusVariant = 'details' | 'status' | 'statusZds12';

async function statusAntwoord(b: ZaakBeeld, s: Status, laatste: boolean, scope: Scope, variant: StatusVariant, v: Weergave): Promise<XElement> {
  const g = scope.sub('gerelateerde');
  const moet = variant !== 'details'; // geefZaakstatus requires these elements, nil when unknown
  const zktOmschrijving = b.zaaktypeOmschrijving;
  const stt = [
    g.vraagt('zkt.code') && !!b.zaaktypeCode && zkn('zkt.code', b.zaaktypeCode),
    (moet || g.vraagt('zkt.omschrijving')) && (zktOmschrijving ? zkn('zkt.omschrijving', zktOmschrijving) : nilElement(NS.zkn, 'zkt.omschrijving', 'waardeOnbekend')),
    (moet || g.vraagt('volgnummer', true)) && zkn('volgnummer', String(s.volgnummer)),
    g.vraagt('code') && !!s.code && zkn('code', s.code),
    (moet || g.vraagt('omschrijving')) && (s.omschrijving ? zkn('omschrijving', s.omschrijving) : nilElement(NS.zkn, 'omschrijving', 'waardeOnbekend')),
  ];
  const toelichting = moet || scope.vraagt('toelichting');
  return zkn('heeft', [
    zkn('gerelateerde', stt, [entiteittype('STT')]),
    ...(await v.delen([
      ['toelichting', () => toelichting && (s.toelichting ? zkn('toelichting', s.toelichting) : moet || scope.expliciet('toelichting') ? nilElement(NS.zkn, 'toelichting') : undefined), toelichting],
      ['datumStatusGezet', () => (moet || scope.vraagt('datumStatusGezet')) && zkn('datumStatusGezet', formatTijdstip(s.datumStatusGezet))],
      ['indicatieLaatsteStatus', () => (moet || scope.vraagt('indicatieLaatsteStatus')) &&
        (laatste ? zkn('indicatieLaatsteStatus', 'J') : variant === 'statusZds12' ? nilElement(NS.zkn, 'indicatieLaatsteStatus') : zkn('indicatieLaatsteStatus', 'N'))],
      ['extraElementen', () => scope.vraagt('extraElementen') && statusExtraElementen(s)],
      ['isGezetDoor', () => scope.vraagt('isGezetDoor') && !!s.gezetDoor && opgeslagenElement(s.gezetDoor, 'isGezetDoor', GEZET_DOOR, 'heeft/isGezetDoor')],
    ])),
  ], [entiteittype('ZAKSTT')]);
}

/** Statuses newest first, indicatieLaatsteStatus derived from the history; a restricted zicht sees the current one. */
export async function statussenAntwoord(b: ZaakBeeld, scope: Scope, variant: StatusVariant, alleenLaatste: boolean, zicht: Zicht = VOLLEDIG): Promise<XElement[]> {
  const v = new Weergave(zicht, scope, 'status');
  const alle = await b.statussen;
  const statussen = alleenLaatste || v.alleenHuidigeStatus ? alle.slice(0, 1) : alle;
  if (statussen.length === 0) {
    return variant !== 'details' || scope.expliciet('heeft') ? [nilElement(NS.zkn, 'heeft', 'geenWaarde', [entiteittype('ZAKSTT')])] : [];
  }
  const uit: XElement[] = [];
  for (const [i, s] of statussen.entries()) uit.push(await statusAntwoord(b, s, i === 0, scope, variant, v));
  return uit;
}

// ---- the objects ------------------------------------------------------------------------------------------

const objectAttributen = (b: ZaakBeeld) => [entiteittype('ZAK'), at(NS.stuf, 'sleutelVerzendend', b.sleutel)];

/**
 * GeefZaakDetails-ZAK-antwoord (also the plain StUF-ZKN ZAK-antwoord of a zakLa01). `extra`: extraElementen the
 * answer adds after the zaak's own, read only when the scope asks for them.
 */
export async function zaakDetailsObject(
  b: ZaakBeeld, scope: Scope, zicht: Zicht = VOLLEDIG, extra: () => ExtraElement[] | Promise<ExtraElement[]> = () => [],
): Promise<XElement> {
  const z = b.zaak.data;
  const v = new Weergave(zicht, scope);
  const attr = (naam: ZaakAttribuut): Deel => [naam, () => attribuut(b, scope, naam)];
  const grp = (naam: ZaakGroep): Deel => [naam, () => groep(b, scope, naam)];
  const attrs = (van: ZaakAttribuut, tot?: ZaakAttribuut) => ZAAK_ATTRIBUTEN.slice(attribuutVolgorde(van), tot && attribuutVolgorde(tot)).map((a) => attr(a.naam));
  // The relations are read from the store only when the Weergave shows them and the scope asks for them.
  const relatie = <T>(naam: string, et: string, items: () => Promise<T[]>, maak: (item: T, s: Scope) => XElement, betrokkene: (item: T) => Betrokkene | undefined): Deel =>
    [naam, async () => (scope.vraagt(naam) ? v.betrokkenen(naam, await items(), betrokkene, (zichtbaar) => relaties(scope, naam, et, () => zichtbaar, maak)) : [])];
  const rol = (naam: Rolsoort) =>
    relatie(naam, ROLSOORTEN[naam], async () => (await b.rollen).filter((r) => r.rolsoort === naam), rolAntwoord, (r) => r.betrokkene);
  const zaakrelatie = (naam: 'heeftAlsDeelzaak' | 'heeftBetrekkingOpAndere', et: string): Deel =>
    [naam, () => relaties(scope, naam, et, async () => (await b.relaties).filter((r) => r.soort === naam), (r, s) => zaakrelatieAntwoord(b, r, s, v))];
  const hoofdzaak = async (r: InkomendeRelatie, s: Scope) =>
    zkn('heeftAlsHoofdzaak', [await gerelateerdeZaak(b, r.zaakIdentificatie, [], s.sub('gerelateerde'), v)], [entiteittype('ZAKZAKHFD')]);
  const delen: Deel[] = [
    ...attrs('omschrijving', 'startdatum'),
    ['kenmerk', () => herhalendeGroep(scope, 'kenmerk', () => z.kenmerken.map(kenmerkAntwoord))],
    ['anderZaakObject', () => herhalendeGroep(scope, 'anderZaakObject', () => z.anderZaakObjecten.filter((a) => a.ns === NS.zkn).map(anderZaakObjectAntwoord))],
    grp('resultaat'),
    ...attrs('startdatum', 'betalingsIndicatie'),
    grp('opschorting'),
    grp('verlenging'),
    ...attrs('betalingsIndicatie'),
    ['extraElementen', () => extraElementen(b, scope, extra)],
    ['isVan', () => isVanAntwoord(b, scope)],
    relatie('heeftBetrekkingOp', 'ZAKOBJ', () => b.zaakobjecten, zaakobjectAntwoord, (o) => o.betrokkene),
    ...(Object.keys(ROLSOORTEN) as Rolsoort[]).map(rol),
    zaakrelatie('heeftAlsDeelzaak', 'ZAKZAKDEL'),
    ['heeftAlsHoofdzaak', () => relaties(scope, 'heeftAlsHoofdzaak', 'ZAKZAKHFD', async () => (await b.inkomend).filter((r) => r.soort === 'heeftAlsDeelzaak'), hoofdzaak)],
    zaakrelatie('heeftBetrekkingOpAndere', 'ZAKZAKBTR'),
    ['heeft', () => (scope.vraagt('heeft') ? statussenAntwoord(b, scope.sub('heeft'), 'details', false, zicht) : [])],
    ['heeftRelevant', () => herhalend(scope, 'heeftRelevant', () => heeftRelevantAntwoord(b, scope.sub('heeftRelevant')), [entiteittype('ZAKEDC')])],
    ['leidtTot', () => leidtTotAntwoord(() => b.besluiten, scope, GERELATEERDE_VORM)],
  ];
  return zkn('object', [zkn('identificatie', b.zaak.identificatie), ...(await v.delen(delen))], objectAttributen(b));
}

/** GeefZaakStatus-ZAK-antwoord: identificatie, optionally omschrijving and isVan, then the statuses. */
export async function zaakStatusObject(
  b: ZaakBeeld, scope: Scope, alleenLaatste: boolean, variant: 'status' | 'statusZds12', zicht: Zicht = VOLLEDIG,
): Promise<XElement> {
  const omschrijving = b.zaak.data.attributen.omschrijving;
  // Only named elements besides the statuses: "alles" means identificatie and statuses here.
  const delen: Deel[] = [
    ['omschrijving', () => scope.expliciet('omschrijving') && (omschrijving ? waardeElement(NS.zkn, 'omschrijving', omschrijving) : nilElement(NS.zkn, 'omschrijving')), scope.expliciet('omschrijving')],
    ['isVan', () => scope.expliciet('isVan') && isVanAntwoord(b, scope), scope.expliciet('isVan')],
  ];
  return zkn('object', [
    zkn('identificatie', b.zaak.identificatie),
    ...(await new Weergave(zicht, scope).delen(delen)),
    ...(await statussenAntwoord(b, scope.sub('heeft'), variant, alleenLaatste, zicht)),
  ], objectAttributen(b));
}
