// The mutations of the fuzzer (test/integration/fuzz.test.ts): each takes a message (a whole SOAP envelope as text)
// and returns it changed plus a short description that says what and where, so a failure can be reproduced. Some keep
// the message well-formed (to reach the operations and the store), most break it in one of the ways issue 13 names.
// Whether a mutant is well-formed is NOT decided here: the JDK's parser judges that (FuzzWelgevormd.java).
import { Toeval } from './fuzzToeval';

// ---- a tolerant view of the message: elements, attributes and text nodes with their offsets --------------------

export interface Attr {
  naam: string;
  start: number;
  einde: number;
  waardeStart: number;
  waardeEinde: number;
  waarde: string;
}

export interface El {
  naam: string;
  prefix?: string;
  local: string;
  start: number;
  openEinde: number;
  /** Start and end of the closing tag; for an empty element (<a/>) both equal openEinde. */
  sluitStart: number;
  einde: number;
  leeg: boolean;
  attrs: Attr[];
  diepte: number;
  ouder?: El;
  kinderen: El[];
  gesloten: boolean;
}

export interface Tekst {
  start: number;
  einde: number;
  el: El;
}

export interface Doc {
  xml: string;
  elementen: El[];
  teksten: Tekst[];
}

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>|<\/([^\s>]+)\s*>|<([^\s/>!?<]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTR = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Elements and text nodes of a message; tolerant, so that a mutant of a mutant can be mutated again. */
export function ontleed(xml: string): Doc {
  const elementen: El[] = [];
  const teksten: Tekst[] = [];
  const stapel: El[] = [];
  let vorige = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    const boven = stapel[stapel.length - 1];
    if (m.index > vorige && boven && /\S/.test(xml.slice(vorige, m.index))) teksten.push({ start: vorige, einde: m.index, el: boven });
    vorige = m.index + m[0].length;
    if (m[2]) {
      const naam = m[2];
      const dubbelepunt = naam.indexOf(':');
      const attrs: Attr[] = [];
      const basis = m.index + 1 + naam.length;
      ATTR.lastIndex = 0;
      for (let a = ATTR.exec(m[3]); a; a = ATTR.exec(m[3])) {
        const waardeStart = basis + a.index + a[0].length - 1 - (a[2] ?? a[3] ?? '').length;
        attrs.push({ naam: a[1], start: basis + a.index, einde: basis + a.index + a[0].length, waardeStart, waardeEinde: waardeStart + (a[2] ?? a[3] ?? '').length, waarde: a[2] ?? a[3] ?? '' });
      }
      const leeg = m[4] === '/';
      const el: El = {
        naam, prefix: dubbelepunt > 0 ? naam.slice(0, dubbelepunt) : undefined, local: dubbelepunt > 0 ? naam.slice(dubbelepunt + 1) : naam,
        start: m.index, openEinde: vorige, sluitStart: vorige, einde: vorige, leeg, attrs, diepte: stapel.length, ouder: boven, kinderen: [], gesloten: leeg,
      };
      boven?.kinderen.push(el);
      elementen.push(el);
      if (!leeg) stapel.push(el);
    } else if (m[1]) {
      const i = stapel.map((e) => e.naam).lastIndexOf(m[1]);
      if (i >= 0) {
        const el = stapel[i];
        el.sluitStart = m.index;
        el.einde = vorige;
        el.gesloten = true;
        stapel.length = i;
      }
    }
  }
  return { xml, elementen: elementen.filter((e) => e.gesloten), teksten: teksten.filter((t) => t.el.gesloten) };
}

// ---- helpers ----------------------------------------------------------------------------------------------------

export interface Uitkomst {
  xml: string;
  wat: string;
}

const vervang = (xml: string, start: number, einde: number, nieuw: string) => xml.slice(0, start) + nieuw + xml.slice(einde);
const tekstVan = (d: Doc, t: Tekst) => d.xml.slice(t.start, t.einde);
/** A short, printable rendering of a value: control characters visible, long values shortened. */
export const toon = (s: string): string => {
  const kort = s.length > 48 ? `${s.slice(0, 24)}…(${s.length} tekens)…${s.slice(-12)}` : s;
  return JSON.stringify(kort).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
};
/** Leaf elements with text; the values a message is about. */
const bladTeksten = (d: Doc) => d.teksten.filter((t) => t.el.kinderen.length === 0);
const metLocal = (d: Doc, re: RegExp) => d.elementen.filter((e) => re.test(e.local) && !e.leeg);
/** Elements inside the SOAP Body (the message itself), not the envelope. */
const inBody = (d: Doc) => d.elementen.filter((e) => e.diepte >= 2 && !/^(Envelope|Header|Body)$/.test(e.local));
const declaraties = (d: Doc): { el: El; attr: Attr; prefix: string }[] =>
  d.elementen.flatMap((el) => el.attrs.filter((a) => a.naam.startsWith('xmlns:')).map((attr) => ({ el, attr, prefix: attr.naam.slice(6) })));
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Insert a piece into a random text value (or, without texts, right after a start tag in the body). */
function voegInTekst(d: Doc, r: Toeval, stuk: string, soort: string): Uitkomst | undefined {
  const teksten = bladTeksten(d);
  if (teksten.length) {
    const t = r.kies(teksten);
    const pos = t.start + r.int(t.einde - t.start + 1);
    return { xml: vervang(d.xml, pos, pos, stuk), wat: `${soort} ${toon(stuk)} in <${t.el.naam}>` };
  }
  const els = inBody(d).filter((e) => !e.leeg);
  if (!els.length) return undefined;
  const e = r.kies(els);
  return { xml: vervang(d.xml, e.openEinde, e.openEinde, stuk), wat: `${soort} ${toon(stuk)} in <${e.naam}>` };
}

/** Replace the whole text of an element chosen from `els`. */
function zetTekst(d: Doc, r: Toeval, els: El[], waarde: string, soort: string): Uitkomst | undefined {
  if (!els.length) return undefined;
  const e = r.kies(els);
  return { xml: vervang(d.xml, e.openEinde, e.sluitStart, waarde), wat: `${soort} <${e.naam}> := ${toon(waarde)}` };
}

function zetAttr(d: Doc, r: Toeval, local: string, pool: readonly string[], soort: string): Uitkomst | undefined {
  const kandidaten = d.elementen.flatMap((e) => e.attrs.filter((a) => a.naam.replace(/^[^:]*:/, '') === local).map((a) => ({ e, a })));
  if (!kandidaten.length) return undefined;
  const { e, a } = r.kies(kandidaten);
  const w = r.kies(pool);
  return { xml: vervang(d.xml, a.waardeStart, a.waardeEinde, w), wat: `${soort} <${e.naam} ${a.naam}> := ${toon(w)}` };
}

/** A whole element (start tag to end tag) as text. */
const geheel = (d: Doc, e: El) => d.xml.slice(e.start, e.einde);

/** The element renamed in its start and end tag. */
function hernoem(d: Doc, e: El, nieuw: string): string {
  if (e.leeg) return vervang(d.xml, e.start + 1, e.start + 1 + e.naam.length, nieuw);
  const metSluit = vervang(d.xml, e.sluitStart + 2, e.sluitStart + 2 + e.naam.length, nieuw);
  return vervang(metSluit, e.start + 1, e.start + 1 + e.naam.length, nieuw);
}

// ---- the catalogue ------------------------------------------------------------------------------------------------

export interface Mutatie {
  naam: string;
  /** lezer: aimed at the XML reader (mostly not well-formed); structuur: well-formed, aimed at operations and store. */
  soort: 'lezer' | 'structuur';
  gewicht: number;
  pas(d: Doc, r: Toeval): Uitkomst | undefined;
}

/** Identifications the mutants share, so that they touch the same zaken, documents and persons. */
export const ZAAK_POOL = ['0599-2024-0000001', '0999GZP000000000001', '0999WMO000000000123', '0599-FUZZ-0001', '0599-FUZZ-0002', '0599-FUZZ-0003', '0599-FUZZ-0004'];
export const BSN_POOL = ['111222333', '444555666', '999888777', '111222344', '123456782'];
const DOC_POOL = ['0599-DOC-2024-0000017', '0599-DOC-2024-0000018', '0599-FUZZ-DOC-1'];
const RARE_BSN = ['', ' ', '000000000', '12345678', '1234567890', 'ABCDEFGHI', '11122233３', '111 222 333', '-11222333', '111222333\n'];

const ENTITEITEN = ['lol', 'nbsp', 'eacute', 'euro', 'x1', 'copy', 'lol9'];
const VERBODEN_REFERENTIES = ['&#1;', '&#x8;', '&#x1F;', '&#xFFFE;', '&#xFFFF;', '&#xD800;', '&#x110000;', '&#99999999;', '&#;', '&#x;', '&#xG1;', '&#-1;'];
const VERBODEN_TEKENS = ['\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\ufffe', '\uffff'];
const RARE_TEKENS = ['\u007f', '\u0085', '\u2028', '\ufeff', '\u00a0', '\u200b', '\u202e', '\t', '\r\n', '\r'];
const EMOJI = ['😀', '👨‍👩‍👧‍👦', '🇳🇱', 'e\u0301', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '\u{10fffd}', 'Ĳsselmeer', '漢字', 'ﷺ'];
const NS_URIS = [
  'http://www.egem.nl/StUF/StUF0301', 'http://www.egem.nl/StUF/sector/zkn/0310', 'http://www.egem.nl/StUF/sector/bg/0310',
  'http://www.stufstandaarden.nl/koppelvlak/zds0120', 'http://www.stufstandaarden.nl/koppelvlak/rzs0310', 'http://www.w3.org/2001/XMLSchema-instance',
  'http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope',
  'urn:fuzz', 'http://www.egem.nl/StUF/StUF0204', 'http://www.egem.nl/StUF/sector/bg/0204', 'http://www.stufstandaarden.nl/koppelvlak/zds0100',
];
const DIALECT_WISSELS: [string, string][] = [
  ['http://www.stufstandaarden.nl/koppelvlak/zds0120', 'http://www.egem.nl/StUF/sector/zkn/0310'],
  ['http://www.egem.nl/StUF/sector/zkn/0310', 'http://www.stufstandaarden.nl/koppelvlak/zds0120'],
  ['http://www.stufstandaarden.nl/koppelvlak/zds0120', 'http://www.stufstandaarden.nl/koppelvlak/rzs0310'],
  ['http://www.egem.nl/StUF/sector/bg/0310', 'http://www.egem.nl/StUF/sector/zkn/0310'],
  ['http://www.egem.nl/StUF/StUF0301', 'http://www.egem.nl/StUF/StUF0302'],
  ['http://www.stufstandaarden.nl/koppelvlak/zds0120', 'http://www.stufstandaarden.nl/koppelvlak/zds0100'],
  ['http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope'],
];
const DOCTYPES = [
  '<!DOCTYPE soapenv:Envelope>',
  '<!DOCTYPE x [<!ENTITY lol "lol"><!ENTITY lol9 "&lol;&lol;&lol;&lol;">]>',
  '<!DOCTYPE x SYSTEM "http://127.0.0.1:9/fuzz.dtd">',
  '<!DOCTYPE x [<!ENTITY lol9 SYSTEM "file:///etc/hostname">]>',
  `<!DOCTYPE x [<!ENTITY l0 "ha">${Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('')}<!ENTITY lol9 "&l9;">]>`,
];

function doctypeInProloog(d: Doc, r: Toeval, voor: string, soort: string): Uitkomst {
  const dt = r.kies(DOCTYPES);
  const decl = /^\s*<\?xml[^?]*\?>/.exec(d.xml);
  const pos = decl ? decl[0].length : 0;
  let xml = vervang(d.xml, pos, pos, voor + dt);
  // Use the entity when the DOCTYPE declares one, so that a reader that skips the DOCTYPE also meets &lol9;.
  let gebruik = '';
  if (dt.includes('lol9') && r.kans(0.8)) {
    const t = bladTeksten(ontleed(xml));
    if (t.length) {
      const k = r.kies(t);
      xml = vervang(xml, k.start, k.einde, '&lol9;');
      gebruik = ` en &lol9; in <${k.el.naam}>`;
    }
  }
  return { xml, wat: `${soort} ${toon(voor + dt)}${gebruik}` };
}

export const MUTATIES: Mutatie[] = [
  // -- characters in text: the reader's business ----------------------------------------------------------------
  { naam: 'entiteit-onbekend', soort: 'lezer', gewicht: 4, pas: (d, r) => voegInTekst(d, r, `&${r.kies(ENTITEITEN)};`, 'ongedeclareerde entiteit') },
  { naam: 'nul-teken', soort: 'lezer', gewicht: 3, pas: (d, r) => voegInTekst(d, r, '\u0000', 'NUL-teken') },
  { naam: 'nul-referentie', soort: 'lezer', gewicht: 3, pas: (d, r) => voegInTekst(d, r, r.kies(['&#0;', '&#x0;', '&#x00000;']), 'tekenreferentie naar NUL') },
  { naam: 'verboden-referentie', soort: 'lezer', gewicht: 3, pas: (d, r) => voegInTekst(d, r, r.kies(VERBODEN_REFERENTIES), 'verboden tekenreferentie') },
  { naam: 'verboden-teken', soort: 'lezer', gewicht: 3, pas: (d, r) => voegInTekst(d, r, r.kies(VERBODEN_TEKENS), 'verboden teken') },
  { naam: 'raar-teken', soort: 'structuur', gewicht: 2, pas: (d, r) => voegInTekst(d, r, r.kies(RARE_TEKENS), 'toegestaan maar raar teken') },
  { naam: 'cdata-einde', soort: 'lezer', gewicht: 3, pas: (d, r) => voegInTekst(d, r, r.kies([']]>', 'a]]>b', ']]]>']), '"]]>" in tekst') },
  { naam: 'kleiner-dan', soort: 'lezer', gewicht: 2, pas: (d, r) => voegInTekst(d, r, r.kies(['<', '< ', '<1', '<<']), '"<" in tekst') },
  { naam: 'ampersand-los', soort: 'lezer', gewicht: 2, pas: (d, r) => voegInTekst(d, r, r.kies(['&', '& ', '&&', '&amp', '&#38', '&lt']), 'losse "&"') },
  { naam: 'emoji', soort: 'structuur', gewicht: 2, pas: (d, r) => voegInTekst(d, r, r.kies(EMOJI), 'emoji/unicode') },
  {
    naam: 'blanco', soort: 'structuur', gewicht: 3,
    pas: (d, r) => zetTekst(d, r, bladTeksten(d).map((t) => t.el), r.kies(['', ' ', '\n\t ', '\u00a0', '\u3000']), 'blanco waarde'),
  },
  {
    naam: 'lang', soort: 'structuur', gewicht: 2,
    pas: (d, r) => zetTekst(d, r, bladTeksten(d).map((t) => t.el), r.kies(['x', '9', 'é', '😀', 'a&amp;']).repeat(r.kies([41, 256, 4001, 65537])), 'zeer lange waarde'),
  },
  {
    naam: 'cdata', soort: 'lezer', gewicht: 2,
    pas(d, r) {
      const t = bladTeksten(d);
      if (!t.length) return undefined;
      const k = r.kies(t);
      const open = r.kans(0.75);
      return { xml: vervang(d.xml, k.start, k.einde, `<![CDATA[${tekstVan(d, k)}${open ? ']]>' : ''}`), wat: `${open ? 'CDATA-sectie' : 'open CDATA-sectie'} in <${k.el.naam}>` };
    },
  },
  {
    naam: 'tekenreferenties', soort: 'structuur', gewicht: 1,
    pas(d, r) {
      const t = bladTeksten(d);
      if (!t.length) return undefined;
      const k = r.kies(t);
      const w = [...tekstVan(d, k)].map((c) => (/[&<]/.test(c) ? c : `&#x${c.codePointAt(0)!.toString(16)};`)).join('');
      return { xml: vervang(d.xml, k.start, k.einde, w), wat: `waarde als tekenreferenties in <${k.el.naam}>` };
    },
  },
  { naam: 'commentaar', soort: 'lezer', gewicht: 2, pas: (d, r) => voegInTekst(d, r, r.kies(['<!--x-->', '<!-- a -- b -->', '<!--->', '<!---->', '<!-- <![CDATA[ -->', '<!--']), 'commentaar') },
  { naam: 'pi', soort: 'lezer', gewicht: 2, pas: (d, r) => voegInTekst(d, r, r.kies(['<?fuzz data?>', '<?xml version="1.0"?>', '<?fuzz', '<?XmL x?>', '<? fuzz?>']), 'verwerkingsinstructie') },

  // -- the values the standard gives meaning ---------------------------------------------------------------------
  { naam: 'mutatiesoort', soort: 'structuur', gewicht: 3, pas: (d, r) => zetTekst(d, r, metLocal(d, /^mutatiesoort$/), r.kies(['T', 'W', 'V', 'S', 'R', 'E', 'I', 'X', 't', '']), 'mutatiesoort') },
  { naam: 'verwerkingssoort', soort: 'structuur', gewicht: 4, pas: (d, r) => zetAttr(d, r, 'verwerkingssoort', ['T', 'W', 'V', 'I', 'R', 'E', 'S', 'Z', '', 'X', 't'], 'verwerkingssoort') },
  {
    naam: 'entiteittype', soort: 'structuur', gewicht: 3,
    pas(d, r) {
      const pool = ['ZAK', 'NPS', 'NNP', 'EDC', 'BSL', 'ZKT', 'STT', 'ZAKBTRINI', 'ZAKOBJ', 'MDW', 'VES', 'XYZ', ''];
      return r.kans(0.6) ? zetAttr(d, r, 'entiteittype', pool, 'entiteittype') : zetTekst(d, r, metLocal(d, /^entiteittype$/), r.kies(pool), 'entiteittype');
    },
  },
  { naam: 'berichtcode', soort: 'structuur', gewicht: 2, pas: (d, r) => zetTekst(d, r, metLocal(d, /^berichtcode$/), r.kies(['Lk01', 'Lv01', 'La01', 'Di01', 'Di02', 'Du02', 'Bv03', 'Fo03', 'Lk02', '']), 'berichtcode') },
  { naam: 'functie', soort: 'structuur', gewicht: 1, pas: (d, r) => zetTekst(d, r, metLocal(d, /^functie$/), r.kies(['entiteit', 'genereerZaakidentificatie', 'updateZaakdocument', 'x', '']), 'functie') },
  {
    naam: 'identificatie', soort: 'structuur', gewicht: 5,
    pas: (d, r) => zetTekst(d, r, metLocal(d, /^identificatie$/), r.kies([...ZAAK_POOL, ...ZAAK_POOL, ...DOC_POOL, '', ' 0599-2024-0000001 ', '0599-FUZZ-' + 'X'.repeat(60)]), 'identificatie'),
  },
  { naam: 'bsn', soort: 'structuur', gewicht: 4, pas: (d, r) => zetTekst(d, r, metLocal(d, /^inp\.bsn$/), r.kies([...BSN_POOL, ...RARE_BSN]), 'BSN') },
  { naam: 'referentie-botsing', soort: 'structuur', gewicht: 1, pas: (d, r) => zetTekst(d, r, metLocal(d, /^referentienummer$/), r.kies(['FUZZ-BOTSING-1', 'FUZZ-BOTSING-2']), 'referentienummer') },
  {
    naam: 'datum', soort: 'structuur', gewicht: 2,
    pas: (d, r) => zetTekst(d, r, metLocal(d, /datum|tijdstip/i), r.kies(['20241301', '00000000', '2024-01-15', '99999999', '', '20240230', '2024011510300500099', '19000101']), 'datum'),
  },
  { naam: 'getal', soort: 'structuur', gewicht: 1, pas: (d, r) => zetTekst(d, r, metLocal(d, /volgnummer|niveau|huisnummer|Indicatie/), r.kies(['-1', '0', '99999999999999999999', '1e3', 'J', 'N', '']), 'getal') },
  { naam: 'code', soort: 'structuur', gewicht: 1, pas: (d, r) => zetTekst(d, r, metLocal(d, /^(code|zkt\.code)$/), r.kies(['B1026', 'GZP', 'LDP', 'WMO', 'ONBEKEND', '']), 'code') },
  {
    naam: 'nil', soort: 'structuur', gewicht: 2,
    pas(d, r) {
      const els = inBody(d).filter((e) => !e.leeg);
      if (!els.length) return undefined;
      const e = r.kies(els);
      const extra = r.kies([' xsi:nil="true"', ' StUF:noValue="geenWaarde" xsi:nil="true"', ' StUF:noValue="waardeOnbekend"', ' xsi:nil="1"', ' StUF:scope="alles"']);
      const pos = e.openEinde - 1;
      return { xml: vervang(d.xml, pos, pos, extra), wat: `attribuut ${toon(extra.trim())} op <${e.naam}> met inhoud` };
    },
  },

  // -- elements ----------------------------------------------------------------------------------------------------
  {
    naam: 'element-weg', soort: 'structuur', gewicht: 3,
    pas(d, r) {
      const els = inBody(d);
      if (!els.length) return undefined;
      const e = r.kies(els);
      return { xml: vervang(d.xml, e.start, e.einde, ''), wat: `element <${e.naam}> verwijderd` };
    },
  },
  {
    naam: 'element-dubbel', soort: 'structuur', gewicht: 3,
    pas(d, r) {
      const els = d.elementen.filter((e) => e.diepte >= 1);
      if (!els.length) return undefined;
      const e = r.kies(els);
      return { xml: vervang(d.xml, e.einde, e.einde, geheel(d, e)), wat: `element <${e.naam}> dubbel` };
    },
  },
  {
    naam: 'element-hernoemd', soort: 'structuur', gewicht: 3,
    pas(d, r) {
      const els = d.elementen.filter((e) => e.diepte >= 1);
      if (!els.length) return undefined;
      const e = r.kies(els);
      const local = r.kies(['onbekend', 'identificatie', 'inp.bsn', 'object', 'gerelateerde', 'extraElementen', `${e.local}X`, e.local.toUpperCase(), 'a'.repeat(300)]);
      const nieuw = e.prefix ? `${e.prefix}:${local}` : local;
      return { xml: hernoem(d, e, nieuw), wat: `element <${e.naam}> hernoemd tot <${toon(nieuw)}>` };
    },
  },
  {
    naam: 'element-onbekwaam', soort: 'structuur', gewicht: 4,
    pas(d, r) {
      const bsn = metLocal(d, /^inp\.bsn$/);
      const els = bsn.length && r.kans(0.5) ? bsn : inBody(d).filter((e) => e.prefix);
      if (!els.length) return undefined;
      const e = r.kies(els);
      return { xml: hernoem(d, e, e.local), wat: `element <${e.naam}> zonder prefix (geen namespace): <${e.local}>` };
    },
  },
  {
    naam: 'element-ander-prefix', soort: 'structuur', gewicht: 3,
    pas(d, r) {
      const prefixen = [...new Set(declaraties(d).map((x) => x.prefix))];
      const bsn = metLocal(d, /^inp\.bsn$|^geslachtsnaam$/);
      const els = bsn.length && r.kans(0.5) ? bsn : inBody(d).filter((e) => e.prefix);
      if (!els.length || prefixen.length < 2) return undefined;
      const e = r.kies(els);
      const p = r.kies(prefixen.filter((x) => x !== e.prefix));
      return { xml: hernoem(d, e, `${p}:${e.local}`), wat: `element <${e.naam}> in namespace van ${p}: <${p}:${e.local}>` };
    },
  },
  {
    naam: 'element-verplaatst', soort: 'structuur', gewicht: 2,
    pas(d, r) {
      const ouders = d.elementen.filter((e) => e.kinderen.length >= 2 && e.diepte >= 1);
      if (!ouders.length) return undefined;
      const o = r.kies(ouders);
      const i = r.int(o.kinderen.length - 1);
      const [a, b] = [o.kinderen[i], o.kinderen[i + 1]];
      const xml = d.xml.slice(0, a.start) + geheel(d, b) + d.xml.slice(a.einde, b.start) + geheel(d, a) + d.xml.slice(b.einde);
      return { xml, wat: `<${a.naam}> en <${b.naam}> verwisseld in <${o.naam}>` };
    },
  },
  {
    naam: 'element-elders', soort: 'structuur', gewicht: 2,
    pas(d, r) {
      const els = inBody(d);
      const doelen = inBody(d).filter((e) => !e.leeg);
      if (!els.length || !doelen.length) return undefined;
      const e = r.kies(els);
      const doel = r.kies(doelen.filter((x) => x.start > e.einde || x.einde < e.start).concat(doelen.filter((x) => x === e.ouder)));
      if (!doel) return undefined;
      const stuk = geheel(d, e);
      const pos = doel.sluitStart;
      const xml = pos > e.einde ? vervang(vervang(d.xml, pos, pos, stuk), e.start, e.einde, '') : vervang(vervang(d.xml, e.start, e.einde, ''), pos, pos, stuk);
      return { xml, wat: `element <${e.naam}> verplaatst naar het einde van <${doel.naam}>` };
    },
  },
  {
    naam: 'element-extra', soort: 'structuur', gewicht: 3,
    pas(d, r) {
      const personen = metLocal(d, /^(natuurlijkPersoon|gerelateerde|object)$/);
      const els = personen.length && r.kans(0.6) ? personen : inBody(d).filter((e) => !e.leeg);
      if (!els.length) return undefined;
      const e = r.kies(els);
      const stuk = r.kies([
        '<ZKN:onbekend>x</ZKN:onbekend>', '<BG:onbekend>x</BG:onbekend>', '<BG:inp.bsn>444555666</BG:inp.bsn>', '<f:vreemd xmlns:f="urn:fuzz">z</f:vreemd>',
        '<inp.bsn>111222333</inp.bsn>', '<StUF:extraElementen><StUF:extraElement naam="x">y</StUF:extraElement></StUF:extraElementen>',
        '<BG:inp.bsn xmlns:BG="urn:fuzz">111222333</BG:inp.bsn>', '<StUF:tijdvakGeldigheid><StUF:beginGeldigheid>20240101</StUF:beginGeldigheid></StUF:tijdvakGeldigheid>',
      ]);
      const pos = r.kans(0.5) ? e.openEinde : e.sluitStart;
      return { xml: vervang(d.xml, pos, pos, stuk), wat: `${toon(stuk)} ingevoegd in <${e.naam}>` };
    },
  },
  {
    naam: 'diep', soort: 'structuur', gewicht: 3,
    pas(d, r) {
      const els = inBody(d).filter((e) => !e.leeg);
      if (!els.length) return undefined;
      const e = r.kies(els);
      const n = r.kies([30, 99, 101, 257, 2000, 20000]);
      const naam = r.kans(0.5) ? (e.prefix ? `${e.prefix}:n` : 'n') : e.naam;
      const balans = r.kans(0.85);
      const xml = d.xml.slice(0, e.openEinde) + `<${naam}>`.repeat(n) + d.xml.slice(e.openEinde, e.sluitStart) + `</${naam}>`.repeat(balans ? n : n - 1) + d.xml.slice(e.sluitStart);
      return { xml, wat: `${n} niveaus <${naam}> in <${e.naam}>${balans ? '' : ' (één sluittag te weinig)'}` };
    },
  },
  {
    naam: 'ongebalanceerd', soort: 'lezer', gewicht: 4,
    pas(d, r) {
      const els = d.elementen.filter((e) => !e.leeg && e.diepte >= 1);
      if (!els.length) return undefined;
      const e = r.kies(els);
      switch (r.int(5)) {
        case 0:
          return { xml: vervang(d.xml, e.sluitStart, e.einde, ''), wat: `sluittag van <${e.naam}> weg` };
        case 1:
          return { xml: vervang(d.xml, e.start, e.openEinde, ''), wat: `starttag van <${e.naam}> weg` };
        case 2:
          return { xml: vervang(d.xml, e.sluitStart + 2, e.sluitStart + 2 + e.naam.length, `${e.naam}x`), wat: `sluittag van <${e.naam}> anders genoemd` };
        case 3:
          return { xml: vervang(d.xml, e.einde, e.einde, `</${e.naam}>`), wat: `extra sluittag </${e.naam}>` };
        default: {
          const k = e.kinderen.find((c) => !c.leeg);
          if (!k) return { xml: vervang(d.xml, e.openEinde - 1, e.openEinde - 1, '/'), wat: `<${e.naam}> als leeg element met inhoud` };
          // <a><b></a></b>: crossed end tags.
          const xml = d.xml.slice(0, k.sluitStart) + d.xml.slice(k.einde, e.sluitStart) + `</${e.naam}>` + `</${k.naam}>` + d.xml.slice(e.einde);
          return { xml, wat: `sluittags van <${e.naam}> en <${k.naam}> gekruist` };
        }
      }
    },
  },

  // -- attributes --------------------------------------------------------------------------------------------------
  {
    naam: 'attribuut', soort: 'lezer', gewicht: 4,
    pas(d, r) {
      const kandidaten = d.elementen.flatMap((e) => e.attrs.filter((a) => !a.naam.startsWith('xmlns')).map((a) => ({ e, a })));
      if (!kandidaten.length) return undefined;
      const { e, a } = r.kies(kandidaten);
      const local = a.naam.replace(/^[^:]*:/, '');
      const prefix = a.naam.includes(':') ? a.naam.slice(0, a.naam.indexOf(':')) : undefined;
      const ns = prefix && declaraties(d).find((x) => x.prefix === prefix)?.attr.waarde;
      switch (r.int(8)) {
        case 0:
          return { xml: vervang(d.xml, a.start - 1, a.einde, ''), wat: `attribuut ${a.naam} van <${e.naam}> weg` };
        case 1:
          return { xml: vervang(d.xml, a.einde, a.einde, ` ${a.naam}="${a.waarde}"`), wat: `attribuut ${a.naam} dubbel op <${e.naam}>` };
        case 2:
          if (!ns) return undefined;
          return { xml: vervang(d.xml, a.einde, a.einde, ` xmlns:P2="${ns}" P2:${local}="${a.waarde}"`), wat: `attribuut ${local} tweemaal in namespace ${ns} (twee prefixen) op <${e.naam}>` };
        case 3:
          return { xml: vervang(d.xml, a.start, a.start + a.naam.length, `${a.naam}X`), wat: `attribuut ${a.naam} hernoemd op <${e.naam}>` };
        case 4:
          return { xml: vervang(d.xml, a.start, a.start + a.naam.length, local), wat: `attribuut ${a.naam} zonder prefix op <${e.naam}>` };
        case 5:
          return { xml: vervang(d.xml, a.waardeStart - 1, a.waardeEinde + 1, a.waarde || 'x'), wat: `attribuut ${a.naam} zonder aanhalingstekens op <${e.naam}>` };
        case 6: {
          const w = r.kies(['<', '&', '&lol;', '\u0001', '&#0;', 'a"b', '😀', ' T ', '']);
          return { xml: vervang(d.xml, a.waardeStart, a.waardeEinde, w), wat: `attribuut ${a.naam} op <${e.naam}> := ${toon(w)}` };
        }
        default:
          return { xml: vervang(d.xml, a.start, a.start + a.naam.length, `Q:${local}`), wat: `attribuut ${a.naam} met ongebonden prefix Q op <${e.naam}>` };
      }
    },
  },

  // -- namespaces --------------------------------------------------------------------------------------------------
  {
    naam: 'herbind-prefix', soort: 'structuur', gewicht: 4,
    pas(d, r) {
      const decls = declaraties(d);
      if (!decls.length) return undefined;
      const bg = decls.filter((x) => x.prefix === 'BG');
      const x = bg.length && r.kans(0.4) ? r.kies(bg) : r.kies(decls);
      const uri = r.kies(NS_URIS.filter((u) => u !== x.attr.waarde).concat(['']));
      if (r.kans(0.5)) {
        return { xml: vervang(d.xml, x.attr.waardeStart, x.attr.waardeEinde, uri), wat: `prefix ${x.prefix} gebonden aan ${toon(uri)} (op <${x.el.naam}>)` };
      }
      // Rebound locally, on an element deeper down (the person, often): only that subtree changes.
      const personen = metLocal(d, /^(natuurlijkPersoon|gerelateerde|object)$/);
      const els = personen.length ? personen : inBody(d).filter((e) => !e.leeg);
      if (!els.length) return undefined;
      const e = r.kies(els);
      const pos = e.start + 1 + e.naam.length;
      return { xml: vervang(d.xml, pos, pos, ` xmlns:${x.prefix}="${uri}"`), wat: `prefix ${x.prefix} lokaal herbonden aan ${toon(uri)} op <${e.naam}>` };
    },
  },
  {
    naam: 'ns-declaratie-weg', soort: 'lezer', gewicht: 2,
    pas(d, r) {
      const decls = declaraties(d);
      if (!decls.length) return undefined;
      const x = r.kies(decls);
      return { xml: vervang(d.xml, x.attr.start - 1, x.attr.einde, ''), wat: `declaratie xmlns:${x.prefix} op <${x.el.naam}> weg` };
    },
  },
  {
    naam: 'standaard-namespace', soort: 'structuur', gewicht: 2,
    pas(d, r) {
      const els = inBody(d).filter((e) => e.prefix);
      const decls = declaraties(d);
      if (!els.length) return undefined;
      const e = r.kies(els);
      const uri = r.kans(0.7) ? decls.find((x) => x.prefix === e.prefix)?.attr.waarde ?? 'urn:fuzz' : r.kies(NS_URIS);
      const xml = hernoem(d, e, e.local);
      const pos = e.start + 1 + e.local.length;
      return { xml: vervang(xml, pos, pos, ` xmlns="${uri}"`), wat: `<${e.naam}> als <${e.local} xmlns="${uri}">` };
    },
  },
  {
    naam: 'gereserveerde-prefix', soort: 'lezer', gewicht: 1,
    pas(d, r) {
      const els = inBody(d);
      if (!els.length) return undefined;
      const e = r.kies(els);
      const pos = e.start + 1 + e.naam.length;
      const stuk = r.kies([' xmlns:xml="urn:fuzz"', ' xmlns:xmlns="urn:fuzz"', ' xmlns:p="http://www.w3.org/2000/xmlns/"', ' xml:lang="nl"', ' xml:space="bogus"', ' xmlns:x="http://www.w3.org/XML/1998/namespace"']);
      return { xml: vervang(d.xml, pos, pos, stuk), wat: `${toon(stuk.trim())} op <${e.naam}>` };
    },
  },
  {
    naam: 'dialect-wissel', soort: 'structuur', gewicht: 3,
    pas(d, r) {
      const wissels = DIALECT_WISSELS.filter(([v]) => d.xml.includes(v));
      if (!wissels.length) return undefined;
      const [van, naar] = r.kies(wissels);
      return { xml: d.xml.split(van).join(naar), wat: `namespace ${van} overal vervangen door ${naar}` };
    },
  },

  // -- the document around the message -----------------------------------------------------------------------------
  {
    naam: 'xml-versie', soort: 'lezer', gewicht: 3,
    pas(d, r) {
      const v = r.kies(['1.1', '2.0', '1.7', '1.0.1', 'abc', '', ' 1.0', '1.10', '0.9']);
      const decl = `<?xml version="${v}" encoding="UTF-8"?>`;
      const xml = /^<\?xml[^?]*\?>/.test(d.xml) ? d.xml.replace(/^<\?xml[^?]*\?>/, decl) : decl + d.xml;
      return { xml, wat: `XML-declaratie ${toon(decl)}` };
    },
  },
  {
    naam: 'xml-declaratie', soort: 'lezer', gewicht: 2,
    pas(d, r) {
      const zonder = d.xml.replace(/^<\?xml[^?]*\?>/, '');
      const keuze = r.kies([
        ['\n<?xml version="1.0" encoding="UTF-8"?>', 'witruimte vóór de XML-declaratie'],
        ['<?xml version="1.0"?><?xml version="1.0"?>', 'XML-declaratie tweemaal'],
        ['<?XML version="1.0"?>', 'XML-declaratie in hoofdletters'],
        ['<?xml encoding="UTF-8"?>', 'XML-declaratie zonder versie'],
        ['<?xml version="1.0" standalone="maybe"?>', 'standalone="maybe"'],
        ["<?xml version='1.0' encoding='utf-8' standalone='yes' ?>", 'XML-declaratie met enkele aanhalingstekens'],
        ['', 'zonder XML-declaratie'],
        ['<?xml version="1.0" encoding="UTF-8"', 'XML-declaratie niet gesloten'],
      ] as const);
      return { xml: keuze[0] + zonder, wat: keuze[1] };
    },
  },
  { naam: 'doctype', soort: 'lezer', gewicht: 3, pas: (d, r) => doctypeInProloog(d, r, '', 'DOCTYPE in de proloog:') },
  {
    naam: 'doctype-na-commentaar', soort: 'lezer', gewicht: 3,
    pas: (d, r) => doctypeInProloog(d, r, r.kies(['<!-- <![CDATA[ -->', '<!--<![CDATA[-->', '<!--<!DOCTYPE-->'.repeat(3), '<!-- ]]> --><?x <![CDATA[ ?>']), 'DOCTYPE na commentaar/PI:'),
  },
  {
    naam: 'doctype-midden', soort: 'lezer', gewicht: 1,
    pas(d, r) {
      const els = inBody(d).filter((e) => !e.leeg);
      if (!els.length) return undefined;
      const e = r.kies(els);
      return { xml: vervang(d.xml, e.openEinde, e.openEinde, DOCTYPES[1]), wat: `DOCTYPE binnen <${e.naam}>` };
    },
  },
  {
    naam: 'bom', soort: 'lezer', gewicht: 1,
    pas: (d, r) => (r.kans(0.5) ? { xml: '\ufeff' + d.xml, wat: 'UTF-8 BOM vooraan' } : { xml: '\ufeff\ufeff' + d.xml, wat: 'BOM tweemaal vooraan' }),
  },
  {
    naam: 'na-root', soort: 'lezer', gewicht: 2,
    pas(d, r) {
      const stuk = r.kies(['<extra/>', 'tekst', '<!-- c -->', '<?pi x?>', '\n', ']]>', '&amp;', '<soapenv:Envelope/>']);
      return { xml: d.xml + stuk, wat: `${toon(stuk)} na het root-element` };
    },
  },
  {
    naam: 'envelope', soort: 'structuur', gewicht: 2,
    pas(d, r) {
      const body = d.elementen.find((e) => e.local === 'Body' && e.diepte === 1);
      const header = d.elementen.find((e) => e.local === 'Header' && e.diepte === 1);
      if (!body) return undefined;
      const bericht = body.kinderen[0];
      switch (r.int(6)) {
        case 0:
          return header ? { xml: vervang(d.xml, header.start, header.einde, ''), wat: 'soapenv:Header weg' } : undefined;
        case 1:
          return bericht ? { xml: vervang(d.xml, bericht.einde, bericht.einde, geheel(d, bericht)), wat: 'twee berichten in soapenv:Body' } : undefined;
        case 2:
          return { xml: vervang(d.xml, body.openEinde, body.sluitStart, ''), wat: 'lege soapenv:Body' };
        case 3:
          return { xml: vervang(d.xml, body.start, body.einde, ''), wat: 'soapenv:Body weg' };
        case 4: {
          if (!header) return undefined;
          const stuk = '<f:Eis xmlns:f="urn:fuzz" soapenv:mustUnderstand="1">x</f:Eis>';
          return { xml: vervang(d.xml, header.leeg ? header.start : header.openEinde, header.leeg ? header.einde : header.openEinde, header.leeg ? `<${header.naam}>${stuk}</${header.naam}>` : stuk), wat: 'onbekende mustUnderstand-header' };
        }
        default:
          return { xml: vervang(d.xml, body.openEinde, body.openEinde, 'tekst'), wat: 'tekst in soapenv:Body' };
      }
    },
  },
  {
    naam: 'leeg-document', soort: 'lezer', gewicht: 1,
    pas: (_d, r) => {
      const x = r.kies(['', ' ', '<?xml version="1.0" encoding="UTF-8"?>', '<!-- alleen commentaar -->', '<a', '<']);
      return { xml: x, wat: `document ${toon(x)}` };
    },
  },
];

// ---- byte level: after the XML declaration, so that the declared encoding stays as it is ----------------------------

export interface ByteUitkomst {
  bytes: Buffer;
  wat: string;
}

export interface ByteMutatie {
  naam: string;
  gewicht: number;
  pas(b: Buffer, r: Toeval, vanaf: number, tekstPosities: number[]): ByteUitkomst | undefined;
}

const ONGELDIGE_UTF8: number[][] = [[0xff], [0xfe], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0x80], [0xbf], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc3], [0xe9]];
const hex = (b: number[] | Buffer) => [...b].map((x) => x.toString(16).padStart(2, '0')).join(' ');

export const BYTE_MUTATIES: ByteMutatie[] = [
  {
    naam: 'ongeldige-utf8', gewicht: 5,
    pas(b, r, vanaf, posities) {
      const pos = posities.length && r.kans(0.8) ? r.kies(posities) : vanaf + r.int(Math.max(1, b.length - vanaf));
      const seq = r.kies(ONGELDIGE_UTF8);
      return { bytes: Buffer.concat([b.subarray(0, pos), Buffer.from(seq), b.subarray(pos)]), wat: `ongeldige UTF-8 [${hex(seq)}] op byte ${pos}` };
    },
  },
  {
    naam: 'afkappen', gewicht: 4,
    pas(b, r, vanaf) {
      const pos = vanaf + r.int(Math.max(1, b.length - vanaf));
      return { bytes: b.subarray(0, pos), wat: `afgekapt na ${pos} van ${b.length} bytes` };
    },
  },
  {
    naam: 'byte-wissel', gewicht: 2,
    pas(b, r, vanaf) {
      const kopie = Buffer.from(b);
      const wissels: string[] = [];
      for (let i = 0, n = 1 + r.int(3); i < n; i++) {
        const pos = vanaf + r.int(Math.max(1, b.length - vanaf));
        const oud = kopie[pos];
        kopie[pos] = r.int(256);
        wissels.push(`${pos}: ${hex([oud])}→${hex([kopie[pos]])}`);
      }
      return { bytes: kopie, wat: `bytes gewijzigd (${wissels.join(', ')})` };
    },
  },
  {
    naam: 'bytes-weg', gewicht: 2,
    pas(b, r, vanaf) {
      const pos = vanaf + r.int(Math.max(1, b.length - vanaf));
      const n = 1 + r.int(20);
      return { bytes: Buffer.concat([b.subarray(0, pos), b.subarray(pos + n)]), wat: `${n} bytes weg vanaf byte ${pos}` };
    },
  },
  {
    naam: 'latin1', gewicht: 1,
    pas(b, r, _vanaf, posities) {
      if (!posities.length) return undefined;
      const pos = r.kies(posities);
      const stuk = Buffer.from(r.kies(['é', 'Ĳ', 'ü', '€']), 'latin1');
      return { bytes: Buffer.concat([b.subarray(0, pos), stuk, b.subarray(pos)]), wat: `Latin-1-byte [${hex(stuk)}] op byte ${pos}` };
    },
  },
];

// ---- making one mutant --------------------------------------------------------------------------------------------

export interface Gemuteerd {
  bytes: Buffer;
  /** What was done, in order. */
  mutaties: string[];
}

const LEZER = MUTATIES.filter((m) => m.soort === 'lezer');
const STRUCTUUR = MUTATIES.filter((m) => m.soort === 'structuur');

/**
 * Half of the mutants are aimed at the reader: one mutation that most likely breaks the XML (on the text or on the
 * bytes), sometimes with a structural one. The other half stays well-formed as far as we can tell: 1 to 3 structural
 * mutations that reach the operations and the store.
 */
export function muteer(xml: string, r: Toeval): Gemuteerd {
  const mutaties: string[] = [];
  let tekst = xml;
  const voorLezer = r.kans(0.5);
  const opBytes = voorLezer && r.kans(0.3);
  const reeks: Mutatie[][] = voorLezer
    ? [...(opBytes ? [] : [LEZER]), ...(r.kans(0.3) ? [STRUCTUUR] : [])]
    : Array.from({ length: r.kans(0.55) ? 1 : r.kans(0.6) ? 2 : 3 }, () => STRUCTUUR);
  for (const uit of reeks) {
    for (let pogingen = 0; pogingen < 20; pogingen++) {
      const m = r.gewogen(uit);
      const u = m.pas(ontleed(tekst), r);
      if (!u || u.xml === tekst) continue;
      tekst = u.xml;
      mutaties.push(`${m.naam}: ${u.wat}`);
      break;
    }
  }
  let bytes: Buffer = Buffer.from(tekst, 'utf8');
  if (opBytes || mutaties.length === 0) {
    const decl = /^<\?xml[^?]*\?>/.exec(tekst);
    const vanaf = decl ? Buffer.byteLength(decl[0]) : 0;
    // Byte offsets where a text value starts or ends: there the bytes land inside character data.
    const posities = ontleed(tekst).teksten.flatMap((t) => [Buffer.byteLength(tekst.slice(0, t.start)), Buffer.byteLength(tekst.slice(0, t.einde))]);
    for (let pogingen = 0; pogingen < 10; pogingen++) {
      const m = r.gewogen(BYTE_MUTATIES);
      const u = m.pas(bytes, r, vanaf, posities);
      if (!u || u.bytes.equals(bytes)) continue;
      bytes = u.bytes;
      mutaties.push(`${m.naam}: ${u.wat}`);
      break;
    }
  }
  return { bytes, mutaties };
}

export { escape as escapeXml };
