// #7 geefLijstZaakdocumenten: the documents filed in a zaak, sorted on documentidentificatie (ZakLv01 → ZakLa01).
// The documents of a plan are its content: a caller without full view gets the zaak with one heeftRelevant
// nil nietGeautoriseerd (the answer type demands at least one), and its omschrijving likewise when asked.
import { NS } from '../stuf/namespaces';
import { Scope, gelijkIdentificatie, leesVraag } from '../stuf/vraag';
import { at } from '../stuf/xml';
import { entiteittype, nilElement, zkn } from '../stuf/antwoordElementen';
import { isVanAntwoord } from '../stuf/zaakAntwoord';
import { zaakdocumentenObject } from '../stuf/documentAntwoord';
import { ZaakBeeld } from '../domain/zaakBeeld';
import { magDocumentenZien } from '../toegang/rechten';
import { Operatie } from '../soap/operatie';
import { gevraagdeZaak, zaakLa01, zds11Actie, zds12Actie } from './gemeenschappelijk';

const LA01 = 'geefLijstZaakdocumenten_ZakLa01';

function nietGeautoriseerdObject(b: ZaakBeeld, scope: Scope) {
  return zkn('object', [
    zkn('identificatie', b.zaak.identificatie),
    scope.vraagt('omschrijving') && nilElement(NS.zkn, 'omschrijving', 'nietGeautoriseerd'),
    isVanAntwoord(b, scope),
    nilElement(NS.zkn, 'heeftRelevant', 'nietGeautoriseerd', [entiteittype('ZAKEDC')]),
  ], [entiteittype('ZAK'), at(NS.stuf, 'sleutelVerzendend', String(b.zaak.id))]);
}

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
  async verwerk(ctx, bericht) {
    const vraag = leesVraag(bericht.root);
    const id = gelijkIdentificatie(vraag);
    if (!vraag.scope && bericht.dialect === 'zds12') ctx.afw.meld('scope ontbreekt (verplicht in geefLijstZaakdocumenten); alles wordt gegeven');
    // A zaak the caller may not read is answered as an unknown one (gevraagdeZaak).
    const beeld = await gevraagdeZaak(ctx, bericht, LA01, id);
    if (!(beeld instanceof ZaakBeeld)) return beeld;
    const scope = vraag.scope ?? Scope.ALLES;
    const object = (await magDocumentenZien(ctx.aanroeper, beeld))
      ? await zaakdocumentenObject(beeld, scope, isVanAntwoord(beeld, scope))
      : nietGeautoriseerdObject(beeld, scope);
    return { bericht: zaakLa01(ctx, bericht, LA01, [object]), zaken: [id] };
  },
};
