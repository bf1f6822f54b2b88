// Betrokkenen (persons, companies, employees, departments) and the relations that point at them:
// roles of a zaak and zaakobjecten. One betrokkene row per natural key, shared by every zaak.
import { Db } from './db';
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
  const b: Betrokkene = { id: r.b_id, soort: r.soort, velden: uitJson<XElement[]>(r.b_velden, []) };
  if (r.sleutel !== null) b.sleutel = r.sleutel;
  if (r.bsn !== null) b.bsn = r.bsn;
  return b;
}

const BETROKKENE_KOLOMMEN = 'b.id AS b_id, b.soort, b.sleutel, b.bsn, b.velden AS b_velden';

export class Betrokkenen {
  private readonly opSleutel;
  private readonly invoegen;
  private readonly veldenBijwerken;
  private readonly rollenVan;
  private readonly rolInvoegen;
  private readonly rolVelden;
  private readonly rolEinde;
  private readonly rolVerwijderen;
  private readonly volgendeRol;
  private readonly objectenVan;
  private readonly objectInvoegen;
  private readonly objectVelden;
  private readonly objectEinde;
  private readonly objectVerwijderen;
  private readonly volgendeObject;

  constructor(db: Db) {
    this.opSleutel = db.prepare<[string, string], BetrokkeneRij>(
      `SELECT ${BETROKKENE_KOLOMMEN} FROM betrokkene b WHERE b.soort = ? AND b.sleutel = ?`,
    );
    this.invoegen = db.prepare('INSERT INTO betrokkene (soort, sleutel, bsn, velden) VALUES (?, ?, ?, ?)');
    this.veldenBijwerken = db.prepare('UPDATE betrokkene SET velden = ? WHERE id = ?');
    this.rollenVan = db.prepare<[number], RolRij>(
      `SELECT r.id, r.rolsoort, r.velden, r.einddatum, ${BETROKKENE_KOLOMMEN}
       FROM rol r JOIN betrokkene b ON b.id = r.betrokkene_id WHERE r.zaak_id = ? ORDER BY r.volgorde`,
    );
    this.rolInvoegen = db.prepare('INSERT INTO rol (zaak_id, rolsoort, betrokkene_id, velden, volgorde) VALUES (?, ?, ?, ?, ?)');
    this.rolVelden = db.prepare('UPDATE rol SET velden = ? WHERE id = ?');
    this.rolEinde = db.prepare('UPDATE rol SET einddatum = ? WHERE id = ?');
    this.rolVerwijderen = db.prepare('DELETE FROM rol WHERE id = ?');
    this.volgendeRol = db.prepare<[number], { v: number }>('SELECT COALESCE(MAX(volgorde), 0) + 1 AS v FROM rol WHERE zaak_id = ?');
    this.objectenVan = db.prepare<[number], ZaakobjectRij>(
      `SELECT o.id, o.objecttype, o.object, o.velden, o.einddatum, ${BETROKKENE_KOLOMMEN}
       FROM zaakobject o LEFT JOIN betrokkene b ON b.id = o.betrokkene_id WHERE o.zaak_id = ? ORDER BY o.volgorde`,
    );
    this.objectInvoegen = db.prepare(
      'INSERT INTO zaakobject (zaak_id, objecttype, betrokkene_id, object, velden, volgorde) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.objectVelden = db.prepare('UPDATE zaakobject SET velden = ? WHERE id = ?');
    this.objectEinde = db.prepare('UPDATE zaakobject SET einddatum = ? WHERE id = ?');
    this.objectVerwijderen = db.prepare('DELETE FROM zaakobject WHERE id = ?');
    this.volgendeObject = db.prepare<[number], { v: number }>('SELECT COALESCE(MAX(volgorde), 0) + 1 AS v FROM zaakobject WHERE zaak_id = ?');
  }

  async vind(soort: BetrokkeneSoort, sleutel: string): Promise<Betrokkene | undefined> {
    const r = this.opSleutel.get(soort, sleutel);
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
          this.veldenBijwerken.run(naarJson(bestaand.velden), bestaand.id);
        }
        return bestaand;
      }
    }
    const r = this.invoegen.run(b.soort, b.sleutel ?? null, b.bsn ?? null, naarJson(b.velden));
    return { ...b, id: Number(r.lastInsertRowid) };
  }

  async rollen(zaakId: number): Promise<Rol[]> {
    return this.rollenVan.all(zaakId).map((r) => {
      const rol: Rol = { id: r.id, rolsoort: r.rolsoort, betrokkene: betrokkene(r), velden: uitJson<XElement[]>(r.velden, []) };
      if (r.einddatum !== null) rol.einddatum = r.einddatum;
      return rol;
    });
  }

  async voegRolToe(zaakId: number, rolsoort: Rolsoort, b: Betrokkene, velden: XElement[]): Promise<void> {
    const opgeslagen = await this.vindOfBewaar(b);
    this.rolInvoegen.run(zaakId, rolsoort, opgeslagen.id, naarJson(velden), this.volgendeRol.get(zaakId)!.v);
  }

  async werkRolBij(rolId: number, velden: XElement[]): Promise<void> {
    this.rolVelden.run(naarJson(velden), rolId);
  }

  async beeindigRol(rolId: number, datum: string): Promise<void> {
    this.rolEinde.run(datum, rolId);
  }

  async verwijderRol(rolId: number): Promise<void> {
    this.rolVerwijderen.run(rolId);
  }

  async zaakobjecten(zaakId: number): Promise<Zaakobject[]> {
    return this.objectenVan.all(zaakId).map((r) => {
      const o: Zaakobject = { id: r.id, objecttype: r.objecttype, velden: uitJson<XElement[]>(r.velden, []) };
      if (r.b_id != null) o.betrokkene = betrokkene(r as BetrokkeneRij);
      if (r.object !== null) o.object = uitJson<XElement>(r.object, undefined as never);
      if (r.einddatum !== null) o.einddatum = r.einddatum;
      return o;
    });
  }

  async voegZaakobjectToe(zaakId: number, o: Zaakobject): Promise<void> {
    const b = o.betrokkene ? await this.vindOfBewaar(o.betrokkene) : undefined;
    this.objectInvoegen.run(zaakId, o.objecttype, b?.id ?? null, o.object ? naarJson(o.object) : null, naarJson(o.velden), this.volgendeObject.get(zaakId)!.v);
  }

  async werkZaakobjectBij(id: number, velden: XElement[]): Promise<void> {
    this.objectVelden.run(naarJson(velden), id);
  }

  async beeindigZaakobject(id: number, datum: string): Promise<void> {
    this.objectEinde.run(datum, id);
  }

  async verwijderZaakobject(id: number): Promise<void> {
    this.objectVerwijderen.run(id);
  }
}
