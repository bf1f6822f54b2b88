// Documents (EDC), their versions, their content in blocks, the check-out lock and their filing in zaken.
// Content is written block by block as it is decoded and read back block by block when an answer is sent:
// no request or answer holds a whole document in memory.
import { createHash, Hash } from 'node:crypto';
import { Sql } from './sql';
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
  const d: Document = { id: Number(r.id), identificatie: r.identificatie, data: uitJson<DocumentData>(r.data, {}), versienummer: r.versienummer, aangemaakt: r.aangemaakt };
  if (r.inhoud_id !== null) d.inhoudId = Number(r.inhoud_id);
  if (r.checked_out_id !== null) {
    d.vergrendeling = { checkedOutId: r.checked_out_id, door: r.checked_out_by ?? '', sinds: r.uitgecheckt_op ?? '', tot: r.vergrendeld_tot ?? '' };
  }
  return d;
}

/**
 * Stored content as BinaireData: each block is read when the serialiser reaches it, one statement per block, outside
 * any transaction (content rows never change once written, so a block read later is the block that was written).
 */
/** The content's blocks without empty ones (a decoder may yield one between chunks). */
async function* nietLeeg(blokken: AsyncIterable<Buffer> | Iterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const blok of blokken) if (blok.length > 0) yield blok;
}

class OpgeslagenData implements BinaireData {
  constructor(
    private readonly sql: Sql,
    private readonly inhoudId: number,
    readonly grootte: number,
    private readonly sha256: string,
  ) {}

  async *blokken(): AsyncIterable<Buffer> {
    for (let n = 0; ; n++) {
      const r = await this.sql.een<{ data: Buffer }>('SELECT data FROM inhoud_blok WHERE inhoud_id = ? AND volgnummer = ?', [this.inhoudId, n]);
      if (!r) return;
      yield r.data;
    }
  }

  kenmerk(hash: Hash): void {
    hash.update(this.sha256);
  }
}

const DOCUMENT_KOLOMMEN = 'd.id, d.identificatie, d.data, d.versienummer, d.inhoud_id, d.checked_out_id, d.checked_out_by, d.uitgecheckt_op, d.vergrendeld_tot, d.aangemaakt';

type ZaakdocumentRij = DocumentRij & { zaak_id: number; zaak_identificatie: string; velden: string };

const ZAAKDOCUMENTEN = `SELECT ${DOCUMENT_KOLOMMEN}, zd.zaak_id, z.identificatie AS zaak_identificatie, zd.velden
  FROM zaakdocument zd JOIN document d ON d.id = zd.document_id JOIN zaak z ON z.id = zd.zaak_id`;

const zaakdocument = (r: ZaakdocumentRij): Zaakdocument => ({
  zaakId: Number(r.zaak_id), zaakIdentificatie: r.zaak_identificatie, document: document(r), velden: uitJson<ZaakdocumentData>(r.velden, {}),
});

const VERSIE_INVOEGEN = 'INSERT INTO document_versie (document_id, versienummer, data, inhoud_id, soort, zender, tijdstip) VALUES (?, ?, ?, ?, ?, ?, ?)';

export class Documenten {
  constructor(private readonly sql: Sql) {}

  async vind(identificatie: string): Promise<Document | undefined> {
    const r = await this.sql.een<DocumentRij>(`SELECT ${DOCUMENT_KOLOMMEN} FROM document d WHERE d.identificatie = ?`, [identificatie]);
    return r && document(r);
  }

  async bestaat(identificatie: string): Promise<boolean> {
    return (await this.sql.een('SELECT 1 AS n FROM document WHERE identificatie = ?', [identificatie])) !== undefined;
  }

  /** A new document with its first version. */
  async voegToe(identificatie: string, data: DocumentData, inhoudId: number | undefined, zender: string | undefined): Promise<Document> {
    const t = nu();
    const r = await this.sql.een<{ id: number }>(
      'INSERT INTO document (identificatie, data, versienummer, inhoud_id, aangemaakt, gewijzigd) VALUES (?, ?, 1, ?, ?, ?) RETURNING id',
      [identificatie, naarJson(data), inhoudId ?? null, t, t],
    );
    const id = Number(r!.id);
    await this.sql.voer(VERSIE_INVOEGEN, [id, 1, naarJson(data), inhoudId ?? null, null, zender ?? null, t]);
    const d: Document = { id, identificatie, data, versienummer: 1, aangemaakt: t };
    if (inhoudId !== undefined) d.inhoudId = inhoudId;
    return d;
  }

  /** The next version (check-in or update): the document becomes it and is no longer checked out. */
  async nieuweVersie(doc: Document, data: DocumentData, inhoudId: number | undefined, soort: VersioningState | undefined, zender: string | undefined): Promise<number> {
    const t = nu();
    const versienummer = doc.versienummer + 1;
    await this.sql.voer(
      `UPDATE document SET data = ?, versienummer = ?, inhoud_id = ?, gewijzigd = ?,
         checked_out_id = NULL, checked_out_by = NULL, uitgecheckt_op = NULL, vergrendeld_tot = NULL WHERE id = ?`,
      [naarJson(data), versienummer, inhoudId ?? null, t, doc.id],
    );
    await this.sql.voer(VERSIE_INVOEGEN, [doc.id, versienummer, naarJson(data), inhoudId ?? null, soort ?? null, zender ?? null, t]);
    return versienummer;
  }

  async versies(documentId: number): Promise<DocumentVersie[]> {
    const rijen = await this.sql.alle<{ versienummer: number; data: string; inhoud_id: number | null; soort: string | null; zender: string | null; tijdstip: string }>(
      'SELECT versienummer, data, inhoud_id, soort, zender, tijdstip FROM document_versie WHERE document_id = ? ORDER BY versienummer',
      [documentId],
    );
    return rijen.map((r) => {
      const v: DocumentVersie = { versienummer: r.versienummer, data: uitJson<DocumentData>(r.data, {}), tijdstip: r.tijdstip };
      if (r.inhoud_id !== null) v.inhoudId = Number(r.inhoud_id);
      if (r.soort !== null) v.soort = r.soort as VersioningState;
      if (r.zender !== null) v.zender = r.zender;
      return v;
    });
  }

  /** Sets the lock whatever the row holds; the caller has checked the document it read in this transaction. */
  async vergrendel(documentId: number, v: Vergrendeling): Promise<void> {
    await this.sql.voer('UPDATE document SET checked_out_id = ?, checked_out_by = ?, uitgecheckt_op = ?, vergrendeld_tot = ? WHERE id = ?', [
      v.checkedOutId, v.door, v.sinds, v.tot, documentId,
    ]);
  }

  /**
   * Takes the lock only when the row allows it at this moment: nobody holds it, it has lapsed (`nu`, ISO), or it is
   * `v.door`'s own. The changed-row count decides, so of two instances checking out at once exactly one wins.
   */
  async vergrendelAlsVrij(documentId: number, v: Vergrendeling, nu: string): Promise<boolean> {
    const n = await this.sql.voer(
      `UPDATE document SET checked_out_id = ?, checked_out_by = ?, uitgecheckt_op = ?, vergrendeld_tot = ?
       WHERE id = ? AND (checked_out_id IS NULL OR vergrendeld_tot <= ? OR checked_out_by = ?)`,
      [v.checkedOutId, v.door, v.sinds, v.tot, documentId, nu, v.door],
    );
    return n === 1;
  }

  async ontgrendel(documentId: number): Promise<void> {
    await this.sql.voer('UPDATE document SET checked_out_id = NULL, checked_out_by = NULL, uitgecheckt_op = NULL, vergrendeld_tot = NULL WHERE id = ?', [documentId]);
  }

  /** Releases the lock only if it is still this check-out's; false when another took its place meanwhile. */
  async ontgrendelAls(documentId: number, checkedOutId: string): Promise<boolean> {
    const n = await this.sql.voer(
      'UPDATE document SET checked_out_id = NULL, checked_out_by = NULL, uitgecheckt_op = NULL, vergrendeld_tot = NULL WHERE id = ? AND checked_out_id = ?',
      [documentId, checkedOutId],
    );
    return n === 1;
  }

  // ---- content ----------------------------------------------------------------------------------------------

  /**
   * Stores content block by block as it is decoded; size and hash are computed on the way. Content of one block (most
   * documents) is known whole before its row is written: its size and hash go in the INSERT, one statement fewer.
   */
  async bewaarInhoud(inhoud: Inhoud): Promise<InhoudInfo> {
    const blokken = nietLeeg(inhoud.data.blokken());
    try {
      const vooraf: Buffer[] = [];
      while (vooraf.length < 2) {
        const x = await blokken.next();
        if (x.done) break;
        vooraf.push(x.value);
      }
      const heel = vooraf.length < 2;
      const hash = createHash('sha256');
      let grootte = 0;
      const tel = (blok: Buffer) => {
        hash.update(blok);
        grootte += blok.length;
      };
      if (heel) vooraf.forEach(tel);
      let sha256 = heel ? hash.digest('hex') : '';
      const r = await this.sql.een<{ id: number }>('INSERT INTO inhoud (bestandsnaam, content_type, grootte, sha256) VALUES (?, ?, ?, ?) RETURNING id', [
        inhoud.bestandsnaam, inhoud.contentType ?? null, grootte, sha256,
      ]);
      const id = Number(r!.id);
      let n = 0;
      const schrijf = async (blok: Buffer) => {
        await this.sql.voer('INSERT INTO inhoud_blok (inhoud_id, volgnummer, data) VALUES (?, ?, ?)', [id, n++, blok]);
        if (!heel) tel(blok);
      };
      for (const blok of vooraf) await schrijf(blok);
      if (!heel) {
        for await (const blok of blokken) await schrijf(blok);
        sha256 = hash.digest('hex');
        await this.sql.voer('UPDATE inhoud SET grootte = ?, sha256 = ? WHERE id = ?', [grootte, sha256, id]);
      }
      const info: InhoudInfo = { id, bestandsnaam: inhoud.bestandsnaam, grootte, sha256 };
      if (inhoud.contentType) info.contentType = inhoud.contentType;
      return info;
    } finally {
      await blokken.return(undefined);
    }
  }

  async inhoudInfo(id: number): Promise<InhoudInfo | undefined> {
    const r = await this.sql.een<InhoudRij>('SELECT id, bestandsnaam, content_type, grootte, sha256 FROM inhoud WHERE id = ?', [id]);
    if (!r) return undefined;
    const info: InhoudInfo = { id: Number(r.id), bestandsnaam: r.bestandsnaam, grootte: Number(r.grootte), sha256: r.sha256 };
    if (r.content_type !== null) info.contentType = r.content_type;
    return info;
  }

  /** The bytes of stored content, read lazily; valid after the reading transaction has ended. */
  async data(info: InhoudInfo): Promise<BinaireData> {
    return new OpgeslagenData(this.sql, info.id, info.grootte, info.sha256);
  }

  // ---- filing in zaken (ZAAKDOCUMENT) -----------------------------------------------------------------------

  /** Files the document in the zaak; false when it already was (a T for an existing relation counts as I). */
  async koppel(zaakId: number, documentId: number, velden: ZaakdocumentData): Promise<boolean> {
    const n = await this.sql.voer(
      `INSERT INTO zaakdocument (zaak_id, document_id, velden, volgorde)
       VALUES (?, ?, ?, (SELECT COALESCE(MAX(volgorde), 0) + 1 FROM zaakdocument WHERE zaak_id = ?))
       ON CONFLICT (zaak_id, document_id) DO NOTHING`,
      [zaakId, documentId, naarJson(velden), zaakId],
    );
    return n > 0;
  }

  async ontkoppel(zaakId: number, documentId: number): Promise<boolean> {
    return (await this.sql.voer('DELETE FROM zaakdocument WHERE zaak_id = ? AND document_id = ?', [zaakId, documentId])) > 0;
  }

  async werkKoppelingBij(zaakId: number, documentId: number, velden: ZaakdocumentData): Promise<void> {
    await this.sql.voer('UPDATE zaakdocument SET velden = ? WHERE zaak_id = ? AND document_id = ?', [naarJson(velden), zaakId, documentId]);
  }

  /** The documents filed in a zaak, sorted on documentidentificatie (the order the answers prescribe). */
  async vanZaak(zaakId: number): Promise<Zaakdocument[]> {
    return (await this.sql.alle<ZaakdocumentRij>(`${ZAAKDOCUMENTEN} WHERE zd.zaak_id = ? ORDER BY d.identificatie`, [zaakId])).map(zaakdocument);
  }

  /** The zaken a document is filed in, sorted on zaakidentificatie. */
  async zakenVan(documentId: number): Promise<Zaakdocument[]> {
    return (await this.sql.alle<ZaakdocumentRij>(`${ZAAKDOCUMENTEN} WHERE zd.document_id = ? ORDER BY z.identificatie`, [documentId])).map(zaakdocument);
  }
}
