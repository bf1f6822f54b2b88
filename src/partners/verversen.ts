// Refreshing a mirrored status: the gateway asks the ketenpartner's own ZDS services with geefZaakstatus, through a
// `soap` client built from the partner's WSDL (or ours), and replaces the mirror with its answer. A partner that is
// down, slow or answers a fault never breaks a read: the caller gets the last known status and a melding.
//
// One question per stale mirror, also across gateway instances on one database: the instance that asks claims the
// mirror in the database (spiegelzaak.ververs_claim_tot) until the question must be over; the others poll the mirror
// for its answer and use that. A claim runs out on its own, so an instance that died while asking blocks nobody.
import { setTimeout as wacht } from 'node:timers/promises';
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
import { systeemLabel } from '../stuf/stuurgegevens';
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

/** A claim outlives the question it covers by this much (storing the answer); then it runs out on its own. */
const CLAIMMARGE_MS = 5000;
/** How often an instance that waits for another's answer looks at the mirror. */
const PEILING_MS = 50;
/** A waiting read gives the other instance this much longer than its own question could have taken. */
const WACHTMARGE_MS = 1000;

export class Ververser {
  private readonly clients = new Map<string, Promise<soap.Client>>();
  private readonly agents = new Map<string, HttpsAgent | undefined>();
  /**
   * One question per zaak at a time in this process: simultaneous reads of one stale mirror share it (and its
   * claim, or its wait for another instance's answer) without going to the database each.
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

  /**
   * Claims the question and asks, or, while another instance holds the claim, waits for its answer. No longer than
   * this read would have waited for its own question: then the last known status with a melding; the other's answer
   * is in the mirror for the next read.
   */
  private async vraag(identificatie: string): Promise<Verversing> {
    const begin = Date.now();
    for (;;) {
      const s = await this.gw.store.spiegelzaken.vind(identificatie);
      if (!s) return { gelukt: false, fout: `zaak ${identificatie} wordt niet gespiegeld` };
      const p = this.gw.partners.vind(s.partner);
      if (!p?.zds) return this.mislukt(s, `ketenpartner ${s.partner} heeft geen zds-adres in de configuratie`);
      const nu = Date.now();
      const tot = nu + this.vraagduur(p) + CLAIMMARGE_MS;
      const geclaimd = await this.gw.store.transactie((tx) => tx.spiegelzaken.claimVerversing(s.id, s, nu, tot), { isolatie: 'los' });
      if (geclaimd) return this.vraagGeclaimd(p, s, tot);
      const eind = begin + this.vraagduur(p) + WACHTMARGE_MS;
      const elders = await this.wachtOpAntwoord(s, eind);
      if (elders) return elders;
      if (Date.now() >= eind) return { gelukt: false, fout: `een andere gateway-instantie vraagt het al; geen antwoord binnen ${Math.round((eind - begin) / 1000)} s` };
      // The claim ran out (its instance died) or was given back without an answer: claim it ourselves.
    }
  }

  /**
   * How long a question of ours may take: the partner's timeout, twice while its WSDL has still to be fetched. The
   * claim covers that much; a read that waits for another instance waits no longer than its own question would.
   */
  private vraagduur(p: PartnerConfig): number {
    const t = p.zds!.timeoutSeconden * 1000;
    return p.zds!.wsdl !== undefined && !this.clients.has(p.naam) ? 2 * t : t;
  }

  /**
   * Another instance holds the claim, or stored an answer after we read the mirror: its outcome, once the mirror
   * shows one. Undefined when the claim ended without an outcome (ran out, or given back), or at `eind`.
   */
  private async wachtOpAntwoord(gelezen: Spiegelzaak, eind: number): Promise<Verversing | undefined> {
    for (;;) {
      const s = await this.gw.store.spiegelzaken.vind(gelezen.identificatie);
      if (!s) return { gelukt: false, fout: `zaak ${gelezen.identificatie} wordt niet gespiegeld` };
      if (s.ververst !== gelezen.ververst) {
        this.gw.log.debug({ partner: s.partner, zaak: s.identificatie }, 'spiegelstatus ververst door een andere instantie');
        return { gelukt: true, gewijzigd: JSON.stringify(s.status) !== JSON.stringify(gelezen.status) };
      }
      if (s.verversFoutOp !== gelezen.verversFoutOp) return { gelukt: false, fout: s.verversFout ?? '' };
      const nu = Date.now();
      if (s.verversClaimTot === undefined || s.verversClaimTot <= nu || nu >= eind) return undefined;
      await wacht(Math.min(PEILING_MS, eind - nu));
    }
  }

  /** Ours to ask: the answer or the failure is stored with the claim's end; anything else gives the claim back. */
  private async vraagGeclaimd(p: PartnerConfig, s: Spiegelzaak, tot: number): Promise<Verversing> {
    try {
      return await this.stelEnBewaar(p, s, tot);
    } catch (e) {
      await this.gw.store.spiegelzaken.geefVerversingVrij(s.id, tot).catch((f: unknown) =>
        this.gw.log.warn({ partner: p.naam, zaak: s.identificatie, fout: leesbaar(f) }, 'verversclaim niet vrijgegeven; hij verloopt vanzelf'));
      throw e;
    }
  }

  private async stelEnBewaar(p: PartnerConfig, s: Spiegelzaak, tot: number): Promise<Verversing> {
    const identificatie = s.identificatie;
    let antwoord: XElement;
    try {
      antwoord = await this.stel(p, s);
    } catch (e) {
      return this.mislukt(s, e instanceof PartnerFout ? e.message : leesbaar(e), tot);
    }
    const gelezen = leesStatusantwoord(antwoord, identificatie);
    if (!gelezen) return this.mislukt(s, `ketenpartner ${p.naam} kent zaak ${identificatie} niet (leeg antwoord)`, tot);
    // The answer is in; only now a transaction, so that no other message waits on the partner.
    const gewijzigd = await this.gw.store.transactie(async (store) => {
      const gw = { ...this.gw, store };
      const nu = await store.spiegelzaken.vind(identificatie);
      if (!nu) return false; // unlinked while we asked
      await store.spiegelzaken.geefVerversingVrij(nu.id, tot);
      // The partner's answer is its truth about the status, not about the zaaktype: the link set that once.
      if (gelezen.zaaktype && nu.zaaktype && gelezen.zaaktype.code !== nu.zaaktype.code) {
        this.gw.log.warn({ partner: p.naam, zaak: identificatie, zaaktype: nu.zaaktype.code, zaaktypePartner: gelezen.zaaktype.code }, 'spiegelstatus: ander zaaktype van de partner genegeerd');
      }
      if ((await vervangSpiegelstatus(store, nu, gelezen.status, 'pull', gelezen.zaaktype)) !== 'vervangen') return false;
      // A status we learned by asking is news for subscribers, as if the partner had pushed it (not to the partner itself).
      const n = await notificatieVanZaak(gw, identificatie, 'Actualiseer zaakstatus', p.zender);
      if (n) await routeerNotificatie(gw, n);
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
  private async mislukt(s: Spiegelzaak, volledig: string, claimTot?: number): Promise<Verversing> {
    const fout = zonderAdres(volledig, this.gw.partners.vind(s.partner));
    await this.gw.store.transactie(async (store) => {
      if (!(await store.spiegelzaken.vind(s.identificatie))) return;
      await store.spiegelzaken.zetFout(s.id, fout);
      if (claimTot !== undefined) await store.spiegelzaken.geefVerversingVrij(s.id, claimTot);
    });
    this.gw.log.warn({ partner: s.partner, zaak: s.identificatie, fout: volledig }, 'spiegelstatus niet ververst');
    return { gelukt: false, fout };
  }

  /** The La01 of the partner, or a PartnerFout saying why there is none; the exchange is reported (metrics, journal). */
  private async stel(p: PartnerConfig, s: Spiegelzaak): Promise<XElement> {
    const tijd = new Date();
    const start = process.hrtime.bigint();
    const v: Gesprek = {};
    try {
      return await this.stelVraag(p, s, v);
    } finally {
      const vraag = v.vraag ?? '';
      this.gw.waarneming?.uitwisseling({
        tijd, richting: 'uit', soort: 'partnervraag', endpoint: p.naam, actie: v.actie, operatie: STATUSVRAAG[p.zds!.dialect].methode,
        zender: systeemLabel(this.gw.config.stuf.zender), ontvanger: systeemLabel(p.zds!.ontvanger ?? p.zender), referentienummer: v.referentienummer,
        zaken: [s.identificatie], uitkomst: v.uitkomst ?? 'transport', ...(v.foutcode ? { foutcode: v.foutcode } : {}),
        httpStatus: v.antwoord === undefined ? 0 : v.uitkomst === 'La01' ? 200 : 500, ms: Number(process.hrtime.bigint() - start) / 1e6,
        grootteVerzoek: Buffer.byteLength(vraag), grootteAntwoord: v.antwoord === undefined ? 0 : Buffer.byteLength(v.antwoord),
        verzoek: () => vraag, antwoord: () => v.antwoord ?? '',
      });
    }
  }

  private async stelVraag(p: PartnerConfig, s: Spiegelzaak, v: Gesprek): Promise<XElement> {
    const zds = p.zds!;
    const client = await this.client(p);
    const { methode } = STATUSVRAAG[zds.dialect];
    v.referentienummer = uitgaandReferentienummer();
    const vraag = statusvraag(zds.dialect, s.identificatie, this.gw.config.stuf.zender, zds.ontvanger ?? p.zender, v.referentienummer);
    v.vraag = serialize(vraag);
    v.actie = methode;
    const aanroep = (client as unknown as Record<string, Methode>)[`${methode}Async`];
    if (typeof aanroep !== 'function') throw new PartnerFout(`de WSDL van ketenpartner ${p.naam} kent geen operatie ${methode}`);
    let raw: string;
    try {
      [, raw] = await aanroep.call(client, { _xml: v.vraag }, { timeout: zds.timeoutSeconden * 1000, ...(this.agent(p) ? { httpsAgent: this.agent(p) } : {}) });
    } catch (e) {
      const body = (e as { body?: unknown }).body;
      if (typeof body !== 'string' || body === '') throw new PartnerFout(`niet bereikbaar: ${leesbaar(e)}`);
      raw = body;
    }
    v.antwoord = raw;
    let root: XElement;
    try {
      root = leesEnvelope(raw).body;
    } catch {
      throw new PartnerFout(`geen SOAP-antwoord: ${raw.slice(0, 120).replace(/\s+/g, ' ')}`);
    }
    if (root.local === 'Fault') {
      const detail = child(root, 'detail') ?? child(root, 'Detail');
      const fo = detail?.children.find((c) => c.ns === NS.stuf && /^Fo0\dBericht$/.test(c.local));
      const code = child(child(fo, 'body'), 'code')?.text.trim();
      if (code && /^StUF\d{3}$/.test(code)) v.uitkomst = v.foutcode = code;
      throw new PartnerFout(`fout: ${foutTekst(fo, child(root, 'faultstring')?.text.trim() ?? '').tekst}`.slice(0, 300));
    }
    if (!root.local.endsWith('La01')) throw new PartnerFout(`antwoord is geen La01 maar ${root.local}`);
    v.uitkomst = 'La01';
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

/** What one status question sent and got, as far as it got. */
interface Gesprek {
  referentienummer?: string;
  actie?: string;
  vraag?: string;
  antwoord?: string;
  uitkomst?: string;
  foutcode?: string;
}
