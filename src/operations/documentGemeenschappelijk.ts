// What the document operations share: the ZDS parameters of a Di02 (checkedOutId, versioningState), the document
// a message is about, the EDC La01 in the caller's dialect, and the domain context of a change.
import { NS } from '../stuf/namespaces';
import { nietGevonden, schemaFout } from '../stuf/fout';
import { antwoordStuurgegevens, systeemLabel } from '../stuf/stuurgegevens';
import { vandaag } from '../stuf/tijd';
import { XElement, el, path } from '../stuf/xml';
import { DocumentBericht, controleerDocumentidentificatie } from '../stuf/documentKennisgeving';
import { Document, VersioningState } from '../domain/document';
import { DocumentContext } from '../domain/documentMutaties';
import { Antwoord, Bericht, OperatieContext } from '../soap/operatie';
import { controleerDocumentLezen, controleerDocumentWijzigen, magDocumentLezen } from '../toegang/documentRechten';
import { onbekendOfVerborgen } from './gemeenschappelijk';

/** Namespace of the children of a vrij bericht (Di02/Du02): ZDS in 1.2, ZKN in 1.1. */
export const vrijNs = (bericht: Bericht): string => (bericht.dialect === 'zds12' ? NS.zds : NS.zkn);

export function documentContext(ctx: OperatieContext): DocumentContext {
  return { store: ctx.store, catalogus: ctx.catalogus, aanroeper: ctx.aanroeper, afw: ctx.afw, meldingen: ctx.meldingen, vandaag: () => vandaag() };
}

/** Who sent the message, as recorded with a version: the sending system, never a person. */
export const zenderLabel = (bericht: Bericht): string | undefined => (bericht.stuurgegevens.zender?.applicatie ? systeemLabel(bericht.stuurgegevens.zender) : undefined);

export interface ZdsParameters {
  checkedOutId?: string;
  versioningState: VersioningState;
}

/** ZDS:parameters of updateZaakdocument, cancelCheckout and ontkoppelZaakdocument (mandatory there, may be empty). */
export function leesZdsParameters(ctx: OperatieContext, bericht: Bericht): ZdsParameters {
  const p = path(bericht.root, 'parameters');
  if (!p) ctx.afw.meld('parameters ontbreekt (verplicht, mag leeg zijn)');
  const checkedOutId = path(p, 'checkedOutId')?.text.trim() || undefined;
  const state = path(p, 'versioningState')?.text.trim() || 'major';
  if (state !== 'major' && state !== 'minor') throw schemaFout(`parameters/versioningState '${state}' is geen major of minor`);
  return { ...(checkedOutId ? { checkedOutId } : {}), versioningState: state };
}

/** The document a Di02 is about: unknown is a StUF064 fault. */
export async function bestaandDocument(ctx: OperatieContext, id: string): Promise<Document> {
  const doc = await ctx.store.documenten.vind(id);
  if (!doc) throw nietGevonden(`Document met identificatie ${id} is niet gevonden`);
  return doc;
}

/** The document a Di02 changes: one the caller may not change (through any of its zaken) is a StUF052, before anything about its lock is said. */
export async function teWijzigenDocument(ctx: OperatieContext, id: string): Promise<Document> {
  const doc = await bestaandDocument(ctx, id);
  await controleerDocumentWijzigen(ctx, doc);
  return doc;
}

/** The identificaties of the zaken through which the caller may read the document: the only ones its answer names. */
export async function leesbareZaken(ctx: OperatieContext, doc: Document): Promise<Set<string>> {
  return new Set((await controleerDocumentLezen(ctx, doc)).map((b) => b.zaak.identificatie));
}

/** The identificatie of an oud/nieuw pair: both must name the same document (an identificatie cannot change). */
export function identificatieVan(oud: DocumentBericht | undefined, nieuw: DocumentBericht): string {
  if (oud?.identificatie && nieuw.identificatie && oud.identificatie !== nieuw.identificatie) {
    throw schemaFout(`object/identificatie: oud (${oud.identificatie}) en nieuw (${nieuw.identificatie}) verschillen; een identificatie kan niet gewijzigd worden`);
  }
  return controleerDocumentidentificatie(nieuw.identificatie ?? oud?.identificatie, nieuw.pad);
}

/** A La01 on EDC: ZDS 1.2 geefZaakdocumentLezen_EdcLa01, ZDS 1.1 plain ZKN:edcLa01. */
export function edcLa01(ctx: OperatieContext, bericht: Bericht, objecten: XElement[]): XElement {
  const inhoud = [
    antwoordStuurgegevens(NS.zkn, bericht.stuurgegevens, ctx.eigen, { berichtcode: 'La01', entiteittype: 'EDC' }),
    el(NS.zkn, 'parameters', [el(NS.stuf, 'indicatorVervolgvraag', 'false')]),
    objecten.length > 0 && el(NS.zkn, 'antwoord', objecten),
  ];
  return bericht.dialect === 'zds12' ? el(NS.zds, 'geefZaakdocumentLezen_EdcLa01', inhoud) : el(NS.zkn, 'edcLa01', inhoud);
}

/**
 * The document a question asks for, or the one answer for an unknown document and one the caller may not read
 * (through none of its zaken): see onbekendOfVerborgen. Without `leeg` (a Di02) both are a StUF064.
 */
export async function gevraagdDocument(ctx: OperatieContext, id: string, leeg?: () => XElement): Promise<Document | Antwoord> {
  const doc = await ctx.store.documenten.vind(id);
  const verborgen = doc && !(await magDocumentLezen(ctx, doc)) ? 'geen van de zaken van het document toont haar documenten aan deze aanroeper' : undefined;
  if (doc && !verborgen) return doc;
  return onbekendOfVerborgen(ctx, 'Document', id, verborgen, leeg);
}
