// #12 updateZaakdocument: check-in or metadata update (Di02 → Bv02). New metadata and/or content become a new
// version (the old ones are kept); a checked-out document needs its checkedOutId, and the check-in releases it.
import { NS } from '../stuf/namespaces';
import { bv02 } from '../stuf/berichten';
import { schemaFout } from '../stuf/fout';
import { child } from '../stuf/xml';
import { leesDocumentObjecten } from '../stuf/documentKennisgeving';
import { wijzigDocument } from '../domain/documentMutaties';
import { controleerWijziging } from '../domain/documentVergrendeling';
import { Operatie } from '../soap/operatie';
import { zds11Actie, zds12Actie } from './gemeenschappelijk';
import { documentContext, identificatieVan, leesZdsParameters, teWijzigenDocument, zenderLabel } from './documentGemeenschappelijk';

export const updateZaakdocument: Operatie = {
  naam: 'updateZaakdocument',
  asynchroon: false,
  wijzigt: true,
  gebeurtenis: 'Update zaakdocument',
  acties: [zds12Actie('updateZaakdocument_Di02'), zds11Actie('updateZaakdocument_Di02')],
  roots: [
    { ns: NS.zds, local: 'updateZaakdocument_Di02' },
    { ns: NS.zkn, local: 'updateZaakdocument_Di02' },
  ],
  stuurgegevens: { berichtcode: 'Di02', functie: ['updateZaakdocument'] },
  async verwerk(ctx, bericht) {
    const parameters = leesZdsParameters(ctx, bericht);
    const edcLk02 = child(bericht.root, 'edcLk02');
    if (!edcLk02) throw schemaFout('edcLk02 ontbreekt: het bericht bevat geen wijziging van een document');
    const { oud, nieuw } = leesDocumentObjecten(edcLk02, 'W', ctx.afw);
    const doc = await teWijzigenDocument(ctx, identificatieVan(oud, nieuw));
    const checkIn = controleerWijziging(doc, parameters.checkedOutId, 'een wijziging');
    const gewijzigd = await wijzigDocument(documentContext(ctx), doc, { oud, nieuw, checkIn, versioningState: parameters.versioningState, zender: zenderLabel(bericht) });
    // Every zaak the document is filed in now, and any it was just unfiled from, hears of the update (rzs.md §6.1).
    const zaken = [...new Set([...(await ctx.store.documenten.zakenVan(doc.id)).map((z) => z.zaakIdentificatie), ...gewijzigd])];
    return { bericht: bv02(), zaken };
  },
};
