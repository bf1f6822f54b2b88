// The fuzzer's oracle: the JDK's namespace-aware SAX parser (FuzzWelgevormd.java) judges every file in the given
// directories in one JVM. Asynchronous, so that it can run while the gateway is being fed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ORAKEL = join(__dirname, 'FuzzWelgevormd.java');
const TIJDSLIMIET_MS = 300_000;

export type Oordeel = { soort: 'OK' } | { soort: 'DOCTYPE' } | { soort: 'FOUT'; reden: string };

/** "directory/file" (the directory's own name) → verdict, for every *.xml in the directories. */
export function oordeel(mappen: string[]): Promise<Map<string, Oordeel>> {
  return new Promise((resolve, reject) => {
    const java = spawn('java', [ORAKEL, ...mappen], { stdio: ['ignore', 'pipe', 'pipe'], timeout: TIJDSLIMIET_MS });
    const uit: Buffer[] = [];
    let fout = '';
    java.stdout.on('data', (d: Buffer) => uit.push(d));
    java.stderr.on('data', (d: Buffer) => (fout += d.toString('utf8')));
    java.on('error', (e) => reject(new Error(`java kon niet starten: ${e.message}`)));
    java.on('close', (status) => {
      if (status !== 0) return reject(new Error(`FuzzWelgevormd.java faalde (status ${status}):\n${fout}`));
      const oordelen = new Map<string, Oordeel>();
      for (const regel of Buffer.concat(uit).toString('utf8').split('\n')) {
        const m = /^(OK|DOCTYPE|FOUT) (\S+)(?: (.*))?$/.exec(regel);
        if (!m) continue;
        oordelen.set(m[2], m[1] === 'FOUT' ? { soort: 'FOUT', reden: m[3] ?? '' } : { soort: m[1] as 'OK' | 'DOCTYPE' });
      }
      resolve(oordelen);
    });
  });
}
