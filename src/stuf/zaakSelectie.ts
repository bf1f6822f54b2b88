// The selection of a plain StUF-ZKN zakLv01 (ZAK-vraagSelectie in gelijk) as a Zaakselectie for the store. Only
// the criteria the person query needs are supported; any other is refused, never ignored: StUF would let a provider
// skip an unsupported criterion with melding StUF0001, but skipping one here widens a search on persons.
import { NS } from './namespaces';
import { StufFout, schemaFout } from './fout';
import { Afwijkingen, checkEntiteittype } from './entiteit';
import { checkDatum } from './tijd';
import { XElement, attr, child, isNil } from './xml';
import type { Zaakselectie } from '../store/zaakZoeken';

export const ONDERSTEUNDE_SELECTIE =
  'identificatie, heeftAlsInitiator/gerelateerde/identificatie en heeftBetrekkingOp/gerelateerde/identificatie ' +
  "(een natuurlijk persoon: '11' gevolgd door het BSN, of het BSN), heeftBetrekkingOpAndere/gerelateerde/identificatie, " +
  'isVan/gerelateerde/code, en als beperking einddatum (xsi:nil: alleen lopende zaken, of een datum)';

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
 * The BSN in a betrokkene or object identificatie. Consumers of the person query (zds.md A8) prefix it with "11", the
 * code for a natural person; a bare BSN is accepted too. The value itself stays out of the details: they are logged.
 */
function bsnUit(identificatie: string, pad: string): string {
  if (/^11\d{9}$/.test(identificatie)) return identificatie.slice(2);
  if (/^\d{9}$/.test(identificatie)) return identificatie;
  throw nietOndersteund(
    `${pad} van ${identificatie.length} tekens is geen natuurlijk persoon ('11' gevolgd door het BSN, 11 cijfers, of het BSN, 9 cijfers); zoeken op andere betrokkenen of objecten`,
  );
}

function einddatum(e: XElement): Zaakselectie['einddatum'] {
  // Any nil means "no einddatum": consumers send geenWaarde, some waardeOnbekend; both ask for the open zaken.
  if (isNil(e)) return 'open';
  return { datum: checkDatum(waarde(e, 'gelijk/einddatum'), 'gelijk/einddatum', attr(e, NS.stuf, 'indOnvolledigeDatum')) };
}

/** Reads vanaf/totEnMet/gelijk of a zakLv01 into a Zaakselectie; refuses what it cannot select on. */
export function leesZaakselectie(root: XElement, afw: Afwijkingen): Zaakselectie {
  for (const bereik of ['vanaf', 'totEnMet']) {
    if (child(root, bereik)) throw nietOndersteund(`Selectie met ${bereik} (een bereik)`);
  }
  const gelijk = child(root, 'gelijk');
  if (!gelijk) throw new StufFout('StUF058', `gelijk ontbreekt: deze gateway geeft geen lijst van alle zaken; selecteer op ${ONDERSTEUNDE_SELECTIE}`);
  checkEntiteittype(gelijk, 'ZAK', 'gelijk', afw);
  const s: Zaakselectie = {};
  const gezien = new Set<string>();
  for (const c of gelijk.children) {
    // extraElementen carry an emergency reason (toegang/noodtoegang.ts), never a criterion.
    if (c.ns === NS.stuf && c.local === 'extraElementen') continue;
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
      case 'heeftAlsInitiator':
        s.initiatorBsn = bsnUit(relatieWaarde(c, RELATIES.heeftAlsInitiator, afw), 'gelijk/heeftAlsInitiator/gerelateerde/identificatie');
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
