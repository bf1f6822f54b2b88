// For a destination with `verrijkt: true`: the plans a zaak belongs to (rzs.md §3.2, §3.3), read through the store
// it is given, which is the transaction's that writes the outbox row, so the message names the plans as committed
// with the change. Only the zaak's own heeftBetrekkingOpAndere are followed, one lookup per target: no scan.
import type { Gateway } from '../soap/operatie';

/** What an enriched notification names; absent when the zaak is no deelplan or levensdomeinplan. */
export interface Planverband {
  gezinsplan?: string;
  /** Only for a deelplan under a levensdomeinplan. */
  levensdomeinplan?: string;
}

export async function planverbandVan(gw: Pick<Gateway, 'store' | 'catalogus'>, identificatie: string): Promise<Planverband | undefined> {
  // A mirrored ketenpartner zaak or one we do not hold: not ours to place in a plan.
  const zaak = await gw.store.zaken.vind(identificatie);
  if (!zaak) return undefined;
  const soort = gw.catalogus.soortVan(zaak.data.zaaktype);
  if (soort === 'gezinsplan') return undefined;
  const v: Planverband = {};
  for (const r of await gw.store.zaakrelaties.van(zaak.id)) {
    if (r.einddatum || r.soort !== 'heeftBetrekkingOpAndere') continue;
    const ander = await gw.store.zaken.vind(r.andereIdentificatie);
    if (!ander) continue; // a mirrored partner zaak is no plan (plannen.ts does not judge it either)
    const andereSoort = gw.catalogus.soortVan(ander.data.zaaktype);
    if (andereSoort === 'gezinsplan') v.gezinsplan ??= ander.identificatie;
    // A levensdomeinplan points to its gezinsplan only; a deelplan may point to a levensdomeinplan as well.
    else if (andereSoort === 'levensdomeinplan' && soort === 'gewoon') v.levensdomeinplan ??= ander.identificatie;
  }
  return v.gezinsplan || v.levensdomeinplan ? v : undefined;
}
