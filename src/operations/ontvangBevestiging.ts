// Acknowledgements and errors another application sends us as a message of their own, later than its synchronous
// answer (rzs.md §6.2/A10, zds.md 3.1): a Bv01 (functionally processed), a Bv03, or a Fo01/Fo03 about a message we sent.
// The RZS and ZDS WSDLs carry them on OntvangAsynchroon. They change nothing: each is logged with the message it
// answers (its crossRefnummer is our referentienummer, found in the outbox) and acknowledged with a Bv03.
import { NS, ACTION_BASE } from '../stuf/namespaces';
import { bv03 } from '../stuf/berichten';
import { schemaFout } from '../stuf/fout';
import { systeemLabel } from '../stuf/stuurgegevens';
import { path } from '../stuf/xml';
import { Antwoord, Operatie, OperatieContext, Bericht } from '../soap/operatie';

type Berichtcode = 'Bv01' | 'Bv03' | 'Fo01' | 'Fo03';

async function verwerk(ctx: OperatieContext, bericht: Bericht, code: Berichtcode): Promise<Antwoord> {
  const sg = bericht.stuurgegevens;
  if (!sg.crossRefnummer) throw schemaFout(`stuurgegevens/crossRefnummer ontbreekt: een ${code} noemt het referentienummer van het bericht waar het over gaat`);
  const uitgaand = await ctx.store.uitgaand.metReferentie(sg.crossRefnummer);
  const velden = {
    berichtcode: code,
    zender: systeemLabel(sg.zender),
    referentienummer: sg.referentienummer,
    crossRefnummer: sg.crossRefnummer,
    ...(uitgaand
      ? { uitgaand: uitgaand.id, bestemming: uitgaand.bestemming, soort: uitgaand.soort, zaak: uitgaand.volgorde, status: uitgaand.status }
      : { uitgaand: 'onbekend' }),
  };
  if (code.startsWith('Fo')) {
    // Code, plek and omschrijving only: the free-text details come from another system and may name a person.
    const tekst = (...p: string[]) => path(bericht.root, 'body', ...p)?.text.trim();
    ctx.log.warn({ ...velden, fout: tekst('code'), plek: tekst('plek'), omschrijving: tekst('omschrijving') }, 'foutbericht ontvangen over een verzonden bericht');
  } else {
    ctx.log.info(velden, 'bevestiging ontvangen');
  }
  return { bericht: bv03(sg, ctx.eigen) };
}

const ontvang = (code: Berichtcode): Operatie => ({
  naam: `ontvang${code}`,
  asynchroon: true,
  wijzigt: false,
  acties: [ACTION_BASE.stuf + code],
  roots: [{ ns: NS.stuf, local: `${code}Bericht` }],
  stuurgegevens: { berichtcode: code },
  verwerk: (ctx, bericht) => verwerk(ctx, bericht, code),
});

export const ONTVANG_BEVESTIGINGEN: Operatie[] = (['Bv01', 'Bv03', 'Fo01', 'Fo03'] as const).map(ontvang);
