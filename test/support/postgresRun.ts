// Which run of the suite this is (jest.config.js): the SQLite run, or the PostgreSQL run (ZDS_TEST_DATABASE=postgres)
// in which every test gateway gets a fresh database on the cluster globalSetup started. For test files only: the
// markers below need jest's globals.

export const OP_POSTGRES = process.env.ZDS_TEST_DATABASE === 'postgres';

/** For what only SQLite has (Store.open on a file, reading the file, DATABASE_PATH): skipped in the PostgreSQL run. */
export const alleenSqlite: jest.Describe = OP_POSTGRES ? describe.skip : describe;
export const itAlleenSqlite: jest.It = OP_POSTGRES ? it.skip : it;

/** The superuser URL of the PostgreSQL run's cluster, started by globalSetup (or given: ZDS_TEST_POSTGRES_URL). */
export function postgresBeheerUrl(): string {
  const url = process.env.ZDS_TEST_POSTGRES_URL;
  if (!url) throw new Error('ZDS_TEST_DATABASE=postgres, maar er is geen cluster: ZDS_TEST_POSTGRES_URL is niet gezet (globalSetup start het)');
  return url;
}
