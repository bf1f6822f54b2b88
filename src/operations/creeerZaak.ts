// #4 creeerZaak: a new zaak from a zakLk01 with mutatiesoort T; Bv03 after commit, Fo03 otherwise.
import { NS } from '../stuf/namespaces';
import { bv03 } from '../stuf/berichten';
import { creeerZaak as maakZaak } from '../domain/zaakMutaties';
import { Operatie } from '../soap/operatie';
import { meldPartnerzaakAan } from '../partners/partnerzaak';
import { partnerAntwoord } from '../partners/partnerAntwoord';
import { leesKennisgeving, mutatieContext, zds11Actie, zds12Actie } from './gemeenschappelijk';

export const creeerZaak: Operatie = {
  naam: 'creeerZaak',
  asynchroon: true,
  wijzigt: true,
  gebeurtenis: 'Creeer zaak',
  acties: [zds12Actie('creeerZaak_ZakLk01'), zds11Actie('creeerZaak_Lk01')],
  roots: [
    { ns: NS.zds, local: 'creeerZaak_ZakLk01' },
    { ns: NS.zkn, local: 'zakLk01' },
  ],
  stuurgegevens: { berichtcode: 'Lk01', entiteittype: 'ZAK' },
  async verwerk(ctx, bericht) {
    const { nieuw } = leesKennisgeving(ctx, bericht, 'T');
    const partner = ctx.aanroeper.partner && ctx.partners.vind(ctx.aanroeper.partner.naam);
    // A ketenpartner announces its own zaak: it is mirrored, not stored as a zaak of ours.
    if (partner) return partnerAntwoord(ctx, bericht, await meldPartnerzaakAan(mutatieContext(ctx), partner, nieuw), 'Creeer zaak');
    const zaak = await maakZaak(mutatieContext(ctx), nieuw);
    return { bericht: bv03(bericht.stuurgegevens, ctx.eigen), zaken: [zaak.identificatie] };
  },
};
