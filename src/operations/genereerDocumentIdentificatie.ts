// #13 genereerDocumentIdentificatie: a new, never-issued documentidentificatie from a database counter (Di02 → Du02).
import { NS } from '../stuf/namespaces';
import { entiteittype } from '../stuf/antwoordElementen';
import { antwoordStuurgegevens, systeemLabel } from '../stuf/stuurgegevens';
import { at, el } from '../stuf/xml';
import { Operatie } from '../soap/operatie';
import { zds11Actie, zds12Actie } from './gemeenschappelijk';
import { nieuweIdentificatie } from './identificatieUitgifte';
import { vrijNs } from './documentGemeenschappelijk';

const FUNCTIE = 'genereerDocumentidentificatie';

export const genereerDocumentIdentificatie: Operatie = {
  naam: 'genereerDocumentIdentificatie',
  asynchroon: false,
  wijzigt: true,
  // Only the counter is shared: concurrent requests, on any instance, each take the next number without a conflict.
  isolatie: 'los',
  acties: [zds12Actie('genereerDocumentIdentificatie_Di02'), zds11Actie('genereerDocumentIdentificatie_Di02')],
  roots: [
    { ns: NS.zds, local: 'genereerDocumentIdentificatie_Di02' },
    { ns: NS.zkn, local: 'genereerDocumentIdentificatie_Di02' },
  ],
  stuurgegevens: { berichtcode: 'Di02', functie: [FUNCTIE] },
  async verwerk(ctx, bericht) {
    // parameters/extraElementen (zaaktype, documenttype hints) do not change how we number.
    const id = await nieuweIdentificatie(ctx, 'document');
    await ctx.store.identificaties.registreer(id, 'document', systeemLabel(bericht.stuurgegevens.zender));
    const ns = vrijNs(bericht);
    const antwoord = el(ns, 'genereerDocumentIdentificatie_Du02', [
      antwoordStuurgegevens(ns, bericht.stuurgegevens, ctx.eigen, { berichtcode: 'Du02', functie: FUNCTIE }),
      el(ns, 'document', [el(NS.zkn, 'identificatie', id)], [entiteittype('EDC'), at(NS.stuf, 'functie', 'entiteit')]),
    ]);
    return { bericht: antwoord };
  },
};
