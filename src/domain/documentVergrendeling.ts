// The check-out lock of a document (CMIS checkOut / checkIn / cancelCheckOut): who may change a document that
// somebody is editing, and the Dutch words for the refusal. A lock lapses after documenten.vergrendelingMinuten.
import { randomUUID } from 'node:crypto';
import type { Store } from '../store';
import { StufFout, verwerkingsFout } from '../stuf/fout';
import { Systeem, systeemLabel } from '../stuf/stuurgegevens';
import { formatAmsterdam } from '../stuf/tijd';
import { Document, Vergrendeling } from './document';

/** The holder of a lock: the end user when the zender names one, else the sending system (zds.md 5). */
export function houder(zender: Systeem | undefined): string {
  return zender?.gebruiker ?? systeemLabel(zender);
}

/** The lock that is in force now, if any; a lapsed one is kept on the row but no longer binds. */
export function actieveVergrendeling(doc: Document, nu = new Date()): Vergrendeling | undefined {
  const v = doc.vergrendeling;
  return v && v.tot > nu.toISOString() ? v : undefined;
}

/** "dd-mm-jjjj uu:mm" in Dutch local time, for the details of a refusal. */
function leesbaar(utc: string): string {
  const d = formatAmsterdam(Date.parse(utc), 12);
  return `${d.slice(6, 8)}-${d.slice(4, 6)}-${d.slice(0, 4)} ${d.slice(8, 10)}:${d.slice(10, 12)}`;
}

const inBewerking = (doc: Document, v: Vergrendeling, door = v.door) =>
  `Document ${doc.identificatie} is in bewerking bij ${door} sinds ${leesbaar(v.sinds)} (vergrendeld tot ${leesbaar(v.tot)})`;

/** A refusal because of someone else's check-out: the caller learns who holds it, the log does not. */
function bezet(doc: Document, v: Vergrendeling, rest: string): StufFout {
  const fout = verwerkingsFout(`${inBewerking(doc, v)}; ${rest}`);
  fout.voorLog = `${inBewerking(doc, v, '(houder niet gelogd)')}; ${rest}`;
  return fout;
}

/**
 * Whether a change (updateZaakdocument, ontkoppelZaakdocument) may go ahead: a document checked out by someone
 * needs that check-out's checkedOutId; a lapsed check-out may still be checked in by its own id. Returns whether
 * the change comes from the holder of the (last) check-out.
 */
export function controleerWijziging(doc: Document, checkedOutId: string | undefined, wat: string, nu = new Date()): boolean {
  const actief = actieveVergrendeling(doc, nu);
  if (actief) {
    if (checkedOutId === undefined) throw bezet(doc, actief, `${wat} moet de checkedOutId van die uitcheck meegeven`);
    if (checkedOutId !== actief.checkedOutId) throw bezet(doc, actief, 'de meegegeven checkedOutId hoort niet bij die uitcheck');
    return true;
  }
  if (checkedOutId === undefined) return false;
  if (checkedOutId === doc.vergrendeling?.checkedOutId) return true;
  throw verwerkingsFout(`Document ${doc.identificatie} is niet uitgecheckt met checkedOutId ${checkedOutId}; laat de checkedOutId weg of check het document eerst uit`);
}

/**
 * ontkoppelZaakdocument changes no document, only a filing: one that nobody has checked out is unfiled whatever
 * checkedOutId the message carries (the test platform sends a placeholder), with a note; one that is checked out
 * only with the checkedOutId of that check-out, as any change.
 */
export function controleerOntkoppelen(doc: Document, checkedOutId: string | undefined, meldingen: string[], nu = new Date()): void {
  if (!actieveVergrendeling(doc, nu) && checkedOutId !== undefined && checkedOutId !== doc.vergrendeling?.checkedOutId) {
    meldingen.push(`ontkoppelZaakdocument: document ${doc.identificatie} is niet uitgecheckt; de meegegeven checkedOutId is genegeerd`);
    return;
  }
  controleerWijziging(doc, checkedOutId, 'ontkoppelen', nu);
}

/**
 * geefZaakdocumentBewerken: a new check-out, or the holder's own one again (its lapse moved forward).
 * Anyone else is refused while the lock is in force.
 */
export async function checkOut(store: Store, doc: Document, door: string, minuten: number, nu = new Date()): Promise<Vergrendeling> {
  const actief = actieveVergrendeling(doc, nu);
  if (actief && actief.door !== door) throw bezet(doc, actief, 'uitchecken kan pas na inchecken of cancelCheckout');
  const tot = new Date(nu.getTime() + minuten * 60_000).toISOString();
  const v: Vergrendeling = actief ? { ...actief, tot } : { checkedOutId: randomUUID(), door, sinds: nu.toISOString(), tot };
  // Taken on the row's state, not only on the document as read: of two instances checking out at once one wins.
  if (!(await store.documenten.vergrendelAlsVrij(doc.id, v, nu.toISOString()))) {
    throw verwerkingsFout(`Document ${doc.identificatie} is zojuist door een ander uitgecheckt; uitchecken kan pas na inchecken of cancelCheckout`);
  }
  return v;
}

/**
 * cancelCheckout: releases the check-out with this checkedOutId. A document that is not (or no longer)
 * checked out has nothing to release: that is answered as done, with a note.
 */
export async function annuleerCheckOut(store: Store, doc: Document, checkedOutId: string | undefined, meldingen: string[], nu = new Date()): Promise<void> {
  const actief = actieveVergrendeling(doc, nu);
  if (actief) {
    if (checkedOutId === undefined) throw bezet(doc, actief, 'cancelCheckout moet de checkedOutId van die uitcheck meegeven');
    if (checkedOutId !== actief.checkedOutId) throw bezet(doc, actief, 'de meegegeven checkedOutId hoort niet bij die uitcheck');
  } else {
    meldingen.push(`cancelCheckout: document ${doc.identificatie} was niet (meer) uitgecheckt`);
  }
  // Only this check-out's lock is released: one another instance took in its place meanwhile stays.
  if (doc.vergrendeling && !(await store.documenten.ontgrendelAls(doc.id, doc.vergrendeling.checkedOutId))) {
    meldingen.push(`cancelCheckout: document ${doc.identificatie} is intussen door een ander uitgecheckt; die uitcheck blijft staan`);
  }
}
