// What a ketenpartner may see: its own mirrored zaken and the deelplannen they belong to. The role decides, not the
// partners list: an application with role ketenpartner that no `partners` entry names has no mirrors, so it sees
// nothing (issue 15). A `partners` entry also scopes an application of another role (open mode's declared zender).
import type { Config } from '../config';
import { systeemLabel } from '../stuf/stuurgegevens';
import type { Aanroeper, AanroeperPartner } from '../toegang/aanroeper';
import type { Store } from '../store';
import type { Partners } from './partners';

/**
 * The scope of a ketenpartner without a partners entry. Its naam is empty: no partner is named so (names have at
 * least one character), so it finds no partner configuration and no mirror of its own.
 */
export const ZONDER_PARTNERVERMELDING: AanroeperPartner = { naam: '', ziet: async () => false };

export function partnerBereik(partners: Partners, store: Store, a: Aanroeper): AanroeperPartner | undefined {
  const partner = partners.vanSysteem(a);
  if (partner) return { naam: partner.naam, ziet: (id) => store.spiegelzaken.zichtbaarVoor(partner.naam, id) };
  return a.rol === 'ketenpartner' ? ZONDER_PARTNERVERMELDING : undefined;
}

/**
 * At start-up: each application with role ketenpartner that no partners entry names, with why it will see nothing.
 * Names the application by its StUF identity only (no credentials).
 */
export function partnersZonderVermelding(config: Config, partners: Partners): { applicatie: string; melding: string }[] {
  return config.toegang.applicaties
    .filter((app) => app.rol === 'ketenpartner' && !partners.vanSysteem(app.zender))
    .map((app) => ({
      applicatie: systeemLabel(app.zender),
      melding: `applicatie ${systeemLabel(app.zender)} heeft rol ketenpartner maar staat niet onder partners (geen partner met deze zender): zij ziet geen zaken, alleen een ketenpartner met gespiegelde zaken ziet die en hun deelplannen`,
    }));
}
