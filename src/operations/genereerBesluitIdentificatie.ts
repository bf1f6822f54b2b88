// #20 genereerBesluitIdentificatie (ZDS 1.2 only): a new, never-issued besluitidentificatie from a database counter
// (Di02 → Du02). Like a zaakidentificatie it is reserved once issued; a resend gets the same one back.
import { NS } from '../stuf/namespaces';
import { entiteittype } from '../stuf/antwoordElementen';
import { antwoordStuurgegevens, systeemLabel } from '../stuf/stuurgegevens';
import { at, el } from '../stuf/xml';
import { Operatie } from '../soap/operatie';
import { zds12Actie } from './gemeenschappelijk';
import { nieuweIdentificatie } from './identificatieUitgifte';

const FUNCTIE = 'genereerBesluitidentificatie';

export const genereerBesluitIdentificatie: Operatie = {
  naam: 'genereerBesluitIdentificatie',
  asynchroon: false,
  wijzigt: true,
  // Only the counter is shared: concurrent requests, on any instance, each take the next number without a conflict.
  isolatie: 'los',
  acties: [zds12Actie('genereerBesluitIdentificatie_Di02')],
  roots: [{ ns: NS.zds, local: 'genereerBesluitIdentificatie_Di02' }],
  stuurgegevens: { berichtcode: 'Di02', functie: [FUNCTIE] },
  async verwerk(ctx, bericht) {
    const id = await nieuweIdentificatie(ctx, 'besluit');
    await ctx.store.identificaties.registreer(id, 'besluit', systeemLabel(bericht.stuurgegevens.zender));
    const antwoord = el(NS.zds, 'genereerBesluitIdentificatie_Du02', [
      antwoordStuurgegevens(NS.zds, bericht.stuurgegevens, ctx.eigen, { berichtcode: 'Du02', functie: FUNCTIE }),
      el(NS.zds, 'besluit', [el(NS.zkn, 'identificatie', id)], [entiteittype('BSL'), at(NS.stuf, 'functie', 'entiteit')]),
    ]);
    return { bericht: antwoord };
  },
};
