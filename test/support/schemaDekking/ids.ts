// The identifiers the base messages carry (those of the ../shared samples) and their fresh replacements per send:
// every variation works on its own zaak, documents and besluit, and every message has its own referentienummer
// (a resend of a referentienummer with another body is StUF016). Replacements stay within the schema's types.
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
}

let volgnummer = 0;

export function verseIds(): Ids {
  const n = `${process.pid % 100000}-${++volgnummer}`;
  return { zaak: `0599-DK-${n}`, document: `0599-DKD-${n}`, plaatshouder: `0599-DKP-${n}`, besluit: `0599-DKB-${n}`, checkedOutId: ID.checkedOutId };
}

const REF = /(<StUF:referentienummer>)[^<]*(<\/StUF:referentienummer>)/g;

/** The message with the base identifiers replaced and a fresh referentienummer. */
export function metIds(xml: string, ids: Ids): string {
  let uit = xml;
  for (const k of Object.keys(ID) as (keyof Ids)[]) uit = uit.split(ID[k]).join(ids[k]);
  return uit.replace(REF, (_m, a: string, b: string) => `${a}DK-${process.pid % 100000}-${++volgnummer}${b}`);
}
