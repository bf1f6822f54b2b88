// Command `opschonen`: one retention pass now (opschonen.ts), beside a running gateway or instead of its schedule
// (bewaren.opschonenMinuten 0), and what went per kind. Counts only: never a row's content.
import { parseArgs } from 'node:util';
import type { Config } from '../config';
import { metStore } from '../uitgaand/opdrachtHulp';
import { Opschoonverslag, SOORTEN, bewaardagen, schoonOp } from './opschonen';

export const OPSCHONEN_GEBRUIK = `gebruik: opschonen [--json]
  Verwijdert wat ouder is dan zijn bewaartermijn: journaalregels (bewaren.journaalDagen) en journaalteksten
  (bewaren.journaalInhoudDagen), verwerkte berichten (bewaren.idempotentieDagen), afgeleverde en verworpen uitgaande
  berichten (bewaren.uitgaandAfgeleverdDagen, bewaren.uitgaandVerworpenDagen) en protocolregels
  (protocol.bewaartermijnDagen). Dode uitgaande berichten blijven tot ze herleefd of verworpen zijn. De gateway mag
  draaien: hij doet hetzelfde elke bewaren.opschonenMinuten.`;

function verslagTekst(v: Opschoonverslag, dagen: Record<string, number>): string {
  const breedte = Math.max(...SOORTEN.map((s) => s.omschrijving.length));
  const regels = SOORTEN.map(({ soort, sleutel, omschrijving }) =>
    `  ${omschrijving.padEnd(breedte)}  ${String(v.verwijderd[soort]).padStart(9)}  van voor ${v.grenzen[soort]} (${sleutel} ${dagen[soort]})`);
  return `opgeschoond op ${v.nu}:\n${regels.join('\n')}\n`;
}

/** Exit code 0 after the pass; 2 for wrong use (the reason and the usage on stderr); --help opens nothing. */
export async function opschonenOpdracht(
  config: Config,
  argv: string[],
  schrijf: (t: string) => void,
  schrijfFout: (t: string) => void = (t) => void process.stderr.write(t),
  nu = new Date(),
): Promise<number> {
  let json: boolean;
  try {
    const a = parseArgs({ args: argv, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    if (a.values.help || a.positionals[0] === 'help') {
      schrijf(`${OPSCHONEN_GEBRUIK}\n`);
      return 0;
    }
    if (a.positionals.length > 0) throw new Error(`onverwacht '${a.positionals[0]}'`);
    json = a.values.json === true;
  } catch (e) {
    // parseArgs' message names the unknown option; one line.
    schrijfFout(`opschonen: ${(e as Error).message.replace(/\s*\n\s*/g, ' ')}\n${OPSCHONEN_GEBRUIK}\n`);
    return 2;
  }
  const verslag = await metStore(config, (store) => schoonOp(store, config, nu));
  const dagen = bewaardagen(config);
  schrijf(json ? `${JSON.stringify({ nu: verslag.nu, dagen, grenzen: verslag.grenzen, verwijderd: verslag.verwijderd }, null, 2)}\n` : verslagTekst(verslag, dagen));
  return 0;
}
