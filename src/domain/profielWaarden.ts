// Value overrides of a zaaktype's profile (waarden): a field the consumer omits gets a fixed value, or the value of a
// named StUF:extraElement in the same message. Filled into the message before it is applied, so the value goes the
// way a sent one goes (and counts for closing), after the same checks a sent value gets.
import type { ZaakBericht } from '../stuf/zaakKennisgeving';
import type { MutatieContext } from './mutatieContext';
import { Waardebron, controleerWaarde, veldPlek } from './zaakProfiel';

/**
 * creeerZaak: every field the message leaves without a value (absent or nil) is filled, fixed or from its
 * extraElement. updateZaak: only from an extraElement the message carries, for a field it does not mention (a nil
 * is the consumer clearing the field); fixed values were given at creation, and a consumer may clear them later.
 */
export function vulWaardenAan(ctx: MutatieContext, b: ZaakBericht, zaaktypeCode: string, moment: 'creeer' | 'update'): void {
  for (const [veld, bron] of Object.entries(ctx.catalogus.profiel(zaaktypeCode).waarden)) {
    const plek = veldPlek(veld);
    if (!plek) continue; // the configuration admits only known fields
    const groep = 'groep' in plek ? b.groepen.get(plek.groep) : undefined;
    const gezonden = 'attribuut' in plek ? b.attributen.get(plek.attribuut) : groep?.get(plek.veld);
    if (moment === 'creeer' ? gezonden : gezonden !== undefined || groep === null) continue;
    const waarde = bronWaarde(b, veld, bron, moment);
    if (!waarde) continue;
    const w = controleerWaarde(veld, waarde.tekst, waarde.pad);
    if ('attribuut' in plek) b.attributen.set(plek.attribuut, w);
    else {
      const velden = groep ?? new Map();
      velden.set(plek.veld, w);
      b.groepen.set(plek.groep, velden);
    }
  }
}

function bronWaarde(b: ZaakBericht, veld: string, bron: Waardebron, moment: 'creeer' | 'update'): { tekst: string; pad: string } | undefined {
  if (bron.vast !== undefined) return moment === 'creeer' ? { tekst: bron.vast, pad: `zaakprofiel waarden.${veld}.vast` } : undefined;
  const x = b.extraElementen?.find((e) => e.naam === bron.uitExtraElement);
  if (!x || x.waarde === null || x.waarde.trim() === '') return undefined;
  return { tekst: x.waarde, pad: `object/extraElementen/extraElement[@naam='${bron.uitExtraElement}']` };
}
