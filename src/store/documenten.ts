// Documents (EDC), their versions, their content in blocks, the check-out lock and their filing in zaken.
// Content is written block by block as it is decoded and read back block by block when an answer is sent:
// no request or answer holds a whole document in memory.
import { createHash, Hash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { Db } from './db';
import { naarJson, nu, uitJson } from './json';
import { BinaireData } from '../stuf/binair';
import { Inhoud } from '../stuf/inhoud';
import { Document, DocumentData, InhoudInfo, Vergrendeling, VersioningState, Zaakdocument, ZaakdocumentData } from '../domain/document';

interface DocumentRij {
  id: number;
  identificatie: string;
  data: string;
  versienummer: number;
  inhoud_id: number | null;
  checked_out_id: string | null;
  checked_out_by: string | null;
  uitgecheckt_op: string | null;
  vergrendeld_tot: string | null;
  aangemaakt: string;
}

interface InhoudRij {
  id: number;
  bestandsnaam: string;
  content_type: string | null;
  grootte: number;
  sha256: string;
}

export interface DocumentVersie {
  versienummer: number;
  data: DocumentData;
  inhoudId?: number;
  soort?: VersioningState;
  zender?: string;
  tijdstip: string;
}

function document(r: DocumentRij): Document {
  const d: Document = { id: r.id, identificatie: r.identificatie, data: uitJson<DocumentData>(r.data, {}), versienummer: r.versienummer, aangemaakt: r.aangemaakt };
  if (r.inhoud_id !== null) d.inhoudId = r.inhoud_id;
  if (r.checked_out_id !== null) {
    d.vergrendeling = { checkedOutId: r.checked_out_id, door: r.checked_out_by ?? '', sinds: r.uitgecheckt_op ?? '', tot: r.vergrendeld_tot ?? '' };
  }
  return d;
}

/** Stored content as BinaireData: each block is read when the serialiser reaches it (rows never change). */
class OpgeslagenData implements BinaireData {
  constructor(
    private readonly blok: Statement<[number, number], { data: Buffer }>,
    private readonly inhoudId: number,
    readonly grootte: number,
    private readonly sha256: string,
  ) {}

  *blokken(): Iterable<Buffer> {
    for (let n = 0; ; n++) {
      const r = this.blok.get(this.inhoudId, n);
      if (!r) return;
      yield r.data;
    }
  }

  kenmerk(hash: Hash): void {
    hash.update(this.sha256);
  }
}

const DOCUMENT_KOLOMMEN = 'd.id, d.identificatie, d.data, d.versienummer, d.inhoud_id, d.checked_out_id, d.checked_out_by, d.uitgecheckt_op, d.vergrendeld_tot, d.aangemaakt';

export class Documenten {
  private readonly opIdentificatie;
  private readonly invoegen;
  private readonly bijwerken;
  private readonly versieInvoegen;
  private readonly versiesVan;
  private readonly vergrendelen;
  private readonly inhoudInvoegen;
  private readonly inhoudAfronden;
  private readonly blokInvoegen;
  private readonly blokLezen;
  private readonly inhoudOpId;
  private readonly koppelen;
  private readonly ontkoppelen;
  private readonly koppelingBijwerken;
  private readonly vanZaakRijen;
  private readonly zakenVanRijen;

  constructor(db: Db) {
    this.opIdentificatie = db.prepare<[string], DocumentRij>(`SELECT ${DOCUMENT_KOLOMMEN} FROM document d WHERE d.identificatie = ?`);
    this.invoegen = db.prepare('INSERT INTO document (identificatie, data, versienummer, inhoud_id, aangemaakt, gewijzigd) VALUES (?, ?, 1, ?, ?, ?)');
    // A new version always ends the check-out it may have been the check-in of.
    this.bijwerken = db.prepare(
      `UPDATE document SET data = ?, versienummer = ?, inhoud_id = ?, gewijzigd = ?,
         checked_out_id = NULL, checked_out_by = NULL, uitgecheckt_op = NULL, vergrendeld_tot = NULL WHERE id = ?`,
    );
    this.versieInvoegen = db.prepare('INSERT INTO document_versie (document_id, versienummer, data, inhoud_id, soort, zender, tijdstip) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.versiesVan = db.prepare<[number], { versienummer: number; data: string; inhoud_id: number | null; soort: string | null; zender: string | null; tijdstip: string }>(
      'SELECT versienummer, data, inhoud_id, soort, zender, tijdstip FROM document_versie WHERE document_id = ? ORDER BY versienummer',
    );
    this.vergrendelen = db.prepare('UPDATE document SET checked_out_id = ?, checked_out_by = ?, uitgecheckt_op = ?, vergrendeld_tot = ? WHERE id = ?');
    this.inhoudInvoegen = db.prepare("INSERT INTO inhoud (bestandsnaam, content_type, grootte, sha256) VALUES (?, ?, 0, '')");
    this.inhoudAfronden = db.prepare('UPDATE inhoud SET grootte = ?, sha256 = ? WHERE id = ?');
    this.blokInvoegen = db.prepare('INSERT INTO inhoud_blok (inhoud_id, volgnummer, data) VALUES (?, ?, ?)');
    this.blokLezen = db.prepare<[number, number], { data: Buffer }>('SELECT data FROM inhoud_blok WHERE inhoud_id = ? AND volgnummer = ?');
    this.inhoudOpId = db.prepare<[number], InhoudRij>('SELECT id, bestandsnaam, content_type, grootte, sha256 FROM inhoud WHERE id = ?');
    this.koppelen = db.prepare(
      `INSERT INTO zaakdocument (zaak_id, document_id, velden, volgorde)
       VALUES (?, ?, ?, (SELECT COALESCE(MAX(volgorde), 0) + 1 FROM zaakdocument WHERE zaak_id = ?))
       ON CONFLICT (zaak_id, document_id) DO NOTHING`,
    );
    this.ontkoppelen = db.prepare('DELETE FROM zaakdocument WHERE zaak_id = ? AND document_id = ?');
    this.koppelingBijwerken = db.prepare('UPDATE zaakdocument SET velden = ? WHERE zaak_id = ? AND document_id = ?');
    this.vanZaakRijen = db.prepare<[number], DocumentRij & { zaak_id: number; zaak_identificatie: string; velden: string }>(
      `SELECT ${DOCUMENT_KOLOMMEN}, zd.zaak_id, z.identificatie AS zaak_identificatie, zd.velden
       FROM zaakdocument zd JOIN document d ON d.id = zd.document_id JOIN zaak z ON z.id = zd.zaak_id
       WHERE zd.zaak_id = ? ORDER BY d.identificatie`,
    );
    this.zakenVanRijen = db.prepare<[number], DocumentRij & { zaak_id: number; zaak_identificatie: string; velden: string }>(
      `SELECT ${DOCUMENT_KOLOMMEN}, zd.zaak_id, z.identificatie AS zaak_identificatie, zd.velden
       FROM zaakdocument zd JOIN document d ON d.id = zd.document_id JOIN zaak z ON z.id = zd.zaak_id
       WHERE zd.document_id = ? ORDER BY z.identificatie`,
    );
  }

  async vind(identificatie: string): Promise<Document | undefined> {
    const r = this.opIdentificatie.get(identificatie);
    return r && document(r);
  }

  async bestaat(identificatie: string): Promise<boolean> {
    return this.opIdentificatie.get(identificatie) !== undefined;
  }

  /** A new document with its first version. */
  async voegToe(identificatie: string, data: DocumentData, inhoudId: number | undefined, zender: string | undefined): Promise<Document> {
    const t = nu();
    const id = Number(this.invoegen.run(identificatie, naarJson(data), inhoudId ?? null, t, t).lastInsertRowid);
    this.versieInvoegen.run(id, 1, naarJson(data), inhoudId ?? null, null, zender ?? null, t);
    const d: Document = { id, identificatie, data, versienummer: 1, aangemaakt: t };
    if (inhoudId !== undefined) d.inhoudId = inhoudId;
    return d;
  }

  /** The next version (check-in or update): the document becomes it and is no longer checked out. */
  async nieuweVersie(doc: Document, data: DocumentData, inhoudId: number | undefined, soort: VersioningState | undefined, zender: string | undefined): Promise<number> {
    const t = nu();
    const versienummer = doc.versienummer + 1;
    this.bijwerken.run(naarJson(data), versienummer, inhoudId ?? null, t, doc.id);
    this.versieInvoegen.run(doc.id, versienummer, naarJson(data), inhoudId ?? null, soort ?? null, zender ?? null, t);
    return versienummer;
  }

  async versies(documentId: number): Promise<DocumentVersie[]> {
    return this.versiesVan.all(documentId).map((r) => {
      const v: DocumentVersie = { versienummer: r.versienummer, data: uitJson<DocumentData>(r.data, {}), tijdstip: r.tijdstip };
      if (r.inhoud_id !== null) v.inhoudId = r.inhoud_id;
      if (r.soort !== null) v.soort = r.soort as VersioningState;
      if (r.zender !== null) v.zender = r.zender;
      return v;
    });
  }

  async vergrendel(documentId: number, v: Vergrendeling): Promise<void> {
    this.vergrendelen.run(v.checkedOutId, v.door, v.sinds, v.tot, documentId);
  }

  async ontgrendel(documentId: number): Promise<void> {
    this.vergrendelen.run(null, null, null, null, documentId);
  }

  // ---- content ----------------------------------------------------------------------------------------------

  /** Stores content block by block as it is decoded; size and hash are computed on the way. */
  async bewaarInhoud(inhoud: Inhoud): Promise<InhoudInfo> {
    const id = Number(this.inhoudInvoegen.run(inhoud.bestandsnaam, inhoud.contentType ?? null).lastInsertRowid);
    const hash = createHash('sha256');
    let grootte = 0;
    let n = 0;
    for (const blok of inhoud.data.blokken()) {
      if (blok.length === 0) continue;
      this.blokInvoegen.run(id, n++, blok);
      hash.update(blok);
      grootte += blok.length;
    }
    const sha256 = hash.digest('hex');
    this.inhoudAfronden.run(grootte, sha256, id);
    const info: InhoudInfo = { id, bestandsnaam: inhoud.bestandsnaam, grootte, sha256 };
    if (inhoud.contentType) info.contentType = inhoud.contentType;
    return info;
  }

  async inhoudInfo(id: number): Promise<InhoudInfo | undefined> {
    const r = this.inhoudOpId.get(id);
    if (!r) return undefined;
    const info: InhoudInfo = { id: r.id, bestandsnaam: r.bestandsnaam, grootte: r.grootte, sha256: r.sha256 };
    if (r.content_type !== null) info.contentType = r.content_type;
    return info;
  }

  /** The bytes of stored content, read lazily; valid after the reading transaction has ended. */
  async data(info: InhoudInfo): Promise<BinaireData> {
    return new OpgeslagenData(this.blokLezen, info.id, info.grootte, info.sha256);
  }

  // ---- filing in zaken (ZAAKDOCUMENT) -----------------------------------------------------------------------

  /** Files the document in the zaak; false when it already was (a T for an existing relation counts as I). */
  async koppel(zaakId: number, documentId: number, velden: ZaakdocumentData): Promise<boolean> {
    return this.koppelen.run(zaakId, documentId, naarJson(velden), zaakId).changes > 0;
  }

  async ontkoppel(zaakId: number, documentId: number): Promise<boolean> {
    return this.ontkoppelen.run(zaakId, documentId).changes > 0;
  }

  async werkKoppelingBij(zaakId: number, documentId: number, velden: ZaakdocumentData): Promise<void> {
    this.koppelingBijwerken.run(naarJson(velden), zaakId, documentId);
  }

  /** The documents filed in a zaak, sorted on documentidentificatie (the order the answers prescribe). */
  async vanZaak(zaakId: number): Promise<Zaakdocument[]> {
    return this.vanZaakRijen.all(zaakId).map((r) => ({
      zaakId: r.zaak_id, zaakIdentificatie: r.zaak_identificatie, document: document(r), velden: uitJson<ZaakdocumentData>(r.velden, {}),
    }));
  }

  /** The zaken a document is filed in, sorted on zaakidentificatie. */
  async zakenVan(documentId: number): Promise<Zaakdocument[]> {
    return this.zakenVanRijen.all(documentId).map((r) => ({
      zaakId: r.zaak_id, zaakIdentificatie: r.zaak_identificatie, document: document(r), velden: uitJson<ZaakdocumentData>(r.velden, {}),
    }));
  }
}
