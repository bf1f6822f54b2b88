// Stored subtrees (relation fields, isGezetDoor, a zaakobject, the groups of a betrokkene) as an answer type can
// carry them. What is stored now passed the allow-lists on receipt, but a record stored by an older version, or a
// group a sender gave only partly, must not make a later answer invalid. Two rules of the StUF types are applied
// here, where the subtree re-enters an answer:
// - a group whose type requires children gets the missing ones nil with StUF:noValue="geenWaarde" (a tijdvakGeldigheid
//   always has beginGeldigheid and eindGeldigheid; the postadres of a correspondentieadres is type and number);
// - a group never carries StUF:noValue (no group type has it): a nil tijdvak (not nillable) is given as its required
//   children nil, a nil address group loses the attribute (the allow-list then drops the nil groups it does not keep).
import { NS } from './namespaces';
import { Afwijkingen } from './entiteit';
import { opschonen, opschonenElement, Vorm, VormVeld } from './schemaVorm';
import { XElement, at, el, isNil } from './xml';

interface Aanvulling {
  /** Children in schema order, each required; with `samen` only once one of them is present (a choice branch). */
  kinderen: readonly string[];
  ns: string;
  samen?: boolean;
}

const sleutel = (ns: string, local: string) => `{${ns}}${local}`;

/** StUF0301 TijdvakGeldigheid, TijdvakRelatie (eindRelatie optional), TijdvakObject (eindObject optional). */
const TIJDVAKKEN = new Map<string, Aanvulling>([
  [sleutel(NS.stuf, 'tijdvakGeldigheid'), { kinderen: ['beginGeldigheid', 'eindGeldigheid'], ns: NS.stuf }],
  [sleutel(NS.stuf, 'tijdvakRelatie'), { kinderen: ['beginRelatie'], ns: NS.stuf }],
  [sleutel(NS.stuf, 'tijdvakObject'), { kinderen: ['beginObject'], ns: NS.stuf }],
]);

/** CorrespondentieAdresGrp-zkn-basis: the postadres branch of its choice is sub.postadresType with sub.postadresNummer. */
const POSTADRES: Aanvulling = { kinderen: ['sub.postadresType', 'sub.postadresNummer'], ns: NS.bg, samen: true };

const REGELS = new Map<string, Aanvulling>([
  ...TIJDVAKKEN,
  [sleutel(NS.bg, 'sub.correspondentieAdres'), POSTADRES],
  [sleutel(NS.zkn, 'afwijkendCorrespondentieAdres'), POSTADRES],
]);

const leeg = (ns: string, local: string): XElement => el(ns, local, undefined, [at(NS.xsi, 'nil', 'true'), at(NS.stuf, 'noValue', 'geenWaarde')]);
const zonderNoValue = (e: XElement): XElement => ({ ...e, attrs: e.attrs.filter((a) => !(a.ns === NS.stuf && a.local === 'noValue')) });

function vulAan(regel: Aanvulling, kinderen: XElement[]): XElement[] {
  const heeft = (naam: string) => kinderen.some((k) => k.ns === regel.ns && k.local === naam);
  if (regel.samen && !regel.kinderen.some(heeft)) return kinderen;
  const uit = [...kinderen];
  regel.kinderen.forEach((naam, i) => {
    if (heeft(naam)) return;
    // Before the first present child that follows it in schema order, else at the end of the group.
    const volgende = uit.findIndex((k) => k.ns === regel.ns && regel.kinderen.indexOf(k.local) > i);
    uit.splice(volgende < 0 ? uit.length : volgende, 0, leeg(regel.ns, naam));
  });
  return uit;
}

/** The subtree with every group the StUF types require whole completed, and no StUF:noValue on a group. */
export function aangevuld(e: XElement): XElement {
  const regel = REGELS.get(sleutel(e.ns, e.local));
  if (isNil(e)) {
    if (TIJDVAKKEN.has(sleutel(e.ns, e.local))) return { ns: e.ns, local: e.local, attrs: [], children: vulAan(regel!, []), text: '' };
    return regel ? zonderNoValue(e) : e;
  }
  if (e.children.length === 0) return e;
  const kinderen = e.children.map(aangevuld);
  return { ...e, children: regel ? vulAan(regel, kinderen) : kinderen };
}

/** Cleaning drops nil children it does not keep (a nil postadresNummer), so groups are completed again after it. */
const schoon = (kinderen: readonly XElement[], vorm: Vorm, pad: string) => opschonen(kinderen.map(aangevuld), vorm, pad, new Afwijkingen(false)).map(aangevuld);

/**
 * Stored children as the allow-list of their place keeps them (foreign elements and values outside their type of an
 * older record dropped), completed. Nothing is refused here: the record was accepted once.
 */
export function opgeslagenKinderen(kinderen: readonly XElement[], vorm: Vorm, pad: string): XElement[] {
  try {
    return schoon(kinderen, vorm, pad);
  } catch {
    // A value its type cannot carry: child by child, so that only that child is left out.
    return kinderen.flatMap((k) => {
      try {
        return schoon([k], vorm, pad);
      } catch {
        return [];
      }
    });
  }
}

/** One stored element as its place allows it, completed; undefined when nothing of it can be answered. */
export function opgeslagenElement(e: XElement, naam: string, veld: VormVeld, pad: string): XElement | undefined {
  try {
    const schoon = opschonenElement(aangevuld(e), naam, veld, pad, new Afwijkingen(false));
    return schoon && aangevuld(schoon);
  } catch {
    return undefined;
  }
}
