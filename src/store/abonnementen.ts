// Subscriptions: (zaaktypen, gebeurtenissen) → bestemming. Those of the configuration are rewritten at every start;
// those added from the command line stay until removed. The running gateway reads them per change, so a
// subscription added from the command line counts from the next change on.
import { Sql } from './sql';
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

const vanRij = (r: Rij): Abonnement => ({
  ...r, id: Number(r.id), zaaktypen: uitJson<string[]>(r.zaaktypen, []), gebeurtenissen: uitJson<string[]>(r.gebeurtenissen, []),
});

export class Abonnementen {
  constructor(private readonly sql: Sql) {}

  async alle(): Promise<Abonnement[]> {
    return (await this.sql.alle<Rij>('SELECT * FROM abonnement ORDER BY id')).map(vanRij);
  }

  async voegToe(a: Omit<Abonnement, 'id' | 'aangemaakt'>): Promise<number> {
    const r = await this.sql.een<{ id: number }>(
      'INSERT INTO abonnement (bestemming, zaaktypen, gebeurtenissen, bron, aangemaakt) VALUES (?, ?, ?, ?, ?) RETURNING id',
      [a.bestemming, naarJson(a.zaaktypen), naarJson(a.gebeurtenissen), a.bron, nu()],
    );
    return Number(r!.id);
  }

  /** The configuration's subscriptions replace the previous configuration's, in one transaction. */
  async zetConfig(abonnementen: Omit<Abonnement, 'id' | 'aangemaakt' | 'bron'>[]): Promise<void> {
    await this.sql.transactie(async () => {
      await this.sql.voer("DELETE FROM abonnement WHERE bron = 'config'");
      for (const a of abonnementen) await this.voegToe({ ...a, bron: 'config' });
    });
  }

  /** Removes a subscription added from the command line; false when there is none with this id. */
  async verwijder(id: number): Promise<boolean> {
    return (await this.sql.voer("DELETE FROM abonnement WHERE id = ? AND bron = 'opdracht'", [id])) > 0;
  }
}
