// Messages already processed, by (zender organisatie, zender applicatie, referentienummer): a resend is recognised
// and answered with what we answered the first time. Only successful processing is recorded: after a fault the
// sender may offer the same message again and it is processed anew (StUF 3.01 retry rules).
// The primary key decides between two instances processing the same message at once: the second insert fails, its
// transaction rolls back, and a retry finds the first one's answer.
import { Sql } from './sql';
import { nu } from './json';

export interface VerwerktBericht {
  operatie: string;
  hash: string;
  antwoord: string;
  httpStatus: number;
}

export interface BerichtSleutel {
  organisatie: string;
  applicatie: string;
  referentienummer: string;
}

export class Idempotentie {
  constructor(private readonly sql: Sql) {}

  async vind(s: BerichtSleutel): Promise<VerwerktBericht | undefined> {
    const r = await this.sql.een<{ operatie: string; hash: string; antwoord: string; http_status: number }>(
      `SELECT operatie, hash, antwoord, http_status FROM verwerkt_bericht
       WHERE zender_organisatie = ? AND zender_applicatie = ? AND referentienummer = ?`,
      [s.organisatie, s.applicatie, s.referentienummer],
    );
    return r && { operatie: r.operatie, hash: r.hash, antwoord: r.antwoord, httpStatus: Number(r.http_status) };
  }

  async bewaar(s: BerichtSleutel, b: VerwerktBericht): Promise<void> {
    await this.sql.voer(
      `INSERT INTO verwerkt_bericht (zender_organisatie, zender_applicatie, referentienummer, operatie, hash, antwoord, http_status, tijdstip)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [s.organisatie, s.applicatie, s.referentienummer, b.operatie, b.hash, b.antwoord, b.httpStatus, nu()],
    );
  }
}
