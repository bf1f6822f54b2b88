// #13 genereerDocumentIdentificatie: a new, never-issued documentidentificatie from a database counter (Di02 → Du02).
import { NS } from '../stuf/namespaces';
import { entiteittype } from '../stuf/antwoordElementen';
import { verwerkingsFout } from '../stuf/fout';
import { antwoordStuurgegevens, systeemLabel } from '../stuf/stuurgegevens';
import { vandaag } from '../stuf/tijd';
import { at, el } from '../stuf/xml';
import { Operatie, OperatieContext } from '../soap/operatie';
import { zds11Actie, zds12Actie } from './gemeenschappelijk';
import { vulFormaat } from './genereerZaakIdentificatie';
import { vrijNs } from './documentGemeenschappelijk';

const FUNCTIE = 'genereerDocumentidentificatie';
const MAX_POGINGEN = 1000;

/** The next free identificatie; skips any a consumer already used for a document of its own numbering. */
function nieuweDocumentidentificatie(ctx: OperatieContext): string {
  const formaat = ctx.config.identificatie.document;
  const jaar = vandaag().slice(0, 4);
  const teller = formaat.includes('{jaar}') ? `document:${jaar}` : 'document';
  for (let i = 0; i < MAX_POGINGEN; i++) {
    const id = vulFormaat(formaat, { gemeentecode: ctx.config.stuf.gemeentecode, jaar, volgnummer: ctx.store.identificaties.volgende(teller) });
    if (id.length > 40) throw verwerkingsFout(`Het geconfigureerde identificatieformaat levert '${id}' op; een documentidentificatie heeft ten hoogste 40 tekens`);
    if (ctx.store.documenten.bestaat(id) || ctx.store.identificaties.isUitgegeven(id)) continue;
    return id;
  }
  throw verwerkingsFout(`Geen vrije documentidentificatie gevonden na ${MAX_POGINGEN} pogingen`);
}

export const genereerDocumentIdentificatie: Operatie = {
  naam: 'genereerDocumentIdentificatie',
  asynchroon: false,
  wijzigt: true,
  acties: [zds12Actie('genereerDocumentIdentificatie_Di02'), zds11Actie('genereerDocumentIdentificatie_Di02')],
  roots: [
    { ns: NS.zds, local: 'genereerDocumentIdentificatie_Di02' },
    { ns: NS.zkn, local: 'genereerDocumentIdentificatie_Di02' },
  ],
  stuurgegevens: { berichtcode: 'Di02', functie: [FUNCTIE] },
  verwerk(ctx, bericht) {
    // parameters/extraElementen (zaaktype, documenttype hints) do not change how we number.
    const id = nieuweDocumentidentificatie(ctx);
    ctx.store.identificaties.registreer(id, 'document', systeemLabel(bericht.stuurgegevens.zender));
    const ns = vrijNs(bericht);
    const antwoord = el(ns, 'genereerDocumentIdentificatie_Du02', [
      antwoordStuurgegevens(ns, bericht.stuurgegevens, ctx.eigen, { berichtcode: 'Du02', functie: FUNCTIE }),
      el(ns, 'document', [el(NS.zkn, 'identificatie', id)], [entiteittype('EDC'), at(NS.stuf, 'functie', 'entiteit')]),
    ]);
    return { bericht: antwoord };
  },
};
