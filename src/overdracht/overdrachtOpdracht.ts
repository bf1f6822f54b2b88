// Command `overdrachten`: the handovers (overdragenZaak) and where each stands. A backoffice's melding may say why
// it refused a zaak in terms of the person concerned, so it is shown only on request (--melding).
import type { Config } from '../config';
import { Overdracht, OverdrachtStatus } from '../store/overdrachten';
import { systeemLabel } from '../stuf/stuurgegevens';
import { OpdrachtFout, bekendeBestemming, eenVan, enkel, json, leesArgumenten, meervoud, metStore } from '../uitgaand/opdrachtHulp';

const STATUSSEN = Object.keys({ aangeboden: 1, afgeleverd: 1, onbestelbaar: 1, geaccepteerd: 1, geweigerd: 1 } satisfies Record<OverdrachtStatus, 1>) as OverdrachtStatus[];

const GEBRUIK = `gebruik: overdrachten [--status ${STATUSSEN.join('|')}] [--backoffice B] [--melding] [--json]
  --melding toont de melding van de backoffice (bij een weigering kan die persoonsgegevens bevatten).`;

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

/** `overdrachten ...`: returns the exit code; wrong use throws OpdrachtFout (exit code 1, message on stderr). */
export async function overdrachtenOpdracht(config: Config, argv: string[], schrijf: (s: string) => void): Promise<number> {
  const woorden = argv[0] === 'lijst' ? argv.slice(1) : argv;
  if (woorden[0] === 'help' || woorden[0] === '--help') return (schrijf(`${GEBRUIK}\n`), 0);
  const a = leesArgumenten(woorden, { waarden: ['--status', '--backoffice'], vlaggen: ['--melding', '--json'] }, GEBRUIK);
  if (a.vrij.length) throw new OpdrachtFout(`overdrachten: onbekende subopdracht '${a.vrij[0]}'\n${GEBRUIK}`);
  const status = eenVan('--status', enkel(a, '--status', GEBRUIK), STATUSSEN);
  const backoffice = enkel(a, '--backoffice', GEBRUIK);
  return metStore(config, async (store) => {
    if (backoffice) bekendeBestemming(config, backoffice, (await store.overdrachten.lijst()).map((o) => o.backoffice));
    const regels = (await store.overdrachten.lijst({ status, backoffice })).map((o) => regel(o, a.vlaggen.has('--melding')));
    if (a.vlaggen.has('--json')) schrijf(json(regels));
    else {
      for (const r of regels) schrijf(`${regelTekst(r)}\n`);
      schrijf(`${meervoud(regels.length, 'overdracht', 'overdrachten')}\n`);
    }
    return 0;
  });
}
