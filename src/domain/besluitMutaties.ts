// Applying besluit kennisgevingen to the store: voegBesluitToe (a new besluit for an existing zaak) and
// updateBesluit (oud/nieuw). Relations follow StUF 3.01 5.2.6 as for zaken: T add, W change, V remove, E end,
// R replace, I identify only. Runs inside the caller's transaction: a thrown StufFout rolls everything back.
// A besluit belongs to its zaak: adding, changing or moving one needs the right to change that zaak (and the new one).
import { NS } from '../stuf/namespaces';
import { Actie, relatieActie } from './relatieActie';
import { nietGevonden, schemaFout, verwerkingsFout } from '../stuf/fout';
import { Tijdstip, parseTijdstip } from '../stuf/tijd';
import { XElement } from '../stuf/xml';
import { zonderWaarde } from '../stuf/entiteit';
import {
  BesluitBericht, DOCUMENT_SPECS, ZaakVerwijzing, besluitdocumentGerelateerde, besluitdocumentVelden, leesBesluitdocument, leesUitkomstVan,
} from '../stuf/besluitKennisgeving';
import { RelatieElement, eindRelatie } from '../stuf/zaakKennisgeving';
import { BESLUITIDENTIFICATIE_MAX, Besluit, BesluitData, legeBesluitData } from './besluit';
import { Zaak } from './zaak';
import type { MutatieContext } from './mutatieContext';
import { controleerSchrijven, zaakKenmerken } from '../toegang/rechten';

export interface BesluitContext extends MutatieContext {
  /** stuurgegevens/tijdstipBericht: where the current values start to hold when the message states no validity. */
  tijdstipBericht?: string;
}

type Bron = 'oud' | 'nieuw' | 'nieuwBesluit';
function controleerIdentificatie(id: string | undefined, pad: string): string {
  if (!id) throw schemaFout(`${pad}/identificatie: de besluitidentificatie ontbreekt`);
  if (id.length > BESLUITIDENTIFICATIE_MAX) throw schemaFout(`${pad}/identificatie: '${id}' is langer dan ${BESLUITIDENTIFICATIE_MAX} tekens`);
  return id;
}

/** The zaak a besluit is added to or moved to: it must exist, and the caller must be allowed to change it. */
async function bestaandeZaak(ctx: MutatieContext, z: ZaakVerwijzing): Promise<Zaak> {
  const zaak = await ctx.store.zaken.vind(z.identificatie);
  if (!zaak) throw nietGevonden(`Zaak met identificatie ${z.identificatie} is niet gevonden`);
  await controleerSchrijven(ctx.aanroeper, zaakKenmerken(ctx.catalogus, zaak));
  return zaak;
}

/** The message's tijdstipBericht; a malformed one was already reported and then the moment of receipt counts. */
function berichtTijdstip(ctx: BesluitContext): Tijdstip {
  try {
    if (ctx.tijdstipBericht) return parseTijdstip(ctx.tijdstipBericht, 'stuurgegevens/tijdstipBericht');
  } catch {
    /* reported by the stuurgegevens check */
  }
  return parseTijdstip(ctx.nu());
}

// ---- voegBesluitToe ---------------------------------------------------------------------------------------

export async function voegBesluitToe(ctx: BesluitContext, b: BesluitBericht, zaakVerwijzing: ZaakVerwijzing): Promise<{ besluit: Besluit; zaak: Zaak }> {
  const id = controleerIdentificatie(b.identificatie, 'object/besluit');
  if (b.verwerkingssoort && b.verwerkingssoort !== 'T') ctx.afw.meld(`object/besluit: verwerkingssoort '${b.verwerkingssoort}' bij voegBesluitToe, verwacht T`);
  if (await ctx.store.besluiten.bestaat(id)) throw verwerkingsFout(`Besluit met identificatie ${id} bestaat al`);
  const zaak = await bestaandeZaak(ctx, zaakVerwijzing);
  for (const verplicht of ['datumBeslissing', 'ingangsdatumWerking'] as const) {
    if (!b.attributen.get(verplicht)) ctx.afw.meld(`object/besluit/${verplicht} ontbreekt (verplicht bij voegBesluitToe)`);
  }
  const data = legeBesluitData();
  pasAttributenToe(data, b);
  data.geldigheid = geldigheidUit(b) ?? { begin: berichtTijdstip(ctx) };
  data.tijdstipRegistratie = b.tijdstipRegistratie ?? parseTijdstip(ctx.nu());
  const besluit = await ctx.store.besluiten.voegToe(id, zaak.id, data);
  for (const rel of b.relaties) {
    if (rel.naam === 'isVastgelegdIn') await verwerkDocument(ctx, besluit, rel, actieVan(ctx, rel, 'nieuwBesluit'));
    else ctx.afw.meld(`${rel.pad}: de zaak van een nieuw besluit staat in object/zaak; genegeerd`);
  }
  return { besluit, zaak };
}

// ---- updateBesluit ----------------------------------------------------------------------------------------

export async function updateBesluit(ctx: BesluitContext, oud: BesluitBericht | undefined, nieuw: BesluitBericht): Promise<Besluit> {
  const id = controleerIdentificatie(nieuw.identificatie ?? oud?.identificatie, 'object');
  if (oud?.identificatie && nieuw.identificatie && oud.identificatie !== nieuw.identificatie) {
    throw schemaFout(`object/identificatie: oud (${oud.identificatie}) en nieuw (${nieuw.identificatie}) verschillen; een identificatie kan niet gewijzigd worden`);
  }
  const besluit = await ctx.store.besluiten.vind(id);
  if (!besluit) throw nietGevonden(`Besluit met identificatie ${id} is niet gevonden`);
  // A besluit is changed as part of its zaak.
  const huidigeZaak = await ctx.store.zaken.vindOpId(besluit.zaakId);
  if (huidigeZaak) await controleerSchrijven(ctx.aanroeper, zaakKenmerken(ctx.catalogus, huidigeZaak));
  const vs = nieuw.verwerkingssoort;
  if (vs === 'V' || vs === 'E') throw verwerkingsFout(`Het verwijderen of beëindigen van een besluit (verwerkingssoort ${vs}) wordt niet ondersteund`);
  if (vs && vs !== 'W' && vs !== 'I') ctx.afw.meld(`object: verwerkingssoort '${vs}' bij updateBesluit, verwacht W of I`);

  const gewijzigd = pasAttributenToe(besluit.data, nieuw);
  const geldigheid = geldigheidUit(nieuw);
  // Without history the answer shows one voorkomen: a change of values starts a new one, at the message's moment.
  if (geldigheid) besluit.data.geldigheid = geldigheid;
  else if (gewijzigd) besluit.data.geldigheid = { begin: berichtTijdstip(ctx) };
  if (nieuw.tijdstipRegistratie !== undefined) besluit.data.tijdstipRegistratie = nieuw.tijdstipRegistratie ?? undefined;
  else if (gewijzigd) besluit.data.tijdstipRegistratie = parseTijdstip(ctx.nu());

  const zaakwissel: ZaakWissel = { losgemaakt: false };
  for (const [bron, bericht] of [['oud', oud], ['nieuw', nieuw]] as const) {
    for (const rel of bericht?.relaties ?? []) {
      if (rel.naam === 'isVastgelegdIn') await verwerkDocument(ctx, besluit, rel, actieVan(ctx, rel, bron));
      else await verwerkUitkomstVan(ctx, besluit, rel, bron, zaakwissel);
    }
  }
  if (zaakwissel.nieuweZaak) besluit.zaakId = zaakwissel.nieuweZaak.id;
  else if (zaakwissel.losgemaakt) throw verwerkingsFout(`Besluit ${id} blijft de uitkomst van een zaak: vervang de zaak (isUitkomstVan R of T) in plaats van haar te verwijderen`);
  await ctx.store.besluiten.bewaar(besluit);
  return besluit;
}

// ---- attributes -------------------------------------------------------------------------------------------

/** Sets and clears what the message carries; true when a value actually changed. */
function pasAttributenToe(data: BesluitData, b: BesluitBericht): boolean {
  let gewijzigd = false;
  for (const [naam, w] of b.attributen) {
    const was = data.attributen[naam];
    if (w) data.attributen[naam] = w;
    else delete data.attributen[naam];
    if (was?.w !== w?.w || was?.ind !== w?.ind) gewijzigd = true;
  }
  for (const x of b.extraElementen ?? []) {
    data.extraElementen = data.extraElementen.filter((e) => e.naam !== x.naam);
    if (x.waarde !== null) data.extraElementen.push(x);
    gewijzigd = true;
  }
  return gewijzigd;
}

function geldigheidUit(b: BesluitBericht): BesluitData['geldigheid'] | undefined {
  if (!b.geldigheid) return undefined;
  const g: BesluitData['geldigheid'] = {};
  if (b.geldigheid.begin) g.begin = b.geldigheid.begin;
  if (b.geldigheid.eind) g.eind = b.geldigheid.eind;
  return g;
}

// ---- relations --------------------------------------------------------------------------------------------

const actieVan = (ctx: MutatieContext, rel: RelatieElement, bron: Bron): Actie =>
  relatieActie(ctx, rel, bron === 'nieuwBesluit' ? 'nieuwObject' : bron, 'een nieuw besluit');

/** Stored children replaced by name by the received ones, cleaned by `schoon`; a nil one removes the stored value. */
function werkBijOpNaam(huidig: XElement[], ontvangen: XElement[], schoon: (c: XElement[]) => XElement[]): XElement[] {
  let uit = [...huidig];
  for (const c of ontvangen) {
    const leeg = zonderWaarde(c); // nil, or a group without any value: removes the stored one
    const nieuw = leeg ? [] : schoon([c]);
    if (!leeg && nieuw.length === 0) continue; // dropped: the stored value stays
    uit = uit.filter((v) => !(v.local === c.local && v.ns === c.ns));
    uit.push(...nieuw);
  }
  return uit;
}

async function verwerkDocument(ctx: MutatieContext, besluit: Besluit, rel: RelatieElement, actie: Actie): Promise<void> {
  if (actie === 'niets') return;
  const d = leesBesluitdocument(rel, ctx.afw);
  if (!d) return;
  const opslag = ctx.store.besluiten;
  const match = (await opslag.documenten(besluit.id)).find((x) => !x.einddatum && x.documentIdentificatie === d.documentIdentificatie);
  if (actie === 'toevoegen') {
    if (!match) await opslag.voegDocumentToe(besluit.id, d); // T on a relation that exists counts as I: never a second one
    return;
  }
  if (!match) {
    ctx.afw.meld(`${rel.pad}: besluit ${besluit.identificatie} is niet vastgelegd in document ${d.documentIdentificatie}; genegeerd`);
    return;
  }
  if (actie === 'wijzigen') {
    const gpad = `${rel.pad}/gerelateerde`;
    const gerelateerde = rel.element.children.find((c) => c.local === 'gerelateerde' && c.ns === NS.zkn)!.children.filter((c) => c.ns === NS.zkn && c.local in DOCUMENT_SPECS);
    const velden = rel.element.children.filter((c) => !(c.local === 'gerelateerde' && c.ns === NS.zkn));
    await opslag.werkDocumentBij(match.id!,
      werkBijOpNaam(match.gerelateerde, gerelateerde, (c) => besluitdocumentGerelateerde(c, gpad, ctx.afw)),
      werkBijOpNaam(match.velden, velden, (c) => besluitdocumentVelden(c, rel.pad, ctx.afw)));
  } else if (actie === 'verwijderen') await opslag.verwijderDocument(match.id!);
  else await opslag.beeindigDocument(match.id!, eindRelatie(rel) ?? ctx.vandaag());
}

interface ZaakWissel {
  nieuweZaak?: Zaak;
  /** The current zaak was removed or ended: only allowed when another one takes its place. */
  losgemaakt: boolean;
}

/**
 * isUitkomstVan is not part of the ZDS 1.2 updateBesluit, but StUF-ZKN senders use it to move a besluit to another
 * zaak. A besluit always has one zaak, so a new one replaces the current one and removing it alone is refused.
 */
async function verwerkUitkomstVan(ctx: MutatieContext, besluit: Besluit, rel: RelatieElement, bron: Bron, wissel: ZaakWissel): Promise<void> {
  ctx.afw.meld(`${rel.pad}: isUitkomstVan hoort niet in updateBesluit (ZDS 1.2); verwerkt als StUF-ZKN`);
  if (rel.nil) return;
  const vs = rel.verwerkingssoort;
  if (vs === 'I' || vs === 'W' || (vs === 'T' && bron === 'oud') || (vs === 'R' && bron === 'oud')) return;
  const z = leesUitkomstVan(rel, ctx.afw);
  if (!z) return;
  if (vs === 'V' || vs === 'E') {
    const huidig = await ctx.store.zaken.vindOpId(besluit.zaakId);
    if (huidig?.identificatie === z.identificatie) wissel.losgemaakt = true;
    else ctx.afw.meld(`${rel.pad}: besluit ${besluit.identificatie} is geen uitkomst van zaak ${z.identificatie}; genegeerd`);
    return;
  }
  if (vs !== 'T' && vs !== 'R') {
    ctx.afw.meld(`${rel.pad}: verwerkingssoort '${vs ?? ''}' wordt niet ondersteund op isUitkomstVan; genegeerd`);
    return;
  }
  wissel.nieuweZaak = await bestaandeZaak(ctx, z);
}
