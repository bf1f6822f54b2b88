// Builders for overdragenZaak test messages in both flavours (rzs.md §11.4, A27): the Di01 a regiesysteem sends and
// the Du01 a backoffice answers with. RZS puts root and direct children in rzs0310; ZDS 1.2 the root in zds0120 and
// the children in ZKN. SOAPActions are written out here, independently of the gateway's own table.

export type Smaak = 'rzs' | 'zds12';
export type Antwoord = 'Overdracht geaccepteerd' | 'Overdracht geweigerd';

export const RZS_ACTIE = 'http://www.egem.nl/StUF/sector/rzs/0310/';
export const RZS_ACTIE_STUF = 'http://www.stufstandaarden.nl/koppelvlak/rzs0310/';
export const ZDS12_ACTIE = 'http://www.stufstandaarden.nl/koppelvlak/zds0120/';

/** The SOAPAction of the Di01 or Du01 as the flavour's WSDL has it (RZS names the Du01 bevestigOverdragenZaak). */
export const overdrachtActie = (s: Smaak, b: 'Di01' | 'Du01'): string =>
  s === 'rzs' ? `${RZS_ACTIE}${b === 'Di01' ? 'overdragenZaak' : 'bevestigOverdragenZaak'}` : `${ZDS12_ACTIE}overdragenZaak_${b}`;

const NSDECL =
  'xmlns:RZS="http://www.stufstandaarden.nl/koppelvlak/rzs0310" xmlns:ZDS="http://www.stufstandaarden.nl/koppelvlak/zds0120" ' +
  'xmlns:ZKN="http://www.egem.nl/StUF/sector/zkn/0310" xmlns:StUF="http://www.egem.nl/StUF/StUF0301"';

const root = (s: Smaak) => (s === 'rzs' ? 'RZS' : 'ZDS');
const kind = (s: Smaak) => (s === 'rzs' ? 'RZS' : 'ZKN');

const systeem = (rol: 'zender' | 'ontvanger', applicatie: string) =>
  `<StUF:${rol}><StUF:organisatie>0599</StUF:organisatie><StUF:applicatie>${applicatie}</StUF:applicatie></StUF:${rol}>`;

interface Sturing {
  ref: string;
  /** zender applicatie (organisatie is 0599). */
  zender: string;
  ontvanger: string;
  tijdstip?: string;
  cross?: string;
}

function stuurgegevens(s: Smaak, code: 'Di01' | 'Du01', st: Sturing): string {
  return `<${kind(s)}:stuurgegevens><StUF:berichtcode>${code}</StUF:berichtcode>${systeem('zender', st.zender)}${systeem('ontvanger', st.ontvanger)}` +
    `<StUF:referentienummer>${st.ref}</StUF:referentienummer><StUF:tijdstipBericht>${st.tijdstip ?? '20240116090000000'}</StUF:tijdstipBericht>` +
    `${st.cross !== undefined ? `<StUF:crossRefnummer>${st.cross}</StUF:crossRefnummer>` : ''}<StUF:functie>overdragenZaak</StUF:functie></${kind(s)}:stuurgegevens>`;
}

const meldingen = (s: Smaak, lijst: string[] = []) => lijst.map((m) => `<${kind(s)}:melding>${m}</${kind(s)}:melding>`).join('');

export interface Di01 {
  zaak: string;
  zaaktype: string;
  omschrijving?: string;
  ref: string;
  /** Default REGIESYSTEEM. */
  zender?: string;
  /** Default ZDSGW, the gateway itself: then the zaaktype table chooses the backoffice. */
  ontvanger?: string;
  meldingen?: string[];
  tijdstip?: string;
}

export function overdragenZaakDi01(s: Smaak, o: Di01): string {
  return `<${root(s)}:overdragenZaak_Di01 ${NSDECL}>${stuurgegevens(s, 'Di01', { ref: o.ref, zender: o.zender ?? 'REGIESYSTEEM', ontvanger: o.ontvanger ?? 'ZDSGW', tijdstip: o.tijdstip })}` +
    `${meldingen(s, o.meldingen)}<${kind(s)}:object StUF:functie="entiteit" StUF:entiteittype="ZAK"><ZKN:identificatie>${o.zaak}</ZKN:identificatie>` +
    `<ZKN:isVan StUF:entiteittype="ZAKZKT"><ZKN:gerelateerde StUF:entiteittype="ZKT"><ZKN:omschrijving>${o.omschrijving ?? 'Aanvraag Wmo-voorziening'}</ZKN:omschrijving>` +
    `<ZKN:code>${o.zaaktype}</ZKN:code></ZKN:gerelateerde></ZKN:isVan></${kind(s)}:object></${root(s)}:overdragenZaak_Di01>`;
}

export interface Du01 {
  zaak: string;
  antwoord: Antwoord;
  ref: string;
  /** The referentienummer of the Di01 it answers. */
  cross: string;
  /** The backoffice's applicatie. */
  zender: string;
  /** Default REGIESYSTEEM. */
  ontvanger?: string;
  meldingen?: string[];
}

export function overdragenZaakDu01(s: Smaak, o: Du01): string {
  return `<${root(s)}:overdragenZaak_Du01 ${NSDECL}>${stuurgegevens(s, 'Du01', { ref: o.ref, zender: o.zender, ontvanger: o.ontvanger ?? 'REGIESYSTEEM', cross: o.cross, tijdstip: '20240116143000000' })}` +
    `${meldingen(s, o.meldingen)}<${kind(s)}:object StUF:functie="entiteit" StUF:entiteittype="ZAK"><ZKN:identificatie>${o.zaak}</ZKN:identificatie>` +
    `<ZKN:antwoord>${o.antwoord}</ZKN:antwoord></${kind(s)}:object></${root(s)}:overdragenZaak_Du01>`;
}
