// The archivist's list (issue 19, item 1): closed zaken for which the selectielijst gives no archiefnominatie
// (`archief onbepaald`), with the reason; and `archief afleiden`, which applies the selectielijst of the configuration
// to them once a rule was added (also to the closed zaken of a database from before schema v13). Zaken whose values
// came from the selectielijst keep them: the rule in force when the zaak closed stays the zaak's.
import type { Config } from '../config';
import type { Store } from '../store';
import { metStore } from '../uitgaand/opdrachtHulp';
import { ArchiefOpslag } from '../store/archief';
import { VLAG, WAARDE, Waarden } from '../opdracht/argumenten';
import { leidAf, pasArchiefToe } from './afleiding';
import { datum, limiet } from './hulp';

export const ONBEPAALD = {
  gebruik: `gebruik: archief onbepaald [--limiet N] [--json]
  De gesloten zaken zonder archiefnominatie (geen passende regel in archief.selectielijst, of geen bruikbare
  brondatum), de eerste N (standaard 1000) op volgorde van opslag, met de reden. Na het aanvullen van de
  selectielijst: 'archief afleiden'.`,
  opties: { limiet: WAARDE, json: VLAG },
} as const;

export const AFLEIDEN = {
  gebruik: `gebruik: archief afleiden [--json]
  Past archief.selectielijst toe op de gesloten zaken zonder archiefnominatie (archief onbepaald); wat een bericht
  zelf zette en wat al uit de selectielijst kwam blijft staan. De gateway mag draaien.`,
  opties: { json: VLAG },
} as const;

export async function onbepaald(config: Config, w: Waarden<typeof ONBEPAALD.opties>, schrijf: (t: string) => void): Promise<number> {
  const n = limiet('onbepaald', w.limiet, 1000);
  const zaken = await metStore(config, (store) => new ArchiefOpslag(store.sql).onbepaald(0, n));
  const rijen = zaken.map((z) => {
    const af = leidAf(config.archief.selectielijst, z.data);
    return {
      zaak: z.identificatie, zaaktype: z.zaaktypeCode, resultaat: z.data.groepen.resultaat?.omschrijving?.w ?? null, einddatum: z.einddatum,
      reden: 'onbepaald' in af ? af.onbepaald : `de selectielijst heeft nu regel ${af.regel}: archief afleiden`,
    };
  });
  if (w.json) schrijf(`${JSON.stringify(rijen, null, 2)}\n`);
  else if (rijen.length === 0) schrijf('geen gesloten zaken zonder archiefnominatie\n');
  else schrijf(`${rijen.map((r) => `${r.zaak}  ${r.zaaktype}  einddatum ${datum(r.einddatum)}  resultaat ${r.resultaat ?? '-'}  ${r.reden}`).join('\n')}\n${rijen.length === n ? `(de eerste ${n}; --limiet voor meer)\n` : ''}`);
  return 0;
}

const volgendeBeurt = () => new Promise<void>((r) => setImmediate(r));

/** Every onbepaald zaak once, in id order, 100 to a transaction with a turn of the event loop between. */
export async function leidOnbepaaldAf(store: Store, config: Config, partij = 100): Promise<{ afgeleid: number; onbepaald: number }> {
  const telling = { afgeleid: 0, onbepaald: 0 };
  let naId = 0;
  for (;;) {
    // Counted from what the transaction returns: on PostgreSQL it may run again after a conflict.
    const deel = await store.transactie(async (tx) => {
      const zaken = await new ArchiefOpslag(tx.sql).onbepaald(naId, partij);
      let afgeleid = 0;
      for (const z of zaken) {
        if (!pasArchiefToe(config.archief, z.data, false, true)) afgeleid++;
        await tx.zaken.bewaar({ id: z.id, identificatie: z.identificatie, data: z.data });
      }
      return { zaken, afgeleid };
    });
    telling.afgeleid += deel.afgeleid;
    telling.onbepaald += deel.zaken.length - deel.afgeleid;
    if (deel.zaken.length < partij) return telling;
    naId = deel.zaken[deel.zaken.length - 1].id;
    await volgendeBeurt();
  }
}

export async function afleiden(config: Config, w: Waarden<typeof AFLEIDEN.opties>, schrijf: (t: string) => void): Promise<number> {
  const t = await metStore(config, (store) => leidOnbepaaldAf(store, config));
  schrijf(w.json ? `${JSON.stringify(t, null, 2)}\n` : `${t.afgeleid} zaak/zaken afgeleid uit de selectielijst; ${t.onbepaald} blijft/blijven onbepaald (archief onbepaald)\n`);
  return 0;
}
