// Logins under a flood of wrong passwords (issue 15): a logged-in client (HTTP basic, keep-alive, from 127.0.0.1)
// calls genereerZaakIdentificatie alone, and again while four other connections, each from its own loopback address
// (127.0.0.2-5), send wrong passwords for the same user name one after the other. Measured with the default
// throttling (toegang.mislukteInlogs), and with throttling switched off, so the figures show what the throttling buys
// beside the KDF being off the event loop. The goal: the logged-in client keeps at least 80 % of its requests/s.
import { writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { parseConfig } from '../config';
import { hashWachtwoord } from '../toegang/wachtwoord';
import { genereerZaakIdentificatie } from './berichten';
import type { Dienst } from './processen';
import { Generator, Meting, meet } from './meting';
import type { Instellingen } from './instellingen';
import { InlogVariant, regel } from './rapport';

const GEBRUIKER = 'bench';
const WACHTWOORD = 'bench-geheim-wachtwoord';
const AANVALLERS = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'];
const RUN = Date.now().toString(36).slice(-5).toUpperCase();

const basic = (wachtwoord: string) => `Basic ${Buffer.from(`${GEBRUIKER}:${wachtwoord}`).toString('base64')}`;

function genereerGenerator(): Generator {
  let n = 0;
  return () => ({
    verzoek: genereerZaakIdentificatie(`BENCH-INLOG-${RUN}-${++n}`),
    klopt: (body) => body.includes('genereerZaakIdentificatie_Du02'),
  });
}

/** One attacker: wrong passwords on its own keep-alive connection from its own address, until stopped. */
function valAan(poort: number, adres: string, gestopt: () => boolean, tel: (details: string) => void): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1, localAddress: adres } as ConstructorParameters<typeof Agent>[0]);
  let n = 0;
  const een = () =>
    new Promise<void>((klaar, mislukt) => {
      const v = genereerZaakIdentificatie(`BENCH-AANVAL-${RUN}-${adres}-${++n}`);
      const body = Buffer.from(v.body);
      const r = request(
        {
          host: '127.0.0.1', port: poort, path: v.pad, method: 'POST', agent,
          headers: { 'content-type': 'text/xml; charset=utf-8', 'content-length': body.length, soapaction: `"${v.actie}"`, authorization: basic(`fout-${n}`) },
        },
        (res) => {
          let tekst = '';
          res.setEncoding('utf8');
          res.on('data', (s: string) => (tekst += s));
          res.on('end', () => {
            tel(/<(?:\w+:)?details>([^<]*)</.exec(tekst)?.[1] ?? '');
            klaar();
          });
        },
      );
      r.on('error', mislukt);
      r.end(body);
    });
  return (async () => {
    try {
      while (!gestopt()) await een();
    } finally {
      agent.destroy();
    }
  })();
}

/** basic auth over plain HTTP on loopback: point 5's start-up check wants TLS, or says TLS ends at a proxy. */
function achterProxy(): Record<string, unknown> {
  try {
    parseConfig({ server: { tlsBijProxy: true } });
    return { server: { tlsBijProxy: true } };
  } catch {
    return {};
  }
}

async function meetVariant(
  naam: string,
  map: string,
  hash: string,
  toegang: Record<string, unknown>,
  start: (database: string, config: string) => Promise<Dienst>,
  inst: Instellingen,
  schrijf: (s: string) => void,
): Promise<InlogVariant> {
  const config = join(map, `bench-inloggen-${naam.replace(/\W+/g, '_')}.json`);
  writeFileSync(config, JSON.stringify({
    ...achterProxy(),
    toegang: { modus: 'beveiligd', applicaties: [{ zender: { organisatie: '0599', applicatie: 'BENCH' }, rol: 'backoffice', basic: { gebruikersnaam: GEBRUIKER, wachtwoordHash: hash } }], ...toegang },
  }));
  const gateway = await start(join(map, `inloggen-${naam.replace(/\W+/g, '_')}.db`), config);
  try {
    const gen = genereerGenerator();
    const belasting = { verbindingen: inst.verbindingen, headers: { authorization: basic(WACHTWOORD) } };
    if (inst.opwarmen > 0) await meet(gateway.url, gen, { ...belasting, seconden: inst.opwarmen });
    const alleen = await meet(gateway.url, gen, { ...belasting, seconden: inst.seconden });
    schrijf(regel(`logged-in client alone (${naam})`, gateway.naam, alleen));

    let stop = false;
    let naKdf = 0;
    let geblokkeerd = 0;
    const tel = (details: string) => (details.includes('te veel mislukte') ? geblokkeerd++ : naKdf++);
    const poort = Number(new URL(gateway.url).port);
    const aanvallers = AANVALLERS.map((a) => valAan(poort, a, () => stop, tel));
    // The flood's first seconds (the KDF runs until the limits block it), then the flood going on.
    const begin = await meet(gateway.url, gen, { ...belasting, seconden: inst.seconden });
    const [beginKdf, beginGeblokkeerd] = [naKdf, geblokkeerd];
    const onderAanval = await meet(gateway.url, gen, { ...belasting, seconden: inst.seconden });
    stop = true;
    await Promise.all(aanvallers);
    if (!gateway.levend()) throw new Error(`gateway died during the login flood:\n${gateway.uitvoer()}`);
    const verhouding = onderAanval.perSeconde / alleen.perSeconde;
    const verhoudingBegin = begin.perSeconde / alleen.perSeconde;
    schrijf(regel(`  + 4 wrong-password conns, first ${inst.seconden} s`, gateway.naam, begin));
    schrijf(`      ratio ${verhoudingBegin.toFixed(3)}; p99 ${alleen.p99Ms.toFixed(1)} -> ${begin.p99Ms.toFixed(1)} ms; attackers: ${beginKdf} refused after a KDF run, ${beginGeblokkeerd} throttled`);
    schrijf(regel(`  + 4 wrong-password conns, next ${inst.seconden} s`, gateway.naam, onderAanval));
    schrijf(`      ratio ${verhouding.toFixed(3)} (goal >= 0.80); p99 ${alleen.p99Ms.toFixed(1)} -> ${onderAanval.p99Ms.toFixed(1)} ms; attackers: ${naKdf - beginKdf} refused after a KDF run, ${geblokkeerd - beginGeblokkeerd} throttled`);
    for (const e of [...alleen.foutvoorbeelden, ...begin.foutvoorbeelden, ...onderAanval.foutvoorbeelden]) schrijf(`      ${e.aantal} x ${e.tekst}`);
    return { naam, alleen, begin, verhoudingBegin, onderAanval, verhouding, aanvalNaKdf: naKdf, aanvalGeblokkeerd: geblokkeerd };
  } finally {
    await gateway.stop();
  }
}

export async function meetInloggen(
  map: string,
  start: (database: string, config: string) => Promise<Dienst>,
  inst: Instellingen,
  schrijf: (s: string) => void,
): Promise<InlogVariant[]> {
  const hash = await hashWachtwoord(WACHTWOORD); // what `node dist/main.js wachtwoord` makes: $scrypt$ln=17,r=8,p=1
  return [
    await meetVariant('throttled', map, hash, {}, start, inst, schrijf),
    await meetVariant('no throttling', map, hash, { mislukteInlogs: { perAdres: 1e9, perGebruiker: 1e9 } }, start, inst, schrijf),
  ];
}
