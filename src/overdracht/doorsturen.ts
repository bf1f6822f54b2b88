// A handover message into the outbox, inside the transaction that recorded it: written in the flavour of the
// destination and keeping the sender's referentienummer, so that answers correlate end to end.
import type { Gateway } from '../soap/operatie';
import type { OverdrachtDialect } from '../store/overdrachten';
import { serialize } from '../stuf/xml';
import { Bevestiging, Opdracht, Overdrachtsturing, overdrachtActie, overdrachtDi01, overdrachtDu01 } from './vorm';

interface Doorgifte {
  bestemming: string;
  dialect: OverdrachtDialect;
  sturing: Overdrachtsturing;
  overdrachtId: number;
}

export async function stuurOpdrachtDoor(gw: Gateway, d: Doorgifte, opdracht: Opdracht): Promise<void> {
  await gw.store.uitgaand.voegToe({
    soort: 'overdragenZaak_Di01',
    bestemming: d.bestemming,
    volgorde: opdracht.zaak,
    referentienummer: d.sturing.referentienummer,
    soapActie: overdrachtActie(d.dialect, 'Di01'),
    bericht: serialize(overdrachtDi01(d.dialect, d.sturing, opdracht)),
    overdrachtId: d.overdrachtId,
  });
}

export async function stuurBevestigingDoor(gw: Gateway, d: Doorgifte, bevestiging: Bevestiging): Promise<void> {
  await gw.store.uitgaand.voegToe({
    soort: 'overdragenZaak_Du01',
    bestemming: d.bestemming,
    volgorde: bevestiging.zaak,
    referentienummer: d.sturing.referentienummer,
    soapActie: overdrachtActie(d.dialect, 'Du01'),
    bericht: serialize(overdrachtDu01(d.dialect, d.sturing, bevestiging)),
    overdrachtId: d.overdrachtId,
  });
}
