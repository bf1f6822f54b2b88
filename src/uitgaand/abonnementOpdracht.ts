// Command `abonnementen`: the subscriptions of the abonnementenbeheer (rzs.md §6.3). Those added here stay until
// removed here; those of the configuration are rewritten at every gateway start and can only change there. The
// running gateway reads the table per change, so an addition counts from the next change on.
import type { Config } from '../config';
import { Abonnement } from '../store/abonnementen';
import { GEBEURTENISSEN, herkenGebeurtenis } from '../notificaties/gebeurtenis';
import { OpdrachtFout, Sub, VLAG, WAARDE, WAARDEN, leesOpdracht, opdracht } from '../opdracht/argumenten';
import { bekendeBestemming, json, leesIds, meervoud, metStore } from './opdrachtHulp';

const GEBRUIK = `gebruik: abonnementen [lijst] [--json]
       abonnementen toevoegen --bestemming B [--zaaktype CODE]... [--gebeurtenis G]... [--json]
       abonnementen verwijderen ID
  Zonder --zaaktype of --gebeurtenis: alle ('*'). G is een van: ${GEBEURTENISSEN.map((g) => `"${g}"`).join(', ')}.
  De draaiende gateway telt een nieuw abonnement mee vanaf de volgende wijziging.`;

export const ABONNEMENTEN = opdracht({
  naam: 'abonnementen',
  gebruik: GEBRUIK,
  standaard: 'lijst',
  subopdrachten: {
    lijst: { opties: { json: VLAG } },
    toevoegen: { opties: { bestemming: WAARDE, zaaktype: WAARDEN, gebeurtenis: WAARDEN, json: VLAG } },
    verwijderen: { argumenten: true },
  },
});

/** '*' among the values means all of them. */
const alles = (waarden: string[]) => (waarden.length === 0 || waarden.includes('*') ? ['*'] : [...new Set(waarden)]);

function leesZaaktypen(waarden: string[]): string[] {
  for (const z of waarden) {
    if (z.length < 1 || z.length > 10) throw new OpdrachtFout(`--zaaktype: '${z}' is geen zaaktypecode (1 tot 10 tekens)`);
  }
  return alles(waarden);
}

/** Loosely spelled gebeurtenissen are stored as the exact value of Bijlage D, which is what notifications carry. */
function leesGebeurtenissen(waarden: string[]): string[] {
  return alles(
    waarden.map((w) => {
      if (w.trim() === '*') return '*';
      const g = herkenGebeurtenis(w);
      if (!g) throw new OpdrachtFout(`--gebeurtenis: '${w}' is onbekend; kies uit ${GEBEURTENISSEN.map((x) => `"${x}"`).join(', ')} of '*'`);
      return g;
    }),
  );
}

function regelTekst(a: Abonnement, config: Config): string {
  const weg = config.bestemmingen.some((b) => b.naam === a.bestemming) ? '' : '  (bestemming staat niet in de configuratie: geen notificaties)';
  return `#${a.id}  ${a.bron}  ${a.bestemming}  zaaktypen ${a.zaaktypen.join(', ')}  gebeurtenissen ${a.gebeurtenissen.join(', ')}${weg}`;
}

async function lijstOpdracht(config: Config, a: Sub<typeof ABONNEMENTEN, 'lijst'>, schrijf: (s: string) => void): Promise<number> {
  return metStore(config, async (store) => {
    const lijst = await store.abonnementen.alle();
    if (a.waarden.json) schrijf(json(lijst));
    else {
      for (const ab of lijst) schrijf(`${regelTekst(ab, config)}\n`);
      schrijf(`${meervoud(lijst.length, 'abonnement', 'abonnementen')}\n`);
    }
    return 0;
  });
}

async function toevoegenOpdracht(config: Config, a: Sub<typeof ABONNEMENTEN, 'toevoegen'>, schrijf: (s: string) => void): Promise<number> {
  const bestemming = a.waarden.bestemming;
  if (bestemming === undefined) throw new OpdrachtFout(`abonnementen toevoegen: geef precies één --bestemming\n${GEBRUIK}`);
  // Only a configured destination can be delivered to; its address and credentials live in the configuration.
  bekendeBestemming(config, bestemming);
  const zaaktypen = leesZaaktypen(a.waarden.zaaktype ?? []);
  const gebeurtenissen = leesGebeurtenissen(a.waarden.gebeurtenis ?? []);
  return metStore(config, async (store) => {
    const id = await store.abonnementen.voegToe({ bestemming, zaaktypen, gebeurtenissen, bron: 'opdracht' });
    if (a.waarden.json) schrijf(json({ id, bestemming, zaaktypen, gebeurtenissen, bron: 'opdracht' }));
    else {
      schrijf(`abonnement ${id} toegevoegd: ${bestemming}, zaaktypen ${zaaktypen.join(', ')}, gebeurtenissen ${gebeurtenissen.join(', ')}\n`);
      schrijf('de draaiende gateway telt het mee vanaf de volgende wijziging\n');
    }
    return 0;
  });
}

async function verwijderenOpdracht(config: Config, a: Sub<typeof ABONNEMENTEN, 'verwijderen'>, schrijf: (s: string) => void): Promise<number> {
  if (a.argumenten.length !== 1) throw new OpdrachtFout(`abonnementen verwijderen: geef precies één abonnementnummer\n${GEBRUIK}`);
  const [id] = leesIds(a.argumenten, 'abonnement', GEBRUIK);
  return metStore(config, async (store) => {
    const ab = (await store.abonnementen.alle()).find((x) => x.id === id);
    if (!ab) throw new OpdrachtFout(`abonnement ${id} bestaat niet`);
    if (ab.bron === 'config') throw new OpdrachtFout(`abonnement ${id} staat in de configuratie; verwijder het daar (de gateway schrijft die abonnementen bij elke start opnieuw)`);
    await store.abonnementen.verwijder(id);
    schrijf(`abonnement ${id} verwijderd (${ab.bestemming})\n`);
    return 0;
  });
}

/**
 * `abonnementen ...`: returns the exit code. What the parser refuses throws a GebruikFout (exit code 2), a value
 * that does not fit an OpdrachtFout (exit code 1); main.ts prints either on stderr.
 */
export async function abonnementenOpdracht(config: Config, argv: string[], schrijf: (s: string) => void): Promise<number> {
  const a = leesOpdracht(ABONNEMENTEN, argv);
  if (a.hulp !== undefined) return (schrijf(`${a.hulp}\n`), 0);
  switch (a.sub) {
    case 'lijst': return lijstOpdracht(config, a, schrijf);
    case 'toevoegen': return toevoegenOpdracht(config, a, schrijf);
    case 'verwijderen': return verwijderenOpdracht(config, a, schrijf);
  }
}
