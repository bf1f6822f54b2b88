// Replays recorded conversations (fixtures/<gesprek>/) against a gateway: in-process on a fresh temporary
// database, or over HTTP against a running one (--url). --vastleggen records the answers as the expected ones.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { bouwApp } from '../app';
import { Config, parseConfig } from '../config';
import { Gesprek, leesGesprek } from './gesprek';
import { verschillen } from './vergelijk';

export interface Antwoord {
  status: number;
  body: string;
}

export type Verzender = (body: string, actie: string | undefined, pad: string) => Promise<Antwoord>;

export interface StapUitkomst {
  stap: string;
  verschillen: string[];
}

export interface Opties {
  url?: string;
  vastleggen?: boolean;
  /** Base configuration for in-process replays (the conversation's own overrides are applied on top). */
  basis?: Record<string, unknown>;
}

function viaHttp(url: string): Verzender {
  return async (body, actie, pad) => {
    const headers: Record<string, string> = { 'content-type': 'text/xml; charset=utf-8' };
    if (actie) headers.soapaction = actie;
    const r = await fetch(url.replace(/\/+$/, '') + pad, { method: 'POST', headers, body });
    return { status: r.status, body: await r.text() };
  };
}

/** Runs one conversation; every step's answer is compared with (or, when recording, written as) the expected one. */
export async function speelGesprek(gesprek: Gesprek, opties: Opties = {}): Promise<StapUitkomst[]> {
  let opruimen = async () => {};
  let stuur: Verzender;
  if (opties.url) stuur = viaHttp(opties.url);
  else {
    const map = mkdtempSync(join(tmpdir(), 'zdsgw-replay-'));
    const config: Config = parseConfig({ ...opties.basis, ...gesprek.configuratie, database: { path: join(map, 'replay.db') } });
    const app = await bouwApp({ config, log: pino({ level: 'silent' }) });
    stuur = async (body, actie, pad) => {
      const r = await app.inject({ method: 'POST', url: pad, payload: body, headers: { 'content-type': 'text/xml; charset=utf-8', ...(actie ? { soapaction: actie } : {}) } });
      return { status: r.statusCode, body: r.body };
    };
    opruimen = async () => {
      await app.close();
      rmSync(map, { recursive: true, force: true });
    };
  }
  const uitkomsten: StapUitkomst[] = [];
  try {
    for (const s of gesprek.stappen) {
      const a = await stuur(s.verzoekXml, s.actie, s.pad);
      if (opties.vastleggen) {
        writeFileSync(s.antwoordPad, a.body);
        uitkomsten.push({ stap: s.verzoek, verschillen: [] });
        continue;
      }
      const fouten = a.status !== s.status ? [`HTTP-status ${a.status}, verwacht ${s.status}`] : [];
      fouten.push(...verschillen(readFileSync(s.antwoordPad, 'utf8'), a.body));
      uitkomsten.push({ stap: s.verzoek, verschillen: fouten });
    }
  } finally {
    await opruimen();
  }
  return uitkomsten;
}

/** A conversation folder, or a folder of conversation folders. */
export function vindGesprekken(map: string): string[] {
  if (existsSync(join(map, 'gesprek.yaml'))) return [map];
  return readdirSync(map)
    .map((d) => join(map, d))
    .filter((d) => statSync(d).isDirectory() && existsSync(join(d, 'gesprek.yaml')))
    .sort();
}

/** The replay command: prints one line per step, exit status 1 when any answer differs. */
export async function replay(args: string[], schrijf: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const map = args.find((a) => !a.startsWith('--'));
  const urlIndex = args.indexOf('--url');
  const url = urlIndex >= 0 ? args[urlIndex + 1] : undefined;
  if (!map) {
    schrijf('gebruik: replay <map> [--url http://host:poort] [--vastleggen]\n');
    return 2;
  }
  let afwijkend = 0;
  for (const m of vindGesprekken(map)) {
    const gesprek = leesGesprek(m);
    schrijf(`${m}: ${gesprek.omschrijving}\n`);
    for (const u of await speelGesprek(gesprek, { url, vastleggen: args.includes('--vastleggen') })) {
      if (u.verschillen.length === 0) schrijf(`  ok        ${u.stap}\n`);
      else {
        afwijkend++;
        schrijf(`  VERSCHIL  ${u.stap}\n${u.verschillen.map((v) => `            ${v}\n`).join('')}`);
      }
    }
  }
  return afwijkend === 0 ? 0 : 1;
}
