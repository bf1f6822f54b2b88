// The parameters and objects of a kennisgeving (zakLk01, edcLk01 / the edcLk02 inside a Di02, BslLk01): mutatiesoort
// and indicatorOvername checked, then one object (T) or oud and nieuw (W). One object in a W message (open-forms and
// others send that) is read as nieuw (zds.md A6); a zaak change sent with mutatiesoort T is read as W (field notes).
// What nieuw sends nil as nietOndersteund or nietGeautoriseerd is left out before reading: it changes nothing.
import { Afwijkingen, zonderNietGeleverd } from './entiteit';
import { NS } from './namespaces';
import { schemaFout } from './fout';
import { XElement, child, children } from './xml';

export interface KennisgevingVorm<T> {
  /** What the object is, for the details of a refusal: 'zaak', 'document', 'besluit'. */
  wat: string;
  /** How the details name the message when it holds too many objects, per mutatiesoort. */
  naam: { T: string; W: string };
  /** Whether the parameters carry indicatorOvername (an Lk01 does; the edcLk02 inside a Di02 does not). */
  indicatorOvername: boolean;
  /**
   * A change that senders also send with mutatiesoort T (updateZaak, actualiseerZaakstatus: the service, by its
   * SOAPAction or ZDS 1.2 root, already says it is a change): read as W after a deviation (lenient), refused in strict.
   */
  wijzigingOokAlsT?: boolean;
  lees(obj: XElement, pad: string, afw: Afwijkingen): T;
}

export function leesKennisgevingObjecten<T>(container: XElement, mutatiesoort: 'T' | 'W', vorm: KennisgevingVorm<T>, afw: Afwijkingen): { oud?: T; nieuw: T } {
  // By namespace: parameters and object are ZKN in both dialects, their StUF children StUF.
  const p = child(container, 'parameters', NS.zkn);
  const ms = child(p, 'mutatiesoort', NS.stuf)?.text.trim();
  if (!ms) afw.meld(`parameters/mutatiesoort ontbreekt (verwacht ${mutatiesoort})`);
  else if (ms === 'T' && mutatiesoort === 'W' && vorm.wijzigingOokAlsT) afw.meld("parameters/mutatiesoort is 'T' bij een wijziging; gelezen als W");
  else if (ms !== mutatiesoort) throw schemaFout(`parameters/mutatiesoort is '${ms}'; dit bericht verwacht '${mutatiesoort}'`);
  if (vorm.indicatorOvername) {
    const overname = child(p, 'indicatorOvername', NS.stuf)?.text.trim();
    if (overname === undefined) afw.meld('parameters/indicatorOvername ontbreekt');
    else if (overname !== 'V' && overname !== 'I') throw schemaFout(`parameters/indicatorOvername '${overname}' is geen V of I`);
  }

  const objecten = children(container, 'object', NS.zkn);
  if (objecten.length === 0) throw schemaFout(`object ontbreekt: het bericht bevat geen ${vorm.wat}`);
  if (mutatiesoort === 'T') {
    if (objecten.length > 1) throw schemaFout(`${vorm.naam.T} bevat ${objecten.length} objecten; precies één is toegestaan`);
    return { nieuw: vorm.lees(zonderNietGeleverd(objecten[0], 'object', afw).object, 'object', afw) };
  }
  if (objecten.length > 2) throw schemaFout(`${vorm.naam.W} bevat ${objecten.length} objecten; twee (oud en nieuw) zijn toegestaan`);
  if (objecten.length === 1) {
    afw.meld('één object in plaats van het paar oud/nieuw; gelezen als nieuw');
    return { nieuw: vorm.lees(zonderNietGeleverd(objecten[0], 'object', afw).object, 'object', afw) };
  }
  const nieuw = zonderNietGeleverd(objecten[1], 'object[2]', afw);
  const oud = nieuw.zwijgtOver.size ? { ...objecten[0], children: objecten[0].children.filter((c) => !nieuw.zwijgtOver.has(c.local)) } : objecten[0];
  return { oud: vorm.lees(oud, 'object[1]', afw), nieuw: vorm.lees(nieuw.object, 'object[2]', afw) };
}
