// Command `overdrachten`: the handovers (overdragenZaak) and where each stands. A backoffice's melding may say why
// it refused a zaak in terms of the person concerned, so it is shown only on request (--melding).
import type { Config } from '../config';
import { Overdracht, OverdrachtStatus } from '../store/overdrachten';
import { systeemLabel } from '../stuf/stuurgegevens';
import { VLAG, WAARDE, leesOpdracht, opdracht } from '../opdracht/argumenten';
import { bekendeBestemming, eenVan, json, meervoud, metStore } from '../uitgaand/opdrachtHulp';

const STATUSSEN = Object.keys({ aangeboden: 1, afgeleverd: 1, onbestelbaar: 1, geaccepteerd: 1, geweigerd: 1 } satisfies Record<OverdrachtStatus, 1>) as OverdrachtStatus[];

const GEBRUIK = `gebruik: overdrachten [lijst] [--status ${STATUSSEN.join('|')}] [--backoffice B] [--melding] [--json]
  --melding toont de melding van de backoffice (bij een weigering kan die persoonsgegevens bevatten).`;

/** One listing; `overdrachten lijst` says the same as `overdrachten`. */
export const OVERDRACHTEN = opdracht({
  naam: 'overdrachten',
  gebruik: GEBRUIK,
  standaard: 'lijst',
  subopdrachten: { lijst: { opties: { status: WAARDE, backoffice: WAARDE, melding: VLAG, json: VLAG } } },
});

export interface OverdrachtRegel {
  id: number;
  zaak: string;
  zaaktype?: string;
  aanvrager: string;
  aanvragerBestemming: string;
  backoffice: string;
  dialect: Overdracht['dialect'];
  status: OverdrachtStatus;
  aangeboden: string;
  beantwoord?: string;
  referentienummer: string;
  antwoordReferentienummer?: string;
  /** Without --melding only whether there is one. */
  heeftMelding: boolean;
  melding?: string;
}

function regel(o: Overdracht, metMelding: boolean): OverdrachtRegel {
  return {
    id: o.id,
    zaak: o.zaak,
    ...(o.zaaktypeCode ? { zaaktype: o.zaaktypeCode } : {}),
    aanvrager: systeemLabel(o.aanvrager),
    aanvragerBestemming: o.aanvragerBestemming,
    backoffice: o.backoffice,
    dialect: o.dialect,
    status: o.status,
    aangeboden: o.aangeboden,
    ...(o.beantwoord ? { beantwoord: o.beantwoord } : {}),
    referentienummer: o.referentienummer,
    ...(o.antwoordReferentienummer ? { antwoordReferentienummer: o.antwoordReferentienummer } : {}),
    heeftMelding: o.melding !== undefined,
    ...(metMelding && o.melding !== undefined ? { melding: o.melding } : {}),
  };
}

function regelTekst(r: OverdrachtRegel): string {
  const melding = r.melding !== undefined ? `  melding: ${r.melding.replace(/\s+/g, ' ')}` : r.heeftMelding ? '  melding: ja (toon met --melding)' : '';
  return `#${r.id}  zaak ${r.zaak}  zaaktype ${r.zaaktype ?? '-'}  aanvrager ${r.aanvrager} (${r.aanvragerBestemming})  backoffice ${r.backoffice}  status ${r.status}` +
    `  aangeboden ${r.aangeboden}  beantwoord ${r.beantwoord ?? '-'}${melding}`;
}

/**
 * `overdrachten ...`: returns the exit code. What the parser refuses throws a GebruikFout (exit code 2), a value
 * that does not fit an OpdrachtFout (exit code 1); main.ts prints either on stderr.
 */
export async function overdrachtenOpdracht(config: Config, argv: string[], schrijf: (s: string) => void): Promise<number> {
  const a = leesOpdracht(OVERDRACHTEN, argv);
  if (a.hulp !== undefined) return (schrijf(`${a.hulp}\n`), 0);
  const status = eenVan('--status', a.waarden.status, STATUSSEN);
  const backoffice = a.waarden.backoffice;
  return metStore(config, async (store) => {
    if (backoffice) bekendeBestemming(config, backoffice, (await store.overdrachten.lijst()).map((o) => o.backoffice));
    const regels = (await store.overdrachten.lijst({ status, backoffice })).map((o) => regel(o, a.waarden.melding === true));
    if (a.waarden.json) schrijf(json(regels));
    else {
      for (const r of regels) schrijf(`${regelTekst(r)}\n`);
      schrijf(`${meervoud(regels.length, 'overdracht', 'overdrachten')}\n`);
    }
    return 0;
  });
}
