// Decoding an EDC object (edcLk01 of voegZaakdocumentToe / maakZaakdocument, the objects of an edcLk02 in
// updateZaakdocument and ontkoppelZaakdocument) into what it says: metadata to set or clear, new content,
// and the zaken it is filed in or unfiled from (isRelevantVoor).
import { schemaFout } from './fout';
import { Afwijkingen, Verwerkingssoort, checkEntiteittype, leesVerwerkingssoort, leesWaarde, relatieZonderWaarde } from './entiteit';
import { Inhoud, leesInhoud } from './inhoud';
import { leesKennisgevingObjecten } from './kennisgevingObjecten';
import { NS } from './namespaces';
import { XElement, child, isNil } from './xml';
import { DOCUMENT_VELDEN, DocumentVeld, ZAAKDOCUMENT_VELDEN, ZaakdocumentVeld } from '../domain/document';
import type { Waarde } from '../domain/zaak';

export interface ZaakKoppeling {
  pad: string;
  verwerkingssoort?: Verwerkingssoort;
  /** Names no zaak (sent nil, or an empty gerelateerde): the empty counterpart of an add (in oud) or a removal (in nieuw). */
  nil: boolean;
  zaak?: string;
  velden: Map<ZaakdocumentVeld, Waarde | null>;
}

export interface DocumentBericht {
  pad: string;
  verwerkingssoort?: Verwerkingssoort;
  identificatie?: string;
  /** Present metadata: a value to set, or null to clear. */
  velden: Map<DocumentVeld, Waarde | null>;
  inhoud?: Inhoud;
  koppelingen: ZaakKoppeling[];
  /** Elements this reader does not store (tijdvakken, extraElementen), by name, for operations that must refuse changes. */
  overig: string[];
}

const VELD_SPEC = new Map(DOCUMENT_VELDEN.map((s) => [s.naam as string, s]));
const KOPPEL_SPEC = new Map(ZAAKDOCUMENT_VELDEN.map((s) => [s.naam as string, s]));
const GENEGEERD = new Set(['tijdvakGeldigheid', 'tijdstipRegistratie', 'extraElementen']);
/** StUF children of EDC and EDCZAK; the rest is ZKN. */
const STUF_KINDEREN = new Set(['tijdvakRelatie', 'tijdvakGeldigheid', 'tijdstipRegistratie', 'extraElementen']);
const verwachteNs = (local: string) => (STUF_KINDEREN.has(local) ? NS.stuf : NS.zkn);
const GENEGEERD_IN_KOPPELING = new Set(['stt.volgnummer', 'stt.omschrijving', 'sta.datumStatusGezet', 'tijdvakRelatie', 'tijdvakGeldigheid', 'tijdstipRegistratie', 'extraElementen']);

/** A documentidentificatie: 1 to 40 characters (DocumentIdentificatie). */
export function controleerDocumentidentificatie(id: string | undefined, pad: string): string {
  if (!id) throw schemaFout(`${pad}/identificatie: de documentidentificatie ontbreekt`);
  if (id.length > 40) throw schemaFout(`${pad}/identificatie: '${id.slice(0, 50)}' is langer dan 40 tekens`);
  return id;
}

function leesKoppeling(e: XElement, pad: string, afw: Afwijkingen): ZaakKoppeling {
  checkEntiteittype(e, 'EDCZAK', pad, afw);
  const k: ZaakKoppeling = { pad, verwerkingssoort: leesVerwerkingssoort(e, pad, afw), nil: relatieZonderWaarde(e, 'ZAK', pad, afw), velden: new Map() };
  if (k.nil) return k; // names no zaak: in oud there was none, in nieuw there is nothing to file
  for (const c of e.children) {
    const cpad = `${pad}/${c.local}`;
    if (c.ns !== verwachteNs(c.local)) {
      afw.meld(`${cpad}: element in een andere namespace dan het schema het geeft; genegeerd`);
      continue;
    }
    const spec = KOPPEL_SPEC.get(c.local);
    if (c.local === 'gerelateerde') {
      checkEntiteittype(c, 'ZAK', cpad, afw);
      const id = child(c, 'identificatie', NS.zkn);
      k.zaak = (id && !isNil(id) && id.text.trim()) || undefined;
      if (!k.zaak) throw schemaFout(`${cpad}/identificatie: de zaak van de koppeling ontbreekt`);
    } else if (spec) {
      k.velden.set(spec.naam, leesWaarde(c, spec, cpad, afw));
    } else if (!GENEGEERD_IN_KOPPELING.has(c.local)) {
      afw.meld(`${cpad}: element onbekend in isRelevantVoor; genegeerd`);
    }
  }
  if (!k.zaak) throw schemaFout(`${pad}: isRelevantVoor zonder gerelateerde zaak`);
  return k;
}

/** Decodes one ZKN:object with entiteittype EDC. */
export function leesDocumentObject(obj: XElement, pad: string, afw: Afwijkingen): DocumentBericht {
  checkEntiteittype(obj, 'EDC', pad, afw);
  const b: DocumentBericht = { pad, verwerkingssoort: leesVerwerkingssoort(obj, pad, afw), velden: new Map(), koppelingen: [], overig: [] };
  for (const c of obj.children) {
    const cpad = `${pad}/${c.local}`;
    if (c.ns !== verwachteNs(c.local)) {
      afw.meld(`${cpad}: element in een andere namespace dan het schema het geeft; genegeerd`);
      b.overig.push(c.local);
      continue;
    }
    const spec = VELD_SPEC.get(c.local);
    if (c.local === 'identificatie') {
      b.identificatie = c.text.trim() || undefined;
    } else if (spec) {
      b.velden.set(spec.naam, leesWaarde(c, spec, cpad, afw));
    } else if (c.local === 'inhoud') {
      b.inhoud = leesInhoud(c, cpad);
    } else if (c.local === 'isRelevantVoor') {
      b.koppelingen.push(leesKoppeling(c, cpad, afw));
    } else if (GENEGEERD.has(c.local)) {
      b.overig.push(c.local);
    } else {
      afw.meld(`${cpad}: element onbekend in een EDC-kennisgeving; genegeerd`);
      b.overig.push(c.local);
    }
  }
  return b;
}

/** The objects of an edcLk01 (one, T) or an embedded edcLk02 (two: oud and nieuw, W) after checking the parameters. */
export function leesDocumentObjecten(container: XElement, mutatiesoort: 'T' | 'W', afw: Afwijkingen): { oud?: DocumentBericht; nieuw: DocumentBericht } {
  // Only an Lk01 has indicatorOvername; the edcLk02 inside a Di02 has mutatiesoort alone. The Di02 (update,
  // ontkoppel) already says it is a change, so an edcLk02 sent with mutatiesoort T is read as W, as for updateZaak.
  const vorm = { wat: 'document', naam: { T: 'het bericht', W: 'een wijziging' }, indicatorOvername: mutatiesoort === 'T', wijzigingOokAlsT: mutatiesoort === 'W', lees: leesDocumentObject };
  return leesKennisgevingObjecten(container, mutatiesoort, vorm, afw);
}
