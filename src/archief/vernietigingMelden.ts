// Announcing a destruction (issue 19, item 3), only with archief.vernietigingNotificeren: in the transaction that
// destroys a zaak, the normal routing (notificaties.modus, the subscriptions) puts one thin notification per
// subscriber in the outbox, or in extern mode one initieerNotificeerOverZaak for the abonnementenbeheer; the running
// gateway delivers them. Bijlage D has no gebeurtenis for destruction (rzs.md §6.1) and a receiver must know the one it
// gets, so it is Update zaak, routed as any Update zaak, with an extraElement vernietigd holding the day (JJJJMMDD).
// The zaak's description (zaaktype, last status) and the routing, plans of a `verrijkt` destination included, are read
// before its rows go; the outbox rows are written after, because the destruction clears the zaak's outbox
// (store/vernietigen.ts). The sending application is the gateway itself, as for a partner's missed term: no message
// caused the destruction, so no subscriber is left out as the one that made it.
import pino from 'pino';
import type { Config } from '../config';
import type { Gateway } from '../soap/operatie';
import type { Store } from '../store';
import { Zaaktypecatalogus } from '../domain/zaaktypen';
import { Toegangsregister } from '../toegang/identificatie';
import { Bestemmingen } from '../uitgaand/bestemmingen';
import { Partners } from '../partners/partners';
import { notificatieVanZaak, verzendingen, zetInUitgaand } from '../notificaties/trigger';
import { vandaag } from '../stuf/tijd';

/** The naam of the extraElement that says the zaak was destroyed, and on which day. */
export const VERNIETIGD = 'vernietigd';

/** Puts the announcement in the outbox; the number of messages. */
export type Aankondiging = () => Promise<number>;

export class VernietigingMelder {
  private readonly delen: Omit<Gateway, 'store'>;

  constructor(config: Config) {
    this.delen = {
      config,
      catalogus: new Zaaktypecatalogus(config.zaaktypen),
      // The command prints what it did; a log line beside it would only repeat it.
      log: pino({ level: 'silent' }),
      toegang: new Toegangsregister(config.toegang),
      bestemmingen: new Bestemmingen(config.bestemmingen),
      partners: new Partners(config.partners),
    };
  }

  /**
   * In the zaak's transaction `tx`, before its rows go: reads what to announce and to whom; the returned function,
   * called in the same transaction after the rows went, writes it. `vernietigd`: the moment of destruction (ISO).
   */
  async bereidVoor(tx: Store, identificatie: string, vernietigd: string): Promise<Aankondiging> {
    const gw: Gateway = { ...this.delen, store: tx };
    const n = await notificatieVanZaak(gw, identificatie, 'Update zaak', gw.config.stuf.zender);
    if (!n) return async () => 0;
    n.extra = [{ naam: VERNIETIGD, waarde: vandaag(Date.parse(vernietigd)) }];
    const v = await verzendingen(gw, n);
    return async () => {
      for (const x of v) await zetInUitgaand(gw, x.soort, x.notificatie, x.bestemming);
      return v.length;
    };
  }
}

/** The melder when the configuration asks for announcements and notifications are not switched off altogether. */
export function melderVoor(config: Config): VernietigingMelder | undefined {
  return config.archief.vernietigingNotificeren && config.notificaties.modus !== 'uit' ? new VernietigingMelder(config) : undefined;
}
