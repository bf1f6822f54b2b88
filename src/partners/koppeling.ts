// The link between our deelplan and a ketenpartner's zaak, made from either side: the regiesysteem adds
// heeftBetrekkingOpAndere from the deelplan to the partner's identificatie, or the partner announces its zaak with
// heeftBetrekkingOpAndere to our deelplan. Both end in one spiegelzaak row and one zaakrelatie on the deelplan.
import type { MutatieContext } from '../domain/mutatieContext';
import type { Zaak, Zaakrelatie } from '../domain/zaak';
import { verwerkingsFout } from '../stuf/fout';
import { path } from '../stuf/xml';
import type { Spiegelzaak } from '../store/spiegelzaken';
import type { PartnerConfig } from './configSchema';
import { neemZaaktypeOver } from './spiegelstatus';

/** The zaaktype a relation's gerelateerde names (isVan/gerelateerde code and omschrijving), if any. */
export function genoemdZaaktype(r: Zaakrelatie): { code: string; omschrijving?: string } | undefined {
  const isVan = r.gerelateerde.find((e) => e.local === 'isVan');
  const code = path(isVan, 'gerelateerde', 'code')?.text.trim();
  const omschrijving = path(isVan, 'gerelateerde', 'omschrijving')?.text.trim();
  return code ? { code, ...(omschrijving ? { omschrijving } : {}) } : undefined;
}

/** A partner zaak belongs to a deelplan (or another ordinary zaak), never directly to a gezinsplan or levensdomeinplan. */
function controleerDeelplan(ctx: MutatieContext, deelplan: Zaak, partnerzaak: string): void {
  const soort = ctx.catalogus.soortVan(deelplan.data.zaaktype);
  if (soort !== 'gewoon') {
    throw verwerkingsFout(`Zaak ${partnerzaak} van een ketenpartner kan niet aan ${soort} ${deelplan.identificatie} gekoppeld worden; koppel haar aan het deelplan dat de partner uitvoert`);
  }
}

/** One mirror per partner zaak: a second link to another deelplan is refused, the same link again is no change. */
function controleerZelfdeKoppeling(s: Spiegelzaak, deelplan: Zaak, partner: string): void {
  if (s.partner !== partner) {
    throw verwerkingsFout(`Zaak ${s.identificatie} is al bekend als zaak van ketenpartner ${s.partner}, niet van ${partner}`);
  }
  if (s.deelplanId !== deelplan.id) {
    throw verwerkingsFout(`Zaak ${s.identificatie} van ketenpartner ${s.partner} is al gekoppeld aan deelplan ${s.deelplan}; een partnerzaak hoort bij één deelplan (ontkoppel haar daar eerst)`);
  }
}

/**
 * From the deelplan's side, when a heeftBetrekkingOpAndere is added to a zaak that is not ours: a mirror exists or
 * the identificatie is in a partner's numbering. Returns false when it is no partner zaak at all.
 */
export async function koppelVanuitDeelplan(ctx: MutatieContext, deelplan: Zaak, r: Zaakrelatie): Promise<boolean> {
  if (r.soort !== 'heeftBetrekkingOpAndere' || (await ctx.store.zaken.bestaat(r.andereIdentificatie))) return false;
  const bestaand = await ctx.store.spiegelzaken.vind(r.andereIdentificatie);
  const partner = bestaand ? bestaand.partner : ctx.partners.vanIdentificatie(r.andereIdentificatie)?.naam;
  if (!partner) return false;
  controleerDeelplan(ctx, deelplan, r.andereIdentificatie);
  const zaaktype = genoemdZaaktype(r);
  if (bestaand) {
    controleerZelfdeKoppeling(bestaand, deelplan, partner);
    if (!bestaand.zaaktype && zaaktype) await ctx.store.spiegelzaken.zetZaaktype(bestaand.id, zaaktype);
    return true;
  }
  await ctx.store.spiegelzaken.voegToe({ identificatie: r.andereIdentificatie, partner, ...(zaaktype ? { zaaktype } : {}), deelplanId: deelplan.id, gekoppeldDoor: 'regie' });
  ctx.meldingen.push(`zaak ${r.andereIdentificatie} van ketenpartner ${partner} gekoppeld aan deelplan ${deelplan.identificatie}`);
  return true;
}

/** From the partner's side: its zaak announced with heeftBetrekkingOpAndere to our deelplan. */
export async function koppelVanuitPartner(
  ctx: MutatieContext, partner: PartnerConfig, identificatie: string, zaaktype: { code: string; omschrijving?: string } | undefined, deelplan: Zaak,
): Promise<Spiegelzaak> {
  controleerDeelplan(ctx, deelplan, identificatie);
  const bestaand = await ctx.store.spiegelzaken.vind(identificatie);
  if (bestaand) {
    controleerZelfdeKoppeling(bestaand, deelplan, partner.naam);
    // The zaaktype is set once: announcing the zaak again with another one is refused, like an updateZaak doing so.
    if ((await neemZaaktypeOver(ctx.store, bestaand, zaaktype)) === 'anders') {
      throw verwerkingsFout(`Het zaaktype van zaak ${identificatie} kan niet gewijzigd worden (${bestaand.zaaktype!.code} → ${zaaktype!.code})`);
    }
  } else {
    await ctx.store.spiegelzaken.voegToe({ identificatie, partner: partner.naam, ...(zaaktype ? { zaaktype } : {}), deelplanId: deelplan.id, gekoppeldDoor: 'partner' });
  }
  // The deelplan shows the relation the same way whichever side made it (and a later T from the regiesysteem is an I).
  const zr = ctx.store.zaakrelaties;
  if (!(await zr.van(deelplan.id)).some((r) => !r.einddatum && r.soort === 'heeftBetrekkingOpAndere' && r.andereIdentificatie === identificatie)) {
    await zr.voegToe(deelplan.id, { soort: 'heeftBetrekkingOpAndere', andereIdentificatie: identificatie, gerelateerde: [], velden: [] });
  }
  return (await ctx.store.spiegelzaken.vind(identificatie))!;
}

/** The deelplan let go of the partner zaak (V or E on its relation): nothing of ours refers to it, so the mirror goes. */
export async function ontkoppelVanuitDeelplan(ctx: MutatieContext, deelplan: Zaak, andereIdentificatie: string): Promise<void> {
  const s = await ctx.store.spiegelzaken.vind(andereIdentificatie);
  if (!s || s.deelplanId !== deelplan.id) return;
  await ctx.store.spiegelzaken.verwijder(s.id);
  ctx.meldingen.push(`zaak ${s.identificatie} van ketenpartner ${s.partner} ontkoppeld van deelplan ${deelplan.identificatie}; de spiegel is verwijderd`);
}

/** The partner let go of our deelplan: its relation on the deelplan ends and the mirror goes. */
export async function ontkoppelVanuitPartner(ctx: MutatieContext, s: Spiegelzaak, datum: string): Promise<void> {
  const zr = ctx.store.zaakrelaties;
  for (const r of await zr.van(s.deelplanId)) {
    if (!r.einddatum && r.soort === 'heeftBetrekkingOpAndere' && r.andereIdentificatie === s.identificatie) await zr.beeindig(r.id!, datum);
  }
  await ctx.store.spiegelzaken.verwijder(s.id);
  ctx.meldingen.push(`ketenpartner ${s.partner} heeft zaak ${s.identificatie} ontkoppeld van deelplan ${s.deelplan}`);
}
