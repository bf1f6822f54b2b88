// What a role may do: which operations, and which zaken it may read or change (by zaaktype and plan kind).
// Refusals are StUF052 with a details text that names the application, its role and what it lacked.
import { StufFout } from '../stuf/fout';
import type { Operatie } from '../soap/operatie';
import type { PlanSoort } from '../domain/zaaktypen';
import { Aanroeper, aanroeperLabel, magLezen, magNoodtoegang, magSchrijven } from './aanroeper';

/** Operations that hand out document metadata or content. */
const DOCUMENT_OPERATIES = new Set([
  'geefLijstZaakdocumenten', 'geefZaakdocumentLezen', 'geefZaakdocumentBewerken', 'updateZaakdocument', 'cancelCheckout',
  'voegZaakdocumentToe', 'maakZaakdocument', 'ontkoppelZaakdocument', 'genereerDocumentIdentificatie',
]);

const geweigerd = (a: Aanroeper, wat: string) => new StufFout('StUF052', `Applicatie ${aanroeperLabel(a)} ${wat}`);

/** Before any work: may this role call this operation at all, and may it break the glass? */
export function controleerOperatie(a: Aanroeper, op: Operatie): void {
  if (op.wijzigt && (a.rol === 'kcc' || a.rol === 'beheer')) throw geweigerd(a, `mag alleen vragen stellen, niet ${op.naam}`);
  if (a.rol === 'kcc' && DOCUMENT_OPERATIES.has(op.naam)) throw geweigerd(a, `mag geen documenten inzien (${op.naam})`);
  if (a.noodtoegang && !magNoodtoegang(a)) throw geweigerd(a, 'mag geen noodtoegang gebruiken');
}

/**
 * Reading a zaak: an ordinary zaak needs its zaaktype in the application's lezen list. Plans are never refused:
 * everyone may learn that a plan exists and who its regisseur is; the Zicht decides how much more.
 */
export function controleerLezen(a: Aanroeper, zaak: { identificatie: string; zaaktypeCode: string; soort: PlanSoort }): void {
  if (a.noodtoegang || zaak.soort !== 'gewoon') return;
  if (!magLezen(a, zaak.zaaktypeCode)) throw geweigerd(a, `mag zaken van zaaktype ${zaak.zaaktypeCode} niet lezen (zaak ${zaak.identificatie})`);
}

/** Whether an ordinary zaak appears in a list (a search) for this caller; plans always do. */
export function magInLijst(a: Aanroeper, zaaktypeCode: string, soort: PlanSoort): boolean {
  return a.noodtoegang !== undefined || soort !== 'gewoon' || magLezen(a, zaaktypeCode);
}

/** Changing (or creating) a zaak: its zaaktype in the schrijven list; plans only by regie. */
export function controleerSchrijven(a: Aanroeper, zaak: { identificatie: string; zaaktypeCode: string; soort: PlanSoort }): void {
  if (!magSchrijven(a, zaak.zaaktypeCode)) throw geweigerd(a, `mag zaken van zaaktype ${zaak.zaaktypeCode} niet wijzigen (zaak ${zaak.identificatie})`);
  if (zaak.soort !== 'gewoon' && a.rol !== 'regie' && a.rol !== 'open') {
    throw geweigerd(a, `mag een ${zaak.soort} niet wijzigen (zaak ${zaak.identificatie}); dat doet alleen het regiesysteem`);
  }
}
