// Signals to the regisseur (issue 18): a zaak in which a client of an open gezinsplan comes to take part is announced
// to that plan's regie destination, so the regisseur can link it (updateZaak, rzs.md §4.7). The signal is the thin
// notificeerOverZaak plus an extraElement naming the gezinsplan; it goes to the regie destination only, in the outbox,
// inside the change's transaction. A creeerZaak signals for every person in the new zaak; an updateZaak only for the
// persons it added (the operation reads who took part before, personenVooraf), so the regisseur does not hear of the
// same zaak again on every change.
import type { Gateway } from '../soap/operatie';
import type { Systeem } from '../stuf/stuurgegevens';
import { zelfdeSysteem } from '../uitgaand/bestemmingen';
import { openGezinsplannenVan } from '../domain/plannen';
import type { Gebeurtenis } from './gebeurtenis';
import { planverbandVan } from './planverband';
import { notificatieVanZaak, zetInUitgaand } from './trigger';

/** The BSNs of the persons currently taking part in the zaak: its roles and its zaakobjecten. */
async function bsnsVanZaak(gw: Pick<Gateway, 'store'>, zaakId: number): Promise<Set<string>> {
  const bsns = new Set<string>();
  for (const r of await gw.store.betrokkenen.rollen(zaakId)) if (!r.einddatum && r.betrokkene.bsn) bsns.add(r.betrokkene.bsn);
  for (const o of await gw.store.betrokkenen.zaakobjecten(zaakId)) if (!o.einddatum && o.betrokkene?.bsn) bsns.add(o.betrokkene.bsn);
  return bsns;
}

/**
 * For an updateZaak, before the change: the BSNs of the persons taking part in the zaak (none when it does not exist
 * yet or signalen is off, so nothing is read then). The answer carries them to signaleerRegie.
 */
export async function personenVooraf(gw: Pick<Gateway, 'store' | 'config'>, identificatie: string): Promise<Record<string, string[]> | undefined> {
  if (!gw.config.signalen) return undefined;
  const zaak = await gw.store.zaken.vind(identificatie);
  return zaak ? { [identificatie]: [...(await bsnsVanZaak(gw, zaak.id))] } : undefined;
}

/**
 * Call inside the transaction of the change. On Update zaak only persons not in `vooraf` count, and without `vooraf`
 * (an update that read nothing before) nothing is signalled. Returns the number of signals put in the outbox.
 */
export async function signaleerRegie(gw: Gateway, zaken: string[], gebeurtenis: Gebeurtenis, zender: Systeem | undefined, vooraf?: Record<string, string[]>): Promise<number> {
  const cfg = gw.config.signalen;
  // notificaties.modus uit: the gateway sends no notification at all, signals included.
  if (!cfg || gw.config.notificaties.modus === 'uit' || (gebeurtenis !== 'Creeer zaak' && (gebeurtenis !== 'Update zaak' || !vooraf))) return 0;
  let aantal = 0;
  for (const id of new Set(zaken)) {
    const zaak = await gw.store.zaken.vind(id);
    if (!zaak || gw.catalogus.soortVan(zaak.data.zaaktype) !== 'gewoon') continue;
    if (!cfg.zaaktypen.includes('*') && !cfg.zaaktypen.includes(zaak.data.zaaktype.code)) continue;
    const al = (await planverbandVan(gw, id))?.gezinsplan;
    const plannen = new Map<string, string>();
    const bekend = new Set(gebeurtenis === 'Update zaak' ? vooraf?.[id] ?? [] : []);
    for (const bsn of await bsnsVanZaak(gw, zaak.id)) {
      if (bekend.has(bsn)) continue;
      for (const p of await openGezinsplannenVan(gw, bsn, zaak.id)) if (p.identificatie !== al) plannen.set(p.identificatie, p.zaaktypeCode);
    }
    if (plannen.size === 0) continue;
    // One description of the zaak for all its signals.
    const n = await notificatieVanZaak(gw, id, gebeurtenis, zender);
    if (!n) continue;
    for (const [gezinsplan, code] of plannen) {
      const b = gw.bestemmingen.vind(cfg.perGezinsplanZaaktype[code] ?? cfg.bestemming);
      // The regiesysteem that made the zaak knows of it already.
      if (!b || (zender && zelfdeSysteem(b.ontvanger, zender))) continue;
      await zetInUitgaand(gw, 'notificeerOverZaak', { ...n, plannen: { gezinsplan } }, b);
      aantal++;
    }
  }
  return aantal;
}
