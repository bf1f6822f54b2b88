// #5 updateZaak: attribute and relation changes of an existing zaak (mutatiesoort W, oud/nieuw).
import { NS } from '../stuf/namespaces';
import { bv03 } from '../stuf/berichten';
import { updateZaak as wijzigZaak } from '../domain/zaakMutaties';
import { Operatie } from '../soap/operatie';
import { gespiegeldeZaak, werkPartnerzaakBij } from '../partners/partnerzaak';
import { partnerAntwoord } from '../partners/partnerAntwoord';
import { personenVooraf } from '../notificaties/signalen';
import { leesKennisgeving, mutatieContext, zds11Actie, zds12Actie } from './gemeenschappelijk';

export const updateZaak: Operatie = {
  naam: 'updateZaak',
  asynchroon: true,
  wijzigt: true,
  gebeurtenis: 'Update zaak',
  acties: [zds12Actie('updateZaak_ZakLk01'), zds11Actie('updateZaak_Lk01')],
  roots: [
    { ns: NS.zds, local: 'updateZaak_ZakLk01' },
    { ns: NS.zkn, local: 'zakLk01' },
  ],
  stuurgegevens: { berichtcode: 'Lk01', entiteittype: 'ZAK' },
  async verwerk(ctx, bericht) {
    const { oud, nieuw } = leesKennisgeving(ctx, bericht, 'W');
    const mctx = mutatieContext(ctx);
    const spiegel = await gespiegeldeZaak(mctx, oud, nieuw);
    if (spiegel) return partnerAntwoord(ctx, bericht, await werkPartnerzaakBij(mctx, spiegel, oud, nieuw, 'update'));
    const id = (oud ?? nieuw).identificatie;
    const vooraf = id ? await personenVooraf(ctx, id) : undefined;
    const zaak = await wijzigZaak(mctx, oud, nieuw);
    return { bericht: bv03(bericht.stuurgegevens, ctx.eigen), zaken: [zaak.identificatie], ...(vooraf ? { personenVooraf: vooraf } : {}) };
  },
};
