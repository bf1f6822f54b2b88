// A 64 MB document in and out over real HTTP, inline base64 and MTOM, compared byte for byte; and a body above
// the limit answered with a fault the client actually receives.
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGateway, TestGateway, vangLog } from '../support/gateway';
import { bericht, foutcode, ZDS12 } from '../support/soap';
import { creeerZaak, uniekRef } from '../support/zdsBerichten';
import { leesMtom } from '../../src/soap/mtom';
import { alleBytes } from '../../src/stuf/binair';

jest.setTimeout(180_000);

const MB = 1024 * 1024;
const ENV_OPEN = '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>';
const ENV_SLUIT = '</soapenv:Body></soapenv:Envelope>';
const NSDECL =
  'xmlns:ZDS="http://www.stufstandaarden.nl/koppelvlak/zds0120" xmlns:ZKN="http://www.egem.nl/StUF/sector/zkn/0310" xmlns:StUF="http://www.egem.nl/StUF/StUF0301" xmlns:xmime="http://www.w3.org/2005/05/xmlmime" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const sturing = (code: string, ref: string) =>
  `<ZKN:stuurgegevens><StUF:berichtcode>${code}</StUF:berichtcode><StUF:zender><StUF:organisatie>0599</StUF:organisatie><StUF:applicatie>TESTAPP</StUF:applicatie></StUF:zender>` +
  `<StUF:ontvanger><StUF:organisatie>0599</StUF:organisatie><StUF:applicatie>ZDSGW</StUF:applicatie></StUF:ontvanger><StUF:referentienummer>${ref}</StUF:referentienummer>` +
  `<StUF:tijdstipBericht>20261123100000000</StUF:tijdstipBericht><StUF:entiteittype>EDC</StUF:entiteittype></ZKN:stuurgegevens>`;

/** voegZaakdocumentToe around a given inhoud element content: split in two so the content can be streamed between. */
function voegToe(docId: string, zaakId: string): [string, string] {
  const voor =
    `${ENV_OPEN}<ZDS:voegZaakdocumentToe_EdcLk01 ${NSDECL}>${sturing('Lk01', uniekRef('GROOT'))}<ZKN:parameters><StUF:mutatiesoort>T</StUF:mutatiesoort><StUF:indicatorOvername>V</StUF:indicatorOvername></ZKN:parameters>` +
    `<ZKN:object StUF:entiteittype="EDC" StUF:verwerkingssoort="T"><ZKN:identificatie>${docId}</ZKN:identificatie><ZKN:dct.omschrijving>Bijlage</ZKN:dct.omschrijving>` +
    `<ZKN:creatiedatum>20261123</ZKN:creatiedatum><ZKN:titel>Groot document</ZKN:titel><ZKN:formaat>application/octet-stream</ZKN:formaat><ZKN:taal>nld</ZKN:taal>` +
    `<ZKN:vertrouwelijkAanduiding>ZAAKVERTROUWELIJK</ZKN:vertrouwelijkAanduiding><ZKN:auteur>test</ZKN:auteur><ZKN:inhoud StUF:bestandsnaam="groot.bin" xmime:contentType="application/octet-stream">`;
  const na =
    `</ZKN:inhoud><ZKN:isRelevantVoor StUF:entiteittype="EDCZAK" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="ZAK" StUF:verwerkingssoort="I">` +
    `<ZKN:identificatie>${zaakId}</ZKN:identificatie></ZKN:gerelateerde></ZKN:isRelevantVoor></ZKN:object></ZDS:voegZaakdocumentToe_EdcLk01>${ENV_SLUIT}`;
  return [voor, na];
}

const lezen = (docId: string) =>
  `${ENV_OPEN}<ZDS:geefZaakdocumentLezen_EdcLv01 ${NSDECL}>${sturing('Lv01', uniekRef('LEES'))}<ZKN:parameters><StUF:sortering>0</StUF:sortering><StUF:indicatorVervolgvraag>false</StUF:indicatorVervolgvraag></ZKN:parameters>` +
  `<ZKN:gelijk StUF:entiteittype="EDC"><ZKN:identificatie>${docId}</ZKN:identificatie></ZKN:gelijk><ZKN:scope><ZKN:object StUF:entiteittype="EDC"><ZKN:identificatie xsi:nil="true"/><ZKN:titel xsi:nil="true"/><ZKN:inhoud xsi:nil="true"/></ZKN:object></ZKN:scope></ZDS:geefZaakdocumentLezen_EdcLv01>${ENV_SLUIT}`;

interface Antwoord {
  status: number;
  contentType: string;
  body: Buffer;
}

/** A POST over a real socket whose body is written piece by piece, as a client streaming a large upload does. */
function post(basis: string, pad: string, actie: string, stukken: Buffer[], contentType = 'text/xml; charset=utf-8', metLengte = true): Promise<Antwoord> {
  return new Promise((resolve, reject) => {
    const lengte = stukken.reduce((n, s) => n + s.length, 0);
    const headers: Record<string, string | number> = { 'content-type': contentType, soapaction: actie };
    if (metLengte) headers['content-length'] = lengte;
    const req = request(`${basis}${pad}`, { method: 'POST', headers }, (res) => {
      const delen: Buffer[] = [];
      res.on('data', (d: Buffer) => delen.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']), body: Buffer.concat(delen) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    const schrijf = (i: number): void => {
      if (i === stukken.length) return void req.end();
      // 1 MB at a time, respecting backpressure.
      const stuk = stukken[i];
      let p = 0;
      const volgende = (): void => {
        while (p < stuk.length) {
          const deel = stuk.subarray(p, p + MB);
          p += deel.length;
          if (!req.write(deel)) return void req.once('drain', volgende);
        }
        schrijf(i + 1);
      };
      volgende();
    };
    schrijf(0);
  });
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The decoded content of the (only) inhoud element of an inline answer, found without parsing 85 MB of XML. */
function inlineInhoud(body: Buffer): Buffer {
  const open = body.indexOf('<ZKN:inhoud');
  const start = body.indexOf('>', open) + 1;
  const eind = body.indexOf('</ZKN:inhoud>', start);
  return Buffer.from(body.toString('latin1', start, eind), 'base64');
}

describe('een document van 64 MB over echte HTTP', () => {
  let gw: TestGateway;
  let basis: string;
  const inhoud = randomBytes(64 * MB);
  const zaakId = `0599${Date.now()}`.slice(0, 20);

  beforeAll(async () => {
    gw = await startGateway();
    await gw.app.listen({ port: 0, host: '127.0.0.1' });
    basis = `http://127.0.0.1:${(gw.app.server.address() as AddressInfo).port}`;
    const r = await post(basis, '/OntvangAsynchroon', ZDS12 + 'creeerZaak_ZakLk01', [Buffer.from(ENV_OPEN + creeerZaak({ id: zaakId }) + ENV_SLUIT)]);
    expect(r.status).toBe(200);
  });
  afterAll(() => gw.sluit());

  it('inline base64 erin en eruit, byte voor byte', async () => {
    const [voor, na] = voegToe('0599-GROOT-INLINE', zaakId);
    const r = await post(basis, '/OntvangAsynchroon', ZDS12 + 'voegZaakdocumentToe_EdcLk01', [Buffer.from(voor), Buffer.from(inhoud.toString('base64')), Buffer.from(na)]);
    expect(r.status).toBe(200);
    expect(bericht(r.body.toString()).local).toBe('Bv03Bericht');

    const a = await post(basis, '/BeantwoordVraag', ZDS12 + 'geefZaakdocumentLezen_EdcLv01', [Buffer.from(lezen('0599-GROOT-INLINE'))]);
    expect(a.status).toBe(200);
    expect(a.contentType).toMatch(/^text\/xml/);
    expect(a.body.includes('StUF:bestandsnaam="groot.bin"')).toBe(true);
    expect(sha(inlineInhoud(a.body))).toBe(sha(inhoud));
  });

  it('als MTOM erin, en omdat de vraag MTOM was ook als MTOM eruit, byte voor byte', async () => {
    const [voor, na] = voegToe('0599-GROOT-MTOM', zaakId);
    const include = '<xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="cid:document-1@test"/>';
    const grens = 'MIMEBoundary_test';
    const ct = `multipart/related; type="application/xop+xml"; boundary="${grens}"; start="<root@test>"; start-info="text/xml"`;
    const stukken = [
      Buffer.from(`--${grens}\r\nContent-Type: application/xop+xml; charset=UTF-8; type="text/xml"\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <root@test>\r\n\r\n${voor}${include}${na}\r\n`),
      Buffer.from(`--${grens}\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <document-1@test>\r\n\r\n`),
      inhoud,
      Buffer.from(`\r\n--${grens}--\r\n`),
    ];
    const r = await post(basis, '/OntvangAsynchroon', ZDS12 + 'voegZaakdocumentToe_EdcLk01', stukken, ct, false);
    expect(r.status).toBe(200);
    expect(r.contentType).toMatch(/^multipart\/related/);
    const bv03 = leesMtom(r.body, r.contentType);
    expect(bericht(bv03.root.toString()).local).toBe('Bv03Bericht');

    const vraag = Buffer.from(`--${grens}\r\nContent-Type: application/xop+xml; charset=UTF-8; type="text/xml"\r\nContent-ID: <root@test>\r\n\r\n${lezen('0599-GROOT-MTOM')}\r\n--${grens}--\r\n`);
    const a = await post(basis, '/BeantwoordVraag', ZDS12 + 'geefZaakdocumentLezen_EdcLv01', [vraag], ct);
    expect(a.status).toBe(200);
    expect(a.contentType).toMatch(/^multipart\/related; type="application\/xop\+xml"/);
    const m = leesMtom(a.body, a.contentType);
    const xml = m.root.toString();
    const cid = /<xop:Include [^>]*href="cid:([^"]+)"/.exec(xml)![1];
    expect(m.bijlagen.size).toBe(1);
    expect(sha(await alleBytes(m.bijlagen.get(decodeURIComponent(cid))!))).toBe(sha(inhoud));
    // The same document asked inline gets inline base64.
    const inline = await post(basis, '/BeantwoordVraag', ZDS12 + 'geefZaakdocumentLezen_EdcLv01', [Buffer.from(lezen('0599-GROOT-MTOM'))]);
    expect(sha(inlineInhoud(inline.body))).toBe(sha(inhoud));
  });
});

describe('een bericht boven de ingestelde limiet', () => {
  let gw: TestGateway;
  let basis: string;
  beforeAll(async () => {
    gw = await startGateway({ server: { bodyLimit: 1 * MB } });
    await gw.app.listen({ port: 0, host: '127.0.0.1' });
    basis = `http://127.0.0.1:${(gw.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => gw.sluit());

  it.each([
    ['met Content-Length', true],
    ['in chunks, zonder Content-Length', false],
  ])('krijgt een Fo03 StUF055 die de client ook ontvangt (%s), en de verbinding blijft bruikbaar', async (_naam, metLengte) => {
    const [voor, na] = voegToe('0599-TE-GROOT', '0599TEGROOT');
    const r = await post(basis, '/OntvangAsynchroon', ZDS12 + 'voegZaakdocumentToe_EdcLk01', [Buffer.from(voor), Buffer.from(randomBytes(8 * MB).toString('base64')), Buffer.from(na)], undefined, metLengte);
    expect(r.status).toBe(500);
    expect(foutcode(r.body.toString())).toBe('StUF055');
    expect(bericht(r.body.toString()).local).toBe('Fo03Bericht');
    expect(r.body.toString()).toContain('limiet van 1048576 bytes');
    const h = await fetch(`${basis}/health`);
    expect(h.status).toBe(200);
  });
});

describe('documentinhoud in het log', () => {
  it('komt er nooit in: niet bij toevoegen, lezen of een fout, klein of groot', async () => {
    const { log: logger, regels } = vangLog();
    const gw = await startGateway({}, 'grootDocument-log', logger);
    try {
      const zaakId = '0599LOGZAAK1';
      expect((await gw.stuur(ENV_OPEN + creeerZaak({ id: zaakId }) + ENV_SLUIT, { actie: ZDS12 + 'creeerZaak_ZakLk01' })).status).toBe(200);
      const geheim = Buffer.from('GEHEIME-INHOUD '.repeat(200));
      const klein = Buffer.from('GEHEIM-KLEIN');
      for (const [id, bytes] of [['0599-LOG-1', geheim], ['0599-LOG-2', klein]] as const) {
        const [voor, na] = voegToe(id, zaakId);
        expect((await gw.stuur(voor + bytes.toString('base64') + na, { actie: ZDS12 + 'voegZaakdocumentToe_EdcLk01' })).status).toBe(200);
        expect((await gw.stuur(lezen(id), { pad: '/BeantwoordVraag', actie: ZDS12 + 'geefZaakdocumentLezen_EdcLv01' })).status).toBe(200);
      }
      const [voor, na] = voegToe('0599-LOG-3', zaakId);
      const fout = await gw.stuur(voor + geheim.toString('base64') + '*' + na, { actie: ZDS12 + 'voegZaakdocumentToe_EdcLk01' });
      expect(foutcode(fout.body)).toBe('StUF055');
      const log = regels.join('');
      expect(regels.length).toBeGreaterThanOrEqual(5);
      for (const b of [geheim, klein]) {
        expect(log).not.toContain(b.toString('base64').slice(0, 12));
        expect(log).not.toContain(b.toString().slice(0, 10));
      }
      expect(log).toContain('voegZaakdocumentToe');
    } finally {
      await gw.sluit();
    }
  });
});

describe('documenten.mtom: altijd', () => {
  it('beantwoordt een gewone vraag naar documentinhoud als MTOM, en een antwoord zonder inhoud gewoon', async () => {
    const gw = await startGateway({ documenten: { mtom: 'altijd' } });
    try {
      const zaakId = '0599MTOMZAAK1';
      expect((await gw.stuur(ENV_OPEN + creeerZaak({ id: zaakId }) + ENV_SLUIT, { actie: ZDS12 + 'creeerZaak_ZakLk01' })).status).toBe(200);
      const bytes = randomBytes(3000);
      const [voor, na] = voegToe('0599-MTOM-ALTIJD', zaakId);
      const bv03 = await gw.stuur(voor + bytes.toString('base64') + na, { actie: ZDS12 + 'voegZaakdocumentToe_EdcLk01' });
      expect(bv03.headers['content-type']).toMatch(/^text\/xml/);
      const r = await gw.app.inject({ method: 'POST', url: '/BeantwoordVraag', payload: lezen('0599-MTOM-ALTIJD'), headers: { 'content-type': 'text/xml', soapaction: ZDS12 + 'geefZaakdocumentLezen_EdcLv01' } });
      expect(r.statusCode).toBe(200);
      const ct = String(r.headers['content-type']);
      expect(ct).toMatch(/^multipart\/related/);
      const m = leesMtom(r.rawPayload, ct);
      expect(m.bijlagen.size).toBe(1);
      expect((await alleBytes([...m.bijlagen.values()][0])).equals(bytes)).toBe(true);
    } finally {
      await gw.sluit();
    }
  });
});
