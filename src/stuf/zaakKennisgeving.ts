// Decoding the ZAK object of a zakLk01 (ZDS 1.1 and 1.2 alike) into what it says: which attributes it sets or
// clears, and which relations it adds, changes, ends or removes (by verwerkingssoort).
import { NS } from './namespaces';
import { schemaFout } from './fout';
import { Afwijkingen, Verwerkingssoort, alsOpgeslagen, checkEntiteittype, leesVerwerkingssoort, leesWaarde } from './entiteit';
import { parseTijdstip } from './tijd';
import { betrokkeneVeld } from './betrokkeneVelden';
import { XElement, attr, child, children, isNil } from './xml';
import {
  BETROKKENE_SOORTEN, Betrokkene, BetrokkeneElement, ExtraElement, Kenmerk, ROLSOORTEN, Rolsoort, Status, Waarde,
  ZAAKRELATIE_SOORTEN, ZAAK_ATTRIBUTEN, ZAAK_GROEPEN, ZaakAttribuut, ZaakGroep, Zaakobject, Zaakrelatie, ZaakrelatieSoort,
} from '../domain/zaak';

export interface RelatieElement {
  naam: string;
  verwerkingssoort?: Verwerkingssoort;
  nil: boolean;
  element: XElement;
  pad: string;
}

export interface ZaakBericht {
  verwerkingssoort?: Verwerkingssoort;
  identificatie?: string;
  /** Present attributes: a value to set, or null to clear. */
  attributen: Map<ZaakAttribuut, Waarde | null>;
  groepen: Map<ZaakGroep, Map<string, Waarde | null> | null>;
  kenmerken?: Kenmerk[] | null;
  anderZaakObjecten?: XElement[] | null;
  extraElementen?: ExtraElement[];
  zaaktype?: { code?: string; omschrijving?: string; verwerkingssoort?: Verwerkingssoort };
  relaties: RelatieElement[];
}

const ATTRIBUUT_SPEC = new Map(ZAAK_ATTRIBUTEN.map((s) => [s.naam as string, s]));
export const RELATIE_NAMEN = new Set<string>([
  'heeftBetrekkingOp', ...Object.keys(ROLSOORTEN), ...Object.keys(ZAAKRELATIE_SOORTEN), 'heeft', 'leidtTot', 'heeftRelevant',
]);
const GENEGEERD = new Set(['tijdvakGeldigheid', 'tijdstipRegistratie']);

export function leesExtraElementen(e: XElement): ExtraElement[] {
  return children(e, 'extraElement').map((x) => ({ naam: attr(x, '', 'naam') ?? '', waarde: isNil(x) ? null : x.text }));
}

/** Decodes one ZKN:object with entiteittype ZAK. */
export function leesZaakObject(obj: XElement, pad: string, afw: Afwijkingen): ZaakBericht {
  checkEntiteittype(obj, 'ZAK', pad, afw);
  const bericht: ZaakBericht = {
    verwerkingssoort: leesVerwerkingssoort(obj, pad, afw),
    attributen: new Map(),
    groepen: new Map(),
    relaties: [],
  };
  for (const c of obj.children) {
    const cpad = `${pad}/${c.local}`;
    const spec = ATTRIBUUT_SPEC.get(c.local);
    if (c.local === 'identificatie') {
      bericht.identificatie = c.text.trim() || undefined;
    } else if (spec) {
      bericht.attributen.set(spec.naam, leesWaarde(c, spec, cpad, afw));
    } else if (c.local in ZAAK_GROEPEN) {
      bericht.groepen.set(c.local as ZaakGroep, isNil(c) ? null : leesGroep(c, c.local as ZaakGroep, cpad, afw));
    } else if (c.local === 'kenmerk') {
      if (isNil(c)) bericht.kenmerken = null;
      else (bericht.kenmerken ??= []).push(leesKenmerk(c, cpad, afw));
    } else if (c.local === 'anderZaakObject') {
      if (isNil(c)) bericht.anderZaakObjecten = null;
      else (bericht.anderZaakObjecten ??= []).push(alsOpgeslagen(c));
    } else if (c.local === 'extraElementen') {
      bericht.extraElementen = [...(bericht.extraElementen ?? []), ...leesExtraElementen(c)];
    } else if (c.local === 'isVan') {
      bericht.zaaktype = leesIsVan(c, cpad, afw);
    } else if (RELATIE_NAMEN.has(c.local)) {
      bericht.relaties.push({ naam: c.local, verwerkingssoort: leesVerwerkingssoort(c, cpad, afw), nil: isNil(c), element: c, pad: cpad });
    } else if (!GENEGEERD.has(c.local)) {
      afw.meld(`${cpad}: element onbekend in een ZAK-kennisgeving; genegeerd`);
    }
  }
  return bericht;
}

function leesGroep(e: XElement, groep: ZaakGroep, pad: string, afw: Afwijkingen): Map<string, Waarde | null> {
  const velden = new Map<string, Waarde | null>();
  for (const c of e.children) {
    const spec = ZAAK_GROEPEN[groep].find((s) => s.naam === c.local);
    if (!spec) afw.meld(`${pad}/${c.local}: element onbekend in groep ${groep}; genegeerd`);
    else velden.set(spec.naam, leesWaarde(c, spec, `${pad}/${c.local}`, afw));
  }
  return velden;
}

function leesKenmerk(e: XElement, pad: string, afw: Afwijkingen): Kenmerk {
  const kenmerk = leesWaarde(child(e, 'kenmerk') ?? e, { naam: 'kenmerk', soort: 'tekst', max: 40 }, `${pad}/kenmerk`, afw);
  const bron = leesWaarde(child(e, 'bron') ?? e, { naam: 'bron', soort: 'tekst', max: 40 }, `${pad}/bron`, afw);
  if (!kenmerk || !bron) throw schemaFout(`${pad}: kenmerk en bron zijn allebei verplicht`);
  return { kenmerk: kenmerk.w, bron: bron.w };
}

function leesIsVan(e: XElement, pad: string, afw: Afwijkingen): ZaakBericht['zaaktype'] {
  checkEntiteittype(e, 'ZAKZKT', pad, afw);
  const g = child(e, 'gerelateerde');
  if (!g) {
    if (!isNil(e)) afw.meld(`${pad}: isVan zonder gerelateerde`);
    return undefined;
  }
  checkEntiteittype(g, 'ZKT', `${pad}/gerelateerde`, afw);
  const code = child(g, 'code')?.text.trim() || undefined;
  const omschrijving = child(g, 'omschrijving')?.text.trim() || undefined;
  if (code && code.length > 10) throw schemaFout(`${pad}/gerelateerde/code: zaaktypecode is langer dan 10 tekens`);
  if (omschrijving && omschrijving.length > 80) throw schemaFout(`${pad}/gerelateerde/omschrijving: langer dan 80 tekens`);
  return { code, omschrijving, verwerkingssoort: verwerkingssoortOf(e) };
}

const verwerkingssoortOf = (e: XElement) => attr(e, NS.stuf, 'verwerkingssoort') as Verwerkingssoort | undefined;

// ---- relations ----------------------------------------------------------------------------------------------

/** The betrokkene inside a gerelateerde (natuurlijkPersoon, vestiging, medewerker, ...). */
export function leesBetrokkene(e: XElement, pad: string, afw: Afwijkingen): Betrokkene {
  const soort = BETROKKENE_SOORTEN[e.local as BetrokkeneElement];
  checkEntiteittype(e, soort, pad, afw);
  const vs = verwerkingssoortOf(e);
  if (vs === 'W' || vs === 'V' || vs === 'E') afw.meld(`${pad}: een gerelateerde wordt niet via een relatie gewijzigd (verwerkingssoort ${vs}); gelezen als I`);
  const veld = (l: string) => child(e, l)?.text.trim() || undefined;
  // Every field, keys included, is checked against its schema type before anything is derived from it.
  for (const c of e.children) {
    const spec = betrokkeneVeld(soort, c.local);
    if (spec && !isNil(c)) leesWaarde(c, spec, `${pad}/${c.local}`, afw);
  }
  const b: Betrokkene = { soort, velden: e.children.filter((c) => !isNil(c)).map(alsOpgeslagen) };
  switch (soort) {
    case 'NPS': {
      const bsn = veld('inp.bsn');
      if (bsn) {
        b.bsn = bsn;
        b.sleutel = bsn;
      } else if (veld('anp.identificatie')) b.sleutel = `anp:${veld('anp.identificatie')}`;
      break;
    }
    case 'NNP':
      if (veld('inn.nnpId')) b.sleutel = veld('inn.nnpId');
      else if (veld('ann.identificatie')) b.sleutel = `ann:${veld('ann.identificatie')}`;
      break;
    case 'VES':
      b.sleutel = veld('vestigingsNummer');
      break;
    case 'MDW':
    case 'OEH':
      b.sleutel = veld('identificatie');
      break;
  }
  if (b.sleutel === undefined) afw.meld(`${pad}: ${e.local} zonder identificerend gegeven; opgeslagen als nieuwe betrokkene`);
  return b;
}

function gerelateerdeKind(rel: RelatieElement, afw: Afwijkingen): XElement | undefined {
  const g = child(rel.element, 'gerelateerde');
  if (!g) {
    afw.meld(`${rel.pad}: relatie zonder gerelateerde`);
    return undefined;
  }
  if (g.children.length !== 1) throw schemaFout(`${rel.pad}/gerelateerde: moet precies één object bevatten, gevonden ${g.children.length}`);
  return g.children[0];
}

/** Relation children besides gerelateerde, as stored. */
const relatieVelden = (rel: RelatieElement) => rel.element.children.filter((c) => c.local !== 'gerelateerde' && !isNil(c)).map(alsOpgeslagen);

export function leesRol(rel: RelatieElement, afw: Afwijkingen): { rolsoort: Rolsoort; betrokkene: Betrokkene; velden: XElement[] } | undefined {
  const rolsoort = rel.naam as Rolsoort;
  checkEntiteittype(rel.element, ROLSOORTEN[rolsoort], rel.pad, afw);
  const kind = gerelateerdeKind(rel, afw);
  if (!kind) return undefined;
  if (!(kind.local in BETROKKENE_SOORTEN)) throw schemaFout(`${rel.pad}/gerelateerde/${kind.local}: geen betrokkene (verwacht natuurlijkPersoon, nietNatuurlijkPersoon, vestiging, medewerker of organisatorischeEenheid)`);
  return { rolsoort, betrokkene: leesBetrokkene(kind, `${rel.pad}/gerelateerde/${kind.local}`, afw), velden: relatieVelden(rel) };
}

export function leesZaakobject(rel: RelatieElement, afw: Afwijkingen): Zaakobject | undefined {
  checkEntiteittype(rel.element, 'ZAKOBJ', rel.pad, afw);
  const kind = gerelateerdeKind(rel, afw);
  if (!kind) return undefined;
  const o: Zaakobject = { objecttype: kind.local, velden: relatieVelden(rel) };
  if (kind.local in BETROKKENE_SOORTEN) o.betrokkene = leesBetrokkene(kind, `${rel.pad}/gerelateerde/${kind.local}`, afw);
  else o.object = alsOpgeslagen(kind);
  return o;
}

export function leesZaakrelatie(rel: RelatieElement, afw: Afwijkingen): Zaakrelatie | undefined {
  const soort = rel.naam as ZaakrelatieSoort;
  checkEntiteittype(rel.element, ZAAKRELATIE_SOORTEN[soort], rel.pad, afw);
  const g = child(rel.element, 'gerelateerde');
  if (!g) {
    afw.meld(`${rel.pad}: relatie zonder gerelateerde`);
    return undefined;
  }
  checkEntiteittype(g, 'ZAK', `${rel.pad}/gerelateerde`, afw);
  const id = child(g, 'identificatie')?.text.trim();
  if (!id) throw schemaFout(`${rel.pad}/gerelateerde/identificatie: de identificatie van de andere zaak ontbreekt`);
  return {
    soort,
    andereIdentificatie: id,
    gerelateerde: g.children.filter((c) => c.local !== 'identificatie' && !isNil(c)).map(alsOpgeslagen),
    velden: relatieVelden(rel),
  };
}

export interface StatusBericht extends Status {
  zktCode?: string;
}

/** A `heeft` relation (ZAKSTT): the status with its statustype kerngegevens. */
export function leesStatus(rel: RelatieElement, afw: Afwijkingen, nu: () => string): StatusBericht | undefined {
  checkEntiteittype(rel.element, 'ZAKSTT', rel.pad, afw);
  const g = child(rel.element, 'gerelateerde');
  if (!g) {
    afw.meld(`${rel.pad}: status zonder gerelateerde (statustype)`);
    return undefined;
  }
  checkEntiteittype(g, 'STT', `${rel.pad}/gerelateerde`, afw);
  const tekst = (e: XElement | undefined, l: string) => (e && !isNil(e) ? e.text.trim() : '') || undefined;
  const volgnummerTekst = tekst(child(g, 'volgnummer'), 'volgnummer');
  let volgnummer: number | undefined;
  if (volgnummerTekst !== undefined) {
    if (!/^\d{1,4}$/.test(volgnummerTekst) || Number(volgnummerTekst) < 1) throw schemaFout(`${rel.pad}/gerelateerde/volgnummer: '${volgnummerTekst}' is geen volgnummer (1-9999)`);
    volgnummer = Number(volgnummerTekst);
  }
  const omschrijving = tekst(child(g, 'omschrijving'), 'omschrijving');
  if (volgnummer === undefined && omschrijving === undefined) {
    throw schemaFout(`${rel.pad}/gerelateerde: statustype zonder volgnummer en omschrijving`);
  }
  const datumEl = child(rel.element, 'datumStatusGezet');
  let datumStatusGezet;
  if (datumEl && !isNil(datumEl) && datumEl.text.trim()) datumStatusGezet = parseTijdstip(datumEl.text, `${rel.pad}/datumStatusGezet`);
  else {
    afw.meld(`${rel.pad}/datumStatusGezet ontbreekt; het tijdstip van ontvangst is gebruikt`);
    datumStatusGezet = parseTijdstip(nu(), 'nu');
  }
  const toelichting = tekst(child(rel.element, 'toelichting'), 'toelichting');
  if (toelichting && toelichting.length > 1000) throw schemaFout(`${rel.pad}/toelichting: langer dan 1000 tekens`);
  const gezetDoor = child(rel.element, 'isGezetDoor');
  const s: StatusBericht = {
    volgnummer: volgnummer ?? 0,
    datumStatusGezet,
    statustype: g.children.filter((c) => !isNil(c)).map(alsOpgeslagen),
    extra: [],
  };
  if (omschrijving) s.omschrijving = omschrijving;
  const code = tekst(child(g, 'code'), 'code');
  if (code) s.code = code;
  const zktCode = tekst(child(g, 'zkt.code'), 'zkt.code');
  if (zktCode) s.zktCode = zktCode;
  if (toelichting) s.toelichting = toelichting;
  if (gezetDoor && !isNil(gezetDoor)) s.gezetDoor = alsOpgeslagen(gezetDoor);
  return s;
}

/** The end date a relation carries in StUF:tijdvakRelatie/eindRelatie, if any. */
export function eindRelatie(rel: RelatieElement): string | undefined {
  const eind = child(child(rel.element, 'tijdvakRelatie'), 'eindRelatie');
  return eind && !isNil(eind) ? eind.text.trim() || undefined : undefined;
}
