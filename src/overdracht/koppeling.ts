// Which handover a Du01 answers: the open one whose Di01 carried its crossRefnummer and went to the backoffice
// that sends it. Another backoffice cannot answer for it, and an unknown or settled one is StUF043 (rzs.md §7).
import type { Store } from '../store';
import { OPENSTAAND, Overdracht } from '../store/overdrachten';
import { StufFout } from '../stuf/fout';
import { Systeem, systeemLabel } from '../stuf/stuurgegevens';
import type { Bestemmingen } from '../uitgaand/bestemmingen';
import type { BestemmingConfig } from '../uitgaand/configSchema';

export async function beantwoordeOverdracht(
  store: Store, bestemmingen: Bestemmingen, crossRefnummer: string, zender: Systeem | undefined,
): Promise<{ overdracht: Overdracht; backoffice: BestemmingConfig }> {
  const backoffice = bestemmingen.vanSysteem(zender);
  const vanBackoffice = backoffice ? (await store.overdrachten.metReferentie(crossRefnummer)).filter((o) => o.backoffice === backoffice.naam) : [];
  const open = vanBackoffice.find((o) => OPENSTAAND.includes(o.status));
  if (open && backoffice) return { overdracht: open, backoffice };
  const wie = `${systeemLabel(zender)}${backoffice ? ` (bestemming ${backoffice.naam})` : ', geen geconfigureerde bestemming'}`;
  const beantwoord = vanBackoffice[0];
  const waarom = beantwoord
    ? `de overdracht van zaak ${beantwoord.zaak} is al beantwoord (${beantwoord.status}, referentienummer ${beantwoord.antwoordReferentienummer ?? '-'})`
    : `geen openstaande overdracht met dat referentienummer aan ${wie}`;
  throw new StufFout('StUF043', `crossRefnummer ${crossRefnummer} onbekend: ${waarom}`);
}
