// Status history of a zaak. The current status is the one with the latest datumStatusGezet.
import { Db } from './db';
import { naarJson, nu, uitJson } from './json';
import { Status } from '../domain/zaak';
import { XElement } from '../stuf/xml';

interface StatusRij {
  id: number;
  volgnummer: number;
  omschrijving: string | null;
  code: string | null;
  datum_status_gezet: string;
  datum_cijfers: number;
  toelichting: string | null;
  data: string;
}

interface StatusData {
  statustype: XElement[];
  gezetDoor?: XElement;
  extra: XElement[];
}

export class Statussen {
  private readonly vanZaak;
  private readonly invoegen;
  private readonly volgende;
  private readonly wachtendeVan;
  private readonly wachtendeZetten;
  private readonly wachtendeWeg;

  constructor(db: Db) {
    // Newest first; for equal timestamps the one recorded last counts as the newer.
    this.vanZaak = db.prepare<[number], StatusRij>(
      'SELECT * FROM status WHERE zaak_id = ? ORDER BY datum_status_gezet DESC, volgorde DESC',
    );
    this.invoegen = db.prepare(
      `INSERT INTO status (zaak_id, volgnummer, omschrijving, code, datum_status_gezet, datum_cijfers, toelichting, data, volgorde)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.volgende = db.prepare<[number], { v: number }>('SELECT COALESCE(MAX(volgorde), 0) + 1 AS v FROM status WHERE zaak_id = ?');
    this.wachtendeVan = db.prepare<[number], { status: string }>('SELECT status FROM wachtende_eindstatus WHERE zaak_id = ?');
    this.wachtendeZetten = db.prepare(
      `INSERT INTO wachtende_eindstatus (zaak_id, status, ontvangen) VALUES (?, ?, ?)
       ON CONFLICT (zaak_id) DO UPDATE SET status = excluded.status, ontvangen = excluded.ontvangen`,
    );
    this.wachtendeWeg = db.prepare('DELETE FROM wachtende_eindstatus WHERE zaak_id = ?');
  }

  /** An end status held until the zaak may close (zaakprofiel); it replaces one held before. Not a status yet. */
  async houdVast(zaakId: number, s: Status): Promise<void> {
    this.wachtendeZetten.run(zaakId, naarJson(s), nu());
  }

  async vastgehouden(zaakId: number): Promise<Status | undefined> {
    const r = this.wachtendeVan.get(zaakId);
    return r && uitJson<Status>(r.status, undefined as never);
  }

  async laatLos(zaakId: number): Promise<void> {
    this.wachtendeWeg.run(zaakId);
  }

  /** All statuses of a zaak, newest first. */
  async van(zaakId: number): Promise<Status[]> {
    return this.vanZaak.all(zaakId).map((r) => {
      const d = uitJson<StatusData>(r.data, { statustype: [], extra: [] });
      const s: Status = {
        id: r.id,
        volgnummer: r.volgnummer,
        datumStatusGezet: { utc: r.datum_status_gezet, digits: r.datum_cijfers },
        statustype: d.statustype,
        extra: d.extra,
      };
      if (r.omschrijving !== null) s.omschrijving = r.omschrijving;
      if (r.code !== null) s.code = r.code;
      if (r.toelichting !== null) s.toelichting = r.toelichting;
      if (d.gezetDoor) s.gezetDoor = d.gezetDoor;
      return s;
    });
  }

  async voegToe(zaakId: number, s: Status): Promise<void> {
    const data: StatusData = { statustype: s.statustype, extra: s.extra, ...(s.gezetDoor ? { gezetDoor: s.gezetDoor } : {}) };
    this.invoegen.run(
      zaakId, s.volgnummer, s.omschrijving ?? null, s.code ?? null, s.datumStatusGezet.utc, s.datumStatusGezet.digits,
      s.toelichting ?? null, naarJson(data), this.volgende.get(zaakId)!.v,
    );
  }
}
