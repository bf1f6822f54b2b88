// HTTP basic passwords: the hash the configuration holds (command `wachtwoord`), and the check of a presented
// password that takes as long for an unknown user name as for a known one.
//
// Two forms are read. The current one carries its own parameters, PHC style, so that raising them later does not
// break hashes made earlier: `$scrypt$ln=17,r=8,p=1$<zout base64>$<hash base64>` (N = 2^ln; OWASP's minimum for
// scrypt is N=2^17, r=8, p=1). The older `scrypt:<zout hex>:<hash hex>` was made with Node's defaults
// (N=2^14, r=8, p=1) and keeps working.
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';

const HASH_BYTES = 32;
const ZOUT_BYTES = 16;

export interface BasicRegistratie {
  wachtwoord?: string;
  wachtwoordHash?: string;
}

export interface ScryptParameters {
  /** log2 of N, the CPU/memory cost. */
  ln: number;
  r: number;
  p: number;
}

/** What `wachtwoord` makes now. */
export const STANDAARD_PARAMETERS: ScryptParameters = { ln: 17, r: 8, p: 1 };
/** What the older `scrypt:` form was made with (Node's scrypt defaults). */
const OUDE_PARAMETERS: ScryptParameters = { ln: 14, r: 8, p: 1 };
/** Above this a configured hash would take seconds and gigabytes per login: a mistake, not a choice. */
const MAX_LN = 20;
const MAX_R = 32;
const MAX_P = 16;

/** scrypt needs 128·N·r·p bytes; Node refuses more than maxmem (default 32 MiB, too little for N=2^17). */
const geheugen = (q: ScryptParameters) => 128 * 2 ** q.ln * q.r * q.p;

export interface GelezenHash {
  parameters: ScryptParameters;
  zout: Buffer;
  hash: Buffer;
}

/** Counts what the KDF does: tests observe the cache through it (how many times scrypt ran), not through timing. */
export type KdfWaarnemer = (parameters: ScryptParameters) => void;
let waarnemer: KdfWaarnemer | undefined;
export function zetKdfWaarnemer(w: KdfWaarnemer | undefined): void {
  waarnemer = w;
}

/**
 * At most this many scrypt runs at once, the rest wait their turn: off the event loop is not enough when the runs
 * take every core (and 128 MiB each), so one core stays free for the requests of clients that are logged in.
 */
const GELIJKTIJDIG = Math.max(1, availableParallelism() - 1);
let bezig = 0;
const wachtrij: (() => void)[] = [];

async function beurt<T>(werk: () => Promise<T>): Promise<T> {
  if (bezig >= GELIJKTIJDIG) await new Promise<void>((r) => wachtrij.push(r));
  else bezig++;
  try {
    return await werk();
  } finally {
    const volgende = wachtrij.shift();
    if (volgende) volgende(); // the turn passes on: bezig stays as it is
    else bezig--;
  }
}

/** scrypt in libuv's thread pool: hundreds of milliseconds of work that would otherwise stop every other request. */
function scryptBuiten(wachtwoord: string, zout: Buffer, lengte: number, q: ScryptParameters): Promise<Buffer> {
  waarnemer?.(q);
  const opties = { N: 2 ** q.ln, r: q.r, p: q.p, maxmem: geheugen(q) + 1024 * 1024 };
  return beurt(() => new Promise<Buffer>((klaar, mislukt) => scrypt(wachtwoord, zout, lengte, opties, (e, sleutel) => (e ? mislukt(e) : klaar(sleutel)))));
}

const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');

/** `$scrypt$ln=17,r=8,p=1$<zout>$<hash>` (base64 without padding) for the configuration. */
export async function hashWachtwoord(wachtwoord: string, q: ScryptParameters = STANDAARD_PARAMETERS): Promise<string> {
  const zout = randomBytes(ZOUT_BYTES);
  const hash = await scryptBuiten(wachtwoord, zout, HASH_BYTES, q);
  return `$scrypt$ln=${q.ln},r=${q.r},p=${q.p}$${b64(zout)}$${b64(hash)}`;
}

const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;
const OUD = /^scrypt:([0-9a-f]*):([0-9a-f]*)$/;
const OPNIEUW = 'maak de hash opnieuw met `node dist/main.js wachtwoord`';

/** A configured hash read, or what is wrong with it. */
export function leesHash(wachtwoordHash: string): GelezenHash | string {
  const oud = OUD.exec(wachtwoordHash);
  if (oud) {
    const [, zout, hash] = oud;
    if (zout.length % 2 !== 0 || hash.length % 2 !== 0) return 'zout en hash hebben een even aantal hexcijfers';
    return controleer({ parameters: OUDE_PARAMETERS, zout: Buffer.from(zout, 'hex'), hash: Buffer.from(hash, 'hex') });
  }
  const phc = PHC.exec(wachtwoordHash);
  if (!phc) return 'heeft niet de vorm $scrypt$ln=<n>,r=<r>,p=<p>$<zout>$<hash> (base64), of de oudere scrypt:<zout>:<hash> (hexadecimaal)';
  const [ln, r, p] = [Number(phc[1]), Number(phc[2]), Number(phc[3])];
  if (ln < OUDE_PARAMETERS.ln || ln > MAX_LN) return `ln=${ln} ligt niet tussen ${OUDE_PARAMETERS.ln} en ${MAX_LN}; ${OPNIEUW}`;
  if (r < 1 || r > MAX_R) return `r=${r} ligt niet tussen 1 en ${MAX_R}`;
  if (p < 1 || p > MAX_P) return `p=${p} ligt niet tussen 1 en ${MAX_P}`;
  return controleer({ parameters: { ln, r, p }, zout: Buffer.from(phc[4], 'base64'), hash: Buffer.from(phc[5], 'base64') });
}

/** A hash of a few bits would let almost any password in (an empty one: every password): a configuration error. */
function controleer(h: GelezenHash): GelezenHash | string {
  if (h.zout.length < 8) return `het zout is korter dan 8 bytes; ${OPNIEUW}`;
  if (h.hash.length < 16) return `de hash is korter dan 16 bytes; ${OPNIEUW}`;
  return h;
}

/** What is wrong with a configured hash, or undefined. */
export function hashFout(wachtwoordHash: string): string | undefined {
  const h = leesHash(wachtwoordHash);
  return typeof h === 'string' ? h : undefined;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Whether the presented password is the registered one; constant-time in the password, scrypt off the event loop. */
export async function wachtwoordPast(b: BasicRegistratie, wachtwoord: string): Promise<boolean> {
  // Compared as digests: equal lengths for timingSafeEqual, and the length of the secret does not show.
  if (b.wachtwoord !== undefined) return timingSafeEqual(sha256(b.wachtwoord), sha256(wachtwoord));
  const h = leesHash(b.wachtwoordHash!);
  if (typeof h === 'string') return false; // refused at start-up (Toegangsregister); never a way in
  return timingSafeEqual(await scryptBuiten(wachtwoord, h.zout, h.hash.length, h.parameters), h.hash);
}

const LOKZOUT = randomBytes(ZOUT_BYTES);

/**
 * The work of one scrypt check for a user name nobody has, so that answer time does not tell which names exist.
 * With the parameters `wachtwoord` makes now: an application still on an old hash answers a little faster.
 */
export async function doeAlsOfWachtwoordGecontroleerd(wachtwoord: string): Promise<void> {
  await scryptBuiten(wachtwoord, LOKZOUT, HASH_BYTES, STANDAARD_PARAMETERS);
}
