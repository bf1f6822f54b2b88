// #19 updateBesluit (ZDS 1.2 only): changes of an existing besluit, a BslLk01 with mutatiesoort W and the objects
// oud and nieuw; the values of nieuw are applied. One object alone is read as nieuw, as for updateZaak (zds.md A6).
import { NS } from '../stuf/namespaces';
import { bv03 } from '../stuf/berichten';
import { schemaFout } from '../stuf/fout';
import { child, children } from '../stuf/xml';
import { leesBesluitObject } from '../stuf/besluitKennisgeving';
import { updateBesluit as wijzigBesluit } from '../domain/besluitMutaties';
import { Operatie, OperatieContext, Bericht } from '../soap/operatie';
import { mutatieContext, zds12Actie } from './gemeenschappelijk';

function controleerParameters(ctx: OperatieContext, bericht: Bericht): void {
  const p = child(bericht.root, 'parameters');
  const ms = child(p, 'mutatiesoort')?.text.trim();
  if (!ms) ctx.afw.meld('parameters/mutatiesoort ontbreekt (verwacht W)');
  else if (ms !== 'W') throw schemaFout(`parameters/mutatiesoort is '${ms}'; updateBesluit verwacht 'W'`);
  const overname = child(p, 'indicatorOvername')?.text.trim();
  if (overname === undefined) ctx.afw.meld('parameters/indicatorOvername ontbreekt');
  else if (overname !== 'V' && overname !== 'I') throw schemaFout(`parameters/indicatorOvername '${overname}' is geen V of I`);
}

export const updateBesluit: Operatie = {
  naam: 'updateBesluit',
  asynchroon: true,
  wijzigt: true,
  acties: [zds12Actie('updateBesluit_BslLk01')],
  roots: [{ ns: NS.zds, local: 'updateBesluit_BslLk01' }],
  stuurgegevens: { berichtcode: 'Lk01', entiteittype: 'BSL' },
  verwerk(ctx, bericht) {
    controleerParameters(ctx, bericht);
    const objecten = children(bericht.root, 'object');
    if (objecten.length === 0) throw schemaFout('object ontbreekt: het bericht bevat geen besluit');
    if (objecten.length > 2) throw schemaFout(`updateBesluit bevat ${objecten.length} objecten; twee (oud en nieuw) zijn toegestaan`);
    if (objecten.length === 1) ctx.afw.meld('één object in plaats van het paar oud/nieuw; gelezen als nieuw');
    const oud = objecten.length === 2 ? leesBesluitObject(objecten[0], 'object[1]', ctx.afw) : undefined;
    const nieuw = leesBesluitObject(objecten[objecten.length - 1], objecten.length === 2 ? 'object[2]' : 'object', ctx.afw);
    const besluit = wijzigBesluit({ ...mutatieContext(ctx), tijdstipBericht: bericht.stuurgegevens.tijdstipBericht }, oud, nieuw);
    const zaak = ctx.store.zaken.vindOpId(besluit.zaakId);
    return { bericht: bv03(bericht.stuurgegevens, ctx.eigen), zaken: zaak ? [zaak.identificatie] : [] };
  },
};
