// #14 cancelCheckout: releases a check-out without a new version (Di02 → Bv02).
import { NS } from '../stuf/namespaces';
import { bv02 } from '../stuf/berichten';
import { schemaFout } from '../stuf/fout';
import { child } from '../stuf/xml';
import { controleerDocumentidentificatie } from '../stuf/documentKennisgeving';
import { annuleerCheckOut } from '../domain/documentVergrendeling';
import { Operatie } from '../soap/operatie';
import { zds11Actie, zds12Actie } from './gemeenschappelijk';
import { leesZdsParameters, teWijzigenDocument } from './documentGemeenschappelijk';

export const cancelCheckout: Operatie = {
  naam: 'cancelCheckout',
  asynchroon: false,
  wijzigt: true,
  acties: [zds12Actie('cancelCheckout_Di02'), zds11Actie('cancelCheckout_Di02')],
  roots: [
    { ns: NS.zds, local: 'cancelCheckout_Di02' },
    { ns: NS.zkn, local: 'cancelCheckout_Di02' },
  ],
  stuurgegevens: { berichtcode: 'Di02', functie: ['cancelCheckout'] },
  async verwerk(ctx, bericht) {
    const { checkedOutId } = leesZdsParameters(ctx, bericht);
    const document = child(bericht.root, 'document');
    if (!document) throw schemaFout('document ontbreekt: het bericht noemt geen document');
    const doc = await teWijzigenDocument(ctx, controleerDocumentidentificatie(child(document, 'identificatie')?.text.trim() || undefined, 'document'));
    await annuleerCheckOut(ctx.store, doc, checkedOutId, ctx.meldingen);
    return { bericht: bv02() };
  },
};
