// Document content without big strings: base64 decoded block by block, MTOM parts split without copying, inline
// content cut out of the raw body before parsing.
import { createHash, randomBytes } from 'node:crypto';
import { BLOK, Base64Data, RuweData, alleBytes, base64Stukken } from '../../src/stuf/binair';
import { StufFout } from '../../src/stuf/fout';
import { knipInhoudUit, koppelBinair, leesInvoer } from '../../src/soap/invoer';
import { leesMtom, mtomAntwoord } from '../../src/soap/mtom';
import { parseXml, path } from '../../src/stuf/xml';

const b64 = (s: string) => new Base64Data(Buffer.from(s, 'latin1'));
const fout = async (f: () => unknown) => {
  try {
    await f();
  } catch (e) {
    return e instanceof StufFout ? e.code : String(e);
  }
  return 'geen fout';
};
/** base64Stukken's pieces, joined. */
const aaneen = async (stukken: AsyncIterable<string>) => {
  let uit = '';
  for await (const s of stukken) uit += s;
  return uit;
};

describe('Base64Data', () => {
  it('decodeert over blokgrenzen heen, met regelovergangen en &#xD;-verwijzingen ertussen', () => {
    const bytes = randomBytes(BLOK * 2 + 1234);
    const tekst = bytes.toString('base64').replace(/.{76}/g, '$&&#xD;\r\n');
    const blokken = [...b64(tekst).blokken()];
    expect(blokken.length).toBeGreaterThanOrEqual(3);
    // Every block but the last is whole base64 groups, so consecutive blocks re-encode without padding.
    for (const b of blokken.slice(0, -1)) expect(b.length % 3).toBe(0);
    expect(Buffer.concat(blokken).equals(bytes)).toBe(true);
  });

  it('knipt een tekenverwijzing niet doormidden op een venstergrens', async () => {
    const venster = (BLOK / 3) * 4;
    const tekst = 'A'.repeat(venster - 3) + '&#xD;' + 'A'.repeat(3);
    const bytes = await alleBytes(b64(tekst));
    expect(bytes.length).toBe((venster / 4) * 3);
    expect(bytes.every((b) => b === 0)).toBe(true);
  });

  it('accepteert base64 zonder opvulling en weigert onzin met StUF055', async () => {
    expect((await alleBytes(b64('QUJD'))).toString()).toBe('ABC');
    expect((await alleBytes(b64('QUI'))).toString()).toBe('AB');
    expect((await alleBytes(b64('QUI='))).toString()).toBe('AB');
    expect(await fout(() => alleBytes(b64('QU*D')))).toBe('StUF055');
    expect(await fout(() => alleBytes(b64('Q')))).toBe('StUF055');
    expect(await fout(() => alleBytes(b64('QQ==QUJD')))).toBe('StUF055');
    expect(await fout(() => alleBytes(b64('QU&amp;JD')))).toBe('StUF055');
    expect(await fout(() => alleBytes(b64('QQ== \r\n QUJD')))).toBe('StUF055');
    expect((await alleBytes(b64('QQ== \r\n '))).toString()).toBe('A');
    expect(await fout(() => Base64Data.uitTekst('QUJDé'))).toBe('StUF055');
  });

  it('schrijft base64 uit in stukken die aaneengeregen kloppen, ook bij blokken die geen veelvoud van 3 zijn', async () => {
    const bytes = randomBytes(100_001);
    const ongelijk = { *blokken() { for (let i = 0; i < bytes.length; i += 1000) yield bytes.subarray(i, i + 1000); }, kenmerk() {} };
    expect(await aaneen(base64Stukken(ongelijk))).toBe(bytes.toString('base64'));
    expect(await aaneen(base64Stukken(new RuweData(bytes)))).toBe(bytes.toString('base64'));
  });
});

const ENVELOP = (inhoud: string, extra = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ZKN="http://www.egem.nl/StUF/sector/zkn/0310" xmlns:StUF="http://www.egem.nl/StUF/StUF0301"><s:Body><ZKN:object><ZKN:titel>inhoud</ZKN:titel>${extra}<ZKN:inhoud StUF:bestandsnaam="a > b.pdf">${inhoud}</ZKN:inhoud ></ZKN:object></s:Body></s:Envelope>`;

describe('inline inhoud uitknippen', () => {
  it('knipt grote base64 uit, laat de attributen staan en koppelt de inhoud terug aan het element', async () => {
    const bytes = randomBytes(50_000);
    const invoer = leesInvoer(Buffer.from(ENVELOP(bytes.toString('base64'))), 'text/xml; charset=utf-8');
    expect((invoer.tekst as string).length).toBeLessThan(1000);
    const root = parseXml(invoer.tekst as string);
    koppelBinair(root, invoer.bijlagen);
    const inhoud = path(root, 'Body', 'object', 'inhoud')!;
    expect(inhoud.text).toBe('');
    expect(inhoud.attrs.map((a) => a.value)).toEqual(['a > b.pdf']);
    expect((await alleBytes(inhoud.binair!)).equals(bytes)).toBe(true);
    expect(path(root, 'Body', 'object', 'titel')!.text).toBe('inhoud');
  });

  it('laat kleine inhoud, lege elementen, langere namen en UTF-16 met rust', () => {
    const klein = Buffer.from(ENVELOP('QUJD'));
    expect(knipInhoudUit(klein, new Map())).toBe(klein);
    const leeg = Buffer.from(ENVELOP('', '<ZKN:inhoudsopgave>' + 'x'.repeat(5000) + '</ZKN:inhoudsopgave><ZKN:inhoud/>'));
    expect(knipInhoudUit(leeg, new Map())).toBe(leeg);
    const utf16 = Buffer.from('\ufeff' + ENVELOP(randomBytes(5000).toString('base64')), 'utf16le');
    const invoer = leesInvoer(utf16, 'text/xml; charset=utf-16');
    expect(invoer.bijlagen.size).toBe(0);
  });
});

describe('MTOM', () => {
  it('leest een multipart/related-verzoek en verbindt xop:Include met het binaire deel, zonder te kopiëren', async () => {
    const bytes = randomBytes(10_000);
    const env = ENVELOP('<xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="cid:doc%401"/>');
    const body = Buffer.concat([
      Buffer.from('--grens\r\nContent-Type: application/xop+xml; charset=UTF-8; type="text/xml"\r\nContent-ID: <root@x>\r\n\r\n' + env + '\r\n--grens\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <doc@1>\r\n\r\n'),
      bytes,
      Buffer.from('\r\n--grens--\r\n'),
    ]);
    const invoer = leesInvoer(body, 'multipart/related; type="application/xop+xml"; boundary="grens"; start="<root@x>"; start-info="text/xml"');
    expect(invoer.mtom).toBe(true);
    const root = parseXml(invoer.tekst as string);
    koppelBinair(root, invoer.bijlagen);
    const inhoud = path(root, 'Body', 'object', 'inhoud')!;
    expect(inhoud.children).toEqual([]);
    expect((await alleBytes(inhoud.binair!)).equals(bytes)).toBe(true);
  });

  it('weigert een onbekende Content-ID en een bericht zonder boundary met StUF055', async () => {
    const env = ENVELOP('<xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="cid:weg"/>');
    const invoer = leesInvoer(Buffer.from('--g\r\nContent-Type: application/xop+xml\r\n\r\n' + env + '\r\n--g--'), 'multipart/related; boundary=g');
    expect(await fout(() => koppelBinair(parseXml(invoer.tekst as string), invoer.bijlagen))).toBe('StUF055');
    expect(() => leesMtom(Buffer.from('x'), 'multipart/related')).toThrow(/boundary/);
  });

  it('schrijft een antwoord als multipart/related dat we zelf weer kunnen lezen', async () => {
    const bytes = randomBytes(5000);
    const m = mtomAntwoord(['<a><inhoud>', new RuweData(bytes), '</inhoud></a>'], 'text/xml; charset=utf-8');
    const delen: Buffer[] = [];
    for (const d of m.delen) delen.push(Buffer.isBuffer(d) ? d : await alleBytes(d));
    const body = Buffer.concat(delen);
    const terug = leesInvoer(body, m.contentType);
    const root = parseXml(terug.tekst as string);
    koppelBinair(root, terug.bijlagen);
    expect(createHash('sha256').update(await alleBytes(path(root, 'inhoud')!.binair!)).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});
