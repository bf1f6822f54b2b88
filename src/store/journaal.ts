// The message journal's tables: one row of metadata per exchange, its zaken to search on, and its texts (without
// document content) for as long as they are kept. Written in batches by src/journaal/journaal.ts, read by the
// `journaal` command, purged by the retention (src/bewaren).
import { Sql } from './sql';
import { periode } from './periode';

export interface JournaalRegel {
  id?: number;
  tijdstip: string;
  richting: string;
  soort: string;
  endpoint: string;
  actie?: string;
  operatie?: string;
  dialect?: string;
  zender?: string;
  ontvanger?: string;
  referentienummer?: string;
  crossRefnummer?: string;
  zaken: string[];
  uitkomst: string;
  foutcode?: string;
  httpStatus: number;
  ms: number;
  grootteVerzoek: number;
  grootteAntwoord: number;
  herhaald: boolean;
  poging?: number;
  /** Whether its texts are (still) kept. */
  metInhoud?: boolean;
}

export interface JournaalInhoud {
  verzoek?: string;
  antwoord?: string;
}

export interface JournaalVraag {
  referentienummer?: string;
  zaak?: string;
  zender?: string;
  operatie?: string;
  foutcode?: string;
  richting?: string;
  /** ISO date or timestamp, inclusive. */
  van?: string;
  /** ISO date or timestamp; a bare date includes that whole day. */
  tot?: string;
  limiet?: number;
  /** The last `limiet` rows rather than the first (still returned oldest first). */
  nieuwste?: boolean;
}

interface Rij {
  id: number;
  tijdstip: string;
  richting: string;
  soort: string;
  endpoint: string;
  actie: string | null;
  operatie: string | null;
  dialect: string | null;
  zender: string | null;
  ontvanger: string | null;
  referentienummer: string | null;
  cross_refnummer: string | null;
  zaken: string;
  uitkomst: string;
  foutcode: string | null;
  http_status: number;
  duur_us: number;
  grootte_verzoek: number;
  grootte_antwoord: number;
  herhaald: number;
  poging: number | null;
  met_inhoud: number;
}

const KOLOMMEN = `tijdstip, richting, soort, endpoint, actie, operatie, dialect, zender, ontvanger, referentienummer, cross_refnummer,
  zaken, uitkomst, foutcode, http_status, duur_us, grootte_verzoek, grootte_antwoord, herhaald, poging`;
const INVOEGEN = `INSERT INTO journaal (${KOLOMMEN}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Rows per multi-row INSERT on SQLite (21 parameters each: far below its 32766). */
const PER_STATEMENT = 64;

/** Zaken recorded per exchange (a long search answer names more): bounded, like the statement's parameters. */
export const MAX_ZAKEN = 500;

const opt = <K extends string, V>(k: K, v: V | null) => (v !== null ? ({ [k]: v } as Record<K, V>) : {});

function waarden(r: JournaalRegel): (string | number | null)[] {
  return [
    r.tijdstip, r.richting, r.soort, r.endpoint, r.actie ?? null, r.operatie ?? null, r.dialect ?? null, r.zender ?? null, r.ontvanger ?? null,
    r.referentienummer ?? null, r.crossRefnummer ?? null, [...new Set(r.zaken)].slice(0, MAX_ZAKEN).join(' '), r.uitkomst, r.foutcode ?? null, r.httpStatus,
    Math.round(r.ms * 1000), r.grootteVerzoek, r.grootteAntwoord, r.herhaald ? 1 : 0, r.poging ?? null,
  ];
}

function alsRegel(r: Rij): JournaalRegel {
  return {
    id: Number(r.id),
    tijdstip: r.tijdstip,
    richting: r.richting,
    soort: r.soort,
    endpoint: r.endpoint,
    ...opt('actie', r.actie),
    ...opt('operatie', r.operatie),
    ...opt('dialect', r.dialect),
    ...opt('zender', r.zender),
    ...opt('ontvanger', r.ontvanger),
    ...opt('referentienummer', r.referentienummer),
    ...opt('crossRefnummer', r.cross_refnummer),
    zaken: r.zaken === '' ? [] : r.zaken.split(' '),
    uitkomst: r.uitkomst,
    ...opt('foutcode', r.foutcode),
    httpStatus: Number(r.http_status),
    ms: Number(r.duur_us) / 1000,
    grootteVerzoek: Number(r.grootte_verzoek),
    grootteAntwoord: Number(r.grootte_antwoord),
    herhaald: Number(r.herhaald) === 1,
    ...opt('poging', r.poging === null ? null : Number(r.poging)),
    metInhoud: Number(r.met_inhoud) === 1,
  };
}

/** The next turn of the event loop: what waits for the database (a message's transaction) goes first. */
const volgendeBeurt = () => new Promise<void>((r) => setImmediate(r));

export class Journaal {
  constructor(private readonly sql: Sql) {}

  /** Rows with their zaken and, where given, their texts; inside the caller's transaction. */
  async schrijf(regels: { regel: JournaalRegel; inhoud?: JournaalInhoud }[]): Promise<void> {
    if (this.sql.dialect === 'postgres') {
      for (const r of regels) await this.schrijfEen(r.regel, r.inhoud);
      return;
    }
    // SQLite: one writer, so the ids are ours to give (after the highest); then a few multi-row statements for the
    // whole batch instead of three per row: a row costs its B-tree inserts and little else.
    let id = Number((await this.sql.een<{ n: number | null }>('SELECT MAX(id) AS n FROM journaal'))?.n ?? 0);
    const rijen: (string | number | null)[][] = [];
    const zaken: (string | number)[][] = [];
    const inhouden: (string | number | null)[][] = [];
    for (const { regel, inhoud } of regels) {
      id++;
      rijen.push([id, ...waarden(regel)]);
      for (const z of [...new Set(regel.zaken)].slice(0, MAX_ZAKEN)) zaken.push([id, z]);
      if (inhoud) inhouden.push([id, inhoud.verzoek ?? null, inhoud.antwoord ?? null]);
    }
    await this.voegIn(`INSERT INTO journaal (id, ${KOLOMMEN}) VALUES`, rijen);
    await this.voegIn('INSERT INTO journaal_zaak (journaal_id, zaak) VALUES', zaken);
    await this.voegIn('INSERT INTO journaal_inhoud (journaal_id, verzoek, antwoord) VALUES', inhouden);
  }

  /**
   * Multi-row INSERTs of `rijen`, in parts of powers of two (at most PER_STATEMENT rows): few distinct statement
   * texts, so the prepared statements stay cached.
   */
  private async voegIn(begin: string, rijen: (string | number | null)[][]): Promise<void> {
    for (let i = 0; i < rijen.length; ) {
      let n = PER_STATEMENT;
      while (n > rijen.length - i) n >>= 1;
      const deel = rijen.slice(i, i + n);
      const plek = `(${deel[0].map(() => '?').join(', ')})`;
      await this.sql.voer(`${begin} ${Array.from({ length: n }, () => plek).join(', ')}`, deel.flat());
      i += n;
    }
  }

  /** PostgreSQL: one statement per row (data-modifying WITH): row, zaken and texts in one round trip. */
  private async schrijfEen(regel: JournaalRegel, inhoud?: JournaalInhoud): Promise<void> {
    const zaken = [...new Set(regel.zaken)].slice(0, MAX_ZAKEN);
    const z = zaken.length === 0 ? '' : `, z AS (INSERT INTO journaal_zaak (journaal_id, zaak) SELECT j.id, w.zaak FROM j,
      (VALUES ${zaken.map(() => '(CAST(? AS TEXT))').join(', ')}) AS w(zaak))`;
    const i = inhoud ? ', i AS (INSERT INTO journaal_inhoud (journaal_id, verzoek, antwoord) SELECT j.id, CAST(? AS TEXT), CAST(? AS TEXT) FROM j)' : '';
    await this.sql.voer(`WITH j AS (${INVOEGEN} RETURNING id)${z}${i} SELECT id FROM j`, [
      ...waarden(regel), ...zaken, ...(inhoud ? [inhoud.verzoek ?? null, inhoud.antwoord ?? null] : []),
    ]);
  }

  /** Rows matching every given criterion, oldest first. */
  async zoek(v: JournaalVraag): Promise<JournaalRegel[]> {
    const waar: string[] = [];
    const args: (string | number)[] = [];
    const gelijk = (kolom: string, w: string | undefined) => {
      if (w === undefined) return;
      waar.push(`j.${kolom} = ?`);
      args.push(w);
    };
    if (v.referentienummer !== undefined) {
      // A vendor asks about its own referentienummer, or about ours that its answer carries as crossRefnummer.
      waar.push('(j.referentienummer = ? OR j.cross_refnummer = ?)');
      args.push(v.referentienummer, v.referentienummer);
    }
    gelijk('operatie', v.operatie);
    gelijk('foutcode', v.foutcode);
    gelijk('richting', v.richting);
    if (v.zender !== undefined) {
      // A zender is shown as organisatie/applicatie[/administratie]: the application alone also matches.
      waar.push("(j.zender = ? OR j.zender LIKE ? ESCAPE '\\' OR j.zender LIKE ? ESCAPE '\\')");
      const e = v.zender.replace(/[\\%_]/g, (c) => `\\${c}`);
      args.push(v.zender, `%/${e}`, `%/${e}/%`);
    }
    if (v.zaak !== undefined) {
      waar.push('j.id IN (SELECT journaal_id FROM journaal_zaak WHERE zaak = ?)');
      args.push(v.zaak);
    }
    periode('j.tijdstip', v.van, v.tot, waar, args);
    args.push(v.limiet ?? 1000);
    const rijen = await this.sql.alle<Rij>(
      `SELECT j.*, CASE WHEN i.journaal_id IS NULL THEN 0 ELSE 1 END AS met_inhoud FROM journaal j LEFT JOIN journaal_inhoud i ON i.journaal_id = j.id
       ${waar.length ? `WHERE ${waar.join(' AND ')}` : ''} ORDER BY j.tijdstip ${v.nieuwste ? 'DESC' : ''}, j.id ${v.nieuwste ? 'DESC' : ''} LIMIT ?`,
      args,
    );
    const regels = rijen.map(alsRegel);
    return v.nieuwste ? regels.reverse() : regels;
  }

  /** One row, with its texts when they are still kept. */
  async toon(id: number): Promise<{ regel: JournaalRegel; inhoud?: JournaalInhoud } | undefined> {
    const r = await this.sql.een<Rij & { verzoek: string | null; antwoord: string | null; heeft: number | null }>(
      `SELECT j.*, CASE WHEN i.journaal_id IS NULL THEN 0 ELSE 1 END AS met_inhoud, i.verzoek, i.antwoord FROM journaal j
       LEFT JOIN journaal_inhoud i ON i.journaal_id = j.id WHERE j.id = ?`,
      [id],
    );
    if (!r) return undefined;
    const regel = alsRegel(r);
    return { regel, ...(regel.metInhoud ? { inhoud: { ...opt('verzoek', r.verzoek), ...opt('antwoord', r.antwoord) } } : {}) };
  }

  /**
   * Retention: texts of exchanges before `inhoudVoor`, and whole rows (with their zaken and texts) before
   * `regelsVoor` (ISO timestamps, exclusive). In transactions of at most `partij` rows, yielding to the event loop
   * between them, so that messages keep being written meanwhile; `doorgaan` false between two of them stops early
   * (shutdown). Safe beside another instance doing the same: what it took first is simply not found again.
   * Returns how many texts and rows went.
   */
  async schoonOp(
    inhoudVoor: string,
    regelsVoor: string,
    opties: { partij?: number; doorgaan?: () => boolean } = {},
  ): Promise<{ inhoud: number; regels: number }> {
    const partij = opties.partij ?? 1000;
    const doorgaan = opties.doorgaan ?? (() => true);
    const teller = { inhoud: 0, regels: 0 };
    // The rows first, oldest first by the tijdstip index; each batch's ids are read in its transaction and deleted
    // by id, so its zaken, texts and rows are the same rows even when another instance purges beside it.
    while (doorgaan()) {
      const weg = await this.sql.transactie(async (tx) => {
        const ids = (await tx.alle<{ id: number }>('SELECT id FROM journaal WHERE tijdstip < ? ORDER BY tijdstip LIMIT ?', [regelsVoor, partij])).map((r) => Number(r.id));
        if (ids.length === 0) return { inhoud: 0, regels: 0 };
        const lijst = ids.map(() => '?').join(', ');
        const inhoud = await tx.voer(`DELETE FROM journaal_inhoud WHERE journaal_id IN (${lijst})`, ids);
        await tx.voer(`DELETE FROM journaal_zaak WHERE journaal_id IN (${lijst})`, ids);
        return { inhoud, regels: await tx.voer(`DELETE FROM journaal WHERE id IN (${lijst})`, ids) };
      }, { isolatie: 'los' });
      teller.inhoud += weg.inhoud;
      teller.regels += weg.regels;
      // A short batch is the last; so is one another instance emptied first (it goes on with the rest).
      if (weg.regels < partij) break;
      await volgendeBeurt();
    }
    // Then the texts that remain, walked by journaal_id: they are the few days' worth still kept, whereas the rows
    // older than `inhoudVoor` are months of metadata whose texts are mostly gone. Exact whatever the order of ids
    // and tijdstippen (two instances, a long request); each read and each delete is bounded by `partij`.
    const voor = inhoudVoor < regelsVoor ? regelsVoor : inhoudVoor;
    let na = 0;
    while (doorgaan()) {
      const rijen = await this.sql.alle<{ id: number; tijdstip: string }>(
        'SELECT i.journaal_id AS id, j.tijdstip FROM journaal_inhoud i JOIN journaal j ON j.id = i.journaal_id WHERE i.journaal_id > ? ORDER BY i.journaal_id LIMIT ?',
        [na, partij],
      );
      const ids = rijen.filter((r) => r.tijdstip < voor).map((r) => Number(r.id));
      if (ids.length > 0) {
        teller.inhoud += await this.sql.transactie((tx) => tx.voer(`DELETE FROM journaal_inhoud WHERE journaal_id IN (${ids.map(() => '?').join(', ')})`, ids), { isolatie: 'los' });
      }
      if (rijen.length < partij) break;
      na = Number(rijen[rijen.length - 1].id);
      await volgendeBeurt();
    }
    return teller;
  }
}
