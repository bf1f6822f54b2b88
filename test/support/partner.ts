// A ketenpartner for tests: a real ZDS service on a loopback port (this gateway itself, configured as the partner's
// own zakenmagazijn with its own numbering and zaaktypen) that holds the partner's zaak and answers geefZaakstatus.
// It records every question it gets for the conformance check, can go down and come back on the same port with the
// same database, and counts the questions so a test can tell whether it was asked.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { bouwApp, GatewayApp } from '../../src/app';
import { parseConfig } from '../../src/config';
import { neemOp } from './gateway';
import { BERICHTEN_MAP } from './paden';

let teller = 0;

export interface PartnerIdentiteit {
  organisatie: string;
  applicatie: string;
}

export class TestPartner {
  /** Questions received (geefZaakstatus from the gateway), as raw XML. */
  readonly vragen: string[] = [];
  port = 0;
  private app?: GatewayApp;
  private readonly map = mkdtempSync(join(tmpdir(), 'zdsgw-partner-'));

  constructor(
    readonly naam: string,
    readonly zender: PartnerIdentiteit,
    private readonly zaaktypen: unknown[],
  ) {}

  get adres(): string {
    return `http://127.0.0.1:${this.port}/BeantwoordVraag`;
  }

  get wsdl(): string {
    return `http://127.0.0.1:${this.port}/BeantwoordVraag?wsdl`;
  }

  /** Up: the first time on a free port, later on the same port with the same database. */
  async start(): Promise<this> {
    const config = parseConfig({
      server: { port: this.port, host: '127.0.0.1' },
      database: { path: join(this.map, 'partner.db') },
      stuf: { gemeentecode: this.zender.organisatie, zender: this.zender, onbekendObject: 'fout' },
      zaaktypen: { catalogus: this.zaaktypen },
    });
    const app = await bouwApp({ config, log: pino({ level: 'silent' }) });
    neemOp(app, `partner-${this.naam}`);
    // Only what comes in over the network is the gateway's question; the test's own set-up goes through inject.
    app.addHook('preHandler', async (req) => {
      if (req.method !== 'POST' || !Buffer.isBuffer(req.body) || req.headers['user-agent'] === 'lightMyRequest') return;
      const xml = req.body.toString('utf8');
      this.vragen.push(xml);
      mkdirSync(BERICHTEN_MAP, { recursive: true });
      writeFileSync(join(BERICHTEN_MAP, `partner-${this.naam}-vraag-${process.pid}-${++teller}.xml`), xml);
    });
    await app.listen({ port: this.port, host: '127.0.0.1' });
    this.port = (app.server.address() as { port: number }).port;
    this.app = app;
    return this;
  }

  /** Down: the port refuses connections until start() again. */
  async stop(): Promise<void> {
    const app = this.app;
    this.app = undefined;
    await app?.close();
  }

  async sluit(): Promise<void> {
    await this.stop();
    rmSync(this.map, { recursive: true, force: true });
  }

  /** A message to the partner's own zakenmagazijn (how the partner keeps its zaak), through its HTTP port. */
  async stuur(body: string, actie: string, pad = '/OntvangAsynchroon'): Promise<{ status: number; body: string }> {
    if (!this.app) throw new Error(`partner ${this.naam} is niet gestart`);
    const r = await this.app.inject({ method: 'POST', url: pad, payload: body, headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: actie } });
    return { status: r.statusCode, body: r.body };
  }
}
