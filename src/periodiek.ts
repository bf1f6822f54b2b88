// A task the service runs on a schedule (the retention purge, the partners' term check): the first round some time
// after start, jittered so that instances started together do not run at the same moment, then every interval after
// the previous round ended. A round never rejects (a failure is reported and the next round tries again), runs once at
// a time, never keeps the process alive, and stops after its current batch when the service stops.

export interface Tijden {
  eersteNaMs: number;
  /** Between the end of one round and the start of the next; 0: no rounds. */
  intervalMs: number;
}

/** The first round between `basisMs` and twice that after start, never later than the interval itself. */
export const gespreideTijden = (intervalMs: number, basisMs: number): Tijden => ({ intervalMs, eersteNaMs: Math.min(intervalMs, basisMs * (1 + Math.random())) });

/** What a round does; `doorgaan` turns false when the service stops, and the round ends after its current batch. */
export type Ronde<V> = (nu: Date, doorgaan: () => boolean) => Promise<V>;

export interface Verslaggever<V> {
  gelukt(v: V): void;
  mislukt(e: Error): void;
}

export class PeriodiekeTaak<V> {
  private timer?: NodeJS.Timeout;
  private lopend?: Promise<V | undefined>;
  private gestopt = false;

  constructor(
    private readonly werk: Ronde<V>,
    private readonly verslag: Verslaggever<V>,
    private readonly tijden: Tijden,
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
    this.timer.unref();
  }

  /** One round now, or the one already running. Never rejects: a failure is reported and answered undefined. */
  ronde(nu = new Date()): Promise<V | undefined> {
    this.lopend ??= this.werk(nu, () => !this.gestopt)
      .then(
        (v) => {
          this.verslag.gelukt(v);
          return v;
        },
        (e: Error) => {
          this.verslag.mislukt(e);
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
