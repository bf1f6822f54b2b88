// What `GET /version` and `--version` say: the package's version and the commit it was built from. The image passes
// the commit in ZDS_COMMIT (it has no .git); a checkout asks git once.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Versie {
  versie: string;
  commit: string;
}

/** The repository root: one level above src/ and dist/ alike. */
const WORTEL = join(__dirname, '..');

function commit(): string {
  const uitOmgeving = process.env.ZDS_COMMIT?.trim();
  if (uitOmgeving) return uitOmgeving;
  try {
    return execFileSync('git', ['-C', WORTEL, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 }).trim() || 'onbekend';
  } catch {
    return 'onbekend';
  }
}

let bekend: Versie | undefined;

export function versie(): Versie {
  bekend ??= { versie: (JSON.parse(readFileSync(join(WORTEL, 'package.json'), 'utf8')) as { version: string }).version, commit: commit() };
  return bekend;
}
