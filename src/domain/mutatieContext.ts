// What applying a kennisgeving needs around it: the store, the catalogue, the caller, where deviations and notes go.
// In a module of its own so that the rules and features it is handed to (plannen, relatieActie, partners) import it
// without importing the mutations that call them.
import type { Config } from '../config';
import type { Store } from '../store';
import type { Afwijkingen } from '../stuf/entiteit';
import type { Aanroeper } from '../toegang/aanroeper';
import type { Partners } from '../partners/partners';
import type { Zaaktypecatalogus } from './zaaktypen';

export interface MutatieContext {
  store: Store;
  catalogus: Zaaktypecatalogus;
  afw: Afwijkingen;
  config: Config;
  /** Ketenpartners: whose numbering a zaak outside the gateway is in. */
  partners: Partners;
  /** Who sends the message: decides whether it may write zaken of this zaaktype and plan kind. */
  aanroeper: Aanroeper;
  /** Notes for the log that are not deviations (e.g. an identificatie without our gemeentecode). */
  meldingen: string[];
  vandaag: () => string;
  nu: () => string;
}
