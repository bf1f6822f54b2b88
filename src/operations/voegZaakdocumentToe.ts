// #10 voegZaakdocumentToe: a new document with content, filed in one or more zaken (edcLk01, T); Bv03 / Fo03.
import { NS } from '../stuf/namespaces';
import { bv03 } from '../stuf/berichten';
import { leesDocumentObjecten } from '../stuf/documentKennisgeving';
import { nieuwDocument } from '../domain/documentMutaties';
import { Operatie } from '../soap/operatie';
import { zds11Actie, zds12Actie } from './gemeenschappelijk';
import { documentContext, zenderLabel } from './documentGemeenschappelijk';

export const voegZaakdocumentToe: Operatie = {
  naam: 'voegZaakdocumentToe',
  asynchroon: true,
  wijzigt: true,
  gebeurtenis: 'Voeg zaakdocument toe',
  acties: [zds12Actie('voegZaakdocumentToe_EdcLk01'), zds11Actie('voegZaakdocumentToe_Lk01')],
  roots: [
    { ns: NS.zds, local: 'voegZaakdocumentToe_EdcLk01' },
    { ns: NS.zkn, local: 'edcLk01' },
  ],
  stuurgegevens: { berichtcode: 'Lk01', entiteittype: 'EDC' },
  async verwerk(ctx, bericht) {
    const { nieuw } = leesDocumentObjecten(bericht.root, 'T', ctx.afw);
    const { zaken } = await nieuwDocument(documentContext(ctx), nieuw, 'voegZaakdocumentToe', zenderLabel(bericht));
    return { bericht: bv03(bericht.stuurgegevens, ctx.eigen), zaken };
  },
};
