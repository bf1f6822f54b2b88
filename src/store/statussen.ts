// Status history of a zaak. The current status is the one with the latest datumStatusGezet.
import { Sql } from './sql';
import { naarJson, nu, uitJson } from './json';
import { Status } from '../domain/zaak';
import { XElement } from '../stuf/xml';
import { Transactiegeheugen } from './transactiegeheugen';

interface StatusRij {
  id: number;
  volgnummer: number;
  omschrijving: string | null;
  code: string | null;
  datum_status_gezet: string;
  datum_cijfers: number;
  toelichting: string | null;
  data: string;
  volgorde: number;
}

interface StatusData {
  statustype: XElement[];
  gezetDoor?: XElement;
  extra: XElement[];
}

/** The transaction's memory (transactiegeheugen.ts): a zaak's status rows newest first, and its held end status. */
const STATUSSEN = 'status';
const WACHTEND = 'wachtende_eindstatus';

/** Newest first: the latest datumStatusGezet (ISO text compares as it sorts), then the one recorded last. */
const nieuwsteEerst = (a: StatusRij, b: StatusRij) =>
  a.datum_status_gezet === b.datum_status_gezet ? Number(b.volgorde) - Number(a.volgorde) : a.datum_status_gezet < b.datum_status_gezet ? 1 : -1;

function status(r: StatusRij): Status {
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
}

export class Statussen {
  constructor(
    private readonly sql: Sql,
    private readonly geheugen = new Transactiegeheugen(sql),
  ) {}

  /** An end status held until the zaak may close (zaakprofiel); it replaces one held before. Not a status yet. */
  async houdVast(zaakId: number, s: Status): Promise<void> {
    const json = naarJson(s);
    await this.sql.voer(
      `INSERT INTO wachtende_eindstatus (zaak_id, status, ontvangen) VALUES (?, ?, ?)
       ON CONFLICT (zaak_id) DO UPDATE SET status = excluded.status, ontvangen = excluded.ontvangen`,
      [zaakId, json, nu()],
    );
    this.geheugen.huidig()?.zetRijen(WACHTEND, zaakId, [json]);
  }

  async vastgehouden(zaakId: number): Promise<Status | undefined> {
    const g = this.geheugen.huidig();
    let rijen = g?.rijen<string>(WACHTEND, zaakId);
    if (!rijen) {
      const r = await this.sql.een<{ status: string }>('SELECT status FROM wachtende_eindstatus WHERE zaak_id = ?', [zaakId]);
      rijen = r ? [r.status] : [];
      g?.zetRijen(WACHTEND, zaakId, rijen);
    }
    return rijen.length ? uitJson<Status>(rijen[0], undefined as never) : undefined;
  }

  async laatLos(zaakId: number): Promise<void> {
    await this.sql.voer('DELETE FROM wachtende_eindstatus WHERE zaak_id = ?', [zaakId]);
    this.geheugen.huidig()?.zetRijen(WACHTEND, zaakId, []);
  }

  /** All statuses of a zaak, newest first; for equal timestamps the one recorded last counts as the newer. */
  async van(zaakId: number): Promise<Status[]> {
    const g = this.geheugen.huidig();
    let rijen = g?.rijen<StatusRij>(STATUSSEN, zaakId);
    if (!rijen) {
      rijen = await this.sql.alle<StatusRij>('SELECT * FROM status WHERE zaak_id = ? ORDER BY datum_status_gezet DESC, volgorde DESC', [zaakId]);
      g?.zetRijen(STATUSSEN, zaakId, rijen);
    }
    return rijen.map(status);
  }

  async voegToe(zaakId: number, s: Status): Promise<void> {
    const data: StatusData = { statustype: s.statustype, extra: s.extra, ...(s.gezetDoor ? { gezetDoor: s.gezetDoor } : {}) };
    const rij: Omit<StatusRij, 'id' | 'volgorde'> = {
      volgnummer: s.volgnummer, omschrijving: s.omschrijving ?? null, code: s.code ?? null, datum_status_gezet: s.datumStatusGezet.utc,
      datum_cijfers: s.datumStatusGezet.digits, toelichting: s.toelichting ?? null, data: naarJson(data),
    };
    const r = await this.sql.een<{ id: number; volgorde: number }>(
      `INSERT INTO status (zaak_id, volgnummer, omschrijving, code, datum_status_gezet, datum_cijfers, toelichting, data, volgorde)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(volgorde), 0) + 1 FROM status WHERE zaak_id = ?)) RETURNING id, volgorde`,
      [zaakId, rij.volgnummer, rij.omschrijving, rij.code, rij.datum_status_gezet, rij.datum_cijfers, rij.toelichting, rij.data, zaakId],
    );
    const rijen = this.geheugen.huidig()?.rijen<StatusRij>(STATUSSEN, zaakId);
    if (rijen) {
      rijen.push({ ...rij, id: Number(r!.id), volgorde: Number(r!.volgorde) });
      rijen.sort(nieuwsteEerst);
    }
  }
}
