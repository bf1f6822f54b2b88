// Legal hold (issue 19, item 2): `archief blokkeer` sets a hold on a zaak with a reason, `archief deblokkeer` lifts
// it, `archief blokkades` lists them. A held zaak is never put on a destruction list nor destroyed. The hold and its
// lifting are kept as history (archief_blokkade); the output names the zaak and who acted, never the zaak's content.
import type { Config } from '../config';
import { metStore } from '../uitgaand/opdrachtHulp';
import { ArchiefOpslag, Blokkade } from '../store/archief';
import { GebruikFout, OpdrachtFout, VLAG, WAARDE, Waarden } from '../opdracht/argumenten';
import { door, eenZaak } from './hulp';

export const BLOKKEER = {
  gebruik: `gebruik: archief blokkeer ZAAK --reden TEKST --door WIE
  Zet een bewaarblokkade (legal hold) op de zaak: zolang die staat komt de zaak op geen vernietigingslijst en wordt
  ze niet vernietigd. De reden en wie blokkeerde worden bewaard; noem in de reden geen personen.`,
  opties: { reden: WAARDE, door: WAARDE },
  argumenten: true,
} as const;

export const DEBLOKKEER = {
  gebruik: `gebruik: archief deblokkeer ZAAK --door WIE
  Heft de bewaarblokkade van de zaak op; de blokkade blijft als geschiedenis bewaard (archief blokkades --alle).`,
  opties: { door: WAARDE },
  argumenten: true,
} as const;

export const BLOKKADES = {
  gebruik: `gebruik: archief blokkades [--alle] [--json]
  De zaken met een bewaarblokkade: zaak, sinds, door wie en waarom; met --alle ook de opgeheven blokkades.`,
  opties: { alle: VLAG, json: VLAG },
} as const;

/** Exit 0 when placed; 1 for a zaak that is not there or is held already. */
export async function blokkeer(config: Config, w: Waarden<typeof BLOKKEER.opties>, argumenten: string[], schrijf: (t: string) => void): Promise<number> {
  const zaak = eenZaak('blokkeer', argumenten, BLOKKEER.gebruik);
  const reden = w.reden?.trim();
  if (!reden) throw new GebruikFout(`archief blokkeer: geef --reden TEKST (waarom de zaak bewaard moet blijven)\n${BLOKKEER.gebruik}`);
  if (reden.length > 1000) throw new GebruikFout('archief blokkeer: --reden is langer dan 1000 tekens');
  const wie = door('blokkeer', w.door, 'wie de blokkade zet');
  const tijdstip = new Date().toISOString();
  const bestaand = await metStore(config, (store) => store.transactie(async (tx) => {
    const o = new ArchiefOpslag(tx.sql);
    const z = await o.zaak(zaak);
    if (!z) throw new OpdrachtFout(`archief blokkeer: zaak ${zaak} staat niet in de gateway`);
    const b = await o.blokkade(z.id);
    if (b) return b;
    await o.blokkeer(z.id, reden, wie, tijdstip);
    return undefined;
  }));
  if (bestaand) throw new OpdrachtFout(`archief blokkeer: zaak ${zaak} is al geblokkeerd sinds ${bestaand.geplaatst} door ${bestaand.geplaatstDoor}`);
  schrijf(`zaak ${zaak} geblokkeerd door ${wie}: ze wordt niet vernietigd tot 'archief deblokkeer ${zaak}'\n`);
  return 0;
}

/** Exit 0 when lifted; 1 for a zaak that is not there or not held. */
export async function deblokkeer(config: Config, w: Waarden<typeof DEBLOKKEER.opties>, argumenten: string[], schrijf: (t: string) => void): Promise<number> {
  const zaak = eenZaak('deblokkeer', argumenten, DEBLOKKEER.gebruik);
  const wie = door('deblokkeer', w.door, 'wie de blokkade opheft');
  const tijdstip = new Date().toISOString();
  await metStore(config, (store) => store.transactie(async (tx) => {
    const o = new ArchiefOpslag(tx.sql);
    const z = await o.zaak(zaak);
    if (!z) throw new OpdrachtFout(`archief deblokkeer: zaak ${zaak} staat niet in de gateway`);
    if (!(await o.deblokkeer(z.id, wie, tijdstip))) throw new OpdrachtFout(`archief deblokkeer: zaak ${zaak} heeft geen bewaarblokkade`);
  }));
  schrijf(`bewaarblokkade van zaak ${zaak} opgeheven door ${wie}\n`);
  return 0;
}

const regel = (b: Blokkade) =>
  `${b.zaak}  sinds ${b.geplaatst} door ${b.geplaatstDoor}${b.opgeheven ? `  opgeheven ${b.opgeheven} door ${b.opgehevenDoor}` : ''}  reden: ${b.reden}`;

export async function blokkades(config: Config, w: Waarden<typeof BLOKKADES.opties>, schrijf: (t: string) => void): Promise<number> {
  const lijst = await metStore(config, (store) => new ArchiefOpslag(store.sql).blokkades(w.alle === true));
  if (w.json) schrijf(`${JSON.stringify(lijst, null, 2)}\n`);
  else schrijf(lijst.length ? `${lijst.map(regel).join('\n')}\n` : `geen ${w.alle ? '' : 'actieve '}bewaarblokkades\n`);
  return 0;
}
