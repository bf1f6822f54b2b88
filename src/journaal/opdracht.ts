// Command `journaal`: lists and filters the message journal, shows one exchange, and exports exchanges as a
// conversation folder that `replay` runs unchanged (record in production, replay in test). A message's text is
// personal data: showing or exporting it needs --door (who) and writes a protocol row, like any read through the
// gateway. Opens the configured database itself; the gateway may be running beside it.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import type { Config } from '../config';
import { metStore } from '../uitgaand/opdrachtHulp';
import type { Store } from '../store';
import type { JournaalInhoud, JournaalRegel, JournaalVraag } from '../store/journaal';
import { GebruikFout, VLAG, WAARDE, Waarden, leesOpdracht, opdracht } from '../opdracht/argumenten';

const GEBRUIK = `gebruik: journaal [lijst] [FILTER...] [--limiet N] [--json]   de laatste N (standaard 1000), oudste eerst
       journaal toon ID [--door WIE [--reden TEKST]] [--json]
       journaal exporteer --map MAP --door WIE [--reden TEKST] [FILTER...] [--limiet N]
  FILTER: --referentienummer R (ook als crossRefnummer)  --zaak IDENTIFICATIE  --zender [ORGANISATIE/]APPLICATIE  --operatie NAAM
          --foutcode STUFnnn  --richting in|uit  --van DATUM|TIJDSTIP  --tot DATUM|TIJDSTIP
  toon laat de teksten van het bericht en het antwoord alleen zien met --door (wie kijkt); dat wordt geprotocolleerd.
  exporteer schrijft de gevonden verzoeken met hun antwoord als gesprek (gesprek.yaml en de berichten) in een nieuwe of
  lege MAP, voor 'replay MAP'; ook dat wordt geprotocolleerd. Documentinhoud bewaart het journaal nooit.`;

const FILTERS = {
  referentienummer: WAARDE, zaak: WAARDE, zender: WAARDE, operatie: WAARDE, foutcode: WAARDE, richting: WAARDE, van: WAARDE, tot: WAARDE, limiet: WAARDE,
} as const;
const LEZER = { door: WAARDE, reden: WAARDE } as const;

export const JOURNAAL = opdracht({
  naam: 'journaal',
  gebruik: GEBRUIK,
  standaard: 'lijst',
  subopdrachten: {
    lijst: { opties: { ...FILTERS, json: VLAG } },
    toon: { opties: { ...LEZER, json: VLAG }, argumenten: true },
    exporteer: { opties: { ...FILTERS, ...LEZER, map: WAARDE } },
  },
});

type Filters = Waarden<typeof FILTERS>;
type Lezer = Waarden<typeof LEZER>;

const isTijd = (w: string) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(w);

/** The filters as a question; a value that does not fit is wrong use (exit 2), found before the database is opened. */
function vraagUit(w: Filters): JournaalVraag {
  for (const k of ['van', 'tot'] as const) {
    const t = w[k];
    if (t !== undefined && !isTijd(t)) throw new GebruikFout(`journaal: --${k}: '${t}' is geen datum (JJJJ-MM-DD) of ISO-tijdstip`);
  }
  if (w.richting !== undefined && w.richting !== 'in' && w.richting !== 'uit') throw new GebruikFout(`journaal: --richting: '${w.richting}' is niet in of uit`);
  if (w.limiet !== undefined && !/^[1-9]\d{0,6}$/.test(w.limiet)) throw new GebruikFout(`journaal: --limiet: '${w.limiet}' is geen aantal (1 tot 10000000)`);
  return {
    referentienummer: w.referentienummer, zaak: w.zaak, zender: w.zender, operatie: w.operatie, foutcode: w.foutcode, richting: w.richting,
    van: w.van, tot: w.tot, limiet: w.limiet === undefined ? undefined : Number(w.limiet),
  };
}

function regelTekst(r: JournaalRegel): string {
  const wat = [r.richting === 'in' ? `in  ${r.endpoint}` : `uit ${r.endpoint}`, r.operatie ?? '-', r.zender ?? '-', r.ontvanger ? `→ ${r.ontvanger}` : ''].filter(Boolean).join('  ');
  const hoe = `${r.uitkomst}${r.httpStatus ? ` (HTTP ${r.httpStatus})` : ''}${r.herhaald ? ' herhaald' : ''}${r.poging ? ` poging ${r.poging}` : ''}`;
  return `${r.id}  ${r.tijdstip}  ${wat}  ref ${r.referentienummer ?? '-'}${r.crossRefnummer ? ` cross ${r.crossRefnummer}` : ''}  ${hoe}  ${r.ms.toFixed(1)} ms  ${r.grootteVerzoek}/${r.grootteAntwoord} B  zaken: ${r.zaken.join(', ') || '-'}${r.metInhoud ? '  [tekst]' : ''}`;
}

/** The BSNs in message texts, for the protocol row of whoever reads them. */
function bsnsIn(teksten: (string | undefined)[]): string[] {
  const bsns = new Set<string>();
  for (const t of teksten) for (const m of (t ?? '').matchAll(/<(?:[\w.-]+:)?inp\.bsn>\s*([^<\s]+)\s*</g)) bsns.add(m[1]);
  return [...bsns].sort();
}

/** One protocol row for texts read from the journal at the command line. */
async function protocolleer(store: Store, operatie: string, w: Lezer, zaken: string[], teksten: (string | undefined)[]): Promise<void> {
  await store.transactie((tx) =>
    tx.protocol.schrijf({
      tijdstip: new Date().toISOString(),
      soort: 'lezen',
      applicatie: 'journaal',
      gebruiker: w.door!,
      rol: 'beheer',
      via: 'opdrachtregel',
      operatie,
      ...(w.reden ? { doelbinding: w.reden } : {}),
      zaken: [...new Set(zaken)].sort(),
      bsns: bsnsIn(teksten),
    }),
  );
}

async function toon(store: Store, id: string | undefined, w: Lezer & { json?: boolean }, schrijf: (t: string) => void): Promise<number> {
  if (id === undefined || !/^\d{1,15}$/.test(id)) throw new GebruikFout('journaal toon: geef het nummer van een regel (de eerste kolom van journaal lijst)');
  const gevonden = await store.journaal.toon(Number(id));
  if (!gevonden) {
    schrijf(`regel ${id} staat niet in het journaal (of is opgeschoond)\n`);
    return 1;
  }
  const { regel } = gevonden;
  const inhoud: JournaalInhoud | undefined = w.door ? gevonden.inhoud : undefined;
  if (inhoud) await protocolleer(store, 'journaal toon', w, regel.zaken, [inhoud.verzoek, inhoud.antwoord]);
  if (w.json) {
    schrijf(`${JSON.stringify({ ...regel, ...(inhoud ?? {}) }, null, 2)}\n`);
    return 0;
  }
  schrijf(`${regelTekst(regel)}\n`);
  if (!regel.metInhoud) schrijf('(de teksten zijn niet bewaard of al opgeschoond: bewaren.journaalInhoudDagen)\n');
  else if (!w.door) schrijf('(de teksten staan in het journaal; geef --door WIE om ze te zien: dat wordt geprotocolleerd)\n');
  else schrijf(`--- verzoek ---\n${inhoud?.verzoek ?? '(niet bewaard)'}\n--- antwoord ---\n${inhoud?.antwoord ?? '(niet bewaard)'}\n`);
  return 0;
}

const bestandsnaam = (n: number, wat: string) => `${String(n).padStart(3, '0')}-${wat.replace(/[^\w.-]/g, '_').slice(0, 60)}.xml`;

async function exporteer(store: Store, w: Filters & Lezer & { map?: string }, schrijf: (t: string) => void): Promise<number> {
  if (!w.map) throw new GebruikFout('journaal exporteer: geef --map MAP');
  if (!w.door) throw new GebruikFout('journaal exporteer: geef --door WIE (het exporteren van berichtteksten wordt geprotocolleerd)');
  if (existsSync(w.map) && readdirSync(w.map).length > 0) {
    schrijf(`exporteer: ${w.map} is niet leeg; kies een nieuwe of lege map\n`);
    return 1;
  }
  const regels = (await store.journaal.zoek(vraagUit(w))).filter((r) => r.richting === 'in' && r.soort === 'verzoek');
  const stappen: Record<string, unknown>[] = [];
  const bestanden: [string, string][] = [];
  const zaken: string[] = [];
  let overgeslagen = 0;
  for (const r of regels) {
    const inhoud = r.metInhoud ? (await store.journaal.toon(r.id!))?.inhoud : undefined;
    if (!inhoud?.verzoek || inhoud.antwoord === undefined) {
      overgeslagen++;
      continue;
    }
    const n = stappen.length + 1;
    const verzoek = bestandsnaam(n, r.operatie ?? 'verzoek');
    const antwoord = bestandsnaam(n, 'antwoord');
    bestanden.push([verzoek, inhoud.verzoek], [antwoord, inhoud.antwoord]);
    stappen.push({ verzoek, ...(r.actie ? { actie: r.actie } : {}), pad: r.endpoint, antwoord, status: r.httpStatus });
    zaken.push(...r.zaken);
  }
  if (stappen.length === 0) {
    schrijf(`exporteer: geen verzoeken met bewaarde tekst gevonden (${regels.length} gevonden, ${overgeslagen} zonder tekst)\n`);
    return 1;
  }
  await protocolleer(store, 'journaal exporteer', w, zaken, bestanden.map(([, t]) => t));
  mkdirSync(w.map, { recursive: true });
  for (const [naam, tekst] of bestanden) writeFileSync(join(w.map, naam), tekst);
  const omschrijving = `Uit het journaal: ${stappen.length} verzoek(en) van ${regels[0].tijdstip} tot ${regels[regels.length - 1].tijdstip}`;
  writeFileSync(join(w.map, 'gesprek.yaml'), YAML.stringify({ omschrijving, configuratie: {}, stappen }));
  schrijf(`${stappen.length} verzoek(en) geschreven naar ${w.map}${overgeslagen ? `; ${overgeslagen} overgeslagen (tekst niet bewaard)` : ''}\n`);
  return 0;
}

/** Exit code 0, or 1 when what was asked is not there; wrong use is a GebruikFout (exit 2), found before anything is opened. */
export async function journaalOpdracht(config: Config, argv: string[], schrijf: (t: string) => void): Promise<number> {
  const a = leesOpdracht(JOURNAAL, argv);
  if (a.hulp !== undefined) {
    schrijf(`${a.hulp}\n`);
    return 0;
  }
  if (a.sub === 'toon' && a.argumenten.length > 1) throw new GebruikFout(`journaal toon: onverwacht '${a.argumenten[1]}'\n${GEBRUIK}`);
  if (a.sub !== 'toon') vraagUit(a.waarden);
  return metStore(config, async (store) => {
    if (a.sub === 'toon') return toon(store, a.argumenten[0], a.waarden, schrijf);
    if (a.sub === 'exporteer') return exporteer(store, a.waarden, schrijf);
    const regels = await store.journaal.zoek({ ...vraagUit(a.waarden), nieuwste: true });
    if (a.waarden.json) schrijf(`${JSON.stringify(regels, null, 2)}\n`);
    else schrijf(regels.map((r) => `${regelTekst(r)}\n`).join('') || '(geen berichten gevonden)\n');
    return 0;
  });
}
