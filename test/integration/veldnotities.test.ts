// What real consumers send (../shared/docs/field-notes.md), each a trap the gateway must survive: any namespace
// prefixes, foreign SOAP headers, SOAP 1.2, SOAPAction in every form, timestamps of every length, incomplete dates,
// awkward characters, CDATA, and input that is not a SOAP message at all. Every answer is also schema-validated
// after the run (test/support/globalTeardown.ts).
import { NS } from '../../src/stuf/namespaces';
import { attr, child, parseXml, path } from '../../src/stuf/xml';
import { startGateway, TestGateway } from '../support/gateway';
import { ZDS11, ZDS12, bericht, inEnvelope } from '../support/soap';
import {
  Dialect, STANDAARD_ATTRIBUTEN, actie, creeerZaak, geefZaakdetails, geefZaakstatus, legeRelatie, medewerker, rol, status, wijzig,
} from '../support/dialecten';
import { goed, objectUit, schoneFout, sleutels, statussen, tekst, vergelijkbaar } from '../support/antwoorden';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startGateway();
});
afterAll(() => gw.sluit());

let volgnummer = 0;
const nieuwId = () => `0599VELD${String(++volgnummer).padStart(6, '0')}`;

const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const inSoap12 = (b: string, header = '') =>
  `<env:Envelope xmlns:env="${SOAP12}"><env:Header>${header}</env:Header><env:Body>${b}</env:Body></env:Envelope>`;

const details = async (id: string, d: Dialect = 'zds12') =>
  objectUit(await gw.stuur(inEnvelope(geefZaakdetails(d, id)), { pad: '/BeantwoordVraag', actie: actie(d, 'geefZaakdetails') }));
const maak = async (id: string, opties: { attributen?: string; relaties?: string } = {}) =>
  goed(await gw.stuur(inEnvelope(creeerZaak('zds12', { id, ...opties })), { actie: actie('zds12', 'creeerZaak') }));

// ---- namespaces by URI ------------------------------------------------------------------------------------------

describe('namespace-prefixen: alleen de URI telt', () => {
  /** Rewrites the prefixes of a builder message (which uses ZDS:, ZKN:, StUF:, BG:), pair by pair in order; '' = default. */
  const herschrijf = (xml: string, paren: [string, string][]) =>
    paren.reduce(
      (x, [oud, nieuw]) =>
        x.replace(new RegExp(`xmlns:${oud}=`, 'g'), nieuw ? `xmlns:${nieuw}=` : 'xmlns=').replace(new RegExp(`\\b${oud}:`, 'g'), nieuw ? `${nieuw}:` : ''),
      xml,
    );

  it.each([
    ['ns2: / ns3: (JAX-WS)', [['ZDS', 'ns2'], ['ZKN', 'ns3'], ['StUF', 'ns4'], ['BG', 'ns5']]],
    ['kleine letters (zds:, zkn:, stuf:, bg:)', [['ZDS', 'zds'], ['ZKN', 'zkn'], ['StUF', 'stuf'], ['BG', 'bg']]],
    ['default namespace voor de ZKN-elementen', [['ZKN', '']]],
    ['prefixen verwisseld (ZKN: is de StUF-namespace en omgekeerd)', [['ZKN', 'TMP'], ['StUF', 'ZKN'], ['TMP', 'StUF']]],
  ] as [string, [string, string][]][])('%s: creeerZaak en geefZaakdetails werken, het antwoord gebruikt de standaardprefixen', async (_naam, paren) => {
    const id = nieuwId();
    const relaties = rol('heeftAlsInitiator', '<ZKN:natuurlijkPersoon StUF:entiteittype="NPS" StUF:verwerkingssoort="I"><BG:inp.bsn>111222333</BG:inp.bsn><BG:geslachtsnaam>Jansen</BG:geslachtsnaam></ZKN:natuurlijkPersoon>');
    const creeer = herschrijf(creeerZaak('zds12', { id, relaties }), paren);
    const vraag = herschrijf(geefZaakdetails('zds12', id), paren);
    expect(creeer).not.toContain(`xmlns:ZKN="${NS.zkn}"`); // the rewrite took
    expect(goed(await gw.stuur(inEnvelope(creeer), { actie: actie('zds12', 'creeerZaak') })).local).toBe('Bv03Bericht');
    const r = await gw.stuur(inEnvelope(vraag), { pad: '/BeantwoordVraag' });
    const la01 = goed(r);
    expect(r.body).toContain('<ZDS:geefZaakdetails_ZakLa01>');
    expect(r.body).toContain('<ZKN:identificatie>');
    const o = path(la01, 'antwoord', 'object');
    expect(tekst(o, 'identificatie')).toBe(id);
    expect(attr(o!, NS.stuf, 'entiteittype')).toBe('ZAK');
    expect(sleutels(o, 'heeftAlsInitiator')).toEqual(['111222333']);
    expect(vergelijkbaar(o!)).toEqual(vergelijkbaar((await details(id))!));
  });

  it('namespace-declaraties op elk element (JAXB-stijl) en een ZDS 1.1-bericht in de default namespace', async () => {
    const id = nieuwId();
    const jaxb =
      `<a:creeerZaak_ZakLk01 xmlns:a="${NS.zds}"><b:stuurgegevens xmlns:b="${NS.zkn}"><c:berichtcode xmlns:c="${NS.stuf}">Lk01</c:berichtcode>` +
      `<c:zender xmlns:c="${NS.stuf}"><c:applicatie>JAXBAPP</c:applicatie></c:zender><c:ontvanger xmlns:c="${NS.stuf}"><c:applicatie>ZDSGW</c:applicatie></c:ontvanger>` +
      `<c:referentienummer xmlns:c="${NS.stuf}">JAXB-${id}</c:referentienummer><c:tijdstipBericht xmlns:c="${NS.stuf}">20240115103000</c:tijdstipBericht>` +
      `<c:entiteittype xmlns:c="${NS.stuf}">ZAK</c:entiteittype></b:stuurgegevens>` +
      `<b:parameters xmlns:b="${NS.zkn}"><c:mutatiesoort xmlns:c="${NS.stuf}">T</c:mutatiesoort><c:indicatorOvername xmlns:c="${NS.stuf}">V</c:indicatorOvername></b:parameters>` +
      `<b:object xmlns:b="${NS.zkn}" xmlns:c="${NS.stuf}" c:entiteittype="ZAK" c:verwerkingssoort="T"><b:identificatie>${id}</b:identificatie>` +
      `<b:omschrijving>JAXB</b:omschrijving><b:startdatum>20240115</b:startdatum><b:registratiedatum>20240115</b:registratiedatum><b:zaakniveau>1</b:zaakniveau><b:deelzakenIndicatie>N</b:deelzakenIndicatie>` +
      `<b:isVan c:entiteittype="ZAKZKT" c:verwerkingssoort="T"><b:gerelateerde c:entiteittype="ZKT" c:verwerkingssoort="I"><b:code>B1026</b:code></b:gerelateerde></b:isVan>` +
      `<b:heeftAlsInitiator c:entiteittype="ZAKBTRINI" c:verwerkingssoort="T"><b:gerelateerde><d:medewerker xmlns:d="${NS.zkn}" c:entiteittype="MDW" c:verwerkingssoort="I"><d:identificatie>MDW-J</d:identificatie></d:medewerker></b:gerelateerde></b:heeftAlsInitiator>` +
      `</b:object></a:creeerZaak_ZakLk01>`;
    goed(await gw.stuur(inEnvelope(jaxb), { actie: actie('zds12', 'creeerZaak') }));
    // A 1.1 question with every ZKN element in the default namespace.
    const vraag = `<zakLv01 xmlns="${NS.zkn}" xmlns:s="${NS.stuf}"><stuurgegevens><s:berichtcode>Lv01</s:berichtcode><s:entiteittype>ZAK</s:entiteittype></stuurgegevens>` +
      `<parameters><s:sortering>0</s:sortering><s:indicatorVervolgvraag>false</s:indicatorVervolgvraag></parameters>` +
      `<gelijk s:entiteittype="ZAK"><identificatie>${id}</identificatie></gelijk><scope><object s:entiteittype="ZAK" s:scope="alles"/></scope></zakLv01>`;
    const la01 = goed(await gw.stuur(inEnvelope(vraag), { pad: '/BeantwoordVraag', actie: ZDS11 + 'geefZaakdetails_Lv01' }));
    expect(`{${la01.ns}}${la01.local}`).toBe(`{${NS.zkn}}zakLa01`);
    const o = path(la01, 'antwoord', 'object');
    expect(tekst(o, 'omschrijving')).toBe('JAXB');
    expect(sleutels(o, 'heeftAlsInitiator')).toEqual(['MDW-J']);
  });
});

// ---- the SOAP layer -----------------------------------------------------------------------------------------------

const WSA = 'http://www.w3.org/2005/08/addressing';
const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const wsAddressing = (a: string) =>
  `<wsa:Action xmlns:wsa="${WSA}">${a}</wsa:Action><wsa:MessageID xmlns:wsa="${WSA}">urn:uuid:6b1c7a0e-1f2d-4c9a-9d1e-2f3a4b5c6d7e</wsa:MessageID>` +
  `<wsa:To xmlns:wsa="${WSA}">https://zds.example.nl/OntvangAsynchroon</wsa:To><wsa:ReplyTo xmlns:wsa="${WSA}"><wsa:Address>${WSA}/anonymous</wsa:Address></wsa:ReplyTo>`;
const wsSecurity = (mustUnderstand: string) =>
  `<wsse:Security ${mustUnderstand} xmlns:wsse="${WSSE}" xmlns:wsu="${WSU}"><wsu:Timestamp wsu:Id="TS-1"><wsu:Created>2024-01-15T09:30:00Z</wsu:Created>` +
  `<wsu:Expires>2024-01-15T09:35:00Z</wsu:Expires></wsu:Timestamp><wsse:UsernameToken wsu:Id="UT-1"><wsse:Username>forms</wsse:Username>` +
  `<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">geheim</wsse:Password></wsse:UsernameToken></wsse:Security>`;

describe('vreemde SOAP-headerblokken (WS-Addressing, WS-Security met mustUnderstand) breken niets', () => {
  it('SOAP 1.1 met soapenv:mustUnderstand="1": creeerZaak en geefZaakdetails gewoon verwerkt', async () => {
    const id = nieuwId();
    const header = wsAddressing(actie('zds12', 'creeerZaak')) + wsSecurity('soapenv:mustUnderstand="1"');
    expect(goed(await gw.stuur(inEnvelope(creeerZaak('zds12', { id }), header), { actie: actie('zds12', 'creeerZaak') })).local).toBe('Bv03Bericht');
    const la01 = goed(await gw.stuur(inEnvelope(geefZaakdetails('zds12', id), wsAddressing(actie('zds12', 'geefZaakdetails')) + wsSecurity('soapenv:mustUnderstand="1"')), { pad: '/BeantwoordVraag' }));
    expect(tekst(la01, 'antwoord', 'object', 'identificatie')).toBe(id);
  });

  it('SOAP 1.2 met env:mustUnderstand="true" en een header die de namespace van de body gebruikt', async () => {
    const id = nieuwId();
    const header = wsAddressing(actie('zds12', 'creeerZaak')) + wsSecurity('env:mustUnderstand="true"') +
      `<ZKN:stuurgegevens xmlns:ZKN="${NS.zkn}"><ZKN:geenStuf>verkeerd geplaatst</ZKN:geenStuf></ZKN:stuurgegevens>`;
    const r = await gw.stuur(inSoap12(creeerZaak('zds12', { id }), header), { contentType: `application/soap+xml; charset=utf-8; action="${actie('zds12', 'creeerZaak')}"` });
    expect(goed(r).local).toBe('Bv03Bericht');
    expect(tekst(await details(id), 'identificatie')).toBe(id);
  });
});

describe('SOAP 1.2-envelope: antwoord in SOAP 1.2', () => {
  it('geefZaakdetails in SOAP 1.2 → La01 in een SOAP 1.2-envelope met application/soap+xml', async () => {
    const id = nieuwId();
    await maak(id);
    const r = await gw.stuur(inSoap12(geefZaakdetails('zds12', id)), { pad: '/BeantwoordVraag', contentType: 'application/soap+xml; charset=utf-8' });
    expect(r.status).toBe(200);
    expect(String(r.headers['content-type'])).toMatch(/^application\/soap\+xml/);
    const env = parseXml(r.body);
    expect(`{${env.ns}}${env.local}`).toBe(`{${SOAP12}}Envelope`);
    expect(tekst(bericht(r.body), 'antwoord', 'object', 'identificatie')).toBe(id);
  });

  it('een fout in SOAP 1.2: env:Fault met Code/Value, Reason/Text en de Fo03 in Detail', async () => {
    const r = await gw.stuur(inSoap12(wijzig('zds12', 'updateZaak', '0599ONBEKEND01', '<ZKN:omschrijving>a</ZKN:omschrijving>', '<ZKN:omschrijving>b</ZKN:omschrijving>')), {
      contentType: `application/soap+xml; charset=utf-8; action="${actie('zds12', 'updateZaak')}"`,
    });
    const fout = schoneFout(r);
    expect(fout).toMatchObject({ soap: '1.2', soort: 'Fo03', code: 'StUF064', faultcode: 'env:Receiver' });
    expect(String(r.headers['content-type'])).toMatch(/^application\/soap\+xml/);
    const fault = path(parseXml(r.body), 'Body', 'Fault')!;
    expect(attr(path(fault, 'Reason', 'Text')!, NS.xml, 'lang')).toBe('nl');
    expect(path(fault, 'Reason', 'Text')?.text).toBe('Object niet gevonden');
  });

  it('een SOAP 1.2-verzoek met lege Body krijgt zijn fout in SOAP 1.2', async () => {
    const r = await gw.stuur(inSoap12(''), { contentType: 'application/soap+xml; charset=utf-8' });
    expect(schoneFout(r)).toMatchObject({ soap: '1.2', code: 'StUF055' });
  });
});

// ---- SOAPAction in every form -------------------------------------------------------------------------------------

describe('SOAPAction: tussen aanhalingstekens, zonder, leeg, ontbrekend, in het content-type', () => {
  const OMS = (w: string) => `<ZKN:omschrijving>${w}</ZKN:omschrijving>`;
  /**
   * A ZDS 1.1 zakLk01 that the action decides: as actualiseerZaakstatus only the status is set; by the root heuristics
   * (omschrijving changes too) it is an updateZaak that also changes the omschrijving.
   */
  const dubbelzinnig = (id: string) =>
    wijzig('zds11', 'updateZaak', id, OMS('Testzaak') + legeRelatie('heeft', 'ZAKSTT', 'T'), OMS('Gewijzigd') + status(1, 'Ontvangen', '20240116090000'));
  const ACTUALISEER = ZDS11 + 'actualiseerZaakstatus_Lk01';

  /** Which service processed the ambiguous message, read from the zaak it changed. */
  async function verwerktAls(id: string): Promise<string> {
    const o = await details(id);
    expect(statussen(o).map((s) => s.omschrijving)).toEqual(['Ontvangen']);
    return tekst(o, 'omschrijving') === 'Testzaak' ? 'actualiseerZaakstatus' : 'updateZaak';
  }

  it.each([
    ['tussen aanhalingstekens', 'actualiseerZaakstatus', { actie: `"${ACTUALISEER}"` }],
    ['zonder aanhalingstekens', 'actualiseerZaakstatus', { actie: ACTUALISEER }],
    ['met witruimte eromheen', 'actualiseerZaakstatus', { actie: `  "${ACTUALISEER}" ` }],
    ['leeg tussen aanhalingstekens ("")', 'updateZaak (heuristiek)', { actie: '""' }],
    ['lege header', 'updateZaak (heuristiek)', { actie: '' }],
    ['ontbrekend', 'updateZaak (heuristiek)', {}],
    ['onbekend (urn:iets)', 'updateZaak (heuristiek)', { actie: 'urn:iets' }],
    ['in het content-type (SOAP 1.1-envelope met application/soap+xml; action="…")', 'actualiseerZaakstatus', { contentType: `application/soap+xml; charset=UTF-8; action="${ACTUALISEER}"` }],
    ['in het content-type zonder aanhalingstekens', 'actualiseerZaakstatus', { contentType: `application/soap+xml; action=${ACTUALISEER}; charset=utf-8` }],
  ] as [string, string, { actie?: string; contentType?: string }][])('%s → %s', async (_naam, verwacht, opties) => {
    const id = nieuwId();
    await maak(id);
    const r = await gw.stuur(inEnvelope(dubbelzinnig(id)), opties);
    expect(goed(r).local).toBe('Bv03Bericht');
    // A SOAP 1.1 envelope is answered in SOAP 1.1, whatever content type it came with.
    expect(parseXml(r.body).ns).toBe(NS.soap11);
    expect(String(r.headers['content-type'])).toMatch(/^text\/xml/);
    expect(await verwerktAls(id)).toBe(verwacht.split(' ')[0]);
  });

  it('SOAP 1.2 met de action alleen in het content-type', async () => {
    const id = nieuwId();
    await maak(id);
    const r = await gw.stuur(inSoap12(dubbelzinnig(id)), { contentType: `application/soap+xml; charset=utf-8; action="${ACTUALISEER}"` });
    expect(parseXml(r.body).ns).toBe(SOAP12);
    expect(goed(r).local).toBe('Bv03Bericht');
    expect(await verwerktAls(id)).toBe('actualiseerZaakstatus');
  });

  it('de kale StUF-action …/zkn/0310/zakLv01 met een detailvraag → geefZaakdetails', async () => {
    const id = nieuwId();
    await maak(id);
    const la01 = goed(await gw.stuur(inEnvelope(geefZaakdetails('zds11', id)), { pad: '/BeantwoordVraag', actie: ZDS11 + 'zakLv01' }));
    expect(`{${la01.ns}}${la01.local}`).toBe(`{${NS.zkn}}zakLa01`);
    expect(tekst(la01, 'antwoord', 'object', 'omschrijving')).toBe('Testzaak');
  });

  it('een SOAPAction die niet bij de body past: de body-root beslist', async () => {
    const id = nieuwId();
    await maak(id);
    const la01 = goed(await gw.stuur(inEnvelope(geefZaakdetails('zds12', id)), { pad: '/BeantwoordVraag', actie: ZDS12 + 'creeerZaak_ZakLk01' }));
    expect(la01.local).toBe('geefZaakdetails_ZakLa01');
  });
});

// ---- time ---------------------------------------------------------------------------------------------------------

describe('tijdstippen met 8, 14, 16 en 17 cijfers', () => {
  it.each(['20240115', '20240115103000', '2024011510300012', '20200507075603462'])('tijdstipBericht %s wordt geaccepteerd, ook strikt', async (tijdstip) => {
    const strikt = await startGateway({ stuf: { validatie: 'strict' } });
    try {
      const id = nieuwId();
      const bv03 = goed(await strikt.stuur(inEnvelope(creeerZaak('zds12', { id, sturing: { tijdstip } })), { actie: actie('zds12', 'creeerZaak') }));
      expect(bv03.local).toBe('Bv03Bericht');
      expect(tekst(bv03, 'stuurgegevens', 'tijdstipBericht')).toMatch(/^\d{17}$/);
    } finally {
      await strikt.sluit();
    }
  });

  it('datumStatusGezet komt terug met de precisie waarmee hij kwam; de volgorde is die van het moment, niet van binnenkomst', async () => {
    const id = nieuwId();
    await maak(id);
    const zet = async (v: number, o: string, d: string) =>
      goed(await gw.stuur(inEnvelope(wijzig('zds12', 'actualiseerZaakstatus', id, legeRelatie('heeft', 'ZAKSTT', 'T'), status(v, o, d))), { actie: actie('zds12', 'actualiseerZaakstatus') }));
    // Sent out of order. 16 digits = hundredths (…12:00:00.10), 17 = milliseconds (…12:00:00.050): a numeric
    // comparison of the digit strings would put the 17-digit one last.
    await zet(4, 'Besluit', '2024011612000010');
    await zet(1, 'Ontvangen', '20240116');
    await zet(3, 'Advies', '20240116120000050');
    await zet(2, 'In behandeling', '20240116120000');
    expect(statussen(await details(id))).toEqual([
      { volgnummer: '4', omschrijving: 'Besluit', datumStatusGezet: '2024011612000010', indicatieLaatsteStatus: 'J' },
      { volgnummer: '3', omschrijving: 'Advies', datumStatusGezet: '20240116120000050', indicatieLaatsteStatus: 'N' },
      { volgnummer: '2', omschrijving: 'In behandeling', datumStatusGezet: '20240116120000', indicatieLaatsteStatus: 'N' },
      { volgnummer: '1', omschrijving: 'Ontvangen', datumStatusGezet: '20240116', indicatieLaatsteStatus: 'N' },
    ]);
    const huidig = objectUit(await gw.stuur(inEnvelope(geefZaakstatus('zds12', id)), { pad: '/BeantwoordVraag' }));
    expect(statussen(huidig).map((s) => [s.omschrijving, s.datumStatusGezet])).toEqual([['Besluit', '2024011612000010']]);
  });

  it('rond de wisseling naar wintertijd: 02:30 in het dubbele uur (zomertijd) ligt vóór 03:00 (wintertijd), ook als het later binnenkomt', async () => {
    const id = nieuwId();
    await maak(id);
    const zet = async (v: number, o: string, d: string) =>
      goed(await gw.stuur(inEnvelope(wijzig('zds12', 'actualiseerZaakstatus', id, undefined, status(v, o, d))), { actie: actie('zds12', 'actualiseerZaakstatus') }));
    await zet(2, 'Na de wissel', '20241027030000');
    await zet(1, 'In het dubbele uur', '20241027023000');
    expect(statussen(await details(id)).map((s) => [s.omschrijving, s.datumStatusGezet, s.indicatieLaatsteStatus])).toEqual([
      ['Na de wissel', '20241027030000', 'J'],
      ['In het dubbele uur', '20241027023000', 'N'],
    ]);
  });
});

describe('onvolledige datums (StUF:indOnvolledigeDatum) en de "onbekende" geboortedatum 19010101', () => {
  it('worden opgeslagen en teruggegeven zoals ontvangen, in beide dialecten', async () => {
    const id = nieuwId();
    const nps = (bsn: string, geboortedatum: string) =>
      `<ZKN:natuurlijkPersoon StUF:entiteittype="NPS" StUF:verwerkingssoort="T"><BG:inp.bsn>${bsn}</BG:inp.bsn><BG:geslachtsnaam>Onbekend</BG:geslachtsnaam>${geboortedatum}</ZKN:natuurlijkPersoon>`;
    await maak(id, {
      attributen: STANDAARD_ATTRIBUTEN.replace('</ZKN:registratiedatum>', '</ZKN:registratiedatum><ZKN:einddatumGepland StUF:indOnvolledigeDatum="D">20240300</ZKN:einddatumGepland>'),
      relaties:
        rol('heeftAlsInitiator', nps('111222333', '<BG:geboortedatum StUF:indOnvolledigeDatum="M">19800000</BG:geboortedatum>')) +
        rol('heeftAlsBelanghebbende', nps('444555666', '<BG:geboortedatum>19010101</BG:geboortedatum>')) +
        rol('heeftAlsGemachtigde', nps('123456782', '<BG:geboortedatum StUF:indOnvolledigeDatum="J">00000000</BG:geboortedatum>')),
    });
    const o = await details(id);
    const geboorte = (relatie: string) => path(o, relatie, 'gerelateerde', 'natuurlijkPersoon', 'geboortedatum')!;
    expect([geboorte('heeftAlsInitiator').text, attr(geboorte('heeftAlsInitiator'), NS.stuf, 'indOnvolledigeDatum')]).toEqual(['19800000', 'M']);
    expect([geboorte('heeftAlsBelanghebbende').text, attr(geboorte('heeftAlsBelanghebbende'), NS.stuf, 'indOnvolledigeDatum')]).toEqual(['19010101', undefined]);
    expect([geboorte('heeftAlsGemachtigde').text, attr(geboorte('heeftAlsGemachtigde'), NS.stuf, 'indOnvolledigeDatum')]).toEqual(['00000000', 'J']);
    expect([tekst(o, 'einddatumGepland'), attr(child(o, 'einddatumGepland')!, NS.stuf, 'indOnvolledigeDatum')]).toEqual(['20240300', 'D']);
    expect(vergelijkbaar((await details(id, 'zds11'))!)).toEqual(vergelijkbaar(o!));
  });

  it('een onvolledige datum zonder indicator wordt geweigerd (StUF055), een onmogelijke ook', async () => {
    for (const datum of ['20240300', '20240230']) {
      const r = await gw.stuur(inEnvelope(creeerZaak('zds12', { id: nieuwId(), attributen: STANDAARD_ATTRIBUTEN + `<ZKN:einddatumGepland>${datum}</ZKN:einddatumGepland>` })), { actie: actie('zds12', 'creeerZaak') });
      expect(schoneFout(r)).toMatchObject({ soort: 'Fo03', code: 'StUF055' });
    }
  });
});

describe('gegevens van een betrokkene die niet schema-geldig terug te geven zijn', () => {
  // Zaak attributes that could not be answered schema-valid are refused in every mode (StUF055); the fields of a
  // natuurlijkPersoon are stored unchecked and echoed, so every later answer with that person fails the schema
  // (Xerces: '1980-01-01' is not a valid value for 'decimal'). Only the creeerZaak is sent: no invalid answer recorded.
  it.each([
    ['geboortedatum in ISO-vorm (1980-01-01)', '<BG:geboortedatum>1980-01-01</BG:geboortedatum>'],
    ['geslachtsaanduiding buiten M/V/O', '<BG:geslachtsaanduiding>X</BG:geslachtsaanduiding>'],
  ])('%s wordt geweigerd met Fo03 StUF055: elk later antwoord met deze persoon zou ongeldig zijn', async (_naam, veld) => {
    const persoon = `<ZKN:natuurlijkPersoon StUF:entiteittype="NPS" StUF:verwerkingssoort="T"><BG:inp.bsn>123456782</BG:inp.bsn><BG:geslachtsnaam>Vries</BG:geslachtsnaam>${veld}</ZKN:natuurlijkPersoon>`;
    const r = await gw.stuur(inEnvelope(creeerZaak('zds12', { id: nieuwId(), relaties: rol('heeftAlsInitiator', persoon) })), { actie: actie('zds12', 'creeerZaak') });
    expect(schoneFout(r)).toMatchObject({ soort: 'Fo03', code: 'StUF055' });
  });
});

// ---- characters ---------------------------------------------------------------------------------------------------

describe('tekens: emoji, C0-stuurtekens, tekenreferenties, CDATA, XML-declaratie', () => {
  const attributen = (omschrijving: string, toelichting: string) =>
    `<ZKN:omschrijving>${omschrijving}</ZKN:omschrijving><ZKN:toelichting>${toelichting}</ZKN:toelichting>` +
    STANDAARD_ATTRIBUTEN.replace(/<ZKN:omschrijving>[^<]*<\/ZKN:omschrijving>/, '');

  it('emoji (ook samengestelde) komen ongeschonden terug', async () => {
    const id = nieuwId();
    const omschrijving = 'Fietsenstalling 🚲 voor het gezin 👨‍👩‍👧 ✔ café';
    await maak(id, { attributen: attributen(omschrijving, 'Toelichting met 😀 en 𝔘𝔫𝔦𝔠𝔬𝔡𝔢') });
    const o = await details(id);
    expect(tekst(o, 'omschrijving')).toBe(omschrijving);
    expect(tekst(o, 'toelichting')).toBe('Toelichting met 😀 en 𝔘𝔫𝔦𝔠𝔬𝔡𝔢');
  });

  it.each([
    ['rauw', 'Bel\u0007 in omschrijving'],
    ['als referentie', 'escape &#x1B; in omschrijving'],
    ['NUL als referentie', 'nul &#0; in omschrijving'],
  ])('C0-stuurtekens (%s) verbiedt XML 1.0: Fo03 StUF055 van de client, niets opgeslagen', async (_naam, omschrijving) => {
    const id = nieuwId();
    const r = await gw.stuur(inEnvelope(creeerZaak('zds12', { id, attributen: attributen(omschrijving, 'x') })), { actie: actie('zds12', 'creeerZaak') });
    const f = schoneFout(r);
    expect([f.soort, f.code, f.plek]).toEqual(['Fo03', 'StUF055', 'client']);
    expect(f.details).toMatch(/well-formed/);
    expect(objectUit(await gw.stuur(inEnvelope(geefZaakdetails('zds12', id)), { pad: '/BeantwoordVraag' }))).toBeUndefined();
  });

  it('tab en regeleinde zijn gewone tekens', async () => {
    const id = nieuwId();
    await maak(id, { attributen: attributen('Omschrijving', 'Regel 1\tmet tab\nregel 2 einde') });
    expect(tekst(await details(id), 'toelichting')).toBe('Regel 1\tmet tab\nregel 2 einde');
  });

  it('numerieke tekenreferenties worden tekens (caf&#233; is café, niet "caf&#233;")', async () => {
    const id = nieuwId();
    await maak(id, { attributen: attributen('caf&#233; &#x1F6B2; &amp;#233;', 'R&#x26;D') });
    const o = await details(id);
    expect(tekst(o, 'omschrijving')).toBe('café 🚲 &#233;');
    expect(tekst(o, 'toelichting')).toBe('R&D');
  });

  it('CDATA is tekst; het antwoord escapet wat moet', async () => {
    const id = nieuwId();
    await maak(id, { attributen: attributen('<![CDATA[R&D <spoed> "a" \'b\']]>', 'voor <![CDATA[<b>vet</b>]]> na') });
    const r = await gw.stuur(inEnvelope(geefZaakdetails('zds12', id)), { pad: '/BeantwoordVraag' });
    expect(r.body).toContain('R&amp;D &lt;spoed&gt;');
    const o = path(goed(r), 'antwoord', 'object');
    expect(tekst(o, 'omschrijving')).toBe('R&D <spoed> "a" \'b\'');
    expect(tekst(o, 'toelichting')).toBe('voor <b>vet</b> na');
  });

  it.each([
    ['XML-declaratie met encoding="UTF-8"', '<?xml version="1.0" encoding="UTF-8"?>\n'],
    ['kleine letters utf-8 en standalone', '<?xml version="1.0" encoding="utf-8" standalone="yes"?>'],
    ['BOM plus declaratie', '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n'],
    ['alleen een BOM', '\uFEFF'],
  ])('%s', async (_naam, voor) => {
    const id = nieuwId();
    const r = await gw.stuur(voor + inEnvelope(creeerZaak('zds12', { id, attributen: attributen('Zaak met é en 🚲', 'x') })), { actie: actie('zds12', 'creeerZaak') });
    expect(goed(r).local).toBe('Bv03Bericht');
    expect(tekst(await details(id), 'omschrijving')).toBe('Zaak met é en 🚲');
  });

  it('ISO-8859-1 (charset in content-type en XML-declaratie) wordt als ISO-8859-1 gelezen', async () => {
    const id = nieuwId();
    const xml = '<?xml version="1.0" encoding="ISO-8859-1"?>' + inEnvelope(creeerZaak('zds12', { id, attributen: attributen('café', 'x') }));
    const r = await gw.app.inject({
      method: 'POST', url: '/OntvangAsynchroon', payload: Buffer.from(xml, 'latin1'),
      headers: { 'content-type': 'text/xml; charset=ISO-8859-1', soapaction: actie('zds12', 'creeerZaak') },
    });
    expect(r.statusCode).toBe(200);
    expect(tekst(await details(id), 'omschrijving')).toBe('café');
  });

  it('een omschrijving van 80 tekens waarvan 40 emoji (120 UTF-16-eenheden) wordt geweigerd: Xerces en Java/.NET-afnemers tellen UTF-16', async () => {
    // 80 code points but 120 UTF-16 units: the reference validator counts units, so every later answer with this
    // omschrijving would be invalid. Refused like any value that cannot be answered schema-valid.
    const r = await gw.stuur(inEnvelope(creeerZaak('zds12', { id: nieuwId(), attributen: attributen('🚲'.repeat(40) + 'a'.repeat(40), 'x') })), { actie: actie('zds12', 'creeerZaak') });
    expect(schoneFout(r)).toMatchObject({ soort: 'Fo03', code: 'StUF055' });
  });
});

// ---- input that is not a (good) SOAP message ------------------------------------------------------------------------

describe('kapotte XML, DOCTYPE, lege Body: een SOAP-fout met StUF055, nooit een stacktrace', () => {
  const geldig = () => inEnvelope(creeerZaak('zds12', { id: nieuwId() }));

  it.each([
    ['afgebroken midden in het bericht', () => geldig().slice(0, 700)],
    ['verkeerd geneste tags', () => geldig().replace('</ZKN:identificatie>', '</ZKN:omschrijving>')],
    ['een kaal &', () => geldig().replace('Testzaak', 'R&D')],
    ['een < in tekst', () => geldig().replace('Testzaak', 'a < b')],
    ['ongedeclareerde prefix', () => geldig().replace(/ xmlns:ZKN="[^"]*"/, '')],
    ['geen XML', () => 'dit is geen XML'],
    ['JSON', () => '{"creeerZaak": {"identificatie": "0599X"}}'],
    ['lege HTTP-body', () => ''],
    ['XML-declaratie na witruimte', () => '\n <?xml version="1.0"?>' + geldig()],
    ['twee envelopes achter elkaar', () => geldig() + geldig()],
  ])('%s', async (_naam, maakBody) => {
    for (const [pad, soort] of [['/OntvangAsynchroon', 'Fo03'], ['/BeantwoordVraag', 'Fo02']]) {
      const fout = schoneFout(await gw.stuur(maakBody(), { pad, actie: actie('zds12', 'creeerZaak') }));
      // Nothing could be read, so the endpoint decides between Fo03 and Fo02.
      expect(fout).toMatchObject({ soort, code: 'StUF055', plek: 'client', faultcode: 'soapenv:Client' });
    }
  });

  it.each([
    ['XXE', '<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'],
    ['billion laughs', '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'],
    ['DOCTYPE na meer dan 4 kB commentaar', `<!--${' '.repeat(5000)}--><!DOCTYPE foo [<!ENTITY xxe "BOEM">]>`],
  ])('DOCTYPE (%s) wordt geweigerd', async (_naam, doctype) => {
    const id = nieuwId();
    const body = `<?xml version="1.0"?>${doctype}` + inEnvelope(creeerZaak('zds12', { id, attributen: STANDAARD_ATTRIBUTEN.replace('Testzaak', '&xxe;&lol3;') }));
    const r = await gw.stuur(body, { actie: actie('zds12', 'creeerZaak') });
    const fout = schoneFout(r);
    expect(fout).toMatchObject({ soort: 'Fo03', code: 'StUF055' });
    expect(fout.details).toMatch(/DOCTYPE/);
    expect(r.body).not.toMatch(/root:|BOEM|lollol/);
    expect(await details(id)).toBeUndefined();
  });

  it.each([
    ['<soapenv:Body/>', '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body/></soapenv:Envelope>'],
    ['Body met alleen witruimte', '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header/><soapenv:Body>\n  \n</soapenv:Body></soapenv:Envelope>'],
    ['Body met alleen commentaar', '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><!-- leeg --></soapenv:Body></soapenv:Envelope>'],
    ['Envelope zonder Body', '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header/></soapenv:Envelope>'],
    ['Envelope in een onbekende namespace', '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope"><soapenv:Body/></soapenv:Envelope>'],
  ])('lege of ontbrekende Body: %s', async (_naam, body) => {
    for (const metActie of [true, false]) {
      const fout = schoneFout(await gw.stuur(body, metActie ? { actie: actie('zds12', 'creeerZaak') } : {}));
      expect(fout).toMatchObject({ soort: 'Fo03', code: 'StUF055', soap: '1.1' });
      expect(fout.details).toMatch(/Body|envelope/i);
    }
  });
});

describe('overige veldnotities', () => {
  it('actualiseerZaakstatus met één object in plaats van het paar oud/nieuw, in 1.1 en 1.2', async () => {
    const id = nieuwId();
    await maak(id, { relaties: rol('heeftAlsInitiator', medewerker('MDW-1')) });
    goed(await gw.stuur(inEnvelope(wijzig('zds12', 'actualiseerZaakstatus', id, undefined, status(1, 'Ontvangen', '20240116090000'))), { actie: actie('zds12', 'actualiseerZaakstatus') }));
    goed(await gw.stuur(inEnvelope(wijzig('zds11', 'actualiseerZaakstatus', id, undefined, status(2, 'In behandeling', '20240117090000'))), { actie: actie('zds11', 'actualiseerZaakstatus') }));
    expect(statussen(await details(id)).map((s) => [s.omschrijving, s.indicatieLaatsteStatus])).toEqual([['In behandeling', 'J'], ['Ontvangen', 'N']]);
  });
});
