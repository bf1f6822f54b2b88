// What the zaak operations share: reading a zakLk01's parameters and objects, building a La01 in the caller's
// dialect, and the domain context for a kennisgeving.
import { NS, ACTION_BASE } from '../stuf/namespaces';
import { nietGevonden } from '../stuf/fout';
import { gelijkIdentificatie, leesVraag } from '../stuf/vraag';
import { antwoordStuurgegevens } from '../stuf/stuurgegevens';
import { XElement, el } from '../stuf/xml';
import { ZaakBericht, leesZaakObject } from '../stuf/zaakKennisgeving';
import { leesKennisgevingObjecten } from '../stuf/kennisgevingObjecten';
import { nuTijdstip, vandaag } from '../stuf/tijd';
import type { MutatieContext, Relatiehaak } from '../domain/mutatieContext';
import { Antwoord, Bericht, OperatieContext } from '../soap/operatie';
import { ZaakBeeld } from '../domain/zaakBeeld';
import { leesWeigering, zaakKenmerken } from '../toegang/rechten';
import { koppelVanuitDeelplan, ontkoppelVanuitDeelplan } from '../partners/koppeling';
import { ARCHIVERING } from '../archief/afleiding';

export const zds12Actie = (naam: string) => ACTION_BASE.zds12 + naam;
export const zds11Actie = (naam: string) => ACTION_BASE.zds11 + naam;

/** The partner feature follows a deelplan's relations: one that names a ketenpartner's zaak links it to the mirror. */
const PARTNERKOPPELING: Relatiehaak = { toegevoegd: koppelVanuitDeelplan, losgelaten: ontkoppelVanuitDeelplan };

export function mutatieContext(ctx: OperatieContext): MutatieContext {
  return {
    store: ctx.store, catalogus: ctx.catalogus, afw: ctx.afw, config: ctx.config, partners: ctx.partners, relatiehaak: PARTNERKOPPELING, archiefhaak: ARCHIVERING,
    aanroeper: ctx.aanroeper, meldingen: ctx.meldingen, vandaag: () => vandaag(), nu: () => nuTijdstip(),
  };
}

/** The objects of a zakLk01 after checking its parameters: one (T), or oud and nieuw (W). */
export function leesKennisgeving(ctx: OperatieContext, bericht: Bericht, mutatiesoort: 'T' | 'W'): { oud?: ZaakBericht; nieuw: ZaakBericht } {
  const vorm = { wat: 'zaak', naam: { T: 'creeerZaak', W: 'een wijziging' }, indicatorOvername: true, wijzigingOokAlsT: true, lees: leesZaakObject };
  return leesKennisgevingObjecten(bericht.root, mutatiesoort, vorm, ctx.afw);
}

/** A La01 on ZAK: ZDS 1.2 root by name, ZDS 1.1 as plain ZKN:zakLa01; `meer` and `aantalVoorkomens` for a list that pages. */
export function zaakLa01(
  ctx: OperatieContext, bericht: Bericht, naam12: string, objecten: XElement[], meldingen: string[] = [],
  lijst: { meer: boolean; aantalVoorkomens?: number } = { meer: false },
): XElement {
  const inhoud = [
    antwoordStuurgegevens(NS.zkn, bericht.stuurgegevens, ctx.eigen, { berichtcode: 'La01', entiteittype: 'ZAK' }),
    el(NS.zkn, 'parameters', [
      el(NS.stuf, 'indicatorVervolgvraag', String(lijst.meer)),
      lijst.aantalVoorkomens !== undefined && el(NS.stuf, 'aantalVoorkomens', String(Math.min(lijst.aantalVoorkomens, 999_999_999))),
    ]),
    ...meldingen.map((m) => el(NS.zkn, 'melding', m.slice(0, 250))),
    objecten.length > 0 && el(NS.zkn, 'antwoord', objecten),
  ];
  return bericht.dialect === 'zds12' ? el(NS.zds, naam12, inhoud) : el(NS.zkn, 'zakLa01', inhoud);
}

/**
 * Before a question about one zaak: a mirrored ketenpartner zaak whose status is older than allowed is refreshed
 * from the partner; when that fails the answer carries a melding beside the last known status. A zaak the caller
 * may not read is not refreshed: asking the partner would make the answer of a hidden zaak slower than that of
 * an unknown one.
 */
export async function verversSpiegel(ctx: OperatieContext, bericht: Bericht): Promise<void> {
  if (!ctx.ververser || ctx.partners.lijst.length === 0) return; // without partners there is nothing mirrored to refresh
  const id = gelijkIdentificatie(leesVraag(bericht.root));
  if (ctx.aanroeper.partner && !(await ctx.aanroeper.partner.ziet(id))) return;
  const beeld = await ZaakBeeld.vind(ctx.store, ctx.catalogus, id);
  if (beeld && (await zaakVerborgen(ctx, beeld))) return;
  const melding = await ctx.ververser.voorLezen(id);
  if (melding) ctx.antwoordMeldingen.push(melding);
}

/**
 * Why the caller may not read this zaak at all (for the log only), or undefined. A mirrored partner zaak: its
 * partner may read it; anyone else (another partner never) when they may read the deelplan it belongs to.
 */
export async function zaakVerborgen(ctx: OperatieContext, beeld: ZaakBeeld): Promise<string | undefined> {
  const a = ctx.aanroeper;
  if (!beeld.spiegel) return leesWeigering(a, beeld);
  if (a.partner && (await a.partner.ziet(beeld.identificatie))) return undefined;
  const deelplan = await ctx.store.zaken.vindOpId(beeld.spiegel.deelplanId);
  return leesWeigering(a, a.partner || !deelplan ? beeld : zaakKenmerken(ctx.catalogus, deelplan));
}

export type Objectsoort = 'Zaak' | 'Document' | 'Besluit';

/**
 * The one answer of a read for an object that does not exist and for one the caller may not see (zds.md A10):
 * telling them apart would let anyone probe which identificaties exist and of what kind. With
 * stuf.onbekendObject 'leegAntwoord' (default) the empty La01 `leeg` builds, with 'fout' a Fo02 StUF064 that
 * names only the identificatie the caller sent. `altijdFout`: a question without an empty form (a Di02).
 * Only the log says which it was; `verborgen` is the reason, which names zaaktypen and roles, never persons.
 */
export function onbekendOfVerborgen(
  ctx: OperatieContext, soort: Objectsoort, id: string, verborgen: string | undefined, leeg?: () => XElement,
): Antwoord {
  const logtekst = verborgen === undefined
    ? `${soort} ${id} bestaat niet; beantwoord als onbekend`
    : `${soort} ${id} bestaat, maar de aanroeper mag haar niet zien (${verborgen}); beantwoord als onbekend`;
  if (!leeg || ctx.config.stuf.onbekendObject === 'fout') {
    const fout = nietGevonden(`${soort} met identificatie ${id} is niet gevonden`);
    fout.voorLog = `${fout.details} (${logtekst})`;
    throw fout;
  }
  ctx.meldingen.push(logtekst);
  return { bericht: leeg() };
}

/**
 * The zaak a question asks for, or the one answer for an unknown zaak and one the caller may not read (see
 * onbekendOfVerborgen). A plan is always answered, as far as the caller's Zicht goes.
 */
export async function gevraagdeZaak(ctx: OperatieContext, bericht: Bericht, naam12: string, id: string): Promise<ZaakBeeld | Antwoord> {
  const beeld = await ZaakBeeld.vind(ctx.store, ctx.catalogus, id);
  const verborgen = beeld ? await zaakVerborgen(ctx, beeld) : undefined;
  if (beeld && !verborgen) return beeld;
  return onbekendOfVerborgen(ctx, 'Zaak', id, verborgen, () => zaakLa01(ctx, bericht, naam12, []));
}
