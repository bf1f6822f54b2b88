// Subscriptions: (zaaktypen, gebeurtenissen) → bestemming. Those of the configuration are rewritten at every start;
// those added from the command line stay until removed. The running gateway reads them per change, so a
// subscription added from the command line counts from the next change on.
import { Db } from './db';
import { naarJson, nu, uitJson } from './json';

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

const vanRij = (r: Rij): Abonnement => ({ ...r, zaaktypen: uitJson<string[]>(r.zaaktypen, []), gebeurtenissen: uitJson<string[]>(r.gebeurtenissen, []) });

export class Abonnementen {
  private readonly alleRijen;
  private readonly invoegen;
  private readonly verwijderConfig;
  private readonly verwijderen;

  constructor(private readonly db: Db) {
    this.alleRijen = db.prepare<[], Rij>('SELECT * FROM abonnement ORDER BY id');
    this.invoegen = db.prepare('INSERT INTO abonnement (bestemming, zaaktypen, gebeurtenissen, bron, aangemaakt) VALUES (?, ?, ?, ?, ?)');
    this.verwijderConfig = db.prepare("DELETE FROM abonnement WHERE bron = 'config'");
    this.verwijderen = db.prepare("DELETE FROM abonnement WHERE id = ? AND bron = 'opdracht'");
  }

  async alle(): Promise<Abonnement[]> {
    return this.alleRijen.all().map(vanRij);
  }

  async voegToe(a: Omit<Abonnement, 'id' | 'aangemaakt'>): Promise<number> {
    return Number(this.invoegen.run(a.bestemming, naarJson(a.zaaktypen), naarJson(a.gebeurtenissen), a.bron, nu()).lastInsertRowid);
  }

  /** The configuration's subscriptions replace the previous configuration's, in one transaction. */
  async zetConfig(abonnementen: Omit<Abonnement, 'id' | 'aangemaakt' | 'bron'>[]): Promise<void> {
    this.db.transaction(() => {
      this.verwijderConfig.run();
      for (const a of abonnementen) this.voegToe({ ...a, bron: 'config' });
    }).immediate();
  }

  /** Removes a subscription added from the command line; false when there is none with this id. */
  async verwijder(id: number): Promise<boolean> {
    return this.verwijderen.run(id).changes > 0;
  }
}
