// #21 geefBesluitdetails (ZDS 1.2 only): one besluit with what the scope asks, its zaak (isUitkomstVan, always
// given: the answer requires it) and the documents it is laid down in (isVastgelegdIn). A besluit of a zaak the
// caller may not read, or of a plan it may not see the content of, is a Fo02 StUF052.
import { NS } from '../stuf/namespaces';
import { nietGevonden } from '../stuf/fout';
import { antwoordStuurgegevens } from '../stuf/stuurgegevens';
import { Scope, gelijkIdentificatie, leesVraag } from '../stuf/vraag';
import { XElement, el } from '../stuf/xml';
import { besluitDetailsObject } from '../stuf/besluitAntwoord';
import { isUitkomstVanAntwoord, isVastgelegdInAntwoord } from '../stuf/besluitRelatieAntwoord';
import { ZaakBeeld } from '../domain/zaakBeeld';
import { geweigerd, magBesluitenZien } from '../toegang/rechten';
import { magDocumentLezen } from '../toegang/documentRechten';
import { Bericht, Operatie, OperatieContext } from '../soap/operatie';
import { zds12Actie } from './gemeenschappelijk';

function besluitLa01(ctx: OperatieContext, bericht: Bericht, object?: XElement): XElement {
  return el(NS.zds, 'geefBesluitdetails_BslLa01', [
    antwoordStuurgegevens(NS.zkn, bericht.stuurgegevens, ctx.eigen, { berichtcode: 'La01', entiteittype: 'BSL' }),
    el(NS.zkn, 'parameters', [el(NS.stuf, 'indicatorVervolgvraag', 'false')]),
    object && el(NS.zkn, 'antwoord', [object]),
  ]);
}

export const geefBesluitdetails: Operatie = {
  naam: 'geefBesluitdetails',
  asynchroon: false,
  wijzigt: false,
  acties: [zds12Actie('geefBesluitdetails_BslLv01')],
  roots: [{ ns: NS.zds, local: 'geefBesluitdetails_BslLv01' }],
  stuurgegevens: { berichtcode: 'Lv01', entiteittype: 'BSL' },
  verwerk(ctx, bericht) {
    const vraag = leesVraag(bericht.root);
    const id = gelijkIdentificatie(vraag, 'besluit');
    if (!vraag.scope) ctx.afw.meld('scope ontbreekt (verplicht in geefBesluitdetails); het hele besluit wordt gegeven');
    const besluit = ctx.store.besluiten.vind(id);
    // An unknown besluit is answered like an unknown zaak (zds.md A10).
    if (!besluit) {
      if (ctx.config.stuf.onbekendObject === 'fout') throw nietGevonden(`Besluit met identificatie ${id} is niet gevonden`);
      return { bericht: besluitLa01(ctx, bericht) };
    }
    const zaak = new ZaakBeeld(ctx.store, ctx.catalogus, ctx.store.zaken.vindOpId(besluit.zaakId)!);
    if (!magBesluitenZien(ctx.aanroeper, zaak)) {
      const waarom = zaak.isPlan
        ? `het hoort bij ${zaak.soort} ${zaak.zaak.identificatie}, waarvan alleen het regiesysteem en de uitvoerenden van het plan de besluiten zien`
        : `het hoort bij een zaak van zaaktype ${zaak.zaaktypeCode}, dat niet in haar lezen-lijst staat`;
      throw geweigerd(ctx.aanroeper, `mag besluit ${id} niet inzien: ${waarom}`);
    }
    const scope = vraag.scope ?? Scope.ALLES;
    const documenten = () => ctx.store.besluiten.documenten(besluit.id).filter((d) => !d.einddatum);
    // Titel and omschrijving of a stored document only for a caller that may read it: naming a document in a
    // besluit must not be a way to learn about it.
    const kern = (docId: string) => {
      const doc = ctx.store.documenten.vind(docId);
      return doc && magDocumentLezen(ctx, doc) ? ctx.store.besluiten.documentKern(docId) : undefined;
    };
    const object = besluitDetailsObject(besluit, scope, [
      isUitkomstVanAntwoord(zaak, scope),
      ...isVastgelegdInAntwoord(documenten, kern, scope),
    ]);
    return { bericht: besluitLa01(ctx, bericht, object), zaken: [zaak.zaak.identificatie] };
  },
};
