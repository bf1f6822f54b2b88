// The five ZDS 1.2 besluit services (zds.md 2.16): identification, adding a besluit to a zaak, changing it, and the
// questions geefBesluitdetails, geefLijstBesluiten and geefZaakdetails/leidtTot; refusals and the ZDS 1.1 contrast.
import { children, child, path } from '../../src/stuf/xml';
import { NS } from '../../src/stuf/namespaces';
import { startGateway, TestGateway } from '../support/gateway';
import { bericht, inEnvelope, sample, ZDS11 } from '../support/soap';
import { heeftShared } from '../support/paden';
import { geefZaakdetails as geefZaakdetails11 } from '../support/dialecten';
import { heeftJava, schrijfBerichten, valideerOfficieel } from '../support/schemaValidatie';
import { isNilled, tekst, zdsClient } from '../support/zdsClient';
import * as m from '../support/zdsBerichten';
import * as b from '../support/besluitBerichten';

let gw: TestGateway;
let zds: ReturnType<typeof zdsClient>;
let bsl: ReturnType<typeof b.besluitClient>;
const ZAAK = '0599BSLZAAK001';
const ANDERE_ZAAK = '0599BSLZAAK002';
const LEGE_ZAAK = '0599BSLZAAK003';

beforeAll(async () => {
  gw = await startGateway();
  zds = zdsClient(gw);
  bsl = b.besluitClient(gw);
  for (const id of [ZAAK, ANDERE_ZAAK, LEGE_ZAAK]) {
    const r = await zds.creeer({ id, relaties: m.rol('heeftAlsInitiator', m.medewerker('MDW-1')) + m.status(1, 'Ontvangen', '20240115100000000') });
    expect(r.status).toBe(200);
  }
});
afterAll(async () => gw.sluit());

let n = 0;
const nieuwId = () => `0599BSL${String(++n).padStart(6, '0')}`;
async function maak(x: Partial<b.NieuwBesluit> = {}): Promise<string> {
  const id = x.id ?? nieuwId();
  const r = await bsl.voeg({ id, zaak: ZAAK, ...x });
  expect({ status: r.status, code: r.code, details: r.details }).toEqual({ status: 200, code: undefined, details: undefined });
  return id;
}
const namen = (e: { children: { local: string }[] } | undefined) => e!.children.map((c) => c.local);
const documenten = async (id: string) => children(await bsl.details(id), 'isVastgelegdIn').map((r) => tekst(r, 'gerelateerde', 'identificatie'));

describe('genereerBesluitIdentificatie', () => {
  it('issues a new identificatie in a Du02, the same one again for a resend', async () => {
    const ref = m.uniekRef('GBI');
    const du02 = bericht((await bsl.genereer({ ref })).body);
    expect(`{${du02.ns}}${du02.local}`).toBe(`{${NS.zds}}genereerBesluitIdentificatie_Du02`);
    expect(tekst(du02, 'stuurgegevens', 'functie')).toBe('genereerBesluitidentificatie');
    const besluit = child(du02, 'besluit', NS.zds)!;
    expect(besluit.attrs.map((a) => `${a.local}=${a.value}`).sort()).toEqual(['entiteittype=BSL', 'functie=entiteit']);
    const id = tekst(besluit, 'identificatie')!;
    expect(id).toMatch(/^0599B\d{4}\d{8}$/);
    expect(tekst(bericht((await bsl.genereer({ ref })).body), 'besluit', 'identificatie')).toBe(id);
    expect(tekst(bericht((await bsl.genereer()).body), 'besluit', 'identificatie')).not.toBe(id);
    await maak({ id });
  });

  it('never issues an identificatie a consumer already used for a besluit', async () => {
    const eigen = await startGateway({ identificatie: { besluit: '{gemeentecode}BSL{volgnummer:4}' } });
    try {
      const c = b.besluitClient(eigen);
      expect((await zdsClient(eigen).creeer({ id: ZAAK })).status).toBe(200);
      expect((await c.voeg({ id: '0599BSL0002', zaak: ZAAK })).status).toBe(200);
      const eerste = tekst(bericht((await c.genereer()).body), 'besluit', 'identificatie');
      const tweede = tekst(bericht((await c.genereer()).body), 'besluit', 'identificatie');
      expect([eerste, tweede]).toEqual(['0599BSL0001', '0599BSL0003']);
    } finally {
      await eigen.sluit();
    }
  });
});

describe('voegBesluitToe', () => {
  (heeftShared() ? it : it.skip)('accepts the reference sample (voegBesluitToe_Di01.xml) and answers Bv03', async () => {
    expect((await zds.creeer({ id: '0599-2024-0000001' })).status).toBe(200);
    const r = await bsl.voeg(sample('zds12/voegBesluitToe_Di01.xml'));
    const bv03 = bericht(r.body);
    expect(bv03.local).toBe('Bv03Bericht');
    expect(tekst(bv03, 'stuurgegevens', 'crossRefnummer')).toBe('VERG-000990');
    const o = await bsl.details('0599-BSL-2024-0000003');
    expect(tekst(o, 'bst.omschrijving')).toBe('Verlening parkeervergunning');
    expect(tekst(o, 'einddatumWerking')).toBe('20250131');
    expect(tekst(o, 'isUitkomstVan', 'gerelateerde', 'identificatie')).toBe('0599-2024-0000001');
    expect(tekst(o, 'isVastgelegdIn', 'gerelateerde', 'identificatie')).toBe('0599-DOC-2024-0000018');
  });

  it('stores every attribute and answers them back in schema order, validity and registration included', async () => {
    const id = await maak({
      attributen: b.STANDAARD_BESLUIT + '<ZKN:vervalreden>Besluit met tijdelijke werking</ZKN:vervalreden><ZKN:datumPublicatie>20240122</ZKN:datumPublicatie>' +
        '<ZKN:datumVerzending>20240121</ZKN:datumVerzending><ZKN:datumUiterlijkeReactie>20240303</ZKN:datumUiterlijkeReactie>' +
        '<StUF:tijdvakGeldigheid><StUF:beginGeldigheid>20240120</StUF:beginGeldigheid><StUF:eindGeldigheid xsi:nil="true" StUF:noValue="geenWaarde"/></StUF:tijdvakGeldigheid>' +
        '<StUF:tijdstipRegistratie>20240120143000</StUF:tijdstipRegistratie><StUF:extraElementen><StUF:extraElement naam="kenmerk">K-7</StUF:extraElement></StUF:extraElementen>',
    });
    const o = await bsl.details(id);
    expect(namen(o)).toEqual([
      'identificatie', 'bst.omschrijving', 'datumBeslissing', 'toelichting', 'ingangsdatumWerking', 'einddatumWerking', 'vervalreden', 'datumPublicatie',
      'datumVerzending', 'datumUiterlijkeReactie', 'tijdvakGeldigheid', 'tijdstipRegistratie', 'extraElementen', 'isUitkomstVan',
    ]);
    expect(tekst(o, 'vervalreden')).toBe('Besluit met tijdelijke werking');
    expect(tekst(o, 'tijdvakGeldigheid', 'beginGeldigheid')).toBe('20240120');
    expect(isNilled(path(o, 'tijdvakGeldigheid', 'eindGeldigheid'))).toBe(true);
    expect(tekst(o, 'tijdstipRegistratie')).toBe('20240120143000');
    expect(tekst(o, 'extraElementen', 'extraElement')).toBe('K-7');
  });

  it('lets the current values hold from the tijdstipBericht when the message states no validity', async () => {
    const id = await maak({ sturing: { tijdstip: '20240125090000000' } });
    expect(tekst(await bsl.details(id), 'tijdvakGeldigheid', 'beginGeldigheid')).toBe('20240125090000000');
  });

  it('refuses a besluit for an unknown zaak with Fo03 StUF064 and stores nothing', async () => {
    const id = nieuwId();
    const r = await bsl.voeg({ id, zaak: '0599ONBEKEND01' });
    expect([r.code, bericht(r.body).local]).toEqual(['StUF064', 'Fo03Bericht']);
    expect(r.details).toContain('0599ONBEKEND01');
    expect(await bsl.details(id)).toBeUndefined();
  });

  it('refuses a second besluit with the same identificatie with StUF058, and keeps the first', async () => {
    const id = await maak();
    const r = await bsl.voeg({ id, zaak: ANDERE_ZAAK, attributen: '<ZKN:datumBeslissing>20240101</ZKN:datumBeslissing><ZKN:ingangsdatumWerking>20240101</ZKN:ingangsdatumWerking>' });
    expect(r.code).toBe('StUF058');
    expect(r.details).toContain(`${id} bestaat al`);
    expect(tekst(await bsl.details(id), 'isUitkomstVan', 'gerelateerde', 'identificatie')).toBe(ZAAK);
  });

  it('answers an identical resend with the same Bv03 without adding anything', async () => {
    const id = nieuwId();
    const xml = b.voegBesluitToe({ id, zaak: ANDERE_ZAAK, documenten: b.besluitdocument('0599DOC-R1') });
    const [eerste, tweede] = [await bsl.voeg(xml), await bsl.voeg(xml)];
    expect([eerste.status, tweede.status]).toEqual([200, 200]);
    expect(tweede.body).toBe(eerste.body);
    expect(children(await bsl.lijst(ANDERE_ZAAK), 'leidtTot').map((l) => tekst(l, 'gerelateerde', 'identificatie'))).toEqual([id]);
    expect(await documenten(id)).toEqual(['0599DOC-R1']);
  });

  const datums = (beslissing: string) => `<ZKN:datumBeslissing>${beslissing}</ZKN:datumBeslissing><ZKN:ingangsdatumWerking>20240201</ZKN:ingangsdatumWerking>`;
  it.each([
    ['a vervalreden outside the value list', { attributen: datums('20240120') + '<ZKN:vervalreden>Verlopen</ZKN:vervalreden>' }, 'vervalreden'],
    ['a date that does not exist', { attributen: datums('20240230') }, 'datumBeslissing'],
    ['a date that is no StUF date', { attributen: datums('2024-01-20') }, 'datumBeslissing'],
    ['an identificatie longer than 40 characters', { id: '0599' + 'B'.repeat(37) }, 'identificatie'],
  ])('refuses %s with StUF055 and stores nothing', async (_naam, x: Partial<b.NieuwBesluit>, veld) => {
    const id = x.id ?? nieuwId();
    const r = await bsl.voeg({ zaak: ZAAK, ...x, id });
    expect([r.code, r.details]).toEqual(['StUF055', expect.stringContaining(veld)]);
    expect(await bsl.details(id)).toBeUndefined();
  });

  it('takes a zaak sent with T as the existing zaak, and a document named twice once', async () => {
    const id = await maak({ zaakVs: 'T', documenten: b.besluitdocument('0599DOC-2', 'T', '<ZKN:titel>Brief</ZKN:titel>') + b.besluitdocument('0599DOC-1') + b.besluitdocument('0599DOC-2') });
    expect(await documenten(id)).toEqual(['0599DOC-1', '0599DOC-2']); // sorted on identificatie
    expect(tekst(children(await bsl.details(id), 'isVastgelegdIn')[1], 'gerelateerde', 'titel')).toBe('Brief');
  });
});

describe('updateBesluit', () => {
  it('applies nieuw: changes, clears a value sent nil, and starts a new validity', async () => {
    const id = await maak();
    const r = await bsl.update(id, '<ZKN:toelichting>Op aanvraag</ZKN:toelichting><ZKN:einddatumWerking>20250131</ZKN:einddatumWerking>',
      '<ZKN:toelichting xsi:nil="true" StUF:noValue="geenWaarde"/><ZKN:einddatumWerking>20240630</ZKN:einddatumWerking><ZKN:vervalreden>Besluit ingetrokken door overheid</ZKN:vervalreden>',
      { sturing: { tijdstip: '20240301120000' } });
    expect(r.status).toBe(200);
    const o = await bsl.details(id, b.scopeBesluit('<ZKN:identificatie xsi:nil="true"/><ZKN:toelichting xsi:nil="true"/><ZKN:einddatumWerking xsi:nil="true"/><ZKN:vervalreden xsi:nil="true"/>'));
    expect(isNilled(child(o, 'toelichting'))).toBe(true);
    expect(tekst(o, 'einddatumWerking')).toBe('20240630');
    expect(tekst(o, 'vervalreden')).toBe('Besluit ingetrokken door overheid');
    expect(tekst(o, 'datumBeslissing')).toBe('20240120'); // required in the answer, so given although not asked
    expect(tekst(o, 'tijdvakGeldigheid', 'beginGeldigheid')).toBe('20240301120000');
  });

  it('adds (T), changes (W), ends (E) and removes (V) documents', async () => {
    const id = await maak({ documenten: b.besluitdocument('0599DOC-A') });
    expect((await bsl.update(id, b.legeBesluitdocument('T'), b.besluitdocument('0599DOC-C', 'T'), { vs: 'I' })).status).toBe(200);
    expect((await bsl.update(id, b.legeBesluitdocument('T'), b.besluitdocument('0599DOC-B', 'T'), { vs: 'I' })).status).toBe(200);
    expect(await documenten(id)).toEqual(['0599DOC-A', '0599DOC-B', '0599DOC-C']);
    const titel = (t: string) => `<ZKN:titel>${t}</ZKN:titel>`;
    await bsl.update(id, b.besluitdocument('0599DOC-B', 'W'), b.besluitdocument('0599DOC-B', 'W', titel('Beschikking')), { vs: 'I' });
    expect(tekst(children(await bsl.details(id), 'isVastgelegdIn')[1], 'gerelateerde', 'titel')).toBe('Beschikking');
    await bsl.update(id, b.besluitdocument('0599DOC-A', 'E'), b.legeBesluitdocument('E'), { vs: 'I' });
    await bsl.update(id, b.besluitdocument('0599DOC-C', 'V'), b.legeBesluitdocument('V'), { vs: 'I' });
    expect(await documenten(id)).toEqual(['0599DOC-B']);
    await bsl.update(id, b.legeBesluitdocument('T'), b.besluitdocument('0599DOC-A', 'T'), { vs: 'I' }); // laid again after it ended
    expect(await documenten(id)).toEqual(['0599DOC-A', '0599DOC-B']);
  });

  it('refuses an unknown besluit with Fo03 StUF064', async () => {
    const r = await bsl.update('0599BSLONBEKEND', undefined, '<ZKN:toelichting>x</ZKN:toelichting>');
    expect([r.code, bericht(r.body).local]).toEqual(['StUF064', 'Fo03Bericht']);
  });

  it('refuses a bad vervalreden with StUF055 and changes nothing of the message', async () => {
    const id = await maak();
    const r = await bsl.update(id, undefined, '<ZKN:toelichting>Anders</ZKN:toelichting><ZKN:vervalreden>Onbekend</ZKN:vervalreden>');
    expect(r.code).toBe('StUF055');
    expect(tekst(await bsl.details(id), 'toelichting')).toBe('Op aanvraag');
  });

  it('moves a besluit to another zaak with isUitkomstVan R (plain StUF-ZKN, read leniently), never to none', async () => {
    const id = await maak();
    const uitkomst = (vs: string, zaak: string) =>
      `<ZKN:isUitkomstVan StUF:entiteittype="BSLZAK" StUF:verwerkingssoort="${vs}"><ZKN:gerelateerde StUF:entiteittype="ZAK" StUF:verwerkingssoort="I"><ZKN:identificatie>${zaak}</ZKN:identificatie></ZKN:gerelateerde></ZKN:isUitkomstVan>`;
    expect((await bsl.update(id, uitkomst('V', ZAAK), '<ZKN:isUitkomstVan StUF:entiteittype="BSLZAK" StUF:verwerkingssoort="V" xsi:nil="true" StUF:noValue="geenWaarde"/>', { vs: 'I' })).code).toBe('StUF058');
    expect((await bsl.update(id, uitkomst('R', ZAAK), uitkomst('R', '0599ONBEKEND01'), { vs: 'I' })).code).toBe('StUF064');
    expect((await bsl.update(id, uitkomst('R', ZAAK), uitkomst('R', ANDERE_ZAAK), { vs: 'I' })).status).toBe(200);
    expect(tekst(await bsl.details(id), 'isUitkomstVan', 'gerelateerde', 'identificatie')).toBe(ANDERE_ZAAK);
  });
});

describe('geefBesluitdetails', () => {
  it('answers exactly an element scope, plus what the answer requires; unsupported besluittype data as nietOndersteund', async () => {
    const id = await maak({ documenten: b.besluitdocument('0599DOC-X', 'T', '<ZKN:dct.omschrijving>Beschikking</ZKN:dct.omschrijving>') });
    const o = await bsl.details(id, b.scopeBesluit('<ZKN:identificatie xsi:nil="true"/><ZKN:bst.categorie xsi:nil="true"/><ZKN:datumPublicatie xsi:nil="true"/>' +
      '<ZKN:isUitkomstVan StUF:entiteittype="BSLZAK"><ZKN:gerelateerde StUF:entiteittype="ZAK"><ZKN:identificatie xsi:nil="true"/><ZKN:omschrijving xsi:nil="true"/>' +
      '<ZKN:isVan StUF:entiteittype="ZAKZKT"><ZKN:gerelateerde StUF:entiteittype="ZKT"><ZKN:code xsi:nil="true"/></ZKN:gerelateerde></ZKN:isVan>' +
      '<ZKN:heeftAlsInitiator StUF:entiteittype="ZAKBTRINI"><ZKN:gerelateerde/></ZKN:heeftAlsInitiator><ZKN:heeft StUF:entiteittype="ZAKSTT"><ZKN:gerelateerde StUF:entiteittype="STT"><ZKN:omschrijving xsi:nil="true"/></ZKN:gerelateerde></ZKN:heeft></ZKN:gerelateerde></ZKN:isUitkomstVan>' +
      '<ZKN:isVastgelegdIn StUF:entiteittype="BSLEDC"><ZKN:gerelateerde StUF:entiteittype="EDC"><ZKN:identificatie xsi:nil="true"/><ZKN:dct.omschrijving xsi:nil="true"/><ZKN:titel xsi:nil="true"/><ZKN:auteur xsi:nil="true"/></ZKN:gerelateerde></ZKN:isVastgelegdIn>'));
    expect(namen(o)).toEqual(['identificatie', 'bst.categorie', 'datumBeslissing', 'ingangsdatumWerking', 'datumPublicatie', 'tijdvakGeldigheid', 'isUitkomstVan', 'isVastgelegdIn']);
    expect(child(o, 'bst.categorie')!.attrs.find((a) => a.local === 'noValue')?.value).toBe('nietOndersteund');
    expect(isNilled(child(o, 'datumPublicatie'))).toBe(true);
    const zaak = path(o, 'isUitkomstVan', 'gerelateerde');
    expect(namen(zaak)).toEqual(['identificatie', 'omschrijving', 'isVan', 'heeftAlsInitiator', 'heeft']);
    expect(tekst(zaak, 'isVan', 'gerelateerde', 'code')).toBe('B1026');
    expect(tekst(zaak, 'heeft', 'gerelateerde', 'omschrijving')).toBe('Ontvangen');
    const document = path(o, 'isVastgelegdIn', 'gerelateerde');
    expect(namen(document)).toEqual(['identificatie', 'dct.omschrijving', 'titel', 'auteur']);
    expect(tekst(document, 'dct.omschrijving')).toBe('Beschikking');
    expect(child(document, 'titel')!.attrs.find((a) => a.local === 'noValue')?.value).toBe('waardeOnbekend');
  });

  it('always gives isUitkomstVan, by the zaak identificatie when the scope leaves it out', async () => {
    const o = await bsl.details(await maak(), b.scopeBesluit('<ZKN:identificatie xsi:nil="true"/>'));
    expect(namen(o)).toEqual(['identificatie', 'datumBeslissing', 'ingangsdatumWerking', 'tijdvakGeldigheid', 'isUitkomstVan']);
    expect(namen(path(o, 'isUitkomstVan', 'gerelateerde'))).toEqual(['identificatie']);
  });

  it("takes a document's omschrijving and titel from the document services when they hold it", async () => {
    await gw.app.gateway.store.documenten.voegToe('0599DOC-DMS', { 'dct.omschrijving': { w: 'Besluit' }, titel: { w: 'Beschikking parkeren' } }, undefined, undefined);
    const id = await maak({ documenten: b.besluitdocument('0599DOC-DMS', 'T', '<ZKN:titel>Oude titel</ZKN:titel>') });
    const document = path(await bsl.details(id), 'isVastgelegdIn', 'gerelateerde');
    expect([tekst(document, 'dct.omschrijving'), tekst(document, 'titel')]).toEqual(['Besluit', 'Beschikking parkeren']);
  });

  it('answers an unknown besluit with an empty La01, or Fo02 StUF064 when configured to', async () => {
    const r = await bsl.stuur(b.geefBesluitdetails('0599BSLONBEKEND'), 'geefBesluitdetails_BslLv01', '/BeantwoordVraag');
    expect([r.status, bericht(r.body).local, child(bericht(r.body), 'antwoord')]).toEqual([200, 'geefBesluitdetails_BslLa01', undefined]);
    expect(tekst(bericht(r.body), 'stuurgegevens', 'entiteittype')).toBe('BSL');
    const strikt = await startGateway({ stuf: { onbekendObject: 'fout' } });
    try {
      const f = await b.besluitClient(strikt).stuur(b.geefBesluitdetails('0599BSLONBEKEND'), 'geefBesluitdetails_BslLv01', '/BeantwoordVraag');
      expect([f.code, bericht(f.body).local]).toEqual(['StUF064', 'Fo02Bericht']);
    } finally {
      await strikt.sluit();
    }
  });
});

describe('geefLijstBesluiten and geefZaakdetails/leidtTot', () => {
  let zaak: string;
  beforeAll(async () => {
    zaak = '0599BSLLIJST01';
    expect((await zds.creeer({ id: zaak })).status).toBe(200);
    for (const id of ['0599BSL-L3', '0599BSL-L1', '0599BSL-L2']) await maak({ id, zaak });
  });

  it('lists the besluiten sorted on identificatie with the elements the scope asks', async () => {
    const o = await bsl.lijst(zaak);
    expect(namen(o)).toEqual(['identificatie', 'leidtTot', 'leidtTot', 'leidtTot']);
    const leidtTot = children(o, 'leidtTot');
    expect(leidtTot.map((l) => tekst(l, 'gerelateerde', 'identificatie'))).toEqual(['0599BSL-L1', '0599BSL-L2', '0599BSL-L3']);
    expect(namen(child(leidtTot[0], 'gerelateerde'))).toEqual(['identificatie', 'datumBeslissing', 'ingangsdatumWerking']);
    for (const scope of ['', '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK" StUF:scope="alles"/></ZKN:scope>']) { // lenient: no scope, or alles
      const alles = await bsl.lijst(zaak, { scope });
      expect(namen(alles)).toEqual(['identificatie', 'isVan', 'leidtTot', 'leidtTot', 'leidtTot']);
      expect(namen(path(alles, 'leidtTot', 'gerelateerde'))).toEqual(['identificatie', 'bst.omschrijving', 'datumBeslissing', 'toelichting', 'ingangsdatumWerking', 'einddatumWerking', 'tijdvakGeldigheid', 'tijdstipRegistratie']);
    }
  });

  it('answers a zaak without besluiten with one empty leidtTot (geenWaarde), an unknown zaak with an empty La01', async () => {
    const o = await bsl.lijst(LEGE_ZAAK);
    expect(namen(o)).toEqual(['identificatie', 'leidtTot']);
    expect(child(o, 'leidtTot')!.attrs.find((a) => a.local === 'noValue')?.value).toBe('geenWaarde');
    expect(await bsl.lijst('0599ONBEKEND01')).toBeUndefined();
  });

  it('applies the other gelijk criteria (omschrijving, zaaktype)', async () => {
    expect(await bsl.lijst(zaak, { gelijk: '<ZKN:omschrijving>Andere zaak</ZKN:omschrijving>' })).toBeUndefined();
    const zaaktype = (code: string) => `<ZKN:isVan StUF:entiteittype="ZAKZKT"><ZKN:gerelateerde StUF:entiteittype="ZKT"><ZKN:code>${code}</ZKN:code></ZKN:gerelateerde></ZKN:isVan>`;
    expect(await bsl.lijst(zaak, { gelijk: zaaktype('X999') })).toBeUndefined();
    expect(children(await bsl.lijst(zaak, { gelijk: '<ZKN:omschrijving>Testzaak</ZKN:omschrijving>' + zaaktype('B1026') }), 'leidtTot')).toHaveLength(3);
  });

  it('shows the besluiten in geefZaakdetails as leidtTot', async () => {
    const alles = await zds.details(zaak);
    expect(children(alles, 'leidtTot').map((l) => tekst(l, 'gerelateerde', 'identificatie'))).toEqual(['0599BSL-L1', '0599BSL-L2', '0599BSL-L3']);
    expect(tekst(alles, 'leidtTot', 'gerelateerde', 'bst.omschrijving')).toBe('Verlening parkeervergunning');
    const smal = await zds.details(zaak, '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK"><ZKN:identificatie xsi:nil="true"/><ZKN:leidtTot StUF:entiteittype="ZAKBSL"><ZKN:gerelateerde StUF:entiteittype="BSL"><ZKN:identificatie xsi:nil="true"/></ZKN:gerelateerde></ZKN:leidtTot></ZKN:object></ZKN:scope>');
    expect(children(smal, 'leidtTot').map((l) => namen(child(l, 'gerelateerde')))).toEqual([['identificatie'], ['identificatie'], ['identificatie']]);
    // ZDS 1.1 callers see them too, in a plain ZKN:zakLa01
    const zakLa01 = bericht((await gw.stuur(inEnvelope(geefZaakdetails11('zds11', zaak)), { actie: ZDS11 + 'geefZaakdetails_Lv01', pad: '/BeantwoordVraag' })).body);
    expect([zakLa01.local, children(path(zakLa01, 'antwoord', 'object'), 'leidtTot').length]).toEqual(['zakLa01', 3]);
  });
});

describe('ZDS 1.1 and the standard', () => {
  it.each([
    ['voegBesluitToe_Di01', '/OntvangAsynchroon', 'Fo03', () => b.voegBesluitToe({ id: nieuwId(), zaak: ZAAK })],
    ['updateBesluit_BslLk01', '/OntvangAsynchroon', 'Fo03', () => b.updateBesluit('0599BSL-L1', undefined, '<ZKN:toelichting>x</ZKN:toelichting>')],
    ['genereerBesluitIdentificatie_Di02', '/VrijeBerichten', 'Fo02', () => b.genereerBesluitIdentificatie()],
    ['geefBesluitdetails_BslLv01', '/BeantwoordVraag', 'Fo02', () => b.geefBesluitdetails('0599BSL-L1')],
    ['geefLijstBesluiten_ZakLv01', '/BeantwoordVraag', 'Fo02', () => b.geefLijstBesluiten(ZAAK)],
  ])('gives a ZDS 1.1 caller of %s (ZKN root) a clean StUF040', async (naam, pad, soort, xml) => {
    const r = await gw.stuur(inEnvelope(xml().replace(/ZDS:/g, 'ZKN:')), { actie: ZDS11 + naam, pad });
    expect(r.status).toBe(500);
    expect([path(bericht(r.body), 'body', 'code')?.text, bericht(r.body).local]).toEqual(['StUF040', `${soort}Bericht`]);
  });

  it('accepts schema-conform besluit messages in strict validation mode too', async () => {
    const strikt = await startGateway({ stuf: { validatie: 'strict' } });
    try {
      const c = b.besluitClient(strikt);
      expect((await zdsClient(strikt).creeer({ id: ZAAK })).code).toBeUndefined();
      const id = nieuwId();
      expect((await c.voeg({ id, zaak: ZAAK, documenten: b.besluitdocument('0599DOC-S1') })).code).toBeUndefined();
      expect((await c.update(id, b.legeBesluitdocument('T'), b.besluitdocument('0599DOC-S2'), { vs: 'I' })).code).toBeUndefined();
      expect((await c.update(id, '<ZKN:toelichting>Op aanvraag</ZKN:toelichting>', '<ZKN:toelichting>Anders</ZKN:toelichting>')).code).toBeUndefined();
      expect(tekst(await c.details(id), 'toelichting')).toBe('Anders');
      expect((await c.update(id, undefined, '<ZKN:toelichting>Alleen nieuw</ZKN:toelichting>')).code).toBe('StUF055'); // one object is lenient only
    } finally {
      await strikt.sluit();
    }
  });

  (heeftShared() && heeftJava() ? it : it.skip)('builds request messages that the official schemas accept', async () => {
    const uitslag = await valideerOfficieel(schrijfBerichten({
      genereer: b.genereerBesluitIdentificatie(),
      voeg: b.voegBesluitToe({ id: 'B1', zaak: ZAAK, attributen: b.STANDAARD_BESLUIT + '<ZKN:vervalreden>Besluit met tijdelijke werking</ZKN:vervalreden>', documenten: b.besluitdocument('D1', 'T', '<ZKN:dct.omschrijving>x</ZKN:dct.omschrijving><ZKN:titel>y</ZKN:titel>') }),
      updateAttribuut: b.updateBesluit('B1', '<ZKN:toelichting>a</ZKN:toelichting>', '<ZKN:toelichting xsi:nil="true" StUF:noValue="geenWaarde"/>'),
      updateDocument: b.updateBesluit('B1', b.legeBesluitdocument('T'), b.besluitdocument('D2', 'T'), { vs: 'I' }),
      details: b.geefBesluitdetails('B1'),
      detailsScope: b.geefBesluitdetails('B1', b.scopeBesluit('<ZKN:identificatie xsi:nil="true"/><ZKN:bst.categorie xsi:nil="true"/>')),
      lijst: b.geefLijstBesluiten(ZAAK, { gelijk: '<ZKN:omschrijving>Testzaak</ZKN:omschrijving>' }),
    }));
    expect(uitslag.ongeldig).toEqual([]);
    expect(uitslag.geldig).toBe(7);
  });
});
