// Messages already processed, by (zender organisatie, zender applicatie, referentienummer): a resend is recognised
// and answered with what we answered the first time. Only successful processing is recorded: after a fault the
// sender may offer the same message again and it is processed anew (StUF 3.01 retry rules).
import { Db } from './db';
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
  private readonly zoek;
  private readonly invoegen;

  constructor(db: Db) {
    this.zoek = db.prepare<[string, string, string], { operatie: string; hash: string; antwoord: string; http_status: number }>(
      `SELECT operatie, hash, antwoord, http_status FROM verwerkt_bericht
       WHERE zender_organisatie = ? AND zender_applicatie = ? AND referentienummer = ?`,
    );
    this.invoegen = db.prepare(
      `INSERT INTO verwerkt_bericht (zender_organisatie, zender_applicatie, referentienummer, operatie, hash, antwoord, http_status, tijdstip)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  async vind(s: BerichtSleutel): Promise<VerwerktBericht | undefined> {
    const r = this.zoek.get(s.organisatie, s.applicatie, s.referentienummer);
    return r && { operatie: r.operatie, hash: r.hash, antwoord: r.antwoord, httpStatus: r.http_status };
  }

  async bewaar(s: BerichtSleutel, b: VerwerktBericht): Promise<void> {
    this.invoegen.run(s.organisatie, s.applicatie, s.referentienummer, b.operatie, b.hash, b.antwoord, b.httpStatus, nu());
  }
}
