// The abonnementenbeheer outside the gateway (rzs.md §6.4, variants 1 and 3) as a real SOAP process on a loopback
// port: it takes the gateway's initieerNotificeerOverZaak_Di01 (Bv03), looks up its own subscriptions by zaaktype and
// gebeurtenis, skips the zendende applicatie (A23) and sends each subscriber a notificeerOverZaak_Di01 of its own: the
// same object minus the zendendeApplicatie (and minus the plans for a subscriber that is not verrijkt). With a
// gateway address it is also the servicebus of variant 1: every other message is routed to the gateway unchanged,
// credentials and SOAPAction included, and the gateway's answer relayed. Everything it receives, answers and sends
// is written to the conformance map.
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Luisteraar } from './luisteraar';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { envelope, leesEnvelope } from '../../src/soap/envelope';
import { bv03 } from '../../src/stuf/berichten';
import { NS } from '../../src/stuf/namespaces';
import { Systeem, leesStuurgegevens, systeemElement } from '../../src/stuf/stuurgegevens';
import { XElement, attr, child, el, path } from '../../src/stuf/xml';
import { BERICHTEN_MAP } from './paden';
import type { TestOntvanger } from './ontvanger';

const RZS_ACTIE = 'http://www.egem.nl/StUF/sector/rzs/0310/';

export interface Abonnee {
  ontvanger: TestOntvanger;
  zaaktypen: string[];
  gebeurtenissen: string[];
  /** Passes the gezinsplan/levensdomeinplan extraElementen on; otherwise only the gebeurtenis. */
  verrijkt?: boolean;
}

export interface Trigger {
  xml: string;
  root: XElement;
  /** The extraElementen as [naam, waarde]. */
  extra: [string, string][];
}

export interface Doorgegeven {
  /** Subscriber (receiver naam) a notification went to, or 'gateway' for a routed message. */
  naar: string;
  /** SOAPAction. */
  actie: string;
}

let teller = 0;
const bewaar = (naam: string, xml: string) => {
  mkdirSync(BERICHTEN_MAP, { recursive: true });
  writeFileSync(join(BERICHTEN_MAP, `regieLus-${naam}-${process.pid}-${++teller}.xml`), xml);
};

const matcht = (lijst: string[], w: string | undefined) => lijst.includes('*') || (w !== undefined && lijst.includes(w));

/** The extraElementen of a notification's object as [naam, waarde]. */
export const extraElementen = (root: XElement): [string, string][] =>
  (path(root, 'object', 'extraElementen')?.children ?? []).map((e) => [attr(e, '', 'naam') ?? '', e.text.trim()]);

export class Abonnementenbeheer {
  readonly triggers: Trigger[] = [];
  readonly doorgegeven: Doorgegeven[] = [];
  readonly fouten: string[] = [];
  private readonly luisteraar = new Luisteraar();
  private readonly onderweg = new Set<Promise<void>>();

  /** `gateway`: the base address of the gateway to route consumer messages to (variant 1); absent in variant 3. */
  constructor(
    readonly naam: string,
    readonly eigen: Systeem,
    private readonly abonnees: Abonnee[],
    private readonly gateway?: () => string,
  ) {}

  get basis(): string {
    return `http://127.0.0.1:${this.luisteraar.port}`;
  }

  /** Where the gateway sends its triggers. */
  get adres(): string {
    return `${this.basis}/${this.naam}/OntvangAsynchroon`;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => void this.behandel(req, res).catch((e: Error) => {
      this.fouten.push(e.message);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(e.message);
    }));
    await this.luisteraar.luister(server);
    return this;
  }

  stop(): Promise<void> {
    return this.luisteraar.stop();
  }

  /** Waits until every notification it decided to send has been answered. */
  async stil(): Promise<void> {
    while (this.onderweg.size > 0) await Promise.all([...this.onderweg]);
  }

  private async behandel(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const stukken: Buffer[] = [];
    for await (const s of req) stukken.push(s as Buffer);
    const xml = Buffer.concat(stukken).toString('utf8');
    const root = leesEnvelope(xml).body;
    if (root.ns === NS.rzs && root.local === 'initieerNotificeerOverZaak_Di01') {
      bewaar(`${this.naam}-trigger`, xml);
      const extra = extraElementen(root);
      this.triggers.push({ xml, root, extra });
      // Registered before the Bv03 leaves: once the gateway counts the trigger delivered, stil() waits for its relays.
      const relay = this.relayeer(root, extra).catch((e: Error) => void this.fouten.push(e.message));
      this.onderweg.add(relay);
      void relay.finally(() => this.onderweg.delete(relay));
      const antwoord = envelope('1.1', bv03(leesStuurgegevens(root), this.eigen));
      bewaar(`${this.naam}-antwoord`, antwoord);
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      res.end(antwoord);
      return;
    }
    if (!this.gateway) throw new Error(`${this.naam} routeert niet: ${root.local}`);
    // Variant 1: the bus routes the consumer's message to the gateway as it came, and relays the answer.
    const actie = String(req.headers.soapaction ?? '');
    const headers: Record<string, string> = { 'content-type': String(req.headers['content-type'] ?? 'text/xml; charset=utf-8'), soapaction: actie };
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    const r = await fetch(this.gateway() + req.url, { method: 'POST', headers, body: xml });
    this.doorgegeven.push({ naar: 'gateway', actie: actie.replace(/^"|"$/g, '') });
    res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'text/xml; charset=utf-8' });
    res.end(await r.text());
  }

  private async relayeer(trigger: XElement, extra: [string, string][]): Promise<void> {
    const object = child(trigger, 'object')!;
    const zaaktype = path(object, 'isVan', 'gerelateerde', 'code')?.text.trim();
    const gebeurtenis = extra.find(([n]) => n === 'gebeurtenis')?.[1];
    const zendend = extra.find(([n]) => /zend/i.test(n))?.[1];
    for (const a of this.abonnees) {
      if (!matcht(a.zaaktypen, zaaktype) || !matcht(a.gebeurtenissen, gebeurtenis)) continue;
      if (zendend === a.ontvanger.applicatie) continue; // no echo to the application that made the change
      const houden = (e: XElement) => {
        const naam = attr(e, '', 'naam');
        return naam === 'gebeurtenis' || (!!a.verrijkt && (naam === 'gezinsplan' || naam === 'levensdomeinplan'));
      };
      const eigenObject: XElement = {
        ...object,
        children: object.children.map((c) => (c.local === 'extraElementen' ? { ...c, children: c.children.filter(houden) } : c)),
      };
      const bericht = el(NS.rzs, 'notificeerOverZaak_Di01', [
        el(NS.rzs, 'stuurgegevens', [
          el(NS.stuf, 'berichtcode', 'Di01'),
          systeemElement('zender', this.eigen),
          systeemElement('ontvanger', { organisatie: '0599', applicatie: a.ontvanger.applicatie }),
          el(NS.stuf, 'referentienummer', `${this.naam}-${process.pid}-${++teller}`),
          el(NS.stuf, 'tijdstipBericht', '20240116120000000'),
          el(NS.stuf, 'functie', 'notificeerOverZaak'),
        ]),
        eigenObject,
      ]);
      const actie = `${RZS_ACTIE}notificeerOverZaak`;
      const r = await fetch(a.ontvanger.adres, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${actie}"` }, body: envelope('1.1', bericht) });
      await r.text();
      if (r.status !== 200) throw new Error(`${a.ontvanger.naam} antwoordde ${r.status} op de notificatie`);
      this.doorgegeven.push({ naar: a.ontvanger.naam, actie });
    }
  }
}
