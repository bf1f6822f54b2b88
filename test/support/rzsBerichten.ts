// Regie- en Zaakservices messages for tests, in the shape of the samples (rzs.md §6.1, §11.5): the trigger a
// servicebus or backoffice sends the abonnementenbeheer, and the acknowledgements an application may send later.
// Builders state only what a test cares about; everything else is the sample's.
import { NotificatieStatus, RZS_ACTIE_BASIS } from '../../src/notificaties/notificatieBericht';
import { Sturing, uniekeRef } from './dialecten';

/** SOAPAction of an RZS operation, as the RZS WSDL has it. */
export const rzsActie = (operatie: string) => RZS_ACTIE_BASIS + operatie;

export const NSDECL_RZS =
  'xmlns:RZS="http://www.stufstandaarden.nl/koppelvlak/rzs0310" xmlns:ZKN="http://www.egem.nl/StUF/sector/zkn/0310" ' +
  'xmlns:StUF="http://www.egem.nl/StUF/StUF0301" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/** The status a trigger carries: the gateway's own notification model (ingangsdatumObject absent → sent nil). */
export type NotificatieStatusIn = NotificatieStatus;

export interface Trigger {
  zaak?: string;
  zaaktype?: { code?: string; omschrijving: string };
  /** Default 'Creeer zaak'. */
  gebeurtenis?: string;
  /** The application that made the change; null leaves the extraElement out. Default REGIESYSTEEM. */
  zendendeApplicatie?: string | null;
  /** naam of that extraElement; default zendendeApplicatie. */
  naamZendendeApplicatie?: string;
  status?: NotificatieStatusIn;
  /** stuurgegevens/functie; default notificeerOverZaak (the only value the RZS schema allows, rzs.md A5). */
  functie?: string;
  melding?: string;
  /** Default zender SERVICEBUS (0599), ontvanger the gateway (ZDSGW). */
  sturing?: Sturing;
  root?: 'initieerNotificeerOverZaak_Di01' | 'notificeerOverZaak_Di01';
}

export const GEZINSPLAN = { code: 'GZP', omschrijving: 'Opstellen en uitvoeren gezinsplan' };

function rzsStuurgegevens(berichtcode: string, s: Sturing, slot: string): string {
  return `<RZS:stuurgegevens><StUF:berichtcode>${berichtcode}</StUF:berichtcode>` +
    `<StUF:zender><StUF:organisatie>${s.organisatie ?? '0599'}</StUF:organisatie><StUF:applicatie>${s.zender ?? 'SERVICEBUS'}</StUF:applicatie></StUF:zender>` +
    '<StUF:ontvanger><StUF:organisatie>0599</StUF:organisatie><StUF:applicatie>ZDSGW</StUF:applicatie></StUF:ontvanger>' +
    `<StUF:referentienummer>${s.ref ?? uniekeRef('INOZ')}</StUF:referentienummer><StUF:tijdstipBericht>${s.tijdstip ?? '20240115103001000'}</StUF:tijdstipBericht>${slot}</RZS:stuurgegevens>`;
}

const waarde = (naam: string, w: string | undefined) =>
  w === undefined ? `<ZKN:${naam} xsi:nil="true" StUF:noValue="geenWaarde"/>` : `<ZKN:${naam}>${w}</ZKN:${naam}>`;
const optioneel = (naam: string, w: string | undefined) => (w === undefined ? '' : `<ZKN:${naam}>${w}</ZKN:${naam}>`);

function statusElement(s: NotificatieStatusIn): string {
  return '<ZKN:heeft StUF:entiteittype="ZAKSTT"><ZKN:gerelateerde StUF:entiteittype="STT">' +
    optioneel('zkt.code', s.zktCode) + optioneel('zkt.omschrijving', s.zktOmschrijving) + optioneel('volgnummer', s.volgnummer) +
    waarde('code', s.code) + waarde('omschrijving', s.omschrijving) + waarde('ingangsdatumObject', s.ingangsdatumObject) +
    `</ZKN:gerelateerde>${optioneel('datumStatusGezet', s.datumStatusGezet)}</ZKN:heeft>`;
}

/** An initieerNotificeerOverZaak_Di01 (or, with root, a notificeerOverZaak_Di01) as a servicebus sends it. */
export function initieerNotificeer(t: Trigger = {}): string {
  const root = `RZS:${t.root ?? 'initieerNotificeerOverZaak_Di01'}`;
  const zt = t.zaaktype ?? GEZINSPLAN;
  const zender = t.zendendeApplicatie === undefined ? 'REGIESYSTEEM' : t.zendendeApplicatie;
  const extra = `<StUF:extraElement naam="gebeurtenis">${t.gebeurtenis ?? 'Creeer zaak'}</StUF:extraElement>` +
    (zender === null ? '' : `<StUF:extraElement naam="${t.naamZendendeApplicatie ?? 'zendendeApplicatie'}">${zender}</StUF:extraElement>`);
  return `<${root} ${NSDECL_RZS}>` +
    rzsStuurgegevens('Di01', t.sturing ?? {}, `<StUF:functie>${t.functie ?? 'notificeerOverZaak'}</StUF:functie>`) +
    (t.melding ? `<RZS:melding>${t.melding}</RZS:melding>` : '') +
    '<RZS:object StUF:functie="entiteit" StUF:entiteittype="ZAK">' +
    (t.zaak === undefined ? '' : `<ZKN:identificatie>${t.zaak}</ZKN:identificatie>`) +
    `<StUF:extraElementen>${extra}</StUF:extraElementen>` +
    '<ZKN:isVan StUF:entiteittype="ZAKZKT"><ZKN:gerelateerde StUF:entiteittype="ZKT">' +
    `<ZKN:omschrijving>${zt.omschrijving}</ZKN:omschrijving>${optioneel('code', zt.code)}</ZKN:gerelateerde></ZKN:isVan>` +
    (t.status ? statusElement(t.status) : '') +
    `</RZS:object></${root}>`;
}

export type Bevestiging = 'Bv01' | 'Bv03' | 'Fo01' | 'Fo03';

/**
 * An acknowledgement or error an application sends on its own, later: crossRefnummer is the referentienummer of the
 * message of ours it is about. Default zender REGIESYSTEEM.
 */
export function bevestiging(code: Bevestiging, crossRefnummer: string, sturing: Sturing = {}): string {
  const body = code.startsWith('Fo')
    ? '<StUF:body><StUF:code>StUF058</StUF:code><StUF:plek>client</StUF:plek><StUF:omschrijving>Proces voor afhandelen bericht geeft fout</StUF:omschrijving>' +
      '<StUF:details>zaak onbekend bij de ontvanger (test)</StUF:details></StUF:body>'
    : '';
  return `<StUF:${code}Bericht xmlns:StUF="http://www.egem.nl/StUF/StUF0301"><StUF:stuurgegevens><StUF:berichtcode>${code}</StUF:berichtcode>` +
    `<StUF:zender><StUF:organisatie>${sturing.organisatie ?? '0599'}</StUF:organisatie><StUF:applicatie>${sturing.zender ?? 'REGIESYSTEEM'}</StUF:applicatie></StUF:zender>` +
    '<StUF:ontvanger><StUF:organisatie>0599</StUF:organisatie><StUF:applicatie>ZDSGW</StUF:applicatie></StUF:ontvanger>' +
    `<StUF:referentienummer>${sturing.ref ?? uniekeRef(code)}</StUF:referentienummer><StUF:tijdstipBericht>${sturing.tijdstip ?? '20240115103010000'}</StUF:tijdstipBericht>` +
    `<StUF:crossRefnummer>${crossRefnummer}</StUF:crossRefnummer></StUF:stuurgegevens>${body}</StUF:${code}Bericht>`;
}
