#!/usr/bin/env node
// Command line: `serve` (default) starts the gateway on its configured port; `replay <map> [--url U]
// [--vastleggen]` replays recorded conversations (fixtures/) and reports every difference; `protocol` lists the
// privacy protocol (`protocol opschonen` purges it); `wachtwoord` hashes a password (read from stdin) for the application registry; `uitgaand`,
// `abonnementen` and `overdrachten` show and manage the outbox, the subscriptions and the handovers; `partners` shows
// the mirrored zaken of the ketenpartners and asks a partner for a status now.
import { versie } from './versie';
import { ConfigFout, loadConfig, parseConfig } from './config';
import { bouwApp } from './app';
import { databaseOmschrijving } from './store/openen';
import { migreerOpdracht } from './store/migreerOpdracht';
import { maakLogger } from './log';
import { REPLAY_GEBRUIK, replay } from './replay';
import { OpdrachtFout, PROTOCOL_GEBRUIK, protocolOpdracht } from './toegang/protocolOpdracht';
import { hashWachtwoord } from './toegang/wachtwoord';
import { uitgaandOpdracht } from './uitgaand/opdracht';
import { abonnementenOpdracht } from './uitgaand/abonnementOpdracht';
import { overdrachtenOpdracht } from './overdracht/overdrachtOpdracht';
import { PartnerGebruikFout, partnersOpdracht } from './partners/partnerOpdracht';

const GEBRUIK = `gebruik: serve
       replay <map> [--url URL [--ontvanger-poort N]] [--vastleggen]
       protocol --bsn B|--zaak Z|--noodtoegang|--soort lezen|schrijven [--van D] [--tot D] [--json]
       protocol opschonen [--voor D]   verwijdert regels ouder dan protocol.bewaartermijnDagen
       wachtwoord                  (leest het wachtwoord van stdin)
       uitgaand [overzicht|lijst|toon|opnieuw|verwerp] ...   de uitgaande berichten en de dode berichten
       abonnementen [lijst|toevoegen|verwijderen] ...
       overdrachten [--status S] [--backoffice B] [--melding] [--json]
       partners [lijst|ververs] ...   de gespiegelde zaken van ketenpartners; ververs vraagt de partner nu om de status
       migreer --van SQLITE-BESTAND --naar POSTGRES-URL   kopieert de SQLite-database naar een lege PostgreSQL-database
       --version                   versie en commit
  'node dist/main.js <opdracht> --help' (of -h, of help) geeft de opties van elke opdracht, zonder iets te openen of te starten.`;

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

const SERVE_GEBRUIK = 'gebruik: serve   start de gateway (configuratie: GATEWAY_CONFIG en de omgeving; zie README)';
const WACHTWOORD_GEBRUIK = 'gebruik: wachtwoord   leest een wachtwoord (minstens 8 tekens) van stdin en schrijft zijn scrypt-hash voor de configuratie';

/** Commands whose own parser knows --help; they get it with the defaults as configuration, so nothing is opened. */
const MET_EIGEN_HULP: Record<string, (argv: string[]) => Promise<number>> = {
  uitgaand: (a) => uitgaandOpdracht(parseConfig({}), a, schrijf),
  abonnementen: (a) => abonnementenOpdracht(parseConfig({}), a, schrijf),
  overdrachten: (a) => overdrachtenOpdracht(parseConfig({}), a, schrijf),
  partners: (a) => partnersOpdracht(parseConfig({}), a, schrijf),
  migreer: (a) => migreerOpdracht(a, schrijf),
};
const HULP: Record<string, string> = { serve: SERVE_GEBRUIK, replay: REPLAY_GEBRUIK, protocol: PROTOCOL_GEBRUIK, wachtwoord: WACHTWOORD_GEBRUIK };

/**
 * `<opdracht> --help`, `-h` or `help` (right after the command): its usage, exit 0, before any configuration is
 * read, port opened or database touched. Undefined when the command line asks no help.
 */
async function hulp(argv: string[]): Promise<number | undefined> {
  const opdracht = argv[0] ?? 'serve';
  const vraagt = argv.slice(1).some((a) => a === '--help' || a === '-h') || argv[1] === 'help';
  if (!vraagt) return undefined;
  const tekst = HULP[opdracht];
  if (tekst) {
    process.stdout.write(`${tekst}\n`);
    return 0;
  }
  return MET_EIGEN_HULP[opdracht]?.(['--help']);
}

async function main(argv: string[]): Promise<void> {
  const opdracht = argv[0] ?? 'serve';
  const hulpUitkomst = await hulp(argv);
  if (hulpUitkomst !== undefined) process.exit(hulpUitkomst);
  switch (opdracht) {
    case 'serve':
      if (argv.length > 1) {
        process.stderr.write(`serve: onverwacht '${argv[1]}'\n${SERVE_GEBRUIK}\n`);
        process.exit(2);
      }
      return serve();
    case 'replay':
      process.exit(await replay(argv.slice(1)));
    case 'protocol':
      process.exit(await protocolOpdracht(loadConfig(), argv.slice(1), schrijf));
    case 'uitgaand':
      process.exit(await uitgaandOpdracht(loadConfig(), argv.slice(1), schrijf));
    case 'abonnementen':
      process.exit(await abonnementenOpdracht(loadConfig(), argv.slice(1), schrijf));
    case 'overdrachten':
      process.exit(await overdrachtenOpdracht(loadConfig(), argv.slice(1), schrijf));
    case 'partners':
      // ververs asks partners over the network: the exit code is known once every answer is in.
      process.exit(await partnersOpdracht(loadConfig(), argv.slice(1), schrijf));
    case 'migreer':
      // Needs no configuration: both databases are named on the command line.
      process.exit(await migreerOpdracht(argv.slice(1), schrijf));
    case '--version': {
      const v = versie();
      process.stdout.write(`zds-gateway ${v.versie} (${v.commit})\n`);
      return;
    }
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${GEBRUIK}\n`);
      return;
    case 'wachtwoord': {
      const wachtwoord = await leesRegel();
      if (wachtwoord.length < 8) throw new OpdrachtFout('wachtwoord: geef een wachtwoord van minstens 8 tekens op stdin');
      process.stdout.write(`${await hashWachtwoord(wachtwoord)}\n`);
      return;
    }
    default:
      process.stderr.write(`onbekende opdracht '${opdracht}'\n${GEBRUIK}\n`);
      process.exit(2);
  }
}

main(process.argv.slice(2)).catch((e) => {
  if (e instanceof ConfigFout || e instanceof OpdrachtFout) {
    process.stderr.write(`${e.message}\n`);
    process.exit(e instanceof PartnerGebruikFout ? e.exitCode : 1);
  }
  process.stderr.write(`gateway kon niet starten: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
