// The inhoud element (StUF:BinaireInhoud) of a document: reading it from a request, building it in an answer.
import { BinaireData, Base64Data, RuweData } from './binair';
import { schemaFout } from './fout';
import { NS } from './namespaces';
import { XElement, at, attr, el, isNil } from './xml';

export interface Inhoud {
  data: BinaireData;
  bestandsnaam: string;
  contentType?: string;
}

/**
 * The content an inhoud element carries, whether it came inline (cut out before parsing, or small enough to be
 * parsed as text) or as an MTOM part. An empty element with a bestandsnaam is an empty file; undefined for an
 * absent or nil element, or an empty one without bestandsnaam.
 */
export function leesInhoud(e: XElement | undefined, plek = 'inhoud'): Inhoud | undefined {
  if (!e || isNil(e)) return undefined;
  const data = e.binair ?? (e.text.trim() !== '' ? Base64Data.uitTekst(e.text, plek) : undefined);
  const bestandsnaam = attr(e, NS.stuf, 'bestandsnaam')?.trim();
  if (!data && !bestandsnaam) return undefined;
  if (!bestandsnaam) throw schemaFout(`${plek} mist het verplichte attribuut StUF:bestandsnaam`);
  if (bestandsnaam.length > 255) throw schemaFout(`${plek}/@StUF:bestandsnaam is langer dan 255 tekens`);
  const contentType = attr(e, NS.xmime, 'contentType')?.trim() || undefined;
  return { data: data ?? new RuweData(Buffer.alloc(0)), bestandsnaam, ...(contentType ? { contentType } : {}) };
}

/** An inhoud element for an answer; the bytes are written out as base64 or as an MTOM part when the answer is sent. */
export function inhoudElement(i: Inhoud, ns: string = NS.zkn): XElement {
  const attrs = [at(NS.stuf, 'bestandsnaam', i.bestandsnaam)];
  if (i.contentType && i.contentType.length >= 3) attrs.push(at(NS.xmime, 'contentType', i.contentType));
  return { ...el(ns, 'inhoud', undefined, attrs), binair: i.data };
}
