// The attack bodies of issue 13, generated on the fly (nothing stored in the repository): each is an otherwise normal
// creeerZaak with one hostile thing in it, of the sizes the issue measured. Bodies are lists of buffers, built only
// when the attack is about to be sent, so that at most one of them is in memory at a time.
import { ZDS12_ACTIE, creeerZaak } from './berichten';

export interface Aanval {
  naam: string;
  contentType: string;
  /** Builds the body; called right before the attack, never while /health is being timed. */
  body(): Buffer[];
}

const XML = 'text/xml; charset=utf-8';
export const AANVAL_PAD = '/OntvangAsynchroon';
export const AANVAL_ACTIE = `${ZDS12_ACTIE}creeerZaak_ZakLk01`;

let volgnummer = 0;
/** A creeerZaak of its own (fresh identificatie and referentienummer), so that an attack that slips through is still a new message. */
const basis = () => {
  const n = ++volgnummer;
  return creeerZaak(`0599AANVAL${process.pid}${String(n).padStart(4, '0')}`, `BENCH-AANVAL-${process.pid}-${n}`, n).body;
};

/** The creeerZaak split around a marker: the hostile part goes right before it. */
function rond(marker: string, body = basis()): [Buffer, Buffer] {
  const i = body.indexOf(marker);
  if (i < 0) throw new Error(`bench: marker ${marker} not in creeerZaak`);
  return [Buffer.from(body.slice(0, i)), Buffer.from(body.slice(i))];
}

/** `aantal` times what `stuk(i)` gives, joined into buffers of about 1 MB (no single string of the whole size). */
function herhaal(aantal: number, stuk: (i: number) => string): Buffer[] {
  const uit: Buffer[] = [];
  let deel: string[] = [];
  let lengte = 0;
  for (let i = 0; i < aantal; i++) {
    const s = stuk(i);
    deel.push(s);
    lengte += s.length;
    if (lengte >= 1 << 20) {
      uit.push(Buffer.from(deel.join(''), 'latin1'));
      deel = [];
      lengte = 0;
    }
  }
  if (deel.length) uit.push(Buffer.from(deel.join(''), 'latin1'));
  return uit;
}

const ELEMENT = '<ZKN:toelichting>'; // an element in the middle of the zaak
const TEKST = 'Ingediend via het e-formulier'; // the toelichting's text
const TAG_EINDE = '>Ingediend via'; // the end of toelichting's start tag

function inElement(hostiel: Buffer[]): Buffer[] {
  const [voor, na] = rond(ELEMENT);
  return [voor, ...hostiel, na];
}

function inTekst(hostiel: Buffer[]): Buffer[] {
  const [voor, na] = rond(TEKST);
  return [voor, ...hostiel, na];
}

function opTag(hostiel: Buffer[]): Buffer[] {
  const [voor, na] = rond(TAG_EINDE);
  return [voor, ...hostiel, na];
}

const GRENS = 'bench-aanval';
const MTOM = `multipart/related; type="application/xop+xml"; boundary="${GRENS}"; start="<root@bench>"; start-info="text/xml"`;

/** A MTOM request: the creeerZaak as root part, then `delen` parts whose content is `crlf` CRLF pairs. */
function mtom(delen: number, crlf: number): Buffer[] {
  const root = `--${GRENS}\r\nContent-Type: application/xop+xml; charset=UTF-8; type="text/xml"\r\nContent-ID: <root@bench>\r\n\r\n${basis()}\r\n`;
  const inhoud = '\r\n'.repeat(crlf);
  return [Buffer.from(root), ...herhaal(delen, (i) => `--${GRENS}\r\nContent-ID: <d${i}@bench>\r\n\r\n${inhoud}\r\n`), Buffer.from(`--${GRENS}--\r\n`)];
}

const attributen = (aantal: number) => herhaal(aantal, (i) => ` a${i}="1"`);

/** Billion laughs behind a comment that holds `<![CDATA[`: a DOCTYPE check that skips "CDATA" misses it. */
function doctypeNaCdataCommentaar(): Buffer[] {
  const lagen = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i++) lagen.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  const body = basis().replace(TEKST, '&lol9;');
  return [Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><!--<![CDATA[--><!DOCTYPE soapenv:Envelope [${lagen.join('')}]>${body}`)];
}

const MB = 1024 * 1024;

export const AANVALLEN: Aanval[] = [
  { naam: '40,000 <!--<!DOCTYPE--> comments', contentType: XML, body: () => inElement([Buffer.from('<!--<!DOCTYPE-->'.repeat(40_000))]) },
  { naam: 'MTOM, 2,000 parts of CRLF bytes', contentType: MTOM, body: () => mtom(2_000, 1_030) },
  { naam: 'MTOM, 40,000 parts of CRLF bytes', contentType: MTOM, body: () => mtom(40_000, 4) },
  { naam: 'one element, 4 million attributes', contentType: XML, body: () => opTag(attributen(4_000_000)) },
  { naam: 'one element, 7 million attributes', contentType: XML, body: () => opTag(attributen(7_000_000)) },
  { naam: 'nesting 100,000 levels deep', contentType: XML, body: () => inElement([Buffer.from('<a>'.repeat(100_000) + '</a>'.repeat(100_000))]) },
  { naam: 'DOCTYPE after a comment with <![CDATA[', contentType: XML, body: doctypeNaCdataCommentaar },
  { naam: '100,000 undeclared entities', contentType: XML, body: () => inTekst(herhaal(100_000, (i) => `&e${i};`)) },
  { naam: 'one text node of 50 MB', contentType: XML, body: () => inTekst(herhaal(50, () => 'x'.repeat(MB))) },
  { naam: 'an element name of 10 MB', contentType: XML, body: () => inElement([Buffer.from('<'), ...herhaal(10, () => 'n'.repeat(MB)), Buffer.from('/>')]) },
];
