// Partner agreements (migration 12): per link of a partner zaak to a deelplan, the judgement once its delivery term
// has passed. A kept term is a row too, so that a link is judged once (the unique key, across instances); the mirror
// is marked judged, so that the check never walks it again. A breach stays open until the partner delivers (or the
// link or the agreement ends) and then stays as history.
import { Sql } from './sql';
import { naarJson, uitJson } from './json';

/** What a partner had not delivered: statuses (volgnummer or code, as agreed) and document types. */
export interface Ontbrekend {
  statussen: string[];
  documenten: string[];
}

export type Termijnuitkomst = 'nagekomen' | 'overschreden';
export type Opheffing = 'geleverd' | 'ontkoppeld' | 'afspraak vervallen';

export interface Termijnoordeel {
  partnerzaak: string;
  /** ISO: the moment of the link (spiegelzaak.aangemaakt). */
  gekoppeld: string;
  partner: string;
  zaaktype: string;
  deelplan: string;
  termijnDagen: number;
  /** ISO: when the term ended. */
  verstreken: string;
  uitkomst: Termijnuitkomst;
  /** A breach: what was missing when it was judged. */
  ontbrak?: Ontbrekend;
  /** ISO. */
  vastgesteld: string;
}

export interface Termijnoverschrijding extends Termijnoordeel {
  id: number;
  ontbrak: Ontbrekend;
  /** An open breach: what is missing now (updated by each check). */
  ontbreekt?: Ontbrekend;
  opgeheven?: string;
  opheffing?: Opheffing;
}

/** A link whose term has passed and that nobody judged yet. */
export interface TeBeoordelen {
  spiegelzaakId: number;
  identificatie: string;
  aangemaakt: string;
}

interface Rij {
  id: number | string;
  partnerzaak: string;
  gekoppeld: string;
  partner: string;
  zaaktype_code: string;
  deelplan: string;
  termijn_dagen: number | string;
  verstreken: string;
  uitkomst: Termijnuitkomst;
  ontbrak: string | null;
  ontbreekt: string | null;
  vastgesteld: string;
  opgeheven: string | null;
  opheffing: Opheffing | null;
}

const GEEN: Ontbrekend = { statussen: [], documenten: [] };

function overschrijding(r: Rij): Termijnoverschrijding {
  return {
    id: Number(r.id),
    partnerzaak: r.partnerzaak,
    gekoppeld: r.gekoppeld,
    partner: r.partner,
    zaaktype: r.zaaktype_code,
    deelplan: r.deelplan,
    termijnDagen: Number(r.termijn_dagen),
    verstreken: r.verstreken,
    uitkomst: r.uitkomst,
    ontbrak: uitJson<Ontbrekend>(r.ontbrak, GEEN),
    ...(r.ontbreekt !== null ? { ontbreekt: uitJson<Ontbrekend>(r.ontbreekt, GEEN) } : {}),
    vastgesteld: r.vastgesteld,
    ...(r.opgeheven !== null ? { opgeheven: r.opgeheven } : {}),
    ...(r.opheffing !== null ? { opheffing: r.opheffing } : {}),
  };
}

export class Partnertermijnen {
  constructor(private readonly sql: Sql) {}

  /**
   * Links of this partner and zaaktype made at or before `grens` (their term has passed) without a judgement, after
   * the cursor (`na`: the last one of the previous batch), in the order they were made; at most `max`. Walks the
   * partial index spiegelzaak_termijn, which holds only the links not yet judged.
   */
  async teBeoordelen(partner: string, zaaktype: string, grens: string, na: { aangemaakt: string; id: number } | undefined, max: number): Promise<TeBeoordelen[]> {
    const rijen = await this.sql.alle<{ id: number | string; identificatie: string; aangemaakt: string }>(
      `SELECT s.id, s.identificatie, s.aangemaakt FROM spiegelzaak s
        WHERE s.partner = ? AND s.zaaktype_code = ? AND s.aangemaakt <= ?
          AND (s.aangemaakt > ? OR (s.aangemaakt = ? AND s.id > ?)) AND s.termijn_beoordeeld IS NULL
        ORDER BY s.aangemaakt, s.id LIMIT ?`,
      [partner, zaaktype, grens, na?.aangemaakt ?? '', na?.aangemaakt ?? '', na?.id ?? 0, max],
    );
    return rijen.map((r) => ({ spiegelzaakId: Number(r.id), identificatie: r.identificatie, aangemaakt: r.aangemaakt }));
  }

  /**
   * Records the judgement of a link, unless one is there already (another instance was first): true when this call
   * recorded it. Call in the transaction that also puts a breach's notification in the outbox.
   */
  async legVast(o: Termijnoordeel): Promise<boolean> {
    const open = o.uitkomst === 'overschreden' ? naarJson(o.ontbrak ?? GEEN) : null;
    const n = await this.sql.voer(
      `INSERT INTO partnertermijn (partnerzaak, gekoppeld, partner, zaaktype_code, deelplan, termijn_dagen, verstreken, uitkomst, ontbrak, ontbreekt, vastgesteld)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (partnerzaak, gekoppeld) DO NOTHING`,
      [o.partnerzaak, o.gekoppeld, o.partner, o.zaaktype, o.deelplan, o.termijnDagen, o.verstreken, o.uitkomst, open, open, o.vastgesteld],
    );
    return n === 1;
  }

  /** The link is judged (by this instance or another): the check no longer walks it. In legVast's transaction. */
  async markeerBeoordeeld(spiegelzaakId: number, tijdstip: string): Promise<void> {
    await this.sql.voer('UPDATE spiegelzaak SET termijn_beoordeeld = ? WHERE id = ? AND termijn_beoordeeld IS NULL', [tijdstip, spiegelzaakId]);
  }

  /** Open breaches after id `na`, oldest first; at most `max`. */
  async open(na: number, max: number): Promise<Termijnoverschrijding[]> {
    return (await this.sql.alle<Rij>(
      `SELECT * FROM partnertermijn WHERE uitkomst = 'overschreden' AND opgeheven IS NULL AND id > ? ORDER BY id LIMIT ?`,
      [na, max],
    )).map(overschrijding);
  }

  /** What an open breach still misses. */
  async zetOntbrekend(id: number, ontbreekt: Ontbrekend): Promise<void> {
    await this.sql.voer('UPDATE partnertermijn SET ontbreekt = ? WHERE id = ? AND opgeheven IS NULL', [naarJson(ontbreekt), id]);
  }

  /** Lifts an open breach; true when this call did (a second instance finds it lifted). */
  async hefOp(id: number, tijdstip: string, opheffing: Opheffing): Promise<boolean> {
    const n = await this.sql.voer('UPDATE partnertermijn SET opgeheven = ?, opheffing = ?, ontbreekt = NULL WHERE id = ? AND opgeheven IS NULL', [tijdstip, opheffing, id]);
    return n === 1;
  }

  /** Open breaches per partner (the metrics' gauge): through the partial index of open breaches. */
  async tellingOpen(): Promise<{ partner: string; aantal: number }[]> {
    const rijen = await this.sql.alle<{ partner: string; aantal: number | string }>(
      "SELECT partner, COUNT(*) AS aantal FROM partnertermijn WHERE uitkomst = 'overschreden' AND opgeheven IS NULL GROUP BY partner",
    );
    return rijen.map((r) => ({ partner: r.partner, aantal: Number(r.aantal) }));
  }

  /** Breaches for the command line: open ones, or with `ookOpgeheven` the lifted ones too; by the end of their term. */
  async overschrijdingen(opties: { partner?: string; ookOpgeheven?: boolean } = {}): Promise<Termijnoverschrijding[]> {
    const waar = ["uitkomst = 'overschreden'"];
    const params: string[] = [];
    if (!opties.ookOpgeheven) waar.push('opgeheven IS NULL');
    if (opties.partner !== undefined) {
      waar.push('partner = ?');
      params.push(opties.partner);
    }
    return (await this.sql.alle<Rij>(`SELECT * FROM partnertermijn WHERE ${waar.join(' AND ')} ORDER BY verstreken, id`, params)).map(overschrijding);
  }
}
