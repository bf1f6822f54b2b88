// The identifiers the base messages carry (those of the ../shared samples) and their fresh replacements per send:
// every variation works on its own zaak, documents, besluit and betrokkenen, and every message has its own
// referentienummer (a resend of a referentienummer with another body is StUF016). Replacements stay within the
// schema's types, so a validated request stays valid.
export const ID = {
  zaak: '0599-2024-0000001',
  document: '0599-DOC-2024-0000017',
  plaatshouder: '0599-DOC-2024-0000018',
  besluit: '0599-BSL-2024-0000003',
  checkedOutId: 'pwc-3f1d6e0c-5b8a-4c1e-9d1c-2a7b9e0f4d21',
} as const;

export interface Ids {
  zaak: string;
  document: string;
  plaatshouder: string;
  besluit: string;
  checkedOutId: string;
  /** Keys of betrokkenen in the messages of this variation → their fresh replacements (kept for its later messages). */
  sleutels: Map<string, string>;
}

let volgnummer = 0;
let bsnTeller = (process.pid % 1000) * 10000;

/** A fresh nine-digit number passing the elfproef (BSN, nnpId). */
function verseBsn(): string {
  for (;;) {
    const acht = String(20000000 + (bsnTeller++ % 70000000)).padStart(8, '0');
    const som = [...acht].reduce((s, c, i) => s + Number(c) * (9 - i), 0);
    const laatste = som % 11;
    if (laatste < 10) return acht + laatste;
  }
}

export function verseIds(): Ids {
  const n = `${process.pid % 100000}-${++volgnummer}`;
  return { zaak: `0599-DK-${n}`, document: `0599-DKD-${n}`, plaatshouder: `0599-DKP-${n}`, besluit: `0599-DKB-${n}`, checkedOutId: ID.checkedOutId, sleutels: new Map() };
}

const REF = /(<StUF:referentienummer>)[^<]*(<\/StUF:referentienummer>)/g;

/**
 * Betrokkenen are shared by their key across zaken (a known one is not overwritten), so with keys shared between
 * variations what an answer shows would depend on the variations before it. Each variation gets its own: BSN and
 * nnpId (elfproef), vestigingsnummer (12 characters), the identificatie of a medewerker or organisatorische eenheid.
 */
const SLEUTELS: [RegExp, (oud: string) => string][] = [
  [/(<BG:(?:inp\.bsn|inn\.nnpId)>)(\d{9})(<)/g, () => verseBsn()],
  [/(<BG:vestigingsNummer>)([\w.-]{12})(<)/g, () => `DK${String(++volgnummer).padStart(10, '0')}`],
  [/(<ZKN:(?:medewerker|organisatorischeEenheid)(?: [^>]*)?><ZKN:identificatie>)([\w.-]{1,24})(<)/g, (oud) => `${oud.slice(0, 12)}-${++volgnummer}`],
];

/** The message with the base identifiers and the betrokkenen's keys replaced, and a fresh referentienummer. */
export function metIds(xml: string, ids: Ids): string {
  let uit = xml;
  for (const k of Object.keys(ID) as (keyof typeof ID)[]) uit = uit.split(ID[k]).join(ids[k]);
  for (const [patroon, vers] of SLEUTELS) {
    uit = uit.replace(patroon, (_m, voor: string, oud: string, na: string) => {
      let nieuw = ids.sleutels.get(oud);
      if (nieuw === undefined) ids.sleutels.set(oud, (nieuw = vers(oud)));
      return voor + nieuw + na;
    });
  }
  return uit.replace(REF, (_m, a: string, b: string) => `${a}DK-${process.pid % 100000}-${++volgnummer}${b}`);
}
