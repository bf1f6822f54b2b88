// initieerNotificeerOverZaak (rzs.md §6.2, §6.5 point 3): a servicebus, backoffice or other zaaksysteem changed a
// zaak and asks the abonnementenbeheer to tell the subscribers. The zaak need not be in our store: the change was
// made elsewhere. Routed like a change of our own, inside the transaction (so a resend notifies no one twice);
// Bv03 after commit. A notificeerOverZaak_Di01 of the same shape is taken as a trigger too (it has no zendende
// applicatie, so nobody is skipped).
import { NS } from '../stuf/namespaces';
import { bv03 } from '../stuf/berichten';
import { systeemLabel } from '../stuf/stuurgegevens';
import { Operatie } from '../soap/operatie';
import { leesNotificatie } from '../notificaties/notificatieLezen';
import { RZS_ACTIE_BASIS } from '../notificaties/notificatieBericht';
import { routeerNotificatie } from '../notificaties/trigger';
import { zelfdeSysteem } from '../uitgaand/bestemmingen';
import { ALLE_ZAAKTYPEN, magSchrijven } from '../toegang/aanroeper';
import { geweigerd, partnerBuitenBereik } from '../toegang/rechten';

/** The StUF rule's SOAPAction base, which the RZS WSDL does not follow; accepted as well (rzs.md A4). */
const RZS_ACTIE_STUF = 'http://www.stufstandaarden.nl/koppelvlak/rzs0310/';

export const initieerNotificeerOverZaak: Operatie = {
  naam: 'initieerNotificeerOverZaak',
  asynchroon: true,
  wijzigt: true,
  acties: ['initieerNotificeerOverZaak', 'notificeerOverZaak'].flatMap((op) => [RZS_ACTIE_BASIS + op, RZS_ACTIE_STUF + op]),
  roots: [{ ns: NS.rzs, local: 'initieerNotificeerOverZaak_Di01' }, { ns: NS.rzs, local: 'notificeerOverZaak_Di01' }],
  // The schema fixes functie to notificeerOverZaak for the trigger too; the name senders expect is accepted (rzs.md A5).
  stuurgegevens: { berichtcode: 'Di01', functie: ['notificeerOverZaak', 'initieerNotificeerOverZaak'] },
  async verwerk(ctx, bericht) {
    const n = leesNotificatie(bericht.root, { zendendeApplicatieNaam: ctx.config.notificaties.zendendeApplicatie, afw: ctx.afw, meldingen: ctx.meldingen });
    // Announcing a change of a zaak is as much as claiming to have made it: the zaaktype must be one the caller may change.
    if (!magSchrijven(ctx.aanroeper, n.zaaktype.code ?? ALLE_ZAAKTYPEN)) {
      const wat = n.zaaktype.code ? `van zaaktype ${n.zaaktype.code}` : 'zonder zaaktypecode';
      throw geweigerd(ctx.aanroeper, `mag geen notificaties over zaken ${wat} aanbieden (zaak ${n.zaak})`);
    }
    // A ketenpartner announces changes of its own zaken only.
    const buiten = await partnerBuitenBereik(ctx.aanroeper, n.zaak);
    if (buiten) throw geweigerd(ctx.aanroeper, buiten);
    const modus = ctx.config.notificaties.modus;
    const beheer = modus === 'extern' ? ctx.bestemmingen.vind(ctx.config.notificaties.abonnementenbeheer ?? '') : undefined;
    const zender = bericht.stuurgegevens.zender;
    if (modus === 'uit') {
      ctx.meldingen.push('notificaties staan uit (notificaties.modus uit): niets verstuurd');
    } else if (beheer && zender && zelfdeSysteem(beheer.ontvanger, zender)) {
      // What the abonnementenbeheer itself sends us must not go back to it: that would circle for ever.
      ctx.meldingen.push(`bericht komt van het abonnementenbeheer ${systeemLabel(zender)} zelf: niet teruggestuurd`);
    } else {
      const aantal = await routeerNotificatie(ctx, n);
      ctx.meldingen.push(`${aantal} notificatie(s) '${n.gebeurtenis}' in de uitgaande wachtrij`);
    }
    return { bericht: bv03(bericht.stuurgegevens, ctx.eigen), zaken: [n.zaak] };
  },
};
