// Replays recorded conversations (fixtures/<gesprek>/) against a gateway: in-process on a fresh temporary
// database, or over HTTP against a running one (--url). --vastleggen records the answers as the expected ones.
// A step may also expect notifications: the replay then plays the subscribers (ontvanger.ts) and compares what the
// gateway delivered to them after the step like an answer.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import pino from 'pino';
import { bouwApp } from '../app';
import { Config, parseConfig } from '../config';
import { Gesprek, leesGesprek } from './gesprek';
import { verschillen } from './vergelijk';
import { Bezorgd, ReplayOntvanger, metOntvanger } from './ontvanger';
import { GebruikFout, VLAG, WAARDE, leesOpdracht, opdracht } from '../opdracht/argumenten';

export interface Antwoord {
  status: number;
  body: string;
}

export type Verzender = (body: string, actie: string | undefined, pad: string) => Promise<Antwoord>;

export interface StapUitkomst {
  stap: string;
  verschillen: string[];
  /** How many notifications the step expected and were checked; undefined when they were not checked. */
  notificaties?: number;
}

export interface Opties {
  url?: string;
  vastleggen?: boolean;
  /** Base configuration for in-process replays (the conversation's own overrides are applied on top). */
  basis?: Record<string, unknown>;
  /**
   * With url: the loopback port the replay's receiver listens on, where the running gateway's destinations point.
   * Without it a replay against a running gateway does not check notifications.
   */
  ontvangerPoort?: number;
  /** How long a step may take to have its notifications delivered (ms). */
  wachttijdMs?: number;
}

function viaHttp(url: string): Verzender {
  return async (body, actie, pad) => {
    const headers: Record<string, string> = { 'content-type': 'text/xml; charset=utf-8' };
    if (actie) headers.soapaction = actie;
    const r = await fetch(url.replace(/\/+$/, '') + pad, { method: 'POST', headers, body });
    return { status: r.status, body: await r.text() };
  };
}

const pauze = (ms: number) => new Promise((klaar) => setTimeout(klaar, ms));

/**
 * Waits until what a step caused has been delivered. In-process the outbox itself tells: nothing is waiting any
 * more. Against a running gateway the replay can only count: it waits for as many messages as it expects, then a
 * moment longer for any it does not.
 */
type Afwachten = (verwacht: number) => Promise<string[]>;

/** Compares (or records) the notifications of one step; returns the differences. */
function vergelijkNotificaties(stap: Gesprek['stappen'][number], bezorgd: Bezorgd[], vastleggen: boolean): string[] {
  const fouten: string[] = [];
  const namen = [...new Set([...stap.notificaties.map((n) => n.bestemming), ...bezorgd.map((b) => b.bestemming)])];
  for (const naam of namen) {
    const verwacht = stap.notificaties.filter((n) => n.bestemming === naam);
    const over = bezorgd.filter((b) => b.bestemming === naam);
    if (vastleggen) {
      for (const n of verwacht) {
        const b = over.shift();
        if (b) writeFileSync(n.pad, b.body);
        else fouten.push(`notificatie aan ${naam} (${basename(n.pad)}) is niet bezorgd`);
      }
    } else {
      for (const n of verwacht) {
        const tekst = readFileSync(n.pad, 'utf8');
        // Messages about different zaken may overtake each other: any delivered one that matches will do.
        const gelijk = over.findIndex((b) => verschillen(tekst, b.body).length === 0);
        if (gelijk >= 0) {
          over.splice(gelijk, 1);
          continue;
        }
        if (over.length === 0) {
          fouten.push(`notificatie aan ${naam} (${basename(n.pad)}) is niet bezorgd`);
          continue;
        }
        fouten.push(`notificatie aan ${naam} (${basename(n.pad)}) verschilt:`, ...verschillen(tekst, over[0].body).map((v) => `  ${v}`));
        over.shift();
      }
    }
    for (const b of over) fouten.push(`onverwachte notificatie aan ${naam} (SOAPAction ${b.actie || '-'}): ${samenvatting(b.body)}`);
  }
  return fouten;
}

/** The zaak and gebeurtenis of a notification, to name an unexpected one. */
function samenvatting(body: string): string {
  const id = /<(?:\w+:)?identificatie>([^<]*)</.exec(body)?.[1];
  const gebeurtenis = /naam="gebeurtenis"[^>]*>([^<]*)</.exec(body)?.[1];
  return `zaak ${id ?? '?'}, gebeurtenis ${gebeurtenis ?? '?'}`;
}

/** Runs one conversation; every step's answer is compared with (or, when recording, written as) the expected one. */
export async function speelGesprek(gesprek: Gesprek, opties: Opties = {}): Promise<StapUitkomst[]> {
  const wachttijd = opties.wachttijdMs ?? 15000;
  const metNotificaties = gesprek.stappen.some((s) => s.notificaties.length > 0) || JSON.stringify(gesprek.configuratie).includes('{ontvanger}');
  let ontvanger: ReplayOntvanger | undefined;
  let opruimen = async () => {};
  let stuur: Verzender;
  let afwachten: Afwachten | undefined;
  try {
    if (opties.url) {
      stuur = viaHttp(opties.url);
      if (metNotificaties && opties.ontvangerPoort !== undefined) {
        const o = (ontvanger = await new ReplayOntvanger().start(opties.ontvangerPoort));
        afwachten = async (verwacht) => {
          const eind = Date.now() + wachttijd;
          while (o.ontvangen.length < verwacht && Date.now() < eind) await pauze(20);
          await pauze(300);
          return [];
        };
      }
    } else {
      const map = mkdtempSync(join(tmpdir(), 'zdsgw-replay-'));
      let configuratie = gesprek.configuratie;
      if (metNotificaties) {
        ontvanger = await new ReplayOntvanger().start();
        configuratie = metOntvanger(configuratie, ontvanger.adres);
      }
      const config: Config = parseConfig({ ...opties.basis, ...configuratie, database: { path: join(map, 'replay.db') } });
      const app = await bouwApp({ config, log: pino({ level: 'silent' }) });
      stuur = async (body, actie, pad) => {
        const r = await app.inject({ method: 'POST', url: pad, payload: body, headers: { 'content-type': 'text/xml; charset=utf-8', ...(actie ? { soapaction: actie } : {}) } });
        return { status: r.statusCode, body: r.body };
      };
      if (ontvanger) {
        afwachten = async () => {
          const eind = Date.now() + wachttijd;
          const wachtend = async () => (await app.gateway.store.uitgaand.tellingen()).filter((t) => t.status === 'wachtend').reduce((n, t) => n + t.aantal, 0);
          for (let aantal = await wachtend(); aantal > 0; aantal = await wachtend()) {
            if (Date.now() > eind) return [`na ${wachttijd} ms wachten nog ${aantal} bericht(en) op bezorging`];
            await pauze(20);
          }
          return [];
        };
      }
      opruimen = async () => {
        await app.close();
        rmSync(map, { recursive: true, force: true });
      };
    }
    const uitkomsten: StapUitkomst[] = [];
    for (const s of gesprek.stappen) {
      const a = await stuur(s.verzoekXml, s.actie, s.pad);
      const fouten: string[] = [];
      if (afwachten && ontvanger) {
        fouten.push(...(await afwachten(s.notificaties.length)));
        fouten.push(...vergelijkNotificaties(s, ontvanger.neem(), opties.vastleggen === true));
      }
      if (opties.vastleggen) writeFileSync(s.antwoordPad, a.body);
      else {
        if (a.status !== s.status) fouten.unshift(`HTTP-status ${a.status}, verwacht ${s.status}`);
        fouten.push(...verschillen(readFileSync(s.antwoordPad, 'utf8'), a.body));
      }
      uitkomsten.push({ stap: s.verzoek, verschillen: fouten, notificaties: afwachten ? s.notificaties.length : undefined });
    }
    return uitkomsten;
  } finally {
    await opruimen();
    await ontvanger?.stop();
  }
}

/** A conversation folder, or a folder of conversation folders. */
export function vindGesprekken(map: string): string[] {
  if (existsSync(join(map, 'gesprek.yaml'))) return [map];
  return readdirSync(map)
    .map((d) => join(map, d))
    .filter((d) => statSync(d).isDirectory() && existsSync(join(d, 'gesprek.yaml')))
    .sort();
}

const REPLAY_GEBRUIK = 'gebruik: replay <map> [--url http://host:poort [--ontvanger-poort N]] [--vastleggen]';

export const REPLAY = opdracht({
  naam: 'replay',
  gebruik: REPLAY_GEBRUIK,
  opties: { url: WAARDE, 'ontvanger-poort': WAARDE, vastleggen: VLAG },
  argumenten: true,
});

/**
 * The replay command: prints one line per step, exit status 1 when any answer differs. Without exactly one folder,
 * or with a port that is no number, it throws a GebruikFout (exit status 2).
 */
export async function replay(args: string[], schrijf: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const a = leesOpdracht(REPLAY, args);
  if (a.hulp !== undefined) return (schrijf(`${a.hulp}\n`), 0);
  const { url, 'ontvanger-poort': poort, vastleggen } = a.waarden;
  if (a.argumenten.length !== 1) throw new GebruikFout(`replay: geef één map\n${REPLAY_GEBRUIK}`);
  if (poort !== undefined && !/^\d+$/.test(poort)) throw new GebruikFout(`replay: --ontvanger-poort '${poort}' is geen poortnummer\n${REPLAY_GEBRUIK}`);
  const [map] = a.argumenten;
  let afwijkend = 0;
  for (const m of vindGesprekken(map)) {
    const gesprek = leesGesprek(m);
    schrijf(`${m}: ${gesprek.omschrijving}\n`);
    const uitkomsten = await speelGesprek(gesprek, { url, vastleggen: vastleggen === true, ontvangerPoort: poort === undefined ? undefined : Number(poort) });
    for (const u of uitkomsten) {
      const bij = u.notificaties ? ` (+${u.notificaties} notificatie${u.notificaties > 1 ? 's' : ''})` : '';
      if (u.verschillen.length === 0) schrijf(`  ok        ${u.stap}${bij}\n`);
      else {
        afwijkend++;
        schrijf(`  VERSCHIL  ${u.stap}${bij}\n${u.verschillen.map((v) => `            ${v}\n`).join('')}`);
      }
    }
    if (gesprek.stappen.some((s) => s.notificaties.length > 0) && uitkomsten.every((u) => u.notificaties === undefined)) {
      schrijf('  (notificaties niet gecontroleerd: geef --ontvanger-poort en laat de bestemmingen van de gateway daarheen wijzen)\n');
    }
  }
  return afwijkend === 0 ? 0 : 1;
}
