// notificeerOverZaak_Di01 and initieerNotificeerOverZaak_Di01 (rzs.md §6.1, §11.5): deliberately thin, the zaak's
// identificatie, zaaktype, current status and the gebeurtenis, nothing else; only a destination that asks for it
// (`verrijkt`) also gets the plans of a deelplan or levensdomeinplan, as extraElementen (rzs.md §6.1 allows 1..N).
import { NS } from '../stuf/namespaces';
import { at, el, XAttr, XElement } from '../stuf/xml';
import { entiteittype, nilElement, zkn } from '../stuf/antwoordElementen';
import { Systeem, systeemElement } from '../stuf/stuurgegevens';
import { Gebeurtenis } from './gebeurtenis';
import type { Planverband } from './planverband';

export interface NotificatieStatus {
  zktCode?: string;
  zktOmschrijving?: string;
  volgnummer?: string;
  code?: string;
  omschrijving?: string;
  /** StUF datum (8 digits) of the statustype; nil when unknown (rzs.md A8). */
  ingangsdatumObject?: string;
  /** StUF tijdstip. */
  datumStatusGezet?: string;
}

export interface Notificatie {
  zaak: string;
  zaaktype: { code?: string; omschrijving?: string; ingangsdatumObject?: string };
  status?: NotificatieStatus;
  gebeurtenis: Gebeurtenis;
  /** The application whose message caused the change: never notified of it (echo suppression, rzs.md A23). */
  zendendeApplicatie?: Systeem;
  /** Set only for a destination with `verrijkt: true`: becomes the extraElementen of VERRIJKING. */
  plannen?: Planverband;
  /** More extraElementen after the gebeurtenis (and the plans), e.g. a partner's missed term (partners/termijnen.ts). */
  extra?: { naam: string; waarde: string }[];
}

/** The naam of the extraElement that carries each plan's identificatie in an enriched notification. */
export const VERRIJKING = { gezinsplan: 'gezinsplan', levensdomeinplan: 'levensdomeinplan' } as const satisfies Record<keyof Planverband, string>;

export type NotificatieSoort = 'notificeerOverZaak' | 'initieerNotificeerOverZaak';

/** SOAPActions exactly as in the RZS WSDL (rzs.md A4). */
export const RZS_ACTIE_BASIS = 'http://www.egem.nl/StUF/sector/rzs/0310/';

export interface VerzendSturing {
  zender: Systeem;
  ontvanger: Systeem;
  referentienummer: string;
  tijdstipBericht: string;
}

const waardeOfNil = (local: string, w: string | undefined) => (w ? zkn(local, w) : nilElement(NS.zkn, local, 'waardeOnbekend'));

export function notificatieBericht(soort: NotificatieSoort, n: Notificatie, sturing: VerzendSturing, zendendeApplicatieNaam: string): XElement {
  const rzs = (local: string, content: (XElement | undefined | false)[], attrs: XAttr[] = []) => el(NS.rzs, local, content, attrs);
  const extraElement = (naam: string, waarde: string) => el(NS.stuf, 'extraElement', waarde, [at('', 'naam', naam)]);
  const extra = [extraElement('gebeurtenis', n.gebeurtenis)];
  if (soort === 'initieerNotificeerOverZaak' && n.zendendeApplicatie) extra.push(extraElement(zendendeApplicatieNaam, n.zendendeApplicatie.applicatie));
  for (const plan of ['gezinsplan', 'levensdomeinplan'] as const) {
    const id = n.plannen?.[plan];
    if (id) extra.push(extraElement(VERRIJKING[plan], id));
  }
  for (const e of n.extra ?? []) extra.push(extraElement(e.naam, e.waarde));
  const s = n.status;
  const status = s && zkn('heeft', [
    zkn('gerelateerde', [
      s.zktCode !== undefined && zkn('zkt.code', s.zktCode),
      s.zktOmschrijving !== undefined && zkn('zkt.omschrijving', s.zktOmschrijving),
      s.volgnummer !== undefined && zkn('volgnummer', s.volgnummer),
      waardeOfNil('code', s.code),
      waardeOfNil('omschrijving', s.omschrijving),
      s.ingangsdatumObject ? zkn('ingangsdatumObject', s.ingangsdatumObject) : nilElement(NS.zkn, 'ingangsdatumObject', 'geenWaarde'),
    ], [entiteittype('STT')]),
    s.datumStatusGezet !== undefined && zkn('datumStatusGezet', s.datumStatusGezet),
  ], [entiteittype('ZAKSTT')]);
  return el(NS.rzs, `${soort}_Di01`, [
    rzs('stuurgegevens', [
      el(NS.stuf, 'berichtcode', 'Di01'),
      systeemElement('zender', sturing.zender),
      systeemElement('ontvanger', sturing.ontvanger),
      el(NS.stuf, 'referentienummer', sturing.referentienummer),
      el(NS.stuf, 'tijdstipBericht', sturing.tijdstipBericht),
      // The schema fixes functie to notificeerOverZaak for the initieer message too (rzs.md A5).
      el(NS.stuf, 'functie', 'notificeerOverZaak'),
    ]),
    rzs('object', [
      zkn('identificatie', n.zaak),
      el(NS.stuf, 'extraElementen', extra),
      zkn('isVan', [
        zkn('gerelateerde', [
          waardeOfNil('omschrijving', n.zaaktype.omschrijving),
          n.zaaktype.code !== undefined && zkn('code', n.zaaktype.code),
          n.zaaktype.ingangsdatumObject !== undefined && zkn('ingangsdatumObject', n.zaaktype.ingangsdatumObject),
        ], [entiteittype('ZKT')]),
      ], [entiteittype('ZAKZKT')]),
      status,
    ], [at(NS.stuf, 'functie', 'entiteit'), entiteittype('ZAK')]),
  ]);
}
