// What `migreer` may say when it fails: its own refusals as they are, and a driver's error reduced to what holds no
// personal data and no password. A PostgreSQL error about a row (a key that exists, a value that does not fit)
// quotes the row's values in its message and detail, so of those only the SQLSTATE and the names of table,
// column and constraint are kept; errors about the connection, the login or the database itself keep their message
// (the caller masks the URL's password in them).

/** A refusal or failure whose message is safe to print as it is. */
export class MigratieFout extends Error {}

/** SQLSTATE classes whose messages name no row values: connection, authorisation, catalogue, resources, operator. */
const MELDING_VEILIG = new Set(['08', '28', '3D', '3F', '53', '57', '58']);

interface PgFout {
  code?: unknown;
  table?: unknown;
  column?: unknown;
  constraint?: unknown;
  message?: unknown;
}

export function veiligeMelding(e: unknown): string {
  if (e instanceof MigratieFout) return e.message;
  const f = (e ?? {}) as PgFout;
  const code = typeof f.code === 'string' ? f.code : '';
  if (/^[0-9A-Z]{5}$/.test(code) && !MELDING_VEILIG.has(code.slice(0, 2))) {
    const namen = [
      typeof f.table === 'string' ? `tabel ${f.table}` : '',
      typeof f.column === 'string' ? `kolom ${f.column}` : '',
      typeof f.constraint === 'string' ? `constraint ${f.constraint}` : '',
    ].filter(Boolean);
    return `PostgreSQL-fout ${code}${namen.length ? ` (${namen.join(', ')})` : ''}`;
  }
  return String(f.message ?? e);
}
