// Which official schema validates a message, by its root (as ../shared/tools/StufValidate.java chooses), and one
// generator per schema, read once.
import { join } from 'node:path';
import { NS } from '../../../src/stuf/namespaces';
import { SCHEMAS } from '../paden';
import { SchemaModel } from './schemaModel';
import { Generator } from './variaties';
import { SchemaSet } from './xsdLezer';

export function schemaVoor(ns: string, local: string): string {
  if (ns === NS.zds) return 'zds12/zds0120/berichten/zds0120_msg_zs-dms.xsd';
  if (ns === NS.zkn) {
    if (/L[kv]0[12]$|La01$/.test(local) && !/_D[iu]0/.test(local)) {
      if (/Lk0[12]$/.test(local)) return 'zds11-rzs/zkn0310/mutatie/zkn0310_msg_mutatie.xsd';
      return 'zds11-rzs/zkn0310/vraagAntwoord/zkn0310_msg_vraagAntwoord.xsd';
    }
    return 'zds11-rzs/zkn0310/zs-dms/zkn0310_msg_zs-dms.xsd';
  }
  throw new Error(`geen schema voor {${ns}}${local}`);
}

const generatoren = new Map<string, Generator>();

export function generatorVoor(ns: string, local: string): Generator {
  const rel = schemaVoor(ns, local);
  let g = generatoren.get(rel);
  if (!g) {
    g = new Generator(new SchemaModel(new SchemaSet([join(SCHEMAS, rel)])));
    generatoren.set(rel, g);
  }
  return g;
}
