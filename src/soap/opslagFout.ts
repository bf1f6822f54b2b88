// Which errors say the database is away for a moment rather than that the gateway is wrong: the sender should offer
// the message again later (StUF046/StUF049), and is told only the error's code, never where the database lives.

/** PostgreSQL SQLSTATE classes and codes for a database that cannot serve now (appendix A of its manual). */
const POSTGRES_KLASSEN = new Set([
  '08', // connection exception: the connection failed or broke
  '53', // insufficient resources: too many connections, disk full, out of memory
]);
const POSTGRES_CODES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or in recovery
  '40001', // serialization_failure, still there after the store's own retries
  '40P01', // deadlock_detected
]);

/** Errors of the socket beneath the driver: the database host did not answer or went away. */
const NETWERK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * node-postgres (pg 8, pg-pool 3) reports a connection that broke or could not be had from the pool without a code,
 * by these messages only.
 */
const POSTGRES_VERBINDING = /^(Connection terminated( unexpectedly| due to connection timeout)?|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable|Query read timeout)$/;

/** What to name when the store is temporarily unavailable (the error's code), else undefined. */
export function tijdelijkeOpslagfout(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null | undefined)?.code;
  if (code === undefined && e instanceof Error && POSTGRES_VERBINDING.test(e.message)) return 'geen verbinding';
  if (typeof code !== 'string') return undefined;
  if (code.startsWith('SQLITE_')) return code;
  if (/^[0-9A-Z]{5}$/.test(code) && (POSTGRES_KLASSEN.has(code.slice(0, 2)) || POSTGRES_CODES.has(code))) return code;
  if (NETWERK_CODES.has(code)) return code;
  return undefined;
}
