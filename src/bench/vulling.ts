// Seeding a database (a SQLite file or a PostgreSQL database) with n realistic zaken before a gateway is started on
// it. The row shapes come from the gateway itself: a template zaak per zaaktype is created through the real app
// (creeerZaak, in memory) and read back through the repositories; the seeded zaken are variations of those, written
// through the same repositories, in large transactions.
import { closeSync, fsyncSync, openSync, statSync } from 'node:fs';
import pino from 'pino';
import { bouwApp } from '../app';
import { parseConfig } from '../config';
import { Store } from '../store';
import { openStore } from '../store/openen';
import { Betrokkene, Rol, Status, ZaakData } from '../domain/zaak';
import { zkn } from '../stuf/antwoordElementen';
import { ACHTERNAMEN, ZAAKTYPEN, bsnVoor, creeerZaak, geseedeIdentificatie } from './berichten';

interface Sjabloon {
  data: ZaakData;
  initiator: Rol;
  status: Status;
}

/** Zaken per transaction: large enough for bulk speed, small enough to stay responsive to Ctrl-C in between. */
const PER_TRANSACTIE = 20_000;
/** Fewer persons than zaken: some citizens have several zaken, as in real life. */
const PERSONEN_PER_ZAAK = 0.8;

/** How many distinct initiators a database of this many zaken holds (zaak i belongs to person i mod this). */
export const personenVoor = (aantal: number) => Math.max(1, Math.ceil(aantal * PERSONEN_PER_ZAAK));
/** Zaken per regisseur: a caseload of a couple of hundred, some of them closed. */
const ZAKEN_PER_REGISSEUR = 200;
/** How many regisseurs (heeftAlsUitvoerende medewerkers, the work queue's owners) a database of this many zaken holds. */
export const regisseursVoor = (aantal: number) => Math.max(1, Math.ceil(aantal / ZAKEN_PER_REGISSEUR));
export const regisseurId = (r: number) => `BENCH-REGISSEUR-${r}`;
const regisseur = (r: number): Betrokkene => ({ soort: 'MDW', sleutel: regisseurId(r), velden: [zkn('identificatie', regisseurId(r)), zkn('achternaam', ACHTERNAMEN[r % ACHTERNAMEN.length])] });
const DAG_MS = 86_400_000;
const START_MS = Date.UTC(2019, 0, 1);

async function maakSjablonen(): Promise<Sjabloon[]> {
  const store = await Store.open(':memory:');
  const app = await bouwApp({ config: parseConfig({}), store, log: pino({ level: 'silent' }) });
  try {
    const sjablonen: Sjabloon[] = [];
    for (let k = 0; k < ZAAKTYPEN.length; k++) {
      const id = `0599SJABLOON${k}`;
      const v = creeerZaak(id, `BENCH-SJABLOON-${k}`, k);
      const r = await app.inject({ method: 'POST', url: v.pad, payload: v.body, headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: v.actie } });
      if (r.statusCode !== 200) throw new Error(`template zaak refused by the gateway (${r.statusCode}): ${r.body.slice(0, 500)}`);
      const zaak = (await store.zaken.vind(id))!;
      const [initiator] = await store.betrokkenen.rollen(zaak.id);
      const [status] = await store.statussen.van(zaak.id);
      if (!initiator || !status) throw new Error('template zaak lacks its initiator or status');
      sjablonen.push({ data: zaak.data, initiator, status });
    }
    return sjablonen;
  } finally {
    await app.close();
    await store.sluit();
  }
}

const datum = (ms: number) => new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');

/**
 * Zaak i: the template of its zaaktype with its own omschrijving, kenmerk, dates, initiator and status moment. Every
 * even zaak of a person who has more than one is closed (some 10 % of all): every person keeps an open zaak for the
 * person query, and a regisseur's work queue has closed zaken to pass over.
 */
function variant(t: Sjabloon, i: number, personen: number): { data: ZaakData; initiator: Betrokkene; status: Status } {
  const start = START_MS + (i % 1826) * DAG_MS; // spread over five years
  const gesloten = i > personen && i % 2 === 0;
  const zt = t.data.zaaktype;
  const data: ZaakData = {
    ...t.data,
    attributen: {
      ...t.data.attributen,
      omschrijving: { w: `${zt.omschrijving ?? zt.code} ${i}` },
      startdatum: { w: datum(start) },
      registratiedatum: { w: datum(start) },
      einddatumGepland: { w: datum(start + 42 * DAG_MS) },
      ...(gesloten ? { einddatum: { w: datum(start + 60 * DAG_MS) } } : {}),
    },
    kenmerken: [{ kenmerk: `FORM-${i}`, bron: 'e-formulieren' }],
  };
  const p = i % personen;
  const bsn = bsnVoor(p);
  const naam = ACHTERNAMEN[p % ACHTERNAMEN.length];
  const b = t.initiator.betrokkene;
  const initiator: Betrokkene = {
    soort: b.soort,
    sleutel: bsn,
    bsn,
    velden: b.velden.map((v) => (v.local === 'inp.bsn' ? { ...v, text: bsn } : v.local === 'geslachtsnaam' ? { ...v, text: naam } : v)),
  };
  const { id: _id, ...status } = t.status;
  return { data, initiator, status: { ...status, datumStatusGezet: { utc: new Date(start + 9.5 * 3_600_000).toISOString(), digits: 17 } } };
}

/** Where to seed: a new SQLite file, or an empty PostgreSQL database (migrated here). */
export type VulDoel = { pad: string } | { url: string };

export interface Vulling {
  backend: 'SQLite' | 'PostgreSQL';
  aantal: number;
  seconden: number;
  megabytes: number;
}

/** Writes zaken 1..aantal (identificaties from geseedeIdentificatie) into a new SQLite file or an empty PostgreSQL database. */
export async function vul(doel: VulDoel, aantal: number, voortgang?: (gedaan: number) => void): Promise<Vulling> {
  const start = process.hrtime.bigint();
  const sjablonen = await maakSjablonen();
  const personen = personenVoor(aantal);
  const regisseurs = regisseursVoor(aantal);
  const store = 'pad' in doel ? await Store.open(doel.pad) : await openStore(parseConfig({ database: { url: doel.url } }).database);
  if ('pad' in doel) {
    // A throwaway file: no fsync, and a big page cache so the index inserts stay in memory.
    store.db.pragma('synchronous = OFF');
    store.db.pragma('cache_size = -262144');
  }
  let megabytes = 0;
  try {
    for (let van = 1; van <= aantal; van += PER_TRANSACTIE) {
      const tot = Math.min(aantal, van + PER_TRANSACTIE - 1);
      await store.transactie(async (store) => {
        for (let i = van; i <= tot; i++) {
          const v = variant(sjablonen[i % sjablonen.length], i, personen);
          const zaak = await store.zaken.voegToe(geseedeIdentificatie(i), v.data);
          await store.betrokkenen.voegRolToe(zaak.id, 'heeftAlsInitiator', v.initiator, sjablonen[i % sjablonen.length].initiator.velden);
          await store.betrokkenen.voegRolToe(zaak.id, 'heeftAlsUitvoerende', regisseur(i % regisseurs), [zkn('omschrijving', 'Regisseur')]);
          await store.statussen.voegToe(zaak.id, v.status);
        }
      });
      voortgang?.(tot);
      await new Promise((r) => setImmediate(r)); // let a Ctrl-C through between transactions
    }
    if (!('pad' in doel)) {
      // Fresh statistics, as autovacuum would gather some time after a bulk load: the planner then knows the tables' sizes.
      await store.sql.voer('ANALYZE');
      megabytes = (await store.sql.een<{ n: number }>('SELECT pg_database_size(current_database()) AS n'))!.n / 1e6;
    }
  } finally {
    await store.sluit();
  }
  const seconden = () => Number(process.hrtime.bigint() - start) / 1e9;
  if (!('pad' in doel)) return { backend: 'PostgreSQL', aantal, seconden: seconden(), megabytes };
  // Written with synchronous=OFF: flush now, or the kernel writes the file back while the first cases are measured.
  const fd = openSync(doel.pad, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { backend: 'SQLite', aantal, seconden: seconden(), megabytes: statSync(doel.pad).size / 1e6 };
}
