// overdragenZaak: the handovers a regiesysteem asked for, and what the backoffice answered.
import { Sql } from './sql';
import { naarJson, nu, uitJson } from './json';
import type { Systeem } from '../stuf/stuurgegevens';

export type OverdrachtStatus = 'aangeboden' | 'afgeleverd' | 'onbestelbaar' | 'geaccepteerd' | 'geweigerd';
export type OverdrachtDialect = 'rzs' | 'zds12';

export interface NieuweOverdracht {
  zaak: string;
  zaaktypeCode?: string;
  aanvragerBestemming: string;
  aanvrager: Systeem;
  backoffice: string;
  referentienummer: string;
  dialect: OverdrachtDialect;
}

export interface Overdracht extends NieuweOverdracht {
  id: number;
  status: OverdrachtStatus;
  melding?: string;
  aangeboden: string;
  beantwoord?: string;
  antwoordReferentienummer?: string;
}

interface Rij {
  id: number;
  zaak: string;
  zaaktype_code: string | null;
  aanvrager_bestemming: string;
  aanvrager: string;
  backoffice: string;
  referentienummer: string;
  dialect: OverdrachtDialect;
  status: OverdrachtStatus;
  melding: string | null;
  aangeboden: string;
  beantwoord: string | null;
  antwoord_referentienummer: string | null;
}

const vanRij = (r: Rij): Overdracht => ({
  id: Number(r.id),
  zaak: r.zaak,
  ...(r.zaaktype_code !== null ? { zaaktypeCode: r.zaaktype_code } : {}),
  aanvragerBestemming: r.aanvrager_bestemming,
  aanvrager: uitJson<Systeem>(r.aanvrager, { applicatie: '' }),
  backoffice: r.backoffice,
  referentienummer: r.referentienummer,
  dialect: r.dialect,
  status: r.status,
  ...(r.melding !== null ? { melding: r.melding } : {}),
  aangeboden: r.aangeboden,
  ...(r.beantwoord !== null ? { beantwoord: r.beantwoord } : {}),
  ...(r.antwoord_referentienummer !== null ? { antwoordReferentienummer: r.antwoord_referentienummer } : {}),
});

/** Still waiting for the backoffice's answer. */
export const OPENSTAAND: OverdrachtStatus[] = ['aangeboden', 'afgeleverd', 'onbestelbaar'];

export class Overdrachten {
  constructor(private readonly sql: Sql) {}

  async voegToe(o: NieuweOverdracht): Promise<number> {
    const r = await this.sql.een<{ id: number }>(
      `INSERT INTO overdracht (zaak, zaaktype_code, aanvrager_bestemming, aanvrager, backoffice, referentienummer, dialect, status, aangeboden)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'aangeboden', ?) RETURNING id`,
      [o.zaak, o.zaaktypeCode ?? null, o.aanvragerBestemming, naarJson(o.aanvrager), o.backoffice, o.referentienummer, o.dialect, nu()],
    );
    return Number(r!.id);
  }

  async vind(id: number): Promise<Overdracht | undefined> {
    const r = await this.sql.een<Rij>('SELECT * FROM overdracht WHERE id = ?', [id]);
    return r ? vanRij(r) : undefined;
  }

  async van(zaak: string): Promise<Overdracht[]> {
    return (await this.sql.alle<Rij>('SELECT * FROM overdracht WHERE zaak = ? ORDER BY id', [zaak])).map(vanRij);
  }

  /** Handovers whose Di01 carried this referentienummer, newest first (a Du01's crossRefnummer). */
  async metReferentie(referentienummer: string): Promise<Overdracht[]> {
    return (await this.sql.alle<Rij>('SELECT * FROM overdracht WHERE referentienummer = ? ORDER BY id DESC', [referentienummer])).map(vanRij);
  }

  /** Moves a handover on only from the status it is expected to be in: a late delivery report never overwrites an answer. */
  async zetStatus(id: number, van: OverdrachtStatus, naar: OverdrachtStatus): Promise<void> {
    await this.sql.voer('UPDATE overdracht SET status = ? WHERE id = ? AND status = ?', [naar, id, van]);
  }

  async beantwoord(id: number, status: 'geaccepteerd' | 'geweigerd', melding: string | undefined, antwoordReferentienummer: string): Promise<void> {
    await this.sql.voer('UPDATE overdracht SET status = ?, melding = ?, beantwoord = ?, antwoord_referentienummer = ? WHERE id = ?', [
      status, melding ?? null, nu(), antwoordReferentienummer, id,
    ]);
  }

  async lijst(f: { status?: OverdrachtStatus; backoffice?: string } = {}): Promise<Overdracht[]> {
    const waar: string[] = [];
    const waarden: string[] = [];
    if (f.status) (waar.push('status = ?'), waarden.push(f.status));
    if (f.backoffice) (waar.push('backoffice = ?'), waarden.push(f.backoffice));
    return (await this.sql.alle<Rij>(`SELECT * FROM overdracht ${waar.length ? `WHERE ${waar.join(' AND ')}` : ''} ORDER BY id`, waarden)).map(vanRij);
  }
}
