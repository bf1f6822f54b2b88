// Small builders shared by every answer encoder: values, nil placeholders and entity attributes.
import { NS } from './namespaces';
import { XAttr, XElement, at, el } from './xml';
import type { ExtraElement, Waarde } from '../domain/zaak';
import type { Scope } from './vraag';

export type NoValue = 'geenWaarde' | 'nietOndersteund' | 'nietGeautoriseerd' | 'waardeOnbekend';

export const entiteittype = (t: string): XAttr => at(NS.stuf, 'entiteittype', t);

/** An element that is asked for but has no value to give: empty, xsi:nil, with the reason. */
export function nilElement(ns: string, local: string, noValue: NoValue = 'geenWaarde', attrs: XAttr[] = []): XElement {
  return el(ns, local, undefined, [...attrs, at(NS.xsi, 'nil', 'true'), at(NS.stuf, 'noValue', noValue)]);
}

export function waardeElement(ns: string, local: string, w: Waarde): XElement {
  return el(ns, local, w.w, w.ind ? [at(NS.stuf, 'indOnvolledigeDatum', w.ind)] : []);
}

export const zkn = (local: string, content?: string | (XElement | undefined | false)[], attrs: XAttr[] = []) => el(NS.zkn, local, content, attrs);

/**
 * A repeating element: its occurrences when requested (built only then, so a store read for them happens only
 * then), one nil when explicitly asked but none.
 */
export async function herhalend(scope: Scope, naam: string, maak: () => XElement[] | Promise<XElement[]>, attrs: XAttr[] = []): Promise<XElement[]> {
  if (!scope.vraagt(naam)) return [];
  const items = await maak();
  if (items.length) return items;
  return scope.expliciet(naam) ? [nilElement(NS.zkn, naam, 'geenWaarde', attrs)] : [];
}

/**
 * A group asked for but not held: nil without StUF:noValue, which no group type has (KenmerkGrp, ZaakobjectGrp, ...).
 * Answering its fields nil instead would tell of one occurrence with empty values.
 */
const nilGroep = (ns: string, local: string): XElement => el(ns, local, undefined, [at(NS.xsi, 'nil', 'true')]);

/** A repeating group (kenmerk, anderZaakObject): its occurrences when requested, one nil group when named but none. */
export function herhalendeGroep(scope: Scope, naam: string, maak: () => XElement[]): XElement[] {
  if (!scope.vraagt(naam)) return [];
  const items = maak();
  if (items.length) return items;
  return scope.expliciet(naam) ? [nilGroep(NS.zkn, naam)] : [];
}

export function extraElementenAntwoord(extra: ExtraElement[]): XElement | undefined {
  if (extra.length === 0) return undefined;
  return el(NS.stuf, 'extraElementen', extra.map((x) => el(NS.stuf, 'extraElement', x.waarde ?? '', [at('', 'naam', x.naam)])));
}
