// Every command's --help and -h (issue 17, item 8): its usage on stdout and exit 0, without reading the
// configuration, opening a database or starting a server; `serve` with anything else is refused with exit 2.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');
const OPDRACHTEN = ['serve', 'replay', 'protocol', 'wachtwoord', 'uitgaand', 'abonnementen', 'overdrachten', 'partners', 'migreer'];

let map: string;
beforeAll(() => (map = mkdtempSync(join(tmpdir(), 'hulp-'))));
afterAll(() => rmSync(map, { recursive: true, force: true }));

function draai(args: string[]) {
  // A configuration that cannot be read and a port that is taken by nothing: help must need neither.
  return spawnSync(process.execPath, [MAIN, ...args], {
    encoding: 'utf8',
    input: '',
    timeout: 20_000,
    env: { ...process.env, GATEWAY_CONFIG: join(map, 'bestaat-niet.yaml'), DATABASE_PATH: join(map, 'niet-openen.db'), DATABASE_URL: '', PORT: '1' },
  });
}

describe.each(OPDRACHTEN)('%s', (opdracht) => {
  it.each([['--help'], ['-h']])(`prints its usage for ${opdracht} %s and exits 0, opening nothing`, (vlag) => {
    const r = draai([opdracht, vlag]);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stdout).toMatch(new RegExp(`^gebruik: ${opdracht}\\b`));
    expect(existsSync(join(map, 'niet-openen.db'))).toBe(false);
  });
});

it('answers -h and --help without a command with the overview, and refuses serve with an unknown option', () => {
  for (const vlag of ['-h', '--help', 'help']) {
    const r = draai([vlag]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^gebruik: serve/);
  }
  const fout = draai(['serve', '--poort', '9999']);
  expect(fout.status).toBe(2);
  expect(fout.stderr).toMatch(/serve: onverwacht '--poort'\ngebruik: serve/);
});
