// Betrokkenen (persons, companies, employees, departments) and the relations that point at them:
// roles of a zaak and zaakobjecten. One betrokkene row per natural key, shared by every zaak.
import { Sql } from './sql';
import { naarJson, uitJson } from './json';
import { Betrokkene, BetrokkeneSoort, Rol, Rolsoort, Zaakobject } from '../domain/zaak';
import { XElement } from '../stuf/xml';
import { Transactiegeheugen } from './transactiegeheugen';

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

/** The transaction's memory (transactiegeheugen.ts) of a zaak's rows: the rows as read, mapped anew on every read. */
const ROLLEN = 'rol';
const OBJECTEN = 'zaakobject';

function betrokkene(r: BetrokkeneRij): Betrokkene {
  const b: Betrokkene = { id: Number(r.b_id), soort: r.soort, velden: uitJson<XElement[]>(r.b_velden, []) };
  if (r.sleutel !== null) b.sleutel = r.sleutel;
  if (r.bsn !== null) b.bsn = r.bsn;
  return b;
}

const BETROKKENE_KOLOMMEN = 'b.id AS b_id, b.soort, b.sleutel, b.bsn, b.velden AS b_velden';

/** The next volgorde within a zaak, in the insert itself: `?` is the zaak id once more. */
const VOLGENDE = (tabel: string) => `(SELECT COALESCE(MAX(volgorde), 0) + 1 FROM ${tabel} WHERE zaak_id = ?)`;

function rol(r: RolRij): Rol {
  const rol: Rol = { id: Number(r.id), rolsoort: r.rolsoort, betrokkene: betrokkene(r), velden: uitJson<XElement[]>(r.velden, []) };
  if (r.einddatum !== null) rol.einddatum = r.einddatum;
  return rol;
}

function zaakobject(r: ZaakobjectRij): Zaakobject {
  const o: Zaakobject = { id: Number(r.id), objecttype: r.objecttype, velden: uitJson<XElement[]>(r.velden, []) };
  if (r.b_id != null) o.betrokkene = betrokkene(r as BetrokkeneRij);
  if (r.object !== null) o.object = uitJson<XElement>(r.object, undefined as never);
  if (r.einddatum !== null) o.einddatum = r.einddatum;
  return o;
}

/** The betrokkene columns of a row about to be remembered, as the join would read them back. */
function betrokkeneKolommen(b: Betrokkene | undefined): Partial<BetrokkeneRij> {
  return b ? { b_id: b.id, soort: b.soort, sleutel: b.sleutel ?? null, bsn: b.bsn ?? null, b_velden: naarJson(b.velden) } : {};
}

export class Betrokkenen {
  constructor(
    private readonly sql: Sql,
    private readonly geheugen = new Transactiegeheugen(sql),
  ) {}

  /** A change of one remembered row, known by its id (whichever zaak). */
  private wijzigOnthouden<R extends { id: number }>(soort: string, id: number, wijzig: (rijen: R[], i: number) => void): void {
    const g = this.geheugen.huidig();
    if (!g) return;
    for (const rijen of g.alleRijen<R>(soort)) {
      const i = rijen.findIndex((r) => Number(r.id) === id);
      if (i >= 0) wijzig(rijen, i);
    }
  }

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
          const velden = naarJson(bestaand.velden);
          await this.sql.voer('UPDATE betrokkene SET velden = ? WHERE id = ?', [velden, bestaand.id ?? null]);
          // Roles and objects of any zaak remembered with this betrokkene read its fields through the join.
          const g = this.geheugen.huidig();
          for (const soort of [ROLLEN, OBJECTEN]) {
            for (const rijen of g?.alleRijen<Partial<BetrokkeneRij>>(soort) ?? []) for (const r of rijen) if (r.b_id != null && Number(r.b_id) === bestaand.id) r.b_velden = velden;
          }
        }
        return bestaand;
      }
    }
    const r = await this.sql.een<{ id: number }>('INSERT INTO betrokkene (soort, sleutel, bsn, velden) VALUES (?, ?, ?, ?) RETURNING id', [
      b.soort, b.sleutel ?? null, b.bsn ?? null, naarJson(b.velden),
    ]);
    return { ...b, id: Number(r!.id) };
  }

  /**
   * Claims the rows of the persons with these BSNs until the transaction ends (an update that changes nothing): a
   * concurrent transaction claiming one of them waits, and on PostgreSQL then starts again (a serialization failure,
   * retried), so a rule over a person's other zaken sees what the other wrote. SQLite writes one at a time anyway.
   * A person not stored yet needs no claim: two transactions inserting it collide on its key and one starts again.
   */
  async claimPersonen(bsns: string[]): Promise<void> {
    if (bsns.length === 0) return;
    await this.sql.voer(`UPDATE betrokkene SET velden = velden WHERE bsn IN (${bsns.map(() => '?').join(', ')})`, bsns);
  }

  /** The roles of a zaak in their order; read once per transaction, its own changes applied to what it read. */
  async rollen(zaakId: number): Promise<Rol[]> {
    const g = this.geheugen.huidig();
    let rijen = g?.rijen<RolRij>(ROLLEN, zaakId);
    if (!rijen) {
      rijen = await this.sql.alle<RolRij>(
        `SELECT r.id, r.rolsoort, r.velden, r.einddatum, ${BETROKKENE_KOLOMMEN}
         FROM rol r JOIN betrokkene b ON b.id = r.betrokkene_id WHERE r.zaak_id = ? ORDER BY r.volgorde`,
        [zaakId],
      );
      g?.zetRijen(ROLLEN, zaakId, rijen);
    }
    return rijen.map(rol);
  }

  async voegRolToe(zaakId: number, rolsoort: Rolsoort, b: Betrokkene, velden: XElement[]): Promise<void> {
    const opgeslagen = await this.vindOfBewaar(b);
    const json = naarJson(velden);
    const r = await this.sql.een<{ id: number }>(
      `INSERT INTO rol (zaak_id, rolsoort, betrokkene_id, velden, volgorde) VALUES (?, ?, ?, ?, ${VOLGENDE('rol')}) RETURNING id`,
      [zaakId, rolsoort, opgeslagen.id ?? null, json, zaakId],
    );
    // The highest volgorde: last in the zaak's order.
    this.geheugen.huidig()?.rijen<RolRij>(ROLLEN, zaakId)?.push({ id: Number(r!.id), rolsoort, velden: json, einddatum: null, ...(betrokkeneKolommen(opgeslagen) as BetrokkeneRij) });
  }

  async werkRolBij(rolId: number, velden: XElement[]): Promise<void> {
    const json = naarJson(velden);
    await this.sql.voer('UPDATE rol SET velden = ? WHERE id = ?', [json, rolId]);
    this.wijzigOnthouden<RolRij>(ROLLEN, rolId, (rijen, i) => (rijen[i] = { ...rijen[i], velden: json }));
  }

  async beeindigRol(rolId: number, datum: string): Promise<void> {
    await this.sql.voer('UPDATE rol SET einddatum = ? WHERE id = ?', [datum, rolId]);
    this.wijzigOnthouden<RolRij>(ROLLEN, rolId, (rijen, i) => (rijen[i] = { ...rijen[i], einddatum: datum }));
  }

  async verwijderRol(rolId: number): Promise<void> {
    await this.sql.voer('DELETE FROM rol WHERE id = ?', [rolId]);
    this.wijzigOnthouden<RolRij>(ROLLEN, rolId, (rijen, i) => rijen.splice(i, 1));
  }

  /** The zaakobjecten of a zaak in their order; read once per transaction, as the roles. */
  async zaakobjecten(zaakId: number): Promise<Zaakobject[]> {
    const g = this.geheugen.huidig();
    let rijen = g?.rijen<ZaakobjectRij>(OBJECTEN, zaakId);
    if (!rijen) {
      rijen = await this.sql.alle<ZaakobjectRij>(
        `SELECT o.id, o.objecttype, o.object, o.velden, o.einddatum, ${BETROKKENE_KOLOMMEN}
         FROM zaakobject o LEFT JOIN betrokkene b ON b.id = o.betrokkene_id WHERE o.zaak_id = ? ORDER BY o.volgorde`,
        [zaakId],
      );
      g?.zetRijen(OBJECTEN, zaakId, rijen);
    }
    return rijen.map(zaakobject);
  }

  async voegZaakobjectToe(zaakId: number, o: Zaakobject): Promise<void> {
    const b = o.betrokkene ? await this.vindOfBewaar(o.betrokkene) : undefined;
    const object = o.object ? naarJson(o.object) : null;
    const velden = naarJson(o.velden);
    const r = await this.sql.een<{ id: number }>(
      `INSERT INTO zaakobject (zaak_id, objecttype, betrokkene_id, object, velden, volgorde) VALUES (?, ?, ?, ?, ?, ${VOLGENDE('zaakobject')}) RETURNING id`,
      [zaakId, o.objecttype, b?.id ?? null, object, velden, zaakId],
    );
    this.geheugen.huidig()?.rijen<ZaakobjectRij>(OBJECTEN, zaakId)?.push({ id: Number(r!.id), objecttype: o.objecttype, object, velden, einddatum: null, ...betrokkeneKolommen(b) });
  }

  async werkZaakobjectBij(id: number, velden: XElement[]): Promise<void> {
    const json = naarJson(velden);
    await this.sql.voer('UPDATE zaakobject SET velden = ? WHERE id = ?', [json, id]);
    this.wijzigOnthouden<ZaakobjectRij>(OBJECTEN, id, (rijen, i) => (rijen[i] = { ...rijen[i], velden: json }));
  }

  async beeindigZaakobject(id: number, datum: string): Promise<void> {
    await this.sql.voer('UPDATE zaakobject SET einddatum = ? WHERE id = ?', [datum, id]);
    this.wijzigOnthouden<ZaakobjectRij>(OBJECTEN, id, (rijen, i) => (rijen[i] = { ...rijen[i], einddatum: datum }));
  }

  async verwijderZaakobject(id: number): Promise<void> {
    await this.sql.voer('DELETE FROM zaakobject WHERE id = ?', [id]);
    this.wijzigOnthouden<ZaakobjectRij>(OBJECTEN, id, (rijen, i) => rijen.splice(i, 1));
  }
}
