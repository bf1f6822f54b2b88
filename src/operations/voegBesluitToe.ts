// #18 voegBesluitToe (ZDS 1.2 only): a new besluit for an existing zaak, sent as an asynchronous vrij bericht
// (Di01 on OntvangAsynchroon) whose object holds the besluit and the zaak; Bv03 after commit, Fo03 otherwise.
import { NS } from '../stuf/namespaces';
import { bv03 } from '../stuf/berichten';
import { schemaFout } from '../stuf/fout';
import { child } from '../stuf/xml';
import { leesBesluitObject, leesZaakVerwijzing } from '../stuf/besluitKennisgeving';
import { voegBesluitToe as nieuwBesluit } from '../domain/besluitMutaties';
import { Operatie } from '../soap/operatie';
import { mutatieContext, zds12Actie } from './gemeenschappelijk';

export const voegBesluitToe: Operatie = {
  naam: 'voegBesluitToe',
  asynchroon: true,
  wijzigt: true,
  acties: [zds12Actie('voegBesluitToe_Di01')],
  roots: [{ ns: NS.zds, local: 'voegBesluitToe_Di01' }],
  stuurgegevens: { berichtcode: 'Di01', functie: ['voegBesluitToe'] },
  async verwerk(ctx, bericht) {
    const object = child(bericht.root, 'object');
    const besluit = child(object, 'besluit');
    const zaak = child(object, 'zaak');
    if (!besluit) throw schemaFout('object/besluit ontbreekt: het bericht bevat geen besluit');
    if (!zaak) throw schemaFout('object/zaak ontbreekt: een besluit wordt aan een bestaande zaak toegevoegd');
    const b = leesBesluitObject(besluit, 'object/besluit', ctx.afw);
    const z = leesZaakVerwijzing(zaak, 'object/zaak', ctx.afw);
    const resultaat = await nieuwBesluit({ ...mutatieContext(ctx), tijdstipBericht: bericht.stuurgegevens.tijdstipBericht }, b, z);
    return { bericht: bv03(bericht.stuurgegevens, ctx.eigen), zaken: [resultaat.zaak.identificatie] };
  },
};
