// Where texts name a zaak without a column saying so: journal texts (request and answer) and the answers kept for
// idempotency. Found once per destruction run for all the list's zaken (a scan, in keyset batches with a turn of the
// event loop between), so that each zaak's transaction then deletes by key. The journal's rows name their zaken in
// journaal_zaak too; those the zaak's transaction finds itself, also rows written after this scan.
import type { Sql } from '../store/sql';
import type { Sporen } from '../store/vernietigen';

const PARTIJ = 500;
/** The text of an element: where an identificatie stands in a StUF message. */
const TEKSTKNOOP = />\s*([^<>\s][^<>]{3,38}[^<>\s])\s*</g;

const volgendeBeurt = () => new Promise<void>((r) => setImmediate(r));

function genoemd(tekst: string | null, zaken: Set<string>): string[] {
  if (!tekst) return [];
  const gevonden = new Set<string>();
  for (const m of tekst.matchAll(TEKSTKNOOP)) if (zaken.has(m[1])) gevonden.add(m[1]);
  return [...gevonden];
}

/** Per identificatie of `zaken`, the journal texts and idempotency records that name it. */
export async function zoekSporen(sql: Sql, zaken: string[]): Promise<Map<string, Sporen>> {
  const set = new Set(zaken);
  const sporen = new Map<string, Sporen>(zaken.map((z) => [z, { journaal: [], verwerkt: [] }]));
  if (set.size === 0) return sporen;
  let naId = 0;
  for (;;) {
    const rijen = await sql.alle<{ journaal_id: number; verzoek: string | null; antwoord: string | null }>(
      'SELECT journaal_id, verzoek, antwoord FROM journaal_inhoud WHERE journaal_id > ? ORDER BY journaal_id LIMIT ?', [naId, PARTIJ],
    );
    for (const r of rijen) for (const z of new Set([...genoemd(r.verzoek, set), ...genoemd(r.antwoord, set)])) sporen.get(z)!.journaal.push(Number(r.journaal_id));
    if (rijen.length < PARTIJ) break;
    naId = Number(rijen[rijen.length - 1].journaal_id);
    await volgendeBeurt();
  }
  let na = ['', '', ''];
  for (;;) {
    const rijen = await sql.alle<{ zender_organisatie: string; zender_applicatie: string; referentienummer: string; antwoord: string }>(
      `SELECT zender_organisatie, zender_applicatie, referentienummer, antwoord FROM verwerkt_bericht
        WHERE (zender_organisatie, zender_applicatie, referentienummer) > (?, ?, ?)
        ORDER BY zender_organisatie, zender_applicatie, referentienummer LIMIT ?`,
      [...na, PARTIJ],
    );
    for (const r of rijen) {
      for (const z of genoemd(r.antwoord, set)) sporen.get(z)!.verwerkt.push({ organisatie: r.zender_organisatie, applicatie: r.zender_applicatie, referentienummer: r.referentienummer });
    }
    if (rijen.length < PARTIJ) break;
    const l = rijen[rijen.length - 1];
    na = [l.zender_organisatie, l.zender_applicatie, l.referentienummer];
    await volgendeBeurt();
  }
  return sporen;
}
