// Command `opschonen`: one retention pass now (opschonen.ts), beside a running gateway or instead of its schedule
// (bewaren.opschonenMinuten 0), and what went per kind. Counts only: never a row's content.
import type { Config } from '../config';
import { metStore } from '../uitgaand/opdrachtHulp';
import { VLAG, leesOpdracht, opdracht } from '../opdracht/argumenten';
import { Opschoonverslag, SOORTEN, bewaardagen, schoonOp } from './opschonen';

const GEBRUIK = `gebruik: opschonen [--json]
  Verwijdert wat ouder is dan zijn bewaartermijn: journaalregels (bewaren.journaalDagen) en journaalteksten
  (bewaren.journaalInhoudDagen), verwerkte berichten (bewaren.idempotentieDagen), afgeleverde en verworpen uitgaande
  berichten (bewaren.uitgaandAfgeleverdDagen, bewaren.uitgaandVerworpenDagen) en protocolregels
  (protocol.bewaartermijnDagen). Dode uitgaande berichten blijven tot ze herleefd of verworpen zijn. De gateway mag
  draaien: hij doet hetzelfde elke bewaren.opschonenMinuten.`;

export const OPSCHONEN = opdracht({ naam: 'opschonen', gebruik: GEBRUIK, opties: { json: VLAG } });

function verslagTekst(v: Opschoonverslag, dagen: Record<string, number>): string {
  const breedte = Math.max(...SOORTEN.map((s) => s.omschrijving.length));
  const regels = SOORTEN.map(({ soort, sleutel, omschrijving }) =>
    `  ${omschrijving.padEnd(breedte)}  ${String(v.verwijderd[soort]).padStart(9)}  van voor ${v.grenzen[soort]} (${sleutel} ${dagen[soort]})`);
  return `opgeschoond op ${v.nu}:\n${regels.join('\n')}\n`;
}

/** Exit code 0 after the pass; wrong use is a GebruikFout (exit 2); --help opens nothing. */
export async function opschonenOpdracht(config: Config, argv: string[], schrijf: (t: string) => void, nu = new Date()): Promise<number> {
  const a = leesOpdracht(OPSCHONEN, argv);
  if (a.hulp !== undefined) {
    schrijf(`${a.hulp}\n`);
    return 0;
  }
  const verslag = await metStore(config, (store) => schoonOp(store, config, nu));
  const dagen = bewaardagen(config);
  schrijf(a.waarden.json ? `${JSON.stringify({ nu: verslag.nu, dagen, grenzen: verslag.grenzen, verwijderd: verslag.verwijderd }, null, 2)}\n` : verslagTekst(verslag, dagen));
  return 0;
}
