// Decoding the ZAK object of a zakLk01 (ZDS 1.1 and 1.2 alike) into what it says: which attributes it sets or
// clears, and which relations it adds, changes, ends or removes (by verwerkingssoort).
import { NS } from './namespaces';
import { schemaFout } from './fout';
import { Afwijkingen, Verwerkingssoort, canoniekGeheel, checkEntiteittype, leesVerwerkingssoort, leesWaarde, relatieZonderWaarde, zonderWaarde } from './entiteit';
import { parseTijdstip } from './tijd';
import { BETROKKENE_VORM } from './betrokkeneVelden';
import {
  ANDERE_ZAAK_VORM, ANDER_ZAAKOBJECT, GEZET_DOOR, KENMERK, OBJ_VORM, ROL_VORM, STATUSTYPE_VORM, ZAAK_GROEP_VORMEN, ZAKZAK_VORM,
} from './relatieVelden';
import { EXTRA_ELEMENTEN, Vorm, leesGroep, naamVanNs, opschonen, opschonenElement } from './schemaVorm';
import { leesObject } from './objectVorm';
import { XElement, attr, child, isNil } from './xml';
import {
  BETROKKENE_SOORTEN, Betrokkene, BetrokkeneElement, ExtraElement, Kenmerk, ROLSOORTEN, Rolsoort, STATUSTYPE_VOLGNUMMER, Status, Waarde,
  ZAAKRELATIE_SOORTEN, ZAAK_ATTRIBUTEN, ZAAK_GROEPEN, ZaakAttribuut, ZaakGroep, Zaakobject, Zaakrelatie, ZaakrelatieSoort,
} from '../domain/zaak';

export interface RelatieElement {
  naam: string;
  verwerkingssoort?: Verwerkingssoort;
  /** Names nothing: sent nil, or its gerelateerde nil or without a value (entiteit.ts relatieZonderWaarde). */
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
/** The entiteittype the gerelateerde of a relation must carry; a betrokkene or zaakobject gerelateerde carries none. */
const GERELATEERDE_ET: Record<string, string | undefined> = {
  heeftAlsDeelzaak: 'ZAK', heeftBetrekkingOpAndere: 'ZAK', heeft: 'STT', leidtTot: 'BSL', heeftRelevant: 'EDC',
};
/** StUF elements of a ZAK-kennisgeving; everything else in it is ZKN (also in ZDS 1.2 messages). */
const STUF_KINDEREN = new Set(['tijdvakGeldigheid', 'tijdstipRegistratie', 'extraElementen']);
const GENEGEERD = new Set(['tijdvakGeldigheid', 'tijdstipRegistratie']);

/** The children of StUF:extraElementen: extraElement (StUF) with a naam; anything else is no extra element. */
export function leesExtraElementen(e: XElement, pad = 'extraElementen', afw?: Afwijkingen): ExtraElement[] {
  const uit: ExtraElement[] = [];
  for (const x of e.children) {
    if (x.local !== 'extraElement' || x.ns !== NS.stuf) afw?.meld(`${pad}/${x.local}: geen StUF:extraElement; genegeerd`);
    else uit.push({ naam: attr(x, '', 'naam') ?? '', waarde: isNil(x) ? null : x.text });
  }
  return uit;
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
    const verwacht = STUF_KINDEREN.has(c.local) ? NS.stuf : NS.zkn;
    if (c.ns !== verwacht) {
      afw.meld(`${cpad}: element in ${naamVanNs(c.ns)} in plaats van ${naamVanNs(verwacht)}; genegeerd`);
      continue;
    }
    const spec = ATTRIBUUT_SPEC.get(c.local);
    if (c.local === 'identificatie') {
      bericht.identificatie = c.text.trim() || undefined;
    } else if (spec) {
      bericht.attributen.set(spec.naam, leesWaarde(c, spec, cpad, afw));
    } else if (c.local in ZAAK_GROEPEN) {
      const velden = leesZaakGroep(c, c.local as ZaakGroep, cpad, afw);
      if (velden !== undefined) bericht.groepen.set(c.local as ZaakGroep, velden);
    } else if (c.local === 'kenmerk') {
      // Repeating groups travel whole: one without a value still says which set the zaak has (none, if all are so).
      const k = leesGroep(c, KENMERK, cpad, afw);
      bericht.kenmerken ??= [];
      const helft = (naam: string) => k?.children.find((x) => x.local === naam)?.text ?? '';
      if (k) bericht.kenmerken.push({ kenmerk: helft('kenmerk'), bron: helft('bron') });
    } else if (c.local === 'anderZaakObject') {
      const ao = leesGroep(c, ANDER_ZAAKOBJECT, cpad, afw);
      bericht.anderZaakObjecten ??= [];
      if (ao) bericht.anderZaakObjecten.push(ao);
    } else if (c.local === 'extraElementen') {
      bericht.extraElementen = [...(bericht.extraElementen ?? []), ...leesExtraElementen(c, cpad, afw)];
    } else if (c.local === 'isVan') {
      bericht.zaaktype = leesIsVan(c, cpad, afw);
    } else if (RELATIE_NAMEN.has(c.local)) {
      bericht.relaties.push({ naam: c.local, verwerkingssoort: leesVerwerkingssoort(c, cpad, afw), nil: relatieZonderWaarde(c, GERELATEERDE_ET[c.local], cpad, afw), element: c, pad: cpad });
    } else if (!GENEGEERD.has(c.local)) {
      afw.meld(`${cpad}: element onbekend in een ZAK-kennisgeving; genegeerd`);
    }
  }
  return bericht;
}

/**
 * resultaat, opschorting or verlenging: null when sent nil or empty (clears the group); else, by field, a value sets
 * it, nil (or empty) clears it, and a field not named stays as it is. A group whose fields are all cleared is gone,
 * so one sent with every field nil means "no value" as everywhere else.
 */
function leesZaakGroep(e: XElement, groep: ZaakGroep, pad: string, afw: Afwijkingen): Map<string, Waarde | null> | null | undefined {
  if (isNil(e)) return null;
  if (e.children.length === 0) {
    // OpschortingGrp and VerlengingGrp require both fields (nillable); an empty ResultaatGrp is schema-valid.
    if (groep !== 'resultaat') afw.meld(`${pad}: lege groep zonder xsi:nil; gelezen als 'geen waarde'`);
    return null;
  }
  const g = leesGroep(e, ZAAK_GROEP_VORMEN[groep], pad, afw);
  if (g === undefined) return undefined;
  const velden = new Map<string, Waarde | null>();
  for (const spec of ZAAK_GROEPEN[groep]) {
    const waarde = g?.children.find((k) => k.local === spec.naam);
    if (waarde) velden.set(spec.naam, { w: waarde.text });
    else if (child(e, spec.naam, NS.zkn)) velden.set(spec.naam, null);
  }
  return velden;
}

function leesIsVan(e: XElement, pad: string, afw: Afwijkingen): ZaakBericht['zaaktype'] {
  checkEntiteittype(e, 'ZAKZKT', pad, afw);
  const g = child(e, 'gerelateerde', NS.zkn);
  if (!g) {
    if (!isNil(e)) afw.meld(`${pad}: isVan zonder gerelateerde`);
    return undefined;
  }
  checkEntiteittype(g, 'ZKT', `${pad}/gerelateerde`, afw);
  if (zonderWaarde(g)) return undefined; // no zaaktype named (in oud: none was)
  const code = child(g, 'code', NS.zkn)?.text.trim() || undefined;
  const omschrijving = child(g, 'omschrijving', NS.zkn)?.text.trim() || undefined;
  if (code && code.length > 10) throw schemaFout(`${pad}/gerelateerde/code: zaaktypecode is langer dan 10 tekens`);
  if (omschrijving && omschrijving.length > 80) throw schemaFout(`${pad}/gerelateerde/omschrijving: langer dan 80 tekens`);
  return { code, omschrijving, verwerkingssoort: verwerkingssoortOf(e) };
}

const verwerkingssoortOf = (e: XElement) => attr(e, NS.stuf, 'verwerkingssoort') as Verwerkingssoort | undefined;

// ---- relations ----------------------------------------------------------------------------------------------

/**
 * The betrokkene inside a gerelateerde (natuurlijkPersoon, vestiging, medewerker, ...): only the fields its schema
 * type defines, in their own namespace, with values the type can carry. It is stored once and shared by every zaak
 * naming it, so nothing else may reach it. Keys are read from those fields: a blank one is no key.
 */
export function leesBetrokkene(e: XElement, pad: string, afw: Afwijkingen): Betrokkene {
  const soort = BETROKKENE_SOORTEN[e.local as BetrokkeneElement];
  checkEntiteittype(e, soort, pad, afw);
  const vs = verwerkingssoortOf(e);
  if (vs === 'W' || vs === 'V' || vs === 'E') afw.meld(`${pad}: een gerelateerde wordt niet via een relatie gewijzigd (verwerkingssoort ${vs}); gelezen als I`);
  const velden = opschonen(e.children, BETROKKENE_VORM[soort], pad, afw);
  const veld = (l: string) => velden.find((v) => v.local === l)?.text || undefined;
  const b: Betrokkene = { soort, velden };
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
  const g = child(rel.element, 'gerelateerde', NS.zkn);
  if (!g) {
    afw.meld(`${rel.pad}: relatie zonder gerelateerde`);
    return undefined;
  }
  if (g.children.length !== 1) throw schemaFout(`${rel.pad}/gerelateerde: moet precies één object bevatten, gevonden ${g.children.length}`);
  const kind = g.children[0];
  // The gerelateerde's object elements are ZKN (their fields BG or ZKN): another namespace is another element.
  if (kind.ns !== NS.zkn) {
    afw.meld(`${rel.pad}/gerelateerde/${kind.local}: element in ${naamVanNs(kind.ns)} in plaats van ZKN; relatie genegeerd`);
    return undefined;
  }
  return kind;
}

/** What a relation of this name may store besides its gerelateerde. */
export function relatieVorm(naam: string): Vorm {
  if (naam === 'heeftBetrekkingOp') return OBJ_VORM;
  if (naam in ZAAKRELATIE_SOORTEN) return ZAKZAK_VORM;
  return ROL_VORM;
}

/** Relation children besides gerelateerde, as stored: what the relation's type defines, cleaned. */
export const relatieVelden = (rel: RelatieElement, afw: Afwijkingen, kinderen = rel.element.children) =>
  opschonen(kinderen.filter((c) => !(c.local === 'gerelateerde' && c.ns === NS.zkn)), relatieVorm(rel.naam), rel.pad, afw);

export function leesRol(rel: RelatieElement, afw: Afwijkingen): { rolsoort: Rolsoort; betrokkene: Betrokkene; velden: XElement[] } | undefined {
  const rolsoort = rel.naam as Rolsoort;
  checkEntiteittype(rel.element, ROLSOORTEN[rolsoort], rel.pad, afw);
  const kind = gerelateerdeKind(rel, afw);
  if (!kind) return undefined;
  if (!(kind.local in BETROKKENE_SOORTEN)) throw schemaFout(`${rel.pad}/gerelateerde/${kind.local}: geen betrokkene (verwacht natuurlijkPersoon, nietNatuurlijkPersoon, vestiging, medewerker of organisatorischeEenheid)`);
  return { rolsoort, betrokkene: leesBetrokkene(kind, `${rel.pad}/gerelateerde/${kind.local}`, afw), velden: relatieVelden(rel, afw) };
}

export function leesZaakobject(rel: RelatieElement, afw: Afwijkingen): Zaakobject | undefined {
  checkEntiteittype(rel.element, 'ZAKOBJ', rel.pad, afw);
  const kind = gerelateerdeKind(rel, afw);
  if (!kind) return undefined;
  const kpad = `${rel.pad}/gerelateerde/${kind.local}`;
  const o: Zaakobject = { objecttype: kind.local, velden: relatieVelden(rel, afw) };
  if (kind.local in BETROKKENE_SOORTEN) o.betrokkene = leesBetrokkene(kind, kpad, afw);
  else {
    const object = leesObject(kind, kpad, afw);
    if (!object) return undefined;
    o.object = object;
  }
  return o;
}

export function leesZaakrelatie(rel: RelatieElement, afw: Afwijkingen): Zaakrelatie | undefined {
  const soort = rel.naam as ZaakrelatieSoort;
  checkEntiteittype(rel.element, ZAAKRELATIE_SOORTEN[soort], rel.pad, afw);
  const g = child(rel.element, 'gerelateerde', NS.zkn);
  if (!g) {
    afw.meld(`${rel.pad}: relatie zonder gerelateerde`);
    return undefined;
  }
  checkEntiteittype(g, 'ZAK', `${rel.pad}/gerelateerde`, afw);
  const id = child(g, 'identificatie', NS.zkn)?.text.trim();
  if (!id) throw schemaFout(`${rel.pad}/gerelateerde/identificatie: de identificatie van de andere zaak ontbreekt`);
  return {
    soort,
    andereIdentificatie: id,
    gerelateerde: opschonen(g.children, ANDERE_ZAAK_VORM, `${rel.pad}/gerelateerde`, afw),
    velden: relatieVelden(rel, afw),
  };
}

export interface StatusBericht extends Status {
  zktCode?: string;
}

/** A `heeft` relation (ZAKSTT): the status with its statustype kerngegevens. */
export function leesStatus(rel: RelatieElement, afw: Afwijkingen, nu: () => string): StatusBericht | undefined {
  checkEntiteittype(rel.element, 'ZAKSTT', rel.pad, afw);
  const g = child(rel.element, 'gerelateerde', NS.zkn);
  if (!g) {
    afw.meld(`${rel.pad}: status zonder gerelateerde (statustype)`);
    return undefined;
  }
  checkEntiteittype(g, 'STT', `${rel.pad}/gerelateerde`, afw);
  const tekst = (e: XElement | undefined, l: string) => (e && !isNil(e) ? e.text.trim() : '') || undefined;
  const volgnummerTekst = tekst(child(g, 'volgnummer', NS.zkn), 'volgnummer');
  let volgnummer: number | undefined;
  if (volgnummerTekst !== undefined) {
    // Every lexical form of ZKN:Volgnummer ('01', '+1'), compared by its value.
    const canoniek = canoniekGeheel(volgnummerTekst, STATUSTYPE_VOLGNUMMER);
    if (canoniek === undefined) throw schemaFout(`${rel.pad}/gerelateerde/volgnummer: '${volgnummerTekst}' is geen volgnummer (1-9999)`);
    volgnummer = Number(canoniek);
  }
  const omschrijving = tekst(child(g, 'omschrijving', NS.zkn), 'omschrijving');
  if (omschrijving && omschrijving.length > 80) throw schemaFout(`${rel.pad}/gerelateerde/omschrijving: langer dan 80 tekens`);
  if (volgnummer === undefined && omschrijving === undefined) {
    throw schemaFout(`${rel.pad}/gerelateerde: statustype zonder volgnummer en omschrijving`);
  }
  const datumEl = child(rel.element, 'datumStatusGezet', NS.zkn);
  let datumStatusGezet;
  if (datumEl && !isNil(datumEl) && datumEl.text.trim()) datumStatusGezet = parseTijdstip(datumEl.text, `${rel.pad}/datumStatusGezet`);
  else {
    afw.meld(`${rel.pad}/datumStatusGezet ontbreekt; het tijdstip van ontvangst is gebruikt`);
    datumStatusGezet = parseTijdstip(nu(), 'nu');
  }
  const toelichting = tekst(child(rel.element, 'toelichting', NS.zkn), 'toelichting');
  if (toelichting && toelichting.length > 1000) throw schemaFout(`${rel.pad}/toelichting: langer dan 1000 tekens`);
  const gezetDoor = child(rel.element, 'isGezetDoor', NS.zkn);
  // The status relation's own StUF:extraElementen: kept and answered with the status (ZAKSTT-antwoord has them).
  const extraElementen = child(rel.element, 'extraElementen', NS.stuf);
  const extra = extraElementen && !isNil(extraElementen) ? opschonenElement(extraElementen, 'extraElementen', EXTRA_ELEMENTEN, `${rel.pad}/extraElementen`, afw) : undefined;
  const s: StatusBericht = {
    volgnummer: volgnummer ?? 0,
    datumStatusGezet,
    statustype: opschonen(g.children, STATUSTYPE_VORM, `${rel.pad}/gerelateerde`, afw),
    extra: extra ? [extra] : [],
  };
  if (omschrijving) s.omschrijving = omschrijving;
  const code = tekst(child(g, 'code', NS.zkn), 'code');
  if (code && code.length > 10) throw schemaFout(`${rel.pad}/gerelateerde/code: langer dan 10 tekens`);
  if (code) s.code = code;
  const zktCode = tekst(child(g, 'zkt.code', NS.zkn), 'zkt.code');
  if (zktCode && zktCode.length > 10) throw schemaFout(`${rel.pad}/gerelateerde/zkt.code: zaaktypecode is langer dan 10 tekens`);
  if (zktCode) s.zktCode = zktCode;
  if (toelichting) s.toelichting = toelichting;
  const door = gezetDoor && !isNil(gezetDoor) ? opschonenElement(gezetDoor, 'isGezetDoor', GEZET_DOOR, `${rel.pad}/isGezetDoor`, afw) : undefined;
  if (door) s.gezetDoor = door;
  return s;
}

/** The end date a relation carries in StUF:tijdvakRelatie/eindRelatie, if any. */
export function eindRelatie(rel: RelatieElement): string | undefined {
  const eind = child(child(rel.element, 'tijdvakRelatie', NS.stuf), 'eindRelatie', NS.stuf);
  return eind && !isNil(eind) ? eind.text.trim() || undefined : undefined;
}
