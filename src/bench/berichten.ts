// The ZDS 1.2 messages the benchmark sends, modelled on ../shared/samples/zds12. Every body is built per request:
// the gateway recognises a reused referentienummer as a resend and refuses a second zaak with one identificatie.

export const ZDS12_ACTIE = 'http://www.stufstandaarden.nl/koppelvlak/zds0120/';
const ZENDER = '<StUF:zender><StUF:organisatie>0599</StUF:organisatie><StUF:applicatie>BENCH</StUF:applicatie></StUF:zender>';
const ONTVANGER = '<StUF:ontvanger><StUF:organisatie>0599</StUF:organisatie><StUF:applicatie>ZDSGW</StUF:applicatie></StUF:ontvanger>';
export const NAMESPACES =
  'xmlns:ZDS="http://www.stufstandaarden.nl/koppelvlak/zds0120" xmlns:ZKN="http://www.egem.nl/StUF/sector/zkn/0310" ' +
  'xmlns:BG="http://www.egem.nl/StUF/sector/bg/0310" xmlns:StUF="http://www.egem.nl/StUF/StUF0301" ' +
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xmime="http://www.w3.org/2005/05/xmlmime"';

export const ACHTERNAMEN = ['Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos'];
export const ZAAKTYPEN = [
  { code: 'B1026', omschrijving: 'Parkeervergunning bewoners' },
  { code: 'B0363', omschrijving: 'Melding openbare ruimte' },
  { code: 'B0255', omschrijving: 'Aanvraag omgevingsvergunning' },
  { code: 'B1145', omschrijving: 'Bijzondere bijstand' },
];

export interface Soapverzoek {
  pad: string;
  actie: string;
  body: string;
}

export function inEnvelope(bericht: string): string {
  return `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>${bericht}</soapenv:Body></soapenv:Envelope>`;
}

const pad0 = (n: number, w: number) => String(n).padStart(w, '0');

/** A StUF:tijdstipBericht for now, close enough for a benchmark (UTC digits, not Amsterdam wall time). */
function tijdstip(): string {
  return new Date().toISOString().replace(/\D/g, '').slice(0, 17);
}

/**
 * A BSN that passes the elfproef, distinct for every n below 9 million: seven digits spread from n, then an eighth
 * chosen so that the check digit (weighted sum mod 11) is a single digit. (Of the ten candidates at most one fails.)
 */
export function bsnVoor(n: number): string {
  const prefix = String(1_000_000 + ((n * 7919) % 9_000_000));
  let som = 0;
  for (let i = 0; i < 7; i++) som += Number(prefix[i]) * (9 - i);
  for (let d8 = 0; ; d8++) {
    const controle = (som + 2 * d8) % 11; // elfproef: 9·d1 + … + 2·d8 − d9 ≡ 0 (mod 11)
    if (controle <= 9) return `${prefix}${d8}${controle}`;
  }
}

export function stuurgegevens(berichtcode: string, referentienummer: string, rest: string, prefix = 'ZKN'): string {
  return `<${prefix}:stuurgegevens><StUF:berichtcode>${berichtcode}</StUF:berichtcode>${ZENDER}${ONTVANGER}` +
    `<StUF:referentienummer>${referentienummer}</StUF:referentienummer><StUF:tijdstipBericht>${tijdstip()}</StUF:tijdstipBericht>${rest}</${prefix}:stuurgegevens>`;
}

/**
 * creeerZaak_ZakLk01 as in the sample: attributes, zaaktype, an initiator (natuurlijk persoon with BSN) and a first
 * status. The initiator is person `persoon` (bsnVoor), by default n.
 */
export function creeerZaak(identificatie: string, referentienummer: string, n: number, persoon = n): Soapverzoek {
  const zt = ZAAKTYPEN[n % ZAAKTYPEN.length];
  const bericht =
    `<ZDS:creeerZaak_ZakLk01 ${NAMESPACES}>${stuurgegevens('Lk01', referentienummer, '<StUF:entiteittype>ZAK</StUF:entiteittype>')}` +
    '<ZKN:parameters><StUF:mutatiesoort>T</StUF:mutatiesoort><StUF:indicatorOvername>V</StUF:indicatorOvername></ZKN:parameters>' +
    '<ZKN:object StUF:entiteittype="ZAK" StUF:verwerkingssoort="T">' +
    `<ZKN:identificatie>${identificatie}</ZKN:identificatie><ZKN:omschrijving>${zt.omschrijving} ${n}</ZKN:omschrijving>` +
    '<ZKN:toelichting>Ingediend via het e-formulier</ZKN:toelichting>' +
    `<ZKN:kenmerk><ZKN:kenmerk>FORM-${n}</ZKN:kenmerk><ZKN:bron>e-formulieren</ZKN:bron></ZKN:kenmerk>` +
    '<ZKN:startdatum>20240115</ZKN:startdatum><ZKN:registratiedatum>20240115</ZKN:registratiedatum>' +
    '<ZKN:einddatumGepland>20240226</ZKN:einddatumGepland><ZKN:archiefnominatie>N</ZKN:archiefnominatie>' +
    '<ZKN:zaakniveau>1</ZKN:zaakniveau><ZKN:deelzakenIndicatie>N</ZKN:deelzakenIndicatie>' +
    '<ZKN:isVan StUF:entiteittype="ZAKZKT" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="ZKT" StUF:verwerkingssoort="I">' +
    `<ZKN:omschrijving>${zt.omschrijving}</ZKN:omschrijving><ZKN:code>${zt.code}</ZKN:code></ZKN:gerelateerde></ZKN:isVan>` +
    '<ZKN:heeftAlsInitiator StUF:entiteittype="ZAKBTRINI" StUF:verwerkingssoort="T"><ZKN:gerelateerde>' +
    `<ZKN:natuurlijkPersoon StUF:entiteittype="NPS" StUF:verwerkingssoort="T"><BG:inp.bsn>${bsnVoor(persoon)}</BG:inp.bsn>` +
    `<BG:authentiek StUF:metagegeven="true">J</BG:authentiek><BG:geslachtsnaam>${ACHTERNAMEN[persoon % ACHTERNAMEN.length]}</BG:geslachtsnaam>` +
    '<BG:voorletters>J</BG:voorletters></ZKN:natuurlijkPersoon></ZKN:gerelateerde><ZKN:code>INI</ZKN:code></ZKN:heeftAlsInitiator>' +
    '<ZKN:heeft StUF:entiteittype="ZAKSTT" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="STT" StUF:verwerkingssoort="I">' +
    `<ZKN:zkt.code>${zt.code}</ZKN:zkt.code><ZKN:volgnummer>1</ZKN:volgnummer><ZKN:omschrijving>Ontvangen</ZKN:omschrijving></ZKN:gerelateerde>` +
    '<ZKN:datumStatusGezet>20240115103005000</ZKN:datumStatusGezet></ZKN:heeft></ZKN:object></ZDS:creeerZaak_ZakLk01>';
  return { pad: '/OntvangAsynchroon', actie: `${ZDS12_ACTIE}creeerZaak_ZakLk01`, body: inEnvelope(bericht) };
}

const NIL = ' xsi:nil="true"/>';
const DETAILS_SCOPE =
  '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK">' +
  ['identificatie', 'omschrijving', 'toelichting'].map((e) => `<ZKN:${e}${NIL}`).join('') +
  `<ZKN:resultaat><ZKN:omschrijving${NIL}<ZKN:toelichting${NIL}</ZKN:resultaat>` +
  ['startdatum', 'registratiedatum', 'einddatumGepland', 'uiterlijkeEinddatum', 'einddatum', 'zaakniveau', 'deelzakenIndicatie']
    .map((e) => `<ZKN:${e}${NIL}`).join('') +
  `<ZKN:isVan StUF:entiteittype="ZAKZKT"><ZKN:gerelateerde StUF:entiteittype="ZKT"><ZKN:omschrijving${NIL}<ZKN:code${NIL}</ZKN:gerelateerde></ZKN:isVan>` +
  '<ZKN:heeftAlsInitiator StUF:entiteittype="ZAKBTRINI"><ZKN:gerelateerde>' +
  `<ZKN:natuurlijkPersoon StUF:entiteittype="NPS"><BG:inp.bsn${NIL}<BG:geslachtsnaam${NIL}<BG:voorletters${NIL}</ZKN:natuurlijkPersoon>` +
  `<ZKN:nietNatuurlijkPersoon StUF:entiteittype="NNP"><BG:inn.nnpId${NIL}<BG:statutaireNaam${NIL}</ZKN:nietNatuurlijkPersoon>` +
  `<ZKN:vestiging StUF:entiteittype="VES"><BG:vestigingsNummer${NIL}<BG:handelsnaam${NIL}</ZKN:vestiging>` +
  '</ZKN:gerelateerde></ZKN:heeftAlsInitiator>' +
  `<ZKN:heeft StUF:entiteittype="ZAKSTT"><ZKN:gerelateerde StUF:entiteittype="STT"><ZKN:volgnummer${NIL}<ZKN:omschrijving${NIL}</ZKN:gerelateerde>` +
  `<ZKN:datumStatusGezet${NIL}<ZKN:indicatieLaatsteStatus${NIL}</ZKN:heeft>` +
  '</ZKN:object></ZKN:scope>';

/** geefZaakdetails_ZakLv01 with the scope of the sample (attributes, zaaktype, initiator, statuses). */
export function geefZaakdetails(identificatie: string, referentienummer: string): Soapverzoek {
  const bericht =
    `<ZDS:geefZaakdetails_ZakLv01 ${NAMESPACES}>${stuurgegevens('Lv01', referentienummer, '<StUF:entiteittype>ZAK</StUF:entiteittype>')}` +
    '<ZKN:parameters><StUF:sortering>0</StUF:sortering><StUF:indicatorVervolgvraag>false</StUF:indicatorVervolgvraag>' +
    '<StUF:maximumAantal>1</StUF:maximumAantal></ZKN:parameters>' +
    `<ZKN:gelijk StUF:entiteittype="ZAK"><ZKN:identificatie>${identificatie}</ZKN:identificatie></ZKN:gelijk>` +
    `${DETAILS_SCOPE}</ZDS:geefZaakdetails_ZakLv01>`;
  return { pad: '/BeantwoordVraag', actie: `${ZDS12_ACTIE}geefZaakdetails_ZakLv01`, body: inEnvelope(bericht) };
}

/** genereerZaakIdentificatie_Di02 (stuurgegevens in the ZDS namespace, functie genereerZaakidentificatie). */
export function genereerZaakIdentificatie(referentienummer: string): Soapverzoek {
  const bericht =
    '<ZDS:genereerZaakIdentificatie_Di02 xmlns:ZDS="http://www.stufstandaarden.nl/koppelvlak/zds0120" xmlns:StUF="http://www.egem.nl/StUF/StUF0301">' +
    `${stuurgegevens('Di02', referentienummer, '<StUF:functie>genereerZaakidentificatie</StUF:functie>', 'ZDS')}</ZDS:genereerZaakIdentificatie_Di02>`;
  return { pad: '/VerwerkSynchroonVrijBericht', actie: `${ZDS12_ACTIE}genereerZaakIdentificatie_Di02`, body: inEnvelope(bericht) };
}

/** Identificaties of seeded zaken: an earlier year than genereerZaakIdentificatie counts in, so the two never meet. */
export function geseedeIdentificatie(i: number): string {
  return `05992023${pad0(i, 8)}`;
}

/**
 * The person query (plain StUF-ZKN zakLv01, zds.md A8): the open zaken whose initiator is this person ('11' + BSN),
 * with the gateway's default answer (zaaktype, initiator, current status).
 */
export function zoekZakenOpInitiator(bsn: string, referentienummer: string): Soapverzoek {
  const bericht =
    `<ZKN:zakLv01 ${NAMESPACES}>${stuurgegevens('Lv01', referentienummer, '<StUF:entiteittype>ZAK</StUF:entiteittype>')}` +
    '<ZKN:parameters><StUF:sortering>0</StUF:sortering><StUF:indicatorVervolgvraag>false</StUF:indicatorVervolgvraag></ZKN:parameters>' +
    '<ZKN:gelijk StUF:entiteittype="ZAK"><ZKN:einddatum xsi:nil="true" StUF:noValue="geenWaarde"/>' +
    `<ZKN:heeftAlsInitiator StUF:entiteittype="ZAKBTRINI"><ZKN:gerelateerde StUF:entiteittype="BTR"><ZKN:identificatie>11${bsn}</ZKN:identificatie></ZKN:gerelateerde></ZKN:heeftAlsInitiator>` +
    '</ZKN:gelijk></ZKN:zakLv01>';
  return { pad: '/BeantwoordVraag', actie: 'http://www.egem.nl/StUF/sector/zkn/0310/zakLv01', body: inEnvelope(bericht) };
}


/**
 * The work queue (issue 18): the open zaken of one regisseur (a heeftAlsUitvoerende medewerker), a page of 15 — the
 * StUF default, asked explicitly as a regiesysteem does.
 */
export function werkvoorraadVan(medewerker: string, referentienummer: string): Soapverzoek {
  const bericht =
    `<ZKN:zakLv01 ${NAMESPACES}>${stuurgegevens('Lv01', referentienummer, '<StUF:entiteittype>ZAK</StUF:entiteittype>')}` +
    '<ZKN:parameters><StUF:sortering>0</StUF:sortering><StUF:indicatorVervolgvraag>false</StUF:indicatorVervolgvraag><StUF:maximumAantal>15</StUF:maximumAantal></ZKN:parameters>' +
    '<ZKN:gelijk StUF:entiteittype="ZAK"><ZKN:einddatum xsi:nil="true" StUF:noValue="geenWaarde"/>' +
    `<ZKN:heeftAlsUitvoerende StUF:entiteittype="ZAKBTRUTV"><ZKN:gerelateerde StUF:entiteittype="BTR"><ZKN:identificatie>${medewerker}</ZKN:identificatie></ZKN:gerelateerde></ZKN:heeftAlsUitvoerende>` +
    '</ZKN:gelijk></ZKN:zakLv01>';
  return { pad: '/BeantwoordVraag', actie: 'http://www.egem.nl/StUF/sector/zkn/0310/zakLv01', body: inEnvelope(bericht) };
}

/** geefZaakstatus_ZakLv01 for the current status (indicatieLaatsteStatus J), with the scope of the sample. */
export function geefZaakstatus(identificatie: string, referentienummer: string): Soapverzoek {
  const bericht =
    `<ZDS:geefZaakstatus_ZakLv01 ${NAMESPACES}>${stuurgegevens('Lv01', referentienummer, '<StUF:entiteittype>ZAK</StUF:entiteittype>')}` +
    '<ZKN:parameters><StUF:sortering>0</StUF:sortering><StUF:indicatorVervolgvraag>false</StUF:indicatorVervolgvraag></ZKN:parameters>' +
    `<ZKN:gelijk StUF:entiteittype="ZAK"><ZKN:identificatie>${identificatie}</ZKN:identificatie>` +
    '<ZKN:heeft StUF:entiteittype="ZAKSTT"><ZKN:indicatieLaatsteStatus>J</ZKN:indicatieLaatsteStatus></ZKN:heeft></ZKN:gelijk>' +
    `<ZKN:scope><ZKN:object StUF:entiteittype="ZAK"><ZKN:identificatie${NIL}<ZKN:heeft StUF:entiteittype="ZAKSTT">` +
    `<ZKN:gerelateerde StUF:entiteittype="STT"><ZKN:volgnummer${NIL}<ZKN:omschrijving${NIL}</ZKN:gerelateerde>` +
    `<ZKN:toelichting${NIL}<ZKN:datumStatusGezet${NIL}<ZKN:indicatieLaatsteStatus${NIL}</ZKN:heeft></ZKN:object></ZKN:scope>` +
    '</ZDS:geefZaakstatus_ZakLv01>';
  return { pad: '/BeantwoordVraag', actie: `${ZDS12_ACTIE}geefZaakstatus_ZakLv01`, body: inEnvelope(bericht) };
}
