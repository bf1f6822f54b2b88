// Test messages in both wire dialects. ZDS 1.2 puts the root in the zds0120 namespace with a service-specific name;
// ZDS 1.1 (plain StUF-ZKN) uses the generic ZKN roots (zakLk01, zakLv01) and keeps Di02/Du02 children in ZKN.
// Builders state only what a test cares about; alsZds11() derives a 1.1 message from any 1.2 one (e.g. a sample).
import { NS } from '../../src/stuf/namespaces';
import { XElement, child, parseXml, serialize } from '../../src/stuf/xml';
import { ZDS11, ZDS12 } from './soap';

export type Dialect = 'zds12' | 'zds11';
export type Dienst = 'genereerZaakIdentificatie' | 'creeerZaak' | 'updateZaak' | 'actualiseerZaakstatus' | 'geefZaakstatus' | 'geefZaakdetails';

const ROOT12: Record<Dienst, string> = {
  genereerZaakIdentificatie: 'genereerZaakIdentificatie_Di02',
  creeerZaak: 'creeerZaak_ZakLk01',
  updateZaak: 'updateZaak_ZakLk01',
  actualiseerZaakstatus: 'actualiseerZaakstatus_ZakLk01',
  geefZaakstatus: 'geefZaakstatus_ZakLv01',
  geefZaakdetails: 'geefZaakdetails_ZakLv01',
};

const ACTIE11: Record<Dienst, string> = {
  genereerZaakIdentificatie: 'genereerZaakIdentificatie_Di02',
  creeerZaak: 'creeerZaak_Lk01',
  updateZaak: 'updateZaak_Lk01',
  actualiseerZaakstatus: 'actualiseerZaakstatus_Lk01',
  geefZaakstatus: 'geefZaakstatus_Lv01',
  geefZaakdetails: 'geefZaakdetails_Lv01',
};

/** The SOAPAction of a service in a dialect (zds.md 1.1 / 1.2 tables). */
export const actie = (d: Dialect, dienst: Dienst) => (d === 'zds12' ? ZDS12 + ROOT12[dienst] : ZDS11 + ACTIE11[dienst]);

/** 1.2 root local name → 1.1 root local name. */
const ROOT11: Record<string, string> = {
  creeerZaak_ZakLk01: 'zakLk01',
  updateZaak_ZakLk01: 'zakLk01',
  actualiseerZaakstatus_ZakLk01: 'zakLk01',
  geefZaakstatus_ZakLv01: 'zakLv01',
  geefZaakdetails_ZakLv01: 'zakLv01',
  geefZaakstatus_ZakLa01: 'zakLa01',
  geefZaakdetails_ZakLa01: 'zakLa01',
  genereerZaakIdentificatie_Di02: 'genereerZaakIdentificatie_Di02',
  genereerZaakIdentificatie_Du02: 'genereerZaakIdentificatie_Du02',
};

function naarZkn(e: XElement): XElement {
  return { ...e, ns: e.ns === NS.zds ? NS.zkn : e.ns, children: e.children.map(naarZkn) };
}

/** A ZDS 1.2 message as its ZDS 1.1 equivalent: generic ZKN root; Di02/Du02 children move from ZDS to ZKN. */
export function alsZds11(xml12: string): string {
  const root = parseXml(xml12.replace(/<\?xml[^?]*\?>/, ''));
  const local = ROOT11[root.local];
  if (root.ns !== NS.zds || !local) throw new Error(`geen ZDS 1.2-bericht van de zes zaakdiensten: ${root.local}`);
  return serialize(naarZkn({ ...root, local }));
}

/** The same message with another referentienummer: a resend with a new body would be refused with StUF016. */
export function metReferentie(xml: string, ref: string): string {
  const root = parseXml(xml.replace(/<\?xml[^?]*\?>/, ''));
  const r = child(child(root, 'stuurgegevens'), 'referentienummer');
  if (!r) throw new Error('bericht zonder stuurgegevens/referentienummer');
  r.text = ref;
  return serialize(root);
}

// ---- builders ------------------------------------------------------------------------------------------------

export const NSDECL =
  'xmlns:ZDS="http://www.stufstandaarden.nl/koppelvlak/zds0120" xmlns:ZKN="http://www.egem.nl/StUF/sector/zkn/0310" ' +
  'xmlns:BG="http://www.egem.nl/StUF/sector/bg/0310" xmlns:StUF="http://www.egem.nl/StUF/StUF0301" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

let teller = 0;
export const uniekeRef = (prefix = 'DIAL') => `${prefix}-${process.pid}-${++teller}`;

export interface Sturing {
  ref?: string;
  tijdstip?: string;
  /** zender/applicatie (default TESTAPP) and zender/organisatie (default 0599). */
  zender?: string;
  organisatie?: string;
}

const rootNaam = (d: Dialect, dienst: Dienst) => (d === 'zds12' ? `ZDS:${ROOT12[dienst]}` : `ZKN:${ROOT11[ROOT12[dienst]]}`);

export function stuurgegevens(berichtcode: string, s: Sturing, slot: string, ns = 'ZKN'): string {
  return `<${ns}:stuurgegevens><StUF:berichtcode>${berichtcode}</StUF:berichtcode>` +
    `<StUF:zender><StUF:organisatie>${s.organisatie ?? '0599'}</StUF:organisatie><StUF:applicatie>${s.zender ?? 'TESTAPP'}</StUF:applicatie></StUF:zender>` +
    '<StUF:ontvanger><StUF:organisatie>0599</StUF:organisatie><StUF:applicatie>ZDSGW</StUF:applicatie></StUF:ontvanger>' +
    `<StUF:referentienummer>${s.ref ?? uniekeRef()}</StUF:referentienummer><StUF:tijdstipBericht>${s.tijdstip ?? '20240115103000000'}</StUF:tijdstipBericht>${slot}</${ns}:stuurgegevens>`;
}

export const ZAK = '<StUF:entiteittype>ZAK</StUF:entiteittype>';
export const parameters = (ms: 'T' | 'W') => `<ZKN:parameters><StUF:mutatiesoort>${ms}</StUF:mutatiesoort><StUF:indicatorOvername>V</StUF:indicatorOvername></ZKN:parameters>`;

export const STANDAARD_ATTRIBUTEN =
  '<ZKN:omschrijving>Testzaak</ZKN:omschrijving><ZKN:startdatum>20240115</ZKN:startdatum><ZKN:registratiedatum>20240115</ZKN:registratiedatum>' +
  '<ZKN:zaakniveau>1</ZKN:zaakniveau><ZKN:deelzakenIndicatie>N</ZKN:deelzakenIndicatie>';

export const isVan = (code = 'B1026', omschrijving = 'Parkeervergunning bewoners') =>
  '<ZKN:isVan StUF:entiteittype="ZAKZKT" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="ZKT" StUF:verwerkingssoort="I">' +
  `<ZKN:omschrijving>${omschrijving}</ZKN:omschrijving><ZKN:code>${code}</ZKN:code></ZKN:gerelateerde></ZKN:isVan>`;

export const medewerker = (id: string, achternaam = 'Jansen') =>
  `<ZKN:medewerker StUF:entiteittype="MDW" StUF:verwerkingssoort="I"><ZKN:identificatie>${id}</ZKN:identificatie><ZKN:achternaam>${achternaam}</ZKN:achternaam></ZKN:medewerker>`;

export const persoon = (bsn: string, inhoud = '<BG:geslachtsnaam>Vries</BG:geslachtsnaam>') =>
  `<ZKN:natuurlijkPersoon StUF:entiteittype="NPS" StUF:verwerkingssoort="I"><BG:inp.bsn>${bsn}</BG:inp.bsn>${inhoud}</ZKN:natuurlijkPersoon>`;

const ROL_ET = {
  heeftAlsInitiator: 'ZAKBTRINI', heeftAlsBelanghebbende: 'ZAKBTRBLH', heeftAlsGemachtigde: 'ZAKBTRGMC',
  heeftAlsUitvoerende: 'ZAKBTRUTV', heeftAlsVerantwoordelijke: 'ZAKBTRVRA', heeftAlsOverigBetrokkene: 'ZAKBTROVR',
} as const;

export const rol = (soort: keyof typeof ROL_ET, gerelateerde: string, vs = 'T', omschrijving?: string) =>
  `<ZKN:${soort} StUF:entiteittype="${ROL_ET[soort]}" StUF:verwerkingssoort="${vs}"><ZKN:gerelateerde>${gerelateerde}</ZKN:gerelateerde>` +
  `${omschrijving ? `<ZKN:omschrijving>${omschrijving}</ZKN:omschrijving>` : ''}</ZKN:${soort}>`;

/** The empty counterpart of a relation: in oud when adding (T), in nieuw when removing (V). */
export const legeRelatie = (naam: string, et: string, vs: string) =>
  `<ZKN:${naam} StUF:entiteittype="${et}" StUF:verwerkingssoort="${vs}" xsi:nil="true" StUF:noValue="geenWaarde"/>`;

export const andereZaak = (id: string, vs = 'T') =>
  `<ZKN:heeftBetrekkingOpAndere StUF:entiteittype="ZAKZAKBTR" StUF:verwerkingssoort="${vs}">` +
  `<ZKN:gerelateerde StUF:entiteittype="ZAK" StUF:verwerkingssoort="I"><ZKN:identificatie>${id}</ZKN:identificatie></ZKN:gerelateerde></ZKN:heeftBetrekkingOpAndere>`;

export const status = (volgnummer: number, omschrijving: string, datum: string, toelichting?: string) =>
  '<ZKN:heeft StUF:entiteittype="ZAKSTT" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="STT" StUF:verwerkingssoort="I">' +
  `<ZKN:volgnummer>${volgnummer}</ZKN:volgnummer><ZKN:omschrijving>${omschrijving}</ZKN:omschrijving></ZKN:gerelateerde>` +
  `${toelichting ? `<ZKN:toelichting>${toelichting}</ZKN:toelichting>` : ''}<ZKN:datumStatusGezet>${datum}</ZKN:datumStatusGezet>` +
  `<ZKN:isGezetDoor StUF:entiteittype="ZAKSTTBTR" StUF:verwerkingssoort="I"><ZKN:gerelateerde>${medewerker('mdw042')}</ZKN:gerelateerde></ZKN:isGezetDoor></ZKN:heeft>`;

export interface NieuweZaak {
  id: string;
  /** Everything between identificatie and isVan. */
  attributen?: string;
  zaaktype?: string;
  /** Everything after isVan; defaults to a medewerker as initiator. */
  relaties?: string;
  sturing?: Sturing;
}

export function creeerZaak(d: Dialect, z: NieuweZaak): string {
  const root = rootNaam(d, 'creeerZaak');
  return `<${root} ${NSDECL}>${stuurgegevens('Lk01', z.sturing ?? {}, ZAK)}${parameters('T')}` +
    `<ZKN:object StUF:entiteittype="ZAK" StUF:verwerkingssoort="T"><ZKN:identificatie>${z.id}</ZKN:identificatie>` +
    `${z.attributen ?? STANDAARD_ATTRIBUTEN}${isVan(z.zaaktype)}${z.relaties ?? rol('heeftAlsInitiator', medewerker('MDW-1'))}</ZKN:object></${root}>`;
}

/** updateZaak or actualiseerZaakstatus: oud and nieuw object contents after identificatie (oud undefined: one object). */
export function wijzig(d: Dialect, dienst: 'updateZaak' | 'actualiseerZaakstatus', id: string, oud: string | undefined, nieuw: string, opties: { vs?: string; sturing?: Sturing } = {}): string {
  const root = rootNaam(d, dienst);
  const object = (inhoud: string) => `<ZKN:object StUF:entiteittype="ZAK" StUF:verwerkingssoort="${opties.vs ?? 'W'}"><ZKN:identificatie>${id}</ZKN:identificatie>${inhoud}</ZKN:object>`;
  return `<${root} ${NSDECL}>${stuurgegevens('Lk01', opties.sturing ?? {}, ZAK)}${parameters('W')}${oud !== undefined ? object(oud) : ''}${object(nieuw)}</${root}>`;
}

export const vraagParameters = '<ZKN:parameters><StUF:sortering>0</StUF:sortering><StUF:indicatorVervolgvraag>false</StUF:indicatorVervolgvraag></ZKN:parameters>';
export const SCOPE_ALLES = '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK" StUF:scope="alles"/></ZKN:scope>';

export function geefZaakdetails(d: Dialect, id: string, scope = SCOPE_ALLES, sturing: Sturing = {}): string {
  const root = rootNaam(d, 'geefZaakdetails');
  return `<${root} ${NSDECL}>${stuurgegevens('Lv01', sturing, ZAK)}${vraagParameters}` +
    `<ZKN:gelijk StUF:entiteittype="ZAK"><ZKN:identificatie>${id}</ZKN:identificatie></ZKN:gelijk>${scope}</${root}>`;
}

export const SCOPE_STATUS =
  '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK"><ZKN:identificatie xsi:nil="true"/><ZKN:heeft StUF:entiteittype="ZAKSTT">' +
  '<ZKN:gerelateerde StUF:entiteittype="STT"><ZKN:volgnummer xsi:nil="true"/><ZKN:omschrijving xsi:nil="true"/></ZKN:gerelateerde>' +
  '<ZKN:toelichting xsi:nil="true"/><ZKN:datumStatusGezet xsi:nil="true"/><ZKN:indicatieLaatsteStatus xsi:nil="true"/></ZKN:heeft></ZKN:object></ZKN:scope>';

export function geefZaakstatus(d: Dialect, id: string, alleenLaatste = true, sturing: Sturing = {}): string {
  const root = rootNaam(d, 'geefZaakstatus');
  const laatste = alleenLaatste ? '<ZKN:heeft StUF:entiteittype="ZAKSTT"><ZKN:indicatieLaatsteStatus>J</ZKN:indicatieLaatsteStatus></ZKN:heeft>' : '';
  return `<${root} ${NSDECL}>${stuurgegevens('Lv01', sturing, ZAK)}${vraagParameters}` +
    `<ZKN:gelijk StUF:entiteittype="ZAK"><ZKN:identificatie>${id}</ZKN:identificatie>${laatste}</ZKN:gelijk>${SCOPE_STATUS}</${root}>`;
}

export function genereerZaakIdentificatie(d: Dialect, sturing: Sturing = {}): string {
  const p = d === 'zds12' ? 'ZDS' : 'ZKN';
  return `<${p}:genereerZaakIdentificatie_Di02 ${NSDECL}>${stuurgegevens('Di02', sturing, '<StUF:functie>genereerZaakidentificatie</StUF:functie>', p)}</${p}:genereerZaakIdentificatie_Di02>`;
}
