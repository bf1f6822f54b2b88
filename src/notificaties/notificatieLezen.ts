// Reading a Notificatie from an incoming initieerNotificeerOverZaak_Di01 (rzs.md §6.1), or a notificeerOverZaak_Di01
// of the same shape. What is read is sent on unchanged to subscribers, so every value is checked against the types
// of the schema here: a value the outgoing notificeerOverZaak could not carry is refused now, not at delivery.
import { NS } from '../stuf/namespaces';
import { StufFout, schemaFout } from '../stuf/fout';
import { Afwijkingen, checkEntiteittype, entiteittypeVan } from '../stuf/entiteit';
import { checkDatum, parseTijdstip } from '../stuf/tijd';
import { XElement, attr, isNil } from '../stuf/xml';
import type { Systeem } from '../stuf/stuurgegevens';
import { GEBEURTENISSEN, herkenGebeurtenis } from './gebeurtenis';
import type { Notificatie, NotificatieStatus } from './notificatieBericht';

export const NOTIFICATIE_ROOTS = ['initieerNotificeerOverZaak_Di01', 'notificeerOverZaak_Di01'] as const;

export interface LeesOpties {
  /** naam of the extraElement that carries the zendende applicatie (config notificaties.zendendeApplicatie). */
  zendendeApplicatieNaam: string;
  afw: Afwijkingen;
  /** Log notes that are not deviations (a trigger without zendende applicatie). */
  meldingen: string[];
}

const NAAM = { [NS.rzs]: 'RZS', [NS.zkn]: 'ZKN', [NS.stuf]: 'StUF' } as const;
const label = (ns: string) => NAAM[ns as keyof typeof NAAM] ?? `{${ns}}`;

/** The children of `e` with this local name in namespace `ns`; one in another namespace is a precise StUF055. */
function kinderen(e: XElement, ns: string, local: string, pad: string): XElement[] {
  const gevonden = e.children.filter((c) => c.local === local);
  const fout = gevonden.find((c) => c.ns !== ns);
  if (fout) throw schemaFout(`${pad}/${local} staat in namespace ${fout.ns || '(geen)'}; verwacht ${label(ns)} (${ns})`);
  return gevonden;
}

function eenKind(e: XElement, ns: string, local: string, pad: string, verplicht: true): XElement;
function eenKind(e: XElement, ns: string, local: string, pad: string, verplicht?: false): XElement | undefined;
function eenKind(e: XElement, ns: string, local: string, pad: string, verplicht = false): XElement | undefined {
  const k = kinderen(e, ns, local, pad);
  if (k.length === 0 && verplicht) throw schemaFout(`${pad}/${local} ontbreekt`);
  if (k.length > 1) throw schemaFout(`${pad}/${local} komt ${k.length} keer voor; het schema staat er één toe`);
  return k[0];
}

/** The text of an optional element; nil or empty is no value. */
function tekst(e: XElement | undefined): string | undefined {
  if (!e || isNil(e)) return undefined;
  const t = e.text.trim();
  return t === '' ? undefined : t;
}

function maxLengte(w: string | undefined, max: number, pad: string): string | undefined {
  if (w !== undefined && w.length > max) throw schemaFout(`${pad}: waarde is langer dan ${max} tekens`);
  return w;
}

function datum(e: XElement | undefined, pad: string, afw: Afwijkingen): string | undefined {
  const w = tekst(e);
  if (w === undefined) return undefined;
  const ind = attr(e!, NS.stuf, 'indOnvolledigeDatum');
  // An incomplete date would lose its indicator on the way to the subscriber; it is sent as unknown instead.
  if (ind !== undefined && ind !== 'V') {
    afw.meld(`${pad}: onvolledige datum (StUF:indOnvolledigeDatum ${ind}) wordt als onbekend doorgegeven`);
    return undefined;
  }
  return checkDatum(w, pad);
}

function leesZaaktype(object: XElement, pad: string, afw: Afwijkingen): Notificatie['zaaktype'] {
  const isVan = kinderen(object, NS.zkn, 'isVan', pad);
  if (isVan.length === 0) throw schemaFout(`${pad}/isVan ontbreekt: een notificatie noemt het zaaktype`);
  if (isVan.length > 1) afw.meld(`${pad}/isVan komt ${isVan.length} keer voor; RZS staat er één toe, de eerste telt`);
  const r = isVan[0];
  checkEntiteittype(r, 'ZAKZKT', `${pad}/isVan`, afw);
  const g = eenKind(r, NS.zkn, 'gerelateerde', `${pad}/isVan`, true);
  const gp = `${pad}/isVan/gerelateerde`;
  checkEntiteittype(g, 'ZKT', gp, afw);
  const zaaktype: Notificatie['zaaktype'] = {};
  const omschrijving = maxLengte(tekst(eenKind(g, NS.zkn, 'omschrijving', gp)), 80, `${gp}/omschrijving`);
  const code = maxLengte(tekst(eenKind(g, NS.zkn, 'code', gp)), 10, `${gp}/code`);
  const ingangsdatum = datum(eenKind(g, NS.zkn, 'ingangsdatumObject', gp), `${gp}/ingangsdatumObject`, afw);
  if (omschrijving !== undefined) zaaktype.omschrijving = omschrijving;
  if (code !== undefined) zaaktype.code = code;
  else afw.meld(`${gp}/code ontbreekt; alleen abonnementen op alle zaaktypen krijgen deze notificatie`);
  if (ingangsdatum !== undefined) zaaktype.ingangsdatumObject = ingangsdatum;
  return zaaktype;
}

function leesStatus(object: XElement, pad: string, afw: Afwijkingen): NotificatieStatus | undefined {
  const heeft = eenKind(object, NS.zkn, 'heeft', pad);
  if (!heeft || isNil(heeft)) return undefined;
  const hp = `${pad}/heeft`;
  const et = entiteittypeVan(heeft);
  if (et !== undefined && et !== 'ZAKSTT') throw schemaFout(`${hp}: StUF:entiteittype is '${et}', verwacht 'ZAKSTT'`);
  const s: NotificatieStatus = {};
  const g = eenKind(heeft, NS.zkn, 'gerelateerde', hp);
  if (g) {
    const gp = `${hp}/gerelateerde`;
    checkEntiteittype(g, 'STT', gp, afw);
    const veld = (local: string, max: number) => maxLengte(tekst(eenKind(g, NS.zkn, local, gp)), max, `${gp}/${local}`);
    const volgnummer = tekst(eenKind(g, NS.zkn, 'volgnummer', gp));
    if (volgnummer !== undefined && !/^0*[1-9]\d{0,3}$/.test(volgnummer)) throw schemaFout(`${gp}/volgnummer: '${volgnummer}' is geen volgnummer (1 tot 4 cijfers)`);
    const waarden: NotificatieStatus = {
      zktCode: veld('zkt.code', 10),
      zktOmschrijving: veld('zkt.omschrijving', 80),
      volgnummer,
      code: veld('code', 10),
      omschrijving: veld('omschrijving', 80),
      ingangsdatumObject: datum(eenKind(g, NS.zkn, 'ingangsdatumObject', gp), `${gp}/ingangsdatumObject`, afw),
    };
    for (const [k, w] of Object.entries(waarden)) if (w !== undefined) s[k as keyof NotificatieStatus] = w;
  }
  const gezet = tekst(eenKind(heeft, NS.zkn, 'datumStatusGezet', hp));
  if (gezet !== undefined) {
    parseTijdstip(gezet, `${hp}/datumStatusGezet`);
    s.datumStatusGezet = gezet;
  }
  // A heeft without anything in it says nothing about the status.
  return Object.keys(s).length ? s : undefined;
}

/** What the extraElementen say: the gebeurtenis (required, loosely spelled) and the zendende applicatie (rzs.md A6). */
function leesExtraElementen(object: XElement, pad: string, opties: LeesOpties): { gebeurtenis: Notificatie['gebeurtenis']; zender?: Systeem } {
  const extra = eenKind(object, NS.stuf, 'extraElementen', pad);
  const ep = `${pad}/extraElementen`;
  if (!extra) throw schemaFout(`${ep} ontbreekt: het extraElement gebeurtenis is verplicht`);
  const elementen = kinderen(extra, NS.stuf, 'extraElement', ep).map((e) => ({ naam: attr(e, '', 'naam') ?? '', waarde: tekst(e) }));
  const gebeurtenissen = elementen.filter((e) => e.naam === 'gebeurtenis' && e.waarde !== undefined);
  if (gebeurtenissen.length === 0) throw schemaFout(`${ep}/extraElement naam="gebeurtenis" ontbreekt of is leeg`);
  const tekstGebeurtenis = gebeurtenissen[0].waarde!;
  if (gebeurtenissen.length > 1) opties.afw.meld(`${ep}: ${gebeurtenissen.length} extraElementen gebeurtenis; de eerste ('${tekstGebeurtenis}') telt`);
  const gebeurtenis = herkenGebeurtenis(tekstGebeurtenis);
  if (!gebeurtenis) {
    // The sender's content, not our processing, is wrong: plek client, resending it unchanged cannot help (rzs.md A17).
    const bekend = GEBEURTENISSEN.map((g) => `'${g}'`).join(', ');
    throw new StufFout('StUF058', `Gebeurtenis '${tekstGebeurtenis.slice(0, 80)}' is onbekend; bekend zijn: ${bekend}`, 'client');
  }
  const zender = elementen.find(
    (e) => e.waarde !== undefined && (e.naam === opties.zendendeApplicatieNaam || (e.naam !== 'gebeurtenis' && /zend/i.test(e.naam))),
  );
  if (!zender) {
    opties.meldingen.push(`geen extraElement ${opties.zendendeApplicatieNaam}: de zendende applicatie is onbekend, dus niemand wordt overgeslagen`);
    return { gebeurtenis };
  }
  return { gebeurtenis, zender: { applicatie: zender.waarde! } };
}

/** The Notificatie in an initieerNotificeerOverZaak_Di01 (or notificeerOverZaak_Di01) root. */
export function leesNotificatie(root: XElement, opties: LeesOpties): Notificatie {
  if (root.ns !== NS.rzs || !(NOTIFICATIE_ROOTS as readonly string[]).includes(root.local)) {
    throw schemaFout(`{${root.ns}}${root.local} is geen RZS-notificatie; verwacht RZS:${NOTIFICATIE_ROOTS.join(' of RZS:')}`);
  }
  const object = eenKind(root, NS.rzs, 'object', root.local, true);
  const pad = 'object';
  if (attr(object, NS.stuf, 'functie') !== 'entiteit') opties.afw.meld(`${pad}: StUF:functie moet 'entiteit' zijn`);
  const et = entiteittypeVan(object);
  if (et !== undefined && et !== 'ZAK') throw schemaFout(`${pad}: StUF:entiteittype is '${et}', verwacht 'ZAK'`);
  const zaak = tekst(eenKind(object, NS.zkn, 'identificatie', pad));
  if (zaak === undefined) throw schemaFout(`${pad}/identificatie ontbreekt of is leeg: een notificatie gaat over één zaak`);
  if (zaak.length < 5 || zaak.length > 40) throw schemaFout(`${pad}/identificatie: een zaakidentificatie is 5 tot 40 tekens lang`);
  const { gebeurtenis, zender } = leesExtraElementen(object, pad, opties);
  const n: Notificatie = { zaak, zaaktype: leesZaaktype(object, pad, opties.afw), gebeurtenis };
  const status = leesStatus(object, pad, opties.afw);
  if (status) n.status = status;
  if (zender) n.zendendeApplicatie = zender;
  return n;
}
