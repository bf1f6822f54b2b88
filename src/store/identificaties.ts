// Identifications handed out by genereer*Identificatie: a counter per key in the database (safe for several
// processes on one file: the increment happens inside the caller's IMMEDIATE transaction), and a record of
// every identification issued, so none is ever handed out twice.
import { Db } from './db';
import { nu } from './json';

export class Identificaties {
  private readonly ophogen;
  private readonly uitgegeven;
  private readonly registreren;

  constructor(db: Db) {
    this.ophogen = db.prepare<[string], { waarde: number }>(
      `INSERT INTO volgnummer (sleutel, waarde) VALUES (?, 1)
       ON CONFLICT(sleutel) DO UPDATE SET waarde = waarde + 1 RETURNING waarde`,
    );
    this.uitgegeven = db.prepare<[string], { identificatie: string }>('SELECT identificatie FROM uitgegeven_identificatie WHERE identificatie = ?');
    this.registreren = db.prepare('INSERT INTO uitgegeven_identificatie (identificatie, soort, zender, tijdstip) VALUES (?, ?, ?, ?)');
  }

  async volgende(sleutel: string): Promise<number> {
    return this.ophogen.get(sleutel)!.waarde;
  }

  async isUitgegeven(identificatie: string): Promise<boolean> {
    return this.uitgegeven.get(identificatie) !== undefined;
  }

  async registreer(identificatie: string, soort: string, zender: string | undefined): Promise<void> {
    this.registreren.run(identificatie, soort, zender ?? null, nu());
  }
}
