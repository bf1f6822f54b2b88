// Relations between zaken (heeftBetrekkingOpAndere, heeftAlsDeelzaak), kept by the other zaak's identificatie
// and indexed both ways, so that "what points at this gezinsplan" is one index lookup.
import { Sql } from './sql';
import { naarJson, uitJson } from './json';
import { Zaakrelatie, ZaakrelatieSoort } from '../domain/zaak';
import { XElement } from '../stuf/xml';

interface RelatieRij {
  id: number;
  soort: ZaakrelatieSoort;
  andere_identificatie: string;
  velden: string;
  gerelateerde: string;
  einddatum: string | null;
}

export interface InkomendeRelatie {
  soort: ZaakrelatieSoort;
  /** The zaak that holds the relation. */
  zaakIdentificatie: string;
  einddatum?: string;
}

function relatie(r: RelatieRij): Zaakrelatie {
  const z: Zaakrelatie = {
    id: Number(r.id),
    soort: r.soort,
    andereIdentificatie: r.andere_identificatie,
    velden: uitJson<XElement[]>(r.velden, []),
    gerelateerde: uitJson<XElement[]>(r.gerelateerde, []),
  };
  if (r.einddatum !== null) z.einddatum = r.einddatum;
  return z;
}

export class Zaakrelaties {
  constructor(private readonly sql: Sql) {}

  async van(zaakId: number): Promise<Zaakrelatie[]> {
    return (await this.sql.alle<RelatieRij>('SELECT * FROM zaakrelatie WHERE zaak_id = ? ORDER BY volgorde', [zaakId])).map(relatie);
  }

  /** Relations other zaken hold towards this identificatie (deelzaak → our hoofdzaak, plannen → gezinsplan). */
  async naar(identificatie: string): Promise<InkomendeRelatie[]> {
    const rijen = await this.sql.alle<{ soort: ZaakrelatieSoort; identificatie: string; einddatum: string | null }>(
      `SELECT r.soort, z.identificatie, r.einddatum FROM zaakrelatie r JOIN zaak z ON z.id = r.zaak_id
       WHERE r.andere_identificatie = ? ORDER BY z.identificatie`,
      [identificatie],
    );
    return rijen.map((r) => ({
      soort: r.soort,
      zaakIdentificatie: r.identificatie,
      ...(r.einddatum !== null ? { einddatum: r.einddatum } : {}),
    }));
  }

  async voegToe(zaakId: number, r: Zaakrelatie): Promise<void> {
    await this.sql.voer(
      `INSERT INTO zaakrelatie (zaak_id, soort, andere_identificatie, velden, gerelateerde, volgorde)
       VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(volgorde), 0) + 1 FROM zaakrelatie WHERE zaak_id = ?))`,
      [zaakId, r.soort, r.andereIdentificatie, naarJson(r.velden), naarJson(r.gerelateerde), zaakId],
    );
  }

  async werkBij(id: number, velden: XElement[]): Promise<void> {
    await this.sql.voer('UPDATE zaakrelatie SET velden = ? WHERE id = ?', [naarJson(velden), id]);
  }

  async beeindig(id: number, datum: string): Promise<void> {
    await this.sql.voer('UPDATE zaakrelatie SET einddatum = ? WHERE id = ?', [datum, id]);
  }

  async verwijder(id: number): Promise<void> {
    await this.sql.voer('DELETE FROM zaakrelatie WHERE id = ?', [id]);
  }
}
