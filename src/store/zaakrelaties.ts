// Relations between zaken (heeftBetrekkingOpAndere, heeftAlsDeelzaak), kept by the other zaak's identificatie
// and indexed both ways, so that "what points at this gezinsplan" is one index lookup.
import { Sql } from './sql';
import { naarJson, uitJson } from './json';
import { Zaakrelatie, ZaakrelatieSoort } from '../domain/zaak';
import { XElement } from '../stuf/xml';
import { Transactiegeheugen } from './transactiegeheugen';

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

/** The transaction's memory (transactiegeheugen.ts) of a zaak's relation rows, in their order. */
const RELATIES = 'zaakrelatie';

export class Zaakrelaties {
  constructor(
    private readonly sql: Sql,
    private readonly geheugen = new Transactiegeheugen(sql),
  ) {}

  /** A change of one remembered row, known by its id. */
  private wijzigOnthouden(id: number, wijzig: (rijen: RelatieRij[], i: number) => void): void {
    for (const rijen of this.geheugen.huidig()?.alleRijen<RelatieRij>(RELATIES) ?? []) {
      const i = rijen.findIndex((r) => Number(r.id) === id);
      if (i >= 0) wijzig(rijen, i);
    }
  }

  /** The relations a zaak holds, in their order; read once per transaction, its own changes applied. */
  async van(zaakId: number): Promise<Zaakrelatie[]> {
    const g = this.geheugen.huidig();
    let rijen = g?.rijen<RelatieRij>(RELATIES, zaakId);
    if (!rijen) {
      rijen = await this.sql.alle<RelatieRij>('SELECT * FROM zaakrelatie WHERE zaak_id = ? ORDER BY volgorde', [zaakId]);
      g?.zetRijen(RELATIES, zaakId, rijen);
    }
    return rijen.map(relatie);
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
    const velden = naarJson(r.velden);
    const gerelateerde = naarJson(r.gerelateerde);
    const rij = await this.sql.een<{ id: number }>(
      `INSERT INTO zaakrelatie (zaak_id, soort, andere_identificatie, velden, gerelateerde, volgorde)
       VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(volgorde), 0) + 1 FROM zaakrelatie WHERE zaak_id = ?)) RETURNING id`,
      [zaakId, r.soort, r.andereIdentificatie, velden, gerelateerde, zaakId],
    );
    // The highest volgorde: last in the zaak's order.
    this.geheugen.huidig()?.rijen<RelatieRij>(RELATIES, zaakId)?.push({
      id: Number(rij!.id), soort: r.soort, andere_identificatie: r.andereIdentificatie, velden, gerelateerde, einddatum: null,
    });
  }

  async werkBij(id: number, velden: XElement[]): Promise<void> {
    const json = naarJson(velden);
    await this.sql.voer('UPDATE zaakrelatie SET velden = ? WHERE id = ?', [json, id]);
    this.wijzigOnthouden(id, (rijen, i) => (rijen[i] = { ...rijen[i], velden: json }));
  }

  async beeindig(id: number, datum: string): Promise<void> {
    await this.sql.voer('UPDATE zaakrelatie SET einddatum = ? WHERE id = ?', [datum, id]);
    this.wijzigOnthouden(id, (rijen, i) => (rijen[i] = { ...rijen[i], einddatum: datum }));
  }

  async verwijder(id: number): Promise<void> {
    await this.sql.voer('DELETE FROM zaakrelatie WHERE id = ?', [id]);
    this.wijzigOnthouden(id, (rijen, i) => rijen.splice(i, 1));
  }
}
