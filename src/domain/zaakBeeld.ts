// A stored zaak as a question sees it: its parts are read from the store only when an answer needs them,
// so that a geefZaakstatus does not pay for the roles and a narrow scope does not load everything.
import type { Store } from '../store';
import type { InkomendeRelatie } from '../store/zaakrelaties';
import type { Spiegelzaak } from '../store/spiegelzaken';
import { Rol, Status, Zaak, Zaakobject, Zaakrelatie, legeZaakData } from './zaak';
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
    /** Set when this is a ketenpartner's zaak we mirror: only what the mirror holds, the rest is not ours. */
    readonly spiegel?: Spiegelzaak,
  ) {}

  /**
   * A mirrored partner zaak seen as a zaak: its zaaktype, its last status and its heeftBetrekkingOpAndere to our
   * deelplan; no roles, objects, documents or besluiten (the partner holds those).
   */
  static vanSpiegel(store: Store, catalogus: Zaaktypecatalogus, s: Spiegelzaak): ZaakBeeld {
    const b = new ZaakBeeld(store, catalogus, { id: -s.id, identificatie: s.identificatie, data: legeZaakData(s.zaaktype ?? { code: '' }) }, s);
    b._rollen = [];
    b._objecten = [];
    b._statussen = s.status ? [s.status] : [];
    b._relaties = [{ soort: 'heeftBetrekkingOpAndere', andereIdentificatie: s.deelplan, gerelateerde: [], velden: [] }];
    b._inkomend = [];
    b._besluiten = [];
    b._documenten = [];
    return b;
  }

  /** A zaak of ours or a mirrored partner zaak, by identificatie. */
  static vind(store: Store, catalogus: Zaaktypecatalogus, identificatie: string): ZaakBeeld | undefined {
    const z = store.zaken.vind(identificatie);
    if (z) return new ZaakBeeld(store, catalogus, z);
    const s = store.spiegelzaken.vind(identificatie);
    return s ? ZaakBeeld.vanSpiegel(store, catalogus, s) : undefined;
  }

  /** StUF:sleutelVerzendend: our row id; a mirrored zaak's is marked, so it never looks like one of ours. */
  get sleutel(): string {
    return this.spiegel ? `spiegel-${this.spiegel.id}` : String(this.zaak.id);
  }

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
    if (this.spiegel) return 'gewoon';
    return this.catalogus.soortVan(this.zaak.data.zaaktype);
  }

  get isPlan(): boolean {
    return this.soort !== 'gewoon';
  }

  /** The zaaktype omschrijving: as the zaak was created with, else from the catalogue. */
  get zaaktypeOmschrijving(): string | undefined {
    if (this.spiegel) return this.spiegel.zaaktype?.omschrijving;
    return this.zaak.data.zaaktype.omschrijving ?? this.catalogus.zaaktype(this.zaaktypeCode)?.omschrijving;
  }

  /** Another zaak by identificatie, when the gateway holds it or mirrors it (relations may point outside). */
  andereZaak(identificatie: string): ZaakBeeld | undefined {
    if (!this.andere.has(identificatie)) {
      this.andere.set(identificatie, ZaakBeeld.vind(this.store, this.catalogus, identificatie) ?? null);
    }
    return this.andere.get(identificatie) ?? undefined;
  }
}
