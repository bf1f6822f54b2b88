// #7 geefLijstZaakdocumenten: the documents filed in a zaak, sorted on documentidentificatie (ZakLv01 → ZakLa01).
import { NS } from '../stuf/namespaces';
import { Scope, gelijkIdentificatie, leesVraag } from '../stuf/vraag';
import { isVanAntwoord } from '../stuf/zaakAntwoord';
import { zaakdocumentenObject } from '../stuf/documentAntwoord';
import { ZaakBeeld } from '../domain/zaakBeeld';
import { Operatie } from '../soap/operatie';
import { gevraagdeZaak, zaakLa01, zds11Actie, zds12Actie } from './gemeenschappelijk';

const LA01 = 'geefLijstZaakdocumenten_ZakLa01';

export const geefLijstZaakdocumenten: Operatie = {
  naam: 'geefLijstZaakdocumenten',
  asynchroon: false,
  wijzigt: false,
  acties: [zds12Actie('geefLijstZaakdocumenten_ZakLv01'), zds11Actie('geefLijstZaakdocumenten_Lv01')],
  roots: [
    { ns: NS.zds, local: 'geefLijstZaakdocumenten_ZakLv01' },
    { ns: NS.zkn, local: 'zakLv01' },
  ],
  stuurgegevens: { berichtcode: 'Lv01', entiteittype: 'ZAK' },
  verwerk(ctx, bericht) {
    const vraag = leesVraag(bericht.root);
    const id = gelijkIdentificatie(vraag);
    if (!vraag.scope && bericht.dialect === 'zds12') ctx.afw.meld('scope ontbreekt (verplicht in geefLijstZaakdocumenten); alles wordt gegeven');
    const beeld = gevraagdeZaak(ctx, bericht, LA01, id);
    if (!(beeld instanceof ZaakBeeld)) return beeld;
    const scope = vraag.scope ?? Scope.ALLES;
    return { bericht: zaakLa01(ctx, bericht, LA01, [zaakdocumentenObject(beeld, scope, isVanAntwoord(beeld, scope))]), zaken: [id] };
  },
};
