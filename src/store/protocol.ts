// The protocol of personal data read or written through the gateway (design.md: who, which application, which zaak,
// which persons, why). Written in the transaction of the answer or change it records; queried by BSN or zaak and
// period; rows older than the retention period are removed by the retention purge (src/bewaren) and `protocol opschonen`.
import { Sql } from './sql';
import { periode } from './periode';

/** lezen: an answer with personal data or document content; schrijven: a change that stored or changed them. */
export type ProtocolSoort = 'lezen' | 'schrijven';

export interface ProtocolRegel {
  tijdstip: string;
  soort: ProtocolSoort;
  applicatie: string;
  organisatie?: string;
  gebruiker?: string;
  rol: string;
  via: string;
  operatie: string;
  referentienummer?: string;
  noodtoegangReden?: string;
  doelbinding?: string;
  zaken: string[];
  bsns: string[];
}

export interface ProtocolVraag {
  bsn?: string;
  zaak?: string;
  /** ISO date or timestamp, inclusive. */
  van?: string;
  /** ISO date or timestamp; a date includes that whole day. */
  tot?: string;
  alleenNoodtoegang?: boolean;
  soort?: ProtocolSoort;
  limiet?: number;
}

interface Rij {
  id: number;
  tijdstip: string;
  soort: ProtocolSoort;
  applicatie: string;
  organisatie: string | null;
  gebruiker: string | null;
  rol: string;
  via: string;
  operatie: string;
  referentienummer: string | null;
  noodtoegang_reden: string | null;
  doelbinding: string | null;
}

const opt = <K extends string>(k: K, v: string | null) => (v !== null ? ({ [k]: v } as Record<K, string>) : {});

/** Rows per multi-row INSERT: 1000 parameters, far below SQLite's 32766 and PostgreSQL's 65535. */
const PER_STATEMENT = 500;

const INVOEGEN = `INSERT INTO protocol (tijdstip, soort, applicatie, organisatie, gebruiker, rol, via, operatie, referentienummer, noodtoegang_reden, doelbinding)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The text of a multi-row INSERT, built once per table and row count: one protocol row per message needs it. */
const invoegTeksten = new Map<string, string>();
function invoegTekst(tabel: 'protocol_zaak' | 'protocol_bsn', kolom: 'zaak' | 'bsn', rijen: number): string {
  const sleutel = `${tabel}:${rijen}`;
  let tekst = invoegTeksten.get(sleutel);
  if (!tekst) {
    tekst = `INSERT INTO ${tabel} (protocol_id, ${kolom}) VALUES ${Array.from({ length: rijen }, () => '(?, ?)').join(', ')} ON CONFLICT DO NOTHING`;
    if (invoegTeksten.size < 1000) invoegTeksten.set(sleutel, tekst);
  }
  return tekst;
}

export class Protocol {
  constructor(private readonly sql: Sql) {}

  async schrijf(r: ProtocolRegel): Promise<void> {
    const regel = [r.tijdstip, r.soort, r.applicatie, r.organisatie ?? null, r.gebruiker ?? null, r.rol, r.via, r.operatie, r.referentienummer ?? null, r.noodtoegangReden ?? null, r.doelbinding ?? null];
    if (this.sql.dialect === 'postgres' && r.zaken.length + r.bsns.length <= PER_STATEMENT) {
      // PostgreSQL: the row with its zaken and BSNs in one statement (data-modifying WITH), one round trip, not three.
      const bij = (naam: string, tabel: string, kolom: string, waarden: string[]) =>
        waarden.length === 0 ? '' : `, ${naam} AS (INSERT INTO ${tabel} (protocol_id, ${kolom}) SELECT p.id, w.waarde FROM p,
          (VALUES ${waarden.map(() => '(CAST(? AS TEXT))').join(', ')}) AS w(waarde) ON CONFLICT DO NOTHING)`;
      await this.sql.voer(
        `WITH p AS (${INVOEGEN} RETURNING id)${bij('z', 'protocol_zaak', 'zaak', r.zaken)}${bij('b', 'protocol_bsn', 'bsn', r.bsns)} SELECT id FROM p`,
        [...regel, ...r.zaken, ...r.bsns],
      );
      return;
    }
    const rij = await this.sql.een<{ id: number }>(`${INVOEGEN} RETURNING id`, regel);
    const id = Number(rij!.id);
    await this.voegToe('protocol_zaak', 'zaak', id, r.zaken);
    await this.voegToe('protocol_bsn', 'bsn', id, r.bsns);
  }

  /** The zaken or BSNs of one protocol row: one statement per PER_STATEMENT of them (each a round trip on PostgreSQL). */
  private async voegToe(tabel: 'protocol_zaak' | 'protocol_bsn', kolom: 'zaak' | 'bsn', id: number, waarden: string[]): Promise<void> {
    for (let i = 0; i < waarden.length; i += PER_STATEMENT) {
      const deel = waarden.slice(i, i + PER_STATEMENT);
      await this.sql.voer(invoegTekst(tabel, kolom, deel.length), deel.flatMap((w) => [id, w]));
    }
  }

  /** Rows matching every given criterion, oldest first. */
  async zoek(v: ProtocolVraag): Promise<ProtocolRegel[]> {
    const waar: string[] = [];
    const args: (string | number)[] = [];
    if (v.bsn !== undefined) {
      waar.push('p.id IN (SELECT protocol_id FROM protocol_bsn WHERE bsn = ?)');
      args.push(v.bsn);
    }
    if (v.zaak !== undefined) {
      waar.push('p.id IN (SELECT protocol_id FROM protocol_zaak WHERE zaak = ?)');
      args.push(v.zaak);
    }
    periode('p.tijdstip', v.van, v.tot, waar, args);
    if (v.alleenNoodtoegang) waar.push('p.noodtoegang_reden IS NOT NULL');
    if (v.soort !== undefined) {
      waar.push('p.soort = ?');
      args.push(v.soort);
    }
    const sql = `SELECT * FROM protocol p ${waar.length ? `WHERE ${waar.join(' AND ')}` : ''} ORDER BY p.tijdstip, p.id LIMIT ?`;
    args.push(v.limiet ?? 10_000);
    const regels: ProtocolRegel[] = [];
    for (const r of await this.sql.alle<Rij>(sql, args)) {
      const zaken = await this.sql.alle<{ zaak: string }>('SELECT zaak FROM protocol_zaak WHERE protocol_id = ? ORDER BY zaak', [r.id]);
      const bsns = await this.sql.alle<{ bsn: string }>('SELECT bsn FROM protocol_bsn WHERE protocol_id = ? ORDER BY bsn', [r.id]);
      regels.push({
        tijdstip: r.tijdstip,
        soort: r.soort,
        applicatie: r.applicatie,
        ...opt('organisatie', r.organisatie),
        ...opt('gebruiker', r.gebruiker),
        rol: r.rol,
        via: r.via,
        operatie: r.operatie,
        ...opt('referentienummer', r.referentienummer),
        ...opt('noodtoegangReden', r.noodtoegang_reden),
        ...opt('doelbinding', r.doelbinding),
        zaken: zaken.map((x) => x.zaak),
        bsns: bsns.map((x) => x.bsn),
      });
    }
    return regels;
  }

  /**
   * Removes every row (with its zaken and BSNs) written before `voor` (ISO timestamp, exclusive), a batch of `partij`
   * rows per transaction with a turn of the event loop between batches (a running gateway writes beside it); returns
   * how many rows went.
   */
  async schoonOp(voor: string, partij = 1000): Promise<number> {
    let totaal = 0;
    for (;;) {
      const weg = await this.schoonOpPartij(voor, partij);
      totaal += weg;
      if (weg < partij) return totaal;
      await new Promise<void>((r) => setImmediate(r));
    }
  }

  /**
   * At most `max` of the oldest rows before `voor`, with their zaken and BSNs, in one transaction (READ COMMITTED on
   * PostgreSQL: another instance purging beside it takes other rows or none). Returns how many rows went.
   */
  async schoonOpPartij(voor: string, max: number): Promise<number> {
    return this.sql.transactie(async (tx) => {
      const ids = (await tx.alle<{ id: number }>('SELECT id FROM protocol WHERE tijdstip < ? ORDER BY tijdstip, id LIMIT ?', [voor, max])).map((r) => Number(r.id));
      if (ids.length === 0) return 0;
      const lijst = ids.map(() => '?').join(', ');
      await tx.voer(`DELETE FROM protocol_zaak WHERE protocol_id IN (${lijst})`, ids);
      await tx.voer(`DELETE FROM protocol_bsn WHERE protocol_id IN (${lijst})`, ids);
      await tx.voer(`DELETE FROM protocol WHERE id IN (${lijst})`, ids);
      return ids.length;
    }, { isolatie: 'los' });
  }

}
