// Issuing identifications (genereerZaak-, genereerDocument-, genereerBesluitIdentificatie): a database counter per
// kind (and per year when the format has one), filled into the configured format, skipping any identification a
// consumer already used in its own numbering or that was issued before.
import { verwerkingsFout } from '../stuf/fout';
import { vandaag } from '../stuf/tijd';
import { OperatieContext } from '../soap/operatie';

const MAX_POGINGEN = 1000;

export type Soort = 'zaak' | 'document' | 'besluit';

/** Fills the configured format: {gemeentecode}, {jaar}, {volgnummer} and {volgnummer:N} (zero-padded). */
export function vulFormaat(formaat: string, waarden: { gemeentecode: string; jaar: string; volgnummer: number }): string {
  return formaat
    .replace(/\{gemeentecode\}/g, waarden.gemeentecode)
    .replace(/\{jaar\}/g, waarden.jaar)
    .replace(/\{volgnummer(?::(\d+))?\}/g, (_, breedte?: string) => String(waarden.volgnummer).padStart(breedte ? Number(breedte) : 0, '0'));
}

const MIN_LENGTE: Record<Soort, number> = { zaak: 5, document: 1, besluit: 1 };

async function bestaat(ctx: OperatieContext, soort: Soort, id: string): Promise<boolean> {
  if (soort === 'zaak') return ctx.store.zaken.bestaat(id);
  if (soort === 'document') return ctx.store.documenten.bestaat(id);
  return ctx.store.besluiten.bestaat(id);
}

/** The next free identification of this kind (max 40 characters, as every ZDS identification). */
export async function nieuweIdentificatie(ctx: OperatieContext, soort: Soort): Promise<string> {
  const formaat = ctx.config.identificatie[soort];
  const jaar = vandaag().slice(0, 4);
  const teller = formaat.includes('{jaar}') ? `${soort}:${jaar}` : soort;
  for (let i = 0; i < MAX_POGINGEN; i++) {
    const id = vulFormaat(formaat, { gemeentecode: ctx.config.stuf.gemeentecode, jaar, volgnummer: await ctx.store.identificaties.volgende(teller) });
    if (id.length < MIN_LENGTE[soort] || id.length > 40) {
      throw verwerkingsFout(`Het geconfigureerde identificatieformaat levert '${id}' op; een ${soort}identificatie heeft ${MIN_LENGTE[soort]} tot 40 tekens`);
    }
    if ((await bestaat(ctx, soort, id)) || (await ctx.store.identificaties.isUitgegeven(id))) continue;
    return id;
  }
  throw verwerkingsFout(`Geen vrije ${soort}identificatie gevonden na ${MAX_POGINGEN} pogingen`);
}
