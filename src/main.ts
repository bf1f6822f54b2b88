#!/usr/bin/env node
// Command line: one table of commands (OPDRACHTEN), each read by the shared parser (src/opdracht/argumenten.ts)
// before any configuration is read or anything opened: `--help`, `-h` or `help` prints its usage (exit 0), what the
// parser refuses prints the reason and the usage on stderr (exit 2), a command that fails exits 1. Without a command
// the gateway starts (`serve`). `replay` replays recorded conversations (fixtures/); `protocol` lists the privacy
// protocol (`protocol opschonen` purges it); `wachtwoord` hashes a password (read from stdin) for the application
// registry; `uitgaand`, `abonnementen` and `overdrachten` show and manage the outbox, the subscriptions and the
// handovers; `partners` shows the mirrored zaken of the ketenpartners and asks a partner for a status now; `migreer`
// copies a SQLite database to PostgreSQL; `journaal` searches, shows and exports the message journal; `opschonen`
// runs the retention purge once; `regie overdragen` hands the open plans of one regisseur to another; `rapport`
// writes the management information; `archief` places legal holds, lists zaken without archiefnominatie, draws up
// and carries out destruction lists and exports a zaak's dossier.
import { versie } from './versie';
import { ConfigFout, loadConfig } from './config';
import { bouwApp } from './app';
import { databaseOmschrijving } from './store/openen';
import { MIGREER, migreerOpdracht } from './store/migreerOpdracht';
import { maakLogger } from './log';
import { REPLAY, replay } from './replay';
import { PROTOCOL, protocolOpdracht } from './toegang/protocolOpdracht';
import { hashWachtwoord } from './toegang/wachtwoord';
import { UITGAAND, uitgaandOpdracht } from './uitgaand/opdracht';
import { ABONNEMENTEN, abonnementenOpdracht } from './uitgaand/abonnementOpdracht';
import { OVERDRACHTEN, overdrachtenOpdracht } from './overdracht/overdrachtOpdracht';
import { PARTNERS, partnersOpdracht } from './partners/partnerOpdracht';
import { JOURNAAL, journaalOpdracht } from './journaal/opdracht';
import { OPSCHONEN, opschonenOpdracht } from './bewaren/opdracht';
import { REGIE, regieOpdracht } from './regie/overdragen';
import { ARCHIEF, archiefOpdracht } from './archief/opdracht';
import { RAPPORT, rapportOpdracht } from './rapport/opdracht';
import { GebruikFout, Opdracht, OpdrachtFout, VLAG, leesOpdracht, opdracht } from './opdracht/argumenten';

const GEBRUIK = `gebruik: serve
       replay <map> [--url URL [--ontvanger-poort N]] [--vastleggen]
       protocol --bsn B|--zaak Z|--noodtoegang|--soort lezen|schrijven [--van D] [--tot D] [--json]
       protocol opschonen [--voor D]   verwijdert regels ouder dan protocol.bewaartermijnDagen
       wachtwoord                  (leest het wachtwoord van stdin)
       uitgaand [overzicht|lijst|toon|opnieuw|verwerp] ...   de uitgaande berichten en de dode berichten
       abonnementen [lijst|toevoegen|verwijderen] ...
       overdrachten [--status S] [--backoffice B] [--melding] [--json]
       partners [lijst|ververs|termijnen] ...   de gespiegelde zaken van ketenpartners; ververs vraagt de partner nu om de status; termijnen: overschreden levertermijnen
       migreer --van SQLITE-BESTAND --naar POSTGRES-URL   kopieert de SQLite-database naar een lege PostgreSQL-database
       journaal [lijst|toon|exporteer] ...   het berichtenjournaal: zoeken, één uitwisseling tonen, exporteren voor replay
       opschonen [--json]          verwijdert nu wat over zijn bewaartermijn is (journaal, idempotentie, uitgaand, protocol)
       regie overdragen --van MDW-ID --naar MDW-ID --achternaam NAAM --door WIE [--proef]   draagt de open plannen van een regisseur over
       archief blokkeer|deblokkeer|blokkades ...   bewaarblokkades (legal hold) op zaken
       archief onbepaald|afleiden ...   gesloten zaken zonder archiefnominatie; de selectielijst opnieuw toepassen
       archief vernietig --lijst | --uitvoeren LIJST-ID --door WIE   vernietigingslijst opstellen, bevestigen en uitvoeren
       archief vernietigingen [--export BESTAND]   de vastgelegde vernietigingen, zonder persoonsgegevens
       archief exporteer ZAAK --naar PAD [--zip] --door WIE   het dossier van een zaak voor een archief, met manifest
       rapport --naar MAP [--vanaf JJJJ-MM] [--tot JJJJ-MM] [--minimum N]   managementinformatie (CSV en SQLite), zonder persoonsgegevens
       --version                   versie en commit
  'node dist/main.js <opdracht> [subopdracht] --help' (of -h, of help) geeft de opties, zonder iets te openen of te starten.
  Exitcode 0: gelukt; 1: mislukt; 2: verkeerd gebruik (de reden en de gebruikstekst staan dan op stderr).`;

const schrijf = (t: string) => void process.stdout.write(t);

/** The first line on stdin (a pipe may end without a newline; a terminal ends the line with Enter). */
async function leesRegel(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('wachtwoord: ');
  const stukken: Buffer[] = [];
  for await (const s of process.stdin) {
    stukken.push(s as Buffer);
    if ((s as Buffer).includes(0x0a)) break;
  }
  process.stdin.destroy();
  const tekst = Buffer.concat(stukken).toString('utf8');
  const einde = tekst.indexOf('\n');
  return (einde < 0 ? tekst : tekst.slice(0, einde)).replace(/\r$/, '');
}

async function serve(): Promise<void> {
  const config = loadConfig();
  const log = maakLogger(config.log.level);
  const app = await bouwApp({ config, log });
  let stoppend = false;
  const stop = async (signaal: string) => {
    if (stoppend) return; // a second signal changes nothing: the grace period below still bounds the stop
    stoppend = true;
    const seconden = config.server.afsluitSeconden;
    log.info({ signaal, afsluitSeconden: seconden }, 'gateway stopt: neemt niets nieuws aan, laat lopende verzoeken afmaken');
    // Close stops accepting and waits for the requests in flight; whatever still runs (a client stalled halfway
    // through its body) is cut off after the grace period, and its transaction, if any, rolls back.
    const afkappen = setTimeout(() => {
      log.warn({ afsluitSeconden: seconden }, 'gateway stopt: verbindingen die na de afsluittijd nog open zijn worden verbroken');
      app.server.closeAllConnections();
    }, seconden * 1000);
    try {
      await app.close(); // then the outbox worker finishes its sends and the database closes (app.ts, onClose)
    } catch (e) {
      log.error({ err: e }, 'gateway stopt: afsluiten mislukt');
      process.exit(1);
    }
    clearTimeout(afkappen);
    log.info('gateway gestopt');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  const adres = await app.listen({ port: config.server.port, host: config.server.host });
  const tls = config.server.tls ? { clientCertificaat: config.server.tls.clientCertificaat } : {};
  log.info({ adres, database: databaseOmschrijving(config.database), validatie: config.stuf.validatie, toegang: config.toegang.modus, ...tls }, 'gateway luistert');
}

const SERVE = opdracht({ naam: 'serve', gebruik: 'gebruik: serve   start de gateway (configuratie: GATEWAY_CONFIG en de omgeving; zie README)' });

const WACHTWOORD = opdracht({
  naam: 'wachtwoord',
  gebruik: 'gebruik: wachtwoord   leest een wachtwoord (minstens 8 tekens) van stdin en schrijft zijn scrypt-hash voor de configuratie',
});

async function wachtwoord(): Promise<number> {
  const w = await leesRegel();
  if (w.length < 8) throw new OpdrachtFout('wachtwoord: geef een wachtwoord van minstens 8 tekens op stdin');
  schrijf(`${await hashWachtwoord(w)}\n`);
  return 0;
}

/**
 * A command: how it reads (usage, options, subcommands) and what runs it with the words after its name. Its exit
 * code, or undefined for one that keeps running (serve). The configuration is read only here, after the parser.
 */
interface Regel {
  opdracht: Opdracht;
  voerUit: (argv: string[]) => Promise<number | undefined>;
}

// A new command: its module exports `X = opdracht({ naam, gebruik, opties, subopdrachten })` and
// `xOpdracht(config, argv, schrijf)`, which starts with leesOpdracht(X, argv); here one entry and its line in GEBRUIK
// (test/integration/opdrachtHulp.test.ts compares the overview with its own list of commands).
const OPDRACHTEN: Regel[] = [
  { opdracht: SERVE, voerUit: () => serve().then(() => undefined) },
  { opdracht: REPLAY, voerUit: (a) => replay(a, schrijf) },
  { opdracht: PROTOCOL, voerUit: (a) => protocolOpdracht(loadConfig(), a, schrijf) },
  { opdracht: WACHTWOORD, voerUit: wachtwoord },
  { opdracht: UITGAAND, voerUit: (a) => uitgaandOpdracht(loadConfig(), a, schrijf) },
  { opdracht: ABONNEMENTEN, voerUit: (a) => abonnementenOpdracht(loadConfig(), a, schrijf) },
  { opdracht: OVERDRACHTEN, voerUit: (a) => overdrachtenOpdracht(loadConfig(), a, schrijf) },
  // ververs asks partners over the network: the exit code is known once every answer is in.
  { opdracht: PARTNERS, voerUit: (a) => partnersOpdracht(loadConfig(), a, schrijf) },
  // Needs no configuration: both databases are named on the command line.
  { opdracht: MIGREER, voerUit: (a) => migreerOpdracht(a, schrijf) },
  { opdracht: JOURNAAL, voerUit: (a) => journaalOpdracht(loadConfig(), a, schrijf) },
  { opdracht: OPSCHONEN, voerUit: (a) => opschonenOpdracht(loadConfig(), a, schrijf) },
  { opdracht: REGIE, voerUit: (a) => regieOpdracht(loadConfig(), a, schrijf) },
  { opdracht: ARCHIEF, voerUit: (a) => archiefOpdracht(loadConfig(), a, schrijf) },
  // Reads one snapshot beside running gateways, without their write lock.
  { opdracht: RAPPORT, voerUit: (a) => rapportOpdracht(loadConfig(), a, schrijf) },
];

/** What comes before a command: --version, or the overview for --help, -h and help. */
const HOOFD = opdracht({ naam: 'zds-gateway', gebruik: GEBRUIK, opties: { version: VLAG } });

async function main(argv: string[]): Promise<number | undefined> {
  const [naam = 'serve', ...rest] = argv;
  const regel = OPDRACHTEN.find((r) => r.opdracht.naam === naam);
  if (regel) {
    // The command reads the same words again for their values; this first reading needs nothing configured.
    const a = leesOpdracht(regel.opdracht, rest);
    if (a.hulp !== undefined) return (schrijf(`${a.hulp}\n`), 0);
    return regel.voerUit(rest);
  }
  if (!naam.startsWith('-') && naam !== 'help') throw new GebruikFout(`onbekende opdracht '${naam}'\n${GEBRUIK}`);
  const a = leesOpdracht(HOOFD, argv);
  if (a.hulp !== undefined) return (schrijf(`${a.hulp}\n`), 0);
  if (!a.waarden.version) throw new GebruikFout(`onbekende opdracht '${naam}'\n${GEBRUIK}`);
  const v = versie();
  schrijf(`zds-gateway ${v.versie} (${v.commit})\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exit(code);
  },
  (e) => {
    // GebruikFout (and partners' own) carries exit code 2, any other OpdrachtFout 1.
    if (e instanceof OpdrachtFout || e instanceof ConfigFout) {
      process.stderr.write(`${e.message}\n`);
      process.exit(e instanceof OpdrachtFout ? e.exitCode : 1);
    }
    process.stderr.write(`gateway kon niet starten: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  },
);
