// Faults and idempotency (zds.md 3, design.md "Rules that hold everywhere"): every failure is a SOAP fault with
// Fo02 or Fo03, a StUF foutcode and useful details; resends get the stored answer; strict and lenient modes;
// nothing personal in the log.
import { NS } from '../../src/stuf/namespaces';
import { child, parseXml, path } from '../../src/stuf/xml';
import { startGateway, TestGateway, vangLog } from '../support/gateway';
import { bericht, foutcode, inEnvelope, ZDS12 } from '../support/soap';
import { tekst, zdsClient } from '../support/zdsClient';
import * as m from '../support/zdsBerichten';

let gw: TestGateway;
let zds: ReturnType<typeof zdsClient>;
beforeAll(async () => {
  gw = await startGateway();
  zds = zdsClient(gw);
});
afterAll(async () => gw.sluit());

let n = 0;
const nieuwId = () => `0599FT${String(++n).padStart(6, '0')}`;

function fault(body: string) {
  const env = parseXml(body);
  return path(env, 'Body', 'Fault');
}

describe('the fault itself', () => {
  it('is HTTP 500 text/xml with faultcode from plek, faultstring = omschrijving and a complete Fo03', async () => {
    const id = nieuwId();
    await zds.creeer({ id });
    const ref = m.uniekRef('DUP');
    const r = await gw.stuur(inEnvelope(m.creeerZaak({ id, sturing: { ref, zender: 'FORMS' } })), { actie: ZDS12 + 'creeerZaak_ZakLk01' });
    expect(r.status).toBe(500);
    expect(String(r.headers['content-type'])).toMatch(/^text\/xml/);
    const f = fault(r.body);
    expect(tekst(f, 'faultcode')).toBe('soapenv:Server');
    expect(tekst(f, 'faultstring')).toBe('Proces voor afhandelen bericht geeft fout');
    const fo = bericht(r.body);
    expect(fo.local).toBe('Fo03Bericht');
    expect(tekst(fo, 'stuurgegevens', 'zender', 'applicatie')).toBe('ZDSGW');
    expect(tekst(fo, 'stuurgegevens', 'ontvanger', 'applicatie')).toBe('FORMS');
    expect(tekst(fo, 'stuurgegevens', 'crossRefnummer')).toBe(ref);
    expect(tekst(fo, 'body', 'plek')).toBe('server');
    expect(r.body).not.toMatch(/\bat \S+ \(|Error:/); // never a stack trace
  });

  it('is Fo02 with only a berichtcode for questions, faultcode Client for client errors', async () => {
    const r = await zds.stuur(m.geefZaakdetails('x').replace('<ZKN:gelijk', '<ZKN:gelijkk').replace('</ZKN:gelijk>', '</ZKN:gelijkk>'), 'geefZaakdetails_ZakLv01', '/BeantwoordVraag');
    expect(r.code).toBe('StUF055');
    const fo = bericht(r.body);
    expect(fo.local).toBe('Fo02Bericht');
    expect(child(fo, 'stuurgegevens')!.children.map((c) => c.local)).toEqual(['berichtcode']);
    expect(tekst(fault(r.body), 'faultcode')).toBe('soapenv:Client');
  });
});

describe('messages that cannot be read', () => {
  const gevallen: [string, string][] = [
    ['malformed XML', '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><a><b></a></soapenv:Body></soapenv:Envelope>'],
    ['no XML at all', 'dit is geen xml'],
    ['an empty body', ''],
    ['a DOCTYPE', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'],
    ['an empty soap:Body', '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body/></soapenv:Envelope>'],
    ['text after the root element', '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body/></soapenv:Envelope>rommel'],
  ];
  it.each(gevallen)('%s gets a StUF055 fault', async (_naam, body) => {
    const r = await gw.stuur(body, { pad: '/OntvangAsynchroon' });
    expect(r.status).toBe(500);
    expect(foutcode(r.body)).toBe('StUF055');
    expect(bericht(r.body).local).toBe('Fo03Bericht'); // OntvangAsynchroon: the caller expects a kennisgeving answer
  });

  it('an unknown operation gets StUF040: Fo02 on BeantwoordVraag, Fo03 on OntvangAsynchroon', async () => {
    const onbekend = inEnvelope('<x:iets xmlns:x="urn:onbekend"><x:a/></x:iets>');
    const vraag = await gw.stuur(onbekend, { pad: '/BeantwoordVraag', actie: 'urn:onbekend/iets' });
    expect(foutcode(vraag.body)).toBe('StUF040');
    expect(bericht(vraag.body).local).toBe('Fo02Bericht');
    const kennisgeving = await gw.stuur(onbekend, { pad: '/OntvangAsynchroon' });
    expect(foutcode(kennisgeving.body)).toBe('StUF040');
    expect(bericht(kennisgeving.body).local).toBe('Fo03Bericht');
  });

  it('an unknown endpoint gets a SOAP fault, not a bare 404', async () => {
    const r = await gw.stuur(inEnvelope(m.creeerZaak({ id: nieuwId() })), { pad: '/Onbekend' });
    expect(r.status).toBe(500);
    expect(foutcode(r.body)).toBe('StUF040');
  });

  it('uses a WS-Addressing Action when the SOAPAction is missing (SOAP 1.2 clients such as WCF)', async () => {
    const id = nieuwId();
    await zds.creeer({ id, relaties: m.rol('heeftAlsInitiator', m.medewerker('MDW-1')) + m.status(1, 'Ontvangen', '20240115090000') });
    // A ZDS 1.1 zakLv01 with only an identificatie would be geefZaakdetails by its content; the action says status.
    const lv = m.geefZaakdetails(id, '').replace(/ZDS:geefZaakdetails_ZakLv01/g, 'ZKN:zakLv01');
    const wsa = '<wsa:Action xmlns:wsa="http://www.w3.org/2005/08/addressing">http://www.egem.nl/StUF/sector/zkn/0310/geefZaakstatus_Lv01</wsa:Action>';
    const env = `<env:Envelope xmlns:env="${NS.soap12}"><env:Header>${wsa}</env:Header><env:Body>${lv}</env:Body></env:Envelope>`;
    const r = await gw.stuur(env, { pad: '/BeantwoordVraag', contentType: 'application/soap+xml; charset=utf-8' });
    expect(r.status).toBe(200);
    const object = path(bericht(r.body), 'antwoord', 'object');
    expect(object!.children.map((c) => c.local)).toEqual(['identificatie', 'heeft']); // the geefZaakstatus answer
  });

  it('a body above the configured limit gets a fault, not a dropped connection', async () => {
    const klein = await startGateway({ server: { bodyLimit: 4096 } });
    try {
      const r = await klein.stuur(inEnvelope(m.creeerZaak({ id: nieuwId(), attributen: `<ZKN:toelichting>${'x'.repeat(8000)}</ZKN:toelichting>` })));
      expect(r.status).toBe(500);
      expect(foutcode(r.body)).toBe('StUF055');
      expect(bericht(r.body).local).toBe('Fo03Bericht');
    } finally {
      await klein.sluit();
    }
  });
});

describe('stuurgegevens checks (zds.md A16)', () => {
  const creeer = () => m.creeerZaak({ id: nieuwId() });
  it.each([
    ['a berichtcode of another kind', (x: string) => x.replace('<StUF:berichtcode>Lk01<', '<StUF:berichtcode>Lv01<'), 'StUF025'],
    ['an unknown berichtcode', (x: string) => x.replace('<StUF:berichtcode>Lk01<', '<StUF:berichtcode>Xy01<'), 'StUF022'],
    ['the wrong entiteittype', (x: string) => x.replace('<StUF:entiteittype>ZAK<', '<StUF:entiteittype>EDC<'), 'StUF031'],
    ['no zender', (x: string) => x.replace(/<StUF:zender>.*?<\/StUF:zender>/, ''), 'StUF055'],
    ['no referentienummer', (x: string) => x.replace(/<StUF:referentienummer>.*?<\/StUF:referentienummer>/, ''), 'StUF055'],
    ['a zender applicatie of two characters', (x: string) => x.replace('<StUF:applicatie>TESTAPP<', '<StUF:applicatie>AB<'), 'StUF055'],
  ])('refuses %s', async (_naam, wijzig, code) => {
    const r = await zds.stuur(wijzig(creeer()), 'creeerZaak_ZakLk01', '/OntvangAsynchroon');
    expect(r.code).toBe(code);
    expect(r.details).toBeTruthy();
  });

  it('refuses the wrong functie on a Di02 with StUF037', async () => {
    const r = await zds.stuur(m.genereerZaakIdentificatie().replace('genereerZaakidentificatie', 'genereerDocumentidentificatie'), 'genereerZaakIdentificatie_Di02', '/VerwerkSynchroonVrijBericht');
    expect(r.code).toBe('StUF037');
    expect(bericht(r.body).local).toBe('Fo02Bericht');
  });

  it('refuses a message for another ontvanger with StUF010 when ontvangers are configured', async () => {
    const g = await startGateway({ stuf: { ontvangers: [{ organisatie: '0599', applicatie: 'ZAKENMAGAZIJN' }] } });
    try {
      const r = await zdsClient(g).creeer({ id: nieuwId() }); // addressed to ZDSGW
      expect(r.code).toBe('StUF010');
    } finally {
      await g.sluit();
    }
  });
});

describe('idempotency (zds.md 3.4)', () => {
  it('answers an identical resend with the stored Bv03 without processing it again', async () => {
    const id = nieuwId();
    const xml = m.creeerZaak({ id, sturing: { ref: m.uniekRef('RESEND') } });
    const eerste = await zds.creeer(xml);
    const tweede = await zds.creeer(xml);
    expect(eerste.status).toBe(200);
    expect(tweede.status).toBe(200);
    expect(tekst(bericht(tweede.body), 'stuurgegevens', 'referentienummer')).toBe(tekst(bericht(eerste.body), 'stuurgegevens', 'referentienummer'));
    // a reprocessed creeerZaak would have failed with "bestaat al"
  });

  it('refuses the same referentienummer with another body with StUF016', async () => {
    const ref = m.uniekRef('REF');
    await zds.creeer({ id: nieuwId(), sturing: { ref } });
    const r = await zds.creeer({ id: nieuwId(), sturing: { ref } });
    expect(r.code).toBe('StUF016');
    expect(bericht(r.body).local).toBe('Fo03Bericht');
  });

  it('keys on the zender: another application may use the same referentienummer', async () => {
    const ref = m.uniekRef('ZND');
    expect((await zds.creeer({ id: nieuwId(), sturing: { ref, zender: 'APP-A' } })).status).toBe(200);
    expect((await zds.creeer({ id: nieuwId(), sturing: { ref, zender: 'APP-B' } })).status).toBe(200);
  });

  it('processes a message re-offered after a Fo03 (only successes are remembered)', async () => {
    const id = nieuwId();
    const sturing = { ref: m.uniekRef('REOFFER') };
    const eerst = await zds.update(id, undefined, '<ZKN:omschrijving>Later</ZKN:omschrijving>', { sturing });
    expect(eerst.code).toBe('StUF064');
    await zds.creeer({ id });
    const daarna = await zds.update(id, undefined, '<ZKN:omschrijving>Later</ZKN:omschrijving>', { sturing });
    expect(daarna.status).toBe(200);
    expect(tekst(await zds.details(id), 'omschrijving')).toBe('Later');
  });

  it('gives a resent genereerZaakIdentificatie the same identificatie, a new one a new identificatie', async () => {
    const ref = m.uniekRef('GZI');
    const a = await zds.genereer({ ref });
    const b = await zds.genereer({ ref });
    const c = await zds.genereer();
    expect(a.identificatie).toMatch(/^0599\d{4}\d{8}$/);
    expect(b.identificatie).toBe(a.identificatie);
    expect(c.identificatie).not.toBe(a.identificatie);
  });

  it('re-envelopes a stored answer for a resend in SOAP 1.2', async () => {
    const xml = m.creeerZaak({ id: nieuwId(), sturing: { ref: m.uniekRef('SOAP12') } });
    await zds.creeer(xml);
    const env12 = `<env:Envelope xmlns:env="${NS.soap12}"><env:Body>${xml}</env:Body></env:Envelope>`;
    const r = await gw.stuur(env12, { contentType: 'application/soap+xml; charset=utf-8; action="' + ZDS12 + 'creeerZaak_ZakLk01"' });
    expect(r.status).toBe(200);
    expect(r.body).toContain(NS.soap12);
    expect(bericht(r.body).local).toBe('Bv03Bericht');
  });
});

describe('lenient (default) and strict validation', () => {
  const zonderInitiator = (id: string) => m.creeerZaak({ id, relaties: '' });

  it('lenient accepts what real consumers send; strict refuses it with StUF055', async () => {
    const strikt = await startGateway({ stuf: { validatie: 'strict' } });
    try {
      const s = zdsClient(strikt);
      expect((await zds.creeer(zonderInitiator(nieuwId()))).status).toBe(200);
      const r = await s.creeer(zonderInitiator(nieuwId()));
      expect(r.code).toBe('StUF055');
      expect(r.details).toContain('heeftAlsInitiator');

      const id = nieuwId();
      await s.creeer({ id });
      expect((await s.update(id, undefined, '<ZKN:omschrijving>enkel</ZKN:omschrijving>')).code).toBe('StUF055');
      expect((await s.update(id, '', '<ZKN:onbekendElement>x</ZKN:onbekendElement>')).code).toBe('StUF055');

      const tijdstip = (x: string) => x.replace(/<StUF:tijdstipBericht>[^<]*</, '<StUF:tijdstipBericht>2024-01-15T10:30:00<');
      expect((await zds.creeer(tijdstip(m.creeerZaak({ id: nieuwId() })))).status).toBe(200);
      expect((await s.creeer(tijdstip(m.creeerZaak({ id: nieuwId() })))).code).toBe('StUF055');
    } finally {
      await strikt.sluit();
    }
  });

  it('refuses values it could not answer schema-valid in every mode (length, dates, value lists)', async () => {
    const attr = (a: string) => zds.creeer({ id: nieuwId(), attributen: a });
    expect((await attr(`<ZKN:omschrijving>${'x'.repeat(81)}</ZKN:omschrijving>`)).code).toBe('StUF055');
    expect((await attr('<ZKN:startdatum>20240230</ZKN:startdatum>')).code).toBe('StUF055');
    expect((await attr('<ZKN:zaakniveau>4</ZKN:zaakniveau>')).code).toBe('StUF055');
    expect((await attr('<ZKN:archiefnominatie>X</ZKN:archiefnominatie>')).code).toBe('StUF055');
  });
});

describe('the zaaktype catalogue', () => {
  it('accepts unknown zaaktypen by default and refuses them when configured', async () => {
    expect((await zds.creeer({ id: nieuwId(), zaaktype: 'ONBEKEND1' })).status).toBe(200);
    const streng = await startGateway({ zaaktypen: { onbekend: 'weigeren' } });
    try {
      const s = zdsClient(streng);
      const r = await s.creeer({ id: nieuwId(), zaaktype: 'ONBEKEND1' });
      expect(r.code).toBe('StUF058');
      expect(r.details).toContain('ONBEKEND1');
      const gezinsplan = m.zaakobject(m.persoon('111222333')) + m.rol('heeftAlsInitiator', m.medewerker('MDW-1')); // rzs.md §3.1
      expect((await s.creeer({ id: nieuwId(), zaaktype: 'GZP', relaties: gezinsplan })).status).toBe(200);
    } finally {
      await streng.sluit();
    }
  });

  it('refuses an identificatie without our gemeentecode when configured (warns by default)', async () => {
    expect((await zds.creeer({ id: '0363ANDERS01' })).status).toBe(200);
    const streng = await startGateway({ stuf: { gemeentecodeControle: 'weiger' } });
    try {
      expect((await zdsClient(streng).creeer({ id: '0363ANDERS02' })).code).toBe('StUF058');
    } finally {
      await streng.sluit();
    }
  });
});

describe('internal failures and health', () => {
  it('reports 503 and answers StUF faults when the database is gone, never a stack trace', async () => {
    const g = await startGateway();
    const ok = await g.app.inject({ method: 'GET', url: '/health' });
    expect(ok.statusCode).toBe(200);
    await g.app.gateway.store.sluit();
    const weg = await g.app.inject({ method: 'GET', url: '/health' });
    expect(weg.statusCode).toBe(503);
    const r = await zdsClient(g).creeer({ id: nieuwId() });
    expect(r.status).toBe(500);
    expect(r.code).toBe('StUF058');
    expect(r.details).toMatch(/Kenmerk/);
    expect(r.body).not.toMatch(/\bat \S+ \(/);
    await g.sluit().catch(() => undefined);
  });
});

describe('privacy in the log', () => {
  it('never writes BSNs or names to the log, also not for faults', async () => {
    const { log: logger, regels } = vangLog();
    const g = await startGateway({}, 'fouten-log', logger);
    try {
      const z = zdsClient(g);
      const id = nieuwId();
      await z.creeer({ id, relaties: m.rol('heeftAlsInitiator', m.persoon('987654321', 'Geheimnaam')) + m.zaakobject(m.persoon('987654321', 'Geheimnaam')) });
      await z.details(id);
      await z.creeer({ id, relaties: m.rol('heeftAlsInitiator', m.persoon('987654321', 'Geheimnaam')) }); // fault
      await z.creeer({ id: nieuwId(), relaties: m.rol('heeftAlsInitiator', m.persoon('98765432X', 'Geheimnaam')) }); // invalid BSN
      expect(regels.length).toBeGreaterThan(3);
      const log = regels.join('');
      expect(log).not.toContain('987654321');
      expect(log).not.toContain('98765432X');
      expect(log).not.toContain('Geheimnaam');
      expect(log).toContain(id); // zaak identificaties are what the log is for
    } finally {
      await g.sluit();
    }
  });
});
