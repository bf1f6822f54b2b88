// Status history of a zaak. The current status is the one with the latest datumStatusGezet.
import { Db } from './db';
import { naarJson, uitJson } from './json';
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
  }

  /** All statuses of a zaak, newest first. */
  van(zaakId: number): Status[] {
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

  voegToe(zaakId: number, s: Status): void {
    const data: StatusData = { statustype: s.statustype, extra: s.extra, ...(s.gezetDoor ? { gezetDoor: s.gezetDoor } : {}) };
    this.invoegen.run(
      zaakId, s.volgnummer, s.omschrijving ?? null, s.code ?? null, s.datumStatusGezet.utc, s.datumStatusGezet.digits,
      s.toelichting ?? null, naarJson(data), this.volgende.get(zaakId)!.v,
    );
  }
}
