// The attack case: each attack body is sent once to a freshly started gateway while a second client calls GET /health
// continuously, one call at a time; the longest of those waits is what every other caller of the gateway would have
// waited. An attack that takes longer than the cap is abandoned (and its gateway killed) instead of hanging the bench.
// Afterwards a normal creeerZaak must still be acknowledged.
import { Agent, ClientRequest, request } from 'node:http';
import { AANVALLEN, AANVAL_ACTIE, AANVAL_PAD, Aanval } from './aanvallen';
import { creeerZaak } from './berichten';
import { geheugen } from './documenten';
import type { Dienst } from './processen';

/** Issue 13's acceptance: no attack makes /health wait longer than this on the development machine. */
export const DREMPEL_MS = 200;
/** /health keeps being called this long after the attack's answer: freeing a huge tree may pause the process too. */
const NALOOP_MS = 250;
/** How long the normal creeerZaak after an attack may take. */
const DAARNA_MS = 10_000;
const MB = 1024 * 1024;

export interface AanvalMeting {
  naam: string;
  megabytes: number;
  /** The longest /health wait while the attack was handled (a call still open at the end counts with its time so far). */
  langsteHealthMs: number;
  /** A /health call was still waiting when the measurement ended: the longest wait is a lower bound. */
  healthNogOpen: boolean;
  healthAantal: number;
  /** The attack's answer: HTTP status, StUF foutcode and plek when it is a fault; or why there was none. */
  antwoord: Antwoord;
  /** Peak resident memory of the gateway process (Linux VmHWM), MB. */
  piekRssMb?: number;
  /** The normal creeerZaak sent afterwards. */
  daarna: { gelukt: boolean; tekst: string };
}

type Antwoord =
  | { soort: 'antwoord'; status: number; code?: string; plek?: string; seconden: number }
  | { soort: 'afgebroken'; seconden: number }
  | { soort: 'verbindingsfout'; fout: string; seconden: number };

const tekstVan = (body: string, naam: string) => new RegExp(`<(?:\\w+:)?${naam}>([^<]*)<`).exec(body)?.[1];

function opDrain(req: ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const verder = () => {
      req.off('drain', verder).off('close', verder);
      resolve();
    };
    req.on('drain', verder).on('close', verder);
  });
}

/** POSTs the pieces (respecting backpressure) and reads the answer, giving up after `capMs`. */
function stuur(url: string, contentType: string, stukken: Buffer[], capMs: number): Promise<Antwoord & { body?: string }> {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const seconden = () => Number(process.hrtime.bigint() - start) / 1e9;
    let klaar = false;
    const einde = (a: Antwoord & { body?: string }) => {
      if (klaar) return;
      klaar = true;
      clearTimeout(klok);
      req.destroy();
      resolve(a);
    };
    const lengte = stukken.reduce((n, s) => n + s.length, 0);
    const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': contentType, soapaction: `"${AANVAL_ACTIE}"`, 'content-length': lengte } }, (res) => {
      const delen: Buffer[] = [];
      let bytes = 0;
      res.on('data', (d: Buffer) => {
        bytes += d.length;
        if (bytes <= MB) delen.push(d);
      });
      res.on('end', () => {
        const body = Buffer.concat(delen).toString('utf8');
        einde({ soort: 'antwoord', status: res.statusCode ?? 0, code: tekstVan(body, 'code'), plek: tekstVan(body, 'plek'), seconden: seconden(), body });
      });
      res.on('error', (e) => einde({ soort: 'verbindingsfout', fout: e.message, seconden: seconden() }));
    });
    const klok = setTimeout(() => einde({ soort: 'afgebroken', seconden: seconden() }), capMs);
    // A gateway that answers before it has read everything may close the connection under our writes: the answer counts.
    req.on('error', (e) => setTimeout(() => einde({ soort: 'verbindingsfout', fout: (e as NodeJS.ErrnoException).code ?? e.message, seconden: seconden() }), 50));
    void (async () => {
      for (const s of stukken) {
        if (klaar || req.destroyed) return;
        if (!req.write(s)) await opDrain(req);
      }
      req.end();
    })();
  });
}

/** GET /health in a loop, one call at a time over one kept-alive connection, keeping the longest wait. */
function peilGezondheid(url: string): { stop(): { langsteMs: number; aantal: number; nogOpen: boolean } } {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let gestopt = false;
  let langste = 0;
  let aantal = 0;
  let lopendSinds: number | undefined;
  const een = () =>
    new Promise<void>((resolve) => {
      const req = request(`${url}/health`, { agent }, (res) => {
        res.resume();
        res.on('end', resolve);
        res.on('error', () => resolve());
      });
      req.on('error', () => setTimeout(resolve, 10));
      req.end();
    });
  void (async () => {
    while (!gestopt) {
      lopendSinds = performance.now();
      await een();
      if (gestopt) break;
      langste = Math.max(langste, performance.now() - lopendSinds);
      lopendSinds = undefined;
      aantal++;
    }
  })();
  return {
    stop() {
      gestopt = true;
      const nogOpen = lopendSinds !== undefined && performance.now() - lopendSinds > langste;
      if (lopendSinds !== undefined) langste = Math.max(langste, performance.now() - lopendSinds);
      agent.destroy();
      return { langsteMs: langste, aantal, nogOpen };
    },
  };
}

async function meetAanval(gateway: Dienst, aanval: Aanval, capSeconden: number): Promise<AanvalMeting> {
  const stukken = aanval.body();
  const megabytes = stukken.reduce((n, s) => n + s.length, 0) / 1e6;
  const peiler = peilGezondheid(gateway.url);
  await new Promise((r) => setTimeout(r, 50)); // a few calls before: the baseline wait
  const { body: _b, ...antwoord } = await stuur(`${gateway.url}${AANVAL_PAD}`, aanval.contentType, stukken, capSeconden * 1000);
  stukken.length = 0;
  if (antwoord.soort !== 'afgebroken') await new Promise((r) => setTimeout(r, NALOOP_MS));
  const { langsteMs, aantal, nogOpen } = peiler.stop();
  let piekRssMb: number | undefined;
  try {
    piekRssMb = geheugen(gateway.pid).piek / MB;
  } catch {
    // the process is gone
  }
  let daarna: AanvalMeting['daarna'];
  if (!gateway.levend()) {
    daarna = { gelukt: false, tekst: 'not tried: the gateway process exited' };
  } else {
    const id = `0599NAAANVAL${process.pid}${Date.now().toString().slice(-6)}`;
    const cz = creeerZaak(id, `BENCH-NA-AANVAL-${id}`, 1);
    const a = await stuur(`${gateway.url}${cz.pad}`, 'text/xml; charset=utf-8', [Buffer.from(cz.body)], DAARNA_MS);
    const gelukt = a.soort === 'antwoord' && a.status === 200 && (a.body ?? '').includes('Bv03Bericht');
    daarna = {
      gelukt,
      tekst: gelukt ? 'Bv03' : a.soort === 'antwoord' ? `HTTP ${a.status} ${a.code ?? ''}`.trim() : a.soort === 'afgebroken' ? `no answer within ${DAARNA_MS / 1000} s` : a.fout,
    };
  }
  return { naam: aanval.naam, megabytes, langsteHealthMs: langsteMs, healthNogOpen: nogOpen, healthAantal: aantal, antwoord, piekRssMb, daarna };
}

export function antwoordTekst(a: Antwoord, capSeconden: number): string {
  if (a.soort === 'afgebroken') return `> ${capSeconden} s, abandoned`;
  if (a.soort === 'verbindingsfout') return `${a.fout} after ${a.seconden.toFixed(2)} s`;
  return `${a.status}${a.code ? ` ${a.code}` : ''}${a.plek ? ` ${a.plek}` : ''} in ${a.seconden.toFixed(2)} s`;
}

export const grootte = (megabytes: number) => (megabytes < 1 ? `${(megabytes * 1000).toFixed(0)} KB` : `${megabytes.toFixed(1)} MB`);

export const oordeel = (m: AanvalMeting) => (m.langsteHealthMs <= DREMPEL_MS ? `ok (<= ${DREMPEL_MS} ms)` : `TOO SLOW (> ${DREMPEL_MS} ms)`);

export function aanvalRegel(m: AanvalMeting, capSeconden: number): string {
  const health = `${m.healthNogOpen ? '>' : ''}${m.langsteHealthMs.toFixed(1)}`;
  return (
    `  ${`${m.naam} (${grootte(m.megabytes)})`.padEnd(50)} /health max ${health.padStart(8)} ms over ${String(m.healthAantal).padStart(6)} calls  ` +
    `${oordeel(m).padEnd(19)} answer ${antwoordTekst(m.antwoord, capSeconden).padEnd(28)} peak RSS ${m.piekRssMb?.toFixed(0) ?? '-'} MB; creeerZaak afterwards: ${m.daarna.tekst}`
  );
}

/** Every attack on its own fresh gateway: what one attack leaves behind (memory, a stuck loop) must not count for the next. */
export async function meetAanvallen(start: () => Promise<Dienst>, capSeconden: number, log: (s: string) => void): Promise<AanvalMeting[]> {
  const uit: AanvalMeting[] = [];
  for (const aanval of AANVALLEN) {
    const gateway = await start();
    let m: AanvalMeting | undefined;
    try {
      m = await meetAanval(gateway, aanval, capSeconden);
      uit.push(m);
      log(aanvalRegel(m, capSeconden));
    } finally {
      await gateway.stop(!m || m.antwoord.soort === 'afgebroken' || !m.daarna.gelukt);
    }
  }
  return uit;
}
