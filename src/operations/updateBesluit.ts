// #19 updateBesluit (ZDS 1.2 only): changes of an existing besluit, a BslLk01 with mutatiesoort W and the objects
// oud and nieuw; the values of nieuw are applied. One object alone is read as nieuw, and mutatiesoort T as W (the
// service already says it is a change), as for updateZaak (zds.md A6, field notes).
import { NS } from '../stuf/namespaces';
import { bv03 } from '../stuf/berichten';
import { leesKennisgevingObjecten } from '../stuf/kennisgevingObjecten';
import { leesBesluitObject } from '../stuf/besluitKennisgeving';
import { updateBesluit as wijzigBesluit } from '../domain/besluitMutaties';
import { Operatie } from '../soap/operatie';
import { mutatieContext, zds12Actie } from './gemeenschappelijk';

export const updateBesluit: Operatie = {
  naam: 'updateBesluit',
  asynchroon: true,
  wijzigt: true,
  acties: [zds12Actie('updateBesluit_BslLk01')],
  roots: [{ ns: NS.zds, local: 'updateBesluit_BslLk01' }],
  stuurgegevens: { berichtcode: 'Lk01', entiteittype: 'BSL' },
  async verwerk(ctx, bericht) {
    const vorm = { wat: 'besluit', naam: { T: 'updateBesluit', W: 'updateBesluit' }, indicatorOvername: true, wijzigingOokAlsT: true, lees: leesBesluitObject };
    const { oud, nieuw } = leesKennisgevingObjecten(bericht.root, 'W', vorm, ctx.afw);
    const besluit = await wijzigBesluit({ ...mutatieContext(ctx), tijdstipBericht: bericht.stuurgegevens.tijdstipBericht }, oud, nieuw);
    const zaak = await ctx.store.zaken.vindOpId(besluit.zaakId);
    return { bericht: bv03(bericht.stuurgegevens, ctx.eigen), zaken: zaak ? [zaak.identificatie] : [] };
  },
};
