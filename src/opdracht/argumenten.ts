// The one command-line parser (issue 17, item 8): every command declares its usage, options and subcommands with
// opdracht() and reads its arguments with leesOpdracht, around util.parseArgs in strict mode. `--help`, `-h` or `help` (first
// word after the command or subcommand) answers the usage before anything is parsed, read or opened; what the parser
// refuses (an unknown option, a missing value, a word where none belongs, an unknown subcommand) is a GebruikFout:
// exit code 2 with the reason and the usage on stderr. What a command checks itself keeps its own exit code.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** parseArgs' option spec (its type is not exported by @types/node). */
export type Opties = NonNullable<ParseArgsConfig['options']>;

/** A command that cannot do what was asked: the message on stderr and exit code 1 (main.ts). */
export class OpdrachtFout extends Error {
  readonly exitCode: number = 1;
}

/** Wrong use of the command line: the message (with the usage) on stderr and exit code 2. */
export class GebruikFout extends OpdrachtFout {
  override readonly exitCode: number = 2;
}

/** Option kinds, so that a spec reads `{ json: VLAG, status: WAARDE }`. */
export const VLAG = { type: 'boolean' } as const;
export const WAARDE = { type: 'string' } as const;
/** An option that may be given more than once (--zaaktype A --zaaktype B). */
export const WAARDEN = { type: 'string', multiple: true } as const;

/** One command or subcommand. */
export interface Deel {
  /** Printed for --help and with every refusal; a subcommand without its own gets the command's. */
  gebruik?: string;
  /** Without help: every command gets --help and -h. */
  opties?: Opties;
  /** Whether it takes words besides its options (ids, a folder); otherwise a word is refused. */
  argumenten?: boolean;
}

export interface Opdracht extends Deel {
  /** As typed: `uitgaand`; messages start with it. */
  naam: string;
  gebruik: string;
  /** Chosen by the first word after the command. */
  subopdrachten?: Record<string, Deel>;
  /** The subcommand that runs when no subcommand word is given; without it the command's own options apply. */
  standaard?: string;
}

/** Declares a command with its literal option types, so that leesOpdracht's values are typed per subcommand. */
export const opdracht = <const T extends Opdracht>(t: T): T => t;

type Waarde<O> = O extends { type: 'string' } ? (O extends { multiple: true } ? string[] : string) : O extends { multiple: true } ? boolean[] : boolean;
export type Waarden<O> = { -readonly [K in keyof O]?: Waarde<O[K]> };

export interface Gelezen<S, O> {
  hulp?: undefined;
  /** The subcommand (or the standaard one); undefined for a command without one. */
  sub: S;
  waarden: Waarden<O>;
  argumenten: string[];
}

type PerSub<T> = T extends { subopdrachten: infer S extends Record<string, Deel> } ? { [K in keyof S & string]: Gelezen<K, S[K]['opties']> }[keyof S & string] : never;

/** Either the usage to print (help was asked) or what the command line says. */
export type Uitkomst<T extends Opdracht> = { hulp: string } | (T extends { standaard: string } ? never : Gelezen<undefined, T['opties']>) | PerSub<T>;

/** What a subcommand's handler gets: `Sub<typeof UITGAAND, 'lijst'>`, its values typed by its options. */
export type Sub<T extends Opdracht, K extends string> = Extract<PerSub<T>, { sub: K }>;

const HULP = { help: { type: 'boolean', short: 'h' } } as const;

function vraagtHulp(woorden: string[], opties: Opties): boolean {
  if (woorden[0] === 'help') return true;
  // Not strict: whatever else is wrong, help wins; an option's value (`--zaak -h`) is taken as that value.
  const { tokens } = parseArgs({ args: woorden, options: opties, strict: false, allowPositionals: true, tokens: true });
  return tokens.some((t) => t.kind === 'option' && t.name === 'help');
}

/**
 * Reads a command's arguments (argv after the command's name). Returns the usage when help is asked; throws a
 * GebruikFout for anything the parser refuses. Pure: main.ts calls it before reading the configuration, the
 * command again for its values.
 */
export function leesOpdracht<const T extends Opdracht>(opdracht: T, argv: string[]): Uitkomst<T> {
  const subs: Record<string, Deel> = opdracht.subopdrachten ?? {};
  const woord = argv[0] !== undefined && Object.hasOwn(subs, argv[0]) ? argv[0] : undefined;
  const sub = woord ?? opdracht.standaard;
  const deel: Deel = sub !== undefined ? subs[sub] : opdracht;
  const woorden = woord !== undefined ? argv.slice(1) : argv;
  const naam = woord !== undefined ? `${opdracht.naam} ${woord}` : opdracht.naam;
  const gebruik = deel.gebruik ?? opdracht.gebruik;
  const opties: Opties = { ...deel.opties, ...HULP };
  const fout = (reden: string) => new GebruikFout(`${naam}: ${reden}\n${gebruik}`);

  if (vraagtHulp(woorden, opties)) return { hulp: gebruik };
  if (woord === undefined && opdracht.subopdrachten && !deel.argumenten && woorden[0] !== undefined && !woorden[0].startsWith('-')) {
    throw fout(`onbekende subopdracht '${woorden[0]}'`);
  }
  let r;
  try {
    r = parseArgs({ args: woorden, options: opties, strict: true, allowPositionals: deel.argumenten === true, tokens: true });
  } catch (e) {
    // parseArgs' own message, on one line; it names the option or word that was typed.
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_')) throw fout((e as Error).message.replace(/\s*\n\s*/g, ' '));
    throw e;
  }
  // parseArgs keeps the last of a repeated option; a second --status is more likely a mistake than a correction.
  const gezien = new Set<string>();
  for (const t of r.tokens) {
    if (t.kind !== 'option' || opties[t.name]?.multiple) continue;
    if (gezien.has(t.name)) throw fout(`${t.rawName} mag maar één keer voorkomen`);
    gezien.add(t.name);
  }
  const waarden: Record<string, unknown> = { ...r.values };
  delete waarden.help;
  return { sub, waarden, argumenten: r.positionals } as Uitkomst<T>;
}
