// HTTP basic passwords: the `scrypt:<zout>:<hash>` form the configuration holds (command `wachtwoord`), and the
// check of a presented password that takes as long for an unknown user name as for a known one.
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const HASH_BYTES = 32;
const ZOUT_BYTES = 16;

export interface BasicRegistratie {
  wachtwoord?: string;
  wachtwoordHash?: string;
}

/** scrypt in libuv's thread pool: some 35 ms of work that would otherwise stop every other request. */
const scryptBuiten = (wachtwoord: string, zout: Buffer, lengte: number) =>
  new Promise<Buffer>((klaar, mislukt) => scrypt(wachtwoord, zout, lengte, (e, sleutel) => (e ? mislukt(e) : klaar(sleutel))));

/** `scrypt:<zout>:<hash>` (hex) for the configuration. */
export async function hashWachtwoord(wachtwoord: string): Promise<string> {
  const zout = randomBytes(ZOUT_BYTES);
  return `scrypt:${zout.toString('hex')}:${(await scryptBuiten(wachtwoord, zout, HASH_BYTES)).toString('hex')}`;
}

/**
 * What is wrong with a configured hash, or undefined. A hash of a few bits would let almost any password in (an
 * empty one: every password), so a short salt or hash is a configuration error, not a weak login.
 */
export function hashFout(wachtwoordHash: string): string | undefined {
  const [soort, zout = '', hash = ''] = wachtwoordHash.split(':');
  if (soort !== 'scrypt' || !/^[0-9a-f]*$/.test(zout + hash)) return 'heeft niet de vorm scrypt:<zout>:<hash> (hexadecimaal)';
  if (zout.length % 2 !== 0 || hash.length % 2 !== 0) return 'zout en hash hebben een even aantal hexcijfers';
  if (zout.length < 16) return 'het zout is korter dan 8 bytes; maak de hash opnieuw met `node dist/main.js wachtwoord`';
  if (hash.length < 32) return 'de hash is korter dan 16 bytes; maak de hash opnieuw met `node dist/main.js wachtwoord`';
  return undefined;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Whether the presented password is the registered one; constant-time in the password, scrypt off the event loop. */
export async function wachtwoordPast(b: BasicRegistratie, wachtwoord: string): Promise<boolean> {
  // Compared as digests: equal lengths for timingSafeEqual, and the length of the secret does not show.
  if (b.wachtwoord !== undefined) return timingSafeEqual(sha256(b.wachtwoord), sha256(wachtwoord));
  const [, zout, hash] = b.wachtwoordHash!.split(':');
  const verwacht = Buffer.from(hash, 'hex');
  return timingSafeEqual(await scryptBuiten(wachtwoord, Buffer.from(zout, 'hex'), verwacht.length), verwacht);
}

const LOKZOUT = randomBytes(ZOUT_BYTES);

/** The work of one scrypt check for a user name nobody has, so that answer time does not tell which names exist. */
export async function doeAlsOfWachtwoordGecontroleerd(wachtwoord: string): Promise<void> {
  await scryptBuiten(wachtwoord, LOKZOUT, HASH_BYTES);
}
