// The archive's tables (schema v13): legal holds, destruction lists with their zaken, and the destruction record;
// and the zaak columns the lists search (zaak.archiefnominatie, archiefactiedatum, archiefbron). Identificaties,
// codes and dates only: what an operator typed as a hold's reason is the one free text.
import type { Sql } from './sql';
import { uitJson } from './json';
import type { ZaakData } from '../domain/zaak';

export interface ArchiefZaak {
  id: number;
  identificatie: string;
  zaaktypeCode: string;
  einddatum: string | null;
  archiefnominatie: string | null;
  archiefactiedatum: string | null;
  archiefbron: string | null;
  gewijzigd: string;
  data: ZaakData;
}

export interface Blokkade {
  id: number;
  zaak: string;
  reden: string;
  geplaatst: string;
  geplaatstDoor: string;
  opgeheven?: string;
  opgehevenDoor?: string;
}

export interface Lijst {
  id: number;
  opgesteld: string;
  opgesteldDoor: string;
  peildatum: string;
  uitgevoerd?: string;
  uitgevoerdDoor?: string;
}

export type Uitkomst = 'vernietigd' | 'geblokkeerd' | 'gewijzigd' | 'niet meer vernietigbaar' | 'verdwenen';

export interface LijstZaak {
  zaak: string;
  zaaktype: string;
  resultaat: string | null;
  einddatum: string | null;
  archiefactiedatum: string;
  gewijzigd: string;
  uitkomst: Uitkomst | null;
  verwerkt: string | null;
}

export interface Vernietiging {
  lijst: number;
  zaak: string;
  zaaktype: string;
  zaaktypeOmschrijving: string | null;
  resultaat: string | null;
  startdatum: string | null;
  einddatum: string | null;
  archiefactiedatum: string;
  vernietigd: string;
  opgesteldDoor: string;
  bevestigdDoor: string;
}

interface ZaakRij {
  id: number;
  identificatie: string;
  zaaktype_code: string;
  einddatum: string | null;
  archiefnominatie: string | null;
  archiefactiedatum: string | null;
  archiefbron: string | null;
  gewijzigd: string;
  data: string;
}

const ZAAK = 'SELECT id, identificatie, zaaktype_code, einddatum, archiefnominatie, archiefactiedatum, archiefbron, gewijzigd, data FROM zaak';

const zaak = (r: ZaakRij): ArchiefZaak => ({
  id: Number(r.id), identificatie: r.identificatie, zaaktypeCode: r.zaaktype_code, einddatum: r.einddatum, archiefnominatie: r.archiefnominatie,
  archiefactiedatum: r.archiefactiedatum, archiefbron: r.archiefbron, gewijzigd: r.gewijzigd, data: uitJson<ZaakData>(r.data, undefined as never),
});

const zonderNull = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, w]) => w !== null)) as T;

export class ArchiefOpslag {
  constructor(private readonly sql: Sql) {}

  async zaak(identificatie: string): Promise<ArchiefZaak | undefined> {
    const r = await this.sql.een<ZaakRij>(`${ZAAK} WHERE identificatie = ?`, [identificatie]);
    return r && zaak(r);
  }

  /**
   * Closed zaken due for destruction on `peildatum` (JJJJMMDD), oldest archiefactiedatum first: one range of
   * zaak_vernietigbaar. Without a current hold, or (`geblokkeerd`) only those with one.
   */
  async vernietigbaar(peildatum: string, limiet: number, geblokkeerd: boolean): Promise<ArchiefZaak[]> {
    const rijen = await this.sql.alle<ZaakRij>(
      `SELECT z.id, z.identificatie, z.zaaktype_code, z.einddatum, z.archiefnominatie, z.archiefactiedatum, z.archiefbron, z.gewijzigd, z.data
         FROM zaak z LEFT JOIN archief_blokkade b ON b.zaak_id = z.id AND b.opgeheven IS NULL
        WHERE z.archiefnominatie = 'N' AND z.archiefactiedatum <= ? AND z.einddatum IS NOT NULL AND b.id IS ${geblokkeerd ? 'NOT NULL' : 'NULL'}
        ORDER BY z.archiefactiedatum, z.id LIMIT ?`,
      [peildatum, limiet],
    );
    return rijen.map(zaak);
  }

  /** Closed zaken without archive values (archiefbron onbepaald), in id order after `naId`: one range of zaak_archief_onbepaald. */
  async onbepaald(naId: number, limiet: number): Promise<ArchiefZaak[]> {
    return (await this.sql.alle<ZaakRij>(`${ZAAK} WHERE archiefbron = 'onbepaald' AND id > ? ORDER BY id LIMIT ?`, [naId, limiet])).map(zaak);
  }

  // ---- legal hold -----------------------------------------------------------------------------------------

  async blokkade(zaakId: number): Promise<Blokkade | undefined> {
    return (await this.blokkadesWaar('b.zaak_id = ? AND b.opgeheven IS NULL', [zaakId]))[0];
  }

  /** Current holds, or with `ookOpgeheven` every hold ever placed, by zaak and moment. */
  async blokkades(ookOpgeheven = false): Promise<Blokkade[]> {
    return this.blokkadesWaar(ookOpgeheven ? '1 = 1' : 'b.opgeheven IS NULL', []);
  }

  private async blokkadesWaar(waar: string, params: (string | number)[]): Promise<Blokkade[]> {
    const rijen = await this.sql.alle<{ id: number; zaak: string; reden: string; geplaatst: string; geplaatst_door: string; opgeheven: string | null; opgeheven_door: string | null }>(
      `SELECT b.id, z.identificatie AS zaak, b.reden, b.geplaatst, b.geplaatst_door, b.opgeheven, b.opgeheven_door
         FROM archief_blokkade b JOIN zaak z ON z.id = b.zaak_id WHERE ${waar} ORDER BY z.identificatie, b.id`,
      params,
    );
    return rijen.map((r) => zonderNull({ id: Number(r.id), zaak: r.zaak, reden: r.reden, geplaatst: r.geplaatst, geplaatstDoor: r.geplaatst_door, opgeheven: r.opgeheven, opgehevenDoor: r.opgeheven_door }) as Blokkade);
  }

  /**
   * Places a hold. The zaak's row is written too (unchanged): a destruction of the same zaak running at that moment
   * on another connection then conflicts with it instead of missing the hold (PostgreSQL: one of the two is retried).
   */
  async blokkeer(zaakId: number, reden: string, door: string, tijdstip: string): Promise<void> {
    await this.sql.voer('UPDATE zaak SET id = id WHERE id = ?', [zaakId]);
    await this.sql.voer('INSERT INTO archief_blokkade (zaak_id, reden, geplaatst, geplaatst_door) VALUES (?, ?, ?, ?)', [zaakId, reden, tijdstip, door]);
  }

  /** Lifts the current hold; false when there was none. The hold stays as history. */
  async deblokkeer(zaakId: number, door: string, tijdstip: string): Promise<boolean> {
    return (await this.sql.voer('UPDATE archief_blokkade SET opgeheven = ?, opgeheven_door = ? WHERE zaak_id = ? AND opgeheven IS NULL', [tijdstip, door, zaakId])) > 0;
  }

  // ---- destruction lists ----------------------------------------------------------------------------------

  async maakLijst(l: Omit<Lijst, 'id'>, zaken: Omit<LijstZaak, 'uitkomst' | 'verwerkt'>[]): Promise<number> {
    const r = await this.sql.een<{ id: number }>('INSERT INTO vernietigingslijst (opgesteld, opgesteld_door, peildatum) VALUES (?, ?, ?) RETURNING id', [l.opgesteld, l.opgesteldDoor, l.peildatum]);
    const id = Number(r!.id);
    for (const z of zaken) {
      await this.sql.voer(
        'INSERT INTO vernietigingslijst_zaak (lijst_id, zaak_identificatie, zaaktype_code, resultaat, einddatum, archiefactiedatum, gewijzigd) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [id, z.zaak, z.zaaktype, z.resultaat, z.einddatum, z.archiefactiedatum, z.gewijzigd],
      );
    }
    return id;
  }

  async lijst(id: number): Promise<Lijst | undefined> {
    const r = await this.sql.een<{ id: number; opgesteld: string; opgesteld_door: string; peildatum: string; uitgevoerd: string | null; uitgevoerd_door: string | null }>(
      'SELECT id, opgesteld, opgesteld_door, peildatum, uitgevoerd, uitgevoerd_door FROM vernietigingslijst WHERE id = ?', [id],
    );
    return r && (zonderNull({ id: Number(r.id), opgesteld: r.opgesteld, opgesteldDoor: r.opgesteld_door, peildatum: r.peildatum, uitgevoerd: r.uitgevoerd, uitgevoerdDoor: r.uitgevoerd_door }) as Lijst);
  }

  async lijstZaken(id: number): Promise<LijstZaak[]> {
    const rijen = await this.sql.alle<{ zaak_identificatie: string; zaaktype_code: string; resultaat: string | null; einddatum: string | null; archiefactiedatum: string; gewijzigd: string; uitkomst: Uitkomst | null; verwerkt: string | null }>(
      'SELECT zaak_identificatie, zaaktype_code, resultaat, einddatum, archiefactiedatum, gewijzigd, uitkomst, verwerkt FROM vernietigingslijst_zaak WHERE lijst_id = ? ORDER BY archiefactiedatum, zaak_identificatie',
      [id],
    );
    return rijen.map((r) => ({ zaak: r.zaak_identificatie, zaaktype: r.zaaktype_code, resultaat: r.resultaat, einddatum: r.einddatum, archiefactiedatum: r.archiefactiedatum, gewijzigd: r.gewijzigd, uitkomst: r.uitkomst, verwerkt: r.verwerkt }));
  }

  /**
   * Claims the list's row of a zaak for this run: false when it was destroyed already (by an earlier run, or by
   * another instance just now: on PostgreSQL the second claim waits for the first and is then retried).
   */
  async claim(lijst: number, zaak: string, tijdstip: string): Promise<boolean> {
    return (await this.sql.voer(
      "UPDATE vernietigingslijst_zaak SET verwerkt = ? WHERE lijst_id = ? AND zaak_identificatie = ? AND (uitkomst IS NULL OR uitkomst <> 'vernietigd')",
      [tijdstip, lijst, zaak],
    )) > 0;
  }

  async zetUitkomst(lijst: number, zaak: string, uitkomst: Uitkomst): Promise<void> {
    await this.sql.voer('UPDATE vernietigingslijst_zaak SET uitkomst = ? WHERE lijst_id = ? AND zaak_identificatie = ?', [uitkomst, lijst, zaak]);
  }

  async lijstUitgevoerd(lijst: number, door: string, tijdstip: string): Promise<void> {
    await this.sql.voer('UPDATE vernietigingslijst SET uitgevoerd = ?, uitgevoerd_door = ? WHERE id = ?', [tijdstip, door, lijst]);
  }

  // ---- the record -----------------------------------------------------------------------------------------

  async legVast(v: Vernietiging): Promise<void> {
    await this.sql.voer(
      `INSERT INTO vernietiging (lijst_id, zaak_identificatie, zaaktype_code, zaaktype_omschrijving, resultaat, startdatum, einddatum, archiefactiedatum, vernietigd, opgesteld_door, bevestigd_door)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [v.lijst, v.zaak, v.zaaktype, v.zaaktypeOmschrijving, v.resultaat, v.startdatum, v.einddatum, v.archiefactiedatum, v.vernietigd, v.opgesteldDoor, v.bevestigdDoor],
    );
  }

  /** The record, oldest first; of one list with `lijst`. */
  async vernietigingen(lijst?: number): Promise<Vernietiging[]> {
    const rijen = await this.sql.alle<{
      lijst_id: number; zaak_identificatie: string; zaaktype_code: string; zaaktype_omschrijving: string | null; resultaat: string | null;
      startdatum: string | null; einddatum: string | null; archiefactiedatum: string; vernietigd: string; opgesteld_door: string; bevestigd_door: string;
    }>(
      `SELECT lijst_id, zaak_identificatie, zaaktype_code, zaaktype_omschrijving, resultaat, startdatum, einddatum, archiefactiedatum, vernietigd, opgesteld_door, bevestigd_door
         FROM vernietiging ${lijst === undefined ? '' : 'WHERE lijst_id = ?'} ORDER BY id`,
      lijst === undefined ? [] : [lijst],
    );
    return rijen.map((r) => ({
      lijst: Number(r.lijst_id), zaak: r.zaak_identificatie, zaaktype: r.zaaktype_code, zaaktypeOmschrijving: r.zaaktype_omschrijving, resultaat: r.resultaat,
      startdatum: r.startdatum, einddatum: r.einddatum, archiefactiedatum: r.archiefactiedatum, vernietigd: r.vernietigd, opgesteldDoor: r.opgesteld_door, bevestigdDoor: r.bevestigd_door,
    }));
  }
}
