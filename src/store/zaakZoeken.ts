// Searching zaken on what they concern (the person query on plain StUF-ZKN zakLv01). One SQL statement per
// question: the most selective criterion drives through its index, the others filter, and the result is sorted and
// paged on identificatie in SQL, so that a store of a million zaken is never walked and never held in memory.
import type { Statement } from 'better-sqlite3';
import { Db } from './db';

export interface Zaakselectie {
  identificatie?: string;
  /** BSN of the natural person who is a current initiator. */
  initiatorBsn?: string;
  /**
   * With initiatorBsn: the zaken where that person is a current client (a zaakobject natuurlijkPersoon with
   * omschrijving Client) are hits too, marked alleenAlsClient when the person is not their initiator. Which of those
   * are plans is the catalogue's business (by zaaktype code, else omschrijving), so the caller keeps the plans.
   */
  initiatorOokClient?: boolean;
  /** BSN of the natural person who is a current zaakobject (a client of a plan). */
  objectBsn?: string;
  /** Zaken holding a current heeftBetrekkingOpAndere to this identificatie (the deelplannen of a plan). */
  betrekkingOpAndere?: string;
  zaaktypeCode?: string;
  /** 'open': zaken without einddatum; otherwise a date (yyyyMMdd) the einddatum must equal. */
  einddatum?: 'open' | { datum: string };
}

/** What a hit carries before its zaak is read: enough to decide whether the caller may see it in a list. */
export interface Zaaktreffer {
  id: number;
  identificatie: string;
  zaaktypeCode: string;
  zaaktypeOmschrijving?: string;
  /** Found through initiatorOokClient only: the person is a client of this zaak, not its initiator. */
  alleenAlsClient?: true;
}

interface TrefferRij {
  id: number;
  identificatie: string;
  zaaktype_code: string;
  zaaktype_omschrijving: string | null;
  alleen_als_client?: number;
}

interface Deel {
  sql: string;
  waarden: string[];
}

// The relation criteria, as the set of zaak ids they select. Ended relations (einddatum set) are history.
const INITIATOR = `SELECT r.zaak_id AS id FROM betrokkene b JOIN rol r ON r.betrokkene_id = b.id
  WHERE b.bsn = ? AND b.soort = 'NPS' AND r.rolsoort = 'heeftAlsInitiator' AND r.einddatum IS NULL`;
const ZAAKOBJECT = `SELECT o.zaak_id AS id FROM betrokkene b JOIN zaakobject o ON o.betrokkene_id = b.id
  WHERE b.bsn = ? AND b.soort = 'NPS' AND o.einddatum IS NULL`;
// A client as the plan rules know one (rzs.md A20; client and Cliënt are stored as Client).
const CLIENT = `SELECT o.zaak_id AS id FROM betrokkene b JOIN zaakobject o ON o.betrokkene_id = b.id
  WHERE b.bsn = ? AND b.soort = 'NPS' AND o.objecttype = 'natuurlijkPersoon' AND o.einddatum IS NULL
  AND EXISTS (SELECT 1 FROM json_each(o.velden) v WHERE json_extract(v.value, '$.local') = 'omschrijving' AND json_extract(v.value, '$.text') = 'Client')`;
const ANDERE = `SELECT zr.zaak_id AS id FROM zaakrelatie zr
  WHERE zr.andere_identificatie = ? AND zr.soort = 'heeftBetrekkingOpAndere' AND zr.einddatum IS NULL`;

function relatiecriteria(s: Zaakselectie): Deel[] {
  const delen: Deel[] = [];
  if (s.initiatorBsn !== undefined) {
    delen.push(s.initiatorOokClient ? { sql: `${INITIATOR} UNION ${CLIENT}`, waarden: [s.initiatorBsn, s.initiatorBsn] } : { sql: INITIATOR, waarden: [s.initiatorBsn] });
  }
  if (s.objectBsn !== undefined) delen.push({ sql: ZAAKOBJECT, waarden: [s.objectBsn] });
  if (s.betrekkingOpAndere !== undefined) delen.push({ sql: ANDERE, waarden: [s.betrekkingOpAndere] });
  return delen;
}

/**
 * FROM and WHERE of a selection. The driving table is fixed with CROSS JOIN (SQLite keeps that join order), so the
 * planner cannot choose to walk the identificatie index of the whole zaak table to save a sort.
 */
function vanEnWaar(s: Zaakselectie): { van: string; waar: string[]; waarden: string[] } {
  const relaties = relatiecriteria(s);
  const waar: string[] = [];
  const waarden: string[] = [];
  let van = 'zaak z';
  // identificatie (unique) and zaaktype (index on code + identificatie) drive from the zaak table itself.
  const drijver = s.identificatie === undefined ? relaties.shift() : undefined;
  if (drijver) {
    van = `(SELECT DISTINCT id FROM (${drijver.sql})) k CROSS JOIN zaak z`;
    waar.push('z.id = k.id');
    waarden.push(...drijver.waarden);
  }
  if (s.identificatie !== undefined) {
    waar.push('z.identificatie = ?');
    waarden.push(s.identificatie);
  }
  for (const r of relaties) {
    waar.push(`z.id IN (${r.sql})`);
    waarden.push(...r.waarden);
  }
  if (s.zaaktypeCode !== undefined) {
    waar.push('z.zaaktype_code = ?');
    waarden.push(s.zaaktypeCode);
  }
  if (s.einddatum === 'open') waar.push('z.einddatum IS NULL');
  else if (s.einddatum) {
    waar.push('z.einddatum = ?');
    waarden.push(s.einddatum.datum);
  }
  return { van, waar, waarden };
}

/** The shape of a statement: what it is for and which criteria are present (their values are parameters). */
const vorm = (s: Zaakselectie, doel: 'lijst' | 'vervolg' | 'aantal') =>
  doel +
  [s.identificatie, s.initiatorBsn, s.objectBsn, s.betrekkingOpAndere, s.zaaktypeCode].map((v) => (v === undefined ? '-' : '+')).join('') +
  (s.initiatorBsn !== undefined && s.initiatorOokClient ? 'c' : '') +
  (s.einddatum === undefined ? '' : s.einddatum === 'open' ? 'o' : 'd');

/** True when the selection names at least one criterion that limits the zaken (einddatum alone does not). */
export function heeftCriterium(s: Zaakselectie): boolean {
  return [s.identificatie, s.initiatorBsn, s.objectBsn, s.betrekkingOpAndere, s.zaaktypeCode].some((v) => v !== undefined);
}

export class ZaakZoeken {
  /** Prepared statements per shape of selection (which criteria are present): a few dozen at most. */
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  private statement(k: string, sql: () => string): Statement {
    let st = this.statements.get(k);
    if (!st) {
      st = this.db.prepare(sql());
      this.statements.set(k, st);
    }
    return st;
  }

  /** Up to `aantal` hits in identificatie order, after `na` when given (StUF paging continues after the last one). */
  async treffers(s: Zaakselectie, aantal: number, na?: string): Promise<Zaaktreffer[]> {
    if (!heeftCriterium(s)) throw new Error('zaakselectie zonder criterium');
    const { van, waar, waarden } = vanEnWaar(s);
    // Whether a hit of initiatorOokClient came through the client only (its parameter precedes those of FROM).
    const alsClient = s.initiatorBsn !== undefined && s.initiatorOokClient ? { kolom: `, z.id NOT IN (${INITIATOR}) AS alleen_als_client`, waarden: [s.initiatorBsn] } : { kolom: '', waarden: [] };
    const st = this.statement(vorm(s, na === undefined ? 'lijst' : 'vervolg'), () => {
      const voorwaarden = na === undefined ? waar : [...waar, 'z.identificatie > ?'];
      return `SELECT z.id, z.identificatie, z.zaaktype_code, json_extract(z.data, '$.zaaktype.omschrijving') AS zaaktype_omschrijving${alsClient.kolom}
        FROM ${van} WHERE ${voorwaarden.join(' AND ')} ORDER BY z.identificatie LIMIT ?`;
    });
    const rijen = st.all(...alsClient.waarden, ...waarden, ...(na === undefined ? [] : [na]), aantal) as TrefferRij[];
    return rijen.map((r) => ({
      id: r.id,
      identificatie: r.identificatie,
      zaaktypeCode: r.zaaktype_code,
      ...(r.zaaktype_omschrijving !== null ? { zaaktypeOmschrijving: r.zaaktype_omschrijving } : {}),
      ...(r.alleen_als_client ? { alleenAlsClient: true as const } : {}),
    }));
  }

  /** How many zaken the selection holds (StUF aantalVoorkomens); with initiatorOokClient every client's zaak counts. */
  async aantal(s: Zaakselectie): Promise<number> {
    if (!heeftCriterium(s)) throw new Error('zaakselectie zonder criterium');
    const { van, waar, waarden } = vanEnWaar(s);
    const st = this.statement(vorm(s, 'aantal'), () => `SELECT COUNT(*) AS n FROM ${van} WHERE ${waar.join(' AND ')}`);
    return (st.get(...waarden) as { n: number }).n;
  }
}
