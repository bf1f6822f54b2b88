// The protocol of personal data read or written through the gateway (design.md: who, which application, which zaak,
// which persons, why). Written in the transaction of the answer or change it records; queried by BSN or zaak and
// period; rows older than the retention period are removed by `protocol opschonen`.
import { Db } from './db';

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

export class Protocol {
  private readonly invoegen;
  private readonly zaakInvoegen;
  private readonly bsnInvoegen;
  private readonly zakenVan;
  private readonly bsnsVan;

  constructor(private readonly db: Db) {
    this.invoegen = db.prepare(
      `INSERT INTO protocol (tijdstip, soort, applicatie, organisatie, gebruiker, rol, via, operatie, referentienummer, noodtoegang_reden, doelbinding)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.zaakInvoegen = db.prepare('INSERT OR IGNORE INTO protocol_zaak (protocol_id, zaak) VALUES (?, ?)');
    this.bsnInvoegen = db.prepare('INSERT OR IGNORE INTO protocol_bsn (protocol_id, bsn) VALUES (?, ?)');
    this.zakenVan = db.prepare<[number], { zaak: string }>('SELECT zaak FROM protocol_zaak WHERE protocol_id = ? ORDER BY zaak');
    this.bsnsVan = db.prepare<[number], { bsn: string }>('SELECT bsn FROM protocol_bsn WHERE protocol_id = ? ORDER BY bsn');
  }

  async schrijf(r: ProtocolRegel): Promise<void> {
    const id = Number(
      this.invoegen.run(r.tijdstip, r.soort, r.applicatie, r.organisatie ?? null, r.gebruiker ?? null, r.rol, r.via, r.operatie, r.referentienummer ?? null, r.noodtoegangReden ?? null, r.doelbinding ?? null)
        .lastInsertRowid,
    );
    for (const z of r.zaken) this.zaakInvoegen.run(id, z);
    for (const b of r.bsns) this.bsnInvoegen.run(id, b);
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
    if (v.van !== undefined) {
      waar.push('p.tijdstip >= ?');
      args.push(v.van);
    }
    if (v.tot !== undefined) {
      // A bare date means the whole day: compare against the next day's start.
      waar.push(/^\d{4}-\d{2}-\d{2}$/.test(v.tot) ? "p.tijdstip < date(?, '+1 day')" : 'p.tijdstip <= ?');
      args.push(v.tot);
    }
    if (v.alleenNoodtoegang) waar.push('p.noodtoegang_reden IS NOT NULL');
    if (v.soort !== undefined) {
      waar.push('p.soort = ?');
      args.push(v.soort);
    }
    const sql = `SELECT * FROM protocol p ${waar.length ? `WHERE ${waar.join(' AND ')}` : ''} ORDER BY p.tijdstip, p.id LIMIT ?`;
    args.push(v.limiet ?? 10_000);
    return this.db
      .prepare<(string | number)[], Rij>(sql)
      .all(...args)
      .map((r) => ({
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
        zaken: this.zakenVan.all(r.id).map((x) => x.zaak),
        bsns: this.bsnsVan.all(r.id).map((x) => x.bsn),
      }));
  }

  /**
   * Removes every row (with its zaken and BSNs) written before `voor` (ISO timestamp, exclusive) in one transaction;
   * returns how many rows went. The child tables have no index on protocol_id: a full scan, fine for a command run
   * once a day or a month, and it keeps the insert on the request path at its three statements.
   */
  async schoonOp(voor: string): Promise<number> {
    const selectie = 'SELECT id FROM protocol WHERE tijdstip < ?';
    return this.db.transaction(() => {
      this.db.prepare(`DELETE FROM protocol_zaak WHERE protocol_id IN (${selectie})`).run(voor);
      this.db.prepare(`DELETE FROM protocol_bsn WHERE protocol_id IN (${selectie})`).run(voor);
      return this.db.prepare('DELETE FROM protocol WHERE tijdstip < ?').run(voor).changes;
    }).immediate(); // take the write lock at once: a running gateway writes beside this command

  }
}
