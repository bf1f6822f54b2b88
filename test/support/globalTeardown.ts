// The conformance test: every answer and fault the suite received (written by test/support/gateway.ts) is
// validated with the reference validator, java ../shared/tools/StufValidate.java (Xerces, enforces fixed values).
// Skips with a message where ../shared is absent (ZDS_SHARED overrides the location). First it stops and removes
// the PostgreSQL run's throwaway cluster (globalSetup.ts).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BERICHTEN_MAP, SCHEMAS, VALIDATOR, heeftShared } from './paden';
import { stopCluster } from './postgres';

const PER_AANROEP = 400; // one JVM start validates many files; keep the argument list reasonable

const BACKEND = process.env.ZDS_TEST_DATABASE === 'postgres' ? 'PostgreSQL' : 'SQLite';

export default async function globalTeardown(): Promise<void> {
  const cluster = globalThis.zdsgwCluster;
  if (cluster) {
    globalThis.zdsgwCluster = undefined;
    stopCluster(cluster);
    process.stdout.write(`\ndatabase: PostgreSQL-cluster gestopt en verwijderd (${cluster.map})\n`);
  }
  await valideer();
}

async function valideer(): Promise<void> {
  let bestanden: string[] = [];
  try {
    bestanden = readdirSync(BERICHTEN_MAP).filter((f) => f.endsWith('.xml')).sort();
  } catch {
    /* no messages written */
  }
  if (!heeftShared()) {
    process.stdout.write(`\nconformance (${BACKEND}-run): OVERGESLAGEN — ${VALIDATOR} niet gevonden (zet ZDS_SHARED); ${bestanden.length} berichten niet gevalideerd\n`);
    return;
  }
  if (bestanden.length === 0) return; // a partial run (one test file) may receive nothing
  const ongeldig: string[] = [];
  for (let i = 0; i < bestanden.length; i += PER_AANROEP) {
    const deel = bestanden.slice(i, i + PER_AANROEP).map((f) => join(BERICHTEN_MAP, f));
    const r = spawnSync('java', [`-Dstuf.schemas=${SCHEMAS}`, VALIDATOR, ...deel], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.error) throw new Error(`conformance: java kon niet starten: ${r.error.message}`);
    const regels = r.stdout.split('\n');
    regels.forEach((regel, n) => {
      if (regel.startsWith('INVALID')) {
        const fouten = [];
        for (let k = n + 1; k < regels.length && regels[k].startsWith('    '); k++) fouten.push(regels[k]);
        ongeldig.push([regel, ...fouten].join('\n'));
      }
    });
    if (r.status !== 0 && ongeldig.length === 0) throw new Error(`conformance: validator faalde:\n${r.stdout}\n${r.stderr}`);
  }
  process.stdout.write(`\nconformance (${BACKEND}-run): ${bestanden.length} berichten gevalideerd met StufValidate, ${ongeldig.length} ongeldig (${BERICHTEN_MAP})\n`);
  if (ongeldig.length) throw new Error(`conformance (${BACKEND}-run): ${ongeldig.length} ongeldige berichten:\n${ongeldig.slice(0, 30).join('\n')}`);
}
