// Subscriptions: (zaaktypen, gebeurtenissen) → bestemming. Those of the configuration are rewritten at every start;
// those added from the command line stay until removed. The running gateway reads them per change, so a
// subscription added from the command line counts from the next change on.
//
// Every change of them also raises their version (a row of the volgnummer table) in the same transaction. A process
// keeps the list it read with the version read in the same statement, and a change transaction learns the current
// version from its first read (Idempotentie.vind): when they agree the kept list is the one its snapshot holds, on
// every instance, and no statement is needed; when another instance or the command line changed them, it reads anew.
import { Sql } from './sql';
import { naarJson, nu, uitJson } from './json';
import { Transactiegeheugen } from './transactiegeheugen';

/** The volgnummer key of the subscriptions' version; identification counters are named after their kind (zaak, zaak:2024). */
export const ABONNEMENTEN_VERSIE = 'abonnementen';

export type AbonnementBron = 'config' | 'opdracht';

export interface Abonnement {
  id: number;
  bestemming: string;
  zaaktypen: string[];
  gebeurtenissen: string[];
  bron: AbonnementBron;
  aangemaakt: string;
}

interface Rij {
  id: number;
  bestemming: string;
  zaaktypen: string;
  gebeurtenissen: string;
  bron: AbonnementBron;
  aangemaakt: string;
}

const vanRij = (r: Rij): Abonnement => ({
  ...r, id: Number(r.id), zaaktypen: uitJson<string[]>(r.zaaktypen, []), gebeurtenissen: uitJson<string[]>(r.gebeurtenissen, []),
});

/** What the process keeps of the subscriptions, shared by the store and the stores its transactions are given. */
export class AbonnementenStaat {
  /** The list as last read, with the version it had. */
  bewaard?: { versie: number; rijen: Rij[] };
  /** Changes of this process under way: what is read meanwhile may be one that is rolled back, and is not kept. */
  bezig = 0;
}

export class Abonnementen {
  constructor(
    private readonly sql: Sql,
    private readonly geheugen = new Transactiegeheugen(sql),
    private readonly staat = new AbonnementenStaat(),
  ) {}

  async alle(): Promise<Abonnement[]> {
    const g = this.geheugen.huidig();
    const versie = g?.abonnementVersie;
    const bewaard = this.staat.bewaard;
    if (versie !== undefined && bewaard?.versie === versie) return bewaard.rijen.map(vanRij);
    // The version and the list in one statement: one snapshot, whatever the isolation.
    const gelezen = await this.sql.alle<Rij & { versie: number | null }>(
      `SELECT n.waarde AS versie, a.* FROM (SELECT 1 AS een) x
       LEFT JOIN volgnummer n ON n.sleutel = ? LEFT JOIN abonnement a ON 1 = 1 ORDER BY a.id`,
      [ABONNEMENTEN_VERSIE],
    );
    const rijen = gelezen.filter((r) => r.id != null).map(({ versie: _versie, ...r }) => r);
    if (this.staat.bezig === 0 && !g?.abonnementenGewijzigd) this.staat.bewaard = { versie: Number(gelezen[0]?.versie ?? 0), rijen };
    return rijen.map(vanRij);
  }

  async voegToe(a: Omit<Abonnement, 'id' | 'aangemaakt'>): Promise<number> {
    return this.wijzig((tx) => tx.voegIn(a));
  }

  /** The configuration's subscriptions replace the previous configuration's, in one transaction. */
  async zetConfig(abonnementen: Omit<Abonnement, 'id' | 'aangemaakt' | 'bron'>[]): Promise<void> {
    await this.wijzig(async (tx) => {
      await tx.sql.voer("DELETE FROM abonnement WHERE bron = 'config'");
      for (const a of abonnementen) await tx.voegIn({ ...a, bron: 'config' });
    });
  }

  /** Removes a subscription added from the command line; false when there is none with this id. */
  async verwijder(id: number): Promise<boolean> {
    return this.wijzig(async (tx) => (await tx.sql.voer("DELETE FROM abonnement WHERE id = ? AND bron = 'opdracht'", [id])) > 0);
  }

  private async voegIn(a: Omit<Abonnement, 'id' | 'aangemaakt'>): Promise<number> {
    const r = await this.sql.een<{ id: number }>(
      'INSERT INTO abonnement (bestemming, zaaktypen, gebeurtenissen, bron, aangemaakt) VALUES (?, ?, ?, ?, ?) RETURNING id',
      [a.bestemming, naarJson(a.zaaktypen), naarJson(a.gebeurtenissen), a.bron, nu()],
    );
    return Number(r!.id);
  }

  /** A change and a new version in one transaction: every process that kept the list reads it again at its next change. */
  private async wijzig<T>(werk: (a: Abonnementen) => Promise<T>): Promise<T> {
    this.staat.bezig++;
    try {
      return await this.sql.transactie(async (tx) => {
        const a = new Abonnementen(tx, this.geheugen, this.staat);
        const uitkomst = await werk(a);
        await tx.voer(
          'INSERT INTO volgnummer (sleutel, waarde) VALUES (?, 1) ON CONFLICT (sleutel) DO UPDATE SET waarde = volgnummer.waarde + 1',
          [ABONNEMENTEN_VERSIE],
        );
        const g = this.geheugen.huidig();
        if (g) {
          g.abonnementVersie = undefined;
          g.abonnementenGewijzigd = true;
        }
        return uitkomst;
      });
    } finally {
      this.staat.bezig--;
      this.staat.bewaard = undefined;
    }
  }
}
