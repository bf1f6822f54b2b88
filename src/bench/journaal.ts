// The journal's cost (issue 17): creeerZaak with the journal keeping texts, keeping metadata only, and switched
// off, each on its own fresh SQLite file, measured in alternating rounds in one run so that all three see the
// machine in the same states. The texts are the larger part of what the journal writes: a creeerZaak's request and
// answer.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dienst } from './processen';
import type { GevalResultaat, JournaalMeting } from './rapport';

const VARIANTEN = [
  ['texts kept', { journaal: { aan: true }, bewaren: { journaalInhoudDagen: 7 } }],
  ['metadata only', { journaal: { aan: true }, bewaren: { journaalInhoudDagen: 0 } }],
  ['journal off', { journaal: { aan: false } }],
] as const;

export async function meetJournaal(
  map: string,
  basis: Record<string, unknown>,
  startGateway: (database: string, config: string) => Promise<Dienst>,
  meetBeurtelings: (diensten: Dienst[], namen: string[]) => Promise<GevalResultaat[]>,
): Promise<JournaalMeting> {
  const diensten: Dienst[] = [];
  try {
    for (const [naam, instelling] of VARIANTEN) {
      const config = join(map, `bench-journaal-${naam.replace(/\W+/g, '_')}.json`);
      writeFileSync(config, JSON.stringify({ ...basis, ...instelling }));
      diensten.push(await startGateway(join(map, `journaal-${naam.replace(/\W+/g, '_')}.db`), config));
    }
    const [metTekst, alleenMetadata, uit] = await meetBeurtelings(diensten, VARIANTEN.map(([naam]) => `creeerZaak, journal: ${naam}`));
    return { metTekst, alleenMetadata, uit };
  } finally {
    for (const d of diensten) await d.stop();
  }
}
