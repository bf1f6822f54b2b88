// `migreer`: copies a gateway's SQLite database into an empty PostgreSQL database of the same schema version, and
// verifies the copy before it commits.
//
// Which tables: the ones the SQLite file itself lists (sqlite_master), so a new migration's table is copied without
// anyone keeping a list; the target must have exactly these tables with exactly these columns, or nothing is copied.
// How: in foreign-key order (read from the target's constraints), rows in batches of at most BATCH_RIJEN rows and
// BATCH_BYTES bytes (a few content blocks at a time), ids as they were; then every identity sequence is set past the
// highest copied id. Then both sides are read again, in primary-key order, and counted and hashed (migreerHash.ts).
// All of it is one PostgreSQL transaction that commits only when every table's count and hash agree: a failure,
// or a copy that does not verify, leaves the target as empty as it was.
import { Pool, PoolClient, types } from 'pg';
import { SCHEMA_VERSIE } from './migraties';
import { MIGRATIES_POSTGRES, migreerPostgres } from './postgresSchema';
import { BronTabel, ident, selectieSql, SqliteBron } from './migreerBron';
import { MigratieFout } from './migreerFout';
import { metVerbinding } from './pgVerbinding';
import { TabelHash } from './migreerHash';

const BATCH_RIJEN = 1000;
const BATCH_BYTES = 4 * 1024 * 1024;
const CURSOR = 'migreer_lezen';

export interface TabelVerslag {
  naam: string;
  bron: number;
  doel: number;
  bronHash: string;
  doelHash: string;
}

export interface MigratieVerslag {
  versie: number;
  tabellen: TabelVerslag[];
  /** Every table's count and hash agree; only then was the copy committed. */
  geverifieerd: boolean;
}

interface DoelKolom {
  naam: string;
  identiteit: boolean;
}

export const CODE_VERSIE = SCHEMA_VERSIE;

/** What node-postgres gives for a column: bytea as a Buffer, everything else as the text PostgreSQL sent. */
const ALS_TEKST = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === types.builtins.BYTEA ? types.getTypeParser(oid, format ?? 'text') : (v: string) => v,
};

/** A value as a query parameter: integers as decimal text (exact, whatever the column's width). */
function parameter(w: unknown): unknown {
  if (typeof w === 'bigint') return w.toString();
  return w;
}

const grootte = (w: unknown): number => (Buffer.isBuffer(w) ? w.length : typeof w === 'string' ? w.length : 8);

export async function migreer(bronPad: string, doelUrl: string, meld: (regel: string) => void): Promise<MigratieVerslag> {
  const pgVersie = MIGRATIES_POSTGRES[MIGRATIES_POSTGRES.length - 1].versie;
  if (pgVersie !== CODE_VERSIE) {
    throw new MigratieFout(`deze gateway heeft SQLite-schemaversie ${CODE_VERSIE} maar PostgreSQL-schemaversie ${pgVersie}: migreren kan pas als ze gelijk zijn`);
  }
  const bron = SqliteBron.open(bronPad);
  try {
    const versie = bron.versie();
    if (versie === undefined) throw new MigratieFout(`--van: '${bronPad}' is geen database van de gateway (er is geen tabel schema_versie)`);
    if (versie !== CODE_VERSIE) {
      throw new MigratieFout(
        `--van: de database heeft schemaversie ${versie}, deze gateway ${CODE_VERSIE}` +
          (versie < CODE_VERSIE ? '; start de gateway (deze versie) eenmaal op het SQLite-bestand, dan migreert het, en migreer daarna' : '; gebruik de gateway-versie die het bestand schreef'),
      );
    }
    const pool = new Pool({ connectionString: doelUrl, max: 2, application_name: 'zds-gateway migreer', connectionTimeoutMillis: 15_000, types: ALS_TEKST });
    pool.on('error', () => {}); // an idle connection's error: the active query fails on its own and says why
    try {
      await metEigenVerbinding(pool, async (client) => weigerGevuld(client, (await bestaandeTabellen(client)).filter((t) => t !== 'schema_versie')));
      await migreerPostgres(pool);
      return await metEigenVerbinding(pool, (client) => kopieer(bron, client, versie, meld));
    } finally {
      await pool.end();
    }
  } finally {
    bron.sluit();
  }
}

async function bestaandeTabellen(client: PoolClient): Promise<string[]> {
  const r = await client.query<{ naam: string }>("SELECT tablename AS naam FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename");
  return r.rows.map((x) => x.naam);
}

/** Refuses a target in which any table holds a row, naming the first. */
async function weigerGevuld(client: PoolClient, tabellen: string[]): Promise<void> {
  for (const t of tabellen) {
    const r = await client.query(`SELECT 1 FROM ${ident(t)} LIMIT 1`);
    if (r.rowCount) throw new MigratieFout(`--naar: de database is niet leeg (tabel ${t} heeft rijen); migreer naar een nieuwe, lege database`);
  }
}

async function doelKolommen(client: PoolClient): Promise<Map<string, DoelKolom[]>> {
  const r = await client.query<{ tabel: string; naam: string; identiteit: string }>(
    `SELECT table_name AS tabel, column_name AS naam, is_identity AS identiteit
       FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  const m = new Map<string, DoelKolom[]>();
  for (const k of r.rows) m.set(k.tabel, [...(m.get(k.tabel) ?? []), { naam: k.naam, identiteit: k.identiteit === 'YES' }]);
  return m;
}

/** The same tables with the same columns on both sides, or a message naming every difference. */
function vergelijkSchema(tabellen: BronTabel[], doel: Map<string, DoelKolom[]>): void {
  const verschillen: string[] = [];
  const bronNamen = new Set(tabellen.map((t) => t.naam));
  for (const t of tabellen) {
    const d = doel.get(t.naam);
    if (!d) {
      verschillen.push(`tabel ${t.naam} ontbreekt in PostgreSQL`);
      continue;
    }
    const dNamen = new Set(d.map((k) => k.naam));
    for (const k of t.kolommen) if (!dNamen.has(k)) verschillen.push(`kolom ${t.naam}.${k} ontbreekt in PostgreSQL`);
    for (const k of dNamen) if (!t.kolommen.includes(k)) verschillen.push(`kolom ${t.naam}.${k} ontbreekt in SQLite`);
  }
  for (const naam of doel.keys()) if (naam !== 'schema_versie' && !bronNamen.has(naam)) verschillen.push(`tabel ${naam} ontbreekt in SQLite`);
  if (verschillen.length) throw new MigratieFout(`de schema's verschillen bij dezelfde versie: ${verschillen.join('; ')}`);
}

/** The tables with every table after the ones it refers to (the target's foreign keys). */
async function inVolgorde(client: PoolClient, tabellen: BronTabel[]): Promise<BronTabel[]> {
  const r = await client.query<{ tabel: string; verwijst: string }>(
    `SELECT c.relname AS tabel, p.relname AS verwijst
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
      WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace`,
  );
  const naar = new Map<string, Set<string>>();
  for (const { tabel, verwijst } of r.rows) if (tabel !== verwijst) naar.set(tabel, (naar.get(tabel) ?? new Set()).add(verwijst));
  const volgorde: BronTabel[] = [];
  const klaar = new Set<string>();
  let over = [...tabellen];
  while (over.length) {
    const nu = over.filter((t) => [...(naar.get(t.naam) ?? [])].every((v) => klaar.has(v)));
    if (!nu.length) throw new MigratieFout(`de verwijzingen tussen ${over.map((t) => t.naam).join(', ')} zijn rond: geen volgorde om te kopiëren`);
    for (const t of nu) {
      volgorde.push(t);
      klaar.add(t.naam);
    }
    over = over.filter((t) => !klaar.has(t.naam));
  }
  return volgorde;
}

/**
 * One pooled connection for `werk` (its errors heard: pgVerbinding.ts). After any failure the connection is dropped,
 * not reused: the command is ending, and a connection whose rollback failed must not go back to the pool.
 */
function metEigenVerbinding<T>(pool: Pool, werk: (client: PoolClient) => Promise<T>): Promise<T> {
  return metVerbinding(pool, async (v) => {
    try {
      return await werk(v.client);
    } catch (e) {
      v.kapot ??= e as Error;
      throw e;
    }
  });
}

async function kopieer(bron: SqliteBron, client: PoolClient, versie: number, meld: (regel: string) => void): Promise<MigratieVerslag> {
  const doelVersie = Number((await client.query<{ v: string | null }>('SELECT MAX(versie) AS v FROM schema_versie')).rows[0].v ?? 0);
  if (doelVersie !== versie) throw new MigratieFout(`--naar: de database heeft schemaversie ${doelVersie}, de bron ${versie}`);
  const tabellen = bron.tabellen();
  const kolommen = await doelKolommen(client);
  vergelijkSchema(tabellen, kolommen);
  const volgorde = await inVolgorde(client, tabellen);

  await client.query('BEGIN');
  try {
    // Nothing else writes these tables until the copy has committed (a gateway started on the target meanwhile waits).
    await client.query(`LOCK TABLE ${volgorde.map((t) => ident(t.naam)).join(', ')} IN EXCLUSIVE MODE`);
    await weigerGevuld(client, volgorde.map((t) => t.naam));
    const bronHashes = new Map<string, TabelHash>();
    bron.beginLezen();
    try {
      for (const t of volgorde) {
        bronHashes.set(t.naam, await kopieerTabel(bron, client, t, kolommen.get(t.naam)!));
        const n = bronHashes.get(t.naam)!.aantal;
        meld(`${t.naam}: ${n} ${n === 1 ? 'rij' : 'rijen'} gekopieerd`);
      }
    } finally {
      bron.eindeLezen();
    }
    for (const t of volgorde) await zetReeksen(client, t.naam, kolommen.get(t.naam)!);
    const verslag: TabelVerslag[] = [];
    for (const t of volgorde) {
      const doel = await doelHash(client, t);
      const b = bronHashes.get(t.naam)!;
      verslag.push({ naam: t.naam, bron: b.aantal, doel: doel.aantal, bronHash: b.hex(), doelHash: doel.hex() });
    }
    const geverifieerd = verslag.every((v) => v.bron === v.doel && v.bronHash === v.doelHash);
    await client.query(geverifieerd ? 'COMMIT' : 'ROLLBACK');
    return { versie, tabellen: verslag, geverifieerd };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined); // a connection that cannot is dropped by metVerbinding
    throw e;
  }
}

async function kopieerTabel(bron: SqliteBron, client: PoolClient, t: BronTabel, doel: DoelKolom[]): Promise<TabelHash> {
  const hash = new TabelHash();
  const overschrijf = doel.some((k) => k.identiteit) ? ' OVERRIDING SYSTEM VALUE' : '';
  const kop = `INSERT INTO ${ident(t.naam)} (${t.kolommen.map(ident).join(', ')})${overschrijf} VALUES `;
  let batch: unknown[][] = [];
  let bytes = 0;
  const schrijf = async () => {
    if (!batch.length) return;
    const n = t.kolommen.length;
    const rijen = batch.map((_, r) => `(${t.kolommen.map((_k, c) => `$${r * n + c + 1}`).join(', ')})`);
    try {
      await client.query(kop + rijen.join(', '), batch.flat().map(parameter));
    } catch (e) {
      throw Object.assign(e as Error, { table: (e as { table?: string }).table ?? t.naam });
    }
    batch = [];
    bytes = 0;
  };
  for (const rij of bron.rijen(t)) {
    hash.rij(rij);
    batch.push(rij);
    bytes += rij.reduce<number>((s, w) => s + grootte(w), 0);
    if (batch.length >= BATCH_RIJEN || bytes >= BATCH_BYTES) await schrijf();
  }
  await schrijf();
  return hash;
}

/** Every identity column's sequence continues after the highest copied value (or at 1 for an empty table). */
async function zetReeksen(client: PoolClient, tabel: string, kolommen: DoelKolom[]): Promise<void> {
  for (const k of kolommen.filter((x) => x.identiteit)) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE(MAX(${ident(k.naam)}), 0) + 1, false) FROM ${ident(tabel)}`,
      [ident(tabel), k.naam],
    );
  }
}

/** The target's rows read back through a cursor, a batch at a time sized to stay near BATCH_BYTES. */
async function doelHash(client: PoolClient, t: BronTabel): Promise<TabelHash> {
  const hash = new TabelHash();
  await client.query(`DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${selectieSql(t)}`);
  // The first batch is one row: a table of content blocks must not arrive a thousand blocks at once.
  let aantal = 1;
  for (;;) {
    const r = await client.query<unknown[]>({ text: `FETCH ${aantal} FROM ${CURSOR}`, rowMode: 'array' });
    if (!r.rows.length) break;
    let bytes = 0;
    for (const rij of r.rows) {
      hash.rij(rij);
      bytes += rij.reduce<number>((s, w) => s + grootte(w), 0);
    }
    aantal = Math.max(1, Math.min(BATCH_RIJEN, Math.floor(BATCH_BYTES / Math.max(1, bytes / r.rows.length))));
  }
  // Not in a finally: after a failed FETCH the transaction refuses every statement, and the rollback closes it.
  await client.query(`CLOSE ${CURSOR}`);
  return hash;
}
