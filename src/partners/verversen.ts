// Refreshing a mirrored status: the gateway asks the ketenpartner's own ZDS services with geefZaakstatus, through a
// `soap` client built from the partner's WSDL (or ours), and replaces the mirror with its answer. A partner that is
// down, slow or answers a fault never breaks a read: the caller gets the last known status and a melding.
import type { Agent as HttpsAgent } from 'node:https';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as soap from 'soap';
import type { Gateway } from '../soap/operatie';
import { leesEnvelope } from '../soap/envelope';
import { NS } from '../stuf/namespaces';
import { XElement, child, serialize } from '../stuf/xml';
import { leesbaarTijdstip, nuTijdstip } from '../stuf/tijd';
import type { Spiegelzaak } from '../store/spiegelzaken';
import { foutTekst } from '../uitgaand/verzender';
import { notificatieVanZaak, routeerNotificatie, uitgaandReferentienummer } from '../notificaties/trigger';
import { projectMap } from '../wsdl';
import { httpsAgent } from '../uitgaand/httpsAgent';
import type { PartnerConfig } from './configSchema';
import { STATUSVRAAG, leesStatusantwoord, statusvraag } from './statusvraag';
import { vervangSpiegelstatus } from './spiegelstatus';
import { zonderAdres } from './zonderAdres';

export type Verversing =
  | { gelukt: true; gewijzigd: boolean }
  | { gelukt: false; fout: string };

type Methode = (args: unknown, opties: unknown) => Promise<[unknown, string]>;

/**
 * Our own BeantwoordVraag WSDL and the schemas it imports, copied once into a temporary map with the address
 * placeholder resolved to that map (served copies name our address instead, which an offline client cannot use).
 */
let eigenWsdlMap: string | undefined;
function eigenWsdl(dialect: 'zds12' | 'zds11'): string {
  if (!eigenWsdlMap) {
    const map = mkdtempSync(join(tmpdir(), 'zdsgw-wsdl-'));
    const root = projectMap();
    const kopieer = (van: string, bestand: string) =>
      writeFileSync(join(map, bestand), readFileSync(join(root, van, bestand), 'utf8').split('{{ADRES}}/xsd/').join('').split('{{ADRES}}').join('http://localhost'));
    for (const f of readdirSync(join(root, 'xsd'))) if (f.endsWith('.xsd')) kopieer('xsd', f);
    for (const f of readdirSync(join(root, 'wsdl'))) if (f.endsWith('-BeantwoordVraag.wsdl')) kopieer('wsdl', f);
    eigenWsdlMap = map;
  }
  return join(eigenWsdlMap, `${dialect}-BeantwoordVraag.wsdl`);
}

const leesbaar = (e: unknown) => {
  const x = e as { code?: string; message?: string };
  return `${x.code ? `${x.code}: ` : ''}${x.message ?? String(e)}`.slice(0, 300);
};

/** ISO → Dutch local date and time for a melding. */
const wanneer = (iso: string | undefined) => (iso ? leesbaarTijdstip(nuTijdstip(Date.parse(iso))) : 'onbekend');

export class Ververser {
  private readonly clients = new Map<string, Promise<soap.Client>>();
  private readonly agents = new Map<string, HttpsAgent | undefined>();
  /**
   * One question per zaak at a time: simultaneous reads of one stale mirror share it. Per process only: another
   * gateway instance on the same database (or the `partners ververs` command) asks on its own.
   */
  private readonly bezig = new Map<string, Promise<Verversing>>();

  constructor(private readonly gw: Gateway) {}

  /** Whether a read of this mirror should ask the partner first: older than allowed, and askable. */
  isVerouderd(s: Spiegelzaak, nu = Date.now()): boolean {
    const p = this.gw.partners.vind(s.partner);
    if (!p?.zds) return false;
    const ververst = s.ververst ? Date.parse(s.ververst) : 0;
    return nu - ververst >= p.maxOuderdomMinuten * 60_000;
  }

  /** Whether the last question failed so recently that asking again now would only slow the read down. */
  wachtNaFout(s: Spiegelzaak, nu = Date.now()): boolean {
    const p = this.gw.partners.vind(s.partner);
    if (!p || !s.verversFoutOp) return false;
    return nu - Date.parse(s.verversFoutOp) < p.wachtNaFoutSeconden * 1000;
  }

  /** What a read answers alongside the last known status when it could not be refreshed. */
  melding(s: Spiegelzaak, fout: string): string {
    return `Status van zaak ${s.identificatie} niet ververst bij ketenpartner ${s.partner} (${zonderAdres(fout, this.gw.partners.vind(s.partner))}); dit is de laatst bekende status, van ${wanneer(s.ververst)}`.slice(0, 250);
  }

  /**
   * Before a read: refresh a stale mirror, and say in a melding when that failed or was not tried because the
   * partner failed a moment ago. Undefined when the mirror is current or was refreshed.
   */
  async voorLezen(identificatie: string): Promise<string | undefined> {
    const s = await this.gw.store.spiegelzaken.vind(identificatie);
    if (!s || !this.isVerouderd(s)) return undefined;
    if (this.wachtNaFout(s)) return this.melding(s, `vorige vraag mislukt om ${wanneer(s.verversFoutOp)}: ${s.verversFout ?? ''}`);
    const v = await this.ververs(identificatie);
    if (v.gelukt) return undefined;
    return this.melding((await this.gw.store.spiegelzaken.vind(identificatie)) ?? s, v.fout);
  }

  /** Asks the partner now (a stale read, or the command line). */
  ververs(identificatie: string): Promise<Verversing> {
    let lopend = this.bezig.get(identificatie);
    if (!lopend) {
      lopend = this.vraag(identificatie).finally(() => this.bezig.delete(identificatie));
      this.bezig.set(identificatie, lopend);
    }
    return lopend;
  }

  private async vraag(identificatie: string): Promise<Verversing> {
    const s = await this.gw.store.spiegelzaken.vind(identificatie);
    if (!s) return { gelukt: false, fout: `zaak ${identificatie} wordt niet gespiegeld` };
    const p = this.gw.partners.vind(s.partner);
    if (!p?.zds) return this.mislukt(s, `ketenpartner ${s.partner} heeft geen zds-adres in de configuratie`);
    let antwoord: XElement;
    try {
      antwoord = await this.stel(p, s);
    } catch (e) {
      return this.mislukt(s, e instanceof PartnerFout ? e.message : leesbaar(e));
    }
    const gelezen = leesStatusantwoord(antwoord, identificatie);
    if (!gelezen) return this.mislukt(s, `ketenpartner ${p.naam} kent zaak ${identificatie} niet (leeg antwoord)`);
    // The answer is in; only now a transaction, so that no other message waits on the partner.
    const gewijzigd = await this.gw.store.transactie(async () => {
      const nu = await this.gw.store.spiegelzaken.vind(identificatie);
      if (!nu) return false; // unlinked while we asked
      // The partner's answer is its truth about the status, not about the zaaktype: the link set that once.
      if (gelezen.zaaktype && nu.zaaktype && gelezen.zaaktype.code !== nu.zaaktype.code) {
        this.gw.log.warn({ partner: p.naam, zaak: identificatie, zaaktype: nu.zaaktype.code, zaaktypePartner: gelezen.zaaktype.code }, 'spiegelstatus: ander zaaktype van de partner genegeerd');
      }
      if ((await vervangSpiegelstatus(this.gw.store, nu, gelezen.status, 'pull', gelezen.zaaktype)) !== 'vervangen') return false;
      // A status we learned by asking is news for subscribers, as if the partner had pushed it (not to the partner itself).
      const n = await notificatieVanZaak(this.gw, identificatie, 'Actualiseer zaakstatus', p.zender);
      if (n) await routeerNotificatie(this.gw, n);
      return true;
    });
    if (gewijzigd) this.gw.bezorger?.wek();
    this.gw.log.info({ partner: p.naam, zaak: identificatie, gewijzigd }, 'spiegelstatus ververst');
    return { gelukt: true, gewijzigd };
  }

  /**
   * A failed question: the operator's log keeps the whole error; what is stored and answered to readers (the melding,
   * `partners lijst`) names no address of the partner, which is its internal network's business (issue 15).
   */
  private async mislukt(s: Spiegelzaak, volledig: string): Promise<Verversing> {
    const fout = zonderAdres(volledig, this.gw.partners.vind(s.partner));
    await this.gw.store.transactie(async () => {
      if (await this.gw.store.spiegelzaken.vind(s.identificatie)) await this.gw.store.spiegelzaken.zetFout(s.id, fout);
    });
    this.gw.log.warn({ partner: s.partner, zaak: s.identificatie, fout: volledig }, 'spiegelstatus niet ververst');
    return { gelukt: false, fout };
  }

  /** The La01 of the partner, or a PartnerFout saying why there is none. */
  private async stel(p: PartnerConfig, s: Spiegelzaak): Promise<XElement> {
    const zds = p.zds!;
    const client = await this.client(p);
    const { methode } = STATUSVRAAG[zds.dialect];
    const vraag = statusvraag(zds.dialect, s.identificatie, this.gw.config.stuf.zender, zds.ontvanger ?? p.zender, uitgaandReferentienummer());
    const aanroep = (client as unknown as Record<string, Methode>)[`${methode}Async`];
    if (typeof aanroep !== 'function') throw new PartnerFout(`de WSDL van ketenpartner ${p.naam} kent geen operatie ${methode}`);
    let raw: string;
    try {
      [, raw] = await aanroep.call(client, { _xml: serialize(vraag) }, { timeout: zds.timeoutSeconden * 1000, ...(this.agent(p) ? { httpsAgent: this.agent(p) } : {}) });
    } catch (e) {
      const body = (e as { body?: unknown }).body;
      if (typeof body !== 'string' || body === '') throw new PartnerFout(`niet bereikbaar: ${leesbaar(e)}`);
      raw = body;
    }
    let root: XElement;
    try {
      root = leesEnvelope(raw).body;
    } catch {
      throw new PartnerFout(`geen SOAP-antwoord: ${raw.slice(0, 120).replace(/\s+/g, ' ')}`);
    }
    if (root.local === 'Fault') {
      const detail = child(root, 'detail') ?? child(root, 'Detail');
      const fo = detail?.children.find((c) => c.ns === NS.stuf && /^Fo0\dBericht$/.test(c.local));
      throw new PartnerFout(`fout: ${foutTekst(fo, child(root, 'faultstring')?.text.trim() ?? '').tekst}`.slice(0, 300));
    }
    if (!root.local.endsWith('La01')) throw new PartnerFout(`antwoord is geen La01 maar ${root.local}`);
    return root;
  }

  private client(p: PartnerConfig): Promise<soap.Client> {
    let c = this.clients.get(p.naam);
    if (!c) {
      const zds = p.zds!;
      // The WSDL fetch gets the same time limit as a question: a hanging partner must not hang our reads.
      const wsdlOpties = { timeout: zds.timeoutSeconden * 1000, ...(this.agent(p) ? { httpsAgent: this.agent(p) } : {}) };
      c = soap.createClientAsync(zds.wsdl ?? eigenWsdl(zds.dialect), { endpoint: zds.adres, wsdl_options: wsdlOpties }).then((client) => {
        if (zds.basic) client.setSecurity(new soap.BasicAuthSecurity(zds.basic.gebruikersnaam, zds.basic.wachtwoord));
        return client;
      });
      // A WSDL that could not be read is tried again at the next question.
      c.catch(() => this.clients.delete(p.naam));
      this.clients.set(p.naam, c);
    }
    return c.catch((e) => {
      throw new PartnerFout(`WSDL ${p.zds!.wsdl ?? '(eigen)'} niet te lezen: ${leesbaar(e)}`);
    });
  }

  private agent(p: PartnerConfig): HttpsAgent | undefined {
    if (!this.agents.has(p.naam)) this.agents.set(p.naam, httpsAgent(p.zds!.adres, p.zds!.certificaat));
    return this.agents.get(p.naam);
  }
}

class PartnerFout extends Error {}
