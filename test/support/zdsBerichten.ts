// Builders for ZDS 1.2 test messages, so tests state only what matters to them. The pieces both dialects share
// (stuurgegevens, parameters, roles, empty relations) come from dialecten.ts.
import { NSDECL, Sturing, ZAK, legeRelatie, parameters, rol, stuurgegevens, vraagParameters } from './dialecten';

export { NSDECL, legeRelatie, rol };
export type { Sturing };

let volgnummer = 0;
export const uniekRef = (prefix = 'T') => `${prefix}-${process.pid}-${++volgnummer}`;

export const isVan = (code: string, omschrijving?: string) =>
  `<ZKN:isVan StUF:entiteittype="ZAKZKT" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="ZKT" StUF:verwerkingssoort="I">` +
  `${omschrijving ? `<ZKN:omschrijving>${omschrijving}</ZKN:omschrijving>` : ''}<ZKN:code>${code}</ZKN:code></ZKN:gerelateerde></ZKN:isVan>`;

export const medewerker = (id: string, achternaam = 'Jansen', vs = 'I') =>
  `<ZKN:medewerker StUF:entiteittype="MDW" StUF:verwerkingssoort="${vs}"><ZKN:identificatie>${id}</ZKN:identificatie><ZKN:achternaam>${achternaam}</ZKN:achternaam></ZKN:medewerker>`;

export const persoon = (bsn: string, naam = 'Vries', vs = 'I') =>
  `<ZKN:natuurlijkPersoon StUF:entiteittype="NPS" StUF:verwerkingssoort="${vs}"><BG:inp.bsn>${bsn}</BG:inp.bsn><BG:geslachtsnaam>${naam}</BG:geslachtsnaam></ZKN:natuurlijkPersoon>`;

export const zaakobject = (gerelateerde: string, vs = 'T', omschrijving = 'Client') =>
  `<ZKN:heeftBetrekkingOp StUF:entiteittype="ZAKOBJ" StUF:verwerkingssoort="${vs}"><ZKN:gerelateerde>${gerelateerde}</ZKN:gerelateerde><ZKN:omschrijving>${omschrijving}</ZKN:omschrijving></ZKN:heeftBetrekkingOp>`;

export const andereZaak = (naam: 'heeftBetrekkingOpAndere' | 'heeftAlsDeelzaak', id: string, vs = 'T', eind?: string) =>
  `<ZKN:${naam} StUF:entiteittype="${naam === 'heeftAlsDeelzaak' ? 'ZAKZAKDEL' : 'ZAKZAKBTR'}" StUF:verwerkingssoort="${vs}">` +
  `<ZKN:gerelateerde StUF:entiteittype="ZAK" StUF:verwerkingssoort="I"><ZKN:identificatie>${id}</ZKN:identificatie></ZKN:gerelateerde>` +
  `${eind ? `<StUF:tijdvakRelatie><StUF:beginRelatie xsi:nil="true" StUF:noValue="geenWaarde"/><StUF:eindRelatie>${eind}</StUF:eindRelatie></StUF:tijdvakRelatie>` : ''}</ZKN:${naam}>`;

export const status = (volgnummer: number | undefined, omschrijving: string | undefined, datum: string, opties: { zktCode?: string; toelichting?: string; vs?: string } = {}) =>
  `<ZKN:heeft StUF:entiteittype="ZAKSTT" StUF:verwerkingssoort="${opties.vs ?? 'T'}"><ZKN:gerelateerde StUF:entiteittype="STT" StUF:verwerkingssoort="I">` +
  `${opties.zktCode ? `<ZKN:zkt.code>${opties.zktCode}</ZKN:zkt.code>` : ''}${volgnummer !== undefined ? `<ZKN:volgnummer>${volgnummer}</ZKN:volgnummer>` : ''}` +
  `${omschrijving ? `<ZKN:omschrijving>${omschrijving}</ZKN:omschrijving>` : ''}</ZKN:gerelateerde>` +
  `${opties.toelichting ? `<ZKN:toelichting>${opties.toelichting}</ZKN:toelichting>` : ''}<ZKN:datumStatusGezet>${datum}</ZKN:datumStatusGezet>` +
  `<ZKN:isGezetDoor StUF:entiteittype="ZAKSTTBTR" StUF:verwerkingssoort="I"><ZKN:gerelateerde>${medewerker('mdw042')}</ZKN:gerelateerde></ZKN:isGezetDoor></ZKN:heeft>`;

export interface NieuweZaak {
  id: string;
  zaaktype?: string;
  zaaktypeOmschrijving?: string;
  attributen?: string;
  /** After isVan (relations). Defaults to a medewerker initiator. */
  relaties?: string;
  sturing?: Sturing;
}

export function creeerZaak(z: NieuweZaak): string {
  return `<ZDS:creeerZaak_ZakLk01 ${NSDECL}>${stuurgegevens('Lk01', { ref: uniekRef(), ...z.sturing }, ZAK)}${parameters('T')}` +
    `<ZKN:object StUF:entiteittype="ZAK" StUF:verwerkingssoort="T"><ZKN:identificatie>${z.id}</ZKN:identificatie>` +
    `${z.attributen ?? '<ZKN:omschrijving>Testzaak</ZKN:omschrijving><ZKN:startdatum>20240115</ZKN:startdatum><ZKN:registratiedatum>20240115</ZKN:registratiedatum><ZKN:zaakniveau>1</ZKN:zaakniveau><ZKN:deelzakenIndicatie>N</ZKN:deelzakenIndicatie>'}` +
    `${isVan(z.zaaktype ?? 'B1026', z.zaaktypeOmschrijving)}${z.relaties ?? rol('heeftAlsInitiator', medewerker('MDW-1'))}</ZKN:object></ZDS:creeerZaak_ZakLk01>`;
}

/** updateZaak or actualiseerZaakstatus with the given oud and nieuw object contents (after identificatie). */
export function wijziging(root: 'updateZaak_ZakLk01' | 'actualiseerZaakstatus_ZakLk01', id: string, oud: string | undefined, nieuw: string, opties: { vs?: string; sturing?: Sturing } = {}): string {
  const vs = opties.vs ?? 'W';
  const object = (inhoud: string) => `<ZKN:object StUF:entiteittype="ZAK" StUF:verwerkingssoort="${vs}"><ZKN:identificatie>${id}</ZKN:identificatie>${inhoud}</ZKN:object>`;
  return `<ZDS:${root} ${NSDECL}>${stuurgegevens('Lk01', { ref: uniekRef(), ...opties.sturing }, ZAK)}${parameters('W')}${oud !== undefined ? object(oud) : ''}${object(nieuw)}</ZDS:${root}>`;
}

export function geefZaakdetails(id: string, scope = '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK" StUF:scope="alles"/></ZKN:scope>'): string {
  return `<ZDS:geefZaakdetails_ZakLv01 ${NSDECL}>${stuurgegevens('Lv01', { ref: uniekRef() }, ZAK)}${vraagParameters}` +
    `<ZKN:gelijk StUF:entiteittype="ZAK"><ZKN:identificatie>${id}</ZKN:identificatie></ZKN:gelijk>${scope}</ZDS:geefZaakdetails_ZakLv01>`;
}

export function geefZaakstatus(id: string, alleenLaatste = false): string {
  return `<ZDS:geefZaakstatus_ZakLv01 ${NSDECL}>${stuurgegevens('Lv01', { ref: uniekRef() }, ZAK)}${vraagParameters}` +
    `<ZKN:gelijk StUF:entiteittype="ZAK"><ZKN:identificatie>${id}</ZKN:identificatie>${alleenLaatste ? '<ZKN:heeft StUF:entiteittype="ZAKSTT"><ZKN:indicatieLaatsteStatus>J</ZKN:indicatieLaatsteStatus></ZKN:heeft>' : ''}</ZKN:gelijk>` +
    `<ZKN:scope><ZKN:object StUF:entiteittype="ZAK"><ZKN:identificatie xsi:nil="true"/><ZKN:heeft StUF:entiteittype="ZAKSTT"><ZKN:gerelateerde StUF:entiteittype="STT"><ZKN:volgnummer xsi:nil="true"/><ZKN:omschrijving xsi:nil="true"/></ZKN:gerelateerde>` +
    `<ZKN:toelichting xsi:nil="true"/><ZKN:datumStatusGezet xsi:nil="true"/><ZKN:indicatieLaatsteStatus xsi:nil="true"/></ZKN:heeft></ZKN:object></ZKN:scope></ZDS:geefZaakstatus_ZakLv01>`;
}

export function genereerZaakIdentificatie(sturing: Sturing = {}): string {
  return `<ZDS:genereerZaakIdentificatie_Di02 ${NSDECL}>${stuurgegevens('Di02', { ref: uniekRef(), ...sturing }, '<StUF:functie>genereerZaakidentificatie</StUF:functie>', 'ZDS')}</ZDS:genereerZaakIdentificatie_Di02>`;
}
