// Messages already processed, by (zender organisatie, zender applicatie, referentienummer): a resend is recognised
// and answered with what we answered the first time. Only successful processing is recorded: after a fault the
// sender may offer the same message again and it is processed anew (StUF 3.01 retry rules).
// The primary key decides between two instances processing the same message at once: the second insert fails, its
// transaction rolls back, and a retry finds the first one's answer.
import { Sql } from './sql';
import { nu } from './json';
import { Transactiegeheugen } from './transactiegeheugen';
import { ABONNEMENTEN_VERSIE } from './abonnementen';

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
  constructor(
    private readonly sql: Sql,
    private readonly geheugen = new Transactiegeheugen(sql),
  ) {}

  /**
   * The answer to an earlier message with this key. The first read of every change: it brings along the
   * subscriptions' version (abonnementen.ts) for the transaction, so that the notification trigger needs no
   * statement of its own while the subscriptions stay as they were.
   */
  async vind(s: BerichtSleutel): Promise<VerwerktBericht | undefined> {
    const r = await this.sql.een<{ operatie: string | null; hash: string; antwoord: string; http_status: number; abonnementen: number | null }>(
      `SELECT v.operatie, v.hash, v.antwoord, v.http_status, n.waarde AS abonnementen FROM (SELECT 1 AS een) x
       LEFT JOIN verwerkt_bericht v ON v.zender_organisatie = ? AND v.zender_applicatie = ? AND v.referentienummer = ?
       LEFT JOIN volgnummer n ON n.sleutel = ?`,
      [s.organisatie, s.applicatie, s.referentienummer, ABONNEMENTEN_VERSIE],
    );
    const g = this.geheugen.huidig();
    if (g && !g.abonnementenGewijzigd) g.abonnementVersie = Number(r?.abonnementen ?? 0);
    return r?.operatie != null ? { operatie: r.operatie, hash: r.hash, antwoord: r.antwoord, httpStatus: Number(r.http_status) } : undefined;
  }

  async bewaar(s: BerichtSleutel, b: VerwerktBericht): Promise<void> {
    await this.sql.voer(
      `INSERT INTO verwerkt_bericht (zender_organisatie, zender_applicatie, referentienummer, operatie, hash, antwoord, http_status, tijdstip)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [s.organisatie, s.applicatie, s.referentienummer, b.operatie, b.hash, b.antwoord, b.httpStatus, nu()],
    );
  }

  /**
   * Retention: at most `max` records from before `voor` (ISO, exclusive), oldest first, in one statement; returns how
   * many went (fewer than `max`: none are left, or another instance took them first). A resend after that is
   * processed anew.
   */
  async schoonOp(voor: string, max: number): Promise<number> {
    return this.sql.voer(
      `DELETE FROM verwerkt_bericht WHERE tijdstip < ? AND (zender_organisatie, zender_applicatie, referentienummer) IN
       (SELECT zender_organisatie, zender_applicatie, referentienummer FROM verwerkt_bericht WHERE tijdstip < ? ORDER BY tijdstip LIMIT ?)`,
      [voor, voor, max],
    );
  }
}
