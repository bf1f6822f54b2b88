// Partner agreements (issue 18, seed 000): per partner zaaktype the municipality agrees a delivery term, counted in
// days from the link of the partner zaak to our deelplan, the statuses to report back and the documents to deliver.
// Once a link's term has passed the gateway judges it, once: kept, or breached. A breach is recorded and announced
// in one transaction (the unique key of partnertermijn makes one instance of several do both), to the deelplan's
// subscribers as an Actualiseer zaakstatus of the deelplan with extraElementen naming the breach. Each check looks
// at the open breaches again: a partner that delivers late lifts its breach; the row stays as history.
import type { Gateway } from '../soap/operatie';
import type { Store } from '../store';
import type { Spiegelzaak } from '../store/spiegelzaken';
import type { Ontbrekend, Opheffing, TeBeoordelen, Termijnoordeel, Termijnoverschrijding } from '../store/partnertermijnen';
import type { Zaaktypecatalogus } from '../domain/zaaktypen';
import { formatAmsterdam } from '../stuf/tijd';
import { notificatieVanZaak, routeerNotificatie } from '../notificaties/trigger';
import { AfspraakConfig, PartnerConfig, documentsoort } from './configSchema';

export const DAG_MS = 24 * 60 * 60 * 1000;

/**
 * The extraElementen of a breach's notification, one fact each so a receiver reads them without parsing prose: the
 * partner zaak, the end of the term (StUF tijdstip), and one element per missing status (volgnummer or code, as
 * agreed) and per missing document type.
 */
export const TERMIJNELEMENT = {
  partnerzaak: 'partnerzaak',
  termijnVerstreken: 'termijnVerstreken',
  ontbrekendeStatus: 'ontbrekendeStatus',
  ontbrekendDocument: 'ontbrekendDocument',
} as const;

export interface Termijnverslag {
  /** Links whose term had passed and that this pass judged (not those another instance judged first). */
  beoordeeld: number;
  nagekomen: number;
  overschreden: number;
  /** Breaches lifted, by reason. */
  opgeheven: Record<Opheffing, number>;
  /** Notifications put in the outbox. */
  notificaties: number;
  /** Stopped before the end (the service is closing): the rest comes next time. */
  onderbroken: boolean;
  ms: number;
}

export interface TermijnOpties {
  /** Links or breaches per query. */
  partij?: number;
  /** Asked between batches; false stops the pass (shutdown). */
  doorgaan?: () => boolean;
}

const isLeeg = (o: Ontbrekend) => o.statussen.length === 0 && o.documenten.length === 0;

/**
 * Whether the mirror's last status is the agreed one or beyond it. The mirror keeps the last status only, so a status
 * reported and then passed counts by its order: a volgnummer is reached by any status with one at least as high; a
 * code by a status with that code, or, when our catalogue knows the statustype with that code, by its volgnummer.
 */
function bereikt(catalogus: Zaaktypecatalogus, s: Spiegelzaak, verwacht: number | string): boolean {
  const st = s.status;
  if (!st) return false;
  if (typeof verwacht === 'number') return st.volgnummer >= verwacht;
  if (st.code === verwacht) return true;
  const t = s.zaaktype && catalogus.zaaktype(s.zaaktype.code)?.statustypen.find((x) => (x.code ?? String(x.volgnummer)) === verwacht);
  return t !== undefined && st.volgnummer >= t.volgnummer;
}

/** What the partner has not delivered: agreed statuses not reached, agreed document types the deelplan lacks. */
export async function ontbreektBij(store: Store, catalogus: Zaaktypecatalogus, a: AfspraakConfig, s: Spiegelzaak): Promise<Ontbrekend> {
  const statussen = a.statussen.filter((v) => !bereikt(catalogus, s, v)).map(String);
  if (a.documenten.length === 0) return { statussen, documenten: [] };
  const aanwezig = new Set<string>();
  for (const zd of await store.documenten.vanZaak(s.deelplanId)) {
    const soort = zd.document.data['dct.omschrijving']?.w;
    if (soort) aanwezig.add(documentsoort(soort));
  }
  return { statussen, documenten: a.documenten.filter((d) => !aanwezig.has(documentsoort(d))) };
}

/** The notification of a breach, in the transaction that records it; the number of messages put in the outbox. */
async function meldOverschrijding(gw: Gateway, o: Termijnoordeel, ontbreekt: Ontbrekend): Promise<number> {
  // The gateway itself is the sending application: the breach comes from no message (initieerNotificeerOverZaak
  // requires one, rzs.md A6), and nobody it notifies made it.
  const n = await notificatieVanZaak(gw, o.deelplan, 'Actualiseer zaakstatus', gw.config.stuf.zender);
  if (!n) return 0;
  n.extra = [
    { naam: TERMIJNELEMENT.partnerzaak, waarde: o.partnerzaak },
    { naam: TERMIJNELEMENT.termijnVerstreken, waarde: formatAmsterdam(Date.parse(o.verstreken)) },
    ...ontbreekt.statussen.map((waarde) => ({ naam: TERMIJNELEMENT.ontbrekendeStatus, waarde })),
    ...ontbreekt.documenten.map((waarde) => ({ naam: TERMIJNELEMENT.ontbrekendDocument, waarde })),
  ];
  return routeerNotificatie(gw, n);
}

/** The next turn of the event loop: what waits for the database (a message's transaction) goes first. */
const volgendeBeurt = () => new Promise<void>((r) => setImmediate(r));

/**
 * One pass relative to `nu`: every agreement's links whose term has passed are judged, then every open breach is
 * looked at again. Bounded batches with a turn of the event loop between them; each link and each breach in a short
 * transaction of its own. Several instances may run it at once: what one recorded or lifted the others leave.
 */
export async function controleerTermijnen(gw: Gateway, nu = new Date(), opties: TermijnOpties = {}): Promise<Termijnverslag> {
  const begin = Date.now();
  const max = opties.partij ?? 200;
  const doorgaan = opties.doorgaan ?? (() => true);
  const v: Termijnverslag = { beoordeeld: 0, nagekomen: 0, overschreden: 0, opgeheven: { geleverd: 0, ontkoppeld: 0, 'afspraak vervallen': 0 }, notificaties: 0, onderbroken: false, ms: 0 };
  const nieuw = new Set<string>();
  for (const p of gw.partners.lijst) {
    for (const a of p.afspraken) {
      const grens = new Date(nu.getTime() - a.termijnDagen * DAG_MS).toISOString();
      let na: { aangemaakt: string; id: number } | undefined;
      while (doorgaan()) {
        const partij = await gw.store.partnertermijnen.teBeoordelen(p.naam, a.zaaktype, grens, na, max);
        for (const k of partij) await beoordeel(gw, p, a, k, nu, v, nieuw);
        if (partij.length < max) break;
        const laatste = partij[partij.length - 1];
        na = { aangemaakt: laatste.aangemaakt, id: laatste.spiegelzaakId };
        await volgendeBeurt();
      }
    }
  }
  let na = 0;
  while (doorgaan()) {
    const open = await gw.store.partnertermijnen.open(na, max);
    for (const o of open) if (!nieuw.has(o.partnerzaak)) await herbeoordeel(gw, o, nu, v);
    if (open.length < max) break;
    na = open[open.length - 1].id;
    await volgendeBeurt();
  }
  v.onderbroken = !doorgaan();
  v.ms = Date.now() - begin;
  return v;
}

async function beoordeel(gw: Gateway, p: PartnerConfig, a: AfspraakConfig, k: TeBeoordelen, nu: Date, v: Termijnverslag, nieuw: Set<string>): Promise<void> {
  const uitkomst = await gw.store.transactie(async (store) => {
    const s = await store.spiegelzaken.vind(k.identificatie);
    // Unlinked, or linked anew, since it was listed: a new link is judged when its own term has passed.
    if (!s || s.aangemaakt !== k.aangemaakt || s.partner !== p.naam || s.zaaktype?.code !== a.zaaktype) return undefined;
    const ontbreekt = await ontbreektBij(store, gw.catalogus, a, s);
    const oordeel: Termijnoordeel = {
      partnerzaak: s.identificatie,
      gekoppeld: s.aangemaakt,
      partner: p.naam,
      zaaktype: a.zaaktype,
      deelplan: s.deelplan,
      termijnDagen: a.termijnDagen,
      verstreken: new Date(Date.parse(s.aangemaakt) + a.termijnDagen * DAG_MS).toISOString(),
      uitkomst: isLeeg(ontbreekt) ? 'nagekomen' : 'overschreden',
      ...(isLeeg(ontbreekt) ? {} : { ontbrak: ontbreekt }),
      vastgesteld: nu.toISOString(),
    };
    const vastgelegd = await store.partnertermijnen.legVast(oordeel);
    await store.partnertermijnen.markeerBeoordeeld(s.id, oordeel.vastgesteld);
    if (!vastgelegd) return undefined; // another instance was first
    const notificaties = oordeel.uitkomst === 'overschreden' ? await meldOverschrijding({ ...gw, store }, oordeel, ontbreekt) : 0;
    return { oordeel, ontbreekt, notificaties };
  });
  if (!uitkomst) return;
  const { oordeel, ontbreekt, notificaties } = uitkomst;
  v.beoordeeld++;
  if (oordeel.uitkomst === 'nagekomen') {
    v.nagekomen++;
    return;
  }
  v.overschreden++;
  v.notificaties += notificaties;
  nieuw.add(oordeel.partnerzaak);
  if (notificaties) gw.bezorger?.wek();
  gw.log.info({
    partner: oordeel.partner, partnerzaak: oordeel.partnerzaak, deelplan: oordeel.deelplan, zaaktype: oordeel.zaaktype, termijnDagen: oordeel.termijnDagen,
    ontbrekendeStatussen: ontbreekt.statussen, ontbrekendeDocumenten: ontbreekt.documenten, notificaties,
  }, 'partnertermijn overschreden');
}

/** An open breach looked at again: lifted when the partner delivered, the link ended or the agreement is gone. */
async function herbeoordeel(gw: Gateway, o: Termijnoverschrijding, nu: Date, v: Termijnverslag): Promise<void> {
  const opgeheven = await gw.store.transactie(async (store): Promise<Opheffing | undefined> => {
    const hefOp = async (reden: Opheffing) => ((await store.partnertermijnen.hefOp(o.id, nu.toISOString(), reden)) ? reden : undefined);
    const s = await store.spiegelzaken.vind(o.partnerzaak);
    if (!s || s.aangemaakt !== o.gekoppeld) return hefOp('ontkoppeld');
    const a = gw.partners.vind(o.partner)?.afspraken.find((x) => x.zaaktype === o.zaaktype);
    if (!a) return hefOp('afspraak vervallen');
    const ontbreekt = await ontbreektBij(store, gw.catalogus, a, s);
    if (isLeeg(ontbreekt)) return hefOp('geleverd');
    if (JSON.stringify(ontbreekt) !== JSON.stringify(o.ontbreekt)) await store.partnertermijnen.zetOntbrekend(o.id, ontbreekt);
    return undefined;
  });
  if (!opgeheven) return;
  v.opgeheven[opgeheven]++;
  gw.log.info({ partner: o.partner, partnerzaak: o.partnerzaak, deelplan: o.deelplan, zaaktype: o.zaaktype, opheffing: opgeheven }, 'partnertermijnoverschrijding opgeheven');
}
