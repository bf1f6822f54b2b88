// Searching zaken on what they concern (the person query on plain StUF-ZKN zakLv01). One SQL statement per
// question: the most selective criterion drives through its index, the others filter, and the result is sorted and
// paged on identificatie in SQL, so that a store of a million zaken is never walked and never held in memory.
import { Sql, SqlDialect } from './sql';

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
// A client as the plan rules know one (rzs.md A20; client and Cliënt are stored as Client): an omschrijving among
// the zaakobject's velden (a JSON array of elements). The one place JSON is searched in SQL, so in each dialect's words.
const CLIENT_VELD: Record<SqlDialect, string> = {
  sqlite: `EXISTS (SELECT 1 FROM json_each(o.velden) v WHERE json_extract(v.value, '$.local') = 'omschrijving' AND json_extract(v.value, '$.text') = 'Client')`,
  postgres: `EXISTS (SELECT 1 FROM jsonb_array_elements(CAST(o.velden AS jsonb)) v WHERE v->>'local' = 'omschrijving' AND v->>'text' = 'Client')`,
};
const CLIENT = (d: SqlDialect) => `SELECT o.zaak_id AS id FROM betrokkene b JOIN zaakobject o ON o.betrokkene_id = b.id
  WHERE b.bsn = ? AND b.soort = 'NPS' AND o.objecttype = 'natuurlijkPersoon' AND o.einddatum IS NULL
  AND ${CLIENT_VELD[d]}`;
// The zaaktype's omschrijving from the zaak's JSON data.
const ZAAKTYPE_OMSCHRIJVING: Record<SqlDialect, string> = {
  sqlite: "json_extract(z.data, '$.zaaktype.omschrijving')",
  postgres: "CAST(z.data AS jsonb)->'zaaktype'->>'omschrijving'",
};
const ANDERE = `SELECT zr.zaak_id AS id FROM zaakrelatie zr
  WHERE zr.andere_identificatie = ? AND zr.soort = 'heeftBetrekkingOpAndere' AND zr.einddatum IS NULL`;

function relatiecriteria(s: Zaakselectie, d: SqlDialect): Deel[] {
  const delen: Deel[] = [];
  if (s.initiatorBsn !== undefined) {
    delen.push(s.initiatorOokClient ? { sql: `${INITIATOR} UNION ${CLIENT(d)}`, waarden: [s.initiatorBsn, s.initiatorBsn] } : { sql: INITIATOR, waarden: [s.initiatorBsn] });
  }
  if (s.objectBsn !== undefined) delen.push({ sql: ZAAKOBJECT, waarden: [s.objectBsn] });
  if (s.betrekkingOpAndere !== undefined) delen.push({ sql: ANDERE, waarden: [s.betrekkingOpAndere] });
  return delen;
}

/**
 * FROM and WHERE of a selection. The driving table is fixed with CROSS JOIN (SQLite keeps that join order), so the
 * planner cannot choose to walk the identificatie index of the whole zaak table to save a sort. PostgreSQL plans a
 * CROSS JOIN as any inner join, by cost.
 */
function vanEnWaar(s: Zaakselectie, d: SqlDialect): { van: string; waar: string[]; waarden: string[] } {
  const relaties = relatiecriteria(s, d);
  const waar: string[] = [];
  const waarden: string[] = [];
  let van = 'zaak z';
  // identificatie (unique) and zaaktype (index on code + identificatie) drive from the zaak table itself.
  const drijver = s.identificatie === undefined ? relaties.shift() : undefined;
  if (drijver) {
    van = `(SELECT DISTINCT id FROM (${drijver.sql}) d) k CROSS JOIN zaak z`;
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

/** True when the selection names at least one criterion that limits the zaken (einddatum alone does not). */
export function heeftCriterium(s: Zaakselectie): boolean {
  return [s.identificatie, s.initiatorBsn, s.objectBsn, s.betrekkingOpAndere, s.zaaktypeCode].some((v) => v !== undefined);
}

export class ZaakZoeken {
  constructor(private readonly sql: Sql) {}

  /** Up to `aantal` hits in identificatie order, after `na` when given (StUF paging continues after the last one). */
  async treffers(s: Zaakselectie, aantal: number, na?: string): Promise<Zaaktreffer[]> {
    if (!heeftCriterium(s)) throw new Error('zaakselectie zonder criterium');
    const d = this.sql.dialect;
    const { van, waar, waarden } = vanEnWaar(s, d);
    // Whether a hit of initiatorOokClient came through the client only (its parameter precedes those of FROM).
    const alsClient = s.initiatorBsn !== undefined && s.initiatorOokClient
      ? { kolom: `, CASE WHEN z.id NOT IN (${INITIATOR}) THEN 1 ELSE 0 END AS alleen_als_client`, waarden: [s.initiatorBsn] }
      : { kolom: '', waarden: [] };
    const voorwaarden = na === undefined ? waar : [...waar, 'z.identificatie > ?'];
    const sql = `SELECT z.id, z.identificatie, z.zaaktype_code, ${ZAAKTYPE_OMSCHRIJVING[d]} AS zaaktype_omschrijving${alsClient.kolom}
        FROM ${van} WHERE ${voorwaarden.join(' AND ')} ORDER BY z.identificatie LIMIT ?`;
    const rijen = await this.sql.alle<TrefferRij>(sql, [...alsClient.waarden, ...waarden, ...(na === undefined ? [] : [na]), aantal]);
    return rijen.map((r) => ({
      id: Number(r.id),
      identificatie: r.identificatie,
      zaaktypeCode: r.zaaktype_code,
      ...(r.zaaktype_omschrijving !== null ? { zaaktypeOmschrijving: r.zaaktype_omschrijving } : {}),
      ...(Number(r.alleen_als_client) ? { alleenAlsClient: true as const } : {}),
    }));
  }

  /** How many zaken the selection holds (StUF aantalVoorkomens); with initiatorOokClient every client's zaak counts. */
  async aantal(s: Zaakselectie): Promise<number> {
    if (!heeftCriterium(s)) throw new Error('zaakselectie zonder criterium');
    const { van, waar, waarden } = vanEnWaar(s, this.sql.dialect);
    const r = await this.sql.een<{ n: number }>(`SELECT CAST(COUNT(*) AS INTEGER) AS n FROM ${van} WHERE ${waar.join(' AND ')}`, waarden);
    return Number(r!.n);
  }
}
