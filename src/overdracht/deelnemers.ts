// Who takes part in a handover (rzs.md §7, A15): the aanvrager, the Di01's zender, to whom the backoffice's Du01 is
// relayed; and the backoffice, named by the Di01's ontvanger or else by the zaaktype table. Both must be configured
// destinations: the gateway delivers to them through the outbox.
import type { Gateway } from '../soap/operatie';
import { verwerkingsFout } from '../stuf/fout';
import { Stuurgegevens, systeemLabel } from '../stuf/stuurgegevens';
import { zelfdeSysteem } from '../uitgaand/bestemmingen';
import type { BestemmingConfig } from '../uitgaand/configSchema';

export function aanvragerVan(gw: Gateway, sg: Stuurgegevens): BestemmingConfig {
  const b = gw.bestemmingen.vanSysteem(sg.zender);
  if (!b) {
    throw verwerkingsFout(
      `Zender ${systeemLabel(sg.zender)} is geen geconfigureerde bestemming, dus het antwoord van de backoffice (overdragenZaak_Du01) ` +
        `kan niet bezorgd worden; voeg onder bestemmingen een bestemming toe met ontvanger applicatie ${sg.zender?.applicatie}`,
    );
  }
  return b;
}

export function kiesBackoffice(gw: Gateway, sg: Stuurgegevens, zaaktypeCode: string, aanvrager: BestemmingConfig): BestemmingConfig {
  const genoemd = gw.bestemmingen.vanSysteem(sg.ontvanger);
  // An ontvanger that is the gateway itself names no backoffice: then the zaaktype decides.
  if (genoemd && !zelfdeSysteem(genoemd.ontvanger, gw.config.stuf.zender)) {
    if (genoemd.naam === aanvrager.naam) {
      throw verwerkingsFout(`stuurgegevens/ontvanger ${systeemLabel(sg.ontvanger)} is de aanvrager zelf (bestemming ${genoemd.naam}); noem de backoffice die de zaak overneemt`);
    }
    return genoemd;
  }
  const naam = gw.config.overdracht.backoffices[zaaktypeCode];
  const backoffice = naam !== undefined ? gw.bestemmingen.vind(naam) : undefined;
  if (!backoffice) {
    throw verwerkingsFout(
      `Geen backoffice voor zaaktype ${zaaktypeCode}: stuurgegevens/ontvanger ${systeemLabel(sg.ontvanger)} is geen geconfigureerde bestemming ` +
        `en overdracht.backoffices noemt zaaktype ${zaaktypeCode} niet; configureer de backoffice onder bestemmingen en wijs zaaktype ${zaaktypeCode} eraan toe in overdracht.backoffices`,
    );
  }
  return backoffice;
}
