// Besluit rows (attributes as JSON, the zaak as a foreign key) and their documents (isVastgelegdIn), which are kept
// by document identificatie. The document table itself belongs to the document services: it is only read here,
// for the omschrijving and titel of a document a besluit names.
import { Db } from './db';
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
  r && { id: r.id, identificatie: r.identificatie, zaakId: r.zaak_id, data: uitJson<BesluitData>(r.data, undefined as never) };

function besluitdocument(r: DocumentRij): Besluitdocument {
  const d: Besluitdocument = {
    id: r.id,
    documentIdentificatie: r.document_identificatie,
    gerelateerde: uitJson<XElement[]>(r.gerelateerde, []),
    velden: uitJson<XElement[]>(r.velden, []),
  };
  if (r.einddatum !== null) d.einddatum = r.einddatum;
  return d;
}

export class Besluiten {
  private readonly opIdentificatie;
  private readonly vanZaakStmt;
  private readonly invoegen;
  private readonly bijwerken;
  private readonly documentenStmt;
  private readonly documentInvoegen;
  private readonly documentBijwerken;
  private readonly documentEinde;
  private readonly documentVerwijderen;
  private readonly documentMetadata;

  constructor(db: Db) {
    this.opIdentificatie = db.prepare<[string], BesluitRij>('SELECT id, identificatie, zaak_id, data FROM besluit WHERE identificatie = ?');
    this.vanZaakStmt = db.prepare<[number], BesluitRij>('SELECT id, identificatie, zaak_id, data FROM besluit WHERE zaak_id = ? ORDER BY identificatie');
    this.invoegen = db.prepare('INSERT INTO besluit (identificatie, zaak_id, data, aangemaakt, gewijzigd) VALUES (?, ?, ?, ?, ?)');
    this.bijwerken = db.prepare('UPDATE besluit SET zaak_id = ?, data = ?, gewijzigd = ? WHERE id = ?');
    // Answers list documents sorted on gerelateerde/identificatie (schema annotation), so the store returns them so.
    this.documentenStmt = db.prepare<[number], DocumentRij>(
      'SELECT id, document_identificatie, gerelateerde, velden, einddatum FROM besluitdocument WHERE besluit_id = ? ORDER BY document_identificatie, id',
    );
    this.documentInvoegen = db.prepare('INSERT INTO besluitdocument (besluit_id, document_identificatie, gerelateerde, velden) VALUES (?, ?, ?, ?)');
    this.documentBijwerken = db.prepare('UPDATE besluitdocument SET gerelateerde = ?, velden = ? WHERE id = ?');
    this.documentEinde = db.prepare('UPDATE besluitdocument SET einddatum = ? WHERE id = ?');
    this.documentVerwijderen = db.prepare('DELETE FROM besluitdocument WHERE id = ?');
    const heeftDocumenten = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'document'").get() !== undefined;
    this.documentMetadata = heeftDocumenten ? db.prepare<[string], { data: string }>('SELECT data FROM document WHERE identificatie = ?') : undefined;
  }

  async vind(identificatie: string): Promise<Besluit | undefined> {
    return besluit(this.opIdentificatie.get(identificatie));
  }

  async bestaat(identificatie: string): Promise<boolean> {
    return this.opIdentificatie.get(identificatie) !== undefined;
  }

  /** The besluiten a zaak led to, sorted on identificatie. */
  async vanZaak(zaakId: number): Promise<Besluit[]> {
    return this.vanZaakStmt.all(zaakId).map((r) => besluit(r)!);
  }

  async voegToe(identificatie: string, zaakId: number, data: BesluitData): Promise<Besluit> {
    const t = nu();
    const r = this.invoegen.run(identificatie, zaakId, naarJson(data), t, t);
    return { id: Number(r.lastInsertRowid), identificatie, zaakId, data };
  }

  async bewaar(b: Besluit): Promise<void> {
    this.bijwerken.run(b.zaakId, naarJson(b.data), nu(), b.id);
  }

  /** Every isVastgelegdIn of the besluit, ended ones included, sorted on document identificatie. */
  async documenten(besluitId: number): Promise<Besluitdocument[]> {
    return this.documentenStmt.all(besluitId).map(besluitdocument);
  }

  async voegDocumentToe(besluitId: number, d: Besluitdocument): Promise<void> {
    this.documentInvoegen.run(besluitId, d.documentIdentificatie, naarJson(d.gerelateerde), naarJson(d.velden));
  }

  async werkDocumentBij(id: number, gerelateerde: XElement[], velden: XElement[]): Promise<void> {
    this.documentBijwerken.run(naarJson(gerelateerde), naarJson(velden), id);
  }

  async beeindigDocument(id: number, datum: string): Promise<void> {
    this.documentEinde.run(datum, id);
  }

  async verwijderDocument(id: number): Promise<void> {
    this.documentVerwijderen.run(id);
  }

  /** dct.omschrijving and titel as the document services hold them; undefined for a document they do not know. */
  async documentKern(identificatie: string): Promise<DocumentKern | undefined> {
    const r = this.documentMetadata?.get(identificatie);
    if (!r) return undefined;
    const data = uitJson<DocumentData>(r.data, {});
    const kern: DocumentKern = {};
    if (data['dct.omschrijving']) kern['dct.omschrijving'] = data['dct.omschrijving'].w;
    if (data.titel) kern.titel = data.titel.w;
    return kern;
  }
}
