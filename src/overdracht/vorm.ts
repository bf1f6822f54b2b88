// The two flavours of overdragenZaak (rzs.md A27): RZS, root and direct children in rzs0310, and ZDS 1.2, root in
// zds0120 with ZKN children. Below the object both carry the same ZKN content, so one message model writes either;
// the router forwards in the flavour the destination is configured for.
import { ACTION_BASE, NS } from '../stuf/namespaces';
import { entiteittype, waardeElement, zkn } from '../stuf/antwoordElementen';
import { Systeem, systeemElement } from '../stuf/stuurgegevens';
import { XElement, at, el } from '../stuf/xml';
import { RZS_ACTIE_BASIS } from '../notificaties/notificatieBericht';
import type { OverdrachtDialect } from '../store/overdrachten';
import type { Waarde } from '../domain/zaak';

export type Overdrachtbericht = 'Di01' | 'Du01';

export const ANTWOORDEN = ['Overdracht geaccepteerd', 'Overdracht geweigerd'] as const;
export type Overdrachtantwoord = (typeof ANTWOORDEN)[number];

/** The StUF-rule form of the RZS actions, which some clients send instead of the WSDL's (rzs.md A4). */
export const RZS_ACTIE_STUF = 'http://www.stufstandaarden.nl/koppelvlak/rzs0310/';

/** SOAPActions as the WSDLs give them: RZS names the Du01 after its operation bevestigOverdragenZaak. */
const ACTIES: Record<OverdrachtDialect, Record<Overdrachtbericht, string>> = {
  rzs: { Di01: `${RZS_ACTIE_BASIS}overdragenZaak`, Du01: `${RZS_ACTIE_BASIS}bevestigOverdragenZaak` },
  zds12: { Di01: `${ACTION_BASE.zds12}overdragenZaak_Di01`, Du01: `${ACTION_BASE.zds12}overdragenZaak_Du01` },
};

export const overdrachtActie = (d: OverdrachtDialect, b: Overdrachtbericht): string => ACTIES[d][b];

export const dialectVan = (root: XElement): OverdrachtDialect => (root.ns === NS.zds ? 'zds12' : 'rzs');

const rootNs = (d: OverdrachtDialect) => (d === 'rzs' ? NS.rzs : NS.zds);
const kindNs = (d: OverdrachtDialect) => (d === 'rzs' ? NS.rzs : NS.zkn);

/** The stuurgegevens of a handover message: the sender's own, passed on unchanged (only a readdressed ontvanger differs). */
export interface Overdrachtsturing {
  zender: Systeem;
  ontvanger: Systeem;
  referentienummer: string;
  tijdstipBericht: string;
  /** Du01: the referentienummer of the Di01 it answers. */
  crossRefnummer?: string;
}

export interface Zaaktypeverwijzing {
  code: string;
  omschrijving?: string;
  ingangsdatumObject?: Waarde;
}

/** What a Di01 says: hand this zaak of this zaaktype over, with free-text meldingen. */
export interface Opdracht {
  meldingen: string[];
  zaak: string;
  zaaktype: Zaaktypeverwijzing;
}

/** What a Du01 says: the backoffice's answer for the zaak, with free-text meldingen (e.g. the reason of a refusal). */
export interface Bevestiging {
  meldingen: string[];
  zaak: string;
  antwoord: Overdrachtantwoord;
}

function stuurgegevens(d: OverdrachtDialect, berichtcode: Overdrachtbericht, s: Overdrachtsturing): XElement {
  return el(kindNs(d), 'stuurgegevens', [
    el(NS.stuf, 'berichtcode', berichtcode),
    systeemElement('zender', s.zender),
    systeemElement('ontvanger', s.ontvanger),
    el(NS.stuf, 'referentienummer', s.referentienummer),
    el(NS.stuf, 'tijdstipBericht', s.tijdstipBericht),
    s.crossRefnummer !== undefined && el(NS.stuf, 'crossRefnummer', s.crossRefnummer),
    el(NS.stuf, 'functie', 'overdragenZaak'),
  ]);
}

const object = (d: OverdrachtDialect, inhoud: XElement[]) => el(kindNs(d), 'object', inhoud, [at(NS.stuf, 'functie', 'entiteit'), entiteittype('ZAK')]);

export function overdrachtDi01(d: OverdrachtDialect, s: Overdrachtsturing, o: Opdracht): XElement {
  const zt = o.zaaktype;
  return el(rootNs(d), 'overdragenZaak_Di01', [
    stuurgegevens(d, 'Di01', s),
    ...o.meldingen.map((m) => el(kindNs(d), 'melding', m)),
    object(d, [
      zkn('identificatie', o.zaak),
      // RZS allows several isVan, ZDS 1.2 exactly one: the one zaaktype of the zaak suits both.
      zkn('isVan', [
        zkn('gerelateerde', [zt.omschrijving !== undefined && zkn('omschrijving', zt.omschrijving), zkn('code', zt.code), zt.ingangsdatumObject && waardeElement(NS.zkn, 'ingangsdatumObject', zt.ingangsdatumObject)], [entiteittype('ZKT')]),
      ], [entiteittype('ZAKZKT')]),
    ]),
  ]);
}

export function overdrachtDu01(d: OverdrachtDialect, s: Overdrachtsturing, b: Bevestiging): XElement {
  return el(rootNs(d), 'overdragenZaak_Du01', [
    stuurgegevens(d, 'Du01', s),
    ...b.meldingen.map((m) => el(kindNs(d), 'melding', m)),
    object(d, [zkn('identificatie', b.zaak), zkn('antwoord', b.antwoord)]),
  ]);
}
