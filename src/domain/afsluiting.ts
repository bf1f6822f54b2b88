// Closing a zaak the way its zaaktype's profile says (zaakProfiel.ts, AFSLUITWIJZEN). Two moments: an end status
// arrives (verwerkEindstatus: apply it or hold it), and a change is done (naWijziging: what the new einddatum or
// resultaat releases). Runs inside the message's transaction; a held status is stored, so it survives a restart.
import { datumVan, parseTijdstip } from '../stuf/tijd';
import type { ZaakBericht } from '../stuf/zaakKennisgeving';
import type { MutatieContext } from './mutatieContext';
import type { Status, Zaak } from './zaak';

const heeftResultaat = (zaak: Zaak) => !!zaak.data.groepen.resultaat?.omschrijving;
const heeftEinddatum = (zaak: Zaak) => !!zaak.data.attributen.einddatum;

/** Whether the zaak already has a status of a statustype that ends it. */
async function heeftEindstatus(ctx: MutatieContext, zaak: Zaak): Promise<boolean> {
  const zt = ctx.catalogus.zaaktype(zaak.data.zaaktype.code);
  const eind = new Set(zt?.statustypen.filter((s) => s.eindstatus).map((s) => s.volgnummer));
  return (await ctx.store.statussen.van(zaak.id)).some((s) => eind.has(s.volgnummer));
}

/** The end status stored, einddatum from it when the zaak has none, and the profile's default resultaat when it has none. */
async function sluit(ctx: MutatieContext, zaak: Zaak, s: Status): Promise<void> {
  await ctx.store.statussen.voegToe(zaak.id, s);
  const a = zaak.data.attributen;
  if (!a.einddatum) a.einddatum = { w: datumVan(s.datumStatusGezet) };
  const standaard = ctx.catalogus.profiel(zaak.data.zaaktype.code).standaardResultaat;
  if (standaard && !heeftResultaat(zaak)) {
    zaak.data.groepen.resultaat = { omschrijving: { w: standaard.omschrijving }, ...(standaard.toelichting ? { toelichting: { w: standaard.toelichting } } : {}) };
  }
}

/** Whether the zaak may close now, by its profile. */
function magSluiten(ctx: MutatieContext, zaak: Zaak): boolean {
  switch (ctx.catalogus.profiel(zaak.data.zaaktype.code).afsluiten) {
    case 'eindstatusWachtOpResultaat':
      return heeftResultaat(zaak);
    case 'sluitMetEinddatumEnResultaat':
      return heeftResultaat(zaak) && heeftEinddatum(zaak);
    default:
      return true;
  }
}

/** An end status for the zaak: applied, or held until the zaak may close (a later end status replaces a held one). */
export async function verwerkEindstatus(ctx: MutatieContext, zaak: Zaak, s: Status): Promise<void> {
  if (magSluiten(ctx, zaak)) {
    await ctx.store.statussen.laatLos(zaak.id);
    await sluit(ctx, zaak, s);
    return;
  }
  await ctx.store.statussen.houdVast(zaak.id, s);
  ctx.meldingen.push(`eindstatus ${s.volgnummer} van zaak ${zaak.identificatie} wacht op ${heeftResultaat(zaak) ? 'de einddatum' : 'het resultaat'} (zaakprofiel)`);
}

/** The catalogue's end status on the zaak's einddatum, for profiles where the einddatum closes the zaak. */
function eindstatusOpEinddatum(ctx: MutatieContext, zaak: Zaak): Status | undefined {
  const st = ctx.catalogus.eindstatustype(zaak.data.zaaktype.code);
  const einddatum = zaak.data.attributen.einddatum;
  if (!st || !einddatum) return undefined;
  if (einddatum.ind && einddatum.ind !== 'V') {
    ctx.meldingen.push(`zaak ${zaak.identificatie}: onvolledige einddatum; de eindstatus is niet gezet`);
    return undefined;
  }
  return {
    volgnummer: st.volgnummer,
    omschrijving: st.omschrijving,
    ...(st.code ? { code: st.code } : {}),
    datumStatusGezet: parseTijdstip(einddatum.w, 'einddatum'),
    statustype: [],
    extra: [],
  };
}

/**
 * After a creeerZaak or updateZaak has been applied: a held end status is released once the zaak may close, and
 * where the profile says so an einddatum (with a resultaat) sent in this message sets the catalogue's end status.
 */
export async function naWijziging(ctx: MutatieContext, zaak: Zaak, b: ZaakBericht): Promise<void> {
  const wijze = ctx.catalogus.profiel(zaak.data.zaaktype.code).afsluiten;
  const vastgehouden = await ctx.store.statussen.vastgehouden(zaak.id);
  if (vastgehouden) {
    if (magSluiten(ctx, zaak)) {
      await ctx.store.statussen.laatLos(zaak.id);
      await sluit(ctx, zaak, vastgehouden);
    }
    return;
  }
  const zetEinddatum = !!b.attributen.get('einddatum');
  const zetResultaat = !!b.groepen.get('resultaat')?.get('omschrijving');
  const sluitNu =
    (wijze === 'einddatumZetEindstatus' && zetEinddatum) ||
    (wijze === 'sluitMetEinddatumEnResultaat' && (zetEinddatum || zetResultaat) && magSluiten(ctx, zaak));
  if (!sluitNu || (await heeftEindstatus(ctx, zaak))) return;
  const s = eindstatusOpEinddatum(ctx, zaak);
  if (s) await sluit(ctx, zaak, s);
}
