// The outbox: written in the transaction of the change, read and updated by the delivery worker and the command line.
import { Sql } from './sql';

export type UitgaandSoort = 'notificeerOverZaak' | 'initieerNotificeerOverZaak' | 'overdragenZaak_Di01' | 'overdragenZaak_Du01';
export type UitgaandStatus = 'wachtend' | 'afgeleverd' | 'dood' | 'verworpen';

export interface NieuwUitgaand {
  soort: UitgaandSoort;
  bestemming: string;
  /** The zaak: messages for one zaak go to one destination one at a time, oldest first. */
  volgorde: string;
  referentienummer: string;
  soapActie: string;
  bericht: string;
  gebeurtenis?: string;
  overdrachtId?: number;
}

export interface Uitgaand extends NieuwUitgaand {
  id: number;
  status: UitgaandStatus;
  pogingen: number;
  volgendePoging: number;
  laatsteFout?: string;
  aangemaakt: string;
  afgeleverd?: string;
}

interface Rij {
  id: number;
  soort: UitgaandSoort;
  bestemming: string;
  volgorde: string;
  referentienummer: string;
  soap_actie: string;
  bericht: string;
  gebeurtenis: string | null;
  status: UitgaandStatus;
  pogingen: number;
  volgende_poging: number;
  laatste_fout: string | null;
  aangemaakt: string;
  afgeleverd: string | null;
  overdracht_id: number | null;
}

const vanRij = (r: Rij): Uitgaand => ({
  id: Number(r.id),
  soort: r.soort,
  bestemming: r.bestemming,
  volgorde: r.volgorde,
  referentienummer: r.referentienummer,
  soapActie: r.soap_actie,
  bericht: r.bericht,
  ...(r.gebeurtenis !== null ? { gebeurtenis: r.gebeurtenis } : {}),
  ...(r.overdracht_id !== null ? { overdrachtId: Number(r.overdracht_id) } : {}),
  status: r.status,
  pogingen: Number(r.pogingen),
  volgendePoging: Number(r.volgende_poging),
  ...(r.laatste_fout !== null ? { laatsteFout: r.laatste_fout } : {}),
  aangemaakt: r.aangemaakt,
  ...(r.afgeleverd !== null ? { afgeleverd: r.afgeleverd } : {}),
});

export interface UitgaandFilter {
  status?: UitgaandStatus;
  bestemming?: string;
  soort?: UitgaandSoort;
  zaak?: string;
  limiet?: number;
}

export interface UitgaandTelling {
  bestemming: string;
  soort: UitgaandSoort;
  status: UitgaandStatus;
  aantal: number;
}

// Due, and the oldest undelivered message of its destination and zaak: a dead one holds the rest back, so that a
// receiver never sees a zaak's messages out of order. PostgreSQL: rows another instance is claiming right now are
// skipped, not waited for (FOR UPDATE SKIP LOCKED); their later messages stay held back by the NOT EXISTS, which
// still sees the claimed row as wachtend. SQLite: the caller's write transaction already excludes every other writer.
const KLAAR = `SELECT u.* FROM uitgaand u
  WHERE u.status = 'wachtend' AND u.volgende_poging <= ?
    AND NOT EXISTS (SELECT 1 FROM uitgaand v WHERE v.bestemming = u.bestemming AND v.volgorde = u.volgorde
                    AND v.id < u.id AND v.status IN ('wachtend', 'dood'))
  ORDER BY u.volgende_poging, u.id LIMIT ?`;

const lijstVan = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export class UitgaandeBerichten {
  constructor(
    private readonly sql: Sql,
    /** Shared by the store and the stores its transactions are given. */
    private readonly teller = { toegevoegd: 0 },
  ) {}

  /** Messages this process put in the outbox so far: whether a change is worth waking the worker for. */
  get toegevoegd(): number {
    return this.teller.toegevoegd;
  }

  async voegToe(u: NieuwUitgaand, nu = Date.now()): Promise<number> {
    this.teller.toegevoegd++;
    const r = await this.sql.een<{ id: number }>(
      `INSERT INTO uitgaand (soort, bestemming, volgorde, referentienummer, soap_actie, bericht, gebeurtenis, status, volgende_poging, aangemaakt, overdracht_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'wachtend', ?, ?, ?) RETURNING id`,
      [u.soort, u.bestemming, u.volgorde, u.referentienummer, u.soapActie, u.bericht, u.gebeurtenis ?? null, nu, new Date(nu).toISOString(), u.overdrachtId ?? null],
    );
    return Number(r!.id);
  }

  /**
   * Call inside a write transaction: the due messages, each claimed until `claimTot` so no other worker sends it
   * meanwhile. On PostgreSQL run that transaction with isolatie 'los' (READ COMMITTED): under REPEATABLE READ a row
   * another instance delivered since the snapshot makes the claim fail with a serialisation conflict.
   */
  async claimKlaar(nu: number, claimTot: number, max: number): Promise<Uitgaand[]> {
    const sql = this.sql.dialect === 'postgres' ? `${KLAAR} FOR UPDATE OF u SKIP LOCKED` : KLAAR;
    const rijen = await this.sql.alle<Rij>(sql, [nu, max]);
    if (rijen.length > 0) {
      await this.sql.voer(`UPDATE uitgaand SET volgende_poging = ? WHERE id IN (${lijstVan(rijen.length)})`, [claimTot, ...rijen.map((r) => r.id)]);
    }
    return rijen.map(vanRij);
  }

  async afgeleverd(id: number, nu = Date.now()): Promise<void> {
    await this.sql.voer("UPDATE uitgaand SET status = 'afgeleverd', pogingen = pogingen + 1, afgeleverd = ?, laatste_fout = NULL WHERE id = ?", [
      new Date(nu).toISOString(), id,
    ]);
  }

  async opnieuwOm(id: number, tijdstip: number, fout: string): Promise<void> {
    await this.sql.voer('UPDATE uitgaand SET pogingen = pogingen + 1, volgende_poging = ?, laatste_fout = ? WHERE id = ?', [tijdstip, fout.slice(0, 1000), id]);
  }

  async dood(id: number, fout: string): Promise<void> {
    await this.sql.voer("UPDATE uitgaand SET status = 'dood', pogingen = pogingen + 1, laatste_fout = ? WHERE id = ?", [fout.slice(0, 1000), id]);
  }

  async vind(id: number): Promise<Uitgaand | undefined> {
    const r = await this.sql.een<Rij>('SELECT * FROM uitgaand WHERE id = ?', [id]);
    return r ? vanRij(r) : undefined;
  }

  /** The message we sent with this referentienummer (what an asynchronous Bv01 or Fo01/Fo03 names as crossRefnummer). */
  async metReferentie(referentienummer: string): Promise<Uitgaand | undefined> {
    const r = await this.sql.een<Rij>('SELECT * FROM uitgaand WHERE referentienummer = ? ORDER BY id DESC LIMIT 1', [referentienummer]);
    return r ? vanRij(r) : undefined;
  }

  async lijst(f: UitgaandFilter = {}): Promise<Uitgaand[]> {
    const waar: string[] = [];
    const waarden: (string | number)[] = [];
    if (f.status) (waar.push('status = ?'), waarden.push(f.status));
    if (f.bestemming) (waar.push('bestemming = ?'), waarden.push(f.bestemming));
    if (f.soort) (waar.push('soort = ?'), waarden.push(f.soort));
    if (f.zaak) (waar.push('volgorde = ?'), waarden.push(f.zaak));
    const sql = `SELECT * FROM uitgaand ${waar.length ? `WHERE ${waar.join(' AND ')}` : ''} ORDER BY id LIMIT ?`;
    return (await this.sql.alle<Rij>(sql, [...waarden, f.limiet ?? 1000])).map(vanRij);
  }

  /**
   * As tellingen, for wachtend and dood only, through the index on status: counting the delivered ones too reads every
   * row and its message (on SQLite some 250 ms with 200,000 rows, the event loop waiting). For the metrics.
   */
  async tellingenOpen(): Promise<UitgaandTelling[]> {
    const rijen = await this.sql.alle<UitgaandTelling>(
      "SELECT bestemming, soort, status, CAST(COUNT(*) AS INTEGER) AS aantal FROM uitgaand WHERE status IN ('wachtend', 'dood') GROUP BY bestemming, soort, status",
    );
    return rijen.map((r) => ({ ...r, aantal: Number(r.aantal) }));
  }

  async tellingen(): Promise<UitgaandTelling[]> {
    const rijen = await this.sql.alle<UitgaandTelling>(
      'SELECT bestemming, soort, status, CAST(COUNT(*) AS INTEGER) AS aantal FROM uitgaand GROUP BY bestemming, soort, status ORDER BY bestemming, soort, status',
    );
    return rijen.map((r) => ({ ...r, aantal: Number(r.aantal) }));
  }

  /**
   * Dead messages (all, or of one destination, or the given ids) back to wachtend, due now, with a fresh count of
   * attempts. Returns how many were revived.
   */
  async herleef(keuze: { ids?: number[]; bestemming?: string }, nu = Date.now()): Promise<number> {
    const waar = ["status = 'dood'"];
    const waarden: (string | number)[] = [nu];
    if (keuze.ids) {
      // An empty list selects nothing (IN () is not SQL).
      if (keuze.ids.length === 0) return 0;
      waar.push(`id IN (${lijstVan(keuze.ids.length)})`);
      waarden.push(...keuze.ids);
    }
    if (keuze.bestemming) (waar.push('bestemming = ?'), waarden.push(keuze.bestemming));
    return this.sql.voer(`UPDATE uitgaand SET status = 'wachtend', pogingen = 0, volgende_poging = ? WHERE ${waar.join(' AND ')}`, waarden);
  }

  /**
   * An operator gives up on dead messages: they stop holding back later messages for their zaak. volgende_poging,
   * which means nothing for a message that is never sent again, records when (epoch ms): retention counts from it.
   */
  async verwerp(ids: number[], nu = Date.now()): Promise<number> {
    if (ids.length === 0) return 0;
    return this.sql.voer(`UPDATE uitgaand SET status = 'verworpen', volgende_poging = ? WHERE status = 'dood' AND id IN (${lijstVan(ids.length)})`, [nu, ...ids]);
  }

  /**
   * Retention: at most `max` delivered messages, delivered before `voor` (ISO, exclusive), in one statement; returns
   * how many went (fewer than `max`: none are left, or another instance took them first). Only afgeleverd: waiting
   * and dead messages are never purged. By id, not status, outside the subquery: SQLite would otherwise walk every
   * delivered row through the status index; a delivered or discarded row never changes status again.
   */
  async schoonOpAfgeleverd(voor: string, max: number): Promise<number> {
    return this.sql.voer(
      `DELETE FROM uitgaand WHERE id IN
       (SELECT id FROM uitgaand WHERE status = 'afgeleverd' AND afgeleverd < ? ORDER BY afgeleverd LIMIT ?)`,
      [voor, max],
    );
  }

  /** As schoonOpAfgeleverd, for messages discarded before `voor` (epoch ms; verwerp records it in volgende_poging). */
  async schoonOpVerworpen(voor: number, max: number): Promise<number> {
    return this.sql.voer(
      `DELETE FROM uitgaand WHERE id IN
       (SELECT id FROM uitgaand WHERE status = 'verworpen' AND volgende_poging < ? ORDER BY volgende_poging LIMIT ?)`,
      [voor, max],
    );
  }
}
