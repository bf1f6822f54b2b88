// Builders for the ZDS 1.2 besluit messages (#18–#22), so tests state only what matters to them, and a thin client
// that sends them. Each builds a schema-valid message by default (besluiten.test.ts validates one of each).
import { path } from '../../src/stuf/xml';
import { NSDECL, Sturing, ZAK, stuurgegevens, vraagParameters } from './dialecten';
import { TestGateway } from './gateway';
import { bericht } from './soap';
import { zdsClient } from './zdsClient';
import { uniekRef } from './zdsBerichten';

const BSL = '<StUF:entiteittype>BSL</StUF:entiteittype>';

export const besluitdocument = (id: string, vs = 'T', gerelateerde = '', opties: { gvs?: string; extra?: string } = {}) =>
  `<ZKN:isVastgelegdIn StUF:entiteittype="BSLEDC" StUF:verwerkingssoort="${vs}">` +
  `<ZKN:gerelateerde StUF:entiteittype="EDC" StUF:verwerkingssoort="${opties.gvs ?? 'I'}"><ZKN:identificatie>${id}</ZKN:identificatie>${gerelateerde}</ZKN:gerelateerde>` +
  `${opties.extra ?? ''}</ZKN:isVastgelegdIn>`;

/** The empty counterpart of a document relation: in oud when adding (T), in nieuw when removing (V). */
export const legeBesluitdocument = (vs: string) => `<ZKN:isVastgelegdIn StUF:entiteittype="BSLEDC" StUF:verwerkingssoort="${vs}" xsi:nil="true" StUF:noValue="geenWaarde"/>`;

export const STANDAARD_BESLUIT =
  '<ZKN:bst.omschrijving>Verlening parkeervergunning</ZKN:bst.omschrijving><ZKN:datumBeslissing>20240120</ZKN:datumBeslissing>' +
  '<ZKN:toelichting>Op aanvraag</ZKN:toelichting><ZKN:ingangsdatumWerking>20240201</ZKN:ingangsdatumWerking><ZKN:einddatumWerking>20250131</ZKN:einddatumWerking>';

export interface NieuwBesluit {
  id: string;
  zaak: string;
  /** Everything between identificatie and the relations (attributes, tijdvakGeldigheid, extraElementen). */
  attributen?: string;
  documenten?: string;
  zaakVs?: string;
  sturing?: Sturing;
}

export function voegBesluitToe(b: NieuwBesluit): string {
  return `<ZDS:voegBesluitToe_Di01 ${NSDECL}>${stuurgegevens('Di01', { ref: uniekRef('BSL'), ...b.sturing }, '<StUF:functie>voegBesluitToe</StUF:functie>')}<ZKN:object>` +
    `<ZKN:besluit StUF:entiteittype="BSL" StUF:verwerkingssoort="T"><ZKN:identificatie>${b.id}</ZKN:identificatie>${b.attributen ?? STANDAARD_BESLUIT}${b.documenten ?? ''}</ZKN:besluit>` +
    `<ZKN:zaak StUF:entiteittype="ZAK" StUF:verwerkingssoort="${b.zaakVs ?? 'I'}"><ZKN:identificatie>${b.zaak}</ZKN:identificatie></ZKN:zaak></ZKN:object></ZDS:voegBesluitToe_Di01>`;
}

/** updateBesluit with the given oud and nieuw object contents (after identificatie); oud undefined: one object. */
export function updateBesluit(id: string, oud: string | undefined, nieuw: string, opties: { vs?: string; sturing?: Sturing } = {}): string {
  const object = (inhoud: string) => `<ZKN:object StUF:entiteittype="BSL" StUF:verwerkingssoort="${opties.vs ?? 'W'}"><ZKN:identificatie>${id}</ZKN:identificatie>${inhoud}</ZKN:object>`;
  return `<ZDS:updateBesluit_BslLk01 ${NSDECL}>${stuurgegevens('Lk01', { ref: uniekRef('BSL'), ...opties.sturing }, BSL)}` +
    '<ZKN:parameters><StUF:mutatiesoort>W</StUF:mutatiesoort><StUF:indicatorOvername>V</StUF:indicatorOvername></ZKN:parameters>' +
    `${oud !== undefined ? object(oud) : ''}${object(nieuw)}</ZDS:updateBesluit_BslLk01>`;
}

export const SCOPE_BESLUIT_ALLES = '<ZKN:scope><ZKN:object StUF:entiteittype="BSL" StUF:scope="alles"/></ZKN:scope>';
export const scopeBesluit = (inhoud: string) => `<ZKN:scope><ZKN:object StUF:entiteittype="BSL">${inhoud}</ZKN:object></ZKN:scope>`;

export function geefBesluitdetails(id: string, scope = SCOPE_BESLUIT_ALLES): string {
  return `<ZDS:geefBesluitdetails_BslLv01 ${NSDECL}>${stuurgegevens('Lv01', { ref: uniekRef('BSL') }, BSL)}${vraagParameters}` +
    `<ZKN:gelijk StUF:entiteittype="BSL"><ZKN:identificatie>${id}</ZKN:identificatie></ZKN:gelijk>${scope}</ZDS:geefBesluitdetails_BslLv01>`;
}

export const SCOPE_LIJST =
  '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK"><ZKN:identificatie xsi:nil="true"/><ZKN:leidtTot StUF:entiteittype="ZAKBSL"><ZKN:gerelateerde StUF:entiteittype="BSL">' +
  '<ZKN:identificatie xsi:nil="true"/><ZKN:datumBeslissing xsi:nil="true"/><ZKN:ingangsdatumWerking xsi:nil="true"/></ZKN:gerelateerde></ZKN:leidtTot></ZKN:object></ZKN:scope>';

/** geefLijstBesluiten; `gelijk` holds extra criteria after the identificatie (omschrijving, isVan). */
export function geefLijstBesluiten(id: string, opties: { scope?: string; gelijk?: string } = {}): string {
  return `<ZDS:geefLijstBesluiten_ZakLv01 ${NSDECL}>${stuurgegevens('Lv01', { ref: uniekRef('BSL') }, ZAK)}${vraagParameters}` +
    `<ZKN:gelijk StUF:entiteittype="ZAK"><ZKN:identificatie>${id}</ZKN:identificatie>${opties.gelijk ?? ''}</ZKN:gelijk>${opties.scope ?? SCOPE_LIJST}</ZDS:geefLijstBesluiten_ZakLv01>`;
}

export function genereerBesluitIdentificatie(sturing: Sturing = {}): string {
  return `<ZDS:genereerBesluitIdentificatie_Di02 ${NSDECL}>${stuurgegevens('Di02', { ref: uniekRef('BSL'), ...sturing }, '<StUF:functie>genereerBesluitidentificatie</StUF:functie>', 'ZDS')}</ZDS:genereerBesluitIdentificatie_Di02>`;
}

/** Sends besluit messages to a test gateway with the right SOAPAction and endpoint; questions return antwoord/object. */
export function besluitClient(gw: TestGateway) {
  const zds = zdsClient(gw);
  const vraag = async (xml: string, actie: string) => {
    const r = await zds.stuur(xml, actie, '/BeantwoordVraag');
    if (r.status !== 200) throw new Error(`vraag geweigerd: ${r.code} ${r.details}`);
    return path(bericht(r.body), 'antwoord', 'object');
  };
  return {
    stuur: zds.stuur,
    voeg: (b: NieuwBesluit | string) => zds.stuur(typeof b === 'string' ? b : voegBesluitToe(b), 'voegBesluitToe_Di01', '/OntvangAsynchroon'),
    update: (id: string, oud: string | undefined, nieuw: string, opties?: { vs?: string; sturing?: Sturing }) =>
      zds.stuur(updateBesluit(id, oud, nieuw, opties), 'updateBesluit_BslLk01', '/OntvangAsynchroon'),
    genereer: (sturing?: Sturing) => zds.stuur(genereerBesluitIdentificatie(sturing), 'genereerBesluitIdentificatie_Di02', '/VerwerkSynchroonVrijBericht'),
    details: (id: string, scope?: string) => vraag(geefBesluitdetails(id, scope), 'geefBesluitdetails_BslLv01'),
    lijst: (id: string, opties?: { scope?: string; gelijk?: string }) => vraag(geefLijstBesluiten(id, opties), 'geefLijstBesluiten_ZakLv01'),
  };
}
