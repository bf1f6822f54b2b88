// Removing everything of one zaak from every table (issue 19, destruction). Runs inside the zaak's own transaction
// (src/archief/vernietigen.ts decides whether the zaak may go). What stays, and why:
// - other zaken's relations to it keep the identificatie only (zaakrelatie.gerelateerde emptied): their own history;
// - the protocol (protocol, protocol_zaak, protocol_bsn): the accountability record of who saw personal data, with
//   its own retention (protocol.bewaartermijnDagen); it holds no content of the zaak;
// - uitgegeven_identificatie: that the number was handed out, so that it is never handed out again;
// - the destruction list and record (archief tables), which hold identificaties, codes and dates only.
import type { Sql } from './sql';

/** Rows outside the zaak's own tables that name it, found by a scan of the texts beforehand (archief/sporen.ts). */
export interface Sporen {
  /** journaal ids whose request or answer text names the zaak. */
  journaal: number[];
  /** verwerkt_bericht keys whose stored answer names the zaak. */
  verwerkt: { organisatie: string; applicatie: string; referentienummer: string }[];
}

export interface Verwijderd {
  documenten: number;
  /** Documents also filed in another zaak: only this zaak's filing went. */
  gedeeldeDocumenten: number;
  besluiten: number;
  personen: number;
  sporen: number;
}

const plekken = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** `sql` with every id of `ids`, a bounded number at a time (a zaak may have thousands of journal rows). */
async function perDeel(ids: number[], werk: (deel: number[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) await werk(ids.slice(i, i + 500));
}

export class Vernietiger {
  constructor(private readonly sql: Sql) {}

  private async ids(sql: string, params: (string | number)[]): Promise<number[]> {
    return (await this.sql.alle<{ id: number | string | null }>(sql, params)).flatMap((r) => (r.id === null ? [] : [Number(r.id)]));
  }

  /** Documents filed only in this zaak go with all their versions and content; shared ones lose this filing only. */
  private async documenten(zaakId: number): Promise<{ weg: number; gedeeld: number }> {
    const alle = await this.ids('SELECT document_id AS id FROM zaakdocument WHERE zaak_id = ?', [zaakId]);
    const gedeeld = new Set(alle.length ? await this.ids(
      `SELECT DISTINCT document_id AS id FROM zaakdocument WHERE document_id IN (${plekken(alle.length)}) AND zaak_id <> ?`, [...alle, zaakId],
    ) : []);
    await this.sql.voer('DELETE FROM zaakdocument WHERE zaak_id = ?', [zaakId]);
    const eigen = alle.filter((d) => !gedeeld.has(d));
    for (const doc of eigen) {
      const inhoud = await this.ids('SELECT inhoud_id AS id FROM document WHERE id = ? UNION SELECT inhoud_id AS id FROM document_versie WHERE document_id = ?', [doc, doc]);
      await this.sql.voer('DELETE FROM document_versie WHERE document_id = ?', [doc]);
      await this.sql.voer('DELETE FROM document WHERE id = ?', [doc]);
      // Content belongs to one document: a version gets new content or keeps its own document's
      // (src/domain/documentMutaties.ts), so no other document refers to it.
      for (const i of inhoud) {
        await this.sql.voer('DELETE FROM inhoud_blok WHERE inhoud_id = ?', [i]);
        await this.sql.voer('DELETE FROM inhoud WHERE id = ?', [i]);
      }
    }
    return { weg: eigen.length, gedeeld: gedeeld.size };
  }

  /** Roles and zaakobjecten, then the persons (and other betrokkenen) no other zaak refers to any more. */
  private async betrokkenen(zaakId: number): Promise<number> {
    const ids = await this.ids(
      'SELECT betrokkene_id AS id FROM rol WHERE zaak_id = ? UNION SELECT betrokkene_id AS id FROM zaakobject WHERE zaak_id = ? AND betrokkene_id IS NOT NULL',
      [zaakId, zaakId],
    );
    await this.sql.voer('DELETE FROM rol WHERE zaak_id = ?', [zaakId]);
    await this.sql.voer('DELETE FROM zaakobject WHERE zaak_id = ?', [zaakId]);
    let weg = 0;
    for (const b of ids) {
      weg += await this.sql.voer(
        'DELETE FROM betrokkene WHERE id = ? AND NOT EXISTS (SELECT 1 FROM rol WHERE betrokkene_id = ?) AND NOT EXISTS (SELECT 1 FROM zaakobject WHERE betrokkene_id = ?)',
        [b, b, b],
      );
    }
    return weg;
  }

  /** The journal: texts that name the zaak go; its rows stay as metadata without it (they may concern other zaken). */
  private async journaal(identificatie: string, tekstIds: number[]): Promise<number> {
    const rijen = await this.ids('SELECT journaal_id AS id FROM journaal_zaak WHERE zaak = ?', [identificatie]);
    const teksten = [...new Set([...rijen, ...tekstIds])];
    let weg = 0;
    await perDeel(teksten, async (deel) => (weg += await this.sql.voer(`DELETE FROM journaal_inhoud WHERE journaal_id IN (${plekken(deel.length)})`, deel)));
    await this.sql.voer('DELETE FROM journaal_zaak WHERE zaak = ?', [identificatie]);
    await perDeel(rijen, async (deel) => {
      const regels = await this.sql.alle<{ id: number; zaken: string }>(`SELECT id, zaken FROM journaal WHERE id IN (${plekken(deel.length)})`, deel);
      for (const r of regels) {
        const zaken = r.zaken.split(' ').filter((z) => z && z !== identificatie).join(' ');
        await this.sql.voer('UPDATE journaal SET zaken = ? WHERE id = ?', [zaken, r.id]);
      }
    });
    return weg;
  }

  /**
   * Everything of the zaak, in an order the foreign keys allow. `zaakId` and `identificatie` are the zaak row's;
   * the caller has checked that it may go and holds the transaction.
   */
  async verwijder(zaakId: number, identificatie: string, sporen: Sporen): Promise<Verwijderd> {
    const docs = await this.documenten(zaakId);
    const besluitIds = await this.ids('SELECT id FROM besluit WHERE zaak_id = ?', [zaakId]);
    if (besluitIds.length) await this.sql.voer(`DELETE FROM besluitdocument WHERE besluit_id IN (${plekken(besluitIds.length)})`, besluitIds);
    await this.sql.voer('DELETE FROM besluit WHERE zaak_id = ?', [zaakId]);
    const personen = await this.betrokkenen(zaakId);
    await this.sql.voer('DELETE FROM status WHERE zaak_id = ?', [zaakId]);
    await this.sql.voer('DELETE FROM wachtende_eindstatus WHERE zaak_id = ?', [zaakId]);
    await this.sql.voer('DELETE FROM zaakrelatie WHERE zaak_id = ?', [zaakId]);
    // Other zaken's relations to it: the identificatie stays as their history, what they were told of it goes.
    await this.sql.voer("UPDATE zaakrelatie SET gerelateerde = '[]' WHERE andere_identificatie = ?", [identificatie]);
    // Mirrors of ketenpartner zaken linked to it as deelplan, and their agreed terms.
    await this.sql.voer('DELETE FROM spiegelzaak WHERE deelplan_id = ?', [zaakId]);
    await this.sql.voer('DELETE FROM partnertermijn WHERE deelplan = ?', [identificatie]);
    // The outbox (notifications and handovers about it, whatever their state), then the handovers.
    await this.sql.voer('DELETE FROM uitgaand WHERE volgorde = ?', [identificatie]);
    const overdrachten = await this.ids('SELECT id FROM overdracht WHERE zaak = ?', [identificatie]);
    if (overdrachten.length) {
      // Their messages carry the zaak as volgorde too; by overdracht_id as well, so that no reference is left.
      await this.sql.voer(`DELETE FROM uitgaand WHERE overdracht_id IN (${plekken(overdrachten.length)})`, overdrachten);
      await this.sql.voer('DELETE FROM overdracht WHERE zaak = ?', [identificatie]);
    }
    const journaal = await this.journaal(identificatie, sporen.journaal);
    let verwerkt = 0;
    for (const k of sporen.verwerkt) {
      verwerkt += await this.sql.voer('DELETE FROM verwerkt_bericht WHERE zender_organisatie = ? AND zender_applicatie = ? AND referentienummer = ?', [k.organisatie, k.applicatie, k.referentienummer]);
    }
    await this.sql.voer('DELETE FROM archief_blokkade WHERE zaak_id = ?', [zaakId]);
    await this.sql.voer('DELETE FROM zaak WHERE id = ?', [zaakId]);
    return { documenten: docs.weg, gedeeldeDocumenten: docs.gedeeld, besluiten: besluitIds.length, personen, sporen: journaal + verwerkt };
  }
}
