// Questions (zds.md 2.5, 2.6, 3.4, A10, A15): gelijk on identificatie, the three kinds of scope, unknown zaken,
// and the stuurgegevens of every La01.
import { child, children, path } from '../../src/stuf/xml';
import { startGateway, TestGateway } from '../support/gateway';
import { bericht } from '../support/soap';
import { isNilled, rollen, tekst, zdsClient } from '../support/zdsClient';
import * as m from '../support/zdsBerichten';

let gw: TestGateway;
let zds: ReturnType<typeof zdsClient>;
const ID = '0599VRAAG00001';

beforeAll(async () => {
  gw = await startGateway();
  zds = zdsClient(gw);
  const r = await zds.creeer({
    id: ID,
    attributen: '<ZKN:omschrijving>Vraagzaak</ZKN:omschrijving><ZKN:startdatum>20240115</ZKN:startdatum><ZKN:registratiedatum>20240115</ZKN:registratiedatum><ZKN:zaakniveau>1</ZKN:zaakniveau><ZKN:deelzakenIndicatie>N</ZKN:deelzakenIndicatie>',
    relaties: m.zaakobject(m.persoon('111222333', 'Vries')) + m.rol('heeftAlsInitiator', m.medewerker('MDW-9', 'Regisseur'), 'T', 'Regisseur') +
      m.status(1, 'Ontvangen', '20240115100000000'),
  });
  expect(r.status).toBe(200);
});
afterAll(async () => gw.sluit());

const scope = (inhoud: string) => `<ZKN:scope><ZKN:object StUF:entiteittype="ZAK">${inhoud}</ZKN:object></ZKN:scope>`;

describe('scope', () => {
  it('without a scope answers everything the gateway holds (as alles)', async () => {
    const o = await zds.details(ID, '');
    expect(tekst(o, 'omschrijving')).toBe('Vraagzaak');
    expect(rollen(o, 'heeftAlsInitiator')).toEqual(['medewerker:MDW-9']);
    expect(rollen(o, 'heeftBetrekkingOp')).toEqual(['natuurlijkPersoon:111222333']);
    expect(tekst(o, 'heeft', 'gerelateerde', 'omschrijving')).toBe('Ontvangen');
  });

  it('with StUF:scope="kerngegevens" answers only the identificatie', async () => {
    const o = await zds.details(ID, '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK" StUF:scope="kerngegevens"/></ZKN:scope>');
    expect(o!.children.map((c) => c.local)).toEqual(['identificatie']);
  });

  it('with an element tree answers exactly the requested elements, empty ones nil with geenWaarde', async () => {
    const o = await zds.details(ID, scope(
      '<ZKN:identificatie xsi:nil="true"/><ZKN:omschrijving xsi:nil="true"/><ZKN:einddatum xsi:nil="true"/>' +
      '<ZKN:heeftAlsInitiator StUF:entiteittype="ZAKBTRINI"><ZKN:gerelateerde><ZKN:medewerker StUF:entiteittype="MDW"><ZKN:identificatie xsi:nil="true"/></ZKN:medewerker></ZKN:gerelateerde><ZKN:omschrijving xsi:nil="true"/><ZKN:toelichting xsi:nil="true"/></ZKN:heeftAlsInitiator>' +
      '<ZKN:heeftAlsBelanghebbende StUF:entiteittype="ZAKBTRBLH"><ZKN:gerelateerde/></ZKN:heeftAlsBelanghebbende>'));
    expect(o!.children.map((c) => c.local)).toEqual(['identificatie', 'omschrijving', 'einddatum', 'heeftAlsBelanghebbende', 'heeftAlsInitiator']); // schema order
    expect(isNilled(child(o, 'einddatum'))).toBe(true);
    expect(child(o, 'einddatum')!.attrs.find((a) => a.local === 'noValue')?.value).toBe('geenWaarde');
    const ini = child(o, 'heeftAlsInitiator');
    expect(path(ini, 'gerelateerde', 'medewerker')!.children.map((c) => c.local)).toEqual(['identificatie']);
    expect(tekst(ini, 'omschrijving')).toBe('Regisseur');
    expect(isNilled(child(ini, 'toelichting'))).toBe(true);
    expect(isNilled(child(o, 'heeftAlsBelanghebbende'))).toBe(true);
  });

  it('answers requested documents and besluiten as absent (geenWaarde)', async () => {
    const o = await zds.details(ID, scope('<ZKN:identificatie xsi:nil="true"/><ZKN:heeftRelevant StUF:entiteittype="ZAKEDC"><ZKN:gerelateerde StUF:entiteittype="EDC"><ZKN:identificatie xsi:nil="true"/></ZKN:gerelateerde></ZKN:heeftRelevant><ZKN:leidtTot StUF:entiteittype="ZAKBSL"><ZKN:gerelateerde StUF:entiteittype="BSL"><ZKN:identificatie xsi:nil="true"/></ZKN:gerelateerde></ZKN:leidtTot>'));
    expect(o!.children.map((c) => c.local)).toEqual(['identificatie', 'heeftRelevant', 'leidtTot']);
    expect(isNilled(child(o, 'heeftRelevant'))).toBe(true);
    expect(isNilled(child(o, 'leidtTot'))).toBe(true);
  });

  it('treats presence as requested whatever the scope element contains (dummy values, no nil)', async () => {
    const o = await zds.details(ID, scope('<ZKN:identificatie>x</ZKN:identificatie><ZKN:omschrijving>dummy</ZKN:omschrijving>'));
    expect(tekst(o, 'omschrijving')).toBe('Vraagzaak');
  });

  it('gives a gerelateerde of another subtype than the scope names its kerngegevens', async () => {
    const o = await zds.details(ID, scope(
      '<ZKN:identificatie xsi:nil="true"/><ZKN:heeftAlsInitiator StUF:entiteittype="ZAKBTRINI"><ZKN:gerelateerde><ZKN:natuurlijkPersoon StUF:entiteittype="NPS"><BG:geslachtsnaam xsi:nil="true"/></ZKN:natuurlijkPersoon></ZKN:gerelateerde></ZKN:heeftAlsInitiator>'));
    expect(path(o, 'heeftAlsInitiator', 'gerelateerde', 'medewerker')!.children.map((c) => c.local)).toEqual(['identificatie']);
  });

  it('with allesMaarKerngegevensGerelateerden gives the zaak whole and its gerelateerden by their keys', async () => {
    const o = await zds.details(ID, '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK" StUF:scope="allesMaarKerngegevensGerelateerden"/></ZKN:scope>');
    expect(tekst(o, 'omschrijving')).toBe('Vraagzaak');
    expect(path(o, 'heeftBetrekkingOp', 'gerelateerde', 'natuurlijkPersoon')!.children.map((c) => c.local)).toEqual(['inp.bsn', 'authentiek']);
    expect(tekst(o, 'heeftBetrekkingOp', 'omschrijving')).toBe('Client');
  });

  it('refuses StUF:scope together with scope elements with StUF097', async () => {
    const r = await zds.stuur(m.geefZaakdetails(ID, '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK" StUF:scope="alles"><ZKN:identificatie xsi:nil="true"/></ZKN:object></ZKN:scope>'), 'geefZaakdetails_ZakLv01', '/BeantwoordVraag');
    expect(r.code).toBe('StUF097');
    expect(bericht(r.body).local).toBe('Fo02Bericht');
  });

  it('answers geefZaakstatus with only the requested status elements plus the required ones', async () => {
    const o = await zds.status(ID, true);
    const heeft = child(o, 'heeft');
    expect(heeft!.children.map((c) => c.local)).toEqual(['gerelateerde', 'toelichting', 'datumStatusGezet', 'indicatieLaatsteStatus']);
    expect(path(heeft, 'gerelateerde')!.children.map((c) => c.local)).toEqual(['zkt.omschrijving', 'volgnummer', 'omschrijving']);
    expect(tekst(heeft, 'datumStatusGezet')).toBe('20240115100000000');
  });
});

describe('selection and unknown zaken', () => {
  it('answers an unknown zaak with an empty La01 (StUF, zds.md A10)', async () => {
    const r = await zds.stuur(m.geefZaakdetails('0599BESTAATNIET'), 'geefZaakdetails_ZakLv01', '/BeantwoordVraag');
    expect(r.status).toBe(200);
    const la01 = bericht(r.body);
    expect(la01.local).toBe('geefZaakdetails_ZakLa01');
    expect(child(la01, 'antwoord')).toBeUndefined();
    expect(tekst(la01, 'parameters', 'indicatorVervolgvraag')).toBe('false');
    expect(path(bericht((await zds.stuur(m.geefZaakstatus('0599BESTAATNIET'), 'geefZaakstatus_ZakLv01', '/BeantwoordVraag')).body), 'antwoord')).toBeUndefined();
  });

  it('answers Fo02 StUF064 for an unknown zaak when configured to', async () => {
    const strikt = await startGateway({ stuf: { onbekendObject: 'fout' } });
    try {
      const r = await zdsClient(strikt).stuur(m.geefZaakdetails('0599BESTAATNIET'), 'geefZaakdetails_ZakLv01', '/BeantwoordVraag');
      expect(r.status).toBe(500);
      expect(r.code).toBe('StUF064');
      expect(bericht(r.body).local).toBe('Fo02Bericht');
    } finally {
      await strikt.sluit();
    }
  });

  it('refuses a question without gelijk/identificatie with Fo02 StUF055', async () => {
    const r = await zds.stuur(m.geefZaakdetails('').replace('<ZKN:identificatie></ZKN:identificatie>', ''), 'geefZaakdetails_ZakLv01', '/BeantwoordVraag');
    expect(r.code).toBe('StUF055');
    expect(r.details).toContain('gelijk/identificatie');
  });
});

describe('stuurgegevens of the answer (zds.md 3.4)', () => {
  it('mirrors zender and ontvanger, gives an own referentienummer, crossRefnummer and entiteittype', async () => {
    const ref = m.uniekRef('VRAAG');
    const xml = m.geefZaakdetails(ID).replace(/<StUF:referentienummer>[^<]*</, `<StUF:referentienummer>${ref}<`);
    const eerste = bericht((await zds.stuur(xml, 'geefZaakdetails_ZakLv01', '/BeantwoordVraag')).body);
    const tweede = bericht((await zds.stuur(xml, 'geefZaakdetails_ZakLv01', '/BeantwoordVraag')).body);
    const sg = child(eerste, 'stuurgegevens');
    expect(tekst(sg, 'berichtcode')).toBe('La01');
    expect(tekst(sg, 'zender', 'applicatie')).toBe('ZDSGW');
    expect(tekst(sg, 'ontvanger', 'applicatie')).toBe('TESTAPP');
    expect(tekst(sg, 'crossRefnummer')).toBe(ref);
    expect(tekst(sg, 'entiteittype')).toBe('ZAK');
    expect(tekst(sg, 'tijdstipBericht')).toMatch(/^\d{17}$/);
    expect(tekst(sg, 'referentienummer')).not.toBe(tekst(child(tweede, 'stuurgegevens'), 'referentienummer'));
    expect(children(child(eerste, 'antwoord'), 'object')).toHaveLength(1);
  });
});
