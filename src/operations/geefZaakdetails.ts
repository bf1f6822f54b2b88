// #2 geefZaakdetails: one zaak with what the scope asks (everything we hold when there is no scope), as far as the
// caller may see it, with the zaak's most recent handover (overdragenZaak) among its extraElementen.
import { NS } from '../stuf/namespaces';
import { Scope, gelijkIdentificatie, leesVraag } from '../stuf/vraag';
import { zaakDetailsObject } from '../stuf/zaakAntwoord';
import { ZaakBeeld } from '../domain/zaakBeeld';
import { zichtOp } from '../toegang/zicht';
import { overdrachtKenmerken } from '../overdracht/kenmerken';
import { Operatie } from '../soap/operatie';
import { gevraagdeZaak, verversSpiegel, zaakLa01, zds11Actie, zds12Actie } from './gemeenschappelijk';

export const geefZaakdetails: Operatie = {
  naam: 'geefZaakdetails',
  asynchroon: false,
  wijzigt: false,
  acties: [zds12Actie('geefZaakdetails_ZakLv01'), zds11Actie('geefZaakdetails_Lv01')],
  roots: [
    { ns: NS.zds, local: 'geefZaakdetails_ZakLv01' },
    { ns: NS.zkn, local: 'zakLv01' },
  ],
  stuurgegevens: { berichtcode: 'Lv01', entiteittype: 'ZAK' },
  vooraf: verversSpiegel,
  async verwerk(ctx, bericht) {
    const vraag = leesVraag(bericht.root);
    const id = gelijkIdentificatie(vraag);
    const beeld = await gevraagdeZaak(ctx, bericht, 'geefZaakdetails_ZakLa01', id);
    if (!(beeld instanceof ZaakBeeld)) return beeld;
    const overdracht = () => overdrachtKenmerken(ctx.store, ctx.bestemmingen, beeld.identificatie);
    const object = await zaakDetailsObject(beeld, vraag.scope ?? Scope.ALLES, await zichtOp(ctx.aanroeper, beeld), overdracht);
    return { bericht: zaakLa01(ctx, bericht, 'geefZaakdetails_ZakLa01', [object], ctx.antwoordMeldingen), zaken: [id] };
  },
};
