// Identifying the caller from the transport: HTTP basic or a TLS client certificate names a registered
// application; the StUF zender it declares must be that application's (rzs.md §9: the transport decides).
import type { ApplicatieConfig, Config } from '../config';
import { ConfigFout } from '../config';
import { StufFout } from '../stuf/fout';
import type { Systeem } from '../stuf/stuurgegevens';
import { Aanroeper, OPEN_AANROEPER } from './aanroeper';
import { Goedkeuringen } from './goedkeuringen';
import { Blokkade, Inlogpogingen } from './inlogpogingen';
import { doeAlsOfWachtwoordGecontroleerd, hashFout, wachtwoordPast } from './wachtwoord';

export interface Clientcertificaat {
  /** SHA-256 fingerprint, upper-case hex without colons. */
  vingerafdruk: string;
  /** The subject as the certificate holds it (RDNs separated by newlines or commas). */
  onderwerp: string;
  /** Verified against server.tls.ca: only then may the subject identify (anyone can put any subject in a certificate). */
  geverifieerd: boolean;
  /** The validity period (epoch ms), when known. */
  geldigVanaf?: number;
  geldigTot?: number;
}

export interface Transport {
  basic?: { gebruikersnaam: string; wachtwoord: string };
  /** An Authorization header that is not readable HTTP basic: what is wrong with it, for the fault details. */
  onleesbareAanmelding?: string;
  /** The client certificate of a TLS connection, when one was sent. */
  certificaat?: Clientcertificaat;
  /** The source address (Fastify's req.ip): failed logins are counted per address, and the log names it. */
  adres?: string;
  /** The TCP connection: a keep-alive connection that proved its password keeps working while its address is blocked. */
  verbinding?: object;
}

export const normaliseerVingerafdruk = (v: string) => v.replace(/:/g, '').toUpperCase();

/**
 * A subject in one comparable form: `CN=…, O=…` and `O=…, CN=…` (RFC 4514 order is the reverse of the certificate's),
 * newline-separated (Node) and `/C=…/O=…` (OpenSSL) all become the same sorted list of TYPE=value.
 */
export function normaliseerOnderwerp(onderwerp: string): string {
  const s = onderwerp.trim();
  const delen = s.startsWith('/') ? s.split('/') : s.split(/\s*[,\n]\s*(?=[A-Za-z][A-Za-z0-9.]*\s*=)/);
  return delen
    .map((d) => d.trim())
    .filter((d) => d !== '')
    .map((d) => {
      const i = d.indexOf('=');
      return i < 0 ? d : `${d.slice(0, i).trim().toUpperCase()}=${d.slice(i + 1).trim()}`;
    })
    .sort()
    .join('\n');
}

/** Reads an Authorization header; undefined when it is not HTTP basic. */
export function leesBasic(header: string | undefined): Transport['basic'] {
  const m = /^\s*Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m) return undefined;
  const tekst = Buffer.from(m[1], 'base64').toString('utf8');
  const i = tekst.indexOf(':');
  if (i < 0) return undefined;
  return { gebruikersnaam: tekst.slice(0, i), wachtwoord: tekst.slice(i + 1) };
}

/** Why an Authorization header that leesBasic could not read was refused (its scheme, never its content). */
export function waaromOnleesbaar(header: string): string {
  const schema = /^\s*([A-Za-z][A-Za-z0-9-]{0,30})/.exec(header)?.[1];
  if (schema && schema.toLowerCase() === 'basic') return 'Authorization: Basic is niet te lezen; verwacht base64 van gebruikersnaam:wachtwoord';
  return `Authorization-schema '${schema ?? '?'}' wordt niet ondersteund; meld de applicatie aan met HTTP basic of met een TLS-clientcertificaat`;
}

/** A refusal; `wie` (address, user name) goes to the log line only. */
function geweigerd(details: string, wie?: string): StufFout {
  const fout = new StufFout('StUF052', details);
  if (wie) fout.voorLog = `${details} (${wie})`;
  return fout;
}
const GEEN_AANMELDING = 'Geen inloggegevens: meld de applicatie aan met HTTP basic of met een TLS-clientcertificaat';
const BASIC_ONJUIST = 'HTTP basic: gebruikersnaam of wachtwoord is onjuist';
const ONBEKEND_ADRES = 'onbekend';
/** Who tried, for the log only: the address and the user name as sent (quoted, cut short), never the password. */
const wieProbeerde = (adres: string, naam: string) => `gebruikersnaam ${JSON.stringify(naam.length > 64 ? `${naam.slice(0, 64)}…` : naam)}, adres ${adres}`;
const blokkadeTekst = (b: Blokkade) =>
  `HTTP basic: te veel mislukte aanmeldingen ${b.wat === 'adres' ? 'vanaf dit adres' : 'voor deze gebruikersnaam'}; probeer het over ${b.seconden} s opnieuw`;
const zenderLabel = (s: Systeem) => `${s.organisatie ? `${s.organisatie}/` : ''}${s.applicatie}`;
const datum = (ms: number | undefined) => (ms === undefined ? '?' : new Date(ms).toISOString().slice(0, 10));

export class Toegangsregister {
  private readonly opGebruiker = new Map<string, ApplicatieConfig>();
  private readonly opVingerafdruk = new Map<string, ApplicatieConfig>();
  private readonly opOnderwerp = new Map<string, ApplicatieConfig>();
  /** Verified passwords (by keyed hash), so that scrypt runs once per credential for a while, not once per request. */
  private readonly goedgekeurd: Goedkeuringen;
  private readonly pogingen: Inlogpogingen;
  /** Per connection the credential it proved: that connection passes a block of its address or name. */
  private readonly bewezen = new WeakMap<object, string>();
  /** Per request the application its basic login proved: the HTTP layer and the verwerker ask twice. */
  private readonly perVerzoek = new WeakMap<Transport, ApplicatieConfig>();

  constructor(private readonly config: Config['toegang'], klok: () => number = Date.now) {
    this.goedgekeurd = new Goedkeuringen(config.wachtwoordCacheSeconden, klok);
    this.pogingen = new Inlogpogingen(config.mislukteInlogs, klok);
    config.applicaties.forEach((a, i) => {
      const fout = a.basic?.wachtwoordHash !== undefined ? hashFout(a.basic.wachtwoordHash) : undefined;
      if (fout) throw new ConfigFout(`configuratie: toegang.applicaties.${i}.basic.wachtwoordHash (${a.zender.applicatie}): ${fout}`);
      if (a.basic) this.opGebruiker.set(a.basic.gebruikersnaam, a);
      if (a.certificaat?.vingerafdruk) this.opVingerafdruk.set(normaliseerVingerafdruk(a.certificaat.vingerafdruk), a);
      if (a.certificaat?.onderwerp) {
        const sleutel = normaliseerOnderwerp(a.certificaat.onderwerp);
        if (this.opOnderwerp.has(sleutel)) throw new ConfigFout(`configuratie: toegang.applicaties.${i}.certificaat.onderwerp '${a.certificaat.onderwerp}' komt bij meer dan één applicatie voor`);
        this.opOnderwerp.set(sleutel, a);
      }
    });
  }

  get open(): boolean {
    return this.config.modus === 'open';
  }

  /**
   * The application of an HTTP basic login. A credential verified a short while ago passes without the KDF; a blocked
   * address or name is refused without it (unless this very connection proved this credential before); otherwise
   * scrypt runs in the thread pool, for an unknown name as for a known one.
   */
  private async viaBasic(t: Transport, basic: NonNullable<Transport['basic']>): Promise<ApplicatieConfig> {
    const al = this.perVerzoek.get(t);
    if (al) return al;
    const { gebruikersnaam, wachtwoord } = basic;
    const adres = t.adres ?? ONBEKEND_ADRES;
    const app = this.opGebruiker.get(gebruikersnaam);
    const kenmerk = this.goedgekeurd.kenmerk(gebruikersnaam, wachtwoord);
    const bewezen = (a: ApplicatieConfig) => {
      if (t.verbinding) this.bewezen.set(t.verbinding, kenmerk);
      this.perVerzoek.set(t, a);
      return a;
    };
    const blokkade = this.pogingen.blokkade(adres, gebruikersnaam);
    if (blokkade) {
      // Only a connection that proved this password earlier: a cache hit would otherwise answer unlimited guesses.
      if (app && t.verbinding && this.bewezen.get(t.verbinding) === kenmerk) return bewezen(app);
      // Answered after a wait that costs nothing: a refusal at full speed would still take a share of the gateway.
      const wacht = this.config.mislukteInlogs.vertragingMs;
      if (wacht > 0) await new Promise((r) => setTimeout(r, wacht));
      throw geweigerd(blokkadeTekst(blokkade), wieProbeerde(adres, gebruikersnaam));
    }
    if (app && this.goedgekeurd.geldig(kenmerk)) return bewezen(app);
    const einde = this.pogingen.begin(adres, gebruikersnaam);
    let goed = false;
    try {
      // One text for an unknown name and a wrong password, and as much work: the answer does not tell which names exist.
      if (app) goed = await wachtwoordPast(app.basic!, wachtwoord);
      else await doeAlsOfWachtwoordGecontroleerd(wachtwoord);
    } finally {
      einde(goed);
    }
    if (!app || !goed) throw geweigerd(BASIC_ONJUIST, wieProbeerde(adres, gebruikersnaam));
    this.goedgekeurd.onthoud(kenmerk);
    return bewezen(app);
  }

  private viaCertificaat(c: Clientcertificaat): ApplicatieConfig | undefined {
    const app = this.opVingerafdruk.get(normaliseerVingerafdruk(c.vingerafdruk)) ?? (c.geverifieerd ? this.opOnderwerp.get(normaliseerOnderwerp(c.onderwerp)) : undefined);
    const nu = Date.now();
    if (app && ((c.geldigVanaf !== undefined && nu < c.geldigVanaf) || (c.geldigTot !== undefined && nu > c.geldigTot))) {
      throw geweigerd(`Het TLS-clientcertificaat (SHA-256 ${c.vingerafdruk}) is nu niet geldig (geldig van ${datum(c.geldigVanaf)} tot ${datum(c.geldigTot)})`);
    }
    return app;
  }

  /** The application the transport identity belongs to; a StUF052 when credentials are presented but wrong. */
  private async viaTransport(t: Transport): Promise<{ app: ApplicatieConfig; via: 'basic' | 'certificaat' } | undefined> {
    if (t.onleesbareAanmelding && !this.open) throw geweigerd(t.onleesbareAanmelding);
    const viaBasic = t.basic ? await this.viaBasic(t, t.basic) : undefined;
    const viaCert = t.certificaat ? this.viaCertificaat(t.certificaat) : undefined;
    if (t.certificaat && !viaCert && !viaBasic && !this.open) {
      const hint = t.certificaat.geverifieerd ? '' : '; registreer de vingerafdruk, of het onderwerp van een certificaat dat server.tls.ca ondertekende';
      throw geweigerd(`Het TLS-clientcertificaat (SHA-256 ${t.certificaat.vingerafdruk}) hoort bij geen geregistreerde applicatie${hint}`);
    }
    if (viaBasic && viaCert && viaBasic !== viaCert) {
      throw geweigerd(`HTTP basic (applicatie ${zenderLabel(viaBasic.zender)}) en het clientcertificaat (applicatie ${zenderLabel(viaCert.zender)}) horen bij verschillende applicaties`);
    }
    if (viaCert) return { app: viaCert, via: 'certificaat' };
    if (viaBasic) return { app: viaBasic, via: 'basic' };
    return undefined;
  }

  /**
   * Before a message is read (the HTTP layer): credentials that are presented must be right, and in `beveiligd` mode
   * there must be some. Nothing of the message is known yet; its zender is checked against them in identificeer.
   * A password is checked off the event loop (a wrong one costs scrypt each time), a right one remembered.
   */
  async controleerAanmelding(t: Transport): Promise<void> {
    if (!(await this.viaTransport(t)) && !this.open) throw geweigerd(GEEN_AANMELDING);
  }

  private isGeregistreerd(zender: Systeem): boolean {
    return this.config.applicaties.some((a) => a.zender.applicatie === zender.applicatie && (!a.zender.organisatie || !zender.organisatie || a.zender.organisatie === zender.organisatie));
  }

  /**
   * The caller of one request. In `beveiligd` mode without a known transport identity: StUF052 (the HTTP layer
   * refused it already, before the message was read). A declared zender other than the transport's application is
   * refused: StUF052, or StUF013 when no application has that zender.
   */
  async identificeer(t: Transport, zender: Systeem | undefined): Promise<Aanroeper> {
    const gevonden = await this.viaTransport(t);
    const gebruiker = zender?.gebruiker ? { gebruiker: zender.gebruiker } : {};
    if (!gevonden) {
      if (this.open) return { ...OPEN_AANROEPER(zender?.applicatie || 'onbekend', zender?.organisatie), ...gebruiker };
      throw geweigerd(GEEN_AANMELDING);
    }
    const { app, via } = gevonden;
    if (zender?.applicatie) {
      const zelfde = zender.applicatie === app.zender.applicatie && (!app.zender.organisatie || !zender.organisatie || zender.organisatie === app.zender.organisatie);
      if (!zelfde) {
        const code = this.isGeregistreerd(zender) ? 'StUF052' : 'StUF013';
        throw new StufFout(code, `stuurgegevens/zender ${zenderLabel(zender)} is niet de aangemelde applicatie ${zenderLabel(app.zender)} (${via === 'basic' ? 'HTTP basic' : 'clientcertificaat'})`);
      }
    }
    return {
      applicatie: app.zender.applicatie,
      ...(app.zender.organisatie ? { organisatie: app.zender.organisatie } : {}),
      ...gebruiker,
      rol: app.rol,
      via,
      registratie: app,
    };
  }
}
