// #1 geefZaakstatus: the statuses of a zaak, newest first; only the current one when indicatieLaatsteStatus = J.
import { NS } from '../stuf/namespaces';
import { Scope, gelijkIdentificatie, leesVraag } from '../stuf/vraag';
import { path } from '../stuf/xml';
import { zaakStatusObject } from '../stuf/zaakAntwoord';
import { ZaakBeeld } from '../domain/zaakBeeld';
import { zichtOp } from '../toegang/zicht';
import { Operatie } from '../soap/operatie';
import { gevraagdeZaak, verversSpiegel, zaakLa01, zds11Actie, zds12Actie } from './gemeenschappelijk';

export const geefZaakstatus: Operatie = {
  naam: 'geefZaakstatus',
  asynchroon: false,
  wijzigt: false,
  acties: [zds12Actie('geefZaakstatus_ZakLv01'), zds11Actie('geefZaakstatus_Lv01')],
  roots: [
    { ns: NS.zds, local: 'geefZaakstatus_ZakLv01' },
    { ns: NS.zkn, local: 'zakLv01' },
  ],
  stuurgegevens: { berichtcode: 'Lv01', entiteittype: 'ZAK' },
  vooraf: verversSpiegel,
  async verwerk(ctx, bericht) {
    const vraag = leesVraag(bericht.root);
    const id = gelijkIdentificatie(vraag);
    const alleenLaatste = path(vraag.gelijk, 'heeft', 'indicatieLaatsteStatus')?.text.trim().toUpperCase() === 'J';
    // ZDS 1.2 requires gelijk/heeft/indicatieLaatsteStatus = J; without it we answer the whole history.
    if (bericht.dialect === 'zds12' && !alleenLaatste) ctx.afw.meld('gelijk/heeft/indicatieLaatsteStatus (J) ontbreekt; alle statussen worden gegeven');
    const beeld = await gevraagdeZaak(ctx, bericht, 'geefZaakstatus_ZakLa01', id);
    if (!(beeld instanceof ZaakBeeld)) return beeld;
    const object = await zaakStatusObject(beeld, vraag.scope ?? Scope.KERN, alleenLaatste, bericht.dialect === 'zds12' ? 'statusZds12' : 'status', await zichtOp(ctx.aanroeper, beeld));
    return { bericht: zaakLa01(ctx, bericht, 'geefZaakstatus_ZakLa01', [object], ctx.antwoordMeldingen), zaken: [id] };
  },
};
