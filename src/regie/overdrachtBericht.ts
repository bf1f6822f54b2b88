// The kennisgeving that moves one plan to another regisseur: a ZDS 1.1 updateZaak (ZKN:zakLk01, mutatiesoort W) whose
// oud object names the current initiator and whose nieuw object names the new one, both with verwerkingssoort R
// (rzs.md §1.4: replace = the old relation ended, the new one added). Built with the one serializer, sent by the
// gateway itself (stuurgegevens/zender = its own identity, gebruiker = the operator).
import { envelope } from '../soap/envelope';
import { ACTION_BASE, NS } from '../stuf/namespaces';
import { Systeem, systeemElement } from '../stuf/stuurgegevens';
import { nuTijdstip } from '../stuf/tijd';
import { XElement, at, el } from '../stuf/xml';

/** The SOAPAction the verwerker dispatches on (ZDS 1.1). */
export const UPDATE_ZAAK_ACTIE = `${ACTION_BASE.zds11}updateZaak_Lk01`;

export interface Regisseur {
  identificatie: string;
  achternaam: string;
  /** Already a betrokkene in the store: named for identification only (I), else to be added (T). */
  bekend: boolean;
}

export interface Overdracht {
  plan: string;
  van: Regisseur;
  naar: Regisseur;
  zender: Systeem;
  ontvanger: Systeem;
  referentienummer: string;
}

function initiator(r: Regisseur): XElement {
  const medewerker = el(NS.zkn, 'medewerker', [el(NS.zkn, 'identificatie', r.identificatie), el(NS.zkn, 'achternaam', r.achternaam)], [
    at(NS.stuf, 'entiteittype', 'MDW'),
    at(NS.stuf, 'verwerkingssoort', r.bekend ? 'I' : 'T'),
  ]);
  return el(NS.zkn, 'heeftAlsInitiator', [el(NS.zkn, 'gerelateerde', [medewerker])], [at(NS.stuf, 'entiteittype', 'ZAKBTRINI'), at(NS.stuf, 'verwerkingssoort', 'R')]);
}

/** Only a relation changes: the object itself is named for identification (I). */
const object = (plan: string, r: Regisseur) =>
  el(NS.zkn, 'object', [el(NS.zkn, 'identificatie', plan), initiator(r)], [at(NS.stuf, 'entiteittype', 'ZAK'), at(NS.stuf, 'verwerkingssoort', 'I')]);

/** The SOAP 1.1 envelope with the updateZaak, as text: what the verwerker reads like any received message. */
export function overdrachtBericht(o: Overdracht): string {
  const stuurgegevens = el(NS.zkn, 'stuurgegevens', [
    el(NS.stuf, 'berichtcode', 'Lk01'),
    systeemElement('zender', o.zender),
    systeemElement('ontvanger', o.ontvanger),
    el(NS.stuf, 'referentienummer', o.referentienummer),
    el(NS.stuf, 'tijdstipBericht', nuTijdstip()),
    el(NS.stuf, 'entiteittype', 'ZAK'),
  ]);
  const parameters = el(NS.zkn, 'parameters', [el(NS.stuf, 'mutatiesoort', 'W'), el(NS.stuf, 'indicatorOvername', 'V')]);
  return envelope('1.1', el(NS.zkn, 'zakLk01', [stuurgegevens, parameters, object(o.plan, o.van), object(o.plan, o.naar)]));
}
