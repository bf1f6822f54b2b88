// Stuurgegevens: read them from any message, and fill them for every answer as zds.md 3.4 prescribes.
import { randomUUID } from 'node:crypto';
import { NS } from './namespaces';
import { XElement, child, el } from './xml';
import { nuTijdstip } from './tijd';
import { zonderBsnVorm } from './fout';
import type { Afwijkingen } from './entiteit';

export interface Systeem {
  organisatie?: string;
  applicatie: string;
  administratie?: string;
  gebruiker?: string;
}

export interface Stuurgegevens {
  berichtcode?: string;
  zender?: Systeem;
  ontvanger?: Systeem;
  referentienummer?: string;
  tijdstipBericht?: string;
  crossRefnummer?: string;
  entiteittype?: string;
  functie?: string;
}

const tekst = (e: XElement | undefined) => (e ? e.text.trim() || undefined : undefined);

function leesSysteem(e: XElement | undefined): Systeem | undefined {
  if (!e) return undefined;
  const applicatie = tekst(child(e, 'applicatie'));
  const s: Systeem = { applicatie: applicatie ?? '' };
  const org = tekst(child(e, 'organisatie'));
  const adm = tekst(child(e, 'administratie'));
  const gbr = tekst(child(e, 'gebruiker'));
  if (org) s.organisatie = org;
  if (adm) s.administratie = adm;
  if (gbr) s.gebruiker = gbr;
  return s;
}

/** Reads the stuurgegevens child of a message root, whatever its namespace (ZKN, ZDS, StUF, RZS). */
export function leesStuurgegevens(root: XElement): Stuurgegevens {
  const sg = child(root, 'stuurgegevens');
  if (!sg) return {};
  return {
    berichtcode: tekst(child(sg, 'berichtcode')),
    zender: leesSysteem(child(sg, 'zender')),
    ontvanger: leesSysteem(child(sg, 'ontvanger')),
    referentienummer: tekst(child(sg, 'referentienummer')),
    tijdstipBericht: tekst(child(sg, 'tijdstipBericht')),
    crossRefnummer: tekst(child(sg, 'crossRefnummer')),
    entiteittype: tekst(child(sg, 'entiteittype')),
    functie: tekst(child(sg, 'functie')),
  };
}

/**
 * A message without stuurgegevens/berichtcode whose root already says what it is (creeerZaak_ZakLk01, zakLk01,
 * edcLk01, ..._Di02: its name ends in the code the operation expects): read as that code after a deviation
 * (lenient); refused in strict mode, as the schema requires berichtcode. Other stuurgegevens are returned as they are.
 */
export function berichtcodeUitRoot(sg: Stuurgegevens, root: XElement, verwacht: string, afw: Afwijkingen): Stuurgegevens {
  if (sg.berichtcode || !root.local.endsWith(verwacht)) return sg;
  afw.meld(`stuurgegevens/berichtcode ontbreekt; gelezen als ${verwacht}, dat de naam van het bericht al zegt`);
  return { ...sg, berichtcode: verwacht };
}

export function systeemElement(local: 'zender' | 'ontvanger', s: Systeem): XElement {
  const st = (l: string, v?: string) => (v ? el(NS.stuf, l, v) : undefined);
  return el(NS.stuf, local, [st('organisatie', s.organisatie), st('applicatie', s.applicatie), st('administratie', s.administratie), st('gebruiker', s.gebruiker)]);
}

export function nieuwReferentienummer(): string {
  return randomUUID();
}

/** Placeholder for a party we could not identify: Systeem/applicatie is mandatory in Fo03 and Bv03. */
export const ONBEKEND_SYSTEEM: Systeem = { applicatie: 'ONBEKEND' };

/** A party mirrored into an answer must itself be schema-valid, whatever the request carried. */
function schoonSysteem(s?: Systeem): Systeem | undefined {
  if (!s || s.applicatie.length < 3 || s.applicatie.length > 50) return undefined;
  const out: Systeem = { applicatie: s.applicatie };
  if (s.organisatie) out.organisatie = s.organisatie.slice(0, 200);
  if (s.administratie) out.administratie = s.administratie.slice(0, 50);
  if (s.gebruiker) out.gebruiker = s.gebruiker.slice(0, 100);
  return out;
}

export interface AntwoordSturing {
  berichtcode: string;
  entiteittype?: string;
  functie?: string;
  /** Bv03, Fo03 and Du01 need every party field, even when the request lacked them. */
  volledig?: boolean;
}

/**
 * Stuurgegevens of an answer: zender = the request's ontvanger (else our configured identity), ontvanger = the
 * request's zender, own referentienummer, now, crossRefnummer = the request's referentienummer.
 */
export function antwoordStuurgegevens(
  containerNs: string,
  verzoek: Stuurgegevens,
  eigen: Systeem,
  sturing: AntwoordSturing,
): XElement {
  const zender = schoonSysteem(verzoek.ontvanger) ?? eigen;
  const ontvanger = schoonSysteem(verzoek.zender) ?? (sturing.volledig ? ONBEKEND_SYSTEEM : undefined);
  const cross = verzoek.referentienummer ?? (sturing.volledig ? 'onbekend' : undefined);
  return el(containerNs, 'stuurgegevens', [
    el(NS.stuf, 'berichtcode', sturing.berichtcode),
    systeemElement('zender', zender),
    ontvanger && systeemElement('ontvanger', ontvanger),
    el(NS.stuf, 'referentienummer', nieuwReferentienummer()),
    el(NS.stuf, 'tijdstipBericht', nuTijdstip()),
    cross !== undefined && el(NS.stuf, 'crossRefnummer', cross.slice(0, 40)),
    sturing.entiteittype !== undefined && el(NS.stuf, 'entiteittype', sturing.entiteittype),
    sturing.functie !== undefined && el(NS.stuf, 'functie', sturing.functie),
  ]);
}

/** Bv02 and Fo02 may carry nothing but their berichtcode. */
export function kaleStuurgegevens(berichtcode: string): XElement {
  return el(NS.stuf, 'stuurgegevens', [el(NS.stuf, 'berichtcode', berichtcode)]);
}

/** Log-safe description of a party: identifiers of systems, never of persons. */
export function systeemLabel(s?: Systeem): string {
  if (!s) return '-';
  // A label is logged and quoted in faults: a BSN sent as an application name by mistake is not repeated.
  return zonderBsnVorm([s.organisatie, s.applicatie, s.administratie].filter(Boolean).join('/'));
}
