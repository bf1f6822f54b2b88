// The configured destinations, found by name or by the StUF identity they use.
import type { Systeem } from '../stuf/stuurgegevens';
import type { BestemmingConfig } from './configSchema';

/**
 * Is this system the destination's application? applicatie must match; organisatie and administratie only count
 * when both sides have them (rzs.md A23).
 */
export function zelfdeSysteem(a: Systeem, b: Systeem): boolean {
  if (a.applicatie !== b.applicatie) return false;
  if (a.organisatie && b.organisatie && a.organisatie !== b.organisatie) return false;
  if (a.administratie && b.administratie && a.administratie !== b.administratie) return false;
  return true;
}

export class Bestemmingen {
  private readonly opNaam: Map<string, BestemmingConfig>;

  constructor(readonly lijst: BestemmingConfig[]) {
    this.opNaam = new Map(lijst.map((b) => [b.naam, b]));
  }

  vind(naam: string): BestemmingConfig | undefined {
    return this.opNaam.get(naam);
  }

  /** The destination whose application this system is (the zender of a message, the ontvanger it names). */
  vanSysteem(s: Systeem | undefined): BestemmingConfig | undefined {
    if (!s?.applicatie) return undefined;
    return this.lijst.find((b) => zelfdeSysteem(b.ontvanger, s));
  }
}
