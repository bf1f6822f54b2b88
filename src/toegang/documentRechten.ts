// Rights on a document: it has none of its own, it shares those of the zaken it is filed in. Reading needs one of
// them whose documents the caller may see; changing needs one the caller may change. A document filed in no zaak
// counts as belonging to every zaaktype: only an application that may read (change) every zaaktype may read
// (change) it, so that unfiling never makes a document more visible than it was.
import type { Store } from '../store';
import type { Document } from '../domain/document';
import type { Zaaktypecatalogus } from '../domain/zaaktypen';
import { ZaakBeeld } from '../domain/zaakBeeld';
import { Aanroeper, magLezen, magSchrijven } from './aanroeper';
import { geweigerd, leestAlleZaaktypen, magDocumentenZien, schrijfWeigering, schrijftAlleZaaktypen } from './rechten';

export interface DocumentOmgeving {
  store: Store;
  catalogus: Zaaktypecatalogus;
  aanroeper: Aanroeper;
}


async function zakenVan(o: DocumentOmgeving, doc: Document): Promise<ZaakBeeld[]> {
  const uit: ZaakBeeld[] = [];
  for (const zd of await o.store.documenten.zakenVan(doc.id)) {
    const zaak = await o.store.zaken.vindOpId(zd.zaakId);
    if (zaak) uit.push(new ZaakBeeld(o.store, o.catalogus, zaak));
  }
  return uit;
}

/** The zaken the caller may see the documents of, in order. */
async function metZichtbareDocumenten(a: Aanroeper, zaken: ZaakBeeld[]): Promise<ZaakBeeld[]> {
  const uit: ZaakBeeld[] = [];
  for (const b of zaken) if (await magDocumentenZien(a, b)) uit.push(b);
  return uit;
}

const uniek = (xs: string[]) => [...new Set(xs)].join('; ');

/** Why a zaak hides its documents, without naming a zaak the caller may not know of (a plan's existence is public). */
function leesReden(a: Aanroeper, b: ZaakBeeld): string {
  if (b.isPlan) return `${b.soort} ${b.zaak.identificatie} (alleen het regiesysteem en de uitvoerenden van het plan)`;
  if (!magLezen(a, b.zaaktypeCode)) return `zaaktype ${b.zaaktypeCode} (niet in haar lezen-lijst)`;
  return `zaak ${b.zaak.identificatie} (rol ${a.rol} ziet geen documenten)`;
}

function schrijfReden(a: Aanroeper, b: ZaakBeeld): string {
  if (!magSchrijven(a, b.zaaktypeCode)) return `zaaktype ${b.zaaktypeCode} (niet in haar schrijven-lijst)`;
  return `${b.soort} ${b.zaak.identificatie} (alleen het regiesysteem)`;
}

/**
 * Reading a document (geefZaakdocumentLezen, -Bewerken): StUF052 unless one of its zaken shows its documents to
 * the caller. Returns the zaken the caller sees, the only ones its answer may name.
 */
export async function controleerDocumentLezen(o: DocumentOmgeving, doc: Document): Promise<ZaakBeeld[]> {
  const a = o.aanroeper;
  const zaken = await zakenVan(o, doc);
  if (zaken.length === 0) {
    if (leestAlleZaaktypen(a)) return [];
    throw geweigerd(a, `mag document ${doc.identificatie} niet lezen: het is aan geen zaak gekoppeld, en zo'n document mag alleen een applicatie lezen die alle zaaktypen mag lezen (lezen: ['*'])`);
  }
  const zichtbaar = await metZichtbareDocumenten(a, zaken);
  if (zichtbaar.length > 0) return zichtbaar;
  throw geweigerd(a, `mag document ${doc.identificatie} niet lezen: het hoort alleen bij zaken waarvan zij de documenten niet mag zien: ${uniek(zaken.map((b) => leesReden(a, b)))}`);
}

/** Whether the caller may read the document, for answers that merely mention it (a besluit's isVastgelegdIn). */
export async function magDocumentLezen(o: DocumentOmgeving, doc: Document): Promise<boolean> {
  const zaken = await zakenVan(o, doc);
  if (zaken.length === 0) return leestAlleZaaktypen(o.aanroeper);
  for (const b of zaken) if (await magDocumentenZien(o.aanroeper, b)) return true;
  return false;
}

/** Changing a document (check-out, check-in, new metadata, cancelCheckout): one of its zaken must be changeable. */
export async function controleerDocumentWijzigen(o: DocumentOmgeving, doc: Document): Promise<void> {
  const a = o.aanroeper;
  const zaken = await zakenVan(o, doc);
  if (zaken.length === 0) {
    if (schrijftAlleZaaktypen(a)) return;
    throw geweigerd(a, `mag document ${doc.identificatie} niet wijzigen: het is aan geen zaak gekoppeld, en zo'n document mag alleen een applicatie wijzigen die alle zaaktypen mag wijzigen (schrijven: ['*'])`);
  }
  for (const b of zaken) if (!(await schrijfWeigering(a, b))) return;
  throw geweigerd(a, `mag document ${doc.identificatie} niet wijzigen: het hoort alleen bij zaken die zij niet mag wijzigen: ${uniek(zaken.map((b) => schrijfReden(a, b)))}`);
}

/** A new document filed in no zaak: like changing every zaaktype. */
export function controleerDocumentZonderZaak(a: Aanroeper, id: string): void {
  if (schrijftAlleZaaktypen(a)) return;
  throw geweigerd(a, `mag document ${id} niet zonder zaak vastleggen: dat mag alleen een applicatie die alle zaaktypen mag wijzigen (schrijven: ['*']); noem de zaak in isRelevantVoor`);
}
