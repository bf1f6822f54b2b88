// SqliteSql: one better-sqlite3 connection behind the asynchronous Sql interface. A transaction spans awaits, so
// other requests' statements run between them on the same connection; these tests hold it to what sql.ts promises.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/store/db';
import type { Sql } from '../../src/store/sql';
import { SqliteSql } from '../../src/store/sqlite';

/** A promise the test settles by hand: a transaction waits on it while the test does something beside it. */
function grendel(): { open: () => void; dicht: Promise<void> } {
  let open!: () => void;
  const dicht = new Promise<void>((r) => (open = r));
  return { open, dicht };
}

const tik = () => new Promise<void>((r) => setImmediate(r));

describe('SqliteSql', () => {
  let map: string;
  let pad: string;
  let sql: SqliteSql;

  /** Through `s`: the connection's own Sql, or the Sql a transaction gave its work. */
  const aantal = async (s: Sql = sql) => (await s.een<{ n: number }>('SELECT COUNT(*) AS n FROM ding'))!.n;

  beforeEach(async () => {
    map = mkdtempSync(join(tmpdir(), 'zdsgw-sqlitesql-'));
    pad = join(map, 'g.db');
    sql = new SqliteSql(openDatabase(pad));
    await sql.voer('CREATE TABLE ding (id INTEGER PRIMARY KEY, naam TEXT NOT NULL UNIQUE)');
  });

  afterEach(async () => {
    await sql.sluit();
    rmSync(map, { recursive: true, force: true });
  });

  it('keeps a transaction over several awaits from a read beside it until the commit', async () => {
    const g = grendel();
    const volgorde: string[] = [];
    const transactie = sql.transactie(async (tx) => {
      await tx.voer("INSERT INTO ding (naam) VALUES ('a')");
      await g.dicht;
      await tx.voer("INSERT INTO ding (naam) VALUES ('b')");
      volgorde.push('commit');
    });
    await tik();
    // The same connection, outside the transaction: waits for it instead of reading uncommitted rows.
    const buiten = aantal().then((n) => (volgorde.push('gelezen'), n));
    // Another connection on the file sees nothing of it meanwhile.
    const ander = new Database(pad, { readonly: true });
    try {
      await tik();
      expect((ander.prepare('SELECT COUNT(*) AS n FROM ding').get() as { n: number }).n).toBe(0);
      expect(volgorde).toEqual([]);
      g.open();
      await transactie;
      expect(await buiten).toBe(2);
      expect(volgorde).toEqual(['commit', 'gelezen']);
      expect((ander.prepare('SELECT COUNT(*) AS n FROM ding').get() as { n: number }).n).toBe(2);
    } finally {
      ander.close();
    }
  });

  it('rolls back every statement of a transaction that fails, and passes the error on', async () => {
    await sql.voer("INSERT INTO ding (naam) VALUES ('bestond')");
    const fout = sql.transactie(async (tx) => {
      await tx.voer("INSERT INTO ding (naam) VALUES ('a')");
      await tx.voer("UPDATE ding SET naam = 'veranderd' WHERE naam = 'bestond'");
      await tx.voer("INSERT INTO ding (naam) VALUES ('a')"); // UNIQUE
    });
    // Not toThrow: better-sqlite3's native part keeps the SqliteError of the first test file that loaded it in this
    // worker, an Error of another realm that toThrow on a rejection does not recognise as an error.
    await expect(fout).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE', message: expect.stringMatching(/UNIQUE/) });
    expect(await sql.alle<{ naam: string }>('SELECT naam FROM ding ORDER BY id')).toEqual([{ naam: 'bestond' }]);
    // The connection is usable afterwards: the next transaction commits.
    await sql.transactie((tx) => tx.voer("INSERT INTO ding (naam) VALUES ('daarna')"));
    expect(await aantal()).toBe(2);
  });

  it('runs two concurrent transactions one after the other', async () => {
    const log: string[] = [];
    const werk = (naam: string) => async (tx: Sql) => {
      log.push(`${naam} begin`);
      const voor = await aantal(tx);
      await tik();
      await tik();
      await tx.voer('INSERT INTO ding (naam) VALUES (?)', [`${naam}${voor}`]);
      log.push(`${naam} eind`);
    };
    await Promise.all([sql.transactie(werk('a')), sql.transactie(werk('b')), sql.lees(async (tx) => log.push(`lees ${await aantal(tx)}`))]);
    expect(log).toEqual(['a begin', 'a eind', 'b begin', 'b eind', 'lees 2']);
    // Each saw the other's row only after it had committed: no lost count.
    expect((await sql.alle<{ naam: string }>('SELECT naam FROM ding ORDER BY id')).map((r) => r.naam)).toEqual(['a0', 'b1']);
  });

  it('lets a transactie or lees inside a transactie join it: one commit, or one rollback of all', async () => {
    const r = await sql.transactie(async (tx) => {
      await tx.voer("INSERT INTO ding (naam) VALUES ('buiten')");
      const binnen = await tx.transactie(async (tx2) => {
        expect(tx2.inTransactie).toBe(true);
        await tx2.voer("INSERT INTO ding (naam) VALUES ('binnen')");
        return 'binnen klaar';
      });
      const gelezen = await tx.lees(aantal);
      return { binnen, gelezen };
    });
    expect(r).toEqual({ binnen: 'binnen klaar', gelezen: 2 });

    await expect(
      sql.transactie(async (tx) => {
        await tx.transactie((tx2) => tx2.voer("INSERT INTO ding (naam) VALUES ('weg')"));
        throw new Error('buiten faalt');
      }),
    ).rejects.toThrow('buiten faalt');
    expect(await aantal()).toBe(2);
    expect(await sql.een("SELECT 1 AS n FROM ding WHERE naam = 'weg'")).toBeUndefined();
  });

  it('does not count work that outlives its transaction as inside the next one', async () => {
    const later = grendel();
    let nagelaten: Promise<number> | undefined;
    await sql.transactie(async (tx) => {
      await tx.voer("INSERT INTO ding (naam) VALUES ('eerste')");
      // Started inside with the transaction's Sql, not awaited: it runs after the commit, when that Sql is closed.
      nagelaten = later.dicht.then(() => aantal(tx));
    });
    const g = grendel();
    const tweede = sql.transactie(async (tx) => {
      await tx.voer("INSERT INTO ding (naam) VALUES ('tweede')");
      later.open();
      await tik();
      await tik();
      await g.dicht;
      throw new Error('tweede faalt');
    });
    await tik();
    g.open();
    await expect(tweede).rejects.toThrow('tweede faalt');
    // It waited for the second transaction instead of reading its row that was then rolled back.
    expect(await nagelaten).toBe(1);
  });

  it('starts a new transaction for a transactie on the Sql of one that has ended, instead of joining', async () => {
    let oud!: Sql;
    await sql.transactie(async (tx) => {
      oud = tx;
      await tx.voer("INSERT INTO ding (naam) VALUES ('eerste')");
    });
    expect(oud.inTransactie).toBe(false);
    // Another transaction is open: the one on the ended Sql waits for it rather than running inside it.
    const g = grendel();
    const log: string[] = [];
    const ander = sql.transactie(async (tx) => {
      await tx.voer("INSERT INTO ding (naam) VALUES ('ander')");
      await g.dicht;
      log.push('ander eind');
      throw new Error('ander faalt');
    });
    await tik();
    const nieuw = oud.transactie(async (tx) => {
      log.push('nieuw begin');
      expect(tx).not.toBe(oud);
      expect(tx.inTransactie).toBe(true);
      await tx.voer("INSERT INTO ding (naam) VALUES ('nieuw')");
      return aantal(tx);
    });
    await tik();
    expect(log).toEqual([]);
    g.open();
    await expect(ander).rejects.toThrow('ander faalt');
    // Its own commit: the other transaction's rollback did not take its row along.
    expect(await nieuw).toBe(2);
    expect(log).toEqual(['ander eind', 'nieuw begin']);
    expect((await sql.alle<{ naam: string }>('SELECT naam FROM ding ORDER BY id')).map((r) => r.naam)).toEqual(['eerste', 'nieuw']);
  });

  it('returns the id of a new row through INSERT ... RETURNING, and changed-row counts from voer', async () => {
    const a = await sql.een<{ id: number }>("INSERT INTO ding (naam) VALUES ('a') RETURNING id");
    const b = await sql.transactie((tx) => tx.een<{ id: number }>("INSERT INTO ding (naam) VALUES ('b') RETURNING id"));
    expect([a?.id, b?.id]).toEqual([1, 2]);
    expect(await sql.voer("INSERT INTO ding (naam) VALUES ('a') ON CONFLICT (naam) DO NOTHING")).toBe(0);
    expect(await sql.voer("UPDATE ding SET naam = naam || '!'")).toBe(2);
  });
});
