// A stored zaak as a question sees it: its parts are read from the store only when an answer needs them,
// so that a geefZaakstatus does not pay for the roles and a narrow scope does not load everything. Each part is a
// promise, read once and shared by every encoder that awaits it.
import type { Store } from '../store';
import type { InkomendeRelatie } from '../store/zaakrelaties';
import type { Spiegelzaak } from '../store/spiegelzaken';
import { Rol, Status, Zaak, Zaakobject, Zaakrelatie, legeZaakData } from './zaak';
import { Besluit } from './besluit';
import type { Zaakdocument } from './document';
import { PlanSoort, Zaaktypecatalogus } from './zaaktypen';

export class ZaakBeeld {
  private _rollen?: Promise<Rol[]>;
  private _objecten?: Promise<Zaakobject[]>;
  private _statussen?: Promise<Status[]>;
  private _relaties?: Promise<Zaakrelatie[]>;
  private _inkomend?: Promise<InkomendeRelatie[]>;
  private _besluiten?: Promise<Besluit[]>;
  private _documenten?: Promise<Zaakdocument[]>;
  private readonly andere = new Map<string, Promise<ZaakBeeld | undefined>>();

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
    b._rollen = Promise.resolve([]);
    b._objecten = Promise.resolve([]);
    b._statussen = Promise.resolve(s.status ? [s.status] : []);
    b._relaties = Promise.resolve([{ soort: 'heeftBetrekkingOpAndere', andereIdentificatie: s.deelplan, gerelateerde: [], velden: [] }]);
    b._inkomend = Promise.resolve([]);
    b._besluiten = Promise.resolve([]);
    b._documenten = Promise.resolve([]);
    return b;
  }

  /** A zaak of ours or a mirrored partner zaak, by identificatie. */
  static async vind(store: Store, catalogus: Zaaktypecatalogus, identificatie: string): Promise<ZaakBeeld | undefined> {
    const z = await store.zaken.vind(identificatie);
    if (z) return new ZaakBeeld(store, catalogus, z);
    const s = await store.spiegelzaken.vind(identificatie);
    return s ? ZaakBeeld.vanSpiegel(store, catalogus, s) : undefined;
  }

  /** StUF:sleutelVerzendend: our row id; a mirrored zaak's is marked, so it never looks like one of ours. */
  get sleutel(): string {
    return this.spiegel ? `spiegel-${this.spiegel.id}` : String(this.zaak.id);
  }

  /** Current roles (ended ones are history, not part of the answer). */
  get rollen(): Promise<Rol[]> {
    return (this._rollen ??= this.store.betrokkenen.rollen(this.zaak.id).then((rs) => rs.filter((r) => !r.einddatum)));
  }

  get zaakobjecten(): Promise<Zaakobject[]> {
    return (this._objecten ??= this.store.betrokkenen.zaakobjecten(this.zaak.id).then((os) => os.filter((o) => !o.einddatum)));
  }

  /** All statuses, newest first. */
  get statussen(): Promise<Status[]> {
    return (this._statussen ??= this.store.statussen.van(this.zaak.id));
  }

  get relaties(): Promise<Zaakrelatie[]> {
    return (this._relaties ??= this.store.zaakrelaties.van(this.zaak.id).then((rs) => rs.filter((r) => !r.einddatum)));
  }

  /** Current relations other zaken hold to this one. */
  get inkomend(): Promise<InkomendeRelatie[]> {
    return (this._inkomend ??= this.store.zaakrelaties.naar(this.zaak.identificatie).then((rs) => rs.filter((r) => !r.einddatum)));
  }

  /** The besluiten this zaak led to (leidtTot), sorted on identificatie. */
  get besluiten(): Promise<Besluit[]> {
    return (this._besluiten ??= this.store.besluiten.vanZaak(this.zaak.id));
  }

  /** The documents filed in this zaak (heeftRelevant), sorted on identificatie. */
  get documenten(): Promise<Zaakdocument[]> {
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
  andereZaak(identificatie: string): Promise<ZaakBeeld | undefined> {
    let beeld = this.andere.get(identificatie);
    if (!beeld) this.andere.set(identificatie, (beeld = ZaakBeeld.vind(this.store, this.catalogus, identificatie)));
    return beeld;
  }
}
