// The ketenpartner mirror (migration 6): per partner zaak its identificatie, zaaktype, the deelplan it belongs to
// and only the last status. Replacing the status drops the previous one: the partner keeps the history.
import { Sql } from './sql';
import { naarJson, nu, uitJson } from './json';
import type { Status } from '../domain/zaak';

export type Statusbron = 'push' | 'pull';

export interface Spiegelzaak {
  id: number;
  identificatie: string;
  partner: string;
  zaaktype?: { code: string; omschrijving?: string };
  deelplanId: number;
  /** The deelplan's identificatie (joined in). */
  deelplan: string;
  status?: Status;
  statusBron?: Statusbron;
  /** ISO: when the partner last told us its status, by pushing it or answering our question. */
  ververst?: string;
  verversFout?: string;
  verversFoutOp?: string;
  /** Epoch ms: until then one gateway instance is asking the partner about this mirror (claimVerversing). */
  verversClaimTot?: number;
  gekoppeldDoor: 'regie' | 'partner';
  aangemaakt: string;
}

interface Rij {
  id: number;
  identificatie: string;
  partner: string;
  zaaktype_code: string | null;
  zaaktype_omschrijving: string | null;
  deelplan_id: number;
  deelplan: string;
  status: string | null;
  status_bron: Statusbron | null;
  ververst: string | null;
  ververs_fout: string | null;
  ververs_fout_op: string | null;
  ververs_claim_tot: number | string | null;
  gekoppeld_door: 'regie' | 'partner';
  aangemaakt: string;
}

function spiegelzaak(r: Rij): Spiegelzaak {
  return {
    id: Number(r.id),
    identificatie: r.identificatie,
    partner: r.partner,
    ...(r.zaaktype_code !== null ? { zaaktype: { code: r.zaaktype_code, ...(r.zaaktype_omschrijving !== null ? { omschrijving: r.zaaktype_omschrijving } : {}) } } : {}),
    deelplanId: Number(r.deelplan_id),
    deelplan: r.deelplan,
    ...(r.status !== null ? { status: uitJson<Status>(r.status, undefined as never) } : {}),
    ...(r.status_bron !== null ? { statusBron: r.status_bron } : {}),
    ...(r.ververst !== null ? { ververst: r.ververst } : {}),
    ...(r.ververs_fout !== null ? { verversFout: r.ververs_fout } : {}),
    ...(r.ververs_fout_op !== null ? { verversFoutOp: r.ververs_fout_op } : {}),
    ...(r.ververs_claim_tot !== null ? { verversClaimTot: Number(r.ververs_claim_tot) } : {}),
    gekoppeldDoor: r.gekoppeld_door,
    aangemaakt: r.aangemaakt,
  };
}

const SELECT = 'SELECT s.*, z.identificatie AS deelplan FROM spiegelzaak s JOIN zaak z ON z.id = s.deelplan_id';

export class Spiegelzaken {
  constructor(private readonly sql: Sql) {}

  async vind(identificatie: string): Promise<Spiegelzaak | undefined> {
    const r = await this.sql.een<Rij>(`${SELECT} WHERE s.identificatie = ?`, [identificatie]);
    return r && spiegelzaak(r);
  }

  async alle(): Promise<Spiegelzaak[]> {
    return (await this.sql.alle<Rij>(`${SELECT} ORDER BY s.partner, s.identificatie`)).map(spiegelzaak);
  }

  async voegToe(s: { identificatie: string; partner: string; zaaktype?: { code: string; omschrijving?: string }; deelplanId: number; gekoppeldDoor: 'regie' | 'partner' }): Promise<void> {
    await this.sql.voer(
      `INSERT INTO spiegelzaak (identificatie, partner, zaaktype_code, zaaktype_omschrijving, deelplan_id, gekoppeld_door, aangemaakt)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [s.identificatie, s.partner, s.zaaktype?.code ?? null, s.zaaktype?.omschrijving ?? null, s.deelplanId, s.gekoppeldDoor, nu()],
    );
  }

  async zetZaaktype(id: number, zaaktype: { code: string; omschrijving?: string }): Promise<void> {
    await this.sql.voer('UPDATE spiegelzaak SET zaaktype_code = ?, zaaktype_omschrijving = ? WHERE id = ?', [zaaktype.code, zaaktype.omschrijving ?? null, id]);
  }

  /** The new last status replaces the old one; the partner has just spoken, so an earlier failure is forgotten. */
  async zetStatus(id: number, status: Status | undefined, bron: Statusbron, tijdstip = nu()): Promise<void> {
    await this.sql.voer('UPDATE spiegelzaak SET status = ?, status_bron = ?, ververst = ?, ververs_fout = NULL, ververs_fout_op = NULL WHERE id = ?', [
      status ? naarJson(status) : null, bron, tijdstip, id,
    ]);
  }

  async zetFout(id: number, fout: string, tijdstip = nu()): Promise<void> {
    await this.sql.voer('UPDATE spiegelzaak SET ververs_fout = ?, ververs_fout_op = ? WHERE id = ?', [fout.slice(0, 900), tijdstip, id]);
  }

  /**
   * Claims the question to the partner about this mirror until `tot` (epoch ms): of several instances asking at once,
   * one gets true. Only while nobody else holds a claim that runs past `nu`, and only while the mirror is as the
   * caller read it (`gelezen`: its ververst and ververs_fout_op), so that an instance that read the stale mirror just
   * before another's answer or failure was stored does not ask again but takes that. One conditional UPDATE: run it
   * on its own, in a short `los` transaction (PostgreSQL READ COMMITTED: a second UPDATE of the row waits for the
   * first to commit and re-checks its WHERE on the committed row; SQLite has one writer).
   */
  async claimVerversing(id: number, gelezen: Pick<Spiegelzaak, 'ververst' | 'verversFoutOp'>, nu: number, tot: number): Promise<boolean> {
    const n = await this.sql.voer(
      `UPDATE spiegelzaak SET ververs_claim_tot = ?
        WHERE id = ? AND (ververs_claim_tot IS NULL OR ververs_claim_tot <= ?)
          AND ververst IS NOT DISTINCT FROM ? AND ververs_fout_op IS NOT DISTINCT FROM ?`,
      [tot, id, nu, gelezen.ververst ?? null, gelezen.verversFoutOp ?? null],
    );
    return n === 1;
  }

  /**
   * Ends the caller's claim: with its answer or failure stored (in that transaction), or given back without one.
   * Only the claim until `tot`: after it ran out another instance may hold a newer one, which stays.
   */
  async geefVerversingVrij(id: number, tot: number): Promise<void> {
    await this.sql.voer('UPDATE spiegelzaak SET ververs_claim_tot = NULL WHERE id = ? AND ververs_claim_tot = ?', [id, tot]);
  }

  async verwijder(id: number): Promise<void> {
    await this.sql.voer('DELETE FROM spiegelzaak WHERE id = ?', [id]);
  }

  /**
   * May partner `partner` see this identificatie: one of its mirrored zaken, or a deelplan one of them belongs to?
   * One indexed lookup each way.
   */
  async zichtbaarVoor(partner: string, identificatie: string): Promise<boolean> {
    const r = await this.sql.een(
      `SELECT 1 AS n WHERE EXISTS (SELECT 1 FROM spiegelzaak WHERE partner = ? AND identificatie = ?)
           OR EXISTS (SELECT 1 FROM spiegelzaak s JOIN zaak z ON z.id = s.deelplan_id WHERE z.identificatie = ? AND s.partner = ?)`,
      [partner, identificatie, identificatie, partner],
    );
    return r !== undefined;
  }
}
