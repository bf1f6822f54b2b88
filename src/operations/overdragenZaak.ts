// overdragenZaak_Di01 (rzs.md §7, A15, A27; zds.md §2.17): a regiesysteem hands a stored zaak over to the backoffice
// that will handle it. The gateway routes it: records the handover, puts the Di01 in the outbox for the backoffice
// (in that backoffice's flavour, with the sender's zender and referentienummer) and answers Bv03 after commit. The
// backoffice's Du01 later comes back through bevestigOverdragenZaak.
import { NS } from '../stuf/namespaces';
import { bv03 } from '../stuf/berichten';
import { nietGevonden, verwerkingsFout } from '../stuf/fout';
import { systeemLabel } from '../stuf/stuurgegevens';
import { Operatie } from '../soap/operatie';
import { controleerSchrijven, geweigerd, zaakKenmerken } from '../toegang/rechten';
import { leesDoorgegevenSturing, leesOpdracht } from '../overdracht/lezen';
import { aanvragerVan, kiesBackoffice } from '../overdracht/deelnemers';
import { stuurOpdrachtDoor } from '../overdracht/doorsturen';
import { RZS_ACTIE_STUF, dialectVan, overdrachtActie } from '../overdracht/vorm';

export const overdragenZaak: Operatie = {
  naam: 'overdragenZaak',
  asynchroon: true,
  wijzigt: true,
  // Addressed to the backoffice: its ontvanger may be a configured destination rather than the gateway.
  doorgestuurd: true,
  acties: [overdrachtActie('rzs', 'Di01'), `${RZS_ACTIE_STUF}overdragenZaak`, overdrachtActie('zds12', 'Di01')],
  roots: [
    { ns: NS.rzs, local: 'overdragenZaak_Di01' },
    { ns: NS.zds, local: 'overdragenZaak_Di01' },
  ],
  stuurgegevens: { berichtcode: 'Di01', functie: ['overdragenZaak'] },
  async verwerk(ctx, bericht) {
    const sg = bericht.stuurgegevens;
    const a = ctx.aanroeper;
    // Handing a zaak over is the regie's decision (rzs.md §7: regiesysteem → backoffice).
    if (a.rol !== 'regie' && a.rol !== 'open') throw geweigerd(a, 'mag geen zaak overdragen; dat doet het regiesysteem (rol regie)');
    const dialect = dialectVan(bericht.root);
    const opdracht = leesOpdracht(bericht.root, ctx.afw);
    const sturing = leesDoorgegevenSturing(sg);

    const zaak = await ctx.store.zaken.vind(opdracht.zaak);
    if (!zaak) throw nietGevonden(`Zaak met identificatie ${opdracht.zaak} is niet gevonden; alleen een zaak die in de gateway staat kan worden overgedragen`);
    await controleerSchrijven(a, zaakKenmerken(ctx.catalogus, zaak));
    const zaaktype = zaak.data.zaaktype.code;
    if (opdracht.zaaktype.code !== zaaktype) {
      throw verwerkingsFout(`object/isVan noemt zaaktype ${opdracht.zaaktype.code}, maar zaak ${zaak.identificatie} is van zaaktype ${zaaktype}`);
    }

    const aanvrager = aanvragerVan(ctx, sg);
    const backoffice = kiesBackoffice(ctx, sg, zaaktype, aanvrager);
    const overdrachtId = await ctx.store.overdrachten.voegToe({
      zaak: zaak.identificatie,
      zaaktypeCode: zaaktype,
      aanvragerBestemming: aanvrager.naam,
      aanvrager: sturing.zender,
      backoffice: backoffice.naam,
      referentienummer: sturing.referentienummer,
      dialect,
    });
    // Passed on as sent; only a Di01 addressed to the gateway itself (the zaaktype chose) gets the backoffice as ontvanger.
    const ontvanger = ctx.bestemmingen.vanSysteem(sturing.ontvanger)?.naam === backoffice.naam ? sturing.ontvanger! : backoffice.ontvanger;
    await stuurOpdrachtDoor(ctx, { bestemming: backoffice.naam, dialect: backoffice.dialect, sturing: { ...sturing, ontvanger }, overdrachtId }, opdracht);
    ctx.meldingen.push(`overdracht #${overdrachtId} van zaak ${zaak.identificatie} naar backoffice ${backoffice.naam} (${systeemLabel(ontvanger)}) in de uitgaande wachtrij`);
    return { bericht: bv03(sg, ctx.eigen), zaken: [zaak.identificatie] };
  },
};
