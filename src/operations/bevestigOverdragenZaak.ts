// overdragenZaak_Du01, WSDL operation bevestigOverdragenZaak (rzs.md §7, A27; zds.md §2.17): the backoffice's answer
// to a handover. The gateway settles the handover, makes an accepting backoffice the zaak's behandelaar, relays the
// Du01 to the aanvrager in the flavour its Di01 came in, and answers Bv03 after commit. The new behandelaar is not a
// notification gebeurtenis (rzs.md §6.1 lists none for overdragenZaak); the backoffice reports its later changes itself.
import { NS } from '../stuf/namespaces';
import { bv03 } from '../stuf/berichten';
import { nietGevonden, schemaFout, verwerkingsFout } from '../stuf/fout';
import { Operatie } from '../soap/operatie';
import { leesBevestiging, leesDoorgegevenSturing } from '../overdracht/lezen';
import { beantwoordeOverdracht } from '../overdracht/koppeling';
import { registreerBehandelaar } from '../overdracht/behandelaar';
import { stuurBevestigingDoor } from '../overdracht/doorsturen';
import { RZS_ACTIE_STUF, overdrachtActie } from '../overdracht/vorm';

export const bevestigOverdragenZaak: Operatie = {
  naam: 'bevestigOverdragenZaak',
  asynchroon: true,
  wijzigt: true,
  // Addressed to the aanvrager: its ontvanger may be a configured destination rather than the gateway.
  doorgestuurd: true,
  acties: [overdrachtActie('rzs', 'Du01'), `${RZS_ACTIE_STUF}bevestigOverdragenZaak`, overdrachtActie('zds12', 'Du01')],
  roots: [
    { ns: NS.rzs, local: 'overdragenZaak_Du01' },
    { ns: NS.zds, local: 'overdragenZaak_Du01' },
  ],
  stuurgegevens: { berichtcode: 'Du01', functie: ['overdragenZaak'] },
  async verwerk(ctx, bericht) {
    const sg = bericht.stuurgegevens;
    if (!sg.crossRefnummer) throw schemaFout('stuurgegevens/crossRefnummer ontbreekt: het is het referentienummer van de overdragenZaak_Di01 die dit bericht beantwoordt');
    const bevestiging = leesBevestiging(bericht.root, ctx.afw);
    const sturing = leesDoorgegevenSturing(sg);
    const { overdracht: o, backoffice } = await beantwoordeOverdracht(ctx.store, ctx.bestemmingen, sg.crossRefnummer, sg.zender);
    if (bevestiging.zaak !== o.zaak) {
      throw verwerkingsFout(`object/identificatie ${bevestiging.zaak} is niet de zaak van de overdracht met referentienummer ${o.referentienummer} (zaak ${o.zaak})`);
    }
    const geaccepteerd = bevestiging.antwoord === 'Overdracht geaccepteerd';
    // The melding may give a refusal's reason in terms of the person concerned: stored, never logged.
    await ctx.store.overdrachten.beantwoord(o.id, geaccepteerd ? 'geaccepteerd' : 'geweigerd', bevestiging.meldingen.join('\n') || undefined, sturing.referentienummer);
    if (geaccepteerd) {
      const zaak = await ctx.store.zaken.vind(o.zaak);
      if (!zaak) throw nietGevonden(`Zaak met identificatie ${o.zaak} van overdracht #${o.id} is niet gevonden`);
      if (await registreerBehandelaar(ctx.store, zaak, backoffice)) ctx.meldingen.push(`backoffice ${backoffice.naam} is behandelaar van zaak ${o.zaak}`);
    }
    // Passed on as sent; a Du01 addressed to anyone but the aanvrager (the gateway itself) is readdressed to it.
    const ontvanger = ctx.bestemmingen.vanSysteem(sturing.ontvanger)?.naam === o.aanvragerBestemming ? sturing.ontvanger! : o.aanvrager;
    await stuurBevestigingDoor(ctx, { bestemming: o.aanvragerBestemming, dialect: o.dialect, sturing: { ...sturing, ontvanger }, overdrachtId: o.id }, bevestiging);
    ctx.meldingen.push(`overdracht #${o.id} ${geaccepteerd ? 'geaccepteerd' : 'geweigerd'}; antwoord naar ${o.aanvragerBestemming} in de uitgaande wachtrij`);
    return { bericht: bv03(sg, ctx.eigen), zaken: [o.zaak] };
  },
};
