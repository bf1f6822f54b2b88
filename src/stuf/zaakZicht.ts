// What a Zicht does to a zaak answer, in one place: which elements are answered as held, which are withheld
// (empty, StUF:noValue="nietGeautoriseerd"), and which natural persons are left out. The encoders list their
// elements in schema order and pass them through a Weergave; they never look at the caller's role.
import { NS } from './namespaces';
import { Scope } from './vraag';
import { XElement } from './xml';
import { entiteittype, nilElement, zkn } from './antwoordElementen';
import { Betrokkene, ROLSOORTEN, ZAAK_GROEPEN } from '../domain/zaak';
import type { ZaakBeeld } from '../domain/zaakBeeld';
import { VOLLEDIG, Zicht } from '../toegang/zicht';

export type Onderdeel = XElement | undefined | false;

/**
 * One element of an answer in schema order: its name, how to build it as held, and (when not simply the scope
 * asking for it) whether it is asked: a withheld element asked for is answered by its empty stand-in.
 */
export type Deel = readonly [naam: string, maak: () => Onderdeel | Onderdeel[] | Promise<Onderdeel | Onderdeel[]>, gevraagd?: boolean];

/** What is being shaped: the asked zaak, another zaak inside a relation (ZAK-gerelateerdeAntwoord), or a status. */
export type Plek = 'zaak' | 'gerelateerde' | 'status';

/**
 * What a plan shows to those without plan rights: that it exists, its zaaktype, its regisseur (the initiator) and
 * its current status without the status's free-text toelichting. As a gerelateerde only identificatie and zaaktype.
 */
const IN_PLAN: Record<Plek, ReadonlySet<string>> = {
  zaak: new Set(['identificatie', 'isVan', 'heeftAlsInitiator', 'heeft']),
  gerelateerde: new Set(['identificatie', 'isVan']),
  status: new Set(['gerelateerde', 'datumStatusGezet', 'indicatieLaatsteStatus', 'isGezetDoor']),
};

/** What a mirrored partner zaak holds; anything else asked of it is nietOndersteund. */
const IN_SPIEGEL: Record<Plek, ReadonlySet<string>> = {
  zaak: new Set(['identificatie', 'isVan', 'heeftBetrekkingOpAndere', 'heeft']),
  gerelateerde: new Set(['identificatie', 'isVan', 'heeft']),
  status: new Set(['gerelateerde', 'toelichting', 'datumStatusGezet', 'indicatieLaatsteStatus', 'isGezetDoor']),
};

/**
 * What a teammanager sees of any zaak: its workload, not its content. The initiator is shown only as a medewerker
 * (the regisseur; Weergave.betrokkenen leaves out every other kind), a status without toelichting or who set it.
 */
const DATUMS = ['startdatum', 'registratiedatum', 'publicatiedatum', 'einddatumGepland', 'uiterlijkeEinddatum', 'einddatum'];
const IN_WERKVOORRAAD: Record<Plek, ReadonlySet<string>> = {
  zaak: new Set(['identificatie', 'isVan', 'heeftAlsInitiator', 'heeft', ...DATUMS]),
  gerelateerde: new Set(['identificatie', 'isVan']),
  status: new Set(['gerelateerde', 'datumStatusGezet', 'indicatieLaatsteStatus']),
};

/** Process view (kcc) withholds documents whole; natural persons are filtered per relation (Weergave.betrokkenen). */
const NIET_IN_PROCES: ReadonlySet<string> = new Set(['heeftRelevant']);

/** A withheld relation is one empty occurrence that still names its entiteittype (required by the schema). */
const RELATIES: Record<string, string> = {
  isVan: 'ZAKZKT',
  heeftBetrekkingOp: 'ZAKOBJ',
  ...ROLSOORTEN,
  heeftAlsDeelzaak: 'ZAKZAKDEL',
  heeftAlsHoofdzaak: 'ZAKZAKHFD',
  heeftBetrekkingOpAndere: 'ZAKZAKBTR',
  heeft: 'ZAKSTT',
  heeftRelevant: 'ZAKEDC',
  leidtTot: 'ZAKBSL',
  isGezetDoor: 'ZAKSTTBTR',
};

/**
 * Groups carry no StUF:noValue in the schema (KenmerkGrp, ZaakobjectGrp, ResultaatGrp, ...): a withheld group is
 * the group with each field withheld (all four of anderZaakObject, as GeefZaakDetails-ZaakobjectGrp requires).
 */
const GROEPEN: Record<string, readonly string[]> = {
  kenmerk: ['kenmerk', 'bron'],
  anderZaakObject: ['omschrijving', 'aanduiding', 'lokatie', 'registratie'],
  ...Object.fromEntries(Object.entries(ZAAK_GROEPEN).map(([naam, velden]) => [naam, velden.map((v) => v.naam)])),
};

/** Not nillable in the answer types: withheld by leaving it out. */
const WEGLATEN: ReadonlySet<string> = new Set(['extraElementen']);

const NG = 'nietGeautoriseerd';

/** The empty element that stands for a withheld one (nietGeautoriseerd), or one we do not hold (nietOndersteund). */
export function afgeschermd(naam: string, noValue: 'nietGeautoriseerd' | 'nietOndersteund' = NG): XElement | undefined {
  if (WEGLATEN.has(naam)) return undefined;
  const velden = GROEPEN[naam];
  if (velden) return zkn(naam, velden.map((v) => nilElement(NS.zkn, v, noValue)));
  const et = RELATIES[naam];
  return nilElement(NS.zkn, naam, noValue, et ? [entiteittype(et)] : []);
}

const alsLijst = (x: Onderdeel | Onderdeel[]): Onderdeel[] => (Array.isArray(x) ? x : [x]);

export class Weergave {
  constructor(
    private readonly zicht: Zicht,
    private readonly scope: Scope,
    private readonly plek: Plek = 'zaak',
  ) {}

  /** Whether the element is answered as held. */
  toont(naam: string): boolean {
    switch (this.zicht.niveau) {
      case 'volledig':
        return true;
      case 'plan':
        return IN_PLAN[this.plek].has(naam);
      case 'proces':
        return !NIET_IN_PROCES.has(naam);
      case 'spiegel':
        return IN_SPIEGEL[this.plek].has(naam);
      case 'werkvoorraad':
        return IN_WERKVOORRAAD[this.plek].has(naam);
    }
  }

  /** The elements of a table in order: each as built (one after the other), or withheld as its stand-in when asked. */
  async delen(tabel: readonly Deel[]): Promise<Onderdeel[]> {
    const uit: Onderdeel[] = [];
    for (const [naam, maak, gevraagd] of tabel) {
      if (this.toont(naam)) {
        // Most parts are built at once: awaited only when one is not, since an await costs a promise and a
        // turn of the microtask queue for each of the fifty-odd elements of a zaak.
        const deel = maak();
        uit.push(...alsLijst(deel instanceof Promise ? await deel : deel));
      }
      else if (gevraagd ?? this.scope.vraagt(naam)) uit.push(afgeschermd(naam, this.zicht.niveau === 'spiegel' ? 'nietOndersteund' : NG));
    }
    return uit;
  }

  /** A plan seen without plan rights shows its current status only, whatever history was asked. */
  get alleenHuidigeStatus(): boolean {
    return this.zicht.niveau === 'plan' || this.zicht.niveau === 'werkvoorraad';
  }

  /**
   * The occurrences of a relation with betrokkenen. Process view leaves out natural persons other than the one the
   * question was about, and then adds one withheld occurrence so the caller knows something was held back.
   * Werkvoorraad view keeps only medewerkers (the regisseur), the same way.
   */
  async betrokkenen<T>(naam: string, items: T[], betrokkene: (item: T) => Betrokkene | undefined, maak: (zichtbaar: T[]) => Promise<XElement[]>): Promise<XElement[]> {
    if (this.zicht.niveau !== 'proces' && this.zicht.niveau !== 'werkvoorraad') return maak(items);
    const zichtbaar = items.filter((i) => this.magZien(betrokkene(i)));
    if (zichtbaar.length === items.length) return maak(items);
    if (!this.scope.vraagt(naam)) return [];
    return [...(zichtbaar.length ? await maak(zichtbaar) : []), afgeschermd(naam)!];
  }

  private magZien(b: Betrokkene | undefined): boolean {
    if (this.zicht.niveau === 'werkvoorraad') return b?.soort === 'MDW';
    return b?.soort !== 'NPS' || (this.zicht.persoon !== undefined && b.bsn === this.zicht.persoon);
  }

  /** How the caller sees another zaak this answer mentions (a relation's gerelateerde). */
  async andere(ander: ZaakBeeld): Promise<Zicht> {
    return (await this.zicht.andere?.(ander)) ?? VOLLEDIG;
  }
}
