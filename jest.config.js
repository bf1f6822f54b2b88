// Two runs of one suite (npm test): everything on SQLite, then, with ZDS_TEST_DATABASE=postgres, the integration
// tests again with every test gateway on a fresh database of a throwaway PostgreSQL cluster (test/support/postgres.ts,
// started by globalSetup). Each test file's result line names the backend (displayName).
const { existsSync, readdirSync } = require('node:fs');
const { delimiter, join } = require('node:path');
const { spawnSync } = require('node:child_process');

/**
 * Where initdb and pg_ctl are (ZDS_PG_BIN, PATH, or Debian's /usr/lib/postgresql/<newest>/bin), or why they cannot
 * be used. Exported to the tests as ZDS_PG_BIN / ZDS_PG_ONTBREEKT, so that this is decided in one place.
 */
function postgresBinaries() {
  const kandidaten = [
    process.env.ZDS_PG_BIN,
    ...(process.env.PATH ?? '').split(delimiter),
    ...(existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .filter((v) => /^\d+$/.test(v))
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ].filter(Boolean);
  const bin = kandidaten.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
  if (!bin) return { ontbreekt: 'initdb en pg_ctl niet gevonden (Debian: apt-get install postgresql; of zet ZDS_PG_BIN)' };
  // PostgreSQL refuses to run as root; the cluster then runs as the postgres user the Debian package creates.
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) {
    return { ontbreekt: 'de tests draaien als root en er is geen gebruiker postgres om het cluster onder te draaien' };
  }
  return { bin };
}

// Every test, and every gateway a test starts, checks that no code inside a transaction reaches the database around
// it (src/store/transactiecontrole.ts); off in production, where it would cost on every promise.
process.env.ZDS_TRANSACTIECONTROLE ??= 'aan';

const pg = postgresBinaries();
if (pg.bin) process.env.ZDS_PG_BIN = pg.bin;
else process.env.ZDS_PG_ONTBREEKT = pg.ontbreekt;

const postgresRun = process.env.ZDS_TEST_DATABASE === 'postgres';
// An external server (ZDS_TEST_POSTGRES_URL) needs no binaries of our own.
const overslaan = postgresRun && !pg.bin && !process.env.ZDS_TEST_POSTGRES_URL;
if (overslaan) process.stdout.write(`\nPostgreSQL-run: OVERGESLAGEN — ${pg.ontbreekt}\n\n`);

/** @type {import('jest').Config} */
module.exports = {
  displayName: postgresRun ? 'postgres' : 'sqlite',
  testEnvironment: 'node',
  roots: [postgresRun ? '<rootDir>/test/integration' : '<rootDir>/test'],
  // Skipped: a pattern nothing matches (an empty list would mean jest's default, everything).
  testMatch: overslaan ? ['**/overgeslagen-zonder-postgresql'] : ['**/*.test.ts'],
  passWithNoTests: overslaan,
  transform: {
    // Type checking is done once by `tsc --noEmit` in `npm test`; jest only transpiles.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  testTimeout: 60000,
  // A suite whose afterAll fails half-way (a failed log check in gw.sluit) may leave a server or receiver open; that
  // must fail the run, not hold CI until its time limit. Jest still warns about the open handle.
  forceExit: true,
};
