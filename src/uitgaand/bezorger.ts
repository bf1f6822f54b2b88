// The outbox worker: delivers what the transactions put in `uitgaand`, at least once, in order per destination and
// zaak, with exponential back-off, and moves a message to the dead letters after the last attempt or at once when
// the destination refuses it (Fo03 plek client). Nothing lives only in memory: a restart continues from the table.
import type { Logger } from 'pino';
import type { Store } from '../store';
import type { Uitgaand } from '../store/uitgaand';
import type { Bestemmingen } from './bestemmingen';
import type { Config } from '../config';
import { Uitkomst, Verzender } from './verzender';

type Bezorging = Config['bezorging'];

/** Wait before attempt n+1 after n failed attempts: the first wait doubled per attempt, up to the maximum. */
export function wachttijdMs(b: Bezorging, pogingen: number): number {
  return Math.min(b.maxWachttijdSeconden, b.eersteWachttijdSeconden * 2 ** Math.max(0, pogingen - 1)) * 1000;
}

/** What else changes when a message is delivered or given up (the handover it carries). */
export type NaBezorging = (u: Uitgaand, uitkomst: 'afgeleverd' | 'dood') => void;

export class Bezorger {
  private timer?: NodeJS.Timeout;
  private bezig?: Promise<void>;
  private nogEens = false;
  private gestopt = true;

  constructor(
    private readonly store: Store,
    private readonly bestemmingen: Bestemmingen,
    private readonly instellingen: Bezorging,
    private readonly verzender: Verzender,
    private readonly log: Logger,
    private readonly naBezorging: NaBezorging = () => {},
  ) {}

  start(): void {
    this.gestopt = false;
    this.plan(0);
  }

  /** A commit added messages: look now rather than at the next interval. */
  wek(): void {
    if (this.gestopt) return;
    if (this.bezig) this.nogEens = true;
    else this.plan(0);
  }

  /** Lets the messages in flight finish (their outcome is recorded), then stops. */
  async stop(): Promise<void> {
    this.gestopt = true;
    if (this.timer) clearTimeout(this.timer);
    await this.bezig;
  }

  private plan(ms: number): void {
    if (this.gestopt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loop(), ms);
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    if (this.bezig || this.gestopt) return;
    let aantal = 0;
    this.bezig = this.ronde().then(
      (n) => void (aantal = n),
      (e) => this.log.error({ err: e }, 'bezorger: ronde mislukt'),
    );
    await this.bezig;
    this.bezig = undefined;
    const meteen = this.nogEens || aantal >= this.instellingen.gelijktijdig;
    this.nogEens = false;
    this.plan(meteen ? 0 : this.instellingen.intervalMs);
  }

  /** One round: claim what is due, send it, record each outcome. Returns how many messages were sent. */
  async ronde(nu = Date.now()): Promise<number> {
    const claimMs = (this.instellingen.timeoutSeconden + 10) * 1000;
    const berichten = this.store.transactie(() => this.store.uitgaand.claimKlaar(nu, nu + claimMs, this.instellingen.gelijktijdig));
    await Promise.all(berichten.map((u) => this.bezorg(u)));
    return berichten.length;
  }

  private async bezorg(u: Uitgaand): Promise<void> {
    const b = this.bestemmingen.vind(u.bestemming);
    const uitkomst: Uitkomst = b
      ? await this.verzender.verstuur(b, u.soapActie, u.bericht)
      : { soort: 'mislukt', fout: `bestemming '${u.bestemming}' staat niet (meer) in de configuratie` };
    const velden = { uitgaand: u.id, soort: u.soort, bestemming: u.bestemming, zaak: u.volgorde, referentienummer: u.referentienummer, poging: u.pogingen + 1 };
    this.store.transactie(() => {
      if (uitkomst.soort === 'afgeleverd') {
        this.store.uitgaand.afgeleverd(u.id);
        this.naBezorging(u, 'afgeleverd');
      } else if (uitkomst.soort === 'geweigerd' || u.pogingen + 1 >= this.instellingen.maxPogingen) {
        this.store.uitgaand.dood(u.id, uitkomst.fout);
        this.naBezorging(u, 'dood');
      } else {
        this.store.uitgaand.opnieuwOm(u.id, Date.now() + wachttijdMs(this.instellingen, u.pogingen + 1), uitkomst.fout);
      }
    });
    if (uitkomst.soort === 'afgeleverd') this.log.info({ ...velden, antwoord: uitkomst.berichtcode }, 'bezorgd');
    else if (uitkomst.soort === 'geweigerd' || u.pogingen + 1 >= this.instellingen.maxPogingen) this.log.error({ ...velden, fout: uitkomst.fout }, 'onbestelbaar: naar de dode berichten');
    else this.log.warn({ ...velden, fout: uitkomst.fout }, 'bezorging mislukt, volgt opnieuw');
  }
}
