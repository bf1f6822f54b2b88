// #11 maakZaakdocument: a document placeholder without content (edcLk01, T), to be filled later through
// geefZaakdocumentBewerken + updateZaakdocument; Bv03 / Fo03.
import { NS } from '../stuf/namespaces';
import { bv03 } from '../stuf/berichten';
import { leesDocumentObjecten } from '../stuf/documentKennisgeving';
import { nieuwDocument } from '../domain/documentMutaties';
import { Operatie } from '../soap/operatie';
import { zds11Actie, zds12Actie } from './gemeenschappelijk';
import { documentContext, zenderLabel } from './documentGemeenschappelijk';

export const maakZaakdocument: Operatie = {
  naam: 'maakZaakdocument',
  asynchroon: true,
  wijzigt: true,
  gebeurtenis: 'Voeg zaakdocument toe',
  acties: [zds12Actie('maakZaakdocument_EdcLk01'), zds11Actie('maakZaakdocument_Lk01')],
  roots: [
    { ns: NS.zds, local: 'maakZaakdocument_EdcLk01' },
    { ns: NS.zkn, local: 'edcLk01' },
  ],
  stuurgegevens: { berichtcode: 'Lk01', entiteittype: 'EDC' },
  async verwerk(ctx, bericht) {
    const { nieuw } = leesDocumentObjecten(bericht.root, 'T', ctx.afw);
    const { zaken } = await nieuwDocument(documentContext(ctx), nieuw, 'maakZaakdocument', zenderLabel(bericht));
    return { bericht: bv03(bericht.stuurgegevens, ctx.eigen), zaken };
  },
};
