// Zaak rows: the zaak's own attributes (JSON) with the columns the gateway searches on.
import { Sql } from './sql';
import { naarJson, nu, uitJson } from './json';
import { Zaak, ZaakData } from '../domain/zaak';

interface ZaakRij {
  id: number;
  identificatie: string;
  data: string;
}

const OP_IDENTIFICATIE = 'SELECT id, identificatie, data FROM zaak WHERE identificatie = ?';

export class Zaken {
  constructor(private readonly sql: Sql) {}

  private static zaak(r: ZaakRij | undefined): Zaak | undefined {
    return r && { id: Number(r.id), identificatie: r.identificatie, data: uitJson<ZaakData>(r.data, undefined as never) };
  }

  async vind(identificatie: string): Promise<Zaak | undefined> {
    return Zaken.zaak(await this.sql.een<ZaakRij>(OP_IDENTIFICATIE, [identificatie]));
  }

  async vindOpId(id: number): Promise<Zaak | undefined> {
    return Zaken.zaak(await this.sql.een<ZaakRij>('SELECT id, identificatie, data FROM zaak WHERE id = ?', [id]));
  }

  async bestaat(identificatie: string): Promise<boolean> {
    return (await this.sql.een('SELECT 1 AS n FROM zaak WHERE identificatie = ?', [identificatie])) !== undefined;
  }

  async voegToe(identificatie: string, data: ZaakData): Promise<Zaak> {
    const t = nu();
    const r = await this.sql.een<{ id: number }>(
      'INSERT INTO zaak (identificatie, zaaktype_code, einddatum, data, aangemaakt, gewijzigd) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
      [identificatie, data.zaaktype.code, data.attributen.einddatum?.w ?? null, naarJson(data), t, t],
    );
    return { id: Number(r!.id), identificatie, data };
  }

  async bewaar(zaak: Zaak): Promise<void> {
    await this.sql.voer('UPDATE zaak SET einddatum = ?, data = ?, gewijzigd = ? WHERE id = ?', [
      zaak.data.attributen.einddatum?.w ?? null, naarJson(zaak.data), nu(), zaak.id,
    ]);
  }

  async aantal(): Promise<number> {
    return Number((await this.sql.een<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM zaak'))!.n);
  }
}
