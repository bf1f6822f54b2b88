// #21 geefBesluitdetails (ZDS 1.2 only): one besluit with what the scope asks, its zaak (isUitkomstVan, always
// given: the answer requires it) and the documents it is laid down in (isVastgelegdIn). A besluit of a zaak the
// caller may not read, or of a plan it may not see the content of, is answered as an unknown besluit.
import { NS } from '../stuf/namespaces';
import { antwoordStuurgegevens } from '../stuf/stuurgegevens';
import { Scope, gelijkIdentificatie, leesVraag } from '../stuf/vraag';
import { XElement, el } from '../stuf/xml';
import { besluitDetailsObject } from '../stuf/besluitAntwoord';
import { isUitkomstVanAntwoord, isVastgelegdInAntwoord } from '../stuf/besluitRelatieAntwoord';
import { ZaakBeeld } from '../domain/zaakBeeld';
import { magBesluitenZien } from '../toegang/rechten';
import { magDocumentLezen } from '../toegang/documentRechten';
import { Bericht, Operatie, OperatieContext } from '../soap/operatie';
import { onbekendOfVerborgen, zds12Actie } from './gemeenschappelijk';

function besluitLa01(ctx: OperatieContext, bericht: Bericht, object?: XElement): XElement {
  return el(NS.zds, 'geefBesluitdetails_BslLa01', [
    antwoordStuurgegevens(NS.zkn, bericht.stuurgegevens, ctx.eigen, { berichtcode: 'La01', entiteittype: 'BSL' }),
    el(NS.zkn, 'parameters', [el(NS.stuf, 'indicatorVervolgvraag', 'false')]),
    object && el(NS.zkn, 'antwoord', [object]),
  ]);
}

/** Why a besluit is hidden, for the log: it names the zaaktype or the plan, never a person. */
function besluitVerborgen(zaak: ZaakBeeld): string {
  return zaak.isPlan
    ? `het hoort bij ${zaak.soort} ${zaak.zaak.identificatie}, waarvan alleen het regiesysteem en de uitvoerenden van het plan de besluiten zien`
    : `het hoort bij een zaak van zaaktype ${zaak.zaaktypeCode}, die de aanroeper niet mag lezen`;
}

export const geefBesluitdetails: Operatie = {
  naam: 'geefBesluitdetails',
  asynchroon: false,
  wijzigt: false,
  acties: [zds12Actie('geefBesluitdetails_BslLv01')],
  roots: [{ ns: NS.zds, local: 'geefBesluitdetails_BslLv01' }],
  stuurgegevens: { berichtcode: 'Lv01', entiteittype: 'BSL' },
  async verwerk(ctx, bericht) {
    const vraag = leesVraag(bericht.root);
    const id = gelijkIdentificatie(vraag, 'besluit');
    if (!vraag.scope) ctx.afw.meld('scope ontbreekt (verplicht in geefBesluitdetails); het hele besluit wordt gegeven');
    const besluit = await ctx.store.besluiten.vind(id);
    const zaak = besluit && new ZaakBeeld(ctx.store, ctx.catalogus, (await ctx.store.zaken.vindOpId(besluit.zaakId))!);
    // An unknown besluit, and one of a zaak the caller may not read or of a plan whose content it may not see,
    // get the one answer of an unknown object (zds.md A10).
    const verborgen = zaak && !(await magBesluitenZien(ctx.aanroeper, zaak)) ? besluitVerborgen(zaak) : undefined;
    if (!besluit || !zaak || verborgen) return onbekendOfVerborgen(ctx, 'Besluit', id, verborgen, () => besluitLa01(ctx, bericht));
    const scope = vraag.scope ?? Scope.ALLES;
    const documenten = async () => (await ctx.store.besluiten.documenten(besluit.id)).filter((d) => !d.einddatum);
    // Titel and omschrijving of a stored document only for a caller that may read it: naming a document in a
    // besluit must not be a way to learn about it.
    const kern = async (docId: string) => {
      const doc = await ctx.store.documenten.vind(docId);
      return doc && (await magDocumentLezen(ctx, doc)) ? ctx.store.besluiten.documentKern(docId) : undefined;
    };
    const object = besluitDetailsObject(besluit, scope, [
      await isUitkomstVanAntwoord(zaak, scope),
      ...(await isVastgelegdInAntwoord(documenten, kern, scope)),
    ]);
    return { bericht: besluitLa01(ctx, bericht, object), zaken: [zaak.zaak.identificatie] };
  },
};
