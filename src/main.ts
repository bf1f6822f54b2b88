#!/usr/bin/env node
// Command line: `serve` (default) starts the gateway on its configured port; `replay <map> [--url U]
// [--vastleggen]` replays recorded conversations (fixtures/) and reports every difference.
import { ConfigFout, loadConfig } from './config';
import { bouwApp } from './app';
import { maakLogger } from './log';
import { replay } from './replay';

async function serve(): Promise<void> {
  const config = loadConfig();
  const log = maakLogger(config.log.level);
  const app = await bouwApp({ config, log });
  const stop = async (signaal: string) => {
    log.info({ signaal }, 'gateway stopt');
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  const adres = await app.listen({ port: config.server.port, host: config.server.host });
  log.info({ adres, database: config.database.path, validatie: config.stuf.validatie }, 'gateway luistert');
}

async function main(argv: string[]): Promise<void> {
  const opdracht = argv[0] ?? 'serve';
  switch (opdracht) {
    case 'serve':
      return serve();
    case 'replay':
      process.exit(await replay(argv.slice(1)));
    default:
      process.stderr.write(`onbekende opdracht '${opdracht}'; gebruik: serve | replay <map> [--url URL] [--vastleggen]\n`);
      process.exit(2);
  }
}

main(process.argv.slice(2)).catch((e) => {
  if (e instanceof ConfigFout) {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`gateway kon niet starten: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
