// A period on an ISO timestamp column, as the commands take it: `van` inclusive, `tot` inclusive, a bare date
// (yyyy-mm-dd) as `tot` meaning that whole day. Shared by the protocol and the journal.

/** The day after a bare ISO date, as a bare date: the exclusive end of "up to and including that day". */
function volgendeDag(datum: string): string {
  const d = new Date(`${datum}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Adds the conditions of the period on `kolom` to `waar` and their values to `args`. */
export function periode(kolom: string, van: string | undefined, tot: string | undefined, waar: string[], args: (string | number)[]): void {
  if (van !== undefined) {
    waar.push(`${kolom} >= ?`);
    args.push(van);
  }
  if (tot !== undefined) {
    const datum = /^\d{4}-\d{2}-\d{2}$/.test(tot);
    waar.push(datum ? `${kolom} < ?` : `${kolom} <= ?`);
    args.push(datum ? volgendeDag(tot) : tot);
  }
}
