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
import type { MutatieContext } from '../domain/mutatieContext';
import { Antwoord, Bericht, OperatieContext } from '../soap/operatie';
import { ZaakBeeld } from '../domain/zaakBeeld';
import { controleerLezen, zaakKenmerken } from '../toegang/rechten';

export const zds12Actie = (naam: string) => ACTION_BASE.zds12 + naam;
export const zds11Actie = (naam: string) => ACTION_BASE.zds11 + naam;

export function mutatieContext(ctx: OperatieContext): MutatieContext {
  return { store: ctx.store, catalogus: ctx.catalogus, afw: ctx.afw, config: ctx.config, partners: ctx.partners, aanroeper: ctx.aanroeper, meldingen: ctx.meldingen, vandaag: () => vandaag(), nu: () => nuTijdstip() };
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
 * from the partner; when that fails the answer carries a melding beside the last known status.
 */
export async function verversSpiegel(ctx: OperatieContext, bericht: Bericht): Promise<void> {
  if (!ctx.ververser || ctx.partners.lijst.length === 0) return; // without partners there is nothing mirrored to refresh
  const id = gelijkIdentificatie(leesVraag(bericht.root));
  // A partner asking about another partner's zaak is refused in the question itself; it makes us ask no one.
  if (ctx.aanroeper.partner && !ctx.aanroeper.partner.ziet(id)) return;
  const melding = await ctx.ververser.voorLezen(id);
  if (melding) ctx.antwoordMeldingen.push(melding);
}

/**
 * The zaak a question asks for, or the answer for an unknown one (zds.md A10): an empty La01 by default,
 * a Fo02 StUF064 for consumers configured to expect a fault. An ordinary zaak the caller may not read is refused
 * (StUF052); a plan is always answered, as far as the caller's Zicht goes.
 */
export function gevraagdeZaak(ctx: OperatieContext, bericht: Bericht, naam12: string, id: string): ZaakBeeld | Antwoord {
  const beeld = ZaakBeeld.vind(ctx.store, ctx.catalogus, id);
  if (beeld) {
    const a = ctx.aanroeper;
    if (!beeld.spiegel) controleerLezen(a, beeld);
    // A mirrored partner zaak: its partner may read it; anyone else (another partner is refused) when they may read
    // the deelplan it belongs to.
    else if (!a.partner?.ziet(id)) controleerLezen(a, a.partner ? beeld : zaakKenmerken(ctx.catalogus, ctx.store.zaken.vindOpId(beeld.spiegel.deelplanId)!));
    return beeld;
  }
  if (ctx.config.stuf.onbekendObject === 'fout') throw nietGevonden(`Zaak met identificatie ${id} is niet gevonden`);
  return { bericht: zaakLa01(ctx, bericht, naam12, []) };
}
