// The management report's questions (src/rapport): counts and lead times aggregated in SQL, per zaaktype and month,
// so that a store of a million zaken is read once per question and never held in memory; what comes back is one row
// per group. Nothing here returns an identificatie, a BSN, a name or a medewerker: only zaaktype codes, months,
// resultaat texts (with their counts, for the caller's rule on rare ones), organisational units, backoffice and
// partner names. Run inside one read transaction (src/rapport/momentopname.ts), so every question sees one snapshot.
import { Sql, SqlDialect } from './sql';

/** Months as the report counts them: zaak dates (yyyyMMdd) from `van` up to (not including) `totNa`, both the 1st of a month. */
export interface Rapportperiode {
  van: string;
  totNa: string;
}

/**
 * How many zaken of a zaaktype began in `startmaand` and ended in `eindmaand` (yyyyMM). `''`: before the period;
 * eindmaand null: not ended within the period (open, or ended after it).
 */
export interface StartEindRij {
  zaaktype: string;
  startmaand: string;
  eindmaand: string | null;
  aantal: number;
}

/** Lead times in days of the zaken of a zaaktype ended in the period with one resultaat. resultaat null: the rare ones together. */
export interface DoorlooptijdRij {
  zaaktype: string;
  /** '' : without resultaat; null: resultaten held by fewer than the minimum zaken of the zaaktype, together. */
  resultaat: string | null;
  aantal: number;
  mediaan: number;
  p90: number;
}

/** How many plans of a zaaktype begun in the period have this many deelplannen (10: ten or more). */
export interface PlanRij {
  zaaktype: string;
  deelplannen: number;
  plannen: number;
}

export type Behandelaarsoort = 'backoffice' | 'afdeling' | 'partner';

/** How many deelplannen begun in the period went to one backoffice, organisatorische eenheid or partner. */
export interface BehandelaarRij {
  soort: Behandelaarsoort;
  behandelaar: string;
  deelplannen: number;
}

/** Partner terms that ended in one month (yyyy-MM), per partner: breached and kept. */
export interface PartnertermijnRij {
  partner: string;
  maand: string;
  overschreden: number;
  nagekomen: number;
}

/** More deelplannen than this are counted together. */
export const MEESTE_DEELPLANNEN = 10;

/**
 * Per zaak: zaaktype, begin (startdatum, else registratiedatum: a zaak may be sent without startdatum) with its
 * StUF:indOnvolledigeDatum, einddatum with its indicator, and the resultaat's omschrijving. PostgreSQL casts the
 * JSON once per row (LATERAL) instead of once per field.
 */
const BASIS: Record<SqlDialect, string> = {
  sqlite: `SELECT z.id, z.identificatie, z.zaaktype_code AS zaaktype,
      COALESCE(json_extract(z.data, '$.attributen.startdatum.w'), json_extract(z.data, '$.attributen.registratiedatum.w')) AS b,
      CASE WHEN json_extract(z.data, '$.attributen.startdatum.w') IS NOT NULL THEN json_extract(z.data, '$.attributen.startdatum.ind')
           ELSE json_extract(z.data, '$.attributen.registratiedatum.ind') END AS b_ind,
      z.einddatum AS e, json_extract(z.data, '$.attributen.einddatum.ind') AS e_ind,
      json_extract(z.data, '$.groepen.resultaat.omschrijving.w') AS resultaat
    FROM zaak z`,
  postgres: `SELECT z.id, z.identificatie, z.zaaktype_code AS zaaktype,
      COALESCE(x.j->'attributen'->'startdatum'->>'w', x.j->'attributen'->'registratiedatum'->>'w') AS b,
      CASE WHEN x.j->'attributen'->'startdatum'->>'w' IS NOT NULL THEN x.j->'attributen'->'startdatum'->>'ind'
           ELSE x.j->'attributen'->'registratiedatum'->>'ind' END AS b_ind,
      z.einddatum AS e, x.j->'attributen'->'einddatum'->>'ind' AS e_ind,
      x.j->'groepen'->'resultaat'->'omschrijving'->>'w' AS resultaat
    FROM zaak z CROSS JOIN LATERAL (SELECT CAST(z.data AS jsonb) AS j) x`,
};

/** A date with a month (an incomplete one may lack it: '20240000'). */
const metMaand = (k: string) => `length(${k}) = 8 AND substr(${k}, 5, 2) BETWEEN '01' AND '12'`;
/** A whole date: lead times are counted between whole dates only. */
const heel = (k: string, ind: string) => `${metMaand(k)} AND substr(${k}, 7, 2) <> '00' AND (${ind} IS NULL OR ${ind} = 'V')`;

/** Days between two whole yyyyMMdd dates. */
const DAGEN: Record<SqlDialect, (eind: string, begin: string) => string> = {
  sqlite: (e, b) => {
    const iso = (k: string) => `substr(${k}, 1, 4) || '-' || substr(${k}, 5, 2) || '-' || substr(${k}, 7, 2)`;
    return `CAST(julianday(${iso(e)}) - julianday(${iso(b)}) AS INTEGER)`;
  },
  postgres: (e, b) => `(to_date(${e}, 'YYYYMMDD') - to_date(${b}, 'YYYYMMDD'))`,
};

/**
 * Linear interpolation between the two nearest ranks (PostgreSQL's percentile_cont), over rows numbered i = 0..n-1
 * in order of `dagen` within their group: SQLite has no percentile function, its window functions number the rows.
 */
function percentiel(p: number): string {
  const positie = `${p} * (n - 1)`;
  const onder = `CAST(${positie} AS INTEGER)`;
  const deel = `(${positie} - ${onder})`;
  return `SUM(CASE WHEN i = ${onder} THEN dagen * (1 - ${deel}) WHEN i = ${onder} + 1 THEN dagen * ${deel} ELSE 0 END)`;
}

const plaatsen = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export class Rapportage {
  constructor(private readonly sql: Sql) {}

  private get basis(): string {
    return BASIS[this.sql.dialect];
  }

  /** The zaaktype codes that have zaken (the index on zaaktype_code, identificatie). */
  async zaaktypen(): Promise<string[]> {
    return (await this.sql.alle<{ code: string }>('SELECT DISTINCT zaaktype_code AS code FROM zaak ORDER BY 1')).map((r) => r.code);
  }

  /** The zaaktype omschrijving one zaak of this code carries: how a plan zaaktype outside the catalogue is known. */
  async omschrijvingVan(code: string): Promise<string | undefined> {
    const uit = this.sql.dialect === 'postgres' ? "CAST(data AS jsonb)->'zaaktype'->>'omschrijving'" : "json_extract(data, '$.zaaktype.omschrijving')";
    const r = await this.sql.een<{ o: string | null }>(`SELECT ${uit} AS o FROM zaak WHERE zaaktype_code = ? LIMIT 1`, [code]);
    return r?.o ?? undefined;
  }

  /**
   * Zaken begun up to the end of the period, by zaaktype, month of begin and month of end: enough for started,
   * closed and open at each month's end, in one pass over the zaken. A zaak without a begin with a month is left out.
   */
  async startEnEinde(p: Rapportperiode): Promise<StartEindRij[]> {
    const rijen = await this.sql.alle<StartEindRij>(
      `SELECT zaaktype,
          CASE WHEN b < ? THEN '' ELSE substr(b, 1, 6) END AS startmaand,
          CASE WHEN e IS NULL OR e >= ? OR NOT (${metMaand('e')}) THEN NULL WHEN e < ? THEN '' ELSE substr(e, 1, 6) END AS eindmaand,
          COUNT(*) AS aantal
        FROM (${this.basis}) z
        WHERE ${metMaand('b')} AND b < ?
        GROUP BY 1, 2, 3`,
      [p.van, p.totNa, p.van, p.totNa],
    );
    return rijen.map((r) => ({ ...r, aantal: Number(r.aantal) }));
  }

  /**
   * Lead time (einddatum − begin, in days) of the zaken ended in the period, per zaaktype and resultaat: count,
   * median and 90th percentile. A resultaat held by fewer than `minimum` zaken of its zaaktype is not named: those
   * zaken form one group (resultaat null), so that a rare free text never reaches the report.
   */
  async doorlooptijden(p: Rapportperiode, minimum: number): Promise<DoorlooptijdRij[]> {
    const d = this.sql.dialect;
    const groepen = `WITH d AS (
        SELECT zaaktype, COALESCE(resultaat, '') AS resultaat, ${DAGEN[d]('e', 'b')} AS dagen
        FROM (${this.basis}) z
        WHERE e >= ? AND e < ? AND ${heel('e', 'e_ind')} AND ${heel('b', 'b_ind')} AND e >= b
      ),
      t AS (SELECT zaaktype, resultaat, COUNT(*) AS n FROM d GROUP BY zaaktype, resultaat),
      g AS (SELECT d.zaaktype, CASE WHEN t.n >= ? THEN d.resultaat END AS resultaat, d.dagen
            FROM d JOIN t ON t.zaaktype = d.zaaktype AND t.resultaat = d.resultaat)`;
    const sql = d === 'postgres'
      ? `${groepen}
        SELECT zaaktype, resultaat, COUNT(*) AS aantal,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY dagen) AS mediaan, percentile_cont(0.9) WITHIN GROUP (ORDER BY dagen) AS p90
        FROM g GROUP BY zaaktype, resultaat`
      : `${groepen},
      r AS (SELECT zaaktype, resultaat, dagen,
              ROW_NUMBER() OVER (PARTITION BY zaaktype, resultaat ORDER BY dagen) - 1 AS i,
              COUNT(*) OVER (PARTITION BY zaaktype, resultaat) AS n
            FROM g)
        SELECT zaaktype, resultaat, MAX(n) AS aantal, ${percentiel(0.5)} AS mediaan, ${percentiel(0.9)} AS p90
        FROM r GROUP BY zaaktype, resultaat`;
    const rijen = await this.sql.alle<DoorlooptijdRij>(sql, [p.van, p.totNa, minimum]);
    return rijen.map((r) => ({ zaaktype: r.zaaktype, resultaat: r.resultaat, aantal: Number(r.aantal), mediaan: Number(r.mediaan), p90: Number(r.p90) }));
  }

  /**
   * Plans (zaken of `plancodes`) begun in the period by their number of deelplannen: zaken of another zaaktype with
   * a current heeftBetrekkingOpAndere to the plan (a plan pointing to a plan is no deelplan). Through the index on
   * zaaktype_code and, per plan, the one on zaakrelatie(andere_identificatie).
   */
  async plannen(p: Rapportperiode, plancodes: string[]): Promise<PlanRij[]> {
    if (plancodes.length === 0) return [];
    const lijst = plaatsen(plancodes.length);
    const rijen = await this.sql.alle<PlanRij>(
      `SELECT zaaktype, CASE WHEN deelplannen >= ${MEESTE_DEELPLANNEN} THEN ${MEESTE_DEELPLANNEN} ELSE deelplannen END AS deelplannen, COUNT(*) AS plannen
        FROM (
          SELECT p.zaaktype,
            (SELECT COUNT(DISTINCT zr.zaak_id) FROM zaakrelatie zr JOIN zaak d ON d.id = zr.zaak_id
              WHERE zr.andere_identificatie = p.identificatie AND zr.soort = 'heeftBetrekkingOpAndere' AND zr.einddatum IS NULL
                AND d.zaaktype_code NOT IN (${lijst})) AS deelplannen
          FROM (${this.basis}) p
          WHERE p.zaaktype IN (${lijst}) AND ${metMaand('p.b')} AND p.b >= ? AND p.b < ?
        ) x
        GROUP BY 1, 2`,
      [...plancodes, ...plancodes, p.van, p.totNa],
    );
    return rijen.map((r) => ({ zaaktype: r.zaaktype, deelplannen: Number(r.deelplannen), plannen: Number(r.plannen) }));
  }

  /**
   * Deelplannen begun in the period (zaken of another zaaktype with a current heeftBetrekkingOpAndere to a plan) per
   * handler: the backoffice it was handed to (overdragenZaak not refused and not undeliverable), the organisatorische
   * eenheid that is a current heeftAlsUitvoerende (never a medewerker: that is a person), the partner whose zaak is
   * mirrored for it. A deelplan with two handlers counts for each.
   */
  async deelplannenPerBehandelaar(p: Rapportperiode, plancodes: string[]): Promise<BehandelaarRij[]> {
    if (plancodes.length === 0) return [];
    const lijst = plaatsen(plancodes.length);
    const rijen = await this.sql.alle<BehandelaarRij>(
      `WITH dp AS (
          SELECT DISTINCT d.id, d.identificatie
          FROM zaak pl
          JOIN zaakrelatie zr ON zr.andere_identificatie = pl.identificatie AND zr.soort = 'heeftBetrekkingOpAndere' AND zr.einddatum IS NULL
          JOIN (${this.basis}) d ON d.id = zr.zaak_id
          WHERE pl.zaaktype_code IN (${lijst}) AND d.zaaktype NOT IN (${lijst}) AND ${metMaand('d.b')} AND d.b >= ? AND d.b < ?
        )
        SELECT 'backoffice' AS soort, o.backoffice AS behandelaar, COUNT(DISTINCT dp.id) AS deelplannen
          FROM dp JOIN overdracht o ON o.zaak = dp.identificatie
          WHERE o.status IN ('aangeboden', 'afgeleverd', 'geaccepteerd') GROUP BY o.backoffice
        UNION ALL
        SELECT 'afdeling', b.sleutel, COUNT(DISTINCT dp.id)
          FROM dp JOIN rol r ON r.zaak_id = dp.id AND r.rolsoort = 'heeftAlsUitvoerende' AND r.einddatum IS NULL
          JOIN betrokkene b ON b.id = r.betrokkene_id
          WHERE b.soort = 'OEH' AND b.sleutel IS NOT NULL GROUP BY b.sleutel
        UNION ALL
        SELECT 'partner', s.partner, COUNT(DISTINCT dp.id)
          FROM dp JOIN spiegelzaak s ON s.deelplan_id = dp.id GROUP BY s.partner`,
      [...plancodes, ...plancodes, p.van, p.totNa],
    );
    return rijen.map((r) => ({ soort: r.soort, behandelaar: r.behandelaar, deelplannen: Number(r.deelplannen) }));
  }

  /** Judged partner terms whose end lies in the period, per partner and month of that end (UTC). */
  async partnertermijnen(p: Rapportperiode): Promise<PartnertermijnRij[]> {
    const iso = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
    const rijen = await this.sql.alle<PartnertermijnRij>(
      `SELECT partner, substr(verstreken, 1, 7) AS maand,
          SUM(CASE WHEN uitkomst = 'overschreden' THEN 1 ELSE 0 END) AS overschreden,
          SUM(CASE WHEN uitkomst = 'nagekomen' THEN 1 ELSE 0 END) AS nagekomen
        FROM partnertermijn WHERE verstreken >= ? AND verstreken < ?
        GROUP BY 1, 2`,
      [iso(p.van), iso(p.totNa)],
    );
    return rijen.map((r) => ({ partner: r.partner, maand: r.maand, overschreden: Number(r.overschreden), nagekomen: Number(r.nagekomen) }));
  }
}
