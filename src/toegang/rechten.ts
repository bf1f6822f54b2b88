// What a role may do: which operations, and which zaken it may read or change (by zaaktype and plan kind).
// Refusals are StUF052 with a details text that names the application, its role and what it lacked.
import { StufFout } from '../stuf/fout';
import type { Operatie } from '../soap/operatie';
import type { PlanSoort, Zaaktypecatalogus } from '../domain/zaaktypen';
import type { Zaak } from '../domain/zaak';
import type { ZaakBeeld } from '../domain/zaakBeeld';
import { ALLE_ZAAKTYPEN, Aanroeper, aanroeperLabel, magLezen, magNoodtoegang, magSchrijven } from './aanroeper';
import { zichtOp } from './zicht';

/** Operations that hand out document metadata or content. */
const DOCUMENT_OPERATIES = new Set([
  'geefLijstZaakdocumenten', 'geefZaakdocumentLezen', 'geefZaakdocumentBewerken', 'updateZaakdocument', 'cancelCheckout',
  'voegZaakdocumentToe', 'maakZaakdocument', 'ontkoppelZaakdocument', 'genereerDocumentIdentificatie',
]);

/** What the rights on a zaak depend on (a ZaakBeeld has them). */
export interface ZaakKenmerken {
  identificatie: string;
  zaaktypeCode: string;
  soort: PlanSoort;
}

export const zaakKenmerken = (catalogus: Zaaktypecatalogus, zaak: Zaak): ZaakKenmerken => ({
  identificatie: zaak.identificatie,
  zaaktypeCode: zaak.data.zaaktype.code,
  soort: catalogus.soortVan(zaak.data.zaaktype),
});

/** A StUF052 that names the application and its role; `wat` says what it may not do. */
export const geweigerd = (a: Aanroeper, wat: string) => new StufFout('StUF052', `Applicatie ${aanroeperLabel(a)} ${wat}`);

/** Before any work: may this role call this operation at all, and may it break the glass? */
export function controleerOperatie(a: Aanroeper, op: Operatie): void {
  if (op.wijzigt && (a.rol === 'kcc' || a.rol === 'beheer')) throw geweigerd(a, `mag alleen vragen stellen, niet ${op.naam}`);
  if (op.wijzigt && a.rol === 'teammanager') throw geweigerd(a, `mag alleen vragen stellen, niet ${op.naam}`);
  if (a.rol === 'kcc' && DOCUMENT_OPERATIES.has(op.naam)) throw geweigerd(a, `mag geen documenten inzien (${op.naam})`);
  // A teammanager sees workload, not content: its document list of a zaak is answered like that of an invisible plan.
  if (a.rol === 'teammanager' && !a.noodtoegang && DOCUMENT_OPERATIES.has(op.naam) && op.naam !== 'geefLijstZaakdocumenten') {
    throw geweigerd(a, `mag geen documenten inzien (${op.naam})`);
  }
  if (a.noodtoegang && !magNoodtoegang(a)) throw geweigerd(a, 'mag geen noodtoegang gebruiken');
}

/** A ketenpartner stays with its own mirrored zaken and the deelplannen they belong to, whatever its zaaktypen say. */
async function partnerWeigering(a: Aanroeper, zaak: ZaakKenmerken): Promise<string | undefined> {
  if (!a.partner || a.noodtoegang || (await a.partner.ziet(zaak.identificatie))) return undefined;
  // Role ketenpartner without a partners entry (partners/bereik.ts): it has no mirrors, so it sees nothing.
  if (!a.partner.naam) return `is ketenpartner zonder vermelding onder partners en ziet geen zaken, ook niet zaak ${zaak.identificatie}`;
  return `is ketenpartner ${a.partner.naam} en ziet alleen haar eigen zaken en de deelplannen waaraan die gekoppeld zijn, niet zaak ${zaak.identificatie}`;
}

/** Why the caller may not read this zaak at all, or undefined. Plans are never refused: the Zicht limits them. */
export async function leesWeigering(a: Aanroeper, zaak: ZaakKenmerken): Promise<string | undefined> {
  const partner = await partnerWeigering(a, zaak);
  if (partner) return partner;
  if (a.noodtoegang || zaak.soort !== 'gewoon' || magLezen(a, zaak.zaaktypeCode)) return undefined;
  return `mag zaken van zaaktype ${zaak.zaaktypeCode} niet lezen (zaak ${zaak.identificatie})`;
}

/** Why the caller may not change this zaak, or undefined. */
export async function schrijfWeigering(a: Aanroeper, zaak: ZaakKenmerken): Promise<string | undefined> {
  const partner = await partnerWeigering(a, zaak);
  if (partner) return partner;
  if (!magSchrijven(a, zaak.zaaktypeCode)) return `mag zaken van zaaktype ${zaak.zaaktypeCode} niet wijzigen (zaak ${zaak.identificatie})`;
  if (zaak.soort !== 'gewoon' && a.rol !== 'regie' && a.rol !== 'open') {
    return `mag een ${zaak.soort} niet wijzigen (zaak ${zaak.identificatie}); dat doet alleen het regiesysteem`;
  }
  return undefined;
}

/** Whether the caller may read zaken of every zaaktype (or breaks the glass): then no zaak is left out of a list. */
export function leestAlleZaaktypen(a: Aanroeper): boolean {
  if (a.partner && !a.noodtoegang) return false;
  return a.noodtoegang !== undefined || magLezen(a, ALLE_ZAAKTYPEN);
}

/**
 * Whether the caller may change zaken of every zaaktype, as a document in no zaak asks. A ketenpartner never does,
 * whatever its schrijven list says: it stays with its own zaken.
 */
export function schrijftAlleZaaktypen(a: Aanroeper): boolean {
  return !a.partner && magSchrijven(a, ALLE_ZAAKTYPEN);
}

/** Why a ketenpartner may not act on (announce, change) this zaak, or undefined for every other caller. */
export async function partnerBuitenBereik(a: Aanroeper, identificatie: string): Promise<string | undefined> {
  if (!a.partner || (await a.partner.ziet(identificatie))) return undefined;
  return a.partner.naam
    ? `is ketenpartner ${a.partner.naam} en gaat alleen over haar eigen zaken, niet over zaak ${identificatie}`
    : `is ketenpartner zonder vermelding onder partners en gaat over geen enkele zaak, ook niet zaak ${identificatie}`;
}

/** Whether an ordinary zaak appears in a list (a search) for this caller; plans always do. */
export async function magInLijst(a: Aanroeper, zaaktypeCode: string, soort: PlanSoort, identificatie: string): Promise<boolean> {
  if (a.partner && !a.noodtoegang) return (await a.partner.ziet(identificatie)) && (soort !== 'gewoon' || magLezen(a, zaaktypeCode));
  return a.noodtoegang !== undefined || soort !== 'gewoon' || magLezen(a, zaaktypeCode);
}

/** Changing (or creating) a zaak: its zaaktype in the schrijven list; plans only by regie. */
export async function controleerSchrijven(a: Aanroeper, zaak: ZaakKenmerken): Promise<void> {
  const waarom = await schrijfWeigering(a, zaak);
  if (waarom) throw geweigerd(a, waarom);
}

/**
 * Whether the caller may see the documents of this zaak (their list and content). They are plan content: only a
 * full view (regie, the plan's own uitvoerenden, an emergency read) shows them.
 */
export async function magDocumentenZien(a: Aanroeper, beeld: ZaakBeeld): Promise<boolean> {
  return !(await leesWeigering(a, beeld)) && (await zichtOp(a, beeld)).niveau === 'volledig';
}

/**
 * Besluiten are what a plan decided, hidden like its other content; of an ordinary zaak they are process information.
 * A teammanager's workload view shows none.
 */
export async function magBesluitenZien(a: Aanroeper, beeld: ZaakBeeld): Promise<boolean> {
  const niveau = (await zichtOp(a, beeld)).niveau;
  return !(await leesWeigering(a, beeld)) && niveau !== 'plan' && niveau !== 'werkvoorraad';
}

/** Asking for the zaken of a person (BSN) tells who has a plan: a teammanager sees workload, never persons. */
export function controleerPersoonsvraag(a: Aanroeper): void {
  if (a.rol === 'teammanager' && !a.noodtoegang) throw geweigerd(a, 'mag niet zoeken naar de zaken van een persoon; een teammanager ziet de werkvoorraad, geen personen');
}
