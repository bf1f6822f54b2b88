// Command `rapport`: management information (issue 19, seed 001) from one snapshot of the database, beside running
// gateways and without their write lock, as CSV files and one SQLite file. Counts, lead times and names of
// organisations only: no BSN, name, zaak identificatie or medewerker, and small cells kept back.
import type { Config } from '../config';
import { GebruikFout, OpdrachtFout, VLAG, WAARDE, leesOpdracht, opdracht } from '../opdracht/argumenten';
import { maakRapport } from './maken';
import { Rapportvraag } from './samenstellen';

const GEBRUIK = `gebruik: rapport --naar MAP [--vanaf JJJJ-MM] [--tot JJJJ-MM] [--minimum N] [--json]
  Managementinformatie per zaaktype en maand: gestart, gesloten en open aan het eind van de maand; doorlooptijden
  (mediaan, p90) per zaaktype en resultaat; plannen naar hun aantal deelplannen; deelplannen per backoffice, afdeling
  en partner; verstreken partnertermijnen. Schrijft per tabel een CSV-bestand en alles samen in rapport.sqlite in MAP.
  Leest één momentopname van de database, zonder schrijfslot: de gateway mag draaien.
  --vanaf, --tot  de maanden (standaard: de twaalf maanden tot en met deze)
  --minimum N     kleinste aantal dat genoemd wordt (standaard rapport.minimumAantal); kleinere cellen blijven leeg`;

export const RAPPORT = opdracht({ naam: 'rapport', gebruik: GEBRUIK, opties: { naar: WAARDE, vanaf: WAARDE, tot: WAARDE, minimum: WAARDE, json: VLAG } });

const MAAND = /^(\d{4})-(0[1-9]|1[0-2])$/;

function maand(optie: string, waarde: string): string {
  if (!MAAND.test(waarde)) throw new OpdrachtFout(`${optie}: '${waarde}' is geen maand (JJJJ-MM)`);
  return waarde;
}

const maandVan = (d: Date, terug = 0) => {
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - terug, 1));
  return `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}`;
};

/** The months and the minimum the command line asks for, with the defaults filled in. */
export function leesVraag(config: Config, waarden: { vanaf?: string; tot?: string; minimum?: string }, nu: Date): Rapportvraag {
  const tot = waarden.tot !== undefined ? maand('--tot', waarden.tot) : maandVan(nu);
  const vanaf = waarden.vanaf !== undefined ? maand('--vanaf', waarden.vanaf) : waarden.tot !== undefined ? maandVan(new Date(`${tot}-01T00:00:00Z`), 11) : maandVan(nu, 11);
  if (vanaf > tot) throw new OpdrachtFout(`--vanaf ${vanaf} ligt na --tot ${tot}`);
  let minimum = config.rapport.minimumAantal;
  if (waarden.minimum !== undefined) {
    // The bounds of rapport.minimumAantal (configSchema.ts).
    minimum = /^\d{1,4}$/.test(waarden.minimum) ? Number(waarden.minimum) : NaN;
    if (!(minimum >= 1 && minimum <= 1000)) throw new OpdrachtFout(`--minimum: '${waarden.minimum}' is geen geheel getal van 1 tot en met 1000`);
  }
  return { vanaf, tot, minimum };
}

/** Exit 0 once the files are written; wrong use is a GebruikFout (exit 2), a bad value or a missing database exit 1. */
export async function rapportOpdracht(config: Config, argv: string[], schrijf: (t: string) => void, nu = new Date()): Promise<number> {
  const a = leesOpdracht(RAPPORT, argv);
  if (a.hulp !== undefined) {
    schrijf(`${a.hulp}\n`);
    return 0;
  }
  if (a.waarden.naar === undefined) throw new GebruikFout(`rapport: geef --naar MAP\n${GEBRUIK}`);
  const vraag = leesVraag(config, a.waarden, nu);
  const u = await maakRapport(config, vraag, a.waarden.naar);
  if (a.waarden.json) {
    schrijf(`${JSON.stringify({ ...vraag, ...u }, null, 2)}\n`);
    return 0;
  }
  const regels = u.tabellen.map((t) => `  ${`${t.naam}.csv`.padEnd(34)} ${String(t.rijen).padStart(7)} regels, ${t.onderdrukt} cellen onderdrukt`);
  schrijf(
    `rapport ${vraag.vanaf} t/m ${vraag.tot}, minimum ${vraag.minimum}, momentopname ${u.momentopname}:\n${regels.join('\n')}\n` +
      `  metadata.csv, rapport.sqlite\ngeschreven in ${u.map} (${u.seconden.toFixed(1)} s)\n`,
  );
  return 0;
}
