// Besluit rows (attributes as JSON, the zaak as a foreign key) and their documents (isVastgelegdIn), which are kept
// by document identificatie. The document table itself belongs to the document services: it is only read here,
// for the omschrijving and titel of a document a besluit names.
import { Sql } from './sql';
import { naarJson, nu, uitJson } from './json';
import { Besluit, BesluitData, Besluitdocument } from '../domain/besluit';
import type { DocumentData } from '../domain/document';
import { XElement } from '../stuf/xml';

interface BesluitRij {
  id: number;
  identificatie: string;
  zaak_id: number;
  data: string;
}

interface DocumentRij {
  id: number;
  document_identificatie: string;
  gerelateerde: string;
  velden: string;
  einddatum: string | null;
}

/** What the document services hold of a document, as far as a besluit answer shows it. */
export interface DocumentKern {
  'dct.omschrijving'?: string;
  titel?: string;
}

const besluit = (r: BesluitRij | undefined): Besluit | undefined =>
  r && { id: Number(r.id), identificatie: r.identificatie, zaakId: Number(r.zaak_id), data: uitJson<BesluitData>(r.data, undefined as never) };

function besluitdocument(r: DocumentRij): Besluitdocument {
  const d: Besluitdocument = {
    id: Number(r.id),
    documentIdentificatie: r.document_identificatie,
    gerelateerde: uitJson<XElement[]>(r.gerelateerde, []),
    velden: uitJson<XElement[]>(r.velden, []),
  };
  if (r.einddatum !== null) d.einddatum = r.einddatum;
  return d;
}

const BESLUIT_KOLOMMEN = 'id, identificatie, zaak_id, data';

export class Besluiten {
  constructor(private readonly sql: Sql) {}

  async vind(identificatie: string): Promise<Besluit | undefined> {
    return besluit(await this.sql.een<BesluitRij>(`SELECT ${BESLUIT_KOLOMMEN} FROM besluit WHERE identificatie = ?`, [identificatie]));
  }

  async bestaat(identificatie: string): Promise<boolean> {
    return (await this.sql.een('SELECT 1 AS n FROM besluit WHERE identificatie = ?', [identificatie])) !== undefined;
  }

  /** The besluiten a zaak led to, sorted on identificatie. */
  async vanZaak(zaakId: number): Promise<Besluit[]> {
    const rijen = await this.sql.alle<BesluitRij>(`SELECT ${BESLUIT_KOLOMMEN} FROM besluit WHERE zaak_id = ? ORDER BY identificatie`, [zaakId]);
    return rijen.map((r) => besluit(r)!);
  }

  async voegToe(identificatie: string, zaakId: number, data: BesluitData): Promise<Besluit> {
    const t = nu();
    const r = await this.sql.een<{ id: number }>(
      'INSERT INTO besluit (identificatie, zaak_id, data, aangemaakt, gewijzigd) VALUES (?, ?, ?, ?, ?) RETURNING id',
      [identificatie, zaakId, naarJson(data), t, t],
    );
    return { id: Number(r!.id), identificatie, zaakId, data };
  }

  async bewaar(b: Besluit): Promise<void> {
    await this.sql.voer('UPDATE besluit SET zaak_id = ?, data = ?, gewijzigd = ? WHERE id = ?', [b.zaakId, naarJson(b.data), nu(), b.id]);
  }

  /**
   * Every isVastgelegdIn of the besluit, ended ones included. Answers list documents sorted on
   * gerelateerde/identificatie (schema annotation), so the store returns them so.
   */
  async documenten(besluitId: number): Promise<Besluitdocument[]> {
    const rijen = await this.sql.alle<DocumentRij>(
      'SELECT id, document_identificatie, gerelateerde, velden, einddatum FROM besluitdocument WHERE besluit_id = ? ORDER BY document_identificatie, id',
      [besluitId],
    );
    return rijen.map(besluitdocument);
  }

  async voegDocumentToe(besluitId: number, d: Besluitdocument): Promise<void> {
    await this.sql.voer('INSERT INTO besluitdocument (besluit_id, document_identificatie, gerelateerde, velden) VALUES (?, ?, ?, ?)', [
      besluitId, d.documentIdentificatie, naarJson(d.gerelateerde), naarJson(d.velden),
    ]);
  }

  async werkDocumentBij(id: number, gerelateerde: XElement[], velden: XElement[]): Promise<void> {
    await this.sql.voer('UPDATE besluitdocument SET gerelateerde = ?, velden = ? WHERE id = ?', [naarJson(gerelateerde), naarJson(velden), id]);
  }

  async beeindigDocument(id: number, datum: string): Promise<void> {
    await this.sql.voer('UPDATE besluitdocument SET einddatum = ? WHERE id = ?', [datum, id]);
  }

  async verwijderDocument(id: number): Promise<void> {
    await this.sql.voer('DELETE FROM besluitdocument WHERE id = ?', [id]);
  }

  /** dct.omschrijving and titel as the document services hold them; undefined for a document they do not know. */
  async documentKern(identificatie: string): Promise<DocumentKern | undefined> {
    const r = await this.sql.een<{ data: string }>('SELECT data FROM document WHERE identificatie = ?', [identificatie]);
    if (!r) return undefined;
    const data = uitJson<DocumentData>(r.data, {});
    const kern: DocumentKern = {};
    if (data['dct.omschrijving']) kern['dct.omschrijving'] = data['dct.omschrijving'].w;
    if (data.titel) kern.titel = data.titel.w;
    return kern;
  }
}
