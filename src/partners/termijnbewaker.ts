// The check of the partners' agreed terms inside the service (termijnen.ts): every partnertermijnen.controleMinuten,
// the first one to two minutes after start, jittered so that instances started together do not check at the same
// moment. Without any agreement in the configuration there are no rounds. A failure is logged and the next round
// tries again; a round that found something logs its counts, one that found nothing only at debug level.
import type { Logger } from 'pino';
import type { Gateway } from '../soap/operatie';
import { Termijnverslag, controleerTermijnen } from './termijnen';

export interface Controletijden {
  eersteNaMs: number;
  /** Between the end of one round and the start of the next; 0: no rounds. */
  intervalMs: number;
}

const EERSTE_NA_MS = 60_000;

export function controletijden(gw: Pick<Gateway, 'config' | 'partners'>): Controletijden {
  const afspraken = gw.partners.lijst.some((p) => p.afspraken.length > 0);
  const intervalMs = afspraken ? gw.config.partnertermijnen.controleMinuten * 60_000 : 0;
  return { intervalMs, eersteNaMs: Math.min(intervalMs, EERSTE_NA_MS * (1 + Math.random())) };
}

export class Termijnbewaker {
  private timer?: NodeJS.Timeout;
  private lopend?: Promise<Termijnverslag | undefined>;
  private gestopt = false;

  constructor(
    private readonly gw: Gateway,
    private readonly log: Logger,
    private readonly tijden: Controletijden = controletijden(gw),
  ) {}

  start(): void {
    this.gestopt = false;
    if (this.tijden.intervalMs > 0) this.plan(this.tijden.eersteNaMs);
  }

  private plan(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.ronde().then(() => {
        if (!this.gestopt) this.plan(this.tijden.intervalMs);
      });
    }, ms);
    // A scheduled check never keeps the process alive.
    this.timer.unref();
  }

  /** One pass now, or the one already running. Never rejects: a failure is logged (warn) and answered undefined. */
  ronde(nu = new Date()): Promise<Termijnverslag | undefined> {
    this.lopend ??= controleerTermijnen(this.gw, nu, { doorgaan: () => !this.gestopt })
      .then(
        (v) => {
          const iets = v.beoordeeld > 0 || Object.values(v.opgeheven).some((n) => n > 0);
          this.log[iets ? 'info' : 'debug']({
            beoordeeld: v.beoordeeld, nagekomen: v.nagekomen, overschreden: v.overschreden, opgeheven: v.opgeheven, notificaties: v.notificaties, ms: v.ms,
            ...(v.onderbroken ? { onderbroken: true } : {}),
          }, 'partnertermijnen gecontroleerd');
          return v;
        },
        (e: Error) => {
          this.log.warn({ fout: e.message }, 'partnertermijnen niet gecontroleerd; de volgende ronde probeert het opnieuw');
          return undefined;
        },
      )
      .finally(() => (this.lopend = undefined));
    return this.lopend;
  }

  /** No more rounds; a round in progress stops after its current batch and is awaited. */
  async stop(): Promise<void> {
    this.gestopt = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.lopend;
  }
}
