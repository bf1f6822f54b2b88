// One measurement: autocannon against a server for a number of seconds, with a fresh body per request and every
// answer checked. Latencies are collected here at full resolution: autocannon's own histogram rounds to whole
// milliseconds, too coarse for sub-millisecond answers on loopback.
import autocannon from 'autocannon';
import { Soapverzoek } from './berichten';

export interface Verzoek {
  verzoek: Soapverzoek;
  /** True when the answer body is what this request should get (status 200 is checked separately). */
  klopt(body: string): boolean;
}

/** A load case: how to build the next request. Called once per request, so counters give unique bodies. */
export type Generator = () => Verzoek;

export interface Belasting {
  seconden: number;
  verbindingen: number;
  /** Sent with every request (an Authorization header for the secured cases). */
  headers?: Record<string, string>;
}

export interface Meting {
  seconden: number;
  goed: number;
  fouten: number;
  perSeconde: number;
  p50Ms: number;
  p99Ms: number;
  /** A few failed answers (status and faultstring), with how often each occurred. */
  foutvoorbeelden: { tekst: string; aantal: number }[];
  /** The first good answer: the ceiling server returns one of the same size. */
  voorbeeld?: { body: string; contentType: string };
}

function percentiel(gesorteerd: Float64Array, p: number): number {
  if (gesorteerd.length === 0) return NaN;
  return gesorteerd[Math.min(gesorteerd.length - 1, Math.max(0, Math.ceil((p / 100) * gesorteerd.length) - 1))];
}

/** Status, StUF foutcode and details of a failed answer; numbers masked so that equal faults group together. */
function foutSamenvatting(status: number, body: string): string {
  if (status === 200) return `200 unexpected answer ${/<\w+:Body>\s*<([\w:]+)/.exec(body)?.[1] ?? body.slice(0, 120)}`;
  const tekst = (naam: string) => new RegExp(`<(?:\\w+:)?${naam}>([^<]*)<`).exec(body)?.[1];
  const uitleg = tekst('details') ?? tekst('faultstring') ?? body;
  return `${status} ${tekst('code') ?? ''} ${uitleg.slice(0, 200)}`.replace(/\d{4,}/g, '#').replace(/\s+/g, ' ');
}

/**
 * `url`: one server, or several (gateway instances behind a load balancer): then one autocannon per server, each
 * with `verbindingen` connections, all drawing from the one generator; the figures are over all answers together.
 */
export async function meet(url: string | readonly string[], volgende: Generator, b: Belasting): Promise<Meting> {
  const urls = typeof url === 'string' ? [url] : url;
  const s: Stand = { latenties: new Float64Array(1 << 16), n: 0, goed: 0, afgekeurd: 0, fouten: new Map() };
  const runs = await Promise.all(urls.map((u) => eenAutocannon(u, volgende, b, s)));
  const seconden = Math.max(...runs.map((r) => r.duration));
  const gesorteerd = s.latenties.slice(0, s.n).sort();
  return {
    seconden,
    goed: s.goed,
    fouten: s.afgekeurd + runs.reduce((t, r) => t + r.errors, 0),
    perSeconde: s.goed / seconden,
    p50Ms: percentiel(gesorteerd, 50),
    p99Ms: percentiel(gesorteerd, 99),
    foutvoorbeelden: [...s.fouten].sort((x, y) => y[1] - x[1]).slice(0, 5).map(([tekst, aantal]) => ({ tekst, aantal })),
    voorbeeld: s.voorbeeld,
  };
}

/** What the autocannon instances of one measurement collect together. */
interface Stand {
  latenties: Float64Array;
  n: number;
  goed: number;
  afgekeurd: number;
  fouten: Map<string, number>;
  voorbeeld?: Meting['voorbeeld'];
}

function eenAutocannon(url: string, volgende: Generator, b: Belasting, s: Stand): Promise<autocannon.Result> {
  let laatsteGoed = false;
  const verzoek: autocannon.Request = {
    method: 'POST',
    setupRequest(req, context) {
      const v = volgende();
      context.klopt = v.klopt;
      return {
        ...req,
        method: 'POST',
        path: v.verzoek.pad,
        headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${v.verzoek.actie}"`, ...b.headers },
        body: v.verzoek.body,
      };
    },
    onResponse(status, body, context, headers) {
      laatsteGoed = status === 200 && (context.klopt as Verzoek['klopt'])(body);
      if (laatsteGoed) {
        s.goed++;
        if (!s.voorbeeld) {
          const ct = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
          s.voorbeeld = { body, contentType: String(ct ?? 'text/xml; charset=utf-8') };
        }
      } else {
        s.afgekeurd++;
        const tekst = foutSamenvatting(status, body);
        if (s.fouten.size < 20 || s.fouten.has(tekst)) s.fouten.set(tekst, (s.fouten.get(tekst) ?? 0) + 1);
      }
    },
  };

  return new Promise((resolve, reject) => {
    const instantie = autocannon(
      { url, connections: b.verbindingen, pipelining: 1, duration: b.seconden, requests: [verzoek] },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    // Emitted synchronously right after onResponse for the same answer (of this instance), so laatsteGoed belongs to it.
    instantie.on('response', (_client, _status, _bytes, ms) => {
      if (!laatsteGoed) return;
      if (s.n === s.latenties.length) {
        const groter = new Float64Array(s.latenties.length * 2);
        groter.set(s.latenties);
        s.latenties = groter;
      }
      s.latenties[s.n++] = ms;
    });
  });
}
