// Command `migreer --van <sqlite-bestand> --naar <postgres-url>`: moves a gateway from its SQLite file to an empty
// PostgreSQL database (migreer.ts) and prints per table the rows on both sides and whether their content agrees.
// Exit 0 only when every table verified (and the copy was committed); 1 with one line saying why otherwise; 2 (a
// GebruikFout) for what the parser refuses. The output names tables, counts and the database without its password;
// never a row's values.
import { migreer, MigratieVerslag } from './migreer';
import { veiligeMelding } from './migreerFout';
import { WAARDE, leesOpdracht, opdracht } from '../opdracht/argumenten';

export const MIGREER_GEBRUIK = `gebruik: migreer --van SQLITE-BESTAND --naar postgres://GEBRUIKER@HOST:POORT/DATABASE
  Kopieert de SQLite-database van de gateway naar een lege PostgreSQL-database (die eerst het schema krijgt), met
  dezelfde ids, en controleert per tabel het aantal rijen en een sha256 over de inhoud. Stop de gateway eerst.
  Een doeldatabase met rijen wordt geweigerd en niet veranderd; lukt de controle niet, dan blijft het doel leeg.`;

export const MIGREER = opdracht({ naam: 'migreer', gebruik: MIGREER_GEBRUIK, opties: { van: WAARDE, naar: WAARDE } });

/** The URL as it may be shown: without user info, query or password. */
export function doelOmschrijving(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

function verslagTekst(v: MigratieVerslag): string {
  const breedte = Math.max(5, ...v.tabellen.map((t) => t.naam.length));
  const regels = [`${'tabel'.padEnd(breedte)}  ${'sqlite'.padStart(9)}  ${'postgres'.padStart(9)}  inhoud`];
  for (const t of v.tabellen) {
    const inhoud = t.bron !== t.doel ? 'AANTAL VERSCHILT' : t.bronHash === t.doelHash ? 'gelijk' : 'VERSCHILT';
    regels.push(`${t.naam.padEnd(breedte)}  ${String(t.bron).padStart(9)}  ${String(t.doel).padStart(9)}  ${inhoud}`);
  }
  return `${regels.join('\n')}\n`;
}

export async function migreerOpdracht(
  argv: string[],
  schrijf: (s: string) => void,
  schrijfFout: (s: string) => void = (s) => void process.stderr.write(s),
): Promise<number> {
  // The parser's messages name an option, never its value (which may hold a password); a stray word is echoed.
  const a = leesOpdracht(MIGREER, argv);
  if (a.hulp !== undefined) return (schrijf(`${a.hulp}\n`), 0);
  const { van, naar } = a.waarden;
  if (!van || !naar) {
    schrijfFout(`migreer: geef --van en --naar\n${MIGREER_GEBRUIK}\n`);
    return 1;
  }
  let url: URL;
  try {
    url = new URL(naar);
  } catch {
    url = new URL('onbekend:');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    // Not echoed: what was given may hold a password.
    schrijfFout(`migreer: --naar moet een postgres://- of postgresql://-URL zijn\n`);
    return 1;
  }
  const geheimen = url.password ? [url.password, decodeURIComponent(url.password)] : [];
  const veilig = (e: unknown) => geheimen.reduce((m, g) => m.split(g).join('***'), veiligeMelding(e));

  schrijf(`migreer: ${van} naar ${doelOmschrijving(url)}\n`);
  let verslag: MigratieVerslag;
  try {
    verslag = await migreer(van, naar, (regel) => schrijf(`${regel}\n`));
  } catch (e) {
    schrijfFout(`migreer: ${veilig(e)}\nEr is niets gekopieerd: de doeldatabase is niet veranderd, of leeg gebleven.\n`);
    return 1;
  }
  schrijf(verslagTekst(verslag));
  const rijen = verslag.tabellen.reduce((s, t) => s + t.bron, 0);
  if (!verslag.geverifieerd) {
    const mis = verslag.tabellen.filter((t) => t.bron !== t.doel || t.bronHash !== t.doelHash).map((t) => t.naam);
    schrijfFout(`migreer: NIET geverifieerd: ${mis.join(', ')} verschil${mis.length === 1 ? 't' : 'len'} na het kopiëren; er is niets vastgelegd, de doeldatabase is leeg gebleven\n`);
    return 1;
  }
  schrijf(`geverifieerd: ${verslag.tabellen.length} tabellen, ${rijen} ${rijen === 1 ? 'rij' : 'rijen'}, schemaversie ${verslag.versie}; aantallen en inhoud (sha256) gelijk in SQLite en PostgreSQL\n`);
  return 0;
}
