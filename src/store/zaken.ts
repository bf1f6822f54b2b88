// Zaak rows: the zaak's own attributes (JSON) with the columns the gateway searches on.
import { Db } from './db';
import { naarJson, nu, uitJson } from './json';
import { Zaak, ZaakData } from '../domain/zaak';

interface ZaakRij {
  id: number;
  identificatie: string;
  data: string;
}

export class Zaken {
  private readonly opIdentificatie;
  private readonly opId;
  private readonly invoegen;
  private readonly bijwerken;
  private readonly tellen;

  constructor(db: Db) {
    this.opIdentificatie = db.prepare<[string], ZaakRij>('SELECT id, identificatie, data FROM zaak WHERE identificatie = ?');
    this.opId = db.prepare<[number], ZaakRij>('SELECT id, identificatie, data FROM zaak WHERE id = ?');
    this.invoegen = db.prepare(
      'INSERT INTO zaak (identificatie, zaaktype_code, einddatum, data, aangemaakt, gewijzigd) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.bijwerken = db.prepare('UPDATE zaak SET einddatum = ?, data = ?, gewijzigd = ? WHERE id = ?');
    this.tellen = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM zaak');
  }

  private static zaak(r: ZaakRij | undefined): Zaak | undefined {
    return r && { id: r.id, identificatie: r.identificatie, data: uitJson<ZaakData>(r.data, undefined as never) };
  }

  async vind(identificatie: string): Promise<Zaak | undefined> {
    return Zaken.zaak(this.opIdentificatie.get(identificatie));
  }

  async vindOpId(id: number): Promise<Zaak | undefined> {
    return Zaken.zaak(this.opId.get(id));
  }

  async bestaat(identificatie: string): Promise<boolean> {
    return this.opIdentificatie.get(identificatie) !== undefined;
  }

  async voegToe(identificatie: string, data: ZaakData): Promise<Zaak> {
    const t = nu();
    const r = this.invoegen.run(identificatie, data.zaaktype.code, data.attributen.einddatum?.w ?? null, naarJson(data), t, t);
    return { id: Number(r.lastInsertRowid), identificatie, data };
  }

  async bewaar(zaak: Zaak): Promise<void> {
    this.bijwerken.run(zaak.data.attributen.einddatum?.w ?? null, naarJson(zaak.data), nu(), zaak.id);
  }

  async aantal(): Promise<number> {
    return this.tellen.get()!.n;
  }
}
