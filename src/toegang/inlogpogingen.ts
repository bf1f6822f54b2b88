// Failed HTTP basic logins per source address and per user name: past a limit within a window the address or the
// name is blocked for a while, and a blocked attempt is refused without running the KDF, so a flood of wrong
// passwords costs the gateway almost nothing and guesses no more than the limit allows.

export interface InlogpogingInstellingen {
  perAdres: number;
  perGebruiker: number;
  vensterSeconden: number;
  blokkeerSeconden: number;
  vertragingMs: number;
}

interface Teller {
  /** Times (ms) of failed attempts within the window. */
  mislukt: number[];
  /** Attempts whose KDF still runs: counted as failures until proved right, so a burst cannot outrun the limit. */
  lopend: number;
  geblokkeerdTot: number;
}

/** Enough for every address of a busy municipality; beyond it the oldest teller goes (an attacker filling it only frees its own). */
const MAX_TELLERS = 10_000;
/** How long an address that logged in as a name stays exempt from that name's block. */
const BEKEND_MS = 24 * 3600 * 1000;

class Tellers {
  private readonly tellers = new Map<string, Teller>();

  constructor(private readonly limiet: number, private readonly venster: number, private readonly blokkeer: number) {}

  private bij(sleutel: string, nu: number, maak: boolean): Teller | undefined {
    let t = this.tellers.get(sleutel);
    if (t) {
      t.mislukt = t.mislukt.filter((m) => m > nu - this.venster);
      if (t.mislukt.length === 0 && t.lopend === 0 && t.geblokkeerdTot <= nu && !maak) {
        this.tellers.delete(sleutel);
        return undefined;
      }
    } else if (maak) {
      if (this.tellers.size >= MAX_TELLERS) this.tellers.delete(this.tellers.keys().next().value!);
      t = { mislukt: [], lopend: 0, geblokkeerdTot: 0 };
      this.tellers.set(sleutel, t);
    }
    return t;
  }

  /** Seconds until the block lapses, or 0 when an attempt may run. */
  geblokkeerd(sleutel: string, nu: number): number {
    const t = this.bij(sleutel, nu, false);
    if (!t) return 0;
    if (t.geblokkeerdTot > nu) return Math.ceil((t.geblokkeerdTot - nu) / 1000);
    return t.mislukt.length + t.lopend >= this.limiet ? Math.ceil(this.venster / 1000) : 0;
  }

  begin(sleutel: string, nu: number): void {
    this.bij(sleutel, nu, true)!.lopend++;
  }

  einde(sleutel: string, nu: number, gelukt: boolean): void {
    const t = this.bij(sleutel, nu, true)!;
    t.lopend = Math.max(0, t.lopend - 1);
    if (gelukt) return;
    t.mislukt.push(nu);
    if (t.mislukt.length < this.limiet) return;
    // The block replaces the failures that caused it: when it lapses, counting starts afresh.
    t.geblokkeerdTot = nu + this.blokkeer;
    t.mislukt = [];
  }
}

export interface Blokkade {
  /** What is blocked: the address, the user name, or both. */
  wat: 'adres' | 'gebruikersnaam';
  seconden: number;
}

const paar = (adres: string, gebruikersnaam: string) => `${adres}\u0000${gebruikersnaam}`;

export class Inlogpogingen {
  private readonly opAdres: Tellers;
  private readonly opGebruiker: Tellers;
  /**
   * Address + name pairs that logged in successfully. A name's block does not hold for them: otherwise anyone could
   * lock an application out by sending wrong passwords for its name. They still count per address.
   */
  private readonly bekend = new Map<string, number>();

  constructor(i: InlogpogingInstellingen, private readonly klok: () => number = Date.now) {
    this.opAdres = new Tellers(i.perAdres, i.vensterSeconden * 1000, i.blokkeerSeconden * 1000);
    this.opGebruiker = new Tellers(i.perGebruiker, i.vensterSeconden * 1000, i.blokkeerSeconden * 1000);
  }

  /** Whether an attempt from this address for this name is refused without checking its password. */
  blokkade(adres: string, gebruikersnaam: string): Blokkade | undefined {
    const nu = this.klok();
    const a = this.opAdres.geblokkeerd(adres, nu);
    if (a > 0) return { wat: 'adres', seconden: a };
    const g = this.opGebruiker.geblokkeerd(gebruikersnaam, nu);
    if (g === 0 || (this.bekend.get(paar(adres, gebruikersnaam)) ?? 0) > nu) return undefined;
    return { wat: 'gebruikersnaam', seconden: g };
  }

  /** Before the KDF runs; `einde` after it, with its outcome. A success counts nothing against address or name. */
  begin(adres: string, gebruikersnaam: string): (gelukt: boolean) => void {
    const nu = this.klok();
    this.opAdres.begin(adres, nu);
    this.opGebruiker.begin(gebruikersnaam, nu);
    return (gelukt) => {
      const klaar = this.klok();
      this.opAdres.einde(adres, klaar, gelukt);
      this.opGebruiker.einde(gebruikersnaam, klaar, gelukt);
      if (!gelukt) return;
      const sleutel = paar(adres, gebruikersnaam);
      this.bekend.delete(sleutel);
      if (this.bekend.size >= MAX_TELLERS) this.bekend.delete(this.bekend.keys().next().value!);
      this.bekend.set(sleutel, klaar + BEKEND_MS);
    };
  }
}
