// #3 actualiseerZaakstatus: a new status for a zaak; the statustype must exist for its zaaktype (or be matched there,
// by the zaaktype's profile), and an end status closes the zaak as the profile says (domain/afsluiting.ts).
import { NS } from '../stuf/namespaces';
import { bv03 } from '../stuf/berichten';
import { actualiseerZaakstatus as zetNieuweStatus } from '../domain/zaakMutaties';
import { Operatie } from '../soap/operatie';
import { gespiegeldeZaak, werkPartnerzaakBij } from '../partners/partnerzaak';
import { partnerAntwoord } from '../partners/partnerAntwoord';
import { leesKennisgeving, mutatieContext, zds11Actie, zds12Actie } from './gemeenschappelijk';

export const actualiseerZaakstatus: Operatie = {
  naam: 'actualiseerZaakstatus',
  asynchroon: true,
  wijzigt: true,
  gebeurtenis: 'Actualiseer zaakstatus',
  acties: [zds12Actie('actualiseerZaakstatus_ZakLk01'), zds11Actie('actualiseerZaakstatus_Lk01')],
  roots: [
    { ns: NS.zds, local: 'actualiseerZaakstatus_ZakLk01' },
    { ns: NS.zkn, local: 'zakLk01' },
  ],
  stuurgegevens: { berichtcode: 'Lk01', entiteittype: 'ZAK' },
  async verwerk(ctx, bericht) {
    const { oud, nieuw } = leesKennisgeving(ctx, bericht, 'W');
    const mctx = mutatieContext(ctx);
    const spiegel = await gespiegeldeZaak(mctx, oud, nieuw);
    if (spiegel) return partnerAntwoord(ctx, bericht, await werkPartnerzaakBij(mctx, spiegel, oud, nieuw, 'status'));
    const zaak = await zetNieuweStatus(mctx, oud, nieuw);
    return { bericht: bv03(bericht.stuurgegevens, ctx.eigen), zaken: [zaak.identificatie] };
  },
};
