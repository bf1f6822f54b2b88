// The selection of a plain StUF-ZKN zakLv01 (ZAK-vraagSelectie in gelijk, vanaf and totEnMet) as a Zaakselectie for
// the store: the person query and the work queue. Only the criteria those need are supported; any other is refused,
// never ignored: StUF would let a provider skip an unsupported criterion with melding StUF0001, but skipping one here
// widens a search on persons.
import { NS } from './namespaces';
import { StufFout, schemaFout } from './fout';
import { Afwijkingen, checkEntiteittype } from './entiteit';
import { checkDatum, parseTijdstip } from './tijd';
import { XElement, attr, child, isNil } from './xml';
import { NOODTOEGANG_ELEMENTEN } from '../toegang/noodtoegang';
import type { Bereik, Zaakselectie } from '../store/zaakZoeken';

export const ONDERSTEUNDE_SELECTIE =
  "identificatie, heeftAlsInitiator/gerelateerde/identificatie (een natuurlijk persoon: '11' gevolgd door het BSN, of " +
  'het BSN; anders de identificatie van een medewerker), heeftBetrekkingOp/gerelateerde/identificatie (een BSN), ' +
  'heeftAlsUitvoerende/gerelateerde/identificatie (een medewerker of organisatorische eenheid), ' +
  'heeftBetrekkingOpAndere/gerelateerde/identificatie, isVan/gerelateerde/code, en als beperking einddatum ' +
  '(xsi:nil: alleen lopende zaken, of een datum), heeft/gerelateerde/code of volgnummer (de huidige status), ' +
  'vanaf/totEnMet op startdatum, registratiedatum en einddatum, en extraElement geenStatuswijzigingSinds';

/** The extraElement in gelijk that selects zaken whose status has not changed since a date or tijdstip. */
export const GEEN_STATUSWIJZIGING_SINDS = 'geenStatuswijzigingSinds';

/** StUF 3.01 has no foutcode for an unsupported selection; StUF058 says the provider cannot process this question. */
const nietOndersteund = (wat: string) =>
  new StufFout('StUF058', `${wat} wordt niet ondersteund in een zaakvraag (zakLv01); gelijk kan selecteren op ${ONDERSTEUNDE_SELECTIE}`);

/** A relation criterion: the relation element, its gerelateerde and the one element inside it we select on. */
interface Relatievorm {
  entiteittype: string;
  gerelateerde: string;
  veld: string;
}

const RELATIES: Record<string, Relatievorm> = {
  isVan: { entiteittype: 'ZAKZKT', gerelateerde: 'ZKT', veld: 'code' },
  heeftAlsInitiator: { entiteittype: 'ZAKBTRINI', gerelateerde: 'BTR', veld: 'identificatie' },
  heeftBetrekkingOp: { entiteittype: 'ZAKOBJ', gerelateerde: 'OBJ', veld: 'identificatie' },
  heeftBetrekkingOpAndere: { entiteittype: 'ZAKZAKBTR', gerelateerde: 'ZAK', veld: 'identificatie' },
  heeftAlsUitvoerende: { entiteittype: 'ZAKBTRUTV', gerelateerde: 'BTR', veld: 'identificatie' },
};

function waarde(e: XElement, pad: string): string {
  if (isNil(e)) throw nietOndersteund(`${pad} met xsi:nil (zaken zonder deze waarde)`);
  const w = e.text.trim();
  if (!w) throw schemaFout(`${pad} is leeg; geef een waarde of laat het element weg`);
  return w;
}

function relatieWaarde(e: XElement, vorm: Relatievorm, afw: Afwijkingen): string {
  const pad = `gelijk/${e.local}`;
  if (isNil(e)) throw nietOndersteund(`${pad} met xsi:nil (zaken zonder deze relatie)`);
  checkEntiteittype(e, vorm.entiteittype, pad, afw);
  const anders = e.children.find((c) => c.local !== 'gerelateerde');
  if (anders) throw nietOndersteund(`${pad}/${anders.local}`);
  const g = child(e, 'gerelateerde');
  if (!g) throw schemaFout(`${pad}/gerelateerde ontbreekt`);
  if (isNil(g)) throw nietOndersteund(`${pad}/gerelateerde met xsi:nil`);
  checkEntiteittype(g, vorm.gerelateerde, `${pad}/gerelateerde`, afw);
  const overig = g.children.find((c) => c.local !== vorm.veld);
  if (overig) throw nietOndersteund(`${pad}/gerelateerde/${overig.local}`);
  const veld = child(g, vorm.veld);
  if (!veld) throw schemaFout(`${pad}/gerelateerde bevat geen ${vorm.veld}; selecteer op ${pad}/gerelateerde/${vorm.veld}`);
  return waarde(veld, `${pad}/gerelateerde/${vorm.veld}`);
}

/**
 * The BSN in a betrokkene identificatie, if it is one. Consumers of the person query (zds.md A8) prefix it with "11",
 * the code for a natural person; a bare BSN (nine digits) is accepted too. Any other identificatie names a medewerker.
 */
function bsnOfUndefined(identificatie: string): string | undefined {
  if (/^11\d{9}$/.test(identificatie)) return identificatie.slice(2);
  if (/^\d{9}$/.test(identificatie)) return identificatie;
  return undefined;
}

/** The BSN in an object identificatie; the value itself stays out of the details: they are logged. */
function bsnUit(identificatie: string, pad: string): string {
  const bsn = bsnOfUndefined(identificatie);
  if (bsn !== undefined) return bsn;
  throw nietOndersteund(
    `${pad} van ${identificatie.length} tekens is geen natuurlijk persoon ('11' gevolgd door het BSN, 11 cijfers, of het BSN, 9 cijfers); zoeken op andere betrokkenen of objecten`,
  );
}

/**
 * gelijk/heeft: the current status, by its statustype's code and/or volgnummer. indicatieLaatsteStatus may say J;
 * a selection on earlier statuses (N) is not supported.
 */
function huidigeStatus(e: XElement, afw: Afwijkingen): NonNullable<Zaakselectie['huidigeStatus']> {
  const pad = 'gelijk/heeft';
  if (isNil(e)) throw nietOndersteund(`${pad} met xsi:nil (zaken zonder status)`);
  checkEntiteittype(e, 'ZAKSTT', pad, afw);
  const uit: NonNullable<Zaakselectie['huidigeStatus']> = {};
  for (const c of e.children) {
    if (c.local === 'indicatieLaatsteStatus') {
      if (isNil(c) || c.text.trim() !== 'J') throw nietOndersteund(`${pad}/indicatieLaatsteStatus anders dan J (een selectie op eerdere statussen)`);
      continue;
    }
    if (c.local !== 'gerelateerde') throw nietOndersteund(`${pad}/${c.local}`);
    if (isNil(c)) throw nietOndersteund(`${pad}/gerelateerde met xsi:nil`);
    checkEntiteittype(c, 'STT', `${pad}/gerelateerde`, afw);
    for (const v of c.children) {
      if (v.local === 'code') uit.code = waarde(v, `${pad}/gerelateerde/code`);
      else if (v.local === 'volgnummer') {
        uit.volgnummer = waarde(v, `${pad}/gerelateerde/volgnummer`);
        if (!/^\d{1,4}$/.test(uit.volgnummer)) throw schemaFout(`${pad}/gerelateerde/volgnummer is geen volgnummer (1 tot 4 cijfers)`);
      } else throw nietOndersteund(`${pad}/gerelateerde/${v.local}`);
    }
  }
  if (uit.code === undefined && uit.volgnummer === undefined) throw schemaFout(`${pad} selecteert op gerelateerde/code of gerelateerde/volgnummer (de huidige status); geef een van beide`);
  return uit;
}

/** gelijk/extraElementen: an emergency reason (toegang/noodtoegang.ts) or geenStatuswijzigingSinds. */
function extraElementen(e: XElement, s: Zaakselectie): void {
  for (const x of e.children) {
    const naam = attr(x, '', 'naam') ?? '';
    if (NOODTOEGANG_ELEMENTEN.has(naam)) continue;
    if (naam !== GEEN_STATUSWIJZIGING_SINDS) throw nietOndersteund(`gelijk/extraElementen/extraElement naam="${naam.slice(0, 40)}"`);
    if (s.geenStatuswijzigingSinds !== undefined) throw schemaFout(`gelijk/extraElement ${naam} komt meer dan eens voor`);
    s.geenStatuswijzigingSinds = parseTijdstip(waarde(x, `gelijk/extraElement ${naam}`), `gelijk/extraElement ${naam}`).utc;
  }
}

const BEREIK_VELDEN = { startdatum: 'startdatum', registratiedatum: 'registratiedatum', einddatum: 'einddatumBereik' } as const;

/** vanaf (≥) or totEnMet (≤): dates only, on startdatum, registratiedatum or einddatum. */
function leesBereik(e: XElement, kant: keyof Bereik, s: Zaakselectie, afw: Afwijkingen): void {
  const bereik = kant === 'vanaf' ? 'vanaf' : 'totEnMet';
  checkEntiteittype(e, 'ZAK', bereik, afw);
  for (const c of e.children) {
    const veld = c.ns === NS.zkn ? BEREIK_VELDEN[c.local as keyof typeof BEREIK_VELDEN] : undefined;
    if (!veld) throw nietOndersteund(`${bereik}/${c.local}`);
    const pad = `${bereik}/${c.local}`;
    const b: Bereik = (s[veld] ??= {});
    if (b[kant] !== undefined) throw schemaFout(`${pad} komt meer dan eens voor`);
    b[kant] = checkDatum(waarde(c, pad), pad);
  }
}

function einddatum(e: XElement): Zaakselectie['einddatum'] {
  // Any nil means "no einddatum": consumers send geenWaarde, some waardeOnbekend; both ask for the open zaken.
  if (isNil(e)) return 'open';
  return { datum: checkDatum(waarde(e, 'gelijk/einddatum'), 'gelijk/einddatum', attr(e, NS.stuf, 'indOnvolledigeDatum')) };
}

/** Reads vanaf/totEnMet/gelijk of a zakLv01 into a Zaakselectie; refuses what it cannot select on. */
export function leesZaakselectie(root: XElement, afw: Afwijkingen): Zaakselectie {
  const gelijk = child(root, 'gelijk');
  if (!gelijk) throw new StufFout('StUF058', `gelijk ontbreekt: deze gateway geeft geen lijst van alle zaken; selecteer op ${ONDERSTEUNDE_SELECTIE}`);
  checkEntiteittype(gelijk, 'ZAK', 'gelijk', afw);
  const s: Zaakselectie = {};
  const vanaf = child(root, 'vanaf');
  if (vanaf) leesBereik(vanaf, 'vanaf', s, afw);
  const totEnMet = child(root, 'totEnMet');
  if (totEnMet) leesBereik(totEnMet, 'totEnMet', s, afw);
  const gezien = new Set<string>();
  for (const c of gelijk.children) {
    if (c.ns === NS.stuf && c.local === 'extraElementen') {
      extraElementen(c, s);
      continue;
    }
    if (c.ns !== NS.zkn) throw nietOndersteund(`gelijk/${c.local}`);
    if (gezien.has(c.local)) throw schemaFout(`gelijk/${c.local} komt meer dan eens voor; ZAK-vraagSelectie staat het één keer toe`);
    gezien.add(c.local);
    switch (c.local) {
      case 'identificatie':
        s.identificatie = waarde(c, 'gelijk/identificatie');
        break;
      case 'einddatum':
        s.einddatum = einddatum(c);
        break;
      case 'isVan':
        s.zaaktypeCode = relatieWaarde(c, RELATIES.isVan, afw);
        break;
      case 'heeftAlsInitiator': {
        const id = relatieWaarde(c, RELATIES.heeftAlsInitiator, afw);
        const bsn = bsnOfUndefined(id);
        if (bsn !== undefined) s.initiatorBsn = bsn;
        else s.initiatorMedewerker = id;
        break;
      }
      case 'heeftAlsUitvoerende':
        s.uitvoerende = relatieWaarde(c, RELATIES.heeftAlsUitvoerende, afw);
        break;
      case 'heeft':
        s.huidigeStatus = huidigeStatus(c, afw);
        break;
      case 'heeftBetrekkingOp':
        s.objectBsn = bsnUit(relatieWaarde(c, RELATIES.heeftBetrekkingOp, afw), 'gelijk/heeftBetrekkingOp/gerelateerde/identificatie');
        break;
      case 'heeftBetrekkingOpAndere':
        s.betrekkingOpAndere = relatieWaarde(c, RELATIES.heeftBetrekkingOpAndere, afw);
        break;
      default:
        throw nietOndersteund(`gelijk/${c.local}`);
    }
  }
  return s;
}
