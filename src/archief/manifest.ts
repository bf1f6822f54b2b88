// The manifest of a dossier export (issue 19, item 4): what the export holds, every file with its size and SHA-256,
// and the archive metadata an archive needs to judge the dossier (nominatie, actiedatum, selectielijst entry). One JSON
// file beside the answers, so that the receiving archive checks the transfer without reading StUF.
import type { Config } from '../config';
import type { ZaakData } from '../domain/zaak';
import { type SelectielijstRegel, normaalResultaat, resultatenVan } from './configSchema';
import { type Archiefbron, bronVan } from './afleiding';

/** Changes when the layout changes in a way a reader of older exports must know about. */
export const MANIFEST_FORMAAT = 'zds-gateway-dossierexport/1';

export interface ManifestBestand {
  /** Relative to the export's root, with forward slashes (also inside a ZIP). */
  pad: string;
  grootte: number;
  sha256: string;
}

export interface ManifestInhoud {
  /** The content file beside metadata.xml. */
  bestand: string;
  /** The file name as stored with the document (StUF:bestandsnaam), which may not be safe as a path. */
  bestandsnaam: string;
  contentType?: string;
  grootte: number;
  sha256: string;
}

export interface ManifestVersie {
  versie: number;
  /** When the gateway stored this version (ISO 8601, UTC). */
  tijdstip: string;
  /** How a check-in made it: major or minor; absent for the first version and for an update without check-out. */
  soort?: string;
  /** The geefZaakdocumentLezen_EdcLa01 answer of this version. */
  metadata: string;
  /** Absent for a version without content (maakZaakdocument). */
  inhoud?: ManifestInhoud;
}

export interface ManifestDocument {
  identificatie: string;
  versies: ManifestVersie[];
}

export interface Archiefgegevens {
  /** The zaak's archiefnominatie as it holds it (StUF-ZKN J or N), or null. */
  archiefnominatie: string | null;
  /** The zaak's datumVernietigingDossier as a date (JJJJ-MM-DD), or null: the moment the archive acts. */
  archiefactiedatum: string | null;
  /** The same as the zaak holds it (StUF date JJJJMMDD). */
  datumVernietigingDossier: string | null;
  /** Where the two come from: the selectielijst, a message, onbepaald (closed without a rule); null for an open zaak without them. */
  bron: Archiefbron | null;
  /** The configuration's selectielijst rule for this zaak (archief.selectielijst) and its position, or null. */
  selectielijst: ({ regel: number } & SelectielijstRegel) | null;
}

export interface Manifest {
  formaat: string;
  /** Ties the export to its protocol row (referentienummer) and to the answers (their crossRefnummer). */
  referentie: string;
  geexporteerd: string;
  gateway: { versie: string; commit: string };
  zaak: { identificatie: string; zaaktype: { code: string; omschrijving?: string }; bestand: string };
  archief: Archiefgegevens;
  documenten: ManifestDocument[];
  besluiten: { identificatie: string; bestand: string }[];
  /** Every file of the export but manifest.json itself. */
  bestanden: ManifestBestand[];
}

export const MANIFEST_PAD = 'manifest.json';

const isoDatum = (w: string | undefined): string | null => {
  if (w === undefined) return null;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(w);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
};

/**
 * The selectielijst rule for a zaak, with its position in archief.selectielijst, as the derivation chooses it
 * (afleiding.ts): the rule of its zaaktype that names its resultaat, else the zaaktype's '*' rule; null without one.
 */
export function selectielijstItem(config: Config, data: ZaakData): ({ regel: number } & SelectielijstRegel) | null {
  const lijst = config.archief.selectielijst;
  const vanZaaktype = (r: SelectielijstRegel) => r.zaaktype === data.zaaktype.code;
  const resultaat = data.groepen.resultaat?.omschrijving?.w;
  const n = resultaat === undefined ? undefined : normaalResultaat(resultaat);
  let i = n === undefined ? -1 : lijst.findIndex((r) => vanZaaktype(r) && resultatenVan(r).some((x) => x !== '*' && normaalResultaat(x) === n));
  if (i < 0) i = lijst.findIndex((r) => vanZaaktype(r) && resultatenVan(r).includes('*'));
  return i < 0 ? null : { regel: i, ...lijst[i] };
}

/** The archive metadata of a zaak: its own fields and the configuration's selectielijst entry. */
export function archiefgegevens(config: Config, zaak: ZaakData): Archiefgegevens {
  const datum = zaak.attributen.datumVernietigingDossier?.w;
  return {
    archiefnominatie: zaak.attributen.archiefnominatie?.w ?? null,
    archiefactiedatum: isoDatum(datum),
    datumVernietigingDossier: datum ?? null,
    bron: bronVan(zaak) ?? null,
    selectielijst: selectielijstItem(config, zaak),
  };
}
