// The message journal: every exchange the gateway observes (src/waarneming.ts) becomes a row, with its texts (never
// document content) while bewaren.journaalInhoudDagen > 0. Written after the answer, off the message's transaction:
// rows wait in memory for BUNDEL_MS and go to the database together, PER_TRANSACTIE to a transaction, so a busy
// gateway pays one write for many messages. A crash loses at most what was still waiting (some 25 ms of traffic).
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Store } from '../store';
import type { JournaalInhoud, JournaalRegel } from '../store/journaal';
import type { Uitwisseling, Waarnemer } from '../waarneming';

/** How long a row waits for others to go along in its transaction. */
const BUNDEL_MS = 25;
/** Rows per write transaction. */
const PER_TRANSACTIE = 64;
/** Rows waiting at most; past it (a database that stays away) the oldest are dropped and counted. */
const MAX_WACHTEND = 20_000;
/** After a failed write: wait this long before the next attempt. */
const HERSTEL_MS = 1000;

interface Item {
  regel: JournaalRegel;
  inhoud?: JournaalInhoud;
}

export function alsRegel(u: Uitwisseling): JournaalRegel {
  return {
    tijdstip: u.tijd.toISOString(),
    richting: u.richting,
    soort: u.soort,
    endpoint: u.endpoint,
    actie: u.actie,
    operatie: u.operatie,
    dialect: u.dialect,
    zender: u.zender,
    ontvanger: u.ontvanger,
    referentienummer: u.referentienummer,
    crossRefnummer: u.crossRefnummer,
    zaken: u.zaken,
    uitkomst: u.uitkomst,
    foutcode: u.foutcode,
    httpStatus: u.httpStatus,
    ms: u.ms,
    grootteVerzoek: u.grootteVerzoek,
    grootteAntwoord: u.grootteAntwoord,
    herhaald: u.herhaald === true,
    poging: u.poging,
  };
}

export class Journaalschrijver implements Waarnemer {
  private wachtend: Item[] = [];
  private lopend?: Promise<void>;
  private herstel?: NodeJS.Timeout;
  /** The wait before the next write, while rows gather for it. */
  private bundel?: NodeJS.Timeout;
  /** Rows dropped because the database stayed away too long: logged, so the gap is known. */
  private verloren = 0;

  constructor(
    private readonly store: Store,
    private readonly config: Config,
    private readonly log: Logger,
  ) {}

  uitwisseling(u: Uitwisseling): void {
    const max = this.config.journaal.maxInhoudTekens;
    let inhoud: JournaalInhoud | undefined;
    if (this.config.bewaren.journaalInhoudDagen > 0) {
      const tekst = (f?: () => string) => {
        const t = f?.();
        return t && t.length <= max ? t : undefined;
      };
      inhoud = { verzoek: tekst(u.verzoek), antwoord: tekst(u.antwoord) };
    }
    this.wachtend.push({ regel: alsRegel(u), inhoud });
    if (this.wachtend.length > MAX_WACHTEND) {
      this.verloren += this.wachtend.length - MAX_WACHTEND;
      this.wachtend.splice(0, this.wachtend.length - MAX_WACHTEND);
    }
    this.schrijfStraks();
  }

  /** Resolves when everything reported so far is written (or given up): before the store closes, and in tests. */
  async leeg(): Promise<void> {
    for (const t of [this.herstel, this.bundel]) if (t) clearTimeout(t);
    this.herstel = this.bundel = undefined;
    while (this.lopend || this.wachtend.length > 0) {
      if (!this.lopend) this.lopend = this.schrijf(true);
      await this.lopend;
    }
  }

  private schrijfStraks(): void {
    if (this.lopend || this.herstel || this.bundel) return;
    // A moment later: what arrives meanwhile goes along in the same transaction (on SQLite every write transaction
    // costs the event loop its begin and commit; one per message cost a quarter of a question's throughput).
    // Unref'd: it keeps no process alive; leeg() writes at once what waits.
    this.bundel = setTimeout(() => {
      this.bundel = undefined;
      this.lopend = this.schrijf(false);
    }, BUNDEL_MS);
    this.bundel.unref();
  }

  private async schrijf(opgeven: boolean): Promise<void> {
    try {
      while (this.wachtend.length > 0) {
        const deel = this.wachtend.slice(0, PER_TRANSACTIE);
        try {
          // Inserts only: READ COMMITTED on PostgreSQL is enough, and nothing to remember.
          await this.store.transactie((tx) => tx.journaal.schrijf(deel), { isolatie: 'los' });
        } catch (e) {
          this.log.warn({ fout: (e as Error).message, wachtend: this.wachtend.length }, 'journaal: schrijven mislukt');
          if (opgeven) {
            this.verloren += this.wachtend.length;
            this.wachtend = [];
          } else {
            this.herstel = setTimeout(() => {
              this.herstel = undefined;
              this.schrijfStraks();
            }, HERSTEL_MS);
            this.herstel.unref();
          }
          return;
        }
        this.wachtend.splice(0, deel.length);
        // A transaction of SQLite runs on the event loop: requests go first before the next part.
        if (this.wachtend.length > 0) await new Promise<void>((r) => setImmediate(r));
      }
      if (this.verloren > 0) {
        this.log.warn({ verloren: this.verloren }, 'journaal: berichten niet vastgelegd (database te lang onbereikbaar)');
        this.verloren = 0;
      }
    } finally {
      this.lopend = undefined;
    }
  }
}
