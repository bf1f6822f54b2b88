// The purge inside the service: every bewaren.opschonenMinuten (0: never; then only the command), the first two to
// four minutes after start, jittered so that instances started together do not purge at the same moment. A failure
// is logged and the next round tries again; the outcome is logged as counts only. Nothing else depends on it (not
// /health/ready): the rows just wait a little longer.
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Store } from '../store';
import { PeriodiekeTaak, Tijden, gespreideTijden } from '../periodiek';
import { Opschoonverslag, schoonOp } from './opschonen';

export type OpschoonTijden = Tijden;

const EERSTE_NA_MS = 2 * 60_000;

export const opschoonTijden = (config: Config): OpschoonTijden => gespreideTijden(config.bewaren.opschonenMinuten * 60_000, EERSTE_NA_MS);

export class Opschoner extends PeriodiekeTaak<Opschoonverslag> {
  constructor(store: Store, config: Config, log: Logger, tijden: OpschoonTijden = opschoonTijden(config)) {
    super(
      (nu, doorgaan) => schoonOp(store, config, nu, { doorgaan }),
      {
        gelukt: (v) => log.info({ ...v.verwijderd, ms: v.ms, ...(v.onderbroken ? { onderbroken: true } : {}) }, 'opschonen: verlopen regels verwijderd'),
        mislukt: (e) => log.warn({ fout: e.message }, 'opschonen mislukt; de volgende ronde probeert het opnieuw'),
      },
      tijden,
    );
  }
}
