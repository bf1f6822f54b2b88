// #9 geefZaakdocumentBewerken: check-out (Di02 → Du02). The document is locked for everybody but the holder until
// updateZaakdocument checks it in, cancelCheckout releases it, or the lock lapses; the Du02 carries the content.
import { NS } from '../stuf/namespaces';
import { entiteittype } from '../stuf/antwoordElementen';
import { schemaFout } from '../stuf/fout';
import { antwoordStuurgegevens } from '../stuf/stuurgegevens';
import { Scope, gelijkIdentificatie, leesVraag } from '../stuf/vraag';
import { at, child, el } from '../stuf/xml';
import { documentObject } from '../stuf/documentAntwoord';
import { checkOut, houder } from '../domain/documentVergrendeling';
import { Operatie } from '../soap/operatie';
import { zds11Actie, zds12Actie } from './gemeenschappelijk';
import { controleerDocumentWijzigen } from '../toegang/documentRechten';
import { gevraagdDocument, leesbareZaken, vrijNs } from './documentGemeenschappelijk';

const FUNCTIE = 'geefZaakdocumentbewerken';

// The WSDL operation (and so the soapAction) has a lower-case b, the 1.2 root a capital B; consumers use both.
const ACTIES = ['geefZaakdocumentbewerken_Di02', 'geefZaakdocumentBewerken_Di02'];

export const geefZaakdocumentBewerken: Operatie = {
  naam: 'geefZaakdocumentBewerken',
  asynchroon: false,
  wijzigt: true,
  // A resend is checked out again: the same holder gets the same checkedOutId, and the content is not stored twice.
  herhaalbaar: true,
  acties: [...ACTIES.map(zds12Actie), ...ACTIES.map(zds11Actie)],
  roots: [
    { ns: NS.zds, local: 'geefZaakdocumentBewerken_Di02' },
    { ns: NS.zds, local: 'geefZaakdocumentbewerken_Di02' },
    { ns: NS.zkn, local: 'geefZaakdocumentbewerken_Di02' },
    { ns: NS.zkn, local: 'geefZaakdocumentBewerken_Di02' },
  ],
  stuurgegevens: { berichtcode: 'Di02', functie: [FUNCTIE, 'geefZaakdocumentBewerken'] },
  async verwerk(ctx, bericht) {
    const edcLv01 = child(bericht.root, 'edcLv01');
    if (!edcLv01) throw schemaFout('edcLv01 ontbreekt: het bericht noemt geen document om uit te checken');
    const vraag = leesVraag(edcLv01);
    // The check-out hands out the content: a document the caller may not read is answered as an unknown one
    // (StUF064, a Di02 has no empty answer); one it may read but not change is refused (StUF052).
    const doc = await gevraagdDocument(ctx, gelijkIdentificatie(vraag, 'document'));
    if ('bericht' in doc) return doc;
    const zaken = await leesbareZaken(ctx, doc);
    await controleerDocumentWijzigen(ctx, doc);
    const zender = bericht.stuurgegevens.zender;
    if (!zender?.applicatie) ctx.afw.meld('stuurgegevens/zender ontbreekt: de uitcheck staat niet op naam van een gebruiker of applicatie');
    const lock = await checkOut(ctx.store, doc, houder(zender), ctx.config.documenten.vergrendelingMinuten);

    const ns = vrijNs(bericht);
    const antwoord = el(ns, bericht.dialect === 'zds12' ? 'geefZaakdocumentBewerken_Du02' : 'geefZaakdocumentbewerken_Du02', [
      antwoordStuurgegevens(ns, bericht.stuurgegevens, ctx.eigen, { berichtcode: 'Du02', functie: FUNCTIE }),
      el(ns, 'parameters', [el(ns, 'checkedOutId', lock.checkedOutId), el(ns, 'checkedOutBy', lock.door)]),
      el(ns, 'edcLa01', [
        el(NS.zkn, 'parameters', []),
        el(NS.zkn, 'antwoord', [await documentObject(ctx.store, doc, vraag.scope ?? Scope.ALLES, 'bewerken', zaken)]),
      ], [entiteittype('EDC'), at(NS.stuf, 'functie', 'antwoord')]),
    ]);
    return { bericht: antwoord, zaken: [...zaken] };
  },
};
