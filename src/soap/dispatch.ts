// Which operation a request is: by SOAPAction first (quotes stripped, both dialects), else by the body root.
// ZDS 1.1 roots serve several operations (zakLk01: creeer/update/actualiseer; zakLv01: status/details/...):
// when the action does not settle it, the content decides (zds.md A2).
import type { Logger } from 'pino';
import { NS, Dialect } from '../stuf/namespaces';
import { XElement, attr, child, path } from '../stuf/xml';
import { NOODTOEGANG_ELEMENTEN } from '../toegang/noodtoegang';
import { Operatie } from './operatie';

export interface Keuze {
  operatie: Operatie;
  dialect: Dialect;
}

const sleutel = (ns: string, local: string) => `{${ns}}${local}`;

export function normaliseerActie(ruw: string | undefined): string | undefined {
  const a = ruw?.trim().replace(/^"(.*)"$/, '$1').trim();
  return a ? a : undefined;
}

export class Dispatcher {
  private readonly opActie = new Map<string, Operatie>();
  private readonly opRoot = new Map<string, Operatie[]>();
  private readonly opNaam = new Map<string, Operatie>();

  constructor(operaties: Operatie[], private readonly log: Logger) {
    for (const op of operaties) {
      this.opNaam.set(op.naam, op);
      for (const a of op.acties) this.opActie.set(a, op);
      for (const r of op.roots) {
        const k = sleutel(r.ns, r.local);
        this.opRoot.set(k, [...(this.opRoot.get(k) ?? []), op]);
      }
    }
  }

  get operaties(): Operatie[] {
    return [...this.opNaam.values()];
  }

  operatie(naam: string): Operatie | undefined {
    return this.opNaam.get(naam);
  }

  /** The operation for this request, or undefined when neither action nor root is one we serve. */
  kies(actie: string | undefined, root: XElement): Keuze | undefined {
    const dialect: Dialect = root.ns === NS.zds ? 'zds12' : 'zds11';
    const kandidaten = this.opRoot.get(sleutel(root.ns, root.local)) ?? [];
    const viaActie = actie ? this.opActie.get(actie) : undefined;
    if (viaActie && kandidaten.includes(viaActie)) return { operatie: viaActie, dialect };
    if (kandidaten.length === 0) {
      if (viaActie) this.log.warn({ actie, root: root.local }, 'SOAPAction en body horen niet bij elkaar; body-root onbekend');
      return undefined;
    }
    if (viaActie) this.log.warn({ actie, root: root.local }, 'SOAPAction past niet bij de body-root; de body-root beslist');
    const gekozen = kandidaten.length === 1 ? kandidaten[0] : this.raad(root, kandidaten);
    return gekozen && { operatie: gekozen, dialect };
  }

  /** zds.md A2 heuristics for the shared ZDS 1.1 roots. */
  private raad(root: XElement, kandidaten: Operatie[]): Operatie | undefined {
    const heeft = (naam: string) => kandidaten.find((k) => k.naam === naam);
    if (root.local === 'zakLk01') {
      const mutatiesoort = path(root, 'parameters', 'mutatiesoort')?.text.trim();
      if (mutatiesoort === 'T') return heeft('creeerZaak');
      // Only `heeft` changes: every child is one an actualiseerZaakstatus object may carry, the new object has a
      // status (the old one may omit it), and omschrijving/isVan, identification there, are the same in oud and nieuw.
      const objecten = root.children.filter((c) => c.local === 'object');
      const nieuw = objecten.at(-1);
      const zelfde = (pad: string[]) => objecten.length < 2 || path(objecten[0], ...pad)?.text.trim() === path(nieuw, ...pad)?.text.trim();
      const alleenStatus =
        child(nieuw, 'heeft') !== undefined &&
        objecten.every((o) => o.children.every((c) => ['identificatie', 'heeft', 'omschrijving', 'isVan', 'tijdvakGeldigheid', 'tijdstipRegistratie'].includes(c.local))) &&
        zelfde(['omschrijving']) &&
        zelfde(['isVan', 'gerelateerde', 'code']);
      return alleenStatus ? heeft('actualiseerZaakstatus') : heeft('updateZaak');
    }
    if (root.local === 'zakLv01') return this.raadVraag(root, heeft);
    // edcLk01 is voegZaakdocumentToe (with content) or maakZaakdocument (a placeholder without).
    if (root.local === 'edcLk01') return (path(root, 'object', 'inhoud') ? heeft('voegZaakdocumentToe') : heeft('maakZaakdocument')) ?? kandidaten[0];
    return kandidaten[0];
  }

  /**
   * A plain zakLv01: the selection decides, the scope only refines (zds.md A2, field-notes). A person search often
   * asks for heeftRelevant in its scope; that does not make it a document-list question. Only a question on one zaak
   * by its identificatie (a status question may add gelijk/heeft/indicatieLaatsteStatus) goes to the per-zaak services;
   * every other selection (persons, zaaktype, einddatum, a range in vanaf/totEnMet) is the person
   * query, which answers it or refuses it naming the rule (stuf.persoonsvraag, the supported selection).
   */
  private raadVraag(root: XElement, heeft: (naam: string) => Operatie | undefined): Operatie | undefined {
    const gelijk = child(root, 'gelijk');
    // extraElementen in gelijk that carry only an emergency reason (toegang/noodtoegang.ts) are no selection; any
    // other (geenStatuswijzigingSinds of the work queue) is.
    const selectie = gelijk?.children.filter((c) => !(c.ns === NS.stuf && c.local === 'extraElementen' && c.children.every((x) => NOODTOEGANG_ELEMENTEN.has(attr(x, '', 'naam') ?? '')))) ?? [];
    // A status question asks for the last status; one that names a status (gerelateerde) selects zaken on it.
    const heeftStatus = child(gelijk, 'heeft');
    const statusvraag = child(heeftStatus, 'indicatieLaatsteStatus') !== undefined && child(heeftStatus, 'gerelateerde') === undefined;
    const eenZaak =
      selectie.some((c) => c.local === 'identificatie') &&
      selectie.every((c) => c.local === 'identificatie' || (c.local === 'heeft' && statusvraag)) &&
      child(root, 'vanaf') === undefined &&
      child(root, 'totEnMet') === undefined;
    // An empty gelijk selects nothing: zoekZaken refuses it saying what can be selected.
    if (!eenZaak) return heeft('zoekZaken') ?? heeft('geefZaakdetails');
    if (statusvraag) return heeft('geefZaakstatus');
    if (child(path(root, 'scope', 'object'), 'heeftRelevant')) return heeft('geefLijstZaakdocumenten');
    return heeft('geefZaakdetails');
  }
}
