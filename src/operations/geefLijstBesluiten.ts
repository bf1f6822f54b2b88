// #22 geefLijstBesluiten (ZDS 1.2 only): the besluiten a zaak led to, as leidtTot sorted on the besluit's
// identificatie. A zaak without besluiten is answered as geefLijstZaakdocumenten answers one without documents
// (zds.md A11): the zaak with one empty leidtTot, known to be absent. The besluiten of a plan the caller may not
// see are answered the same way with nietGeautoriseerd.
import { NS } from '../stuf/namespaces';
import { entiteittype, nilElement, zkn } from '../stuf/antwoordElementen';
import { Scope, gelijkIdentificatie, leesVraag } from '../stuf/vraag';
import { XElement, at, child, isNil } from '../stuf/xml';
import { isVanAntwoord } from '../stuf/zaakAntwoord';
import { LIJST_VORM, leidtTotAntwoord } from '../stuf/besluitAntwoord';
import { ZaakBeeld } from '../domain/zaakBeeld';
import { magBesluitenZien } from '../toegang/rechten';
import { Operatie } from '../soap/operatie';
import { gevraagdeZaak, zaakLa01, zds12Actie } from './gemeenschappelijk';

const LA01 = 'geefLijstBesluiten_ZakLa01';

/** One criterion of gelijk: absent matches anything, nil matches no value, otherwise the value itself. */
const past = (e: XElement | undefined, waarde: string | undefined) => !e || (isNil(e) ? waarde === undefined : e.text.trim() === waarde);

/**
 * Besides the identificatie the schema allows selecting on omschrijving and zaaktype: all must hold. The omschrijving
 * of a plan the caller may not see is no criterion: the answer would reveal it one guess at a time.
 */
function voldoetAan(b: ZaakBeeld, gelijk: XElement | undefined, zichtbaar: boolean): boolean {
  const zaaktype = child(child(gelijk, 'isVan'), 'gerelateerde');
  return (!zichtbaar || past(child(gelijk, 'omschrijving'), b.zaak.data.attributen.omschrijving?.w)) &&
    past(child(zaaktype, 'code'), b.zaaktypeCode) &&
    past(child(zaaktype, 'omschrijving'), b.zaaktypeOmschrijving);
}

export const geefLijstBesluiten: Operatie = {
  naam: 'geefLijstBesluiten',
  asynchroon: false,
  wijzigt: false,
  acties: [zds12Actie('geefLijstBesluiten_ZakLv01')],
  roots: [{ ns: NS.zds, local: 'geefLijstBesluiten_ZakLv01' }],
  stuurgegevens: { berichtcode: 'Lv01', entiteittype: 'ZAK' },
  async verwerk(ctx, bericht) {
    const vraag = leesVraag(bericht.root);
    const id = gelijkIdentificatie(vraag);
    if (!vraag.scope) ctx.afw.meld('scope ontbreekt (verplicht in geefLijstBesluiten); alle besluitgegevens worden gegeven');
    const beeld = await gevraagdeZaak(ctx, bericht, LA01, id);
    if (!(beeld instanceof ZaakBeeld)) return beeld;
    const zichtbaar = await magBesluitenZien(ctx.aanroeper, beeld);
    if (!voldoetAan(beeld, vraag.gelijk, zichtbaar)) return { bericht: zaakLa01(ctx, bericht, LA01, []), zaken: [id] };
    const scope = vraag.scope ?? Scope.ALLES;
    const leidtTot = zichtbaar ? await leidtTotAntwoord(() => beeld.besluiten, scope, LIJST_VORM) : [];
    const leeg = zichtbaar ? 'geenWaarde' : 'nietGeautoriseerd';
    const object = zkn('object', [
      zkn('identificatie', id),
      isVanAntwoord(beeld, scope),
      ...(leidtTot.length ? leidtTot : [nilElement(NS.zkn, 'leidtTot', leeg, [entiteittype('ZAKBSL')])]),
    ], [entiteittype('ZAK'), at(NS.stuf, 'sleutelVerzendend', String(beeld.zaak.id))]);
    return { bericht: zaakLa01(ctx, bericht, LA01, [object]), zaken: [id] };
  },
};
