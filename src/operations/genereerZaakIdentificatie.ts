// #6 genereerZaakIdentificatie: a new, never-issued zaakidentificatie from a database counter (Di02 → Du02).
import { NS } from '../stuf/namespaces';
import { entiteittype } from '../stuf/antwoordElementen';
import { antwoordStuurgegevens, systeemLabel } from '../stuf/stuurgegevens';
import { at, el } from '../stuf/xml';
import { Operatie } from '../soap/operatie';
import { zds11Actie, zds12Actie } from './gemeenschappelijk';
import { nieuweIdentificatie } from './identificatieUitgifte';

const FUNCTIE = 'genereerZaakidentificatie';

export const genereerZaakIdentificatie: Operatie = {
  naam: 'genereerZaakIdentificatie',
  asynchroon: false,
  wijzigt: true,
  // Only the counter is shared: concurrent requests, on any instance, each take the next number without a conflict.
  isolatie: 'los',
  acties: [zds12Actie('genereerZaakIdentificatie_Di02'), zds11Actie('genereerZaakIdentificatie_Di02')],
  roots: [
    { ns: NS.zds, local: 'genereerZaakIdentificatie_Di02' },
    { ns: NS.zkn, local: 'genereerZaakIdentificatie_Di02' },
  ],
  stuurgegevens: { berichtcode: 'Di02', functie: [FUNCTIE] },
  async verwerk(ctx, bericht) {
    const id = await nieuweIdentificatie(ctx, 'zaak');
    await ctx.store.identificaties.registreer(id, 'zaak', systeemLabel(bericht.stuurgegevens.zender));
    const ns = bericht.dialect === 'zds12' ? NS.zds : NS.zkn;
    const antwoord = el(ns, 'genereerZaakIdentificatie_Du02', [
      antwoordStuurgegevens(ns, bericht.stuurgegevens, ctx.eigen, { berichtcode: 'Du02', functie: FUNCTIE }),
      el(ns, 'zaak', [el(NS.zkn, 'identificatie', id)], [entiteittype('ZAK'), at(NS.stuf, 'functie', 'entiteit')]),
    ]);
    return { bericht: antwoord, zaken: [id] };
  },
};
