// Zaak rows: the zaak's own attributes (JSON) with the columns the gateway searches on.
import { Sql } from './sql';
import { naarJson, nu, uitJson } from './json';
import { Zaak, ZaakData } from '../domain/zaak';
import { Transactiegeheugen } from './transactiegeheugen';
import { archiefKolommen } from './archiefKolommen';

interface ZaakRij {
  id: number;
  identificatie: string;
  data: string;
}

/** Who holds an identificatie (Zaken.houder): a zaak of ours, or a ketenpartner's zaak we mirror. */
export type Houder = { soort: 'zaak' } | { soort: 'spiegel'; partner: string; deelplan: string };

const OP_IDENTIFICATIE = 'SELECT id, identificatie, data FROM zaak WHERE identificatie = ?';

/** The transaction's memory of a zaak row by identificatie; null: it has none. */
const onthouden = (identificatie: string) => `zaak:${identificatie}`;

export class Zaken {
  constructor(
    private readonly sql: Sql,
    private readonly geheugen = new Transactiegeheugen(sql),
  ) {}

  private static zaak(r: ZaakRij | null | undefined): Zaak | undefined {
    return r ? { id: Number(r.id), identificatie: r.identificatie, data: uitJson<ZaakData>(r.data, undefined as never) } : undefined;
  }

  /** The row as this transaction has it: from its memory, else read (and remembered). */
  private async rij(identificatie: string): Promise<ZaakRij | null> {
    const g = this.geheugen.huidig();
    if (g?.heeft(onthouden(identificatie))) return g.lees<ZaakRij | null>(onthouden(identificatie))!;
    const r = (await this.sql.een<ZaakRij>(OP_IDENTIFICATIE, [identificatie])) ?? null;
    g?.zet(onthouden(identificatie), r);
    return r;
  }

  async vind(identificatie: string): Promise<Zaak | undefined> {
    return Zaken.zaak(await this.rij(identificatie));
  }

  /**
   * Whether a zaak or a mirrored ketenpartner zaak holds this identificatie, in one statement: what creeerZaak
   * checks before anything else. A zaak found is remembered for the rest of the transaction.
   */
  async houder(identificatie: string): Promise<Houder | undefined> {
    const g = this.geheugen.huidig();
    const r = await this.sql.een<ZaakRij & { partner: string | null; deelplan: string | null }>(
      `SELECT z.id, z.identificatie, z.data, s.partner, d.identificatie AS deelplan
       FROM (SELECT CAST(? AS TEXT) AS identificatie) k
       LEFT JOIN zaak z ON z.identificatie = k.identificatie
       LEFT JOIN spiegelzaak s ON s.identificatie = k.identificatie
       LEFT JOIN zaak d ON d.id = s.deelplan_id`,
      [identificatie],
    );
    if (r?.id != null) {
      g?.zet(onthouden(identificatie), { id: r.id, identificatie: r.identificatie, data: r.data });
      return { soort: 'zaak' };
    }
    g?.zet(onthouden(identificatie), null);
    return r?.partner != null && r.deelplan != null ? { soort: 'spiegel', partner: r.partner, deelplan: r.deelplan } : undefined;
  }

  async vindOpId(id: number): Promise<Zaak | undefined> {
    return Zaken.zaak(await this.sql.een<ZaakRij>('SELECT id, identificatie, data FROM zaak WHERE id = ?', [id]));
  }

  /** Inside a transaction the row is read whole, as a vind that usually follows (updateZaak) then needs no statement. */
  async bestaat(identificatie: string): Promise<boolean> {
    if (this.geheugen.huidig()) return (await this.rij(identificatie)) !== null;
    return (await this.sql.een('SELECT 1 AS n FROM zaak WHERE identificatie = ?', [identificatie])) !== undefined;
  }

  async voegToe(identificatie: string, data: ZaakData): Promise<Zaak> {
    const t = nu();
    const json = naarJson(data);
    const k = archiefKolommen(data);
    const r = await this.sql.een<{ id: number }>(
      `INSERT INTO zaak (identificatie, zaaktype_code, einddatum, data, aangemaakt, gewijzigd, archiefnominatie, archiefactiedatum, archiefbron)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [identificatie, data.zaaktype.code, data.attributen.einddatum?.w ?? null, json, t, t, k.archiefnominatie, k.archiefactiedatum, k.archiefbron],
    );
    const id = Number(r!.id);
    const g = this.geheugen.huidig();
    g?.nieuweZaken.add(id);
    g?.zet(onthouden(identificatie), { id, identificatie, data: json });
    return { id, identificatie, data };
  }

  /**
   * Stores the zaak's attributes. A zaak inserted in this transaction whose data did not change since needs no
   * statement (its row only had `gewijzigd` a moment later, and nothing reads that). An existing zaak is always
   * written: the row lock is what keeps two instances' changes to one zaak apart.
   */
  async bewaar(zaak: Zaak): Promise<void> {
    const json = naarJson(zaak.data);
    const g = this.geheugen.huidig();
    if (g?.nieuweZaken.has(zaak.id) && g.lees<ZaakRij | null>(onthouden(zaak.identificatie))?.data === json) return;
    // The archive columns follow the data (schema v13): the destruction and onbepaald lists search them.
    const k = archiefKolommen(zaak.data);
    await this.sql.voer('UPDATE zaak SET einddatum = ?, data = ?, gewijzigd = ?, archiefnominatie = ?, archiefactiedatum = ?, archiefbron = ? WHERE id = ?', [
      zaak.data.attributen.einddatum?.w ?? null, json, nu(), k.archiefnominatie, k.archiefactiedatum, k.archiefbron, zaak.id,
    ]);
    g?.zet(onthouden(zaak.identificatie), { id: zaak.id, identificatie: zaak.identificatie, data: json });
  }

  async aantal(): Promise<number> {
    return Number((await this.sql.een<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM zaak'))!.n);
  }
}
