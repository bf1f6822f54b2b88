// Comparing an answer with the recorded one. Everything must match except what differs by nature between two
// runs: our own referentienummer and tijdstipBericht, and the internal keys in StUF:sleutelVerzendend.
import { NS } from '../stuf/namespaces';
import { XElement, parseXml } from '../stuf/xml';

const VLUCHTIG = new Set(['referentienummer', 'tijdstipBericht']);

function naam(e: XElement): string {
  return e.ns ? `{${e.ns}}${e.local}` : e.local;
}

function attributen(e: XElement): string {
  return e.attrs
    .filter((a) => !(a.ns === NS.stuf && a.local === 'sleutelVerzendend'))
    .map((a) => `${a.ns}|${a.local}=${a.value}`)
    .sort()
    .join(' ');
}

/** The differences, as "path: expected … got …" lines; empty when the answers are equal. */
export function verschillen(verwacht: string, gekregen: string): string[] {
  let a: XElement;
  let b: XElement;
  try {
    a = parseXml(verwacht);
    b = parseXml(gekregen);
  } catch (e) {
    return [`antwoord is geen XML: ${(e as Error).message}`];
  }
  const uit: string[] = [];
  vergelijk(a, b, '', false, uit);
  return uit;
}

function vergelijk(a: XElement, b: XElement, pad: string, inStuurgegevens: boolean, uit: string[]): void {
  const hier = `${pad}/${a.local}`;
  if (naam(a) !== naam(b)) {
    uit.push(`${hier}: verwacht element ${naam(a)}, kreeg ${naam(b)}`);
    return;
  }
  if (attributen(a) !== attributen(b)) uit.push(`${hier}: attributen verschillen: verwacht [${attributen(a)}], kreeg [${attributen(b)}]`);
  const vluchtig = inStuurgegevens && VLUCHTIG.has(a.local);
  if (!vluchtig && a.text !== b.text) uit.push(`${hier}: verwacht '${a.text}', kreeg '${b.text}'`);
  const stuur = inStuurgegevens || a.local === 'stuurgegevens';
  const n = Math.max(a.children.length, b.children.length);
  for (let i = 0; i < n && uit.length < 50; i++) {
    const ca = a.children[i];
    const cb = b.children[i];
    if (!ca) uit.push(`${hier}: onverwacht element ${naam(cb)}`);
    else if (!cb) uit.push(`${hier}: element ${naam(ca)} ontbreekt`);
    else vergelijk(ca, cb, hier, stuur, uit);
  }
}
