// #20 genereerBesluitIdentificatie (ZDS 1.2 only): a new, never-issued besluitidentificatie from a database counter
// (Di02 → Du02). Like a zaakidentificatie it is reserved once issued; a resend gets the same one back.
import { NS } from '../stuf/namespaces';
import { entiteittype } from '../stuf/antwoordElementen';
import { verwerkingsFout } from '../stuf/fout';
import { antwoordStuurgegevens, systeemLabel } from '../stuf/stuurgegevens';
import { vandaag } from '../stuf/tijd';
import { at, el } from '../stuf/xml';
import { BESLUITIDENTIFICATIE_MAX } from '../domain/besluit';
import { Operatie, OperatieContext } from '../soap/operatie';
import { zds12Actie } from './gemeenschappelijk';
import { vulFormaat } from './genereerZaakIdentificatie';

const FUNCTIE = 'genereerBesluitidentificatie';
const MAX_POGINGEN = 1000;

/** The next free identificatie; skips any a consumer already used for a besluit of its own numbering. */
export function nieuweBesluitidentificatie(ctx: OperatieContext): string {
  const formaat = ctx.config.identificatie.besluit;
  const jaar = vandaag().slice(0, 4);
  const teller = formaat.includes('{jaar}') ? `besluit:${jaar}` : 'besluit';
  for (let i = 0; i < MAX_POGINGEN; i++) {
    const id = vulFormaat(formaat, { gemeentecode: ctx.config.stuf.gemeentecode, jaar, volgnummer: ctx.store.identificaties.volgende(teller) });
    if (id.length > BESLUITIDENTIFICATIE_MAX) throw verwerkingsFout(`Het geconfigureerde identificatieformaat levert '${id}' op; een besluitidentificatie heeft hoogstens ${BESLUITIDENTIFICATIE_MAX} tekens`);
    if (ctx.store.besluiten.bestaat(id) || ctx.store.identificaties.isUitgegeven(id)) continue;
    return id;
  }
  throw verwerkingsFout(`Geen vrije besluitidentificatie gevonden na ${MAX_POGINGEN} pogingen`);
}

export const genereerBesluitIdentificatie: Operatie = {
  naam: 'genereerBesluitIdentificatie',
  asynchroon: false,
  wijzigt: true,
  acties: [zds12Actie('genereerBesluitIdentificatie_Di02')],
  roots: [{ ns: NS.zds, local: 'genereerBesluitIdentificatie_Di02' }],
  stuurgegevens: { berichtcode: 'Di02', functie: [FUNCTIE] },
  verwerk(ctx, bericht) {
    const id = nieuweBesluitidentificatie(ctx);
    ctx.store.identificaties.registreer(id, 'besluit', systeemLabel(bericht.stuurgegevens.zender));
    const antwoord = el(NS.zds, 'genereerBesluitIdentificatie_Du02', [
      antwoordStuurgegevens(NS.zds, bericht.stuurgegevens, ctx.eigen, { berichtcode: 'Du02', functie: FUNCTIE }),
      el(NS.zds, 'besluit', [el(NS.zkn, 'identificatie', id)], [entiteittype('BSL'), at(NS.stuf, 'functie', 'entiteit')]),
    ]);
    return { bericht: antwoord };
  },
};
