// Applying document messages to the store: a new document (voegZaakdocumentToe, maakZaakdocument), a new version
// (updateZaakdocument) and unfiling (ontkoppelZaakdocument). Runs inside the caller's transaction: any thrown
// StufFout rolls the whole message back, stored content included. Every zaak a message files the document in,
// changes the filing of or unfiles it from must be one the caller may change.
import type { Store } from '../store';
import { Afwijkingen } from '../stuf/entiteit';
import { nietGevonden, schemaFout, verwerkingsFout } from '../stuf/fout';
import { Inhoud } from '../stuf/inhoud';
import { DocumentBericht, ZaakKoppeling, controleerDocumentidentificatie } from '../stuf/documentKennisgeving';
import { Document, DocumentData, DocumentVeld, VersioningState, ZaakdocumentData } from './document';
import type { Zaak } from './zaak';
import type { Zaaktypecatalogus } from './zaaktypen';
import type { Aanroeper } from '../toegang/aanroeper';
import { controleerSchrijven, zaakKenmerken } from '../toegang/rechten';
import { controleerDocumentZonderZaak } from '../toegang/documentRechten';

export interface DocumentContext {
  store: Store;
  catalogus: Zaaktypecatalogus;
  /** Who sends the message: decides which zaken it may file documents in. */
  aanroeper: Aanroeper;
  afw: Afwijkingen;
  meldingen: string[];
  vandaag: () => string;
}

export type NieuwSoort = 'voegZaakdocumentToe' | 'maakZaakdocument';

/** Mandatory in the Lk01 (XSD); formaat and taal may be nil in voegZaakdocumentToe but must be there. */
const VERPLICHT: DocumentVeld[] = ['dct.omschrijving', 'creatiedatum', 'titel', 'formaat', 'taal', 'vertrouwelijkAanduiding', 'auteur'];

async function zaakVan(ctx: DocumentContext, k: ZaakKoppeling): Promise<Zaak> {
  const zaak = await ctx.store.zaken.vind(k.zaak!);
  if (!zaak) throw nietGevonden(`Zaak met identificatie ${k.zaak} is niet gevonden (${k.pad})`);
  await controleerSchrijven(ctx.aanroeper, zaakKenmerken(ctx.catalogus, zaak));
  return zaak;
}

function pasVeldenToe<V extends string>(data: Partial<Record<V, { w: string; ind?: string }>>, velden: Map<V, { w: string; ind?: string } | null>): void {
  for (const [naam, w] of velden) {
    if (w === null) delete data[naam];
    else data[naam] = w;
  }
}

/** The content as stored: its content type falls back on the document's formaat (both are the MIME type). */
async function bewaar(ctx: DocumentContext, inhoud: Inhoud, data: DocumentData): Promise<number> {
  const contentType = inhoud.contentType ?? data.formaat?.w;
  return (await ctx.store.documenten.bewaarInhoud({ ...inhoud, ...(contentType ? { contentType } : {}) })).id;
}

function koppelVelden(ctx: DocumentContext, k: ZaakKoppeling): ZaakdocumentData {
  const velden: ZaakdocumentData = {};
  pasVeldenToe(velden, k.velden);
  velden.registratiedatum ??= { w: ctx.vandaag() }; // the day the zaak and the document were related (RGBZ)
  return velden;
}

// ---- voegZaakdocumentToe / maakZaakdocument -----------------------------------------------------------------

export async function nieuwDocument(ctx: DocumentContext, b: DocumentBericht, soort: NieuwSoort, zender: string | undefined): Promise<{ document: Document; zaken: string[] }> {
  const id = controleerDocumentidentificatie(b.identificatie, b.pad);
  if (await ctx.store.documenten.bestaat(id)) throw verwerkingsFout(`Document met identificatie ${id} bestaat al`);
  if (b.verwerkingssoort && b.verwerkingssoort !== 'T') ctx.afw.meld(`${b.pad}: verwerkingssoort '${b.verwerkingssoort}' bij ${soort}, verwacht T`);
  for (const v of VERPLICHT) {
    if (!b.velden.has(v)) ctx.afw.meld(`${b.pad}/${v} ontbreekt (verplicht bij ${soort})`);
    else if (b.velden.get(v) === null && (soort === 'maakZaakdocument' || (v !== 'formaat' && v !== 'taal'))) ctx.afw.meld(`${b.pad}/${v} is leeg (verplicht bij ${soort})`);
  }
  if (soort === 'voegZaakdocumentToe' && !b.inhoud) ctx.afw.meld(`${b.pad}/inhoud ontbreekt (verplicht bij voegZaakdocumentToe)`);

  const data: DocumentData = {};
  pasVeldenToe(data, b.velden);
  if (!data.formaat && b.inhoud?.contentType && b.inhoud.contentType.length <= 85) data.formaat = { w: b.inhoud.contentType };

  const koppelingen = b.koppelingen.filter((k) => !k.nil);
  if (koppelingen.length === 0) {
    ctx.afw.meld(`${b.pad}/isRelevantVoor ontbreekt: het document hoort bij geen enkele zaak`);
    controleerDocumentZonderZaak(ctx.aanroeper, id);
  }
  const zaken: Zaak[] = [];
  for (const k of koppelingen) {
    if (k.verwerkingssoort !== 'T' && k.verwerkingssoort !== 'I') ctx.afw.meld(`${k.pad}: verwerkingssoort '${k.verwerkingssoort ?? ''}' bij een nieuw document; gelezen als T`);
    zaken.push(await zaakVan(ctx, k));
  }

  const inhoudId = b.inhoud ? await bewaar(ctx, b.inhoud, data) : undefined;
  const document = await ctx.store.documenten.voegToe(id, data, inhoudId, zender);
  for (const [i, k] of koppelingen.entries()) await ctx.store.documenten.koppel(zaken[i].id, document.id, koppelVelden(ctx, k));
  return { document, zaken: zaken.map((z) => z.identificatie) };
}

// ---- updateZaakdocument -------------------------------------------------------------------------------------

/** The label after a check-in: 1 → 2 (major) or 1.1 (minor), 1.3 → 2.0 or 1.4. Labels we cannot read stay. */
export function volgendeVersie(huidig: string | undefined, state: VersioningState): string | undefined {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(huidig ?? '');
  if (!m) return huidig;
  const major = Number(m[1]);
  const volgende = state === 'major' ? (m[2] === undefined ? `${major + 1}` : `${major + 1}.0`) : `${major}.${Number(m[2] ?? 0) + 1}`;
  return volgende.length <= 5 ? volgende : huidig;
}

export interface Wijziging {
  oud?: DocumentBericht;
  nieuw: DocumentBericht;
  /** The holder of the (last) check-out checks in: a new version whose label follows versioningState. */
  checkIn: boolean;
  versioningState: VersioningState;
  zender?: string;
}

/** The relation changes of an update (StUF 5.2.6): T files in a zaak, W changes the relation, V and E unfile. */
async function wijzigKoppelingen(ctx: DocumentContext, doc: Document, w: Wijziging): Promise<string[]> {
  const zaken: string[] = [];
  const bronnen: [DocumentBericht | undefined, 'oud' | 'nieuw'][] = [[w.oud, 'oud'], [w.nieuw, 'nieuw']];
  for (const [b, bron] of bronnen) {
    for (const k of b?.koppelingen ?? []) {
      if (k.nil || k.verwerkingssoort === 'I' || ((k.verwerkingssoort === 'T' || k.verwerkingssoort === 'W') && bron === 'oud')) continue;
      const zaak = await zaakVan(ctx, k);
      zaken.push(zaak.identificatie);
      if (k.verwerkingssoort === 'T') {
        if (!(await ctx.store.documenten.koppel(zaak.id, doc.id, koppelVelden(ctx, k)))) ctx.meldingen.push(`${k.pad}: document was al gekoppeld aan zaak ${zaak.identificatie}`);
      } else if (k.verwerkingssoort === 'W') {
        const huidig = (await ctx.store.documenten.zakenVan(doc.id)).find((z) => z.zaakId === zaak.id);
        if (!huidig) throw verwerkingsFout(`Document ${doc.identificatie} is niet gekoppeld aan zaak ${zaak.identificatie}; de koppeling kan niet gewijzigd worden`);
        const velden = { ...huidig.velden };
        pasVeldenToe(velden, k.velden);
        await ctx.store.documenten.werkKoppelingBij(zaak.id, doc.id, velden);
      } else if (k.verwerkingssoort === 'V' || k.verwerkingssoort === 'E') {
        if (!(await ctx.store.documenten.ontkoppel(zaak.id, doc.id))) ctx.afw.meld(`${k.pad}: document is niet gekoppeld aan zaak ${zaak.identificatie}; niets ontkoppeld`);
      } else {
        ctx.afw.meld(`${k.pad}: verwerkingssoort '${k.verwerkingssoort ?? ''}' wordt niet ondersteund op isRelevantVoor; genegeerd`);
      }
    }
  }
  return zaken;
}

/** A new version of the document: the metadata nieuw sets or clears, new content if any, relation changes. */
export async function wijzigDocument(ctx: DocumentContext, doc: Document, w: Wijziging): Promise<string[]> {
  const vs = w.nieuw.verwerkingssoort;
  if (vs && vs !== 'W' && vs !== 'I') ctx.afw.meld(`${w.nieuw.pad}: verwerkingssoort '${vs}' bij updateZaakdocument, verwacht W of I`);
  const data: DocumentData = { ...doc.data };
  pasVeldenToe(data, w.nieuw.velden);
  const inhoudId = w.nieuw.inhoud ? await bewaar(ctx, w.nieuw.inhoud, data) : doc.inhoudId;
  if (!w.nieuw.velden.has('versie') && (w.checkIn || w.nieuw.inhoud)) {
    const label = volgendeVersie(doc.data.versie?.w, w.versioningState);
    if (label !== undefined) data.versie = { w: label };
  }
  const zaken = await wijzigKoppelingen(ctx, doc, w);
  await ctx.store.documenten.nieuweVersie(doc, data, inhoudId, w.checkIn ? w.versioningState : undefined, w.zender);
  return zaken;
}

// ---- ontkoppelZaakdocument ----------------------------------------------------------------------------------

/** Unfiles the document from the zaken its isRelevantVoor V names; the document itself stays. */
export async function ontkoppelDocument(ctx: DocumentContext, doc: Document, oud: DocumentBericht | undefined, nieuw: DocumentBericht): Promise<string[]> {
  const koppelingen = [...(oud?.koppelingen ?? []), ...nieuw.koppelingen].filter((k) => !k.nil && k.verwerkingssoort !== 'I');
  for (const b of [oud, nieuw]) {
    if (!b) continue;
    const genegeerd = [...b.velden.keys(), ...(b.inhoud ? ['inhoud'] : []), ...b.overig];
    if (genegeerd.length) ctx.afw.meld(`${b.pad}: ontkoppelZaakdocument wijzigt alleen de koppeling; ${genegeerd.join(', ')} genegeerd`);
  }
  const anders = koppelingen.find((k) => k.verwerkingssoort !== 'V' && k.verwerkingssoort !== 'E');
  if (anders) throw schemaFout(`${anders.pad}: ontkoppelZaakdocument verwijdert koppelingen (verwerkingssoort V), niet '${anders.verwerkingssoort ?? ''}'`);
  if (koppelingen.length === 0) throw schemaFout('ontkoppelZaakdocument noemt geen zaak om van te ontkoppelen (isRelevantVoor met verwerkingssoort V en de zaakidentificatie)');
  const zaken: Zaak[] = [];
  for (const k of new Map(koppelingen.map((k) => [k.zaak!, k])).values()) zaken.push(await zaakVan(ctx, k));
  for (const zaak of zaken) {
    if (!(await ctx.store.documenten.ontkoppel(zaak.id, doc.id))) throw verwerkingsFout(`Document ${doc.identificatie} is niet gekoppeld aan zaak ${zaak.identificatie}`);
  }
  return zaken.map((z) => z.identificatie);
}
