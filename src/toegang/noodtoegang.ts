// Breaking the glass: a request states why its caller needs full access, either in a SOAP header block of our own
// (schema-neutral, for ZDS 1.2 clients) or as StUF extraElementen `doelbinding` and `reden` in gelijk.
import { NS } from '../stuf/namespaces';
import { schemaFout } from '../stuf/fout';
import { XElement, attr, child } from '../stuf/xml';
import type { Noodtoegang } from './aanroeper';

export const NOODTOEGANG_NS = 'urn:zds-gateway:noodtoegang';

/** Names of extraElementen that carry the emergency reason; they are never selection criteria. */
export const NOODTOEGANG_ELEMENTEN = new Set(['doelbinding', 'reden']);

const tekst = (e: XElement | undefined) => e?.text.trim() || undefined;

function uitHeader(headers: XElement[]): Partial<Noodtoegang> | undefined {
  const h = headers.find((x) => x.ns === NOODTOEGANG_NS && x.local === 'noodtoegang');
  if (!h) return undefined;
  return { reden: tekst(child(h, 'reden')), doelbinding: tekst(child(h, 'doelbinding')) };
}

function uitExtraElementen(root: XElement): Partial<Noodtoegang> | undefined {
  const extra = child(child(root, 'gelijk'), 'extraElementen');
  if (!extra) return undefined;
  const waarde = (naam: string) => tekst(extra.children.find((e) => e.ns === NS.stuf && e.local === 'extraElement' && attr(e, '', 'naam') === naam));
  const r = { reden: waarde('reden'), doelbinding: waarde('doelbinding') };
  return r.reden || r.doelbinding ? r : undefined;
}

/** The stated emergency reason, if any. A doelbinding without a reden is refused: the reason is the point. */
export function leesNoodtoegang(headers: XElement[], root: XElement): Noodtoegang | undefined {
  const n = uitHeader(headers) ?? uitExtraElementen(root);
  if (!n) return undefined;
  if (!n.reden || n.reden.length < 10) {
    throw schemaFout('Noodtoegang: geef een reden van minstens 10 tekens (extraElement naam="reden" of noodtoegang/reden); zonder reden geen noodtoegang');
  }
  return n.doelbinding ? { reden: n.reden.slice(0, 1000), doelbinding: n.doelbinding.slice(0, 200) } : { reden: n.reden.slice(0, 1000) };
}
