// Applying kennisgevingen to the store: creeerZaak, updateZaak and actualiseerZaakstatus share the relation
// semantics of StUF 3.01 5.2.6 (T add, W change, V remove, E end, R replace, I identify only) and the status rules.
// Runs inside the caller's transaction: any thrown StufFout rolls the whole message back.
import { Actie, relatieActie } from './relatieActie';
import { Afwijkingen, canoniek, zonderWaarde } from '../stuf/entiteit';
import { NS } from '../stuf/namespaces';
import { schemaFout, verwerkingsFout, nietGevonden } from '../stuf/fout';
import { XElement } from '../stuf/xml';
import {
  RelatieElement, StatusBericht, ZaakBericht, eindRelatie, leesRol, leesStatus, leesZaakobject, leesZaakrelatie, relatieVelden,
} from '../stuf/zaakKennisgeving';
import { Betrokkene, ROLSOORTEN, Waarde, Zaak, ZaakData, ZaakGroep, ZAAKRELATIE_SOORTEN, legeZaakData } from './zaak';
import type { MutatieContext } from './mutatieContext';
import { clientVelden, controleerPlanregels, kanPlanZijn, planstand } from './plannen';
import { controleerSchrijven } from '../toegang/rechten';
import { naWijziging, verwerkEindstatus } from './afsluiting';
import { vulWaardenAan } from './profielWaarden';


type Bron = 'oud' | 'nieuw' | 'creeer';

const VERBODEN_TEKENS = /[\\/"*?:<>|]/;

export function controleerIdentificatie(ctx: MutatieContext, id: string | undefined): string {
  if (!id) throw schemaFout('object/identificatie: de zaakidentificatie ontbreekt');
  if (id.length < 5 || id.length > 40) throw schemaFout(`object/identificatie: '${id}' moet 5 tot 40 tekens lang zijn`);
  if (VERBODEN_TEKENS.test(id)) throw schemaFout(`object/identificatie: '${id}' bevat een teken dat niet is toegestaan (\\ / " * ? : < > |)`);
  return id;
}

// ---- creeerZaak -------------------------------------------------------------------------------------------

export async function creeerZaak(ctx: MutatieContext, b: ZaakBericht): Promise<Zaak> {
  const id = controleerIdentificatie(ctx, b.identificatie);
  const code = b.zaaktype?.code;
  if (!code) throw schemaFout('object/isVan/gerelateerde/code: het zaaktype van de nieuwe zaak ontbreekt');
  await controleerSchrijven(ctx.aanroeper, { identificatie: id, zaaktypeCode: code, soort: ctx.catalogus.soortVan({ code, omschrijving: b.zaaktype?.omschrijving }) });
  const houder = await ctx.store.zaken.houder(id);
  if (houder?.soort === 'zaak') throw verwerkingsFout(`Zaak met identificatie ${id} bestaat al`);
  if (houder) throw verwerkingsFout(`Zaak met identificatie ${id} bestaat al als zaak van ketenpartner ${houder.partner} (gekoppeld aan deelplan ${houder.deelplan})`);
  const gemeentecode = ctx.config.stuf.gemeentecode;
  if (!id.startsWith(gemeentecode)) {
    const tekst = `zaakidentificatie ${id} begint niet met gemeentecode ${gemeentecode}`;
    if (ctx.config.stuf.gemeentecodeControle === 'weiger') throw verwerkingsFout(`De ${tekst}`);
    ctx.meldingen.push(tekst);
  }
  if (b.verwerkingssoort && b.verwerkingssoort !== 'T') ctx.afw.meld(`object: verwerkingssoort '${b.verwerkingssoort}' bij creeerZaak, verwacht T`);

  const zt = ctx.catalogus.controleerNieuw(code);
  const omschrijving = b.zaaktype?.omschrijving ?? zt?.omschrijving;
  const data = legeZaakData(omschrijving ? { code, omschrijving } : { code });
  vulWaardenAan(ctx, b, code, 'creeer');

  for (const verplicht of ['startdatum', 'registratiedatum', 'zaakniveau', 'deelzakenIndicatie'] as const) {
    if (!b.attributen.get(verplicht)) ctx.afw.meld(`object/${verplicht} ontbreekt (verplicht bij creeerZaak)`);
  }
  pasAttributenToe(data, b);
  if (!data.attributen.registratiedatum) data.attributen.registratiedatum = { w: ctx.vandaag() };

  const zaak = await ctx.store.zaken.voegToe(id, data);
  await verwerkRelaties(ctx, zaak, b.relaties, 'creeer');
  await naWijziging(ctx, zaak, b);
  await controleerPlanregels(ctx, zaak);

  const initiatoren = (await ctx.store.betrokkenen.rollen(zaak.id)).filter((r) => r.rolsoort === 'heeftAlsInitiator');
  if (initiatoren.length === 0) ctx.afw.meld('object/heeftAlsInitiator ontbreekt (verplicht bij creeerZaak)');
  if (initiatoren.length > 1) ctx.afw.meld(`object/heeftAlsInitiator komt ${initiatoren.length} keer voor; een zaak heeft één initiator`);
  archiveer(ctx, zaak, b);
  await ctx.store.zaken.bewaar(zaak);
  return zaak;
}

// ---- updateZaak -------------------------------------------------------------------------------------------

async function teWijzigenZaak(ctx: MutatieContext, oud: ZaakBericht | undefined, nieuw: ZaakBericht): Promise<Zaak> {
  const id = nieuw.identificatie ?? oud?.identificatie;
  if (!id) throw schemaFout('object/identificatie: de zaakidentificatie ontbreekt');
  if (oud?.identificatie && nieuw.identificatie && oud.identificatie !== nieuw.identificatie) {
    throw schemaFout(`object/identificatie: oud (${oud.identificatie}) en nieuw (${nieuw.identificatie}) verschillen; een identificatie kan niet gewijzigd worden`);
  }
  const zaak = await ctx.store.zaken.vind(id);
  if (!zaak) throw nietGevonden(`Zaak met identificatie ${id} is niet gevonden`);
  const zaaktype = zaak.data.zaaktype;
  await controleerSchrijven(ctx.aanroeper, { identificatie: id, zaaktypeCode: zaaktype.code, soort: ctx.catalogus.soortVan(zaaktype) });
  return zaak;
}

export async function updateZaak(ctx: MutatieContext, oud: ZaakBericht | undefined, nieuw: ZaakBericht): Promise<Zaak> {
  const zaak = await teWijzigenZaak(ctx, oud, nieuw);
  const vs = nieuw.verwerkingssoort;
  if (vs === 'V' || vs === 'E') throw verwerkingsFout(`Het verwijderen of beëindigen van een zaak (verwerkingssoort ${vs}) wordt niet ondersteund`);
  if (vs && vs !== 'W' && vs !== 'I') ctx.afw.meld(`object: verwerkingssoort '${vs}' bij updateZaak, verwacht W of I`);
  const nieuwCode = nieuw.zaaktype?.code;
  if (nieuwCode && nieuwCode !== zaak.data.zaaktype.code) {
    throw verwerkingsFout(`Het zaaktype van zaak ${zaak.identificatie} kan niet gewijzigd worden (${zaak.data.zaaktype.code} → ${nieuwCode})`);
  }
  const voor = (await kanPlanZijn(ctx, zaak, [...(oud?.relaties ?? []), ...nieuw.relaties])) ? await planstand(ctx, zaak) : undefined;
  vulWaardenAan(ctx, nieuw, zaak.data.zaaktype.code, 'update');
  pasAttributenToe(zaak.data, nieuw);
  if (oud) await verwerkRelaties(ctx, zaak, oud.relaties, 'oud');
  await verwerkRelaties(ctx, zaak, nieuw.relaties, 'nieuw');
  await naWijziging(ctx, zaak, nieuw);
  if (voor) await controleerPlanregels(ctx, zaak, voor);
  archiveer(ctx, zaak, nieuw);
  await ctx.store.zaken.bewaar(zaak);
  return zaak;
}

// ---- actualiseerZaakstatus --------------------------------------------------------------------------------

/** The statuses a change adds: heeft relations with verwerkingssoort T (or none) in the new object. */
export const nieuweStatusRelaties = (relaties: RelatieElement[]): RelatieElement[] =>
  relaties.filter((r) => r.naam === 'heeft' && !r.nil && (r.verwerkingssoort === 'T' || r.verwerkingssoort === undefined));

export async function actualiseerZaakstatus(ctx: MutatieContext, oud: ZaakBericht | undefined, nieuw: ZaakBericht): Promise<Zaak> {
  const zaak = await teWijzigenZaak(ctx, oud, nieuw);
  const vs = nieuw.verwerkingssoort;
  if (vs && vs !== 'W' && vs !== 'I') ctx.afw.meld(`object: verwerkingssoort '${vs}' bij actualiseerZaakstatus, verwacht W (schema) of I (VNG)`);
  const nieuweStatussen = nieuweStatusRelaties(nieuw.relaties);
  if (nieuweStatussen.length === 0) {
    throw schemaFout('object/heeft: actualiseerZaakstatus bevat geen nieuwe status (heeft met verwerkingssoort T in het nieuwe object)');
  }
  for (const r of nieuw.relaties) {
    if (r.naam !== 'heeft' && !r.nil) ctx.afw.meld(`${r.pad}: alleen statussen worden verwerkt door actualiseerZaakstatus; genegeerd`);
  }
  for (const r of nieuweStatussen) {
    const s = leesStatus(r, ctx.afw, ctx.nu);
    if (s) await zetStatus(ctx, zaak, s);
  }
  archiveer(ctx, zaak);
  await ctx.store.zaken.bewaar(zaak);
  return zaak;
}

// ---- archive ----------------------------------------------------------------------------------------------

/**
 * Once the change is applied: a zaak that closed, or whose resultaat (or einddatum) changed, gets archiefnominatie
 * and datumVernietigingDossier from the selectielijst unless the message sent them (the archief feature's hook).
 */
function archiveer(ctx: MutatieContext, zaak: Zaak, b?: ZaakBericht): void {
  ctx.archiefhaak.naWijziging(ctx, zaak, !!b && (b.attributen.has('archiefnominatie') || b.attributen.has('datumVernietigingDossier')));
}

// ---- attributes -------------------------------------------------------------------------------------------

function pasAttributenToe(data: ZaakData, b: ZaakBericht): void {
  for (const [naam, w] of b.attributen) {
    if (w) data.attributen[naam] = w;
    else delete data.attributen[naam];
  }
  for (const [groep, velden] of b.groepen) {
    if (!velden) {
      delete data.groepen[groep];
      continue;
    }
    const huidig: Record<string, Waarde> = { ...(data.groepen[groep as ZaakGroep] ?? {}) };
    for (const [veld, w] of velden) {
      if (w) huidig[veld] = w;
      else delete huidig[veld];
    }
    if (Object.keys(huidig).length) data.groepen[groep] = huidig;
    else delete data.groepen[groep];
  }
  // Repeating groups travel whole: the new set replaces the old one.
  if (b.kenmerken !== undefined) data.kenmerken = b.kenmerken ?? [];
  if (b.anderZaakObjecten !== undefined) data.anderZaakObjecten = b.anderZaakObjecten ?? [];
  for (const x of b.extraElementen ?? []) {
    data.extraElementen = data.extraElementen.filter((e) => e.naam !== x.naam);
    if (x.waarde !== null) data.extraElementen.push(x);
  }
}

// ---- statuses ---------------------------------------------------------------------------------------------

export async function zetStatus(ctx: MutatieContext, zaak: Zaak, s: StatusBericht): Promise<void> {
  const zaaktype = zaak.data.zaaktype.code;
  const st = ctx.catalogus.statustype(zaaktype, { volgnummer: s.volgnummer || undefined, omschrijving: s.omschrijving, zktCode: s.zktCode });
  const bestaand = await ctx.store.statussen.van(zaak.id);
  if (st && s.zktCode && s.zktCode !== zaaktype) {
    // A statustype of another zaaktype, matched in this one (zaakprofiel): stored as this zaaktype's statustype.
    ctx.meldingen.push(`statustype van zaaktype '${s.zktCode}' bij zaak ${zaak.identificatie} gelezen als statustype ${st.volgnummer} van '${zaaktype}'`);
    s.volgnummer = st.volgnummer;
    s.omschrijving = st.omschrijving;
    if (st.code) s.code = st.code;
    else delete s.code;
    s.statustype = s.statustype.filter((e) => e.local === 'ingangsdatumObject');
  } else if (st) {
    s.volgnummer = st.volgnummer;
    s.omschrijving ??= st.omschrijving;
    if (st.code) s.code ??= st.code;
  } else if (!s.volgnummer) {
    s.volgnummer = Math.max(0, ...bestaand.map((x) => x.volgnummer)) + 1;
    ctx.afw.meld(`statustype '${s.omschrijving}' zonder volgnummer bij een zaaktype buiten de catalogus; volgnummer ${s.volgnummer} toegekend`);
  }
  // A resent status (same statustype, same moment) is the same status, not a second one.
  if (bestaand.some((x) => x.volgnummer === s.volgnummer && x.datumStatusGezet.utc === s.datumStatusGezet.utc)) return;
  const { zktCode: _zktCode, ...status } = s;
  // An end status closes the zaak as its profile says: at once, or held until the zaak may close.
  if (st?.eindstatus) await verwerkEindstatus(ctx, zaak, status);
  else await ctx.store.statussen.voegToe(zaak.id, status);
}

// ---- relations --------------------------------------------------------------------------------------------

const zelfdeBetrokkene = (a: Betrokkene, b: Betrokkene) =>
  a.soort === b.soort && (a.sleutel !== undefined || b.sleutel !== undefined ? a.sleutel === b.sleutel : canoniek(a.velden) === canoniek(b.velden));

/**
 * Children of a relation element in a W: values replace the stored ones by name, nil elements remove them. What
 * replaces is cleaned as on creation: only what the relation's type defines.
 */
function gewijzigdeVelden(huidig: XElement[], rel: RelatieElement, afw: Afwijkingen): XElement[] {
  let velden = [...huidig];
  for (const c of rel.element.children) {
    if (c.local === 'gerelateerde' && c.ns === NS.zkn) continue;
    const leeg = zonderWaarde(c); // nil, or a group without any value: removes the stored one
    const schoon = leeg ? [] : relatieVelden(rel, afw, [c]);
    if (!leeg && schoon.length === 0) continue; // dropped: the stored value stays
    velden = velden.filter((v) => !(v.local === c.local && v.ns === c.ns));
    velden.push(...schoon);
  }
  return velden;
}

const actieVan = (ctx: MutatieContext, rel: RelatieElement, bron: Bron): Actie =>
  relatieActie(ctx, rel, bron === 'creeer' ? 'nieuwObject' : bron, 'een nieuwe zaak');

async function verwerkRelaties(ctx: MutatieContext, zaak: Zaak, relaties: RelatieElement[], bron: Bron): Promise<void> {
  for (const rel of relaties) {
    if (rel.naam === 'heeft') await verwerkStatusRelatie(ctx, zaak, rel, bron);
    else if (rel.naam in ROLSOORTEN) await verwerkRol(ctx, zaak, rel, actieVan(ctx, rel, bron));
    else if (rel.naam === 'heeftBetrekkingOp') await verwerkZaakobject(ctx, zaak, rel, actieVan(ctx, rel, bron), bron);
    else if (rel.naam in ZAAKRELATIE_SOORTEN) await verwerkZaakrelatie(ctx, zaak, rel, actieVan(ctx, rel, bron));
    else if (!rel.nil) ctx.afw.meld(`${rel.pad}: ${rel.naam} wordt via deze kennisgeving niet verwerkt; genegeerd`);
  }
}

async function verwerkStatusRelatie(ctx: MutatieContext, zaak: Zaak, rel: RelatieElement, bron: Bron): Promise<void> {
  if (rel.nil || bron === 'oud') return;
  const vs = rel.verwerkingssoort;
  if (vs === 'I') return; // an existing status, named for identification
  if (vs !== 'T' && vs !== undefined) {
    ctx.afw.meld(`${rel.pad}: statussen worden alleen toegevoegd (verwerkingssoort T), niet '${vs}'; genegeerd`);
    return;
  }
  const s = leesStatus(rel, ctx.afw, ctx.nu);
  if (s) await zetStatus(ctx, zaak, s);
}

/** How one kind of relation is stored: the three kinds share the T/W/V/E semantics below. */
interface RelatieOpslag<R extends { id?: number; velden: XElement[] }> {
  /** The current relation the message's element refers to. */
  match: R | undefined;
  voegToe(): Promise<unknown>;
  werkBij(id: number, velden: XElement[]): Promise<unknown>;
  verwijder(id: number): Promise<unknown>;
  beeindig(id: number, datum: string): Promise<unknown>;
}

async function pasToe<R extends { id?: number; velden: XElement[] }>(ctx: MutatieContext, rel: RelatieElement, actie: Actie, o: RelatieOpslag<R>): Promise<void> {
  const m = o.match;
  if (actie === 'toevoegen') {
    if (!m) await o.voegToe(); // T on a relation that exists counts as I: never a second one
  } else if (!m) {
    ctx.afw.meld(`${rel.pad}: te ${actie === 'beeindigen' ? 'beëindigen' : actie} relatie bestaat niet bij deze zaak; genegeerd`);
  } else if (actie === 'wijzigen') await o.werkBij(m.id!, gewijzigdeVelden(m.velden, rel, ctx.afw));
  else if (actie === 'verwijderen') await o.verwijder(m.id!);
  else if (actie === 'beeindigen') await o.beeindig(m.id!, eindRelatie(rel) ?? ctx.vandaag());
}

async function verwerkRol(ctx: MutatieContext, zaak: Zaak, rel: RelatieElement, actie: Actie): Promise<void> {
  if (actie === 'niets') return;
  const rol = leesRol(rel, ctx.afw);
  if (!rol) return;
  const b = ctx.store.betrokkenen;
  const match = (await b.rollen(zaak.id)).find((r) => !r.einddatum && r.rolsoort === rol.rolsoort && zelfdeBetrokkene(r.betrokkene, rol.betrokkene));
  if (match && actie === 'toevoegen') await b.vindOfBewaar(rol.betrokkene); // a T-gerelateerde may still add fields it lacked
  await pasToe(ctx, rel, actie, {
    match,
    voegToe: () => b.voegRolToe(zaak.id, rol.rolsoort, rol.betrokkene, rol.velden),
    werkBij: (id, v) => b.werkRolBij(id, v),
    verwijder: (id) => b.verwijderRol(id),
    beeindig: (id, d) => b.beeindigRol(id, d),
  });
}

async function verwerkZaakobject(ctx: MutatieContext, zaak: Zaak, rel: RelatieElement, actie: Actie, bron: Bron): Promise<void> {
  if (actie === 'niets') return;
  const o = leesZaakobject(rel, ctx.afw);
  if (!o) return;
  const ldpWijziging = bron !== 'creeer' && ctx.catalogus.soortVan(zaak.data.zaaktype) === 'levensdomeinplan';
  o.velden = clientVelden(o.velden, ldpWijziging && o.objecttype === 'natuurlijkPersoon');
  const b = ctx.store.betrokkenen;
  const match = (await b.zaakobjecten(zaak.id)).find(
    (x) =>
      !x.einddatum &&
      x.objecttype === o.objecttype &&
      (o.betrokkene && x.betrokkene ? zelfdeBetrokkene(x.betrokkene, o.betrokkene) : !!o.object && !!x.object && canoniek(x.object) === canoniek(o.object)),
  );
  await pasToe(ctx, rel, actie, {
    match,
    voegToe: () => b.voegZaakobjectToe(zaak.id, o),
    werkBij: (id, v) => b.werkZaakobjectBij(id, clientVelden(v, false)),
    verwijder: (id) => b.verwijderZaakobject(id),
    beeindig: (id, d) => b.beeindigZaakobject(id, d),
  });
}

async function verwerkZaakrelatie(ctx: MutatieContext, zaak: Zaak, rel: RelatieElement, actie: Actie): Promise<void> {
  if (actie === 'niets') return;
  const r = leesZaakrelatie(rel, ctx.afw);
  if (!r) return;
  if (r.andereIdentificatie === zaak.identificatie) throw verwerkingsFout(`Zaak ${zaak.identificatie} kan niet aan zichzelf gerelateerd worden (${rel.naam})`);
  const zr = ctx.store.zaakrelaties;
  await pasToe(ctx, rel, actie, {
    match: (await zr.van(zaak.id)).find((x) => !x.einddatum && x.soort === r.soort && x.andereIdentificatie === r.andereIdentificatie),
    voegToe: async () => {
      if (!(await ctx.relatiehaak.toegevoegd(ctx, zaak, r)) && !(await ctx.store.zaken.bestaat(r.andereIdentificatie))) {
        ctx.meldingen.push(`${rel.naam} verwijst naar zaak ${r.andereIdentificatie}, die (nog) niet in de gateway staat`);
      }
      await zr.voegToe(zaak.id, r);
    },
    werkBij: (id, v) => zr.werkBij(id, v),
    verwijder: async (id) => {
      await zr.verwijder(id);
      await ctx.relatiehaak.losgelaten(ctx, zaak, r.andereIdentificatie);
    },
    beeindig: async (id, d) => {
      await zr.beeindig(id, d);
      await ctx.relatiehaak.losgelaten(ctx, zaak, r.andereIdentificatie);
    },
  });
}
