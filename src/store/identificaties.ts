// Identifications handed out by genereer*Identificatie: a counter per key in the database, and a record of every
// identification issued, so none is ever handed out twice. The counter moves in one upsert that returns the new
// value: two instances (or processes) asking at once each get their own number, whatever the isolation level.
import { Sql } from './sql';
import { nu } from './json';

export class Identificaties {
  constructor(private readonly sql: Sql) {}

  async volgende(sleutel: string): Promise<number> {
    const r = await this.sql.een<{ waarde: number }>(
      `INSERT INTO volgnummer (sleutel, waarde) VALUES (?, 1)
       ON CONFLICT (sleutel) DO UPDATE SET waarde = volgnummer.waarde + 1 RETURNING waarde`,
      [sleutel],
    );
    return Number(r!.waarde);
  }

  async isUitgegeven(identificatie: string): Promise<boolean> {
    return (await this.sql.een('SELECT 1 AS n FROM uitgegeven_identificatie WHERE identificatie = ?', [identificatie])) !== undefined;
  }

  async registreer(identificatie: string, soort: string, zender: string | undefined): Promise<void> {
    await this.sql.voer('INSERT INTO uitgegeven_identificatie (identificatie, soort, zender, tijdstip) VALUES (?, ?, ?, ?)', [
      identificatie, soort, zender ?? null, nu(),
    ]);
  }
}
