// The protocol of personal data read through the gateway (design.md: who, which application, which zaak, which
// persons, why). Written in the transaction of the answer it records; queried by BSN or zaak and period.
import { Db } from './db';

export interface ProtocolRegel {
  tijdstip: string;
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
  limiet?: number;
}

interface Rij {
  id: number;
  tijdstip: string;
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
      `INSERT INTO protocol (tijdstip, applicatie, organisatie, gebruiker, rol, via, operatie, referentienummer, noodtoegang_reden, doelbinding)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.zaakInvoegen = db.prepare('INSERT OR IGNORE INTO protocol_zaak (protocol_id, zaak) VALUES (?, ?)');
    this.bsnInvoegen = db.prepare('INSERT OR IGNORE INTO protocol_bsn (protocol_id, bsn) VALUES (?, ?)');
    this.zakenVan = db.prepare<[number], { zaak: string }>('SELECT zaak FROM protocol_zaak WHERE protocol_id = ? ORDER BY zaak');
    this.bsnsVan = db.prepare<[number], { bsn: string }>('SELECT bsn FROM protocol_bsn WHERE protocol_id = ? ORDER BY bsn');
  }

  schrijf(r: ProtocolRegel): void {
    const id = Number(
      this.invoegen.run(r.tijdstip, r.applicatie, r.organisatie ?? null, r.gebruiker ?? null, r.rol, r.via, r.operatie, r.referentienummer ?? null, r.noodtoegangReden ?? null, r.doelbinding ?? null)
        .lastInsertRowid,
    );
    for (const z of r.zaken) this.zaakInvoegen.run(id, z);
    for (const b of r.bsns) this.bsnInvoegen.run(id, b);
  }

  /** Rows matching every given criterion, oldest first. */
  zoek(v: ProtocolVraag): ProtocolRegel[] {
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
    const sql = `SELECT * FROM protocol p ${waar.length ? `WHERE ${waar.join(' AND ')}` : ''} ORDER BY p.tijdstip, p.id LIMIT ?`;
    args.push(v.limiet ?? 10_000);
    return this.db
      .prepare<(string | number)[], Rij>(sql)
      .all(...args)
      .map((r) => ({
        tijdstip: r.tijdstip,
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
}
