// Command `archief` (issue 19): its table of subcommands, one entry each, the handler beside it. A new subcommand is
// one more entry in SUBOPDRACHTEN and one more case in archiefOpdracht (and its line in main.ts's overview).
import type { Config } from '../config';
import { GebruikFout, leesOpdracht, opdracht } from '../opdracht/argumenten';
import { BLOKKADES, BLOKKEER, DEBLOKKEER, blokkades, blokkeer, deblokkeer } from './blokkade';
import { AFLEIDEN, ONBEPAALD, afleiden, onbepaald } from './onbepaald';
import { VERNIETIG, vernietig } from './vernietigen';
import { VERNIETIGINGEN, vernietigingen } from './vernietigingen';
import { EXPORTEER, exporteerArchief } from './exporteer';

const GEBRUIK = `gebruik: archief blokkeer ZAAK --reden TEKST --door WIE | deblokkeer ZAAK --door WIE | blokkades [--alle]
       archief onbepaald [--limiet N] | afleiden
       archief vernietig --lijst [--door WIE] | --toon LIJST-ID | --uitvoeren LIJST-ID --door WIE
       archief vernietigingen [LIJST-ID] [--export BESTAND.csv|.json]
       archief exporteer ZAAK --naar PAD [--zip] --door WIE [--reden TEKST]
  De selectielijst (archief.selectielijst) geeft gesloten zaken hun archiefnominatie en archiefactiedatum; zie
  'archief <subopdracht> --help'.`;

export const ARCHIEF = opdracht({
  naam: 'archief',
  gebruik: GEBRUIK,
  subopdrachten: {
    blokkeer: BLOKKEER,
    deblokkeer: DEBLOKKEER,
    blokkades: BLOKKADES,
    onbepaald: ONBEPAALD,
    afleiden: AFLEIDEN,
    vernietig: VERNIETIG,
    vernietigingen: VERNIETIGINGEN,
    exporteer: EXPORTEER,
  },
});

/** Exit codes as each subcommand's usage says; wrong use is a GebruikFout (exit 2), found before the database is opened. */
export async function archiefOpdracht(config: Config, argv: string[], schrijf: (t: string) => void): Promise<number> {
  const a = leesOpdracht(ARCHIEF, argv);
  if (a.hulp !== undefined) return (schrijf(`${a.hulp}\n`), 0);
  switch (a.sub) {
    case 'blokkeer':
      return blokkeer(config, a.waarden, a.argumenten, schrijf);
    case 'deblokkeer':
      return deblokkeer(config, a.waarden, a.argumenten, schrijf);
    case 'blokkades':
      return blokkades(config, a.waarden, schrijf);
    case 'onbepaald':
      return onbepaald(config, a.waarden, schrijf);
    case 'afleiden':
      return afleiden(config, a.waarden, schrijf);
    case 'vernietig':
      return vernietig(config, a.waarden, schrijf);
    case 'vernietigingen':
      return vernietigingen(config, a.waarden, a.argumenten, schrijf);
    case 'exporteer':
      return exporteerArchief(config, a.waarden, a.argumenten, schrijf);
    default:
      throw new GebruikFout(`archief: geef een subopdracht (${Object.keys(ARCHIEF.subopdrachten).join(', ')})\n${GEBRUIK}`);
  }
}
