// The Bv03 to a ketenpartner's message about its own zaak, and what subscribers hear of it: an announced zaak is a
// Creeer zaak; otherwise a replaced status is an Actualiseer zaakstatus (whatever the message was), anything else nothing.
import { bv03 } from '../stuf/berichten';
import type { Antwoord, Bericht, OperatieContext } from '../soap/operatie';
import type { Gebeurtenis } from '../notificaties/gebeurtenis';
import type { Partnerverwerking } from './partnerzaak';

export function partnerAntwoord(ctx: OperatieContext, bericht: Bericht, v: Partnerverwerking, vast?: Gebeurtenis): Antwoord {
  const gebeurtenis: Gebeurtenis | null = vast ?? (v.status === 'vervangen' ? 'Actualiseer zaakstatus' : null);
  return { bericht: bv03(bericht.stuurgegevens, ctx.eigen), zaken: [v.identificatie], gebeurtenis };
}
