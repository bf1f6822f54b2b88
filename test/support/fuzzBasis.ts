// The messages the fuzzer mutates: every sample in ../shared/samples (requests, answers, the invalid/ contrast cases,
// the RZS samples), each with the endpoint and SOAPAction it belongs on (as in samples.test.ts), and the ZDS 1.2
// requests of the zaak and document services also in their ZDS 1.1 form. Each becomes a whole SOAP 1.1 envelope
// with an XML declaration, so that mutations can reach the prolog and the envelope too.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { actie as zaakActie, alsZds11, Dienst } from './dialecten';
import { alsZds11Document, docActie, DocDienst } from './documentBerichten';
import { SAMPLES } from './paden';
import { sample, ZDS12 } from './soap';
import { BSN_POOL, ZAAK_POOL } from './fuzzMutaties';
import { Toeval } from './fuzzToeval';

export interface Basis {
  /** The sample (relative to ../shared/samples) and the form: "zds12/creeerZaak_ZakLk01.xml (zds11)". */
  naam: string;
  pad: string;
  actie?: string;
  /** The whole envelope, before any mutation. */
  envelope: string;
  /** Requests that change zaken weigh more: they are how a mutant reaches the store. */
  gewicht: number;
  /** The order in which the unmutated messages are sent first (a story: zaken before what refers to them). */
  rang: number;
}

const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const DECL = '<?xml version="1.0" encoding="UTF-8"?>';
const RZS_ACTIE = 'http://www.egem.nl/StUF/sector/rzs/0310/';
/** The zaak identifications and BSNs in the samples that a mutant may exchange for shared ones. */
const SAMPLE_ZAKEN = ['0599-2024-0000001', '0999GZP000000000001', '0999WMO000000000123', '0999SCH000000000555'];
const SAMPLE_BSN = '111222333';

const kaal = (xml: string) => xml.replace(/<\?xml[^?]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '').trim();
const inEnvelope = (bericht: string) =>
  `${DECL}<soapenv:Envelope xmlns:soapenv="${SOAP11}"><soapenv:Header/><soapenv:Body>${bericht}</soapenv:Body></soapenv:Envelope>`;
const rootVan = (xml: string) => /^<(?:[\w.-]+:)?([\w.-]+)/.exec(xml)?.[1] ?? '';

/** The port a message belongs on (zds.md 1.1): kennisgevingen asynchronous, vragen BeantwoordVraag, Di02 vrije berichten. */
function endpointVoor(root: string): string {
  if (/Lv0\d$/.test(root)) return '/BeantwoordVraag';
  if (/Di02$|Du02$/.test(root)) return '/VerwerkSynchroonVrijBericht';
  return '/OntvangAsynchroon';
}

/** Story order for the unmutated first pass. */
const RANG: [RegExp, number][] = [
  [/genereerZaakIdentificatie_Di02/, 0], [/creeerZaak/, 1], [/updateZaak/, 2], [/actualiseerZaakstatus/, 3],
  [/genereerDocumentIdentificatie_Di02/, 4], [/voegZaakdocumentToe|maakZaakdocument/, 5], [/geefZaakdocumentBewerken_Di02/, 6],
  [/updateZaakdocument/, 7], [/cancelCheckout/, 8], [/voegBesluitToe/, 9], [/overdragenZaak|Notificeer/, 10], [/ontkoppelZaakdocument/, 11],
];

function alleSamples(map = SAMPLES): string[] {
  return readdirSync(map).sort().flatMap((f) => {
    const p = join(map, f);
    if (statSync(p).isDirectory()) return alleSamples(p);
    return f.endsWith('.xml') ? [relative(SAMPLES, p)] : [];
  });
}

export function basissen(): Basis[] {
  const uit: Basis[] = [];
  for (const rel of alleSamples()) {
    const tekst = sample(rel);
    const bericht = kaal(tekst);
    const root = rootVan(bericht);
    const genoemd = /soap[Aa]ction:?\s*"?(https?:\/\/[^\s"]+)/.exec(tekst)?.[1];
    const isEnvelope = root === 'Envelope';
    const rzs = rel.startsWith('rzs/');
    const actie = genoemd ?? (rzs && /Di01$|Du01$/.test(root) ? RZS_ACTIE + root.replace(/_D[iu]01$/, '') : !rzs && /^ZDS:/.test(bericht) ? ZDS12 + root : undefined);
    const rang = RANG.find(([re]) => re.test(rel))?.[1] ?? 20;
    const gewicht = /creeerZaak|updateZaak/.test(rel) ? 4 : /actualiseerZaakstatus|voegZaakdocumentToe|maakZaakdocument|voegBesluitToe|overdragenZaak/.test(rel) ? 2 : 1;
    uit.push({
      naam: rel,
      pad: rzs || isEnvelope ? '/OntvangAsynchroon' : endpointVoor(root),
      actie,
      envelope: isEnvelope ? DECL + bericht : inEnvelope(bericht),
      gewicht,
      rang,
    });
    // The ZDS 1.1 form of the ZDS 1.2 requests of the zaak and document services.
    if (rel.startsWith('zds12/') && !rel.includes('/invalid/') && genoemd) {
      const dienst = root.replace(/_.*$/, '');
      for (const [maak, actieVan] of [
        [alsZds11, (x: string) => zaakActie('zds11', x as Dienst)],
        [alsZds11Document, (x: string) => docActie('zds11', x as DocDienst)],
      ] as const) {
        try {
          const b11 = maak(bericht);
          uit.push({ naam: `${rel} (zds11)`, pad: endpointVoor(root), actie: actieVan(dienst), envelope: inEnvelope(b11), gewicht, rang: rang + 0.5 });
          break;
        } catch {
          /* not a message of this group of services */
        }
      }
    }
  }
  return uit;
}

/** The unmutated pass: every base once, in story order (stable: equal ranks keep the sample order). */
export const inVolgorde = (bs: Basis[]): Basis[] => bs.map((b, i) => ({ b, i })).sort((x, y) => x.b.rang - y.b.rang || x.i - y.i).map((x) => x.b);

export interface Voorbereid {
  envelope: string;
  /** What the preparation changed (zaak identification, BSN), for the report. */
  wat: string[];
}

/**
 * Before mutating: a referentienummer of its own (else every mutant after the first is a resend, StUF016), and often
 * a shared zaak identification and BSN, or a new one, so that mutants both create new zaken and touch the same ones.
 */
export function bereidVoor(b: Basis, r: Toeval, ref: string): Voorbereid {
  const wat: string[] = [];
  let xml = b.envelope.replace(/(<StUF:referentienummer>)[^<]*(<\/StUF:referentienummer>)/g, `$1${ref}$2`);
  // A message that creates something (a zaak, document or besluit) mostly gets a new identification, else it is
  // refused as existing; sometimes one of the shared ones, which other mutants then update.
  const maakt = /creeerZaak|gezinsplan|deelplan|voegZaakdocumentToe|maakZaakdocument|voegBesluitToe/.test(b.naam);
  const eigen = /<(?:ZKN|ZDS):object\b[^>]*>\s*<(?:ZKN|ZDS):identificatie>([^<]+)</.exec(xml)?.[1];
  if (maakt && eigen && r.kans(0.8)) {
    const nieuw = /creeerZaak|plan/.test(b.naam) && r.kans(0.3) ? r.kies(ZAAK_POOL) : `${eigen.slice(0, 4)}-FZ-${ref}`;
    xml = xml.split(`>${eigen}<`).join(`>${nieuw}<`);
    wat.push(`identificatie ${eigen} → ${nieuw}`);
  }
  const zaak = SAMPLE_ZAKEN.find((z) => xml.includes(`>${z}<`));
  if (zaak && r.kans(0.6)) {
    const nieuw = r.kies(ZAAK_POOL);
    xml = xml.split(`>${zaak}<`).join(`>${nieuw}<`);
    if (nieuw !== zaak) wat.push(`zaak ${zaak} → ${nieuw}`);
  }
  if (xml.includes(`>${SAMPLE_BSN}<`) && r.kans(0.5)) {
    const bsn = r.kies(BSN_POOL);
    xml = xml.split(`>${SAMPLE_BSN}<`).join(`>${bsn}<`);
    if (bsn !== SAMPLE_BSN) wat.push(`BSN ${SAMPLE_BSN} → ${bsn}`);
  }
  return { envelope: xml, wat };
}
