// A stored zaak as a question sees it: its parts are read from the store only when an answer needs them,
// so that a geefZaakstatus does not pay for the roles and a narrow scope does not load everything.
import type { Store } from '../store';
import type { InkomendeRelatie } from '../store/zaakrelaties';
import { Rol, Status, Zaak, Zaakobject, Zaakrelatie } from './zaak';
import { Besluit } from './besluit';
import type { Zaakdocument } from './document';
import { PlanSoort, Zaaktypecatalogus } from './zaaktypen';

export class ZaakBeeld {
  private _rollen?: Rol[];
  private _objecten?: Zaakobject[];
  private _statussen?: Status[];
  private _relaties?: Zaakrelatie[];
  private _inkomend?: InkomendeRelatie[];
  private _besluiten?: Besluit[];
  private _documenten?: Zaakdocument[];
  private readonly andere = new Map<string, ZaakBeeld | null>();

  constructor(
    /** Answer encoders read related objects (documents, besluiten) through it. */
    readonly store: Store,
    private readonly catalogus: Zaaktypecatalogus,
    readonly zaak: Zaak,
  ) {}

  /** Current roles (ended ones are history, not part of the answer). */
  get rollen(): Rol[] {
    return (this._rollen ??= this.store.betrokkenen.rollen(this.zaak.id).filter((r) => !r.einddatum));
  }

  get zaakobjecten(): Zaakobject[] {
    return (this._objecten ??= this.store.betrokkenen.zaakobjecten(this.zaak.id).filter((o) => !o.einddatum));
  }

  /** All statuses, newest first. */
  get statussen(): Status[] {
    return (this._statussen ??= this.store.statussen.van(this.zaak.id));
  }

  get relaties(): Zaakrelatie[] {
    return (this._relaties ??= this.store.zaakrelaties.van(this.zaak.id).filter((r) => !r.einddatum));
  }

  /** Current relations other zaken hold to this one. */
  get inkomend(): InkomendeRelatie[] {
    return (this._inkomend ??= this.store.zaakrelaties.naar(this.zaak.identificatie).filter((r) => !r.einddatum));
  }

  /** The besluiten this zaak led to (leidtTot), sorted on identificatie. */
  get besluiten(): Besluit[] {
    return (this._besluiten ??= this.store.besluiten.vanZaak(this.zaak.id));
  }

  /** The documents filed in this zaak (heeftRelevant), sorted on identificatie. */
  get documenten(): Zaakdocument[] {
    return (this._documenten ??= this.store.documenten.vanZaak(this.zaak.id));
  }

  get identificatie(): string {
    return this.zaak.identificatie;
  }

  get zaaktypeCode(): string {
    return this.zaak.data.zaaktype.code;
  }

  /** gezinsplan, levensdomeinplan or gewoon (rzs.md A1). */
  get soort(): PlanSoort {
    return this.catalogus.soortVan(this.zaak.data.zaaktype);
  }

  get isPlan(): boolean {
    return this.soort !== 'gewoon';
  }

  /** The zaaktype omschrijving: as the zaak was created with, else from the catalogue. */
  get zaaktypeOmschrijving(): string | undefined {
    return this.zaak.data.zaaktype.omschrijving ?? this.catalogus.zaaktype(this.zaaktypeCode)?.omschrijving;
  }

  /** Another zaak by identificatie, when the gateway holds it (relations may point outside). */
  andereZaak(identificatie: string): ZaakBeeld | undefined {
    if (!this.andere.has(identificatie)) {
      const z = this.store.zaken.vind(identificatie);
      this.andere.set(identificatie, z ? new ZaakBeeld(this.store, this.catalogus, z) : null);
    }
    return this.andere.get(identificatie) ?? undefined;
  }
}
