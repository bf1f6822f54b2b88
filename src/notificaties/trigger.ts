// The abonnementenbeheer (rzs.md §6.3, §6.5): a change becomes notifications in the outbox, inside the transaction
// of the change. Intern: one notificeerOverZaak per subscribed destination, never to the application that made the
// change; extern: one initieerNotificeerOverZaak to the abonnementenbeheer elsewhere. A destination with `verrijkt`
// also gets the plans of a deelplan or levensdomeinplan; the others the thin message only.
import { randomUUID } from 'node:crypto';
import type { Gateway } from '../soap/operatie';
import type { Systeem } from '../stuf/stuurgegevens';
import { nuTijdstip, formatTijdstip } from '../stuf/tijd';
import { serialize } from '../stuf/xml';
import { ZaakBeeld } from '../domain/zaakBeeld';
import { zelfdeSysteem } from '../uitgaand/bestemmingen';
import type { BestemmingConfig } from '../uitgaand/configSchema';
import type { Abonnement } from '../store/abonnementen';
import { Gebeurtenis } from './gebeurtenis';
import { Notificatie, NotificatieSoort, RZS_ACTIE_BASIS, notificatieBericht } from './notificatieBericht';
import { planverbandVan } from './planverband';

/** A referentienummer of ours: unique, at most 40 characters, the same on every resend. */
export const uitgaandReferentienummer = (): string => `GW${randomUUID().replace(/-/g, '')}`;

/** What a notification says about a stored zaak right now: its zaaktype and current status. */
export async function notificatieVanZaak(gw: Gateway, zaakIdentificatie: string, gebeurtenis: Gebeurtenis, zender?: Systeem): Promise<Notificatie | undefined> {
  // A mirrored ketenpartner zaak is announced too (its status changed), once we know its zaaktype.
  const b = await ZaakBeeld.vind(gw.store, gw.catalogus, zaakIdentificatie);
  if (!b || !b.zaaktypeCode) return undefined;
  const n: Notificatie = { zaak: b.identificatie, zaaktype: { code: b.zaaktypeCode, omschrijving: b.zaaktypeOmschrijving }, gebeurtenis };
  if (zender) n.zendendeApplicatie = zender;
  const s = (await b.statussen)[0];
  if (s) {
    const statustype = b.spiegel ? undefined : gw.catalogus.zaaktype(b.zaaktypeCode)?.statustypen.find((t) => t.volgnummer === s.volgnummer);
    const ingangsdatum = s.statustype.find((e) => e.local === 'ingangsdatumObject' && /^\d{8}$/.test(e.text.trim()));
    n.status = {
      zktCode: b.zaaktypeCode,
      ...(b.zaaktypeOmschrijving ? { zktOmschrijving: b.zaaktypeOmschrijving } : {}),
      volgnummer: String(s.volgnummer),
      // rzs.md A7: the status code is required; the catalogue's, else the volgnummer.
      code: s.code ?? statustype?.code ?? String(s.volgnummer),
      omschrijving: s.omschrijving ?? statustype?.omschrijving,
      ...(ingangsdatum ? { ingangsdatumObject: ingangsdatum.text.trim() } : {}),
      datumStatusGezet: formatTijdstip(s.datumStatusGezet),
    };
  }
  return n;
}

function matcht(lijst: string[], waarde: string | undefined): boolean {
  return lijst.includes('*') || (waarde !== undefined && lijst.includes(waarde));
}

/** The destinations subscribed to this notification, without the application that caused it. */
export async function abonnees(gw: Gateway, n: Notificatie, abonnementen?: Abonnement[]): Promise<BestemmingConfig[]> {
  const namen = new Set<string>();
  for (const a of abonnementen ?? (await gw.store.abonnementen.alle())) {
    if (matcht(a.zaaktypen, n.zaaktype.code) && matcht(a.gebeurtenissen, n.gebeurtenis)) namen.add(a.bestemming);
  }
  const bestemmingen: BestemmingConfig[] = [];
  for (const naam of namen) {
    const b = gw.bestemmingen.vind(naam);
    if (!b) continue; // a command-line subscription whose destination left the configuration
    if (n.zendendeApplicatie && zelfdeSysteem(b.ontvanger, n.zendendeApplicatie)) continue;
    bestemmingen.push(b);
  }
  return bestemmingen;
}

export async function zetInUitgaand(gw: Gateway, soort: NotificatieSoort, n: Notificatie, b: BestemmingConfig): Promise<void> {
  const referentienummer = uitgaandReferentienummer();
  const bericht = notificatieBericht(soort, n, { zender: gw.config.stuf.zender, ontvanger: b.ontvanger, referentienummer, tijdstipBericht: nuTijdstip() }, gw.config.notificaties.zendendeApplicatie);
  await gw.store.uitgaand.voegToe({
    soort,
    bestemming: b.naam,
    volgorde: n.zaak,
    referentienummer,
    soapActie: RZS_ACTIE_BASIS + soort,
    bericht: serialize(bericht),
    gebeurtenis: n.gebeurtenis,
  });
}

/** Each destination's notification: the plans are read (in `gw.store`, the change's transaction) only when one asks. */
async function perBestemming(gw: Gateway, n: Notificatie, bestemmingen: BestemmingConfig[]): Promise<[BestemmingConfig, Notificatie][]> {
  const plannen = bestemmingen.some((b) => b.verrijkt) ? await planverbandVan(gw, n.zaak) : undefined;
  const verrijkt: Notificatie = plannen ? { ...n, plannen } : n;
  return bestemmingen.map((b) => [b, b.verrijkt ? verrijkt : n]);
}

/** One message of a notification: its kind, its destination and what it says to that destination. */
export interface Verzending {
  soort: NotificatieSoort;
  bestemming: BestemmingConfig;
  notificatie: Notificatie;
}

/**
 * Who gets which message about `n`, as notificaties.modus says; reads (subscriptions, plans) but writes nothing. Apart
 * from routeerNotificatie for a change that removes the zaak's rows (destruction, archief/vernietigingMelden.ts): the
 * routing is read while the zaak is there, the outbox written after.
 */
export async function verzendingen(gw: Gateway, n: Notificatie, abonnementen?: Abonnement[]): Promise<Verzending[]> {
  const modus = gw.config.notificaties.modus;
  if (modus === 'uit') return [];
  const beheer = modus === 'extern' ? gw.bestemmingen.vind(gw.config.notificaties.abonnementenbeheer ?? '') : undefined;
  const bestemmingen = modus === 'extern' ? (beheer ? [beheer] : []) : await abonnees(gw, n, abonnementen);
  const soort: NotificatieSoort = modus === 'extern' ? 'initieerNotificeerOverZaak' : 'notificeerOverZaak';
  return (await perBestemming(gw, n, bestemmingen)).map(([bestemming, notificatie]) => ({ soort, bestemming, notificatie }));
}

/** Call inside the transaction of the change. Returns the number of messages put in the outbox. */
export async function routeerNotificatie(gw: Gateway, n: Notificatie, abonnementen?: Abonnement[]): Promise<number> {
  const v = await verzendingen(gw, n, abonnementen);
  for (const x of v) await zetInUitgaand(gw, x.soort, x.notificatie, x.bestemming);
  return v.length;
}

/** After a successful change by `zender`: one notification per zaak it concerned. */
export async function meldWijziging(gw: Gateway, zaken: string[], gebeurtenis: Gebeurtenis, zender: Systeem | undefined): Promise<number> {
  const modus = gw.config.notificaties.modus;
  if (modus === 'uit') return 0;
  // Without subscriptions nobody hears of it: the zaak need not be read back to describe the change.
  const abonnementen = modus === 'intern' ? await gw.store.abonnementen.alle() : undefined;
  if (abonnementen?.length === 0) return 0;
  let aantal = 0;
  for (const id of new Set(zaken)) {
    const n = await notificatieVanZaak(gw, id, gebeurtenis, zender);
    if (n) aantal += await routeerNotificatie(gw, n, abonnementen);
  }
  return aantal;
}
