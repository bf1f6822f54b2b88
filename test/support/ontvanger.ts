// A subscriber, backoffice or regiesysteem for tests: a real SOAP endpoint on a loopback port that records every
// message it receives and answers Bv03, Bv01 or a Fo03 fault, or is down (its port closed) until brought back.
// Every message it receives is written to the conformance map, so the suite validates what the gateway sends.
// Optionally over HTTPS demanding a client certificate (mutual TLS), and answering only after a delay.
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { leesEnvelope, envelope, faultEnvelope } from '../../src/soap/envelope';
import { bv03, foutbericht } from '../../src/stuf/berichten';
import { StufFout } from '../../src/stuf/fout';
import { NS } from '../../src/stuf/namespaces';
import { Stuurgegevens, antwoordStuurgegevens, leesStuurgegevens } from '../../src/stuf/stuurgegevens';
import { XElement, child, el } from '../../src/stuf/xml';
import { BERICHTEN_MAP } from './paden';
import { Luisteraar } from './luisteraar';
import type { TestGateway } from './gateway';

export type Gedrag = 'bv03' | 'bv01' | 'fo03-client' | 'fo03-server' | 'geen-soap';

export interface Ontvangen {
  actie: string;
  xml: string;
  root: XElement;
  stuurgegevens: Stuurgegevens;
  authorization?: string;
  /** What this receiver answered. */
  antwoord: Gedrag;
}

/** PEM contents for a mutual-TLS receiver: its own key and certificate, and the CA its clients' certificates must chain to. */
export interface OntvangerTls {
  sleutel: Buffer;
  certificaat: Buffer;
  ca: Buffer;
}

let teller = 0;

/** The text of a child path, e.g. tekstVan(o.root, 'object', 'identificatie'). */
export function tekstVan(e: XElement | undefined, ...pad: string[]): string | undefined {
  let cur = e;
  for (const p of pad) cur = child(cur, p);
  return cur?.text.trim();
}

/** The extraElement gebeurtenis of a notification. */
export const gebeurtenisVan = (o: Ontvangen): string | undefined =>
  child(child(o.root, 'object'), 'extraElementen')?.children.find((x) => x.attrs.some((a) => a.local === 'naam' && a.value === 'gebeurtenis'))?.text.trim();

export class TestOntvanger {
  readonly ontvangen: Ontvangen[] = [];
  gedrag: Gedrag = 'bv03';
  /** Milliseconds to hold each answer back: a slow receiver, or a message still in flight when the sender dies. */
  vertraging = 0;
  /** TLS failures of connections that never became a request (e.g. no or a wrong client certificate). */
  readonly tlsFouten: string[] = [];
  private readonly luisteraar = new Luisteraar();
  private wachters: (() => void)[] = [];

  constructor(readonly naam: string, readonly applicatie: string, private readonly tls?: OntvangerTls) {}

  get port(): number {
    return this.luisteraar.port;
  }

  get adres(): string {
    return `${this.tls ? 'https' : 'http'}://127.0.0.1:${this.port}/${this.naam}/OntvangAsynchroon`;
  }

  /** Listens (again) on its port: the first time on a free one. */
  async start(): Promise<this> {
    const afhandeling = (req: IncomingMessage, res: ServerResponse) => void this.behandel(req).then(({ status, body }) => {
      if (res.destroyed) return; // the sender went away while we waited
      res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8' });
      res.end(body);
    });
    const server: Server = this.tls
      ? createHttpsServer({ key: this.tls.sleutel, cert: this.tls.certificaat, ca: this.tls.ca, requestCert: true, rejectUnauthorized: true }, afhandeling)
      : createServer(afhandeling);
    server.on('tlsClientError', (e: Error) => this.tlsFouten.push(e.message));
    await this.luisteraar.luister(server);
    return this;
  }

  /** Down: the port refuses connections until start() is called again. */
  stop(): Promise<void> {
    return this.luisteraar.stop();
  }

  /** Waits until at least n messages have arrived (or fails after ms). */
  async wachtOp(n: number, ms = 15000): Promise<Ontvangen[]> {
    const eind = Date.now() + ms;
    while (this.ontvangen.length < n) {
      if (Date.now() > eind) throw new Error(`${this.naam}: ${this.ontvangen.length} van ${n} berichten ontvangen na ${ms} ms`);
      await new Promise<void>((klaar) => {
        const t = setTimeout(klaar, 50);
        this.wachters.push(() => (clearTimeout(t), klaar()));
      });
    }
    return this.ontvangen;
  }

  private async behandel(req: IncomingMessage): Promise<{ status: number; body: string }> {
    const stukken: Buffer[] = [];
    for await (const s of req) stukken.push(s as Buffer);
    const xml = Buffer.concat(stukken).toString('utf8');
    mkdirSync(BERICHTEN_MAP, { recursive: true });
    writeFileSync(join(BERICHTEN_MAP, `ontvanger-${this.naam}-${process.pid}-${++teller}.xml`), xml);
    const root = leesEnvelope(xml).body;
    const sg = leesStuurgegevens(root);
    const gedrag = this.gedrag;
    this.ontvangen.push({ actie: String(req.headers.soapaction ?? '').replace(/^"|"$/g, ''), xml, root, stuurgegevens: sg, authorization: req.headers.authorization, antwoord: gedrag });
    for (const w of this.wachters.splice(0)) w();
    const eigen = { applicatie: this.applicatie };
    let antwoord: { status: number; body: string };
    if (gedrag === 'bv03') antwoord = { status: 200, body: envelope('1.1', bv03(sg, eigen)) };
    else if (gedrag === 'bv01') {
      antwoord = { status: 200, body: envelope('1.1', el(NS.stuf, 'Bv01Bericht', [antwoordStuurgegevens(NS.stuf, sg, eigen, { berichtcode: 'Bv01', volledig: true })])) };
    } else if (gedrag === 'geen-soap') antwoord = { status: 502, body: 'Bad gateway' };
    else {
      const fout = gedrag === 'fo03-client'
        ? new StufFout('StUF058', `${this.naam} weigert het bericht (test)`, 'client')
        : new StufFout('StUF046', `${this.naam} kan het bericht nu niet opslaan (test)`, 'server');
      antwoord = { status: 500, body: faultEnvelope('1.1', fout.plek, fout.omschrijving, foutbericht('Fo03', fout, sg, eigen)) };
    }
    if (antwoord.status !== 502) writeFileSync(join(BERICHTEN_MAP, `ontvanger-${this.naam}-antwoord-${process.pid}-${++teller}.xml`), antwoord.body);
    if (this.vertraging > 0) await new Promise((klaar) => setTimeout(klaar, this.vertraging).unref());
    return antwoord;
  }
}

/** Waits until the gateway's outbox has nothing waiting (or fails after ms, naming the last errors). */
export async function bezorgd(gw: TestGateway, ms = 15000): Promise<void> {
  const eind = Date.now() + ms;
  for (let w = await gw.app.gateway.store.uitgaand.lijst({ status: 'wachtend' }); w.length > 0; w = await gw.app.gateway.store.uitgaand.lijst({ status: 'wachtend' })) {
    if (Date.now() > eind) throw new Error(`na ${ms} ms nog ${w.length} uitgaande berichten wachtend: ${w.map((u) => u.laatsteFout).join('; ')}`);
    await new Promise((klaar) => setTimeout(klaar, 25));
  }
}

/** Runs the action, waits until the outbox is empty, and returns what each receiver got meanwhile. */
export async function na(gw: TestGateway, ontvangers: TestOntvanger[], actie: () => Promise<unknown>): Promise<Ontvangen[][]> {
  const begin = ontvangers.map((o) => o.ontvangen.length);
  await actie();
  await bezorgd(gw);
  return ontvangers.map((o, i) => o.ontvangen.slice(begin[i]));
}
