// Relations between zaken (heeftBetrekkingOpAndere, heeftAlsDeelzaak), kept by the other zaak's identificatie
// and indexed both ways, so that "what points at this gezinsplan" is one index lookup.
import { Db } from './db';
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
    id: r.id,
    soort: r.soort,
    andereIdentificatie: r.andere_identificatie,
    velden: uitJson<XElement[]>(r.velden, []),
    gerelateerde: uitJson<XElement[]>(r.gerelateerde, []),
  };
  if (r.einddatum !== null) z.einddatum = r.einddatum;
  return z;
}

export class Zaakrelaties {
  private readonly vanZaak;
  private readonly naarZaak;
  private readonly invoegen;
  private readonly veldenBijwerken;
  private readonly einde;
  private readonly verwijderen;
  private readonly volgende;

  constructor(db: Db) {
    this.vanZaak = db.prepare<[number], RelatieRij>('SELECT * FROM zaakrelatie WHERE zaak_id = ? ORDER BY volgorde');
    this.naarZaak = db.prepare<[string], { soort: ZaakrelatieSoort; identificatie: string; einddatum: string | null }>(
      `SELECT r.soort, z.identificatie, r.einddatum FROM zaakrelatie r JOIN zaak z ON z.id = r.zaak_id
       WHERE r.andere_identificatie = ? ORDER BY z.identificatie`,
    );
    this.invoegen = db.prepare(
      'INSERT INTO zaakrelatie (zaak_id, soort, andere_identificatie, velden, gerelateerde, volgorde) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.veldenBijwerken = db.prepare('UPDATE zaakrelatie SET velden = ? WHERE id = ?');
    this.einde = db.prepare('UPDATE zaakrelatie SET einddatum = ? WHERE id = ?');
    this.verwijderen = db.prepare('DELETE FROM zaakrelatie WHERE id = ?');
    this.volgende = db.prepare<[number], { v: number }>('SELECT COALESCE(MAX(volgorde), 0) + 1 AS v FROM zaakrelatie WHERE zaak_id = ?');
  }

  async van(zaakId: number): Promise<Zaakrelatie[]> {
    return this.vanZaak.all(zaakId).map(relatie);
  }

  /** Relations other zaken hold towards this identificatie (deelzaak → our hoofdzaak, plannen → gezinsplan). */
  async naar(identificatie: string): Promise<InkomendeRelatie[]> {
    return this.naarZaak.all(identificatie).map((r) => ({
      soort: r.soort,
      zaakIdentificatie: r.identificatie,
      ...(r.einddatum !== null ? { einddatum: r.einddatum } : {}),
    }));
  }

  async voegToe(zaakId: number, r: Zaakrelatie): Promise<void> {
    this.invoegen.run(zaakId, r.soort, r.andereIdentificatie, naarJson(r.velden), naarJson(r.gerelateerde), this.volgende.get(zaakId)!.v);
  }

  async werkBij(id: number, velden: XElement[]): Promise<void> {
    this.veldenBijwerken.run(naarJson(velden), id);
  }

  async beeindig(id: number, datum: string): Promise<void> {
    this.einde.run(datum, id);
  }

  async verwijder(id: number): Promise<void> {
    this.verwijderen.run(id);
  }
}
