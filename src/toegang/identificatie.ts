// Identifying the caller from the transport: HTTP basic or a TLS client certificate names a registered
// application; the StUF zender it declares must be that application's (rzs.md §9: the transport decides).
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { ApplicatieConfig, Config } from '../config';
import { StufFout } from '../stuf/fout';
import type { Systeem } from '../stuf/stuurgegevens';
import { Aanroeper, OPEN_AANROEPER } from './aanroeper';

export interface Transport {
  basic?: { gebruikersnaam: string; wachtwoord: string };
  /** The client certificate of a TLS connection, when one was sent. */
  certificaat?: { vingerafdruk: string; onderwerp: string; geverifieerd: boolean };
}

const SCRYPT_LENGTE = 32;

/** `scrypt:<salt>:<hash>` for the configuration (command `wachtwoord`). */
export function hashWachtwoord(wachtwoord: string): string {
  const zout = randomBytes(16);
  return `scrypt:${zout.toString('hex')}:${scryptSync(wachtwoord, zout, SCRYPT_LENGTE).toString('hex')}`;
}

export const normaliseerVingerafdruk = (v: string) => v.replace(/:/g, '').toUpperCase();

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/** Reads an Authorization header; undefined when it is not HTTP basic. */
export function leesBasic(header: string | undefined): Transport['basic'] {
  const m = /^\s*Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m) return undefined;
  const tekst = Buffer.from(m[1], 'base64').toString('utf8');
  const i = tekst.indexOf(':');
  if (i < 0) return undefined;
  return { gebruikersnaam: tekst.slice(0, i), wachtwoord: tekst.slice(i + 1) };
}

const geweigerd = (details: string) => new StufFout('StUF052', details);

export class Toegangsregister {
  private readonly opGebruiker = new Map<string, ApplicatieConfig>();
  private readonly opVingerafdruk = new Map<string, ApplicatieConfig>();
  private readonly opOnderwerp = new Map<string, ApplicatieConfig>();
  /** Verified passwords (by hash), so that scrypt runs once per credential, not once per request. */
  private readonly goedgekeurd = new Set<string>();

  constructor(private readonly config: Config['toegang']) {
    for (const a of config.applicaties) {
      if (a.basic) this.opGebruiker.set(a.basic.gebruikersnaam, a);
      if (a.certificaat?.vingerafdruk) this.opVingerafdruk.set(normaliseerVingerafdruk(a.certificaat.vingerafdruk), a);
      if (a.certificaat?.onderwerp) this.opOnderwerp.set(a.certificaat.onderwerp, a);
    }
  }

  get open(): boolean {
    return this.config.modus === 'open';
  }

  private wachtwoordKlopt(a: ApplicatieConfig, wachtwoord: string): boolean {
    const b = a.basic!;
    const sleutel = `${b.gebruikersnaam}\u0000${sha256(wachtwoord).toString('hex')}`;
    if (this.goedgekeurd.has(sleutel)) return true;
    let ok: boolean;
    if (b.wachtwoord !== undefined) ok = timingSafeEqual(sha256(b.wachtwoord), sha256(wachtwoord));
    else {
      const [, zout, hash] = b.wachtwoordHash!.split(':');
      const verwacht = Buffer.from(hash, 'hex');
      ok = timingSafeEqual(scryptSync(wachtwoord, Buffer.from(zout, 'hex'), verwacht.length), verwacht);
    }
    if (ok && this.goedgekeurd.size < 10_000) this.goedgekeurd.add(sleutel);
    return ok;
  }

  /** The application the transport identity belongs to; a StUF052 when credentials are presented but wrong. */
  private viaTransport(t: Transport): { app: ApplicatieConfig; via: 'basic' | 'certificaat' } | undefined {
    let viaBasic: ApplicatieConfig | undefined;
    if (t.basic) {
      viaBasic = this.opGebruiker.get(t.basic.gebruikersnaam);
      if (!viaBasic || !this.wachtwoordKlopt(viaBasic, t.basic.wachtwoord)) {
        throw geweigerd('HTTP basic: gebruikersnaam of wachtwoord is onjuist');
      }
    }
    let viaCert: ApplicatieConfig | undefined;
    if (t.certificaat) {
      viaCert = this.opVingerafdruk.get(normaliseerVingerafdruk(t.certificaat.vingerafdruk));
      if (!viaCert && t.certificaat.geverifieerd) viaCert = this.opOnderwerp.get(t.certificaat.onderwerp);
      if (!viaCert && !viaBasic && !this.open) {
        throw geweigerd(`Het TLS-clientcertificaat (SHA-256 ${t.certificaat.vingerafdruk}) hoort bij geen geregistreerde applicatie`);
      }
    }
    if (viaBasic && viaCert && viaBasic !== viaCert) {
      throw geweigerd(`HTTP basic (applicatie ${viaBasic.zender.applicatie}) en het clientcertificaat (applicatie ${viaCert.zender.applicatie}) horen bij verschillende applicaties`);
    }
    if (viaCert) return { app: viaCert, via: 'certificaat' };
    if (viaBasic) return { app: viaBasic, via: 'basic' };
    return undefined;
  }

  private isGeregistreerd(zender: Systeem): boolean {
    return this.config.applicaties.some((a) => a.zender.applicatie === zender.applicatie && (!a.zender.organisatie || !zender.organisatie || a.zender.organisatie === zender.organisatie));
  }

  /**
   * The caller of one request. In `beveiligd` mode without a known transport identity: StUF013 for a zender the
   * registry does not know, StUF052 otherwise. A declared zender other than the transport's application is refused.
   */
  identificeer(t: Transport, zender: Systeem | undefined): Aanroeper {
    const gevonden = this.viaTransport(t);
    const gebruiker = zender?.gebruiker ? { gebruiker: zender.gebruiker } : {};
    if (!gevonden) {
      if (this.open) return { ...OPEN_AANROEPER(zender?.applicatie || 'onbekend', zender?.organisatie), ...gebruiker };
      if (zender?.applicatie && !this.isGeregistreerd(zender)) {
        throw new StufFout('StUF013', `Zender ${zenderLabel(zender)} is niet geregistreerd bij deze gateway`);
      }
      throw geweigerd('Geen inloggegevens: meld de applicatie aan met HTTP basic of met een TLS-clientcertificaat');
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

const zenderLabel = (s: Systeem) => `${s.organisatie ? `${s.organisatie}/` : ''}${s.applicatie}`;
