// What a ketenpartner sends about its own zaak: creeerZaak announces it with heeftBetrekkingOpAndere to our
// deelplan; actualiseerZaakstatus (or updateZaak with a status) replaces the mirrored last status. Of everything
// else in those messages the gateway keeps nothing: the partner holds its zaak, we hold the link and the status.
import type { MutatieContext } from '../domain/mutatieContext';
import type { Zaak } from '../domain/zaak';
import { controleerIdentificatie, nieuweStatusRelaties } from '../domain/zaakMutaties';
import { relatieActie } from '../domain/relatieActie';
import { StufFout, nietGevonden, schemaFout, verwerkingsFout } from '../stuf/fout';
import { RelatieElement, StatusBericht, ZaakBericht, eindRelatie, leesStatus, leesZaakrelatie } from '../stuf/zaakKennisgeving';
import type { Spiegelzaak } from '../store/spiegelzaken';
import { geweigerd } from '../toegang/rechten';
import { magSchrijven } from '../toegang/aanroeper';
import type { PartnerConfig } from './configSchema';
import { koppelVanuitPartner, ontkoppelVanuitPartner } from './koppeling';
import { Statusuitkomst, vervangSpiegelstatus } from './spiegelstatus';

export interface Partnerverwerking {
  identificatie: string;
  /** Whether subscribers hear of it: a replaced status is an Actualiseer zaakstatus. */
  status: Statusuitkomst | 'geen';
}

/** The newest of the statuses a message adds (heeft with verwerkingssoort T); a partner's zaak keeps only its last. */
function nieuwsteStatus(ctx: MutatieContext, relaties: RelatieElement[]): StatusBericht | undefined {
  const statussen = nieuweStatusRelaties(relaties)
    .map((r) => leesStatus(r, ctx.afw, ctx.nu))
    .filter((s): s is StatusBericht => s !== undefined);
  return statussen.sort((a, b) => b.datumStatusGezet.utc.localeCompare(a.datumStatusGezet.utc))[0];
}

function meldGenegeerd(ctx: MutatieContext, b: ZaakBericht, bewaard: Set<string>): void {
  const genegeerd = [...new Set([...b.attributen.keys(), ...b.groepen.keys(), ...b.relaties.filter((r) => !bewaard.has(r.naam)).map((r) => r.naam)])];
  if (genegeerd.length) ctx.meldingen.push(`van een partnerzaak bewaart de gateway alleen identificatie, zaaktype, koppeling en laatste status; niet bewaard: ${genegeerd.join(', ')}`);
}

/**
 * A pushed status whose zkt.code names another zaaktype than the mirror's: the partner cannot reshape its mirror.
 * The profile of the mirror's zaaktype decides, as for a zaak of ours (statustypeAnderZaaktype): refused (StUF058,
 * the default), or matched in the mirror's zaaktype by volgnummer or omschrijving and stored as that statustype.
 */
function statusVanEigenZaaktype(ctx: MutatieContext, s: Spiegelzaak, status: StatusBericht): StatusBericht {
  if (!status.zktCode || !s.zaaktype || status.zktCode === s.zaaktype.code) return status;
  const st = ctx.catalogus.statustype(s.zaaktype.code, { volgnummer: status.volgnummer || undefined, omschrijving: status.omschrijving, zktCode: status.zktCode });
  if (!st) throw verwerkingsFout(`Statustype hoort bij zaaktype '${status.zktCode}', maar zaak ${s.identificatie} is van zaaktype '${s.zaaktype.code}'`);
  ctx.meldingen.push(`statustype van zaaktype '${status.zktCode}' bij zaak ${s.identificatie} gelezen als statustype ${st.volgnummer} van '${s.zaaktype.code}'`);
  const { code: _code, ...zonderCode } = status;
  return {
    ...zonderCode,
    volgnummer: st.volgnummer,
    omschrijving: st.omschrijving,
    ...(st.code ? { code: st.code } : {}),
    zktCode: s.zaaktype.code,
    statustype: status.statustype.filter((e) => e.local === 'ingangsdatumObject'),
  };
}

async function zetStatus(ctx: MutatieContext, s: Spiegelzaak, gestuurd: StatusBericht | undefined): Promise<Partnerverwerking> {
  if (!gestuurd) return { identificatie: s.identificatie, status: 'geen' };
  const status = statusVanEigenZaaktype(ctx, (await ctx.store.spiegelzaken.vind(s.identificatie)) ?? s, gestuurd);
  const uitkomst = await vervangSpiegelstatus(ctx.store, (await ctx.store.spiegelzaken.vind(s.identificatie))!, status, 'push');
  if (uitkomst === 'ouder') ctx.meldingen.push(`status van zaak ${s.identificatie} is ouder dan de gespiegelde status; niet vervangen`);
  return { identificatie: s.identificatie, status: uitkomst };
}

/** creeerZaak from a partner: its own zaak, linked to one deelplan of ours. */
export async function meldPartnerzaakAan(ctx: MutatieContext, partner: PartnerConfig, b: ZaakBericht): Promise<Partnerverwerking> {
  const id = controleerIdentificatie(ctx, b.identificatie);
  if (partner.zaakidentificatie.length && !partner.zaakidentificatie.some((begin) => id.startsWith(begin))) {
    throw verwerkingsFout(`Zaak ${id} valt niet in de nummering van ketenpartner ${partner.naam} (begint met ${partner.zaakidentificatie.join(' of ')})`);
  }
  if (await ctx.store.zaken.bestaat(id)) throw verwerkingsFout(`Zaak ${id} is een zaak van de gemeente, geen zaak van ketenpartner ${partner.naam}`);
  const code = b.zaaktype?.code;
  if (!code) throw schemaFout('object/isVan/gerelateerde/code: het zaaktype van de zaak ontbreekt');
  const zaaktype = { code, ...(b.zaaktype?.omschrijving ? { omschrijving: b.zaaktype.omschrijving } : {}) };
  const verwijzingen = b.relaties
    .filter((r) => r.naam === 'heeftBetrekkingOpAndere' && !r.nil)
    .map((r) => leesZaakrelatie(r, ctx.afw))
    .filter((r) => r !== undefined);
  const deelplannen: Zaak[] = [];
  for (const r of verwijzingen) {
    const z = await ctx.store.zaken.vind(r.andereIdentificatie);
    if (z) deelplannen.push(z);
  }
  if (deelplannen.length !== 1) {
    const genoemd = verwijzingen.map((r) => r.andereIdentificatie).join(', ') || 'geen';
    throw verwerkingsFout(`Een ketenpartner meldt haar zaak aan met heeftBetrekkingOpAndere naar precies één deelplan van de gemeente; gevonden: ${deelplannen.length} (genoemd: ${genoemd})`);
  }
  const deelplan = deelplannen[0];
  // Only a partner registered to write zaken of the deelplan's zaaktype may attach itself to it.
  if (!magSchrijven(ctx.aanroeper, deelplan.data.zaaktype.code)) {
    throw geweigerd(ctx.aanroeper, `mag zich niet koppelen aan deelplan ${deelplan.identificatie}: zaaktype ${deelplan.data.zaaktype.code} staat niet in haar zaaktypen.schrijven`);
  }
  const s = await koppelVanuitPartner(ctx, partner, id, zaaktype, deelplan);
  meldGenegeerd(ctx, b, new Set(['heeftBetrekkingOpAndere', 'heeft']));
  return zetStatus(ctx, s, nieuwsteStatus(ctx, b.relaties));
}

/** actualiseerZaakstatus or updateZaak from the partner on its mirrored zaak. */
export async function werkPartnerzaakBij(
  ctx: MutatieContext, s: Spiegelzaak, oud: ZaakBericht | undefined, nieuw: ZaakBericht, soort: 'status' | 'update',
): Promise<Partnerverwerking> {
  const partner = ctx.aanroeper.partner;
  if (partner?.naam !== s.partner) {
    throw new StufFout('StUF052', `Zaak ${s.identificatie} is een zaak van ketenpartner ${s.partner}; de gateway spiegelt haar en alleen die partner geeft haar status door`);
  }
  const status = nieuwsteStatus(ctx, nieuw.relaties);
  if (soort === 'status' && !status) throw schemaFout('object/heeft: actualiseerZaakstatus bevat geen nieuwe status (heeft met verwerkingssoort T in het nieuwe object)');
  if (soort === 'update') {
    for (const [bron, b] of [['oud', oud], ['nieuw', nieuw]] as const) {
      for (const rel of b?.relaties ?? []) {
        if (rel.naam !== 'heeftBetrekkingOpAndere') continue;
        const actie = relatieActie(ctx, rel, bron, 'een nieuwe zaak');
        if (actie === 'niets' || actie === 'wijzigen') continue;
        const r = leesZaakrelatie(rel, ctx.afw);
        if (!r) continue;
        if (r.andereIdentificatie !== s.deelplan) {
          throw verwerkingsFout(`Zaak ${s.identificatie} van ketenpartner ${s.partner} is gekoppeld aan deelplan ${s.deelplan}, niet aan ${r.andereIdentificatie}; een partnerzaak hoort bij één deelplan`);
        }
        if (actie === 'verwijderen' || actie === 'beeindigen') {
          await ontkoppelVanuitPartner(ctx, s, eindRelatie(rel) ?? ctx.vandaag());
          return { identificatie: s.identificatie, status: 'geen' };
        }
      }
    }
    if (nieuw.zaaktype?.code && s.zaaktype && nieuw.zaaktype.code !== s.zaaktype.code) {
      throw verwerkingsFout(`Het zaaktype van zaak ${s.identificatie} kan niet gewijzigd worden (${s.zaaktype.code} → ${nieuw.zaaktype.code})`);
    }
    meldGenegeerd(ctx, nieuw, new Set(['heeftBetrekkingOpAndere', 'heeft']));
  }
  return zetStatus(ctx, s, status);
}

/** The mirror a change names, when it names a mirrored partner zaak rather than a zaak of ours. */
export async function gespiegeldeZaak(ctx: MutatieContext, oud: ZaakBericht | undefined, nieuw: ZaakBericht): Promise<Spiegelzaak | undefined> {
  const id = nieuw.identificatie ?? oud?.identificatie;
  if (!id || (await ctx.store.zaken.bestaat(id))) return undefined;
  const s = await ctx.store.spiegelzaken.vind(id);
  if (!s && ctx.aanroeper.partner) throw nietGevonden(`Zaak met identificatie ${id} is niet gevonden; een ketenpartner meldt haar zaak eerst aan met creeerZaak en heeftBetrekkingOpAndere naar het deelplan`);
  return s;
}
