// Builders for the person query: plain StUF-ZKN zakLv01 (ZDS 1.1 root) with a selection in gelijk, paging
// parameters and an optional scope or vervolgvraag. Selection elements are written in ZAK-vraagSelectie order.
import { NS } from '../../src/stuf/namespaces';
import { XElement, attr, child, children } from '../../src/stuf/xml';
import { HttpAntwoord, goed, tekst } from './antwoorden';
import { NSDECL, Sturing, ZAK, stuurgegevens } from './dialecten';
import { ZDS11 } from './soap';

/** The plain StUF action; it names no service, so dispatch decides on the content. */
export const ZAKLV01_ACTIE = `${ZDS11}zakLv01`;

export interface Selectie {
  identificatie?: string;
  /** true: xsi:nil with noValue geenWaarde (only open zaken); a string: that date. */
  einddatum?: true | string;
  zaaktype?: string;
  /** heeftBetrekkingOp/gerelateerde/identificatie as sent (e.g. '11' + BSN). */
  client?: string;
  /** heeftAlsInitiator/gerelateerde/identificatie as sent. */
  initiator?: string;
  /** heeftBetrekkingOpAndere/gerelateerde/identificatie. */
  plan?: string;
  /** Raw elements appended inside gelijk (after the supported ones), for refusals and extraElementen. */
  extra?: string;
}

export interface Zoekopties {
  scope?: string;
  maximumAantal?: number;
  indicatorAantal?: boolean;
  sortering?: number;
  /** A vervolgvraag: indicatorVervolgvraag true and start/object/identificatie = this. */
  vervolgNa?: string;
  sturing?: Sturing;
  /** Raw elements between gelijk and scope (vanaf, totEnMet), for refusals. */
  bereik?: string;
}

const relatie = (naam: string, et: string, gerEt: string, veld: string, waarde: string) =>
  `<ZKN:${naam} StUF:entiteittype="${et}"><ZKN:gerelateerde StUF:entiteittype="${gerEt}"><ZKN:${veld}>${waarde}</ZKN:${veld}></ZKN:gerelateerde></ZKN:${naam}>`;

export function gelijk(s: Selectie): string {
  const einddatum = s.einddatum === true ? '<ZKN:einddatum xsi:nil="true" StUF:noValue="geenWaarde"/>' : s.einddatum ? `<ZKN:einddatum>${s.einddatum}</ZKN:einddatum>` : '';
  return '<ZKN:gelijk StUF:entiteittype="ZAK">' +
    (s.identificatie ? `<ZKN:identificatie>${s.identificatie}</ZKN:identificatie>` : '') +
    einddatum +
    (s.zaaktype ? relatie('isVan', 'ZAKZKT', 'ZKT', 'code', s.zaaktype) : '') +
    (s.client ? relatie('heeftBetrekkingOp', 'ZAKOBJ', 'OBJ', 'identificatie', s.client) : '') +
    (s.initiator ? relatie('heeftAlsInitiator', 'ZAKBTRINI', 'BTR', 'identificatie', s.initiator) : '') +
    (s.plan ? relatie('heeftBetrekkingOpAndere', 'ZAKZAKBTR', 'ZAK', 'identificatie', s.plan) : '') +
    (s.extra ?? '') +
    '</ZKN:gelijk>';
}

export function zoekZaken(s: Selectie, o: Zoekopties = {}): string {
  const parameters = '<ZKN:parameters>' +
    `<StUF:sortering>${o.sortering ?? 0}</StUF:sortering><StUF:indicatorVervolgvraag>${o.vervolgNa !== undefined}</StUF:indicatorVervolgvraag>` +
    (o.maximumAantal !== undefined ? `<StUF:maximumAantal>${o.maximumAantal}</StUF:maximumAantal>` : '') +
    (o.indicatorAantal ? '<StUF:indicatorAantal>true</StUF:indicatorAantal>' : '') +
    '</ZKN:parameters>';
  const start = o.vervolgNa !== undefined ? `<ZKN:start><ZKN:object StUF:entiteittype="ZAK"><ZKN:identificatie>${o.vervolgNa}</ZKN:identificatie></ZKN:object></ZKN:start>` : '';
  return `<ZKN:zakLv01 ${NSDECL}>${stuurgegevens('Lv01', o.sturing ?? {}, ZAK)}${parameters}${gelijk(s)}${o.bereik ?? ''}${o.scope ?? ''}${start}</ZKN:zakLv01>`;
}

/** A person as the person query's consumers name one: '11' (natuurlijk persoon) followed by the BSN. */
export const nps = (bsn: string) => `11${bsn}`;

const nil = (naam: string, ns = 'ZKN') => `<${ns}:${naam} xsi:nil="true"/>`;

/** What scopeMet asks of each relation: enough of its gerelateerde to recognise it. */
const RELATIESCOPE: Record<string, string> = {
  isVan: `<ZKN:isVan StUF:entiteittype="ZAKZKT"><ZKN:gerelateerde StUF:entiteittype="ZKT">${nil('omschrijving')}${nil('code')}</ZKN:gerelateerde></ZKN:isVan>`,
  heeftBetrekkingOp:
    '<ZKN:heeftBetrekkingOp StUF:entiteittype="ZAKOBJ"><ZKN:gerelateerde>' +
    `<ZKN:natuurlijkPersoon StUF:entiteittype="NPS">${nil('inp.bsn', 'BG')}${nil('geslachtsnaam', 'BG')}</ZKN:natuurlijkPersoon></ZKN:gerelateerde>${nil('omschrijving')}</ZKN:heeftBetrekkingOp>`,
  heeftAlsInitiator:
    '<ZKN:heeftAlsInitiator StUF:entiteittype="ZAKBTRINI"><ZKN:gerelateerde>' +
    `<ZKN:medewerker StUF:entiteittype="MDW">${nil('identificatie')}${nil('achternaam')}</ZKN:medewerker>` +
    `<ZKN:natuurlijkPersoon StUF:entiteittype="NPS">${nil('inp.bsn', 'BG')}${nil('geslachtsnaam', 'BG')}</ZKN:natuurlijkPersoon></ZKN:gerelateerde></ZKN:heeftAlsInitiator>`,
  heeftBetrekkingOpAndere: `<ZKN:heeftBetrekkingOpAndere StUF:entiteittype="ZAKZAKBTR"><ZKN:gerelateerde StUF:entiteittype="ZAK">${nil('identificatie')}</ZKN:gerelateerde></ZKN:heeftBetrekkingOpAndere>`,
  heeft:
    `<ZKN:heeft StUF:entiteittype="ZAKSTT"><ZKN:gerelateerde StUF:entiteittype="STT">${nil('volgnummer')}${nil('omschrijving')}</ZKN:gerelateerde>` +
    `${nil('datumStatusGezet')}${nil('indicatieLaatsteStatus')}</ZKN:heeft>`,
};

/** An element scope: the named elements of the zaak (pass them in schema order), attributes nil, relations as above. */
export function scopeMet(...elementen: string[]): string {
  return `<ZKN:scope><ZKN:object StUF:entiteittype="ZAK">${elementen.map((e) => RELATIESCOPE[e] ?? nil(e)).join('')}</ZKN:object></ZKN:scope>`;
}

/** A zakLa01 of the zaak question, read: its objects, their identificaties and the paging parameters. */
export interface Lijst {
  la01: XElement;
  objecten: XElement[];
  ids: string[];
  vervolg: string | undefined;
  aantal: string | undefined;
}

export function lijst(r: HttpAntwoord): Lijst {
  const la01 = goed(r);
  expect(`{${la01.ns}}${la01.local}`).toBe(`{${NS.zkn}}zakLa01`);
  const objecten = children(child(la01, 'antwoord'), 'object');
  return {
    la01,
    objecten,
    ids: objecten.map((o) => tekst(o, 'identificatie')!),
    vervolg: tekst(la01, 'parameters', 'indicatorVervolgvraag'),
    aantal: tekst(la01, 'parameters', 'aantalVoorkomens'),
  };
}

/** An element the caller may not see: empty, xsi:nil, StUF:noValue nietGeautoriseerd. */
export const nietGeautoriseerd = (e: XElement | undefined) => !!e && attr(e, NS.xsi, 'nil') === 'true' && attr(e, NS.stuf, 'noValue') === 'nietGeautoriseerd';
