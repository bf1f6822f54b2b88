// Betrokkenen (persons, companies, employees, departments) and the relations that point at them:
// roles of a zaak and zaakobjecten. One betrokkene row per natural key, shared by every zaak.
import { Sql } from './sql';
import { naarJson, uitJson } from './json';
import { Betrokkene, BetrokkeneSoort, Rol, Rolsoort, Zaakobject } from '../domain/zaak';
import { XElement } from '../stuf/xml';

interface BetrokkeneRij {
  b_id: number;
  soort: BetrokkeneSoort;
  sleutel: string | null;
  bsn: string | null;
  b_velden: string;
}

interface RolRij extends BetrokkeneRij {
  id: number;
  rolsoort: Rolsoort;
  velden: string;
  einddatum: string | null;
}

interface ZaakobjectRij extends Partial<BetrokkeneRij> {
  id: number;
  objecttype: string;
  object: string | null;
  velden: string;
  einddatum: string | null;
}

function betrokkene(r: BetrokkeneRij): Betrokkene {
  const b: Betrokkene = { id: Number(r.b_id), soort: r.soort, velden: uitJson<XElement[]>(r.b_velden, []) };
  if (r.sleutel !== null) b.sleutel = r.sleutel;
  if (r.bsn !== null) b.bsn = r.bsn;
  return b;
}

const BETROKKENE_KOLOMMEN = 'b.id AS b_id, b.soort, b.sleutel, b.bsn, b.velden AS b_velden';

/** The next volgorde within a zaak, in the insert itself: `?` is the zaak id once more. */
const VOLGENDE = (tabel: string) => `(SELECT COALESCE(MAX(volgorde), 0) + 1 FROM ${tabel} WHERE zaak_id = ?)`;

export class Betrokkenen {
  constructor(private readonly sql: Sql) {}

  async vind(soort: BetrokkeneSoort, sleutel: string): Promise<Betrokkene | undefined> {
    const r = await this.sql.een<BetrokkeneRij>(`SELECT ${BETROKKENE_KOLOMMEN} FROM betrokkene b WHERE b.soort = ? AND b.sleutel = ?`, [soort, sleutel]);
    return r && betrokkene(r);
  }

  /**
   * The stored betrokkene for this key, or a new one. A known betrokkene is not overwritten through a
   * relation (StUF: T on an existing gerelateerde counts as I); fields it lacked are added.
   */
  async vindOfBewaar(b: Betrokkene): Promise<Betrokkene> {
    if (b.sleutel !== undefined) {
      const bestaand = await this.vind(b.soort, b.sleutel);
      if (bestaand) {
        const bekend = new Set(bestaand.velden.map((v) => `${v.ns} ${v.local}`));
        const nieuw = b.velden.filter((v) => !bekend.has(`${v.ns} ${v.local}`));
        if (nieuw.length > 0) {
          bestaand.velden = [...bestaand.velden, ...nieuw];
          await this.sql.voer('UPDATE betrokkene SET velden = ? WHERE id = ?', [naarJson(bestaand.velden), bestaand.id ?? null]);
        }
        return bestaand;
      }
    }
    const r = await this.sql.een<{ id: number }>('INSERT INTO betrokkene (soort, sleutel, bsn, velden) VALUES (?, ?, ?, ?) RETURNING id', [
      b.soort, b.sleutel ?? null, b.bsn ?? null, naarJson(b.velden),
    ]);
    return { ...b, id: Number(r!.id) };
  }

  async rollen(zaakId: number): Promise<Rol[]> {
    const rijen = await this.sql.alle<RolRij>(
      `SELECT r.id, r.rolsoort, r.velden, r.einddatum, ${BETROKKENE_KOLOMMEN}
       FROM rol r JOIN betrokkene b ON b.id = r.betrokkene_id WHERE r.zaak_id = ? ORDER BY r.volgorde`,
      [zaakId],
    );
    return rijen.map((r) => {
      const rol: Rol = { id: Number(r.id), rolsoort: r.rolsoort, betrokkene: betrokkene(r), velden: uitJson<XElement[]>(r.velden, []) };
      if (r.einddatum !== null) rol.einddatum = r.einddatum;
      return rol;
    });
  }

  async voegRolToe(zaakId: number, rolsoort: Rolsoort, b: Betrokkene, velden: XElement[]): Promise<void> {
    const opgeslagen = await this.vindOfBewaar(b);
    await this.sql.voer(`INSERT INTO rol (zaak_id, rolsoort, betrokkene_id, velden, volgorde) VALUES (?, ?, ?, ?, ${VOLGENDE('rol')})`, [
      zaakId, rolsoort, opgeslagen.id ?? null, naarJson(velden), zaakId,
    ]);
  }

  async werkRolBij(rolId: number, velden: XElement[]): Promise<void> {
    await this.sql.voer('UPDATE rol SET velden = ? WHERE id = ?', [naarJson(velden), rolId]);
  }

  async beeindigRol(rolId: number, datum: string): Promise<void> {
    await this.sql.voer('UPDATE rol SET einddatum = ? WHERE id = ?', [datum, rolId]);
  }

  async verwijderRol(rolId: number): Promise<void> {
    await this.sql.voer('DELETE FROM rol WHERE id = ?', [rolId]);
  }

  async zaakobjecten(zaakId: number): Promise<Zaakobject[]> {
    const rijen = await this.sql.alle<ZaakobjectRij>(
      `SELECT o.id, o.objecttype, o.object, o.velden, o.einddatum, ${BETROKKENE_KOLOMMEN}
       FROM zaakobject o LEFT JOIN betrokkene b ON b.id = o.betrokkene_id WHERE o.zaak_id = ? ORDER BY o.volgorde`,
      [zaakId],
    );
    return rijen.map((r) => {
      const o: Zaakobject = { id: Number(r.id), objecttype: r.objecttype, velden: uitJson<XElement[]>(r.velden, []) };
      if (r.b_id != null) o.betrokkene = betrokkene(r as BetrokkeneRij);
      if (r.object !== null) o.object = uitJson<XElement>(r.object, undefined as never);
      if (r.einddatum !== null) o.einddatum = r.einddatum;
      return o;
    });
  }

  async voegZaakobjectToe(zaakId: number, o: Zaakobject): Promise<void> {
    const b = o.betrokkene ? await this.vindOfBewaar(o.betrokkene) : undefined;
    await this.sql.voer(
      `INSERT INTO zaakobject (zaak_id, objecttype, betrokkene_id, object, velden, volgorde) VALUES (?, ?, ?, ?, ?, ${VOLGENDE('zaakobject')})`,
      [zaakId, o.objecttype, b?.id ?? null, o.object ? naarJson(o.object) : null, naarJson(o.velden), zaakId],
    );
  }

  async werkZaakobjectBij(id: number, velden: XElement[]): Promise<void> {
    await this.sql.voer('UPDATE zaakobject SET velden = ? WHERE id = ?', [naarJson(velden), id]);
  }

  async beeindigZaakobject(id: number, datum: string): Promise<void> {
    await this.sql.voer('UPDATE zaakobject SET einddatum = ? WHERE id = ?', [datum, id]);
  }

  async verwijderZaakobject(id: number): Promise<void> {
    await this.sql.voer('DELETE FROM zaakobject WHERE id = ?', [id]);
  }
}
