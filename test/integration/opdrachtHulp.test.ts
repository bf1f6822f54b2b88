// The one command-line parser (issue 17, item 8), through the real process: every command and every subcommand
// answers --help, -h and help with its usage on stdout and exit 0, without reading the configuration, opening a
// database or starting a server; what the parser refuses (an unknown option, a missing value, a stray word, an
// unknown subcommand or command) gets the reason and the usage on stderr and exit 2; without arguments the gateway
// starts. The subcommands come from the commands' own declarations, so a new one is covered when it is declared.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Opdracht } from '../../src/opdracht/argumenten';
import { REPLAY } from '../../src/replay';
import { PROTOCOL } from '../../src/toegang/protocolOpdracht';
import { UITGAAND } from '../../src/uitgaand/opdracht';
import { ABONNEMENTEN } from '../../src/uitgaand/abonnementOpdracht';
import { OVERDRACHTEN } from '../../src/overdracht/overdrachtOpdracht';
import { PARTNERS } from '../../src/partners/partnerOpdracht';
import { MIGREER } from '../../src/store/migreerOpdracht';
import { JOURNAAL } from '../../src/journaal/opdracht';
import { OPSCHONEN } from '../../src/bewaren/opdracht';
import { REGIE } from '../../src/regie/overdragen';
import { RAPPORT } from '../../src/rapport/opdracht';
import { ARCHIEF } from '../../src/archief/opdracht';

const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');
/** serve and wachtwoord are declared in main.ts, which runs when imported; neither has subcommands. */
const OPDRACHTEN: Pick<Opdracht, 'naam' | 'subopdrachten' | 'argumenten'>[] = [
  { naam: 'serve' }, REPLAY, PROTOCOL, { naam: 'wachtwoord' }, UITGAAND, ABONNEMENTEN, OVERDRACHTEN, PARTNERS, MIGREER, JOURNAAL, OPSCHONEN, REGIE, RAPPORT, ARCHIEF,
];
/** Every command line that names a command or subcommand: `uitgaand`, `uitgaand toon`, ... */
const PADEN = OPDRACHTEN.flatMap((o) => [[o.naam], ...Object.keys(o.subopdrachten ?? {}).map((s) => [o.naam, s])]);

let map: string;
beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} ontbreekt: draai eerst 'npx tsc -p tsconfig.build.json'`);
  map = mkdtempSync(join(tmpdir(), 'hulp-'));
});
afterAll(() => rmSync(map, { recursive: true, force: true }));

const DATABASE = () => join(map, 'niet-openen.db');

function draai(args: string[]) {
  // A configuration that cannot be read and a port nothing may take: help and wrong use must need neither.
  return spawnSync(process.execPath, [MAIN, ...args], {
    encoding: 'utf8',
    input: '',
    timeout: 20_000,
    env: { ...process.env, GATEWAY_CONFIG: join(map, 'bestaat-niet.yaml'), DATABASE_PATH: DATABASE(), DATABASE_URL: '', PORT: '1' },
  });
}

it('the overview names exactly the commands tested here', () => {
  const r = draai(['--help']);
  const namen = r.stdout.split('\n').map((regel) => /^(?:gebruik: | +)([a-z]+)\b/.exec(regel)?.[1]).filter((n) => n !== undefined);
  expect(new Set(namen)).toEqual(new Set(OPDRACHTEN.map((o) => o.naam)));
});

describe.each(PADEN.map((pad): [string, string[]] => [pad.join(' '), pad]))('%s', (_, pad) => {
  it.each([['--help'], ['-h'], ['help']])('%s: its usage on stdout, exit 0, nothing opened', (vlag) => {
    const r = draai([...pad, vlag]);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stdout).toMatch(new RegExp(`^gebruik: ${pad[0]}\\b`));
    if (pad[1]) expect(r.stdout).toMatch(new RegExp(`\\b${pad[0]} \\[?${pad[1]}\\b`));
    expect(existsSync(DATABASE())).toBe(false);
  });

  it('an unknown option: the reason and the usage on stderr, exit 2', () => {
    const r = draai([...pad, '--onbekend', 'x']);
    expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 2, stdout: '' });
    expect(r.stderr).toMatch(new RegExp(`^${pad.join(' ')}: Unknown option '--onbekend'.*\\ngebruik: ${pad[0]}\\b`));
    expect(existsSync(DATABASE())).toBe(false);
  });
});

describe.each(OPDRACHTEN.filter((o) => o.subopdrachten).map((o) => [o.naam]))('%s', (naam) => {
  it('an unknown subcommand: exit 2 with the usage on stderr', () => {
    const r = draai([naam, 'onzin']);
    expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 2, stdout: '' });
    expect(r.stderr).toMatch(new RegExp(`^${naam}: onbekende subopdracht 'onzin'\\ngebruik: ${naam}\\b`));
  });
});

it('help wins over whatever else is on the line, and a value that looks like help is a value', () => {
  for (const args of [['uitgaand', 'lijst', '--kleur', '--help'], ['protocol', 'onzin', '-h'], ['migreer', '--van', 'a', 'b', '--help'], ['serve', '--poort', '1', '-h']]) {
    const r = draai(args);
    expect({ args, status: r.status, stderr: r.stderr }).toEqual({ args, status: 0, stderr: '' });
    expect(r.stdout).toMatch(new RegExp(`^gebruik: ${args[0]}\\b`));
  }
  const waarde = draai(['protocol', '--bsn', '-h']);
  expect(waarde.status).toBe(2);
  expect(waarde.stderr).toMatch(/^protocol: Option '--bsn' argument is ambiguous\. .*\ngebruik: protocol/);
});

it('refuses a missing value, a stray word and a repeated option with exit 2', () => {
  const gevallen: [string[], RegExp][] = [
    [['uitgaand', 'lijst', '--status'], /^uitgaand lijst: Option '--status <value>' argument missing\ngebruik: uitgaand/],
    [['protocol', 'opschonen', '--voor'], /^protocol opschonen: Option '--voor <value>' argument missing\ngebruik: protocol/],
    [['abonnementen', 'lijst', 'extra'], /^abonnementen lijst: Unexpected argument 'extra'/],
    [['overdrachten', '--json', 'extra'], /^overdrachten: Unexpected argument 'extra'/],
    [['serve', 'nu'], /^serve: Unexpected argument 'nu'/],
    [['wachtwoord', 'geheim'], /^wachtwoord: Unexpected argument 'geheim'/],
    [['migreer', '--van', 'a.db', '--van', 'b.db'], /^migreer: --van mag maar één keer voorkomen\ngebruik: migreer/],
    [['partners', 'ververs', '--alle', '--alle'], /^partners ververs: --alle mag maar één keer voorkomen/],
    [['replay'], /^replay: geef één map\ngebruik: replay/],
    [['replay', 'a', 'b'], /^replay: geef één map/],
  ];
  for (const [args, melding] of gevallen) {
    const r = draai(args);
    expect({ args, status: r.status, stdout: r.stdout }).toEqual({ args, status: 2, stdout: '' });
    expect(r.stderr).toMatch(melding);
  }
  expect(existsSync(DATABASE())).toBe(false);
});

it('without a command: --help, -h and help give the overview, --version the version; anything else is refused with exit 2', () => {
  for (const vlag of ['-h', '--help', 'help']) {
    const r = draai([vlag]);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stdout).toMatch(/^gebruik: serve\n[^]*\n {2}Exitcode 0: gelukt; 1: mislukt; 2: verkeerd gebruik/);
  }
  const versie = draai(['--version']);
  expect({ status: versie.status, stderr: versie.stderr }).toEqual({ status: 0, stderr: '' });
  expect(versie.stdout).toMatch(/^zds-gateway \S+ \(\S+\)\n$/);
  const onbekend = draai(['afleveren']);
  expect({ status: onbekend.status, stdout: onbekend.stdout }).toEqual({ status: 2, stdout: '' });
  expect(onbekend.stderr).toMatch(/^onbekende opdracht 'afleveren'\ngebruik: serve\n/);
  const optie = draai(['--poort', '9999']);
  expect(optie.status).toBe(2);
  expect(optie.stderr).toMatch(/^zds-gateway: Unknown option '--poort'.*\ngebruik: serve\n/);
});

it('without arguments starts the gateway, which answers and stops on SIGTERM with exit 0', async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: join(map, 'gestart.db'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };
  delete env.GATEWAY_CONFIG;
  delete env.DATABASE_URL;
  const proces = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const einde = new Promise<number | null>((klaar) => proces.on('exit', (code) => klaar(code)));
  try {
    let uitvoer = '';
    const adres = await new Promise<string>((klaar, mislukt) => {
      proces.stdout.on('data', (d: Buffer) => {
        uitvoer += d.toString();
        const m = /"adres":"(http:\/\/[^"]+)"/.exec(uitvoer);
        if (m) klaar(m[1]);
      });
      proces.stderr.on('data', (d: Buffer) => (uitvoer += d.toString()));
      void einde.then((code) => mislukt(new Error(`gestopt (code ${code}):\n${uitvoer}`)));
    });
    expect((await fetch(`${adres}/health/live`)).status).toBe(200);
  } finally {
    proces.kill('SIGTERM');
  }
  expect(await einde).toBe(0);
}, 30_000);
