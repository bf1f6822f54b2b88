// Vraagberichten (Lv01): parameters, the gelijk selection and the scope. A scope is either StUF:scope="alles" /
// "kerngegevens" (and their variants) or a tree of elements; an element present in the tree is requested,
// whatever it contains (zds.md A15: consumers fill non-nillable scope elements with dummy values).
import { NS } from './namespaces';
import { StufFout, schemaFout } from './fout';
import { XElement, attr, child, isNil } from './xml';
import { canoniekBoolean, canoniekGeheel, geheelUitleg } from './entiteit';

type ScopeSoort = 'alles' | 'kerngegevens' | 'allesKernGerelateerden' | 'elementen';

export class Scope {
  static readonly ALLES = new Scope('alles');
  static readonly KERN = new Scope('kerngegevens');
  static readonly ALLES_KERN_GERELATEERDEN = new Scope('allesKernGerelateerden');
  private static readonly LEEG = new Scope('elementen', new Map());

  private constructor(
    readonly soort: ScopeSoort,
    private readonly kinderen: Map<string, Scope> = new Map(),
  ) {}

  static elementen(kinderen: Map<string, Scope>): Scope {
    return new Scope('elementen', kinderen);
  }

  get isAlles(): boolean {
    return this.soort === 'alles' || this.soort === 'allesKernGerelateerden';
  }

  /** Whether the element was asked for. Under kerngegevens only identifying elements are. */
  vraagt(naam: string, kerngegeven = false): boolean {
    if (this.isAlles) return true;
    if (this.soort === 'kerngegevens') return kerngegeven;
    return this.kinderen.has(naam);
  }

  /** True when this element was named explicitly in an element scope (then an empty one is answered as nil). */
  expliciet(naam: string): boolean {
    return this.soort === 'elementen' && this.kinderen.has(naam);
  }

  /** The scope for the content of an element. */
  sub(naam: string): Scope {
    if (this.soort === 'allesKernGerelateerden') return naam === 'gerelateerde' ? Scope.KERN : this;
    if (this.soort !== 'elementen') return this;
    return this.kinderen.get(naam) ?? Scope.LEEG;
  }

  /** Names requested below this element (element scope only). */
  get namen(): string[] {
    return [...this.kinderen.keys()];
  }
}

const SCOPE_WAARDEN: Record<string, Scope> = {
  alles: Scope.ALLES,
  allesZonderMetagegevens: Scope.ALLES,
  kerngegevens: Scope.KERN,
  allesMaarKerngegevensGerelateerden: Scope.ALLES_KERN_GERELATEERDEN,
  allesZonderMetagegevensMaarKerngegevensGerelateerden: Scope.ALLES_KERN_GERELATEERDEN,
};

/** Reads a scope element tree (the element itself is the object or a relation inside it). */
export function leesScope(e: XElement, pad = 'scope/object'): Scope {
  const waarde = attr(e, NS.stuf, 'scope');
  if (waarde !== undefined) {
    if (e.children.length > 0) throw new StufFout('StUF097', `${pad}: StUF:scope="${waarde}" en elementen tegelijk; kies één van beide`);
    const s = SCOPE_WAARDEN[waarde];
    if (!s) throw schemaFout(`${pad}: StUF:scope '${waarde}' bestaat niet`);
    return s;
  }
  const kinderen = new Map<string, Scope>();
  for (const c of e.children) kinderen.set(c.local, leesScope(c, `${pad}/${c.local}`));
  return Scope.elementen(kinderen);
}

export interface VraagParameters {
  sortering?: string;
  indicatorVervolgvraag: boolean;
  maximumAantal?: number;
  indicatorAantal: boolean;
}

export interface Vraag {
  parameters: VraagParameters;
  gelijk?: XElement;
  /** undefined when the question has no scope: the provider chooses (we answer the ZDS answer table). */
  scope?: Scope;
}

/** An xs:boolean parameter in any of its lexical forms ('true', '1', 'false', '0'); absent or nil is false. */
function bool(e: XElement | undefined, naam: string): boolean {
  if (!e || isNil(e) || e.text.trim() === '') return false;
  const w = canoniekBoolean(e.text);
  if (w === undefined) throw schemaFout(`parameters/${naam}: waarde is geen boolean (true, false, 1 of 0)`);
  return w === 'true';
}

/** An integer parameter in any lexical form its StUF type allows ('015', '+15'), as its canonical text. */
function geheel(e: XElement | undefined, naam: string, f: { minimum?: number; maximum?: number; cijfers?: number }): string | undefined {
  if (!e || isNil(e) || e.text.trim() === '') return undefined;
  const w = canoniekGeheel(e.text, f);
  if (w === undefined) throw schemaFout(`parameters/${naam}: waarde is geen ${geheelUitleg(f)}`);
  return w;
}

export function leesVraag(root: XElement): Vraag {
  const p = child(root, 'parameters');
  const parameters: VraagParameters = {
    indicatorVervolgvraag: bool(child(p, 'indicatorVervolgvraag'), 'indicatorVervolgvraag'),
    indicatorAantal: bool(child(p, 'indicatorAantal'), 'indicatorAantal'),
  };
  // StUF:Sortering (nonNegativeInteger, 2 digits) and StUF:MaximumAantal (nonNegativeInteger, 8 digits).
  const sortering = geheel(child(p, 'sortering'), 'sortering', { minimum: 0, cijfers: 2 });
  if (sortering !== undefined) parameters.sortering = sortering;
  const max = geheel(child(p, 'maximumAantal'), 'maximumAantal', { minimum: 0, cijfers: 8 });
  if (max !== undefined) parameters.maximumAantal = Number(max);
  if (parameters.indicatorVervolgvraag && !child(root, 'start')) {
    throw new StufFout('StUF103', 'parameters/indicatorVervolgvraag is true maar er is geen start opgegeven');
  }
  const scopeObject = child(child(root, 'scope'), 'object');
  return {
    parameters,
    gelijk: child(root, 'gelijk'),
    scope: scopeObject ? leesScope(scopeObject) : undefined,
  };
}

/** The identificatie in gelijk: the only selection ZDS 1.2 allows on these questions. */
export function gelijkIdentificatie(vraag: Vraag, wat = 'zaak'): string {
  const id = child(vraag.gelijk, 'identificatie')?.text.trim();
  if (!vraag.gelijk) throw schemaFout('gelijk ontbreekt: selecteer op identificatie');
  if (!id) {
    // A selection on a person sent to a per-zaak service (by its SOAPAction, or a ZDS 1.2 root): say where it belongs.
    const opPersoon = wat === 'zaak' && ['heeftAlsInitiator', 'heeftBetrekkingOp'].some((n) => child(vraag.gelijk, n, NS.zkn));
    const verwijzing = opPersoon ? '; de zaken van een persoon vraagt u met de persoonsvraag: StUF-ZKN zakLv01 met SOAPAction http://www.egem.nl/StUF/sector/zkn/0310/zakLv01 (stuf.persoonsvraag)' : '';
    throw schemaFout(`gelijk/identificatie ontbreekt of is leeg: de ${wat} wordt op identificatie gevraagd${verwijzing}`);
  }
  return id;
}
