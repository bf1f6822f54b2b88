// The geefZaakstatus we put to a ketenpartner's ZDS services, in its dialect, and what we read from its answer:
// the current status of its zaak and the zaaktype that status names.
import { NS } from '../stuf/namespaces';
import { Afwijkingen } from '../stuf/entiteit';
import { Systeem, systeemElement } from '../stuf/stuurgegevens';
import { XAttr, XElement, at, child, children, el, isNil } from '../stuf/xml';
import { Dialect } from '../stuf/namespaces';
import { StatusBericht, leesStatus } from '../stuf/zaakKennisgeving';
import { nuTijdstip } from '../stuf/tijd';

export const STATUSVRAAG: Record<Dialect, { methode: string; root: { ns: string; local: string } }> = {
  zds12: { methode: 'geefZaakstatus_ZakLv01', root: { ns: NS.zds, local: 'geefZaakstatus_ZakLv01' } },
  zds11: { methode: 'geefZaakstatus_Lv01', root: { ns: NS.zkn, local: 'zakLv01' } },
};

const zkn = (local: string, inhoud?: string | (XElement | undefined | false)[], attrs: XAttr[] = []) => el(NS.zkn, local, inhoud, attrs);
const et = (waarde: string) => at(NS.stuf, 'entiteittype', waarde);
const nil = (local: string) => el(NS.zkn, local, undefined, [at(NS.xsi, 'nil', 'true')]);

/** geefZaakstatus for the current status only, with the statustype's zaaktype so that we learn it too. */
export function statusvraag(dialect: Dialect, identificatie: string, zender: Systeem, ontvanger: Systeem, referentienummer: string): XElement {
  const { root } = STATUSVRAAG[dialect];
  return el(root.ns, root.local, [
    zkn('stuurgegevens', [
      el(NS.stuf, 'berichtcode', 'Lv01'),
      systeemElement('zender', zender),
      systeemElement('ontvanger', ontvanger),
      el(NS.stuf, 'referentienummer', referentienummer),
      el(NS.stuf, 'tijdstipBericht', nuTijdstip()),
      el(NS.stuf, 'entiteittype', 'ZAK'),
    ]),
    zkn('parameters', [el(NS.stuf, 'sortering', '0'), el(NS.stuf, 'indicatorVervolgvraag', 'false')]),
    zkn('gelijk', [
      zkn('identificatie', identificatie),
      zkn('heeft', [zkn('indicatieLaatsteStatus', 'J')], [et('ZAKSTT')]),
    ], [et('ZAK')]),
    zkn('scope', [
      zkn('object', [
        nil('identificatie'),
        zkn('heeft', [
          zkn('gerelateerde', [nil('zkt.code'), nil('zkt.omschrijving'), nil('volgnummer'), nil('code'), nil('omschrijving')], [et('STT')]),
          nil('toelichting'),
          nil('datumStatusGezet'),
          nil('indicatieLaatsteStatus'),
        ], [et('ZAKSTT')]),
      ], [et('ZAK')]),
    ]),
  ]);
}

export interface Partnerstatus {
  status?: StatusBericht;
  zaaktype?: { code: string; omschrijving?: string };
}

const tekst = (e: XElement | undefined) => (e && !isNil(e) ? e.text.trim() : '') || undefined;

/**
 * The partner's La01 for one zaak: its current status (indicatieLaatsteStatus J, else the latest datumStatusGezet).
 * Undefined when the answer holds no object for the zaak: the partner does not know it.
 */
export function leesStatusantwoord(la01: XElement, identificatie: string): Partnerstatus | undefined {
  const object = children(child(la01, 'antwoord'), 'object').find((o) => tekst(child(o, 'identificatie')) === identificatie);
  if (!object) return undefined;
  const afw = new Afwijkingen(false);
  const statussen = children(object, 'heeft')
    .filter((h) => !isNil(h))
    .map((h) => ({ h, s: leesStatus({ naam: 'heeft', nil: false, element: h, pad: 'antwoord/object/heeft' }, afw, nuTijdstip) }))
    .filter((x): x is { h: XElement; s: StatusBericht } => x.s !== undefined);
  const laatste = statussen.find((x) => tekst(child(x.h, 'indicatieLaatsteStatus')) === 'J')
    ?? [...statussen].sort((a, b) => b.s.datumStatusGezet.utc.localeCompare(a.s.datumStatusGezet.utc))[0];
  const uit: Partnerstatus = {};
  if (laatste) uit.status = laatste.s;
  const stt = laatste && child(laatste.h, 'gerelateerde');
  const isVan = child(child(object, 'isVan'), 'gerelateerde');
  const code = laatste?.s.zktCode ?? tekst(child(isVan, 'code'));
  const omschrijving = tekst(child(stt, 'zkt.omschrijving')) ?? tekst(child(isVan, 'omschrijving'));
  // The mirror answers these later as its zaaktype: a value the schema cannot carry (code 10, omschrijving 80
  // characters) is not taken over, whatever the partner says.
  if (code && code.length <= 10) uit.zaaktype = { code, ...(omschrijving && omschrijving.length <= 80 ? { omschrijving } : {}) };
  return uit;
}
