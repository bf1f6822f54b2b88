// The destruction record (issue 19, item 3): per destroyed zaak its list, identificatie, zaaktype, resultaat, dates
// and who drew up and who confirmed the list; no personal data. Listed, or exported as CSV or JSON for the archive's
// own records (verklaring van vernietiging).
import { writeFileSync } from 'node:fs';
import type { Config } from '../config';
import { metStore } from '../uitgaand/opdrachtHulp';
import { ArchiefOpslag, Vernietiging } from '../store/archief';
import { GebruikFout, OpdrachtFout, VLAG, WAARDE, Waarden } from '../opdracht/argumenten';
import { datum, lijstnummer } from './hulp';

export const VERNIETIGINGEN = {
  gebruik: `gebruik: archief vernietigingen [LIJST-ID] [--export BESTAND.csv|BESTAND.json] [--json]
  De vastgelegde vernietigingen (van één lijst met LIJST-ID): lijst, zaak, zaaktype, resultaat, startdatum, einddatum,
  archiefactiedatum, wanneer vernietigd, wie de lijst opstelde en wie bevestigde. --export schrijft ze naar een nieuw
  bestand, CSV of JSON naar de extensie.`,
  opties: { export: WAARDE, json: VLAG },
  argumenten: true,
} as const;

const KOLOMMEN: (keyof Vernietiging)[] = ['lijst', 'zaak', 'zaaktype', 'zaaktypeOmschrijving', 'resultaat', 'startdatum', 'einddatum', 'archiefactiedatum', 'vernietigd', 'opgesteldDoor', 'bevestigdDoor'];

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
const veld = (w: unknown) => {
  const t = w === null || w === undefined ? '' : String(w);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
};

export const alsCsv = (rijen: Vernietiging[]): string => [KOLOMMEN.join(','), ...rijen.map((r) => KOLOMMEN.map((k) => veld(r[k])).join(','))].join('\r\n') + '\r\n';

export async function vernietigingen(config: Config, w: Waarden<typeof VERNIETIGINGEN.opties>, argumenten: string[], schrijf: (t: string) => void): Promise<number> {
  if (argumenten.length > 1) throw new GebruikFout(`archief vernietigingen: geef hoogstens één lijstnummer\n${VERNIETIGINGEN.gebruik}`);
  const lijst = argumenten[0] === undefined ? undefined : lijstnummer('vernietigingen', 'LIJST-ID', argumenten[0]);
  const formaat = w.export === undefined ? undefined : /\.csv$/i.test(w.export) ? 'csv' : /\.json$/i.test(w.export) ? 'json' : undefined;
  if (w.export !== undefined && !formaat) throw new GebruikFout(`archief vernietigingen: --export: '${w.export}' eindigt niet op .csv of .json`);
  const rijen = await metStore(config, (store) => new ArchiefOpslag(store.sql).vernietigingen(lijst));
  if (w.export !== undefined) {
    try {
      // wx: an existing file is never overwritten (an earlier export may be the signed one).
      writeFileSync(w.export, formaat === 'csv' ? alsCsv(rijen) : `${JSON.stringify(rijen, null, 2)}\n`, { flag: 'wx' });
    } catch (e) {
      throw new OpdrachtFout(`archief vernietigingen: kan '${w.export}' niet schrijven: ${(e as NodeJS.ErrnoException).code === 'EEXIST' ? 'het bestand bestaat al' : (e as Error).message}`);
    }
    schrijf(`${rijen.length} vernietiging(en) geschreven naar ${w.export}\n`);
    return 0;
  }
  if (w.json) schrijf(`${JSON.stringify(rijen, null, 2)}\n`);
  else if (rijen.length === 0) schrijf('geen vernietigingen vastgelegd\n');
  else {
    schrijf(`${rijen.map((r) => `lijst ${r.lijst}  ${r.zaak}  ${r.zaaktype}  resultaat ${r.resultaat ?? '-'}  einddatum ${datum(r.einddatum)}  actiedatum ${datum(r.archiefactiedatum)}  vernietigd ${r.vernietigd}  opgesteld door ${r.opgesteldDoor}, bevestigd door ${r.bevestigdDoor}`).join('\n')}\n`);
  }
  return 0;
}
