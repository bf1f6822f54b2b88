// Schema version 13 on a database of version 12 (issue 19): the zaak's new archive columns are filled from its data,
// what a message set counting as sent, a closed zaak without values onbepaald (listed for the archivist until
// `archief afleiden` applies the selectielijst), an open one without. On the run's backend: a SQLite file, or with
// ZDS_TEST_DATABASE=postgres a fresh PostgreSQL database, brought to version 12 by the migrations themselves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { MIGRATIES } from '../../src/store/migraties';
import { MIGRATIES_POSTGRES } from '../../src/store/postgresSchema';
import { openStore } from '../../src/store/openen';
import { parseConfig } from '../../src/config';
import { leidOnbepaaldAf } from '../../src/archief/onbepaald';
import { nieuweDatabase } from '../support/postgres';
import { OP_POSTGRES, postgresBeheerUrl } from '../support/postgresRun';

const data = (attributen: Record<string, unknown>, resultaat?: string) =>
  JSON.stringify({ zaaktype: { code: 'MIG01' }, attributen, groepen: resultaat ? { resultaat: { omschrijving: { w: resultaat } } } : {}, kenmerken: [], anderZaakObjecten: [], extraElementen: [] });

const ZAKEN: [string, string | null, string][] = [
  ['0599MIG1', null, data({ omschrijving: { w: 'Open' } })],
  ['0599MIG2', '20200115', data({ einddatum: { w: '20200115' } }, 'Verleend')],
  ['0599MIG3', '20200115', data({ einddatum: { w: '20200115' }, archiefnominatie: { w: 'N' }, datumVernietigingDossier: { w: '20300101' } })],
  ['0599MIG4', null, data({ archiefnominatie: { w: 'J' } })],
  ['0599MIG5', '20200115', data({ einddatum: { w: '20200115' }, datumVernietigingDossier: { w: '20300000', ind: 'D' } })],
];

let map: string;
beforeAll(() => {
  map = mkdtempSync(join(tmpdir(), 'archief-migratie-'));
});
afterAll(() => rmSync(map, { recursive: true, force: true }));

/** A database at schema version 12 with ZAKEN in it: the configuration's database section, and how to drop it. */
async function versie12(): Promise<{ database: { path: string } | { url: string }; verwijder(): Promise<void> }> {
  const t = new Date().toISOString();
  if (!OP_POSTGRES) {
    const path = join(map, 'v12.db');
    const db = new Database(path);
    db.exec('CREATE TABLE schema_versie (versie INTEGER NOT NULL)');
    for (const m of MIGRATIES.filter((x) => x.versie <= 12)) {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_versie (versie) VALUES (?)').run(m.versie);
    }
    const zet = db.prepare('INSERT INTO zaak (identificatie, zaaktype_code, einddatum, data, aangemaakt, gewijzigd) VALUES (?, ?, ?, ?, ?, ?)');
    for (const [id, eind, d] of ZAKEN) zet.run(id, 'MIG01', eind, d, t, t);
    db.close();
    return { database: { path }, verwijder: async () => {} };
  }
  const pg = await nieuweDatabase(postgresBeheerUrl());
  const client = new Client({ connectionString: pg.url });
  await client.connect();
  try {
    await client.query('CREATE TABLE schema_versie (versie BIGINT PRIMARY KEY)');
    let huidig = 0;
    for (const m of MIGRATIES_POSTGRES.filter((x) => x.versie <= 12)) {
      await client.query(m.sql);
      await client.query('INSERT INTO schema_versie (versie) SELECT generate_series($1::bigint, $2::bigint)', [huidig + 1, m.versie]);
      huidig = m.versie;
    }
    for (const [id, eind, d] of ZAKEN) {
      await client.query('INSERT INTO zaak (identificatie, zaaktype_code, einddatum, data, aangemaakt, gewijzigd) VALUES ($1, $2, $3, $4, $5, $5)', [id, 'MIG01', eind, d, t]);
    }
  } finally {
    await client.end();
  }
  return { database: { url: pg.url }, verwijder: pg.verwijder };
}

it('fills the archive columns from the data, and afleiden then applies the selectielijst to the onbepaald zaken', async () => {
  const v12 = await versie12();
  try {
    const config = parseConfig({
      database: v12.database,
      archief: { selectielijst: [{ zaaktype: 'MIG01', resultaat: 'Verleend', nominatie: 'vernietigen', bewaartermijn: { jaren: 5, maanden: 6 } }] },
    });
    const store = await openStore({ ...config.database, checkpointMs: 0 });
    try {
      expect(await store.schemaVersie()).toBe(13);
      const kolommen = async () => Object.fromEntries((await store.sql.alle<{ identificatie: string; archiefnominatie: string | null; archiefactiedatum: string | null; archiefbron: string | null }>(
        'SELECT identificatie, archiefnominatie, archiefactiedatum, archiefbron FROM zaak ORDER BY identificatie',
      )).map((r) => [r.identificatie, [r.archiefnominatie, r.archiefactiedatum, r.archiefbron]]));
      expect(await kolommen()).toEqual({
        '0599MIG1': [null, null, null],
        '0599MIG2': [null, null, 'onbepaald'],
        '0599MIG3': ['N', '20300101', 'bericht'],
        '0599MIG4': ['J', null, 'bericht'],
        '0599MIG5': [null, null, 'bericht'], // an incomplete date is kept as sent, but is no date to act on
      });
      expect(await leidOnbepaaldAf(store, config)).toEqual({ afgeleid: 1, onbepaald: 0 });
      expect((await kolommen())['0599MIG2']).toEqual(['N', '20250715', 'selectielijst']);
      const mig2 = (await store.zaken.vind('0599MIG2'))!;
      expect(mig2.data.attributen).toEqual(expect.objectContaining({ archiefnominatie: { w: 'N' }, datumVernietigingDossier: { w: '20250715' } }));
      // What a message set stays as it was.
      expect((await kolommen())['0599MIG3']).toEqual(['N', '20300101', 'bericht']);
    } finally {
      await store.sluit();
    }
  } finally {
    await v12.verwijder();
  }
});
