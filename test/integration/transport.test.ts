// The front door on a real loopback port (issue 13 points 4 and 5): a body sent a byte per second, headers that never
// end, a header block over server.maxHeaderBytes and a Content-Length the client never fills each get a StUF055
// fault and a closed connection, never a bare 408 or 431; in beveiligd mode a caller without valid credentials gets
// StUF052 before its message is read, whatever its body holds. After every attack a normal creeerZaak succeeds.
// Raw sockets where the client has to misbehave; no timing is asserted beyond the test's own time limit.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { AddressInfo, Socket, connect } from 'node:net';
import { join } from 'node:path';
import { startGateway, TestGateway } from '../support/gateway';
import { inEnvelope } from '../support/soap';
import { creeerZaak } from '../support/zdsBerichten';
import { HttpAntwoord, goed, schoneFout } from '../support/antwoorden';
import { aanmelding, als, beveiligd } from '../support/planBerichten';
import { ZDS12 } from '../support/soap';
import { BERICHTEN_MAP } from '../support/paden';
import { docActie, docPad, geefLezen, nieuwDocument } from '../support/documentBerichten';

jest.setTimeout(30_000);

const CREEER = `${ZDS12}creeerZaak_ZakLk01`;
const ONTVANG = '/OntvangAsynchroon';

/** What came back on a raw connection, read until the gateway closed it; parsed as one HTTP/1.1 response. */
interface RuwAntwoord extends HttpAntwoord {
  /** The gateway closed the connection (it always should after one of these faults). */
  gesloten: boolean;
}

let opgenomen = 0;

function leesHttp(ruw: Buffer): HttpAntwoord {
  const tekst = ruw.toString('utf8');
  const einde = tekst.indexOf('\r\n\r\n');
  if (einde < 0) throw new Error(`geen HTTP-antwoord ontvangen: ${JSON.stringify(tekst.slice(0, 200))}`);
  const [statusregel, ...regels] = tekst.slice(0, einde).split('\r\n');
  const headers: Record<string, string> = {};
  for (const r of regels) {
    const i = r.indexOf(':');
    headers[r.slice(0, i).trim().toLowerCase()] = r.slice(i + 1).trim();
  }
  const body = Buffer.from(tekst.slice(einde + 4), 'utf8');
  const lengte = Number(headers['content-length']);
  const antwoord = (Number.isInteger(lengte) ? body.subarray(0, lengte) : body).toString('utf8');
  // Written past Fastify (the HTTP server's own client errors): recorded here for the conformance check.
  if (/xml/.test(headers['content-type'] ?? '')) {
    mkdirSync(BERICHTEN_MAP, { recursive: true });
    writeFileSync(join(BERICHTEN_MAP, `transport-ruw-${process.pid}-${++opgenomen}.xml`), antwoord);
  }
  return { status: Number(statusregel.split(' ')[1]), headers, body: antwoord };
}

/**
 * Opens a raw connection, lets `gedrag` write to it (and keep writing), and collects everything the gateway sends
 * until it closes the connection. `gedrag` may return a stop function, called when the connection ends.
 */
function ruweVerbinding(poort: number, gedrag: (s: Socket) => (() => void) | void): Promise<RuwAntwoord> {
  return new Promise((klaar, mislukt) => {
    const s = connect(poort, '127.0.0.1');
    const stukken: Buffer[] = [];
    let stop: (() => void) | void;
    s.on('connect', () => (stop = gedrag(s)));
    s.on('data', (d: Buffer) => stukken.push(d));
    // A reset after the fault (the client was still sending) still counts as closed; the fault was read before it.
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'ECONNRESET' && e.code !== 'EPIPE') mislukt(e);
    });
    s.on('close', () => {
      stop?.();
      try {
        klaar({ ...leesHttp(Buffer.concat(stukken)), gesloten: true });
      } catch (e) {
        mislukt(e);
      }
    });
  });
}

const kop = (pad: string, regels: string[]) => `POST ${pad} HTTP/1.1\r\nHost: 127.0.0.1\r\n${regels.map((r) => `${r}\r\n`).join('')}`;
const authorization = (rol: 'regie') => `Authorization: ${aanmelding(rol).authorization}`;

describe('transport limits, beveiligd', () => {
  let gw: TestGateway;
  let poort: number;
  let teller = 0;

  /** A normal creeerZaak over real HTTP: the gateway still serves after the attack before. */
  const normaleZaak = async () => {
    const r = await fetch(`http://127.0.0.1:${poort}${ONTVANG}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: CREEER, ...aanmelding('regie') },
      body: inEnvelope(creeerZaak({ id: `0599TRANS${String(++teller).padStart(4, '0')}`, sturing: als('regie') })),
    });
    expect(goed({ status: r.status, body: await r.text(), headers: Object.fromEntries(r.headers) }).local).toBe('Bv03Bericht');
  };

  beforeAll(async () => {
    gw = await startGateway({ ...beveiligd(), server: { headerTimeoutSeconden: 1, verzoekTimeoutSeconden: 2, maxHeaderBytes: 4096 } });
    await gw.app.listen({ port: 0, host: '127.0.0.1' });
    poort = (gw.app.server.address() as AddressInfo).port;
    await normaleZaak();
  });
  afterAll(() => gw.sluit());

  it('a body sent a byte per second is cut off with a Fo03 StUF055 naming server.verzoekTimeoutSeconden, and the connection is closed', async () => {
    const body = inEnvelope(creeerZaak({ id: '0599TRAAG0001', sturing: als('regie') }));
    const r = await ruweVerbinding(poort, (s) => {
      s.write(kop(ONTVANG, [authorization('regie'), 'Content-Type: text/xml; charset=utf-8', `SOAPAction: ${CREEER}`, `Content-Length: ${Buffer.byteLength(body)}`, '']));
      let i = 0;
      const timer = setInterval(() => s.writable && s.write(body.slice(i, ++i)), 1000);
      return () => clearInterval(timer);
    });
    expect(r.gesloten).toBe(true);
    const f = schoneFout(r);
    expect(f).toMatchObject({ soort: 'Fo03', code: 'StUF055', plek: 'client' });
    expect(f.details).toContain('server.verzoekTimeoutSeconden');
    expect(String(r.headers.connection)).toBe('close');
    await normaleZaak();
  });

  it('headers that never end get a Fo02 StUF055 naming the header time, and the connection is closed', async () => {
    const r = await ruweVerbinding(poort, (s) => {
      s.write(kop('/BeantwoordVraag', [authorization('regie'), 'Content-Type: text/xml']));
    });
    const f = schoneFout(r);
    expect(f).toMatchObject({ soort: 'Fo02', code: 'StUF055', plek: 'client' });
    expect(f.details).toContain('server.headerTimeoutSeconden');
    await normaleZaak();
  });

  it('a header block over server.maxHeaderBytes gets a Fo02 StUF055 instead of a bare 431', async () => {
    const r = await ruweVerbinding(poort, (s) => {
      s.write(kop(ONTVANG, [authorization('regie'), `X-Opvulling: ${'a'.repeat(8000)}`, 'Content-Length: 0', '']));
    });
    const f = schoneFout(r);
    expect(f).toMatchObject({ soort: 'Fo02', code: 'StUF055' });
    expect(f.details).toBe('De kopregels van het HTTP-verzoek zijn samen groter dan 4096 bytes (server.maxHeaderBytes)');
    await normaleZaak();
  });

  it('a request line that is no HTTP gets a StUF055 fault as well', async () => {
    const r = await ruweVerbinding(poort, (s) => {
      s.write('DIT IS GEEN HTTP\r\n\r\n');
    });
    expect(schoneFout(r)).toMatchObject({ soort: 'Fo02', code: 'StUF055' });
    await normaleZaak();
  });

  it('Content-Lengths of 90 MB on several connections with a few bytes each: every one gets its fault, the gateway serves on', async () => {
    const aanvallen = Array.from({ length: 8 }, () =>
      ruweVerbinding(poort, (s) => {
        s.write(kop(ONTVANG, [authorization('regie'), 'Content-Type: text/xml', `SOAPAction: ${CREEER}`, `Content-Length: ${90 * 1024 * 1024}`, '']));
        s.write('<soapenv:Envelope');
      }),
    );
    await normaleZaak(); // served while the eight wait for bytes that never come
    for (const r of await Promise.all(aanvallen)) {
      expect(schoneFout(r)).toMatchObject({ soort: 'Fo03', code: 'StUF055' });
      expect(r.gesloten).toBe(true);
    }
    await normaleZaak();
  });

  it.each([
    ['with Content-Length', true],
    ['chunked, without Content-Length', false],
  ])('a document that arrives in many small pieces (%s) is stored byte for byte', async (_naam, metLengte) => {
    const zaak = `0599TRANS${String(teller + 1).padStart(4, '0')}`;
    await normaleZaak();
    const id = `0599-STUKJES-${metLengte ? 'L' : 'C'}`;
    // 3 MB of text, 4 MB as base64: the buffer doubles a few times before it takes the declared length.
    const tekst = randomBytes(1536 * 1024).toString('hex');
    const body = Buffer.from(inEnvelope(nieuwDocument('zds12', 'voegZaakdocumentToe', { id, zaken: [zaak], tekst, sturing: { zender: als('regie').zender } })));
    const r = await ruweVerbinding(poort, (s) => {
      const lengte = metLengte ? `Content-Length: ${body.length}` : 'Transfer-Encoding: chunked';
      s.write(kop(docPad('voegZaakdocumentToe'), [authorization('regie'), 'Content-Type: text/xml; charset=utf-8', `SOAPAction: ${docActie('zds12', 'voegZaakdocumentToe')}`, 'Connection: close', lengte, '']));
      let i = 0;
      const volgende = () => {
        if (i >= body.length) return void (metLengte ? undefined : s.write('0\r\n\r\n'));
        const stuk = body.subarray(i, (i += 997 + (i % 3001)));
        s.write(metLengte ? stuk : Buffer.concat([Buffer.from(`${stuk.length.toString(16)}\r\n`), stuk, Buffer.from('\r\n')]), () => setImmediate(volgende));
      };
      volgende();
    });
    expect(goed(r).local).toBe('Bv03Bericht');
    const lezen = await fetch(`http://127.0.0.1:${poort}${docPad('geefZaakdocumentLezen')}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: docActie('zds12', 'geefZaakdocumentLezen'), ...aanmelding('regie') },
      body: inEnvelope(geefLezen('zds12', id).replace('<StUF:applicatie>DOCAPP<', `<StUF:applicatie>${als('regie').zender}<`)),
    });
    const antwoord = await lezen.text();
    const inhoud = /<ZKN:inhoud[^>]*>([^<]*)<\/ZKN:inhoud>/.exec(antwoord)?.[1];
    const sha = (t: string) => createHash('sha256').update(t).digest('hex');
    expect(sha(Buffer.from(inhoud ?? '', 'base64').toString('utf8'))).toBe(sha(tekst));
  });

  describe('credentials before parsing', () => {
    const stuur = async (pad: string, body: string, headers: Record<string, string> = {}) => {
      const r = await fetch(`http://127.0.0.1:${poort}${pad}`, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: CREEER, ...headers }, body });
      return { status: r.status, body: await r.text(), headers: Object.fromEntries(r.headers) };
    };
    const basic = (gebruiker: string, wachtwoord: string) => ({ authorization: `Basic ${Buffer.from(`${gebruiker}:${wachtwoord}`).toString('base64')}` });

    it('without credentials a body that is no XML at all is StUF052, not StUF055: it is never parsed', async () => {
      const f = schoneFout(await stuur(ONTVANG, 'dit is geen XML <<<&&&'));
      expect(f).toMatchObject({ soort: 'Fo03', code: 'StUF052', plek: 'client', details: 'Geen inloggegevens: meld de applicatie aan met HTTP basic of met een TLS-clientcertificaat' });
      expect(schoneFout(await stuur('/BeantwoordVraag', '<a><b></a>'))).toMatchObject({ soort: 'Fo02', code: 'StUF052' });
      await normaleZaak();
    });

    it('a wrong password and an unknown user get one identical answer, also with a body that is no XML', async () => {
      const fout = schoneFout(await stuur(ONTVANG, '\u0000\u0001 geen xml', basic('regie', 'verkeerd-wachtwoord')));
      const onbekend = schoneFout(await stuur(ONTVANG, '\u0000\u0001 geen xml', basic('niemand', 'verkeerd-wachtwoord')));
      expect(fout).toMatchObject({ soort: 'Fo03', code: 'StUF052', details: 'HTTP basic: gebruikersnaam of wachtwoord is onjuist' });
      expect(onbekend).toEqual(fout);
      await normaleZaak();
    });

    it('a refused SOAP 1.2 client gets a SOAP 1.2 fault', async () => {
      const f = schoneFout(await stuur('/BeantwoordVraag', 'geen xml', { 'content-type': `application/soap+xml; charset=utf-8; action="${CREEER}"` }));
      expect(f).toMatchObject({ soap: '1.2', soort: 'Fo02', code: 'StUF052' });
    });

    it('an unauthenticated body that never ends is still cut off, and the connection closed', async () => {
      const r = await ruweVerbinding(poort, (s) => {
        s.write(kop(ONTVANG, ['Content-Type: text/xml', 'Content-Length: 1000', '']));
        const timer = setInterval(() => s.writable && s.write('x'), 500);
        return () => clearInterval(timer);
      });
      expect(r.gesloten).toBe(true);
      expect(schoneFout(r)).toMatchObject({ soort: 'Fo03', code: 'StUF052' });
      await normaleZaak();
    });
  });
});

describe('transport limits in the configuration', () => {
  it('a header time longer than the request time is held to the request time (Node would refuse to start)', async () => {
    const gw = await startGateway({ server: { headerTimeoutSeconden: 60, verzoekTimeoutSeconden: 30 } });
    try {
      await gw.app.listen({ port: 0, host: '127.0.0.1' });
      expect([gw.app.server.headersTimeout, gw.app.server.requestTimeout]).toEqual([30_000, 30_000]);
    } finally {
      await gw.sluit();
    }
  });
});
