// The check of the partners' agreed terms inside the service (termijnen.ts): every partnertermijnen.controleMinuten,
// the first one to two minutes after start, jittered so that instances started together do not check at the same
// moment. Without any agreement in the configuration there are no rounds. A failure is logged and the next round
// tries again; a round that found something logs its counts, one that found nothing only at debug level.
import type { Logger } from 'pino';
import type { Gateway } from '../soap/operatie';
import { PeriodiekeTaak, Tijden, gespreideTijden } from '../periodiek';
import { Termijnverslag, controleerTermijnen } from './termijnen';

export type Controletijden = Tijden;

const EERSTE_NA_MS = 60_000;

export function controletijden(gw: Pick<Gateway, 'config' | 'partners'>): Controletijden {
  const afspraken = gw.partners.lijst.some((p) => p.afspraken.length > 0);
  return gespreideTijden(afspraken ? gw.config.partnertermijnen.controleMinuten * 60_000 : 0, EERSTE_NA_MS);
}

export class Termijnbewaker extends PeriodiekeTaak<Termijnverslag> {
  constructor(gw: Gateway, log: Logger, tijden: Controletijden = controletijden(gw)) {
    super(
      (nu, doorgaan) => controleerTermijnen(gw, nu, { doorgaan }),
      {
        gelukt: (v) => {
          const iets = v.beoordeeld > 0 || Object.values(v.opgeheven).some((n) => n > 0);
          log[iets ? 'info' : 'debug']({
            beoordeeld: v.beoordeeld, nagekomen: v.nagekomen, overschreden: v.overschreden, opgeheven: v.opgeheven, notificaties: v.notificaties, ms: v.ms,
            ...(v.onderbroken ? { onderbroken: true } : {}),
          }, 'partnertermijnen gecontroleerd');
        },
        mislukt: (e) => log.warn({ fout: e.message }, 'partnertermijnen niet gecontroleerd; de volgende ronde probeert het opnieuw'),
      },
      tijden,
    );
  }
}
