// Status history of a zaak. The current status is the one with the latest datumStatusGezet.
import { Sql } from './sql';
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
  constructor(private readonly sql: Sql) {}

  /** An end status held until the zaak may close (zaakprofiel); it replaces one held before. Not a status yet. */
  async houdVast(zaakId: number, s: Status): Promise<void> {
    await this.sql.voer(
      `INSERT INTO wachtende_eindstatus (zaak_id, status, ontvangen) VALUES (?, ?, ?)
       ON CONFLICT (zaak_id) DO UPDATE SET status = excluded.status, ontvangen = excluded.ontvangen`,
      [zaakId, naarJson(s), nu()],
    );
  }

  async vastgehouden(zaakId: number): Promise<Status | undefined> {
    const r = await this.sql.een<{ status: string }>('SELECT status FROM wachtende_eindstatus WHERE zaak_id = ?', [zaakId]);
    return r && uitJson<Status>(r.status, undefined as never);
  }

  async laatLos(zaakId: number): Promise<void> {
    await this.sql.voer('DELETE FROM wachtende_eindstatus WHERE zaak_id = ?', [zaakId]);
  }

  /** All statuses of a zaak, newest first; for equal timestamps the one recorded last counts as the newer. */
  async van(zaakId: number): Promise<Status[]> {
    const rijen = await this.sql.alle<StatusRij>('SELECT * FROM status WHERE zaak_id = ? ORDER BY datum_status_gezet DESC, volgorde DESC', [zaakId]);
    return rijen.map((r) => {
      const d = uitJson<StatusData>(r.data, { statustype: [], extra: [] });
      const s: Status = {
        id: Number(r.id),
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
    await this.sql.voer(
      `INSERT INTO status (zaak_id, volgnummer, omschrijving, code, datum_status_gezet, datum_cijfers, toelichting, data, volgorde)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(volgorde), 0) + 1 FROM status WHERE zaak_id = ?))`,
      [zaakId, s.volgnummer, s.omschrijving ?? null, s.code ?? null, s.datumStatusGezet.utc, s.datumStatusGezet.digits, s.toelichting ?? null, naarJson(data), zaakId],
    );
  }
}
