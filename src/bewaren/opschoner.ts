// The purge inside the service: every bewaren.opschonenMinuten (0: never; then only the command), the first two to
// four minutes after start, jittered so that instances started together do not purge at the same moment. A failure
// is logged and the next round tries again; the outcome is logged as counts only. Nothing else depends on it (not
// /health/ready): the rows just wait a little longer.
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Store } from '../store';
import { Opschoonverslag, schoonOp } from './opschonen';

export interface OpschoonTijden {
  eersteNaMs: number;
  /** Between the end of one round and the start of the next; 0: no rounds. */
  intervalMs: number;
}

const EERSTE_NA_MS = 2 * 60_000;

export function opschoonTijden(config: Config): OpschoonTijden {
  const intervalMs = config.bewaren.opschonenMinuten * 60_000;
  return { intervalMs, eersteNaMs: Math.min(intervalMs, EERSTE_NA_MS * (1 + Math.random())) };
}

export class Opschoner {
  private timer?: NodeJS.Timeout;
  private lopend?: Promise<Opschoonverslag | undefined>;
  private gestopt = false;

  constructor(
    private readonly store: Store,
    private readonly config: Config,
    private readonly log: Logger,
    private readonly tijden: OpschoonTijden = opschoonTijden(config),
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
    // A scheduled purge never keeps the process alive.
    this.timer.unref();
  }

  /** One pass now, or the one already running. Never rejects: a failure is logged (warn) and answered undefined. */
  ronde(nu = new Date()): Promise<Opschoonverslag | undefined> {
    this.lopend ??= schoonOp(this.store, this.config, nu, { doorgaan: () => !this.gestopt })
      .then(
        (v) => {
          this.log.info({ ...v.verwijderd, ms: v.ms, ...(v.onderbroken ? { onderbroken: true } : {}) }, 'opschonen: verlopen regels verwijderd');
          return v;
        },
        (e: Error) => {
          this.log.warn({ fout: e.message }, 'opschonen mislukt; de volgende ronde probeert het opnieuw');
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
