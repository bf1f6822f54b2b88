// Searching zaken on what they concern (the person query and the work queue on plain StUF-ZKN zakLv01). One SQL
// statement per question: the most selective criterion drives through its index, the others filter, and the result is
// sorted and paged on identificatie in SQL, so that a store of a million zaken is never walked and never held in memory.
// Dates, the current status and "no status change since" only narrow: they never drive, so a selection needs one
// criterion with an index of its own (heeftCriterium).
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
  /** Identificatie of the medewerker who is the current initiator (the regisseur of a plan). */
  initiatorMedewerker?: string;
  /**
   * Identificatie of a medewerker or organisatorische eenheid that is a current heeftAlsUitvoerende: StUF-ZKN's
   * relation for the RGBZ roles uitvoerende and behandelaar (rzs.md §8.3).
   */
  uitvoerende?: string;
  /** The current status (the newest one) has this code and/or volgnummer. */
  huidigeStatus?: { code?: string; volgnummer?: string };
  /** Inclusive ranges (yyyyMMdd) of StUF vanaf/totEnMet; a range on einddatum holds closed zaken only. */
  startdatum?: Bereik;
  registratiedatum?: Bereik;
  einddatumBereik?: Bereik;
  /** UTC instant (ISO 8601): no status was set at or after it (a zaak without statuses counts as unchanged). */
  geenStatuswijzigingSinds?: string;
}

/** StUF vanaf (≥) and totEnMet (≤), either or both. */
export interface Bereik {
  vanaf?: string;
  totEnMet?: string;
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
// A medewerker or organisatorische eenheid is found by its identificatie (betrokkene_sleutel), its roles by rol_betrokkene.
const MEDEWERKER_INITIATOR = `SELECT r.zaak_id AS id FROM betrokkene b JOIN rol r ON r.betrokkene_id = b.id
  WHERE b.soort = 'MDW' AND b.sleutel = ? AND r.rolsoort = 'heeftAlsInitiator' AND r.einddatum IS NULL`;
const UITVOERENDE = `SELECT r.zaak_id AS id FROM betrokkene b JOIN rol r ON r.betrokkene_id = b.id
  WHERE b.soort IN ('MDW', 'OEH') AND b.sleutel = ? AND r.rolsoort = 'heeftAlsUitvoerende' AND r.einddatum IS NULL`;
// A zaak attribute date (yyyyMMdd, as received) from the zaak's JSON data.
const ATTRIBUUT_DATUM: Record<SqlDialect, (naam: string) => string> = {
  sqlite: (naam) => `json_extract(z.data, '$.attributen.${naam}.w')`,
  postgres: (naam) => `CAST(z.data AS jsonb)->'attributen'->'${naam}'->>'w'`,
};
// The current status is the newest (statussen.ts sorts the same way), read through status_zaak per candidate zaak.
const HUIDIGE_STATUS = `SELECT s.code, s.volgnummer FROM status s WHERE s.zaak_id = z.id ORDER BY s.datum_status_gezet DESC, s.volgorde DESC LIMIT 1`;

function relatiecriteria(s: Zaakselectie, d: SqlDialect): Deel[] {
  const delen: Deel[] = [];
  if (s.initiatorBsn !== undefined) {
    delen.push(s.initiatorOokClient ? { sql: `${INITIATOR} UNION ${CLIENT(d)}`, waarden: [s.initiatorBsn, s.initiatorBsn] } : { sql: INITIATOR, waarden: [s.initiatorBsn] });
  }
  if (s.objectBsn !== undefined) delen.push({ sql: ZAAKOBJECT, waarden: [s.objectBsn] });
  if (s.betrekkingOpAndere !== undefined) delen.push({ sql: ANDERE, waarden: [s.betrekkingOpAndere] });
  if (s.initiatorMedewerker !== undefined) delen.push({ sql: MEDEWERKER_INITIATOR, waarden: [s.initiatorMedewerker] });
  if (s.uitvoerende !== undefined) delen.push({ sql: UITVOERENDE, waarden: [s.uitvoerende] });
  return delen;
}

/** The narrowing conditions on the zaak row itself: dates, current status, no status change since. */
function beperkingen(s: Zaakselectie, d: SqlDialect): Deel[] {
  const delen: Deel[] = [];
  const bereik = (kolom: string, b: Bereik | undefined) => {
    if (b?.vanaf !== undefined) delen.push({ sql: `${kolom} >= ?`, waarden: [b.vanaf] });
    if (b?.totEnMet !== undefined) delen.push({ sql: `${kolom} <= ?`, waarden: [b.totEnMet] });
  };
  bereik(ATTRIBUUT_DATUM[d]('startdatum'), s.startdatum);
  bereik(ATTRIBUUT_DATUM[d]('registratiedatum'), s.registratiedatum);
  bereik('z.einddatum', s.einddatumBereik);
  const h = s.huidigeStatus;
  if (h && (h.code !== undefined || h.volgnummer !== undefined)) {
    const waar = [...(h.code !== undefined ? ['h.code = ?'] : []), ...(h.volgnummer !== undefined ? ['h.volgnummer = CAST(? AS INTEGER)'] : [])];
    delen.push({ sql: `EXISTS (SELECT 1 FROM (${HUIDIGE_STATUS}) h WHERE ${waar.join(' AND ')})`, waarden: [h.code, h.volgnummer].filter((w): w is string => w !== undefined) });
  }
  if (s.geenStatuswijzigingSinds !== undefined) {
    delen.push({ sql: 'NOT EXISTS (SELECT 1 FROM status s WHERE s.zaak_id = z.id AND s.datum_status_gezet >= ?)', waarden: [s.geenStatuswijzigingSinds] });
  }
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
  for (const b of beperkingen(s, d)) {
    waar.push(b.sql);
    waarden.push(...b.waarden);
  }
  return { van, waar, waarden };
}

/** True when the selection names a criterion with an index of its own (dates, einddatum and statuses only narrow). */
export function heeftCriterium(s: Zaakselectie): boolean {
  return [s.identificatie, s.initiatorBsn, s.objectBsn, s.betrekkingOpAndere, s.zaaktypeCode, s.initiatorMedewerker, s.uitvoerende].some((v) => v !== undefined);
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
