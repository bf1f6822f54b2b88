// The configured ketenpartners, found by name, by the StUF identity they send with, or by their zaak numbering.
import type { Systeem } from '../stuf/stuurgegevens';
import { zelfdeSysteem } from '../uitgaand/bestemmingen';
import type { PartnerConfig } from './configSchema';

export class Partners {
  private readonly opNaam: Map<string, PartnerConfig>;

  constructor(readonly lijst: PartnerConfig[]) {
    this.opNaam = new Map(lijst.map((p) => [p.naam, p]));
  }

  vind(naam: string): PartnerConfig | undefined {
    return this.opNaam.get(naam);
  }

  /** The partner this application is (the caller, the zender of a message). */
  vanSysteem(s: Partial<Systeem> | undefined): PartnerConfig | undefined {
    if (!s?.applicatie) return undefined;
    const applicatie = s.applicatie;
    return this.lijst.find((p) => zelfdeSysteem(p.zender, { ...s, applicatie }));
  }

  /** The partner whose numbering this identificatie is in: the longest matching beginning wins. */
  vanIdentificatie(identificatie: string): PartnerConfig | undefined {
    let beste: { p: PartnerConfig; lengte: number } | undefined;
    for (const p of this.lijst) {
      for (const begin of p.zaakidentificatie) {
        if (identificatie.startsWith(begin) && (!beste || begin.length > beste.lengte)) beste = { p, lengte: begin.length };
      }
    }
    return beste?.p;
  }
}
