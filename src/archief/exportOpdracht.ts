// Command `archief` with only its subcommand `exporteer` (exporteer.ts), until the archief command's own table of
// subcommands (vernietigen, blokkeren, ...) takes it in as one entry: `exporteer: EXPORTEER`, run by exporteerArchief.
import type { Config } from '../config';
import { GebruikFout, leesOpdracht, opdracht } from '../opdracht/argumenten';
import { EXPORTEER, EXPORTEER_GEBRUIK, exporteerArchief } from './exporteer';

export const ARCHIEF = opdracht({
  naam: 'archief',
  gebruik: EXPORTEER_GEBRUIK,
  subopdrachten: { exporteer: EXPORTEER },
});

/** Exit code 0 or 1 (see the usage); wrong use is a GebruikFout (exit 2), found before the database is opened. */
export async function archiefOpdracht(config: Config, argv: string[], schrijf: (t: string) => void): Promise<number> {
  const a = leesOpdracht(ARCHIEF, argv);
  if (a.hulp !== undefined) return (schrijf(`${a.hulp}\n`), 0);
  if (a.sub !== 'exporteer') throw new GebruikFout(`archief: geef een subopdracht (exporteer)\n${EXPORTEER_GEBRUIK}`);
  return exporteerArchief(config, a.waarden, a.argumenten, schrijf);
}
