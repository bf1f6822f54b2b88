// One request, end to end: envelope → dispatch → stuurgegevens → idempotency → operation in one transaction →
// answer in the caller's dialect, or a SOAP fault carrying Fo02/Fo03. Nothing else ever reaches the wire.
import { createHash, randomUUID } from 'node:crypto';
import { foutbericht, FoutSoort } from '../stuf/berichten';
import { Afwijkingen } from '../stuf/entiteit';
import { StufFout, schemaFout } from '../stuf/fout';
import { Stuurgegevens, berichtcodeUitRoot, leesStuurgegevens, systeemLabel } from '../stuf/stuurgegevens';
import { Deel, XElement, XmlSyntaxError, parseXml, serialize, serializeDelen } from '../stuf/xml';
import { leesXml } from '../stuf/xmlLezer';
import { EnvelopeFout, SoapVersie, contentType, envelopeDelen, envelopeUit, faultEnvelope } from './envelope';
import { Invoer, MARKER, koppelBinair, leesInvoer } from './invoer';
import { HttpLichaam, antwoordLichaam } from './uitvoer';
import { Dispatcher, normaliseerActie } from './dispatch';
import { tijdelijkeOpslagfout } from './opslagFout';
import { Antwoord, Bericht, Gateway, Operatie, OperatieContext } from './operatie';
import type { Transport } from '../toegang/identificatie';
import { Aanroeper } from '../toegang/aanroeper';
import { leesNoodtoegang } from '../toegang/noodtoegang';
import { controleerOperatie } from '../toegang/rechten';
import { persoonsgegevensIn } from '../toegang/persoonsgegevens';
import type { ProtocolSoort } from '../store/protocol';
import type { Store } from '../store';
import { meldWijziging } from '../notificaties/trigger';
import { signaleerRegie } from '../notificaties/signalen';
import { partnerBereik } from '../partners/bereik';
import { Uitwisseling, zonderInhoud } from '../waarneming';

export interface HttpVerzoek {
  /** The raw body (charset, MTOM and inline content are sorted out here), or text already decoded. */
  body: Buffer | string;
  contentType?: string;
  soapAction?: string;
  /** The endpoint path, used to choose Fo02 or Fo03 when the message itself does not tell. */
  pad: string;
  /** Credentials the HTTP/TLS layer saw (basic, client certificate). */
  transport?: Transport;
  /**
   * A message the gateway makes itself at an operator's command (src/regie): no credentials to identify, so its caller
   * is given. Every other step (rights, rules, transaction, outbox, idempotency) is a received message's.
   */
  aanroeper?: Aanroeper;
}

export interface HttpAntwoord extends HttpLichaam {
  status: number;
}

const ASYNCHRONE_BERICHTCODES = new Set(['Lk01', 'Lk02', 'Di01', 'Du01', 'Bv01', 'Fo01', 'Fo03']);

/** Fo03 for asynchronous messages, Fo02 for questions and synchronous vrije berichten. */
export function foutSoortVoor(pad: string, root?: XElement, sg?: Stuurgegevens, op?: Operatie): FoutSoort {
  if (op) return op.asynchroon ? 'Fo03' : 'Fo02';
  if (sg?.berichtcode) return ASYNCHRONE_BERICHTCODES.has(sg.berichtcode) ? 'Fo03' : 'Fo02';
  if (root && /(Lk0\d|Di01|Du01)$/.test(root.local)) return 'Fo03';
  if (root && /(Lv0\d|Di02)$/.test(root.local)) return 'Fo02';
  return /OntvangAsynchroon/i.test(pad) ? 'Fo03' : 'Fo02';
}

function controleerStuurgegevens(gw: Gateway, op: Operatie, sg: Stuurgegevens, afw: Afwijkingen): void {
  const verwacht = op.stuurgegevens;
  if (!sg.berichtcode) throw schemaFout('stuurgegevens/berichtcode ontbreekt');
  if (sg.berichtcode !== verwacht.berichtcode) {
    const bekend = /^(Lk0\d|Lv0\d|La0\d|Di0\d|Du0\d|Bv0\d|Fo0\d|Sh0\d|Sa0\d)$/.test(sg.berichtcode);
    throw new StufFout(bekend ? 'StUF025' : 'StUF022', `stuurgegevens/berichtcode is '${sg.berichtcode}'; ${op.naam} verwacht '${verwacht.berichtcode}'`);
  }
  if (verwacht.entiteittype && sg.entiteittype !== verwacht.entiteittype) {
    if (!sg.entiteittype) throw schemaFout(`stuurgegevens/entiteittype ontbreekt; ${op.naam} verwacht '${verwacht.entiteittype}'`);
    throw new StufFout('StUF031', `stuurgegevens/entiteittype is '${sg.entiteittype}'; ${op.naam} verwacht '${verwacht.entiteittype}'`);
  }
  if (verwacht.functie && !verwacht.functie.includes(sg.functie ?? '')) {
    if (!sg.functie) throw schemaFout(`stuurgegevens/functie ontbreekt; ${op.naam} verwacht '${verwacht.functie[0]}'`);
    throw new StufFout('StUF037', `stuurgegevens/functie is '${sg.functie}'; ${op.naam} verwacht '${verwacht.functie[0]}'`);
  }
  if (op.asynchroon) {
    if (!sg.zender?.applicatie) throw schemaFout('stuurgegevens/zender/applicatie ontbreekt (verplicht in een kennisgeving)');
    if (!sg.referentienummer) throw schemaFout('stuurgegevens/referentienummer ontbreekt (verplicht in een kennisgeving)');
  }
  if (sg.zender?.applicatie !== undefined && (sg.zender.applicatie.length < 3 || sg.zender.applicatie.length > 50)) {
    throw schemaFout('stuurgegevens/zender/applicatie moet 3 tot 50 tekens lang zijn');
  }
  if (sg.referentienummer && sg.referentienummer.length > 40) throw schemaFout('stuurgegevens/referentienummer is langer dan 40 tekens');
  // We never order messages by it (zds.md A16), so a malformed one is read past, not refused.
  if (sg.tijdstipBericht && !/^\d{8,17}$/.test(sg.tijdstipBericht)) afw.meld('stuurgegevens/tijdstipBericht is geen StUF-tijdstip (8-17 cijfers)');
  const ontvangers = gw.config.stuf.ontvangers;
  if (ontvangers && sg.ontvanger && !(op.doorgestuurd && gw.bestemmingen.vanSysteem(sg.ontvanger))) {
    const o = sg.ontvanger;
    const bekend = ontvangers.some((x) => x.applicatie === o.applicatie && (!x.organisatie || x.organisatie === o.organisatie) && (!x.administratie || x.administratie === o.administratie));
    if (!bekend) throw new StufFout('StUF010', `stuurgegevens/ontvanger ${systeemLabel(o)} is niet deze gateway`);
  }
}

/** WS-Addressing Action: where SOAP 1.2 clients (WCF) may put the action instead of the content type. */
function wsaActie(headers: XElement[]): string | undefined {
  const a = headers.find((h) => h.local === 'Action' && (h.ns === 'http://www.w3.org/2005/08/addressing' || h.ns === 'http://schemas.xmlsoap.org/ws/2004/08/addressing'));
  return normaliseerActie(a?.text);
}

/** What identifies a message for resend recognition: its serialised body and, without decoding it, its content. */
function hashVan(root: XElement): string {
  const hash = createHash('sha256');
  for (const d of serializeDelen(root)) {
    if (typeof d === 'string') hash.update(d);
    else d.kenmerk(hash);
  }
  return hash.digest('hex');
}

interface TeProtocolleren {
  soort: ProtocolSoort;
  bsns: string[];
}

/**
 * Whether a message must be protocolled, and with which BSNs: an answer with personal data or document content, a
 * person query, an emergency read (lezen); for a change also the message itself when it carries a natural person or
 * document content (schrijven). One row per message: a change that also answers personal data is one schrijven row
 * with the BSNs of both.
 */
function teProtocolleren(ctx: OperatieContext, antwoord: Antwoord, wijziging?: Bericht): TeProtocolleren | undefined {
  const p = persoonsgegevensIn(antwoord.bericht);
  const gevraagd = antwoord.gevraagdePersonen ?? [];
  const geschreven = wijziging ? persoonsgegevensIn(wijziging.root) : undefined;
  const schrijven = geschreven !== undefined && (geschreven.personen || geschreven.documentinhoud);
  if (!schrijven && !ctx.aanroeper.noodtoegang && !p.personen && !p.documentinhoud && gevraagd.length === 0) return undefined;
  const bsns = [...new Set([...gevraagd, ...p.bsns, ...(schrijven ? geschreven.bsns : [])])].sort();
  return { soort: schrijven ? 'schrijven' : 'lezen', bsns };
}

/** Where the notes an operation collects stood before a transaction, to go back there when it is run again. */
function notitieStand(ctx: OperatieContext): { herstel(): void } {
  const lijsten = [ctx.meldingen, ctx.antwoordMeldingen, ctx.afw.lijst, ctx.afw.notities];
  const lengtes = lijsten.map((l) => l.length);
  return { herstel: () => lijsten.forEach((l, i) => { l.length = lengtes[i]; }) };
}

const heeftBinair = (e: XElement): boolean => e.binair !== undefined || e.children.some(heeftBinair);

/** The berichtcode of an answer's root: Bv03Bericht, zakLa01, … → Bv03, La01. */
const berichtcodeVan = (root: XElement): string => (/(Bv0\d|La0\d|Du0\d|Di0\d)(Bericht)?$/.exec(root.local)?.[1] ?? root.local);

/** Bodies larger than this are not given to the observers as text: the journal keeps no such body anyway. */
const MAX_TEKST = 4 * 1024 * 1024;

/**
 * A request as text without document content: the decoded text (content cut out by leesInvoer leaves a marker on
 * its start tag, dropped here), or the body read as UTF-8 when it was not decoded or was decoded in slices.
 */
function verzoekTekst(tekst: string | Iterable<string> | undefined, body: Buffer | string): string {
  if (typeof tekst === 'string') return zonderInhoud(tekst).replaceAll(new RegExp(` ${MARKER}="#\\d+"`, 'g'), '');
  if (typeof body === 'string') return zonderInhoud(body);
  return body.length <= MAX_TEKST ? zonderInhoud(body.toString('utf8')) : '';
}

/** An answer's text without the document content its binary parts stream. */
const tekstVan = (delen: Deel[]): string => delen.map((d) => (typeof d === 'string' ? d : '')).join('');

/** Reports an answer with what the processing learnt of the exchange (the request's own facts are added by verwerk). */
type Meld = (a: HttpAntwoord, u: Omit<Uitwisseling, 'tijd' | 'richting' | 'soort' | 'endpoint' | 'actie' | 'ms' | 'httpStatus' | 'grootteVerzoek' | 'grootteAntwoord'>) => HttpAntwoord;

const grootteVan = (a: HttpAntwoord): number => a.lengte ?? (typeof a.body === 'string' ? Buffer.byteLength(a.body) : 0);

export class Verwerker {
  constructor(
    private readonly gw: Gateway,
    private readonly dispatcher: Dispatcher,
  ) {}

  /** Processes one request and reports the exchange to the observers (metrics, journal). */
  async verwerk(verzoek: HttpVerzoek): Promise<HttpAntwoord> {
    const tijd = new Date();
    const start = process.hrtime.bigint();
    const meld: Meld = (antwoord, u) => {
      this.gw.waarneming?.uitwisseling({
        tijd, richting: 'in', soort: 'verzoek', endpoint: verzoek.pad.split('?')[0], actie: verzoek.soapAction, httpStatus: antwoord.status,
        ms: Number(process.hrtime.bigint() - start) / 1e6, grootteVerzoek: typeof verzoek.body === 'string' ? Buffer.byteLength(verzoek.body) : verzoek.body.length,
        grootteAntwoord: grootteVan(antwoord), ...u,
      });
      return antwoord;
    };
    return this.verwerkEnMeld(verzoek, start, meld);
  }

  private async verwerkEnMeld(verzoek: HttpVerzoek, start: bigint, meld: Meld): Promise<HttpAntwoord> {
    let versie: SoapVersie = '1.1';
    let root: XElement | undefined;
    let sg: Stuurgegevens = {};
    let op: Operatie | undefined;
    let aanroeper: Aanroeper | undefined;
    const afw = new Afwijkingen(this.gw.config.stuf.validatie === 'strict');
    const meldingen: string[] = [];
    let mtom = false;
    let tekst: string | Iterable<string> | undefined;
    let dialect: string | undefined;
    const kop = () => ({
      operatie: op?.naam,
      dialect,
      zender: sg.zender ? systeemLabel(sg.zender) : undefined,
      ontvanger: sg.ontvanger ? systeemLabel(sg.ontvanger) : undefined,
      referentienummer: sg.referentienummer,
      crossRefnummer: sg.crossRefnummer,
      verzoek: () => verzoekTekst(tekst, verzoek.body),
    });
    const logVelden = () => ({
      operatie: op?.naam,
      zender: systeemLabel(sg.zender),
      rol: aanroeper?.rol,
      ...(aanroeper?.noodtoegang ? { noodtoegang: true } : {}),
      referentienummer: sg.referentienummer,
      ms: Number(process.hrtime.bigint() - start) / 1e6,
    });
    try {
      const limieten = this.gw.config.invoer;
      const invoer: Invoer = typeof verzoek.body === 'string' ? { tekst: verzoek.body, bijlagen: new Map(), mtom: false } : leesInvoer(verzoek.body, verzoek.contentType, limieten);
      mtom = invoer.mtom;
      tekst = invoer.tekst;
      const env = envelopeUit(await leesXml(invoer.tekst, limieten));
      versie = env.versie;
      root = env.body;
      koppelBinair(root, invoer.bijlagen);
      sg = leesStuurgegevens(root);
      const keuze = this.dispatcher.kies(normaliseerActie(verzoek.soapAction) ?? wsaActie(env.headers), root);
      if (!keuze) {
        throw new StufFout('StUF040', `Onbekend bericht: SOAPAction '${verzoek.soapAction ?? ''}', body-root {${root.ns}}${root.local}; deze gateway ondersteunt ${this.dispatcher.operaties.map((o) => o.naam).join(', ')}`);
      }
      op = keuze.operatie;
      dialect = keuze.dialect;
      sg = berichtcodeUitRoot(sg, root, op.stuurgegevens.berichtcode, afw);
      controleerStuurgegevens(this.gw, op, sg, afw);
      aanroeper = verzoek.aanroeper ?? (await this.gw.toegang.identificeer(verzoek.transport ?? {}, sg.zender));
      const nood = leesNoodtoegang(env.headers, root);
      if (nood) aanroeper.noodtoegang = nood;
      controleerOperatie(aanroeper, op);
      this.herkenPartner(aanroeper);
      const bericht: Bericht = { root, dialect: keuze.dialect, stuurgegevens: sg };
      const ctx: OperatieContext = { ...this.gw, afw, meldingen, antwoordMeldingen: [], eigen: this.gw.config.stuf.zender, aanroeper };
      if (op.vooraf) await op.vooraf(ctx, bericht);
      const inUitgaand = this.gw.store.uitgaand.toegevoegd;
      const antwoord = op.wijzigt ? await this.verwerkWijziging(op, ctx, bericht) : await this.verwerkVraag(op, ctx, bericht);
      // The worker looks at the outbox in a write transaction of its own: only when something was put in it meanwhile
      // (by this message, or by another one running beside it: waking the worker once too often costs nothing).
      if (this.gw.store.uitgaand.toegevoegd !== inUitgaand) this.gw.bezorger?.wek();
      if (antwoord.geprotocolleerd) this.gw.waarneming?.protocolRegel(antwoord.geprotocolleerd);
      this.gw.log.info({ ...logVelden(), dialect: keuze.dialect, zaken: antwoord.zaken, afwijkingen: afw.lijst, meldingen: [...meldingen, ...afw.notities] }, 'verwerkt');
      const alsMtom = mtom || (this.gw.config.documenten.mtom === 'altijd' && heeftBinair(antwoord.bericht));
      const delen = envelopeDelen(versie, antwoord.bericht);
      return meld({ status: 200, ...antwoordLichaam(delen, contentType(versie), alsMtom) }, {
        ...kop(), zaken: [...new Set(antwoord.zaken ?? [])], uitkomst: berichtcodeVan(antwoord.bericht),
        ...(antwoord.herhaald ? { herhaald: true } : {}), antwoord: () => tekstVan(delen),
      });
    } catch (e) {
      if (e instanceof EnvelopeFout && e.versie) versie = e.versie;
      const fout = this.alsStufFout(e, op);
      const soort = foutSoortVoor(verzoek.pad, root, sg, op);
      this.gw.log.warn({ ...logVelden(), fout: fout.code, details: fout.voorLog ?? fout.details, afwijkingen: afw.lijst }, 'geweigerd');
      const detail = foutbericht(soort, fout, sg, this.gw.config.stuf.zender);
      const envelop = faultEnvelope(versie, fout.plek, fout.omschrijving, detail);
      return meld({ status: 500, ...antwoordLichaam([envelop], contentType(versie), mtom) }, {
        ...kop(), zaken: [], uitkomst: fout.code, foutcode: fout.code, ...(root ? {} : { onleesbaar: true }), antwoord: () => envelop,
      });
    }
  }

  /** A ketenpartner calling (by role or by a partners entry): it sees only its own mirrored zaken and their deelplannen. */
  private herkenPartner(a: Aanroeper): void {
    const bereik = partnerBereik(this.gw.partners, this.gw.store, a);
    if (bereik) a.partner = bereik;
  }

  /**
   * The context inside a transaction: its store, and a partner scope that reads the mirrors through it. The notes
   * (meldingen, afwijkingen) are the same lists as outside.
   */
  private binnen(ctx: OperatieContext, store: Store): OperatieContext {
    const a = ctx.aanroeper;
    return { ...ctx, store, aanroeper: a.partner ? { ...a, partner: partnerBereik(this.gw.partners, store, a) } : a };
  }

  /** A question: answered from one consistent read; its protocol row is committed before the answer leaves. */
  private async verwerkVraag(op: Operatie, ctx: OperatieContext, bericht: Bericht): Promise<Antwoord> {
    return this.gw.store.leesEnSchrijf(
      (store) => op.verwerk(this.binnen(ctx, store), bericht),
      (antwoord) => {
        const wat = teProtocolleren(ctx, antwoord);
        return wat && ((store) => this.protocolleer(store, op, ctx, bericht, antwoord, wat));
      },
    );
  }

  /** One protocol row for personal data read or written, or an emergency read (design.md "Who may see what"). */
  private async protocolleer(store: Store, op: Operatie, ctx: OperatieContext, bericht: Bericht, antwoord: Antwoord, { soort, bsns }: TeProtocolleren): Promise<void> {
    const a = ctx.aanroeper;
    antwoord.geprotocolleerd = soort;
    await store.protocol.schrijf({
      tijdstip: new Date().toISOString(),
      soort,
      applicatie: a.applicatie,
      ...(a.organisatie ? { organisatie: a.organisatie } : {}),
      ...(a.gebruiker ? { gebruiker: a.gebruiker } : {}),
      rol: a.rol,
      via: a.via,
      operatie: op.naam,
      ...(bericht.stuurgegevens.referentienummer ? { referentienummer: bericht.stuurgegevens.referentienummer } : {}),
      ...(a.noodtoegang ? { noodtoegangReden: a.noodtoegang.reden, ...(a.noodtoegang.doelbinding ? { doelbinding: a.noodtoegang.doelbinding } : {}) } : {}),
      zaken: [...new Set(antwoord.zaken ?? [])],
      bsns,
    });
  }

  /**
   * Inside a write transaction (`ctx.store` is its store): the operation and, when it or its answer carries personal
   * data, its protocol row.
   */
  private async verwerkEnProtocolleer(op: Operatie, ctx: OperatieContext, bericht: Bericht): Promise<Antwoord> {
    const antwoord = await op.verwerk(ctx, bericht);
    const gebeurtenis = antwoord.gebeurtenis === undefined ? op.gebeurtenis : antwoord.gebeurtenis ?? undefined;
    if (gebeurtenis && antwoord.zaken?.length) {
      const zender = bericht.stuurgegevens.zender;
      const aantal = (await meldWijziging(ctx, antwoord.zaken, gebeurtenis, zender)) + (await signaleerRegie(ctx, antwoord.zaken, gebeurtenis, zender, antwoord.personenVooraf));
      if (aantal) ctx.meldingen.push(`${aantal} bericht(en) in de uitgaande wachtrij`);
    }
    const wat = teProtocolleren(ctx, antwoord, bericht);
    if (wat) await this.protocolleer(ctx.store, op, ctx, bericht, antwoord, wat);
    return antwoord;
  }

  /** A state change: recognised when resent, processed and recorded in one transaction, answered after commit. */
  private async verwerkWijziging(op: Operatie, ctx: OperatieContext, bericht: Bericht): Promise<Antwoord> {
    const sg = bericht.stuurgegevens;
    const sleutel = sg.zender?.applicatie && sg.referentienummer
      ? { organisatie: sg.zender.organisatie ?? '', applicatie: sg.zender.applicatie, referentienummer: sg.referentienummer }
      : undefined;
    const hash = hashVan(bericht.root);
    const begin = notitieStand(ctx);
    return this.gw.store.transactie(async (store) => {
      // Run again after a serialisation conflict (PostgreSQL): only this attempt's notes reach the log and the answer.
      begin.herstel();
      const binnen = this.binnen(ctx, store);
      if (sleutel) {
        const eerder = await store.idempotentie.vind(sleutel);
        if (eerder) {
          if (eerder.hash !== hash || eerder.operatie !== op.naam) {
            throw new StufFout('StUF016', `Referentienummer ${sleutel.referentienummer} van ${systeemLabel(sg.zender)} is eerder ontvangen met een andere inhoud; gebruik een nieuw referentienummer`);
          }
          if (op.herhaalbaar) {
            ctx.meldingen.push('herhaald bericht: opnieuw verwerkt');
            return this.verwerkEnProtocolleer(op, binnen, bericht);
          }
          ctx.meldingen.push('herhaald bericht: eerder antwoord teruggegeven');
          return { bericht: parseXml(eerder.antwoord), herhaald: true }; // re-enveloped for the resend's SOAP version
        }
      }
      const antwoord = await this.verwerkEnProtocolleer(op, binnen, bericht);
      const bewaard = op.herhaalbaar ? '' : serialize(antwoord.bericht);
      if (sleutel) await store.idempotentie.bewaar(sleutel, { operatie: op.naam, hash, antwoord: bewaard, httpStatus: 200 });
      return antwoord;
    }, op.isolatie ? { isolatie: op.isolatie } : undefined);
  }

  private alsStufFout(e: unknown, op?: Operatie): StufFout {
    if (e instanceof StufFout) return e;
    if (e instanceof EnvelopeFout || e instanceof XmlSyntaxError) return schemaFout(e.message);
    const kenmerk = randomUUID();
    const code = tijdelijkeOpslagfout(e);
    this.gw.log.error({ err: e, kenmerk }, 'interne fout bij verwerken bericht');
    if (code) {
      return new StufFout(op?.asynchroon === false ? 'StUF049' : 'StUF046', `De opslag van de gateway is tijdelijk niet beschikbaar (${code}); bied het bericht later opnieuw aan. Kenmerk ${kenmerk}`);
    }
    return new StufFout('StUF058', `Interne fout in de gateway; niets is opgeslagen. Kenmerk voor de beheerder: ${kenmerk}`);
  }
}
