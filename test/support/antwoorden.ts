// Reading answers back in tests: the stored state is asserted through what geefZaakstatus / geefZaakdetails say,
// and every fault is checked to be a clean StUF fault (SOAP Fault, Fo02/Fo03 in detail, StUF code, no stack trace).
import { NS } from '../../src/stuf/namespaces';
import { XElement, attr, child, children, parseXml, path } from '../../src/stuf/xml';
import { bericht } from './soap';

export interface HttpAntwoord {
  status: number;
  body: string;
  headers: Record<string, unknown>;
}

/** The one antwoord/object of a La01 (undefined when the La01 has no antwoord). */
export function antwoordObject(body: string): XElement | undefined {
  return path(bericht(body), 'antwoord', 'object');
}

export const tekst = (e: XElement | undefined, ...pad: string[]): string | undefined => path(e, ...pad)?.text;

/** What identifies the gerelateerde of a relation: BSN, medewerker-id, vestigingsnummer or zaakidentificatie. */
export function sleutelVan(relatie: XElement): string | undefined {
  const g = child(relatie, 'gerelateerde');
  if (!g) return undefined;
  if (child(g, 'identificatie')) return tekst(g, 'identificatie'); // another zaak (ZAK gerelateerde)
  const b = g.children[0];
  return tekst(b, 'inp.bsn') ?? tekst(b, 'vestigingsNummer') ?? tekst(b, 'identificatie') ?? tekst(b, 'inn.nnpId');
}

/** The gerelateerde keys of every relation with this name, in answer order. */
export const sleutels = (object: XElement | undefined, relatie: string): (string | undefined)[] => children(object, relatie).map(sleutelVan);

export interface StatusRegel {
  volgnummer?: string;
  omschrijving?: string;
  toelichting?: string;
  datumStatusGezet?: string;
  indicatieLaatsteStatus?: string;
}

export function statussen(object: XElement | undefined): StatusRegel[] {
  return children(object, 'heeft').map((h) => {
    const r: StatusRegel = {};
    const put = (k: keyof StatusRegel, e: XElement | undefined) => {
      if (e && attr(e, NS.xsi, 'nil') !== 'true') r[k] = e.text;
    };
    put('volgnummer', path(h, 'gerelateerde', 'volgnummer'));
    put('omschrijving', path(h, 'gerelateerde', 'omschrijving'));
    put('toelichting', child(h, 'toelichting'));
    put('datumStatusGezet', child(h, 'datumStatusGezet'));
    put('indicatieLaatsteStatus', child(h, 'indicatieLaatsteStatus'));
    return r;
  });
}

/** An element tree as comparable data; our own technical key (sleutelVerzendend) differs per store, so it is left out. */
export function vergelijkbaar(e: XElement): unknown {
  return {
    el: `{${e.ns}}${e.local}`,
    attrs: e.attrs.filter((a) => !(a.ns === NS.stuf && a.local === 'sleutelVerzendend')).map((a) => `{${a.ns}}${a.local}=${a.value}`).sort(),
    tekst: e.text,
    kinderen: e.children.map(vergelijkbaar),
  };
}

export function isNilElement(e: XElement | undefined): boolean {
  return !!e && attr(e, NS.xsi, 'nil') === 'true';
}

export interface Fout {
  soort: string;
  code: string;
  plek?: string;
  details?: string;
  faultcode?: string;
  soap: '1.1' | '1.2';
}

const STACK = /\bat \S+ \(|\.ts:\d+|\.js:\d+|node_modules|TypeError|ReferenceError|SyntaxError/;

/**
 * Asserts a clean StUF fault: HTTP 500, an XML content type, a SOAP Fault whose detail holds a Fo02/Fo03 with a
 * StUF code, and nothing that looks like a stack trace. Returns what it found.
 */
export function schoneFout(r: HttpAntwoord): Fout {
  expect(r.status).toBe(500);
  expect(String(r.headers['content-type'])).toMatch(/^(text\/xml|application\/soap\+xml)/);
  expect(r.body).not.toMatch(STACK);
  const env = parseXml(r.body);
  expect(env.local).toBe('Envelope');
  const soap = env.ns === NS.soap12 ? '1.2' : '1.1';
  const fault = child(child(env, 'Body', env.ns), 'Fault', env.ns);
  expect(fault).toBeDefined();
  const fo = bericht(r.body);
  expect(fo.ns).toBe(NS.stuf);
  expect(fo.local).toMatch(/^Fo0[23]Bericht$/);
  const code = tekst(fo, 'body', 'code') ?? '';
  expect(code).toMatch(/^StUF\d{3}$/);
  return {
    soort: fo.local.slice(0, 4),
    code,
    plek: tekst(fo, 'body', 'plek'),
    details: tekst(fo, 'body', 'details'),
    faultcode: soap === '1.1' ? tekst(fault, 'faultcode') : tekst(fault, 'Code', 'Value'),
    soap,
  };
}

/** Asserts a successful answer and returns its message element. */
export function goed(r: HttpAntwoord): XElement {
  if (r.status !== 200) throw new Error(`verwacht HTTP 200, kreeg ${r.status}:\n${r.body}`);
  return bericht(r.body);
}

/** The antwoord/object of a successful La01 (undefined when the La01 has no antwoord). */
export function objectUit(r: HttpAntwoord): XElement | undefined {
  goed(r);
  return antwoordObject(r.body);
}
