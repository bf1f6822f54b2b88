// StUF dates and timestamps. On the wire everything is Dutch local time (Europe/Amsterdam) without a zone;
// we store timestamps as UTC instants (plus the precision they came with) so that nothing shifts a day.
import { schemaFout } from './fout';

/** A StUF:Tijdstip as stored: the UTC instant in ISO form and the number of digits it was given with. */
export interface Tijdstip {
  utc: string;
  digits: number;
}

const HOUR = 3_600_000;

/** Last Sunday of a month, at 01:00 UTC: the EU switch moment (in force since 1996, harmonised in 1981). */
function lastSundayUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const sunday = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, month, sunday, 1);
}

/** First Sunday of a month at 01:00 UTC: the start of summer time 1977-1980. */
function firstSundayUtc(year: number, month: number): number {
  const first = new Date(Date.UTC(year, month, 1));
  return Date.UTC(year, month, 1 + ((7 - first.getUTCDay()) % 7), 1);
}

/** Date.UTC without its quirk of reading years 0-99 as 1900-1999 (a tijdstip '00240115' is not in 1924). */
function utcVan(y: number, mo0: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const t = new Date(0);
  t.setUTCFullYear(y, mo0, d);
  t.setUTCHours(h, mi, s, ms);
  return t.getTime();
}

/** Offset of Europe/Amsterdam at a UTC instant, in ms. Pure arithmetic: this runs on every message. */
export function amsterdamOffsetAt(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  if (year < 1977) return HOUR; // no summer time in the Netherlands between 1946 and 1977
  // The EU rules as in the tz database: April starts until 1980, end of September until 1995 (1978: 1 October).
  const start = year <= 1980 ? firstSundayUtc(year, 3) : lastSundayUtc(year, 2);
  const end = year === 1978 ? Date.UTC(1978, 9, 1, 1) : year < 1996 ? lastSundayUtc(year, 8) : lastSundayUtc(year, 9);
  return utcMs >= start && utcMs < end ? 2 * HOUR : HOUR;
}

/** UTC instant of a local Amsterdam wall-clock time (ambiguous autumn hour resolves to summer time). */
export function amsterdamLocalToUtc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  const asUtc = utcVan(y, mo - 1, d, h, mi, s, ms);
  const summer = asUtc - 2 * HOUR;
  if (amsterdamOffsetAt(summer) === 2 * HOUR) return summer;
  return asUtc - HOUR;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** The 17-digit local representation of an instant: yyyyMMddHHmmssSSS. */
export function formatAmsterdam(utcMs: number, digits = 17): string {
  const local = new Date(utcMs + amsterdamOffsetAt(utcMs));
  const full =
    pad(local.getUTCFullYear(), 4) +
    pad(local.getUTCMonth() + 1, 2) +
    pad(local.getUTCDate(), 2) +
    pad(local.getUTCHours(), 2) +
    pad(local.getUTCMinutes(), 2) +
    pad(local.getUTCSeconds(), 2) +
    pad(local.getUTCMilliseconds(), 3);
  return full.slice(0, Math.max(8, Math.min(17, digits)));
}

export function nuTijdstip(now = Date.now()): string {
  return formatAmsterdam(now, 17);
}

/** Today's date in Amsterdam as yyyyMMdd. */
export function vandaag(now = Date.now()): string {
  return formatAmsterdam(now, 8);
}

function checkCalendar(y: number, mo: number, d: number, veld: string, raw: string): void {
  const probe = new Date(utcVan(y, mo - 1, d));
  if (mo < 1 || mo > 12 || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    throw schemaFout(`${veld}: de waarde is geen bestaande datum`);
  }
}

/**
 * Parses a StUF:Tijdstip of 8 to 17 digits (yyyyMMdd[HH[mm[ss[S[S[S]]]]]]), local Amsterdam time.
 * Senders use 8, 14, 16 and 17 digits; all are accepted and the precision is kept.
 */
export function parseTijdstip(raw: string, veld = 'tijdstip'): Tijdstip {
  const s = raw.trim();
  if (!/^\d{8,17}$/.test(s) || s.length === 9 || s.length === 11 || s.length === 13) {
    throw schemaFout(`${veld}: de waarde (${raw.length} tekens) is geen geldig StUF-tijdstip (8, 10, 12, 14-17 cijfers: jjjjmmdd[uu[mm[ss[fff]]]])`);
  }
  const n = (a: number, b: number) => (s.length >= b ? Number(s.slice(a, b)) : 0);
  const y = n(0, 4), mo = n(4, 6), d = n(6, 8), h = n(8, 10), mi = n(10, 12), sec = n(12, 14);
  const frac = s.length > 14 ? Number(s.slice(14).padEnd(3, '0')) : 0;
  checkCalendar(y, mo, d, veld, raw);
  if (h > 23 || mi > 59 || sec > 59) throw schemaFout(`${veld}: de waarde bevat een ongeldige tijd`);
  return { utc: new Date(amsterdamLocalToUtc(y, mo, d, h, mi, sec, frac)).toISOString(), digits: s.length };
}

export function formatTijdstip(t: Tijdstip): string {
  return formatAmsterdam(Date.parse(t.utc), t.digits);
}

/** A StUF tijdstip (yyyyMMdd[HHmm...]) for people: 01-02-2024 10:00, or only the date when no time was given. */
export function leesbaarTijdstip(t: string): string {
  const datum = `${t.slice(6, 8)}-${t.slice(4, 6)}-${t.slice(0, 4)}`;
  return t.length >= 12 ? `${datum} ${t.slice(8, 10)}:${t.slice(10, 12)}` : datum;
}

/** Incomplete-date indicators of StUF:indOnvolledigeDatum: J (all unknown), M (month+day), D (day), V (complete). */
export type IndOnvolledigeDatum = 'J' | 'M' | 'D' | 'V';

/**
 * Checks a StUF:Datum (yyyyMMdd, a calendar date without time or zone: stored as given, never shifted).
 * With an incomplete-date indicator the unknown parts may be zero ('19800000' with M).
 */
export function checkDatum(raw: string, veld: string, ind?: string): string {
  const s = raw.trim();
  if (ind !== undefined && !['J', 'M', 'D', 'V'].includes(ind)) {
    throw schemaFout(`${veld}: StUF:indOnvolledigeDatum '${ind}' is geen J, M, D of V`);
  }
  if (ind && ind !== 'V') {
    if (!/^\d{4,8}$/.test(s)) throw schemaFout(`${veld}: de waarde is geen geldige onvolledige StUF-datum`);
    // With D only the day is unknown: the month that is given must exist.
    const maand = Number(s.slice(4, 6));
    if (ind === 'D' && s.length >= 6 && (maand < 1 || maand > 12)) throw schemaFout(`${veld}: de waarde heeft geen bestaande maand`);
    return s;
  }
  if (!/^\d{8}$/.test(s)) throw schemaFout(`${veld}: de waarde is geen geldige StUF-datum (jjjjmmdd)`);
  const y = Number(s.slice(0, 4)), mo = Number(s.slice(4, 6)), d = Number(s.slice(6, 8));
  checkCalendar(y, mo, d, veld, raw);
  return s;
}

/** A date (yyyyMMdd) from a timestamp, in Amsterdam local time. */
export function datumVan(t: Tijdstip): string {
  return formatAmsterdam(Date.parse(t.utc), 8);
}
