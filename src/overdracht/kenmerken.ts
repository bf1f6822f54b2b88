// How a zaak's answer shows its handover: extraElementen overdracht.status, overdracht.backoffice (the backoffice's
// applicatie) and overdracht.datum (when it was offered, or answered) of the most recent handover.
import type { Store } from '../store';
import type { ExtraElement } from '../domain/zaak';
import { formatAmsterdam } from '../stuf/tijd';
import type { Bestemmingen } from '../uitgaand/bestemmingen';

export async function overdrachtKenmerken(store: Store, bestemmingen: Bestemmingen, zaak: string): Promise<ExtraElement[]> {
  const o = (await store.overdrachten.van(zaak)).at(-1);
  if (!o) return [];
  return [
    { naam: 'overdracht.status', waarde: o.status },
    // A destination since removed from the configuration is still named, by its configuration name.
    { naam: 'overdracht.backoffice', waarde: bestemmingen.vind(o.backoffice)?.ontvanger.applicatie ?? o.backoffice },
    { naam: 'overdracht.datum', waarde: formatAmsterdam(Date.parse(o.beantwoord ?? o.aangeboden)) },
  ];
}
