// Destruction (issue 19, item 3). `archief vernietig --lijst` draws up a numbered list of the closed zaken whose
// archiefactiedatum has come with nominatie vernietigen (N), not held; the list is stored with the state of each
// zaak, frozen. `--uitvoeren ID --door WIE` confirms and carries it out: per zaak, in a transaction of its own, the
// zaak goes only when it still may (not held, still N and due, unchanged since the list); everything of it goes
// (src/store/vernietigen.ts) and a record without personal data stays. Safe beside running gateways and with a
// second run at once (another instance, another operator): the list row is claimed in the zaak's transaction.
// Subscribers hear of it only with archief.vernietigingNotificeren (off by default: the thin notification sends them
// to a zaak that is gone). Then the zaak's transaction also puts the announcement in the outbox (vernietigingMelden.ts),
// so a destruction that fails announces nothing and one that is done is always announced; the gateway delivers it.
import { userInfo } from 'node:os';
import type { Config } from '../config';
import type { Store } from '../store';
import { metStore } from '../uitgaand/opdrachtHulp';
import { ArchiefOpslag, ArchiefZaak, Lijst, LijstZaak, Uitkomst } from '../store/archief';
import { Sporen, Vernietiger, Verwijderd } from '../store/vernietigen';
import { GebruikFout, OpdrachtFout, VLAG, WAARDE, Waarden } from '../opdracht/argumenten';
import { vandaag } from '../stuf/tijd';
import { zoekSporen } from './sporen';
import { VernietigingMelder, melderVoor } from './vernietigingMelden';
import { datum, door, limiet, lijstnummer } from './hulp';

export const VERNIETIG = {
  gebruik: `gebruik: archief vernietig --lijst [--door WIE] [--limiet N] [--json]
       archief vernietig --toon LIJST-ID [--json]
       archief vernietig --uitvoeren LIJST-ID --door WIE [--json]
  --lijst stelt een genummerde vernietigingslijst op: de gesloten zaken met archiefnominatie N (vernietigen) waarvan
  de archiefactiedatum (datumVernietigingDossier) vandaag of eerder is, zonder bewaarblokkade; de eerste N (standaard
  1000), oudste actiedatum eerst. De lijst ligt vast. --toon laat een lijst en haar uitkomsten zien.
  --uitvoeren bevestigt de lijst en vernietigt precies die zaken, elk in een eigen transactie, met alles wat erbij
  hoort (statussen, rollen, objecten, relaties, documenten die alleen in deze zaak zitten met alle versies en inhoud,
  besluiten, spiegelzaken, uitgaande berichten, journaalteksten, idempotentie) en personen die geen andere zaak meer
  noemt. Overgeslagen wordt een zaak die intussen geblokkeerd, gewijzigd of niet meer vernietigbaar is. Per zaak
  blijft een vernietigingsverklaring zonder persoonsgegevens (archief vernietigingen). Abonnees krijgen alleen bericht
  met archief.vernietigingNotificeren: true: per vernietigde zaak, in dezelfde transactie, de notificatie Update zaak
  met extraElement vernietigd (de datum) aan elke abonnee op Update zaak van het zaaktype (bij notificaties.modus
  extern één initieerNotificeerOverZaak aan het abonnementenbeheer); de draaiende gateway bezorgt ze. Standaard niet.`,
  opties: { lijst: VLAG, toon: WAARDE, uitvoeren: WAARDE, door: WAARDE, limiet: WAARDE, json: VLAG },
} as const;

type VernietigWaarden = Waarden<typeof VERNIETIG.opties>;

const resultaatVan = (z: ArchiefZaak) => z.data.groepen.resultaat?.omschrijving?.w ?? null;

function regelTekst(r: LijstZaak): string {
  return `  ${r.zaak}  ${r.zaaktype}  einddatum ${datum(r.einddatum)}  actiedatum ${datum(r.archiefactiedatum)}  resultaat ${r.resultaat ?? '-'}${r.uitkomst ? `  → ${r.uitkomst}` : ''}`;
}

function lijstTekst(l: Lijst, zaken: LijstZaak[]): string {
  const kop = `vernietigingslijst ${l.id}: opgesteld ${l.opgesteld} door ${l.opgesteldDoor}, peildatum ${datum(l.peildatum)}, ${zaken.length} zaak/zaken` +
    (l.uitgevoerd ? `; uitgevoerd ${l.uitgevoerd} door ${l.uitgevoerdDoor}` : '');
  return `${kop}\n${zaken.map(regelTekst).join('\n')}${zaken.length ? '\n' : ''}`;
}

/** Who draws up a list without --door: the account running the command (a container's uid may have no name). */
function gebruiker(): string {
  try {
    return userInfo().username || 'onbekend';
  } catch {
    return process.env.USER ?? 'onbekend';
  }
}

/** Draws up and stores the list; the zaken that are due but held are named beside it, not on it. */
async function stelOp(store: Store, w: VernietigWaarden, schrijf: (t: string) => void): Promise<number> {
  const n = limiet('vernietig', w.limiet, 1000);
  const wie = w.door?.trim() ? door('vernietig', w.door, 'wie de lijst opstelt') : gebruiker();
  const peildatum = vandaag();
  const uit = await store.transactie(async (tx) => {
    const o = new ArchiefOpslag(tx.sql);
    const zaken = await o.vernietigbaar(peildatum, n, false);
    const geblokkeerd = await o.vernietigbaar(peildatum, 1000, true);
    if (zaken.length === 0) return { geblokkeerd };
    const rijen = zaken.map((z): LijstZaak => ({
      zaak: z.identificatie, zaaktype: z.zaaktypeCode, resultaat: resultaatVan(z), einddatum: z.einddatum, archiefactiedatum: z.archiefactiedatum!, gewijzigd: z.gewijzigd, uitkomst: null, verwerkt: null,
    }));
    const kop = { opgesteld: new Date().toISOString(), opgesteldDoor: wie, peildatum };
    const lijst: Lijst = { id: await o.maakLijst(kop, rijen), ...kop };
    return { lijst, rijen, geblokkeerd };
  });
  if (w.json) {
    schrijf(`${JSON.stringify({ ...(uit.lijst ? { ...uit.lijst, zaken: uit.rijen } : { peildatum }), geblokkeerd: uit.geblokkeerd.map((z) => z.identificatie) }, null, 2)}\n`);
  } else {
    schrijf(uit.lijst ? lijstTekst(uit.lijst, uit.rijen) : `niets te vernietigen op ${datum(peildatum)}: geen lijst opgesteld\n`);
    if (uit.rijen?.length === n) schrijf(`(de eerste ${n}; na uitvoeren van deze lijst volgt de rest met een nieuwe)\n`);
    if (uit.geblokkeerd.length) schrijf(`niet op de lijst, bewaarblokkade: ${uit.geblokkeerd.map((z) => z.identificatie).join(', ')}\n`);
    if (uit.lijst) schrijf(`bevestig met: archief vernietig --uitvoeren ${uit.lijst.id} --door WIE\n`);
  }
  return 0;
}

/** Why a listed zaak may not go now, or undefined when it may. */
async function beletsel(o: ArchiefOpslag, r: LijstZaak, z: ArchiefZaak | undefined, vandaagDatum: string): Promise<Uitkomst | undefined> {
  if (!z) return 'verdwenen';
  if (await o.blokkade(z.id)) return 'geblokkeerd';
  if (z.archiefnominatie !== 'N' || !z.archiefactiedatum || z.archiefactiedatum > vandaagDatum || !z.einddatum) return 'niet meer vernietigbaar';
  if (z.gewijzigd !== r.gewijzigd) return 'gewijzigd';
  return undefined;
}

/** What became of one zaak of the list; `notificaties` only when destructions are announced. */
interface ZaakUitkomst {
  uitkomst: Uitkomst;
  verwijderd?: Verwijderd;
  notificaties?: number;
}

/** One zaak of the list, in its own transaction: the outcome (with what went), or undefined when another run destroyed it. */
async function vernietigZaak(store: Store, lijst: Lijst, r: LijstZaak, wie: string, sporen: Sporen, melder?: VernietigingMelder): Promise<ZaakUitkomst | undefined> {
  const peil = vandaag();
  return store.transactie(async (tx) => {
    const o = new ArchiefOpslag(tx.sql);
    const nu = new Date().toISOString();
    if (!(await o.claim(lijst.id, r.zaak, nu))) return undefined;
    const z = await o.zaak(r.zaak);
    const niet = await beletsel(o, r, z, peil);
    if (niet || !z) {
      await o.zetUitkomst(lijst.id, r.zaak, niet ?? 'verdwenen');
      return { uitkomst: niet ?? 'verdwenen' };
    }
    // Read while the zaak is there; written after, as the destruction empties the zaak's outbox.
    const aankondiging = await melder?.bereidVoor(tx, z.identificatie, nu);
    const verwijderd = await new Vernietiger(tx.sql).verwijder(z.id, z.identificatie, sporen);
    const notificaties = await aankondiging?.();
    await o.legVast({
      lijst: lijst.id, zaak: z.identificatie, zaaktype: z.zaaktypeCode, zaaktypeOmschrijving: z.data.zaaktype.omschrijving ?? null, resultaat: resultaatVan(z),
      startdatum: z.data.attributen.startdatum?.w ?? null, einddatum: z.einddatum, archiefactiedatum: z.archiefactiedatum!, vernietigd: nu, opgesteldDoor: lijst.opgesteldDoor, bevestigdDoor: wie,
    });
    await o.zetUitkomst(lijst.id, r.zaak, 'vernietigd');
    return { uitkomst: 'vernietigd', verwijderd, ...(notificaties === undefined ? {} : { notificaties }) };
  });
}

const volgendeBeurt = () => new Promise<void>((r) => setImmediate(r));

export interface Uitvoering {
  lijst: number;
  uitkomsten: { zaak: string; uitkomst: Uitkomst | 'al vernietigd' | 'mislukt'; verwijderd?: Verwijderd; notificaties?: number; fout?: string }[];
}

/** Carries out a stored list; a zaak that fails is reported and the others go on. `config`: whether to announce. */
export async function voerUit(store: Store, lijstId: number, wie: string, config: Config): Promise<Uitvoering> {
  const melder = melderVoor(config);
  const o = new ArchiefOpslag(store.sql);
  const lijst = await o.lijst(lijstId);
  if (!lijst) throw new OpdrachtFout(`archief vernietig: vernietigingslijst ${lijstId} bestaat niet`);
  const rijen = await o.lijstZaken(lijstId);
  const open = rijen.filter((r) => r.uitkomst !== 'vernietigd');
  const sporen = await zoekSporen(store.sql, open.map((r) => r.zaak));
  const uitkomsten: Uitvoering['uitkomsten'] = rijen.filter((r) => r.uitkomst === 'vernietigd').map((r) => ({ zaak: r.zaak, uitkomst: 'al vernietigd' }));
  for (const r of open) {
    try {
      const u = await vernietigZaak(store, lijst, r, wie, sporen.get(r.zaak)!, melder);
      uitkomsten.push(u ? { zaak: r.zaak, ...u } : { zaak: r.zaak, uitkomst: 'al vernietigd' });
    } catch (e) {
      // The zaak's transaction rolled back: nothing of it went. The message names no value of a row.
      uitkomsten.push({ zaak: r.zaak, uitkomst: 'mislukt', fout: (e as Error).message.split('\n')[0].slice(0, 300) });
    }
    await volgendeBeurt();
  }
  await store.transactie((tx) => new ArchiefOpslag(tx.sql).lijstUitgevoerd(lijstId, wie, new Date().toISOString()));
  return { lijst: lijstId, uitkomsten };
}

const wat = (v: Verwijderd) =>
  `${v.documenten} document(en), ${v.gedeeldeDocumenten} gedeeld en behouden, ${v.besluiten} besluit(en), ${v.personen} betrokkene(n) die geen andere zaak noemt, ${v.sporen} journaaltekst(en) en idempotentieregel(s)`;

/** Exit 0 when every zaak of the list was dealt with (destroyed or skipped with a reason); 1 when one failed. */
export async function vernietig(config: Config, w: VernietigWaarden, schrijf: (t: string) => void): Promise<number> {
  const gekozen = [w.lijst ? '--lijst' : undefined, w.toon !== undefined ? '--toon' : undefined, w.uitvoeren !== undefined ? '--uitvoeren' : undefined].filter(Boolean);
  if (gekozen.length !== 1) throw new GebruikFout(`archief vernietig: geef precies één van --lijst, --toon LIJST-ID en --uitvoeren LIJST-ID\n${VERNIETIG.gebruik}`);
  if (w.lijst) return metStore(config, (store) => stelOp(store, w, schrijf));
  if (w.toon !== undefined) {
    const id = lijstnummer('vernietig', '--toon', w.toon);
    const gevonden = await metStore(config, async (store) => {
      const o = new ArchiefOpslag(store.sql);
      const l = await o.lijst(id);
      return l && { lijst: l, zaken: await o.lijstZaken(id) };
    });
    if (!gevonden) throw new OpdrachtFout(`archief vernietig: vernietigingslijst ${id} bestaat niet`);
    schrijf(w.json ? `${JSON.stringify({ ...gevonden.lijst, zaken: gevonden.zaken }, null, 2)}\n` : lijstTekst(gevonden.lijst, gevonden.zaken));
    return 0;
  }
  const id = lijstnummer('vernietig', '--uitvoeren', w.uitvoeren!);
  const wie = door('vernietig', w.door, 'wie de vernietiging bevestigt; dat wordt vastgelegd');
  const u = await metStore(config, (store) => voerUit(store, id, wie, config));
  const mislukt = u.uitkomsten.filter((x) => x.uitkomst === 'mislukt').length;
  if (w.json) schrijf(`${JSON.stringify(u, null, 2)}\n`);
  else {
    const tel = (k: string) => u.uitkomsten.filter((x) => x.uitkomst === k).length;
    const gemeld = (x: Uitvoering['uitkomsten'][number]) => (x.notificaties === undefined ? '' : `; ${x.notificaties} notificatie(s)`);
    schrijf(`${u.uitkomsten.map((x) => `  ${x.zaak}  ${x.uitkomst}${x.verwijderd ? ` (${wat(x.verwijderd)}${gemeld(x)})` : ''}${x.fout ? `: ${x.fout}` : ''}`).join('\n')}${u.uitkomsten.length ? '\n' : ''}`);
    const notificaties = u.uitkomsten.reduce((som, x) => som + (x.notificaties ?? 0), 0);
    schrijf(`vernietigingslijst ${id} uitgevoerd door ${wie}: ${tel('vernietigd')} vernietigd, ${u.uitkomsten.length - tel('vernietigd') - tel('al vernietigd') - mislukt} overgeslagen, ${tel('al vernietigd')} al eerder vernietigd${mislukt ? `, ${mislukt} mislukt` : ''}` +
      `${notificaties ? `; ${notificaties} notificatie(s) in de uitgaande berichten, de draaiende gateway bezorgt ze` : ''}\n`);
  }
  return mislukt ? 1 : 0;
}
