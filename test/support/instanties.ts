// Gateway instances as real processes on one database, for the tests of what must hold across instances: each
// answer is recorded for the conformance check (as test/support/gateway.ts does for in-process gateways), and the
// deliveries each process logs are counted, so a test can see that more than one instance delivered.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpAntwoord } from './antwoorden';
import { BERICHTEN_MAP } from './paden';
import { GatewayProces, startGatewayProces } from './proces';

let opgenomen = 0;

export interface Instantie extends GatewayProces {
  naam: string;
  /** The referentienummers of the outbox messages this process logged as delivered. */
  readonly bezorgd: string[];
  stuur(xml: string, soapActie: string, pad: string): Promise<HttpAntwoord>;
}

/** Starts `node dist/main.js serve` with the configuration file `config`; `naam` labels its recorded answers. */
export async function startInstantie(naam: string, config: string): Promise<Instantie> {
  const p = await startGatewayProces({ GATEWAY_CONFIG: config });
  const bezorgd: string[] = [];
  let rest = '';
  p.proces.stdout!.on('data', (d: Buffer) => {
    const regels = (rest + d.toString()).split('\n');
    rest = regels.pop()!;
    for (const r of regels) if (r.includes('"msg":"bezorgd"')) bezorgd.push((JSON.parse(r) as { referentienummer: string }).referentienummer);
  });
  return {
    ...p,
    naam,
    bezorgd,
    async stuur(xml, soapActie, pad) {
      const r = await fetch(`${p.url}${pad}`, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: soapActie }, body: xml });
      const body = await r.text();
      const headers = Object.fromEntries(r.headers.entries());
      if (/xml/.test(headers['content-type'] ?? '')) {
        mkdirSync(BERICHTEN_MAP, { recursive: true });
        writeFileSync(join(BERICHTEN_MAP, `instanties-${naam}-${process.pid}-${++opgenomen}.xml`), body);
      }
      return { status: r.status, body, headers };
    },
  };
}
