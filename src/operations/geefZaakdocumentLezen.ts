// #8 geefZaakdocumentLezen: one document with its metadata, content and zaken (EdcLv01 → EdcLa01), for a caller
// that may see the documents of one of those zaken; it names only the zaken the caller sees. A document the caller
// may not read is answered as an unknown one (gevraagdDocument).
import { NS } from '../stuf/namespaces';
import { Scope, gelijkIdentificatie, leesVraag } from '../stuf/vraag';
import { documentObject } from '../stuf/documentAntwoord';
import { Operatie } from '../soap/operatie';
import { zds11Actie, zds12Actie } from './gemeenschappelijk';
import { edcLa01, gevraagdDocument, leesbareZaken } from './documentGemeenschappelijk';

export const geefZaakdocumentLezen: Operatie = {
  naam: 'geefZaakdocumentLezen',
  asynchroon: false,
  wijzigt: false,
  acties: [zds12Actie('geefZaakdocumentLezen_EdcLv01'), zds11Actie('geefZaakdocumentLezen_Lv01')],
  roots: [
    { ns: NS.zds, local: 'geefZaakdocumentLezen_EdcLv01' },
    { ns: NS.zkn, local: 'edcLv01' },
  ],
  stuurgegevens: { berichtcode: 'Lv01', entiteittype: 'EDC' },
  async verwerk(ctx, bericht) {
    const vraag = leesVraag(bericht.root);
    const id = gelijkIdentificatie(vraag, 'document');
    const doc = await gevraagdDocument(ctx, id, () => edcLa01(ctx, bericht, []));
    if ('bericht' in doc) return doc;
    const zaken = await leesbareZaken(ctx, doc);
    const object = await documentObject(ctx.store, doc, vraag.scope ?? Scope.ALLES, bericht.dialect === 'zds12' ? 'lezen12' : 'lezen11', zaken);
    return { bericht: edcLa01(ctx, bericht, [object]), zaken: [...zaken] };
  },
};
