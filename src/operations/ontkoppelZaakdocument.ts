// #17 ontkoppelZaakdocument: unfiles a document from a zaak; the document itself stays (Di02 → Bv02).
// New in ZDS 1.2; the same message with ZKN children and root is accepted as its ZDS 1.1 form. A document nobody
// has checked out is unfiled whatever checkedOutId the message carries (documentVergrendeling.ts).
import { NS } from '../stuf/namespaces';
import { bv02 } from '../stuf/berichten';
import { schemaFout } from '../stuf/fout';
import { child } from '../stuf/xml';
import { leesDocumentObjecten } from '../stuf/documentKennisgeving';
import { ontkoppelDocument } from '../domain/documentMutaties';
import { controleerOntkoppelen } from '../domain/documentVergrendeling';
import { Operatie } from '../soap/operatie';
import { zds11Actie, zds12Actie } from './gemeenschappelijk';
import { documentContext, identificatieVan, leesZdsParameters, teWijzigenDocument } from './documentGemeenschappelijk';

export const ontkoppelZaakdocument: Operatie = {
  naam: 'ontkoppelZaakdocument',
  asynchroon: false,
  wijzigt: true,
  acties: [zds12Actie('ontkoppelZaakdocument_Di02'), zds11Actie('ontkoppelZaakdocument_Di02')],
  roots: [
    { ns: NS.zds, local: 'ontkoppelZaakdocument_Di02' },
    { ns: NS.zkn, local: 'ontkoppelZaakdocument_Di02' },
  ],
  // The XSD enumerates ontkoppelZaakdocument; release note 488778 speaks of updateZaakdocument (zds.md A13).
  stuurgegevens: { berichtcode: 'Di02', functie: ['ontkoppelZaakdocument', 'updateZaakdocument'] },
  async verwerk(ctx, bericht) {
    const { checkedOutId } = leesZdsParameters(ctx, bericht);
    const edcLk02 = child(bericht.root, 'edcLk02');
    if (!edcLk02) throw schemaFout('edcLk02 ontbreekt: het bericht noemt geen document en zaak om te ontkoppelen');
    const { oud, nieuw } = leesDocumentObjecten(edcLk02, 'W', ctx.afw);
    const doc = await teWijzigenDocument(ctx, identificatieVan(oud, nieuw));
    controleerOntkoppelen(doc, checkedOutId, ctx.meldingen);
    return { bericht: bv02(), zaken: await ontkoppelDocument(documentContext(ctx), doc, oud, nieuw) };
  },
};
