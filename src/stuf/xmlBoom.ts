// The element tree every message becomes: namespaces resolved to URIs, prefixes forgotten.
import type { BinaireData } from './binair';

export interface XAttr {
  ns: string; // '' for unqualified attributes
  local: string;
  value: string;
}

export interface XElement {
  ns: string;
  local: string;
  attrs: XAttr[];
  children: XElement[];
  text: string;
  /** Document content (inhoud): cut out of the request before parsing, or streamed from the store into an answer. */
  binair?: BinaireData;
}
