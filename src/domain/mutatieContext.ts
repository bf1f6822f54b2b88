// What applying a kennisgeving needs around it: the store, the catalogue, the caller, where deviations and notes go.
// In a module of its own so that the rules and features it is handed to (plannen, relatieActie, partners) import it
// without importing the mutations that call them.
import type { Config } from '../config';
import type { Store } from '../store';
import type { Afwijkingen } from '../stuf/entiteit';
import type { Aanroeper } from '../toegang/aanroeper';
import type { Zaaktypecatalogus } from './zaaktypen';
import type { Zaak, Zaakrelatie } from './zaak';

/**
 * What a feature does when a zaak gains or loses a relation to another zaak, hooked in from above (whoever builds
 * the context hands it in, so the domain imports no feature): the partner feature links a deelplan to a
 * ketenpartner's zaak. Runs inside the message's transaction: database work only.
 */
export interface Relatiehaak {
  /** A relation is added; true when the other zaak is one the feature took on (then it need not be in the gateway). */
  toegevoegd(ctx: MutatieContext, zaak: Zaak, r: Zaakrelatie): Promise<boolean>;
  /** A relation is removed or ended. */
  losgelaten(ctx: MutatieContext, zaak: Zaak, andereIdentificatie: string): Promise<void>;
}

/**
 * What the archief feature does once a change to a zaak is applied (hooked in from above like Relatiehaak): derive
 * archiefnominatie and datumVernietigingDossier from the selectielijst. `berichtNoemt`: the message itself sent one
 * of them (a value or nil). Synchronous: it works on the zaak's data only.
 */
export interface Archiefhaak {
  naWijziging(ctx: MutatieContext, zaak: Zaak, berichtNoemt: boolean): void;
}

export interface MutatieContext {
  store: Store;
  catalogus: Zaaktypecatalogus;
  afw: Afwijkingen;
  config: Config;
  /**
   * Ketenpartners: whose numbering a zaak outside the gateway is in. Only what the domain's hooks ask, so that the
   * domain names no feature type (the partner feature's Partners fits it).
   */
  partners: { vanIdentificatie(identificatie: string): { naam: string } | undefined };
  /** Zaak relations a feature follows (see Relatiehaak). */
  relatiehaak: Relatiehaak;
  /** The archive values of a changed zaak (see Archiefhaak). */
  archiefhaak: Archiefhaak;
  /** Who sends the message: decides whether it may write zaken of this zaaktype and plan kind. */
  aanroeper: Aanroeper;
  /** Notes for the log that are not deviations (e.g. an identificatie without our gemeentecode). */
  meldingen: string[];
  vandaag: () => string;
  nu: () => string;
}
