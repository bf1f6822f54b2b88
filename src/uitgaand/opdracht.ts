// Command `uitgaand`: the outbox for the operator. An overview per destination, the messages themselves, and the
// dead letters: revived (the running gateway delivers them at its next round) or given up (verworpen, so that they
// stop holding back later messages for their zaak).
import type { Config } from '../config';
import type { Store } from '../store';
import type { Uitgaand, UitgaandSoort, UitgaandStatus } from '../store/uitgaand';
import { OpdrachtFout, Sub, VLAG, WAARDE, leesOpdracht, opdracht } from '../opdracht/argumenten';
import { bekendeBestemming, duur, eenVan, json, leesIds, meervoud, metStore } from './opdrachtHulp';

const GEBRUIK = `gebruik: uitgaand [overzicht] [--json]
       uitgaand lijst [--status wachtend|afgeleverd|dood|verworpen] [--bestemming B] [--zaak Z] [--soort S] [--limiet N] [--json]
       uitgaand toon ID [--json]         het bericht met zijn inhoud; een overdracht kan een melding met persoonsgegevens dragen
       uitgaand opnieuw ID... | --alle [--bestemming B]   dode berichten terug in de wachtrij, pogingen op nul
       uitgaand verwerp ID...            dode berichten opgeven; latere berichten voor dezelfde zaak gaan dan door
  S is notificeerOverZaak, initieerNotificeerOverZaak, overdragenZaak_Di01 of overdragenZaak_Du01.`;

export const UITGAAND = opdracht({
  naam: 'uitgaand',
  gebruik: GEBRUIK,
  standaard: 'overzicht',
  subopdrachten: {
    overzicht: { opties: { json: VLAG } },
    lijst: { opties: { status: WAARDE, bestemming: WAARDE, zaak: WAARDE, soort: WAARDE, limiet: WAARDE, json: VLAG } },
    toon: { opties: { json: VLAG }, argumenten: true },
    opnieuw: { opties: { alle: VLAG, bestemming: WAARDE }, argumenten: true },
    verwerp: { argumenten: true },
  },
});

// A Record over the union: the compiler insists every soort and status is listed.
const SOORTEN = Object.keys({ notificeerOverZaak: 1, initieerNotificeerOverZaak: 1, overdragenZaak_Di01: 1, overdragenZaak_Du01: 1 } satisfies Record<UitgaandSoort, 1>) as UitgaandSoort[];
const STATUSSEN = Object.keys({ wachtend: 1, afgeleverd: 1, dood: 1, verworpen: 1 } satisfies Record<UitgaandStatus, 1>) as UitgaandStatus[];

export type Tellingen = Record<UitgaandSoort, Record<UitgaandStatus, number>>;

export interface BestemmingOverzicht {
  bestemming: string;
  /** False for rows of a destination that has since left the configuration: they cannot be delivered. */
  inConfiguratie: boolean;
  adres?: string;
  soorten: Tellingen;
  oudsteWachtend?: { id: number; soort: UitgaandSoort; zaak: string; aangemaakt: string; leeftijdSeconden: number; volgendePoging: string; opgehoudenDoor?: number };
}

/** What `uitgaand lijst --json` shows of a message: everything but its body. */
export interface BerichtRegel {
  id: number;
  soort: UitgaandSoort;
  bestemming: string;
  zaak: string;
  gebeurtenis?: string;
  status: UitgaandStatus;
  pogingen: number;
  /** Only while wachtend. */
  volgendePoging?: string;
  /** A dead message earlier in the same destination and zaak: this one waits until it is revived or given up. */
  opgehoudenDoor?: number;
  laatsteFout?: string;
  referentienummer: string;
  aangemaakt: string;
  afgeleverd?: string;
  overdrachtId?: number;
}

/** The dead message that holds this waiting one back (delivery keeps a zaak's order per destination), if any. */
async function opgehoudenDoor(store: Store, u: Uitgaand): Promise<number | undefined> {
  if (u.status !== 'wachtend') return undefined;
  const eerste = (await store.uitgaand.lijst({ status: 'dood', bestemming: u.bestemming, zaak: u.volgorde, limiet: 1 }))[0];
  return eerste && eerste.id < u.id ? eerste.id : undefined;
}

async function regel(store: Store, u: Uitgaand): Promise<BerichtRegel> {
  const opgehouden = await opgehoudenDoor(store, u);
  return {
    id: u.id,
    soort: u.soort,
    bestemming: u.bestemming,
    zaak: u.volgorde,
    ...(u.gebeurtenis ? { gebeurtenis: u.gebeurtenis } : {}),
    status: u.status,
    pogingen: u.pogingen,
    ...(u.status === 'wachtend' ? { volgendePoging: new Date(u.volgendePoging).toISOString() } : {}),
    ...(opgehouden !== undefined ? { opgehoudenDoor: opgehouden } : {}),
    ...(u.laatsteFout ? { laatsteFout: u.laatsteFout } : {}),
    referentienummer: u.referentienummer,
    aangemaakt: u.aangemaakt,
    ...(u.afgeleverd ? { afgeleverd: u.afgeleverd } : {}),
    ...(u.overdrachtId !== undefined ? { overdrachtId: u.overdrachtId } : {}),
  };
}

const volgendePogingTekst = (iso: string, nu: number) => {
  const ms = Date.parse(iso) - nu;
  return `${iso} (${ms <= 0 ? 'nu' : `over ${duur(ms)}`})`;
};

function regelTekst(r: BerichtRegel, nu: number): string {
  const volgende = r.opgehoudenDoor !== undefined
    ? `opgehouden door dood bericht #${r.opgehoudenDoor}`
    : r.volgendePoging ? `volgende poging ${volgendePogingTekst(r.volgendePoging, nu)}` : `volgende poging -`;
  const fout = r.laatsteFout ? `  fout: ${r.laatsteFout.replace(/\s+/g, ' ')}` : '';
  return `#${r.id}  ${r.soort}  ${r.bestemming}  zaak ${r.zaak}  ${r.gebeurtenis ?? '-'}  ${r.status}  pogingen ${r.pogingen}  ${volgende}  ref ${r.referentienummer}${fout}`;
}

export async function overzicht(config: Config, store: Store, nu = Date.now()): Promise<BestemmingOverzicht[]> {
  const tellingen = await store.uitgaand.tellingen();
  const namen = [...new Set([...config.bestemmingen.map((b) => b.naam), ...tellingen.map((t) => t.bestemming)])];
  const lijst: BestemmingOverzicht[] = [];
  for (const naam of namen) {
    const b = config.bestemmingen.find((x) => x.naam === naam);
    const soorten = Object.fromEntries(SOORTEN.map((s) => [s, Object.fromEntries(STATUSSEN.map((st) => [st, 0]))])) as Tellingen;
    for (const t of tellingen) if (t.bestemming === naam) soorten[t.soort][t.status] = t.aantal;
    const o: BestemmingOverzicht = { bestemming: naam, inConfiguratie: b !== undefined, ...(b ? { adres: b.adres } : {}), soorten };
    const oudste = (await store.uitgaand.lijst({ status: 'wachtend', bestemming: naam, limiet: 1 }))[0];
    if (oudste) {
      const opgehouden = await opgehoudenDoor(store, oudste);
      o.oudsteWachtend = {
        id: oudste.id,
        soort: oudste.soort,
        zaak: oudste.volgorde,
        aangemaakt: oudste.aangemaakt,
        leeftijdSeconden: Math.max(0, Math.round((nu - Date.parse(oudste.aangemaakt)) / 1000)),
        volgendePoging: new Date(oudste.volgendePoging).toISOString(),
        ...(opgehouden !== undefined ? { opgehoudenDoor: opgehouden } : {}),
      };
    }
    lijst.push(o);
  }
  return lijst;
}

function overzichtTekst(lijst: BestemmingOverzicht[], nu: number): string {
  if (lijst.length === 0) return 'geen bestemmingen geconfigureerd en geen uitgaande berichten\n';
  const regels: string[] = [];
  for (const o of lijst) {
    regels.push(`${o.bestemming}  ${o.inConfiguratie ? o.adres : '(staat niet meer in de configuratie: deze berichten worden niet bezorgd)'}`);
    const soorten = SOORTEN.filter((s) => STATUSSEN.some((st) => o.soorten[s][st] > 0));
    if (soorten.length === 0) regels.push('  geen berichten');
    const breedte = Math.max(...soorten.map((s) => s.length));
    for (const s of soorten) regels.push(`  ${s.padEnd(breedte)}  ${STATUSSEN.map((st) => `${st} ${o.soorten[s][st]}`).join('  ')}`);
    const w = o.oudsteWachtend;
    if (w) {
      const volgende = w.opgehoudenDoor !== undefined ? `opgehouden door dood bericht #${w.opgehoudenDoor}` : `volgende poging ${volgendePogingTekst(w.volgendePoging, nu)}`;
      regels.push(`  oudste wachtende: #${w.id} ${w.soort} zaak ${w.zaak}, ${duur(w.leeftijdSeconden * 1000)} oud, ${volgende}`);
    }
  }
  return `${regels.join('\n')}\n`;
}

async function lijstOpdracht(config: Config, { waarden: w }: Sub<typeof UITGAAND, 'lijst'>, schrijf: (s: string) => void): Promise<number> {
  const limietTekst = w.limiet;
  if (limietTekst !== undefined && !/^[1-9]\d{0,6}$/.test(limietTekst)) throw new OpdrachtFout(`--limiet: '${limietTekst}' is geen positief geheel getal`);
  const limiet = limietTekst ? Number(limietTekst) : 1000;
  const status = eenVan('--status', w.status, STATUSSEN);
  const soort = eenVan('--soort', w.soort, SOORTEN);
  const { bestemming, zaak } = w;
  return metStore(config, async (store) => {
    if (bestemming) bekendeBestemming(config, bestemming, (await store.uitgaand.tellingen()).map((t) => t.bestemming));
    const nu = Date.now();
    const regels = await store.lees(async (store) => {
      const r: BerichtRegel[] = [];
      for (const u of await store.uitgaand.lijst({ status, soort, bestemming, zaak, limiet })) r.push(await regel(store, u));
      return r;
    });
    if (w.json) schrijf(json(regels));
    else {
      for (const r of regels) schrijf(`${regelTekst(r, nu)}\n`);
      schrijf(`${meervoud(regels.length, 'bericht', 'berichten')}${regels.length === limiet ? ` (de eerste ${limiet}; meer met --limiet)` : ''}\n`);
    }
    return 0;
  });
}

async function toonOpdracht(config: Config, a: Sub<typeof UITGAAND, 'toon'>, schrijf: (s: string) => void): Promise<number> {
  if (a.argumenten.length !== 1) throw new OpdrachtFout(`uitgaand toon: geef precies één berichtnummer\n${GEBRUIK}`);
  const [id] = leesIds(a.argumenten, 'bericht', GEBRUIK);
  return metStore(config, async (store) => {
    const u = await store.uitgaand.vind(id);
    if (!u) throw new OpdrachtFout(`bericht ${id} bestaat niet`);
    const r = await regel(store, u);
    if (a.waarden.json) schrijf(json({ ...r, soapActie: u.soapActie, bericht: u.bericht }));
    else {
      const velden: [string, string | number | undefined][] = [
        ['soort', r.soort], ['bestemming', r.bestemming], ['zaak', r.zaak], ['gebeurtenis', r.gebeurtenis], ['status', r.status],
        ['pogingen', r.pogingen], ['volgende poging', r.volgendePoging], ['opgehouden door', r.opgehoudenDoor !== undefined ? `dood bericht #${r.opgehoudenDoor}` : undefined],
        ['laatste fout', r.laatsteFout?.replace(/\s+/g, ' ')], ['referentienummer', r.referentienummer], ['aangemaakt', r.aangemaakt], ['afgeleverd', r.afgeleverd],
        ['overdracht', r.overdrachtId], ['SOAPAction', u.soapActie],
      ];
      schrijf(`bericht #${r.id}\n${velden.filter(([, w]) => w !== undefined).map(([k, w]) => `  ${k}: ${w}`).join('\n')}\n\n${u.bericht}\n`);
    }
    return 0;
  });
}

/** Every given id must be a dead message; otherwise nothing changes and the message says which are not. */
async function alleenDoden(store: Store, ids: number[], wat: string): Promise<void> {
  const bezwaren: string[] = [];
  for (const id of ids) {
    const u = await store.uitgaand.vind(id);
    if (!u) bezwaren.push(`bericht ${id} bestaat niet`);
    else if (u.status !== 'dood') bezwaren.push(`bericht ${id} is ${u.status}, niet dood; alleen dode berichten kunnen ${wat}`);
  }
  if (bezwaren.length) throw new OpdrachtFout(`${bezwaren.join('\n')}\nniets veranderd`);
}

async function opnieuwOpdracht(config: Config, a: Sub<typeof UITGAAND, 'opnieuw'>, schrijf: (s: string) => void): Promise<number> {
  const alle = a.waarden.alle === true;
  const bestemming = a.waarden.bestemming;
  if (alle === (a.argumenten.length > 0)) throw new OpdrachtFout(`uitgaand opnieuw: geef berichtnummers of --alle\n${GEBRUIK}`);
  if (bestemming && !alle) throw new OpdrachtFout(`uitgaand opnieuw: --bestemming hoort bij --alle\n${GEBRUIK}`);
  const ids = alle ? undefined : leesIds(a.argumenten, 'bericht', GEBRUIK);
  return metStore(config, async (store) => {
    if (bestemming) bekendeBestemming(config, bestemming, (await store.uitgaand.tellingen()).map((t) => t.bestemming));
    const { aantal, buiten } = await store.transactie(async (store) => {
      if (ids) await alleenDoden(store, ids, 'opnieuw');
      // Revived messages of a destination that left the configuration would only die again.
      const namen = new Set(config.bestemmingen.map((b) => b.naam));
      const betreft: string[] = [];
      if (ids) for (const id of ids) betreft.push((await store.uitgaand.vind(id))!.bestemming);
      else betreft.push(...(await store.uitgaand.tellingen()).filter((t) => t.status === 'dood' && (!bestemming || t.bestemming === bestemming)).map((t) => t.bestemming));
      const buiten = [...new Set(betreft.filter((n) => !namen.has(n)))];
      return { aantal: await store.uitgaand.herleef(ids ? { ids } : { bestemming }), buiten };
    });
    if (aantal === 0) schrijf('geen dode berichten\n');
    else schrijf(`${meervoud(aantal, 'bericht', 'berichten')} weer in de wachtrij, pogingen op nul; de gateway bezorgt ${aantal === 1 ? 'het' : 'ze'} bij zijn volgende ronde\n`);
    for (const n of buiten) schrijf(`let op: bestemming '${n}' staat niet in de configuratie; haar berichten kunnen niet bezorgd worden\n`);
    return 0;
  });
}

async function verwerpOpdracht(config: Config, a: Sub<typeof UITGAAND, 'verwerp'>, schrijf: (s: string) => void): Promise<number> {
  if (a.argumenten.length === 0) throw new OpdrachtFout(`uitgaand verwerp: geef de nummers van dode berichten\n${GEBRUIK}`);
  const ids = leesIds(a.argumenten, 'bericht', GEBRUIK);
  return metStore(config, async (store) => {
    const aantal = await store.transactie(async (store) => {
      await alleenDoden(store, ids, 'verworpen worden');
      return store.uitgaand.verwerp(ids);
    });
    schrijf(`${meervoud(aantal, 'bericht', 'berichten')} verworpen; latere berichten voor dezelfde zaak en bestemming gaan nu door\n`);
    return 0;
  });
}

async function overzichtOpdracht(config: Config, a: Sub<typeof UITGAAND, 'overzicht'>, schrijf: (s: string) => void): Promise<number> {
  return metStore(config, async (store) => {
    const nu = Date.now();
    const lijst = await store.lees((store) => overzicht(config, store, nu));
    schrijf(a.waarden.json ? json(lijst) : overzichtTekst(lijst, nu));
    return 0;
  });
}

/**
 * `uitgaand ...`: returns the exit code. What the parser refuses throws a GebruikFout (exit code 2), a value or a
 * row that does not fit an OpdrachtFout (exit code 1); main.ts prints either on stderr.
 */
export async function uitgaandOpdracht(config: Config, argv: string[], schrijf: (s: string) => void): Promise<number> {
  const a = leesOpdracht(UITGAAND, argv);
  if (a.hulp !== undefined) return (schrijf(`${a.hulp}\n`), 0);
  switch (a.sub) {
    case 'overzicht': return overzichtOpdracht(config, a, schrijf);
    case 'lijst': return lijstOpdracht(config, a, schrijf);
    case 'toon': return toonOpdracht(config, a, schrijf);
    case 'opnieuw': return opnieuwOpdracht(config, a, schrijf);
    case 'verwerp': return verwerpOpdracht(config, a, schrijf);
  }
}
