// Validating messages with the JDK's Xerces, in one JVM per call: against the official VNG schema sets
// (../shared/tools/StufValidate.java) or against the schemas the gateway serves itself (EigenSchemaValidate.java,
// which fetches them and their imports over HTTP from a listening gateway). Asynchronous on purpose: when that
// gateway runs in the test's own process, a blocking spawn would keep it from answering the JVM.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEMAS, VALIDATOR } from './paden';

const EIGEN_VALIDATOR = join(__dirname, 'EigenSchemaValidate.java');

/** The entry schemas of our own set; each imports what it needs. */
export const EIGEN_SCHEMAS = ['gateway-zds.xsd', 'gateway-rzs.xsd', 'gateway-zkn.xsd', 'gateway-stuf.xsd'];

export const heeftJava = (): boolean => spawnSync('java', ['-version'], { encoding: 'utf8' }).status === 0;

/** Writes messages (label → XML) to a fresh directory; returns the file paths. */
export function schrijfBerichten(berichten: Record<string, string>): string[] {
  const map = mkdtempSync(join(tmpdir(), 'zdsgw-schema-'));
  return Object.entries(berichten).map(([label, xml]) => {
    const bestand = join(map, `${label.replace(/[^\w.-]+/g, '_')}.xml`);
    writeFileSync(bestand, xml);
    return bestand;
  });
}

export interface Uitslag {
  geldig: number;
  /** One block per invalid file: its INVALID line and the errors below it. */
  ongeldig: string[];
}

const TIJDSLIMIET_MS = 120_000;

function draai(args: string[]): Promise<Uitslag> {
  return new Promise((resolve, reject) => {
    const java = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: TIJDSLIMIET_MS });
    let uit = '';
    let fout = '';
    java.stdout.on('data', (d: Buffer) => (uit += d.toString('utf8')));
    java.stderr.on('data', (d: Buffer) => (fout += d.toString('utf8')));
    java.on('error', (e) => reject(new Error(`java kon niet starten: ${e.message}`)));
    java.on('close', (status) => {
      const regels = uit.split('\n');
      const ongeldig: string[] = [];
      regels.forEach((regel, n) => {
        if (!regel.startsWith('INVALID')) return;
        const blok = [regel];
        for (let k = n + 1; k < regels.length && regels[k].startsWith('    '); k++) blok.push(regels[k]);
        ongeldig.push(blok.join('\n'));
      });
      const geldig = regels.filter((r) => r.startsWith('valid')).length;
      if (status !== 0 && ongeldig.length === 0) reject(new Error(`validator faalde (status ${status}):\n${uit}\n${fout}`));
      else resolve({ geldig, ongeldig });
    });
  });
}

/** Against the official schema sets in ../shared (the caller checks heeftShared()). */
export function valideerOfficieel(bestanden: string[]): Promise<Uitslag> {
  return draai([`-Dstuf.schemas=${SCHEMAS}`, VALIDATOR, ...bestanden]);
}

/** Against our own schemas as served by the gateway listening at `basis` (http://host:port). */
export function valideerEigen(basis: string, bestanden: string[]): Promise<Uitslag> {
  return draai([EIGEN_VALIDATOR, EIGEN_SCHEMAS.map((s) => `${basis}/xsd/${s}`).join(','), ...bestanden]);
}
