// Command `partners`: the mirrored zaken of the ketenpartners and where each stands, asking a partner for the
// status of its zaak now (the same geefZaakstatus a stale read makes), and the breaches of the agreed terms. A
// refresh that changes the status puts the notification in the outbox, which lives in the database: the running
// gateway delivers it at its next round.
import pino from 'pino';
import type { Config } from '../config';
import type { Store } from '../store';
import type { Spiegelzaak, Statusbron } from '../store/spiegelzaken';
import type { Ontbrekend, Opheffing, Termijnoverschrijding } from '../store/partnertermijnen';
import type { Gateway } from '../soap/operatie';
import { Zaaktypecatalogus } from '../domain/zaaktypen';
import { Toegangsregister } from '../toegang/identificatie';
import { Bestemmingen } from '../uitgaand/bestemmingen';
import { formatTijdstip, leesbaarTijdstip } from '../stuf/tijd';
import { GebruikFout, OpdrachtFout, Sub, VLAG, WAARDE, leesOpdracht, opdracht } from '../opdracht/argumenten';
import { duur, json, meervoud, metStore, openVoorOpdracht } from '../uitgaand/opdrachtHulp';
import { Partners } from './partners';
import { Ververser, Verversing } from './verversen';

const GEBRUIK = `gebruik: partners [lijst] [--partner NAAM] [--json]   de gespiegelde zaken per ketenpartner
       partners ververs ID... | --alle [--partner NAAM]     vraagt de partner nu om de status (geefZaakstatus)
       partners termijnen [--partner NAAM] [--opgeheven] [--json]
                                                     overschreden leveringstermijnen (afspraken); --opgeheven: ook
                                                     de opgeheven overschrijdingen
  Exitcode van ververs: 0 als alles ververst is, 1 als een zaak niet ververst kon worden, 2 bij verkeerd gebruik.
  Een ververste status die anders is, wordt als notificatie in de uitgaande berichten gezet (in de database);
  de draaiende gateway bezorgt die bij zijn volgende ronde.`;

export const PARTNERS = opdracht({
  naam: 'partners',
  gebruik: GEBRUIK,
  standaard: 'lijst',
  subopdrachten: {
    lijst: { opties: { partner: WAARDE, json: VLAG } },
    ververs: { opties: { alle: VLAG, partner: WAARDE }, argumenten: true },
    termijnen: { opties: { partner: WAARDE, opgeheven: VLAG, json: VLAG } },
  },
});

/**
 * Wrong use of `partners`, including a partner or zaak it does not know: exit code 2, so that a script tells it
 * apart from a partner that could not be asked (1).
 */
export class PartnerGebruikFout extends GebruikFout {}

/** How many partner questions run at once during `ververs --alle`: enough to pass slow partners, not a flood. */
const GELIJKTIJDIG = 4;

export interface PartnerKop {
  naam: string;
  /** False for mirrors of a partner that has since left the configuration: they are neither refreshed nor pushed. */
  inConfiguratie: boolean;
  zds?: { adres: string; dialect: 'zds12' | 'zds11' };
  maxOuderdomMinuten?: number;
}

export interface SpiegelRegel {
  identificatie: string;
  partner: string;
  zaaktype?: { code: string; omschrijving?: string };
  deelplan: string;
  /** The last status only; datumStatusGezet as StUF:Tijdstip (local time). */
  status?: { volgnummer: number; omschrijving?: string; datumStatusGezet: string };
  statusBron?: Statusbron;
  ververst?: string;
  verversFout?: string;
  verversFoutOp?: string;
  gekoppeldDoor: Spiegelzaak['gekoppeldDoor'];
}

function regel(s: Spiegelzaak): SpiegelRegel {
  return {
    identificatie: s.identificatie,
    partner: s.partner,
    ...(s.zaaktype ? { zaaktype: s.zaaktype } : {}),
    deelplan: s.deelplan,
    ...(s.status
      ? { status: { volgnummer: s.status.volgnummer, ...(s.status.omschrijving ? { omschrijving: s.status.omschrijving } : {}), datumStatusGezet: formatTijdstip(s.status.datumStatusGezet) } }
      : {}),
    ...(s.statusBron ? { statusBron: s.statusBron } : {}),
    ...(s.ververst ? { ververst: s.ververst } : {}),
    ...(s.verversFout ? { verversFout: s.verversFout } : {}),
    ...(s.verversFoutOp ? { verversFoutOp: s.verversFoutOp } : {}),
    gekoppeldDoor: s.gekoppeldDoor,
  };
}

function kop(config: Config, naam: string): PartnerKop {
  const p = config.partners.find((x) => x.naam === naam);
  if (!p) return { naam, inConfiguratie: false };
  return { naam, inConfiguratie: true, ...(p.zds ? { zds: { adres: p.zds.adres, dialect: p.zds.dialect } } : {}), maxOuderdomMinuten: p.maxOuderdomMinuten };
}

function kopTekst(k: PartnerKop): string {
  if (!k.inConfiguratie) return `ketenpartner ${k.naam}  (staat niet meer in de configuratie: zijn spiegels worden niet ververst)`;
  return `ketenpartner ${k.naam}  ${k.zds ? `zds ${k.zds.adres} (${k.zds.dialect})` : 'geen zds-adres'}  maxOuderdomMinuten ${k.maxOuderdomMinuten}`;
}

function regelTekst(r: SpiegelRegel, nu: number): string {
  const status = r.status ? `${r.status.volgnummer} ${r.status.omschrijving ?? '-'} (${leesbaarTijdstip(r.status.datumStatusGezet)})` : '-';
  const ververst = r.ververst ? `${r.ververst} (${duur(nu - Date.parse(r.ververst))} geleden)` : 'nooit';
  const fout = r.verversFout ? `  verversFout${r.verversFoutOp ? ` ${r.verversFoutOp}` : ''}: ${r.verversFout.replace(/\s+/g, ' ')}` : '';
  return `  ${r.identificatie}  partner ${r.partner}  zaaktype ${r.zaaktype?.code ?? '-'}  deelplan ${r.deelplan}  status ${status}` +
    `  bron ${r.statusBron ?? '-'}  ververst ${ververst}${fout}`;
}

/** A partner an operator may name: a configured one, or one that still has mirrors. */
function bekendePartner(config: Config, naam: string, ookBekend: Iterable<string>): void {
  const namen = new Set([...config.partners.map((p) => p.naam), ...ookBekend]);
  if (!namen.has(naam)) throw new PartnerGebruikFout(`ketenpartner '${naam}' is onbekend (bekend: ${[...namen].join(', ') || 'geen'})`);
}

async function lijstOpdracht(config: Config, a: Sub<typeof PARTNERS, 'lijst'>, schrijf: (s: string) => void): Promise<number> {
  const partner = a.waarden.partner;
  return metStore(config, async (store) => {
    const alle = await store.spiegelzaken.alle();
    if (partner) bekendePartner(config, partner, alle.map((s) => s.partner));
    const namen = partner ? [partner] : [...new Set([...config.partners.map((p) => p.naam), ...alle.map((s) => s.partner)])];
    const koppen = namen.map((n) => kop(config, n));
    const regels = alle.filter((s) => !partner || s.partner === partner).map(regel);
    if (a.waarden.json) return (schrijf(json({ partners: koppen, spiegelzaken: regels })), 0);
    if (koppen.length === 0) schrijf('geen ketenpartners in de configuratie\n');
    const nu = Date.now();
    for (const k of koppen) {
      schrijf(`${kopTekst(k)}\n`);
      const eigen = regels.filter((r) => r.partner === k.naam);
      if (eigen.length === 0) schrijf('  geen gespiegelde zaken\n');
      for (const r of eigen) schrijf(`${regelTekst(r, nu)}\n`);
    }
    schrijf(regels.length === 0 ? 'geen gespiegelde zaken\n' : `${meervoud(regels.length, 'gespiegelde zaak', 'gespiegelde zaken')}\n`);
    return 0;
  });
}

/** The gateway's parts a refresh needs, on its own connection; no outbox worker: the running gateway delivers. */
function gatewayVoorOpdracht(config: Config, store: Store): Gateway {
  return {
    config,
    store,
    catalogus: new Zaaktypecatalogus(config.zaaktypen),
    // Every outcome is printed by the command itself; a log line beside it would only repeat it.
    log: pino({ level: 'silent' }),
    toegang: new Toegangsregister(config.toegang),
    bestemmingen: new Bestemmingen(config.bestemmingen),
    partners: new Partners(config.partners),
  };
}

async function verversOpdracht(config: Config, a: Sub<typeof PARTNERS, 'ververs'>, schrijf: (s: string) => void): Promise<number> {
  const alleVlag = a.waarden.alle === true;
  const partner = a.waarden.partner;
  if (alleVlag === (a.argumenten.length > 0)) throw new PartnerGebruikFout(`partners ververs: geef zaakidentificaties of --alle\n${GEBRUIK}`);
  if (partner && !alleVlag) throw new PartnerGebruikFout(`partners ververs: --partner hoort bij --alle\n${GEBRUIK}`);
  // Checked before anyone is asked: a typing error must not leave half the list refreshed.
  const ids = await metStore(config, async (store) => {
    const alle = await store.spiegelzaken.alle();
    if (partner) bekendePartner(config, partner, alle.map((s) => s.partner));
    if (alleVlag) return alle.filter((s) => !partner || s.partner === partner).map((s) => s.identificatie);
    const gespiegeld = new Set(alle.map((s) => s.identificatie));
    const onbekend = [...new Set(a.argumenten.filter((id) => !gespiegeld.has(id)))];
    if (onbekend.length) throw new PartnerGebruikFout(`${onbekend.map((id) => `zaak ${id} wordt niet gespiegeld`).join('\n')}\nniets ververst`);
    return [...new Set(a.argumenten)];
  });
  if (ids.length === 0) return (schrijf('geen gespiegelde zaken\n'), 0);
  // metStore closes its store when its work returns; the questions need one until they are answered.
  const store = await openVoorOpdracht(config);
  try {
    const ververser = new Ververser(gatewayVoorOpdracht(config, store));
    let gelukt = 0;
    let gewijzigd = 0;
    const volgende = ids.values();
    const werker = async () => {
      for (const id of volgende) {
        const v: Verversing = await ververser.ververs(id);
        if (v.gelukt) {
          gelukt++;
          if (v.gewijzigd) gewijzigd++;
          schrijf(`${id}: ververst (${v.gewijzigd ? 'gewijzigd' : 'ongewijzigd'})\n`);
        } else schrijf(`${id}: niet ververst: ${v.fout}\n`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(GELIJKTIJDIG, ids.length) }, werker));
    const mislukt = ids.length - gelukt;
    schrijf(`${meervoud(gelukt, 'zaak', 'zaken')} ververst${mislukt ? `, ${mislukt} niet` : ''}` +
      `${gewijzigd ? `; ${gewijzigd} met een nieuwe status: de notificaties bezorgt de draaiende gateway bij zijn volgende ronde` : ''}\n`);
    return mislukt ? 1 : 0;
  } finally {
    await store.sluit();
  }
}

/** One breach as `partners termijnen` shows it: no person, only identificaties, codes and moments. */
export interface TermijnRegel {
  partner: string;
  partnerzaak: string;
  deelplan: string;
  zaaktype: string;
  termijnDagen: number;
  /** ISO: when the link was made, when its term ended, when the gateway found it breached. */
  gekoppeld: string;
  verstreken: string;
  vastgesteld: string;
  /** Open: what is missing now; lifted: what was missing when the breach was found. */
  ontbreekt: Ontbrekend;
  opgeheven?: string;
  opheffing?: Opheffing;
}

function termijnRegel(o: Termijnoverschrijding): TermijnRegel {
  return {
    partner: o.partner,
    partnerzaak: o.partnerzaak,
    deelplan: o.deelplan,
    zaaktype: o.zaaktype,
    termijnDagen: o.termijnDagen,
    gekoppeld: o.gekoppeld,
    verstreken: o.verstreken,
    vastgesteld: o.vastgesteld,
    ontbreekt: o.opgeheven ? o.ontbrak : (o.ontbreekt ?? o.ontbrak),
    ...(o.opgeheven ? { opgeheven: o.opgeheven, opheffing: o.opheffing } : {}),
  };
}

function ontbreektTekst(o: Ontbrekend): string {
  return [...o.statussen.map((s) => `status ${s}`), ...o.documenten.map((d) => `document ${d}`)].join(', ') || '-';
}

function termijnTekst(r: TermijnRegel, nu: number): string {
  const stand = r.opgeheven
    ? `opgeheven ${r.opgeheven} (${r.opheffing})  ontbrak: ${ontbreektTekst(r.ontbreekt)}`
    : `open sinds ${duur(nu - Date.parse(r.verstreken))}  ontbreekt: ${ontbreektTekst(r.ontbreekt)}`;
  return `  ${r.partnerzaak}  partner ${r.partner}  zaaktype ${r.zaaktype}  deelplan ${r.deelplan}  termijn ${r.termijnDagen} d` +
    `  gekoppeld ${r.gekoppeld}  verstreken ${r.verstreken}  ${stand}`;
}

async function termijnenOpdracht(config: Config, a: Sub<typeof PARTNERS, 'termijnen'>, schrijf: (s: string) => void): Promise<number> {
  const partner = a.waarden.partner;
  const ookOpgeheven = a.waarden.opgeheven === true;
  return metStore(config, async (store) => {
    const regels = (await store.partnertermijnen.overschrijdingen({ ...(partner ? { partner } : {}), ookOpgeheven })).map(termijnRegel);
    // A partner with agreements, or one that still has breaches on record (it may have left the configuration).
    if (partner) bekendePartner(config, partner, regels.map((r) => r.partner));
    if (a.waarden.json) return (schrijf(json({ overschrijdingen: regels })), 0);
    const nu = Date.now();
    for (const r of regels) schrijf(`${termijnTekst(r, nu)}\n`);
    const open = regels.filter((r) => !r.opgeheven).length;
    const opgeheven = regels.length - open;
    schrijf(`${meervoud(open, 'open overschrijding', 'open overschrijdingen')}${ookOpgeheven ? `, ${opgeheven} opgeheven` : ''}` +
      `${config.partners.some((p) => p.afspraken.length) ? '' : ' (geen afspraken in de configuratie)'}\n`);
    return 0;
  });
}

/**
 * `partners ...`: returns the exit code. Wrong use throws PartnerGebruikFout (main.ts: message on stderr, exit
 * code 2); `ververs` answers 1 when a partner could not be asked for one of the zaken.
 */
export async function partnersOpdracht(config: Config, argv: string[], schrijf: (s: string) => void): Promise<number> {
  try {
    const a = leesOpdracht(PARTNERS, argv);
    if (a.hulp !== undefined) return (schrijf(`${a.hulp}\n`), 0);
    if (a.sub === 'termijnen') return await termijnenOpdracht(config, a, schrijf);
    return a.sub === 'ververs' ? await verversOpdracht(config, a, schrijf) : await lijstOpdracht(config, a, schrijf);
  } catch (e) {
    // The parser and the shared helpers (the database path) throw their own kinds: for this command all wrong use.
    if (e instanceof OpdrachtFout && !(e instanceof PartnerGebruikFout)) throw new PartnerGebruikFout(e.message);
    throw e;
  }
}
