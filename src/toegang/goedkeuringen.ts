// Verified HTTP basic credentials, for a short while: a keep-alive client pays the KDF once, not per request.
// Remembered by a keyed hash (HMAC with a key that lives only in this process) of user name and password: the
// password is never kept, and a memory dump does not give a digest one could test guesses against offline.
import { createHmac, randomBytes } from 'node:crypto';

/** Far more than the registered applications; a full cache forgets its oldest entry. */
const MAX_GOEDKEURINGEN = 1000;

export class Goedkeuringen {
  private readonly sleutel = randomBytes(32);
  private readonly verloopt = new Map<string, number>();

  constructor(private readonly seconden: number, private readonly klok: () => number = Date.now) {}

  kenmerk(gebruikersnaam: string, wachtwoord: string): string {
    return createHmac('sha256', this.sleutel).update(gebruikersnaam, 'utf8').update('\u0000').update(wachtwoord, 'utf8').digest('base64');
  }

  geldig(kenmerk: string): boolean {
    const tot = this.verloopt.get(kenmerk);
    if (tot === undefined) return false;
    if (tot > this.klok()) return true;
    this.verloopt.delete(kenmerk);
    return false;
  }

  onthoud(kenmerk: string): void {
    if (this.seconden <= 0) return;
    this.verloopt.delete(kenmerk); // re-inserted at the end: the oldest entry stays first
    if (this.verloopt.size >= MAX_GOEDKEURINGEN) this.verloopt.delete(this.verloopt.keys().next().value!);
    this.verloopt.set(kenmerk, this.klok() + this.seconden * 1000);
  }
}
