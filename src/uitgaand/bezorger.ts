// The outbox worker: delivers what the transactions put in `uitgaand`, at least once, in order per destination and
// zaak, with exponential back-off, and moves a message to the dead letters after the last attempt or at once when
// the destination refuses it (Fo03 plek client). Nothing lives only in memory: a restart continues from the table,
// and workers of several gateway instances on one database share it, each sending only what it claimed.
import type { Logger } from 'pino';
import type { Store } from '../store';
import type { Uitgaand } from '../store/uitgaand';
import type { Bestemmingen } from './bestemmingen';
import type { Config } from '../config';
import { Uitkomst, Verzender, soapEnvelop } from './verzender';
import { Waarnemingen, zonderInhoud } from '../waarneming';

type Bezorging = Config['bezorging'];

/** Wait before attempt n+1 after n failed attempts: the first wait doubled per attempt, up to the maximum. */
export function wachttijdMs(b: Bezorging, pogingen: number): number {
  return Math.min(b.maxWachttijdSeconden, b.eersteWachttijdSeconden * 2 ** Math.max(0, pogingen - 1)) * 1000;
}

/** What else changes when a message is delivered or given up (the handover it carries). */
export type NaBezorging = (store: Store, u: Uitgaand, uitkomst: 'afgeleverd' | 'dood') => Promise<void>;

export class Bezorger {
  private timer?: NodeJS.Timeout;
  /** The messages being sent, each until its outcome is recorded; a slow destination holds back nobody else. */
  private readonly onderweg = new Set<Promise<void>>();
  private gestopt = true;
  /** The round in progress: one at a time, so that two cannot both fill the same room. */
  private lopend?: Promise<void>;
  /** Woken during a round: look again as soon as it ends. */
  private nogEens = false;

  constructor(
    private readonly store: Store,
    private readonly bestemmingen: Bestemmingen,
    private readonly instellingen: Bezorging,
    private readonly verzender: Verzender,
    private readonly log: Logger,
    private readonly naBezorging: NaBezorging = async () => {},
    private readonly waarneming?: Waarnemingen,
  ) {}

  /** Started and not stopped: what /health/ready asks. */
  get loopt(): boolean {
    return !this.gestopt;
  }

  start(): void {
    this.gestopt = false;
    this.plan(0);
  }

  /** A commit added messages, or a message is done and its successor may go: look now rather than at the next interval. */
  wek(): void {
    // During a round only noted: the round's end plans the next look, and would otherwise replace this one.
    if (this.lopend) this.nogEens = true;
    else this.plan(0);
  }

  /** Lets the round in progress and the messages in flight finish (their outcome is recorded), then stops. */
  async stop(): Promise<void> {
    this.gestopt = true;
    if (this.timer) clearTimeout(this.timer);
    await this.lopend;
    await Promise.all(this.onderweg);
  }

  private plan(ms: number): void {
    if (this.gestopt) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.kijk(), ms);
    this.timer.unref();
  }

  private kijk(): void {
    if (this.lopend) {
      this.nogEens = true;
      return;
    }
    this.lopend = this.ronde()
      .then(
        () => {},
        (e) => this.log.error({ err: e }, 'bezorger: ronde mislukt'),
      )
      .finally(() => {
        this.lopend = undefined;
        const direct = this.nogEens;
        this.nogEens = false;
        this.plan(direct ? 0 : this.instellingen.intervalMs);
      });
  }

  /**
   * One round: claim what is due, as many as there is room for next to the messages in flight, and start sending
   * them; each records its own outcome and then wakes the worker. Returns how many messages it started. The claim
   * is committed before anything is sent: another instance's worker skips these rows until the claim runs out.
   */
  async ronde(nu = Date.now()): Promise<number> {
    const ruimte = this.instellingen.gelijktijdig - this.onderweg.size;
    if (this.gestopt || ruimte <= 0) return 0;
    const claimMs = (this.instellingen.timeoutSeconden + 10) * 1000;
    // READ COMMITTED (los): rows another instance claimed or delivered meanwhile are skipped, not a conflict.
    const berichten = await this.store.transactie((tx) => tx.uitgaand.claimKlaar(nu, nu + claimMs, ruimte), { isolatie: 'los' });
    for (const u of berichten) {
      const klaar: Promise<void> = this.bezorg(u)
        .catch((e) => this.log.error({ err: e, uitgaand: u.id }, 'bezorger: uitkomst niet vastgelegd; opnieuw na de claim'))
        .finally(() => {
          this.onderweg.delete(klaar);
          this.wek();
        });
      this.onderweg.add(klaar);
    }
    return berichten.length;
  }

  private async bezorg(u: Uitgaand): Promise<void> {
    const b = this.bestemmingen.vind(u.bestemming);
    const tijd = new Date();
    const start = process.hrtime.bigint();
    const uitkomst: Uitkomst = b
      ? await this.verzender.verstuur(b, u.soapActie, u.bericht)
      : { soort: 'mislukt', fout: `bestemming '${u.bestemming}' staat niet (meer) in de configuratie` };
    this.meld(u, uitkomst, tijd, Number(process.hrtime.bigint() - start) / 1e6);
    const velden = { uitgaand: u.id, soort: u.soort, bestemming: u.bestemming, zaak: u.volgorde, referentienummer: u.referentienummer, poging: u.pogingen + 1 };
    await this.store.transactie(async (tx) => {
      if (uitkomst.soort === 'afgeleverd') {
        await tx.uitgaand.afgeleverd(u.id);
        await this.naBezorging(tx, u, 'afgeleverd');
      } else if (uitkomst.soort === 'geweigerd' || u.pogingen + 1 >= this.instellingen.maxPogingen) {
        await tx.uitgaand.dood(u.id, uitkomst.fout);
        await this.naBezorging(tx, u, 'dood');
      } else {
        await tx.uitgaand.opnieuwOm(u.id, Date.now() + wachttijdMs(this.instellingen, u.pogingen + 1), uitkomst.fout);
      }
    });
    if (uitkomst.soort === 'afgeleverd') this.log.info({ ...velden, antwoord: uitkomst.berichtcode }, 'bezorgd');
    else if (uitkomst.soort === 'geweigerd' || u.pogingen + 1 >= this.instellingen.maxPogingen) this.log.error({ ...velden, fout: uitkomst.fout }, 'onbestelbaar: naar de dode berichten');
    else this.log.warn({ ...velden, fout: uitkomst.fout }, 'bezorging mislukt, volgt opnieuw');
  }

  /** One delivery attempt, for the metrics and the journal. */
  private meld(u: Uitgaand, uitkomst: Uitkomst, tijd: Date, ms: number): void {
    if (!this.waarneming) return;
    const sg = stuurgegevensUit(u.bericht);
    this.waarneming.uitwisseling({
      tijd, richting: 'uit', soort: u.soort.startsWith('overdragenZaak') ? 'overdracht' : 'notificatie', endpoint: u.bestemming, actie: u.soapActie,
      operatie: u.soort, zender: sg.zender, ontvanger: sg.ontvanger, referentienummer: u.referentienummer, crossRefnummer: sg.crossRefnummer,
      zaken: [u.volgorde], poging: u.pogingen + 1,
      uitkomst: uitkomst.soort === 'afgeleverd' ? uitkomst.berichtcode : uitkomst.foutcode ?? 'transport',
      ...(uitkomst.foutcode ? { foutcode: uitkomst.foutcode } : {}),
      httpStatus: uitkomst.http?.status ?? 0, ms,
      grootteVerzoek: Buffer.byteLength(u.bericht), grootteAntwoord: uitkomst.http ? Buffer.byteLength(uitkomst.http.body) : 0,
      verzoek: () => zonderInhoud(soapEnvelop(u.bericht)),
      antwoord: () => zonderInhoud(uitkomst.http?.body ?? ''),
    });
  }
}

const KOP = 4096;

/** zender, ontvanger and crossRefnummer of a message we built, read from its stuurgegevens at the start. */
function stuurgegevensUit(bericht: string): { zender?: string; ontvanger?: string; crossRefnummer?: string } {
  const kop = bericht.slice(0, KOP);
  const systeem = (naam: string) => {
    const blok = new RegExp(`<(?:\\w+:)?${naam}>([\\s\\S]*?)</(?:\\w+:)?${naam}>`).exec(kop)?.[1];
    if (!blok) return undefined;
    const veld = (v: string) => new RegExp(`<(?:\\w+:)?${v}>([^<]*)<`).exec(blok)?.[1];
    return [veld('organisatie'), veld('applicatie'), veld('administratie')].filter(Boolean).join('/') || undefined;
  };
  return { zender: systeem('zender'), ontvanger: systeem('ontvanger'), crossRefnummer: /<(?:\w+:)?crossRefnummer>([^<]*)</.exec(kop)?.[1] };
}
