// Kennisgeving semantics (StUF 3.01 ch. 5, zds.md 2.2–2.4): create, then read back; update, then read back;
// relations added, changed, ended and removed; values cleared; statuses; closing a zaak.
import { children, path } from '../../src/stuf/xml';
import { startGateway, TestGateway } from '../support/gateway';
import { isNilled, rollen, tekst, zdsClient } from '../support/zdsClient';
import * as m from '../support/zdsBerichten';

let gw: TestGateway;
let zds: ReturnType<typeof zdsClient>;
beforeAll(async () => {
  gw = await startGateway();
  zds = zdsClient(gw);
});
afterAll(async () => gw.sluit());

let n = 0;
const nieuwId = () => `0599KG${String(++n).padStart(6, '0')}`;

async function maak(z: Partial<m.NieuweZaak> = {}): Promise<string> {
  const id = z.id ?? nieuwId();
  const r = await zds.creeer({ id, ...z });
  expect({ status: r.status, code: r.code, details: r.details }).toEqual({ status: 200, code: undefined, details: undefined });
  return id;
}

describe('creeerZaak', () => {
  it('stores every attribute, group and repeating group, and answers them back', async () => {
    const id = await maak({
      attributen:
        '<ZKN:omschrijving>Aanvraag 🚲 fietsenstalling &amp; meer</ZKN:omschrijving><ZKN:toelichting>Via het loket</ZKN:toelichting>' +
        '<ZKN:kenmerk><ZKN:kenmerk>K-1</ZKN:kenmerk><ZKN:bron>formulier</ZKN:bron></ZKN:kenmerk><ZKN:kenmerk><ZKN:kenmerk>K-2</ZKN:kenmerk><ZKN:bron>post</ZKN:bron></ZKN:kenmerk>' +
        '<ZKN:resultaat><ZKN:omschrijving>Toegekend</ZKN:omschrijving></ZKN:resultaat>' +
        '<ZKN:startdatum>20240115</ZKN:startdatum><ZKN:registratiedatum>20240116</ZKN:registratiedatum><ZKN:publicatiedatum>20240117</ZKN:publicatiedatum>' +
        '<ZKN:einddatumGepland>20240301</ZKN:einddatumGepland><ZKN:uiterlijkeEinddatum>20240401</ZKN:uiterlijkeEinddatum>' +
        '<ZKN:opschorting><ZKN:indicatie>J</ZKN:indicatie><ZKN:reden>Wachten op stukken</ZKN:reden></ZKN:opschorting>' +
        '<ZKN:verlenging><ZKN:duur>14</ZKN:duur><ZKN:reden>Advies nodig</ZKN:reden></ZKN:verlenging>' +
        '<ZKN:betalingsIndicatie>(Nog) niet</ZKN:betalingsIndicatie><ZKN:laatsteBetaaldatum>20240120123000</ZKN:laatsteBetaaldatum>' +
        '<ZKN:archiefnominatie>J</ZKN:archiefnominatie><ZKN:datumVernietigingDossier>20340101</ZKN:datumVernietigingDossier>' +
        '<ZKN:zaakniveau>2</ZKN:zaakniveau><ZKN:deelzakenIndicatie>J</ZKN:deelzakenIndicatie>' +
        '<StUF:extraElementen><StUF:extraElement naam="kanaal">balie</StUF:extraElement></StUF:extraElementen>',
    });
    const o = await zds.details(id);
    expect(tekst(o, 'identificatie')).toBe(id);
    expect(tekst(o, 'omschrijving')).toBe('Aanvraag 🚲 fietsenstalling & meer');
    expect(children(o, 'kenmerk').map((k) => `${tekst(k, 'kenmerk')}/${tekst(k, 'bron')}`)).toEqual(['K-1/formulier', 'K-2/post']);
    expect(tekst(o, 'resultaat', 'omschrijving')).toBe('Toegekend');
    expect(isNilled(path(o, 'resultaat', 'toelichting'))).toBe(true);
    expect(tekst(o, 'registratiedatum')).toBe('20240116');
    expect(tekst(o, 'opschorting', 'reden')).toBe('Wachten op stukken');
    expect(tekst(o, 'verlenging', 'duur')).toBe('14');
    expect(tekst(o, 'betalingsIndicatie')).toBe('(Nog) niet');
    expect(tekst(o, 'laatsteBetaaldatum')).toBe('20240120123000');
    expect(tekst(o, 'zaakniveau')).toBe('2');
    expect(tekst(o, 'extraElementen', 'extraElement')).toBe('balie');
    expect(tekst(o, 'isVan', 'gerelateerde', 'code')).toBe('B1026');
  });

  it('stores all roles with every kind of betrokkene, and zaakobjecten', async () => {
    const oeh = '<ZKN:organisatorischeEenheid StUF:entiteittype="OEH" StUF:verwerkingssoort="I"><ZKN:identificatie>OEH-WMO</ZKN:identificatie><ZKN:naam>Team Wmo</ZKN:naam></ZKN:organisatorischeEenheid>';
    const ves = '<ZKN:vestiging StUF:entiteittype="VES" StUF:verwerkingssoort="I"><BG:vestigingsNummer>000012345678</BG:vestigingsNummer><BG:handelsnaam>Zorg BV</BG:handelsnaam></ZKN:vestiging>';
    const nnp = '<ZKN:nietNatuurlijkPersoon StUF:entiteittype="NNP" StUF:verwerkingssoort="I"><BG:inn.nnpId>123456789</BG:inn.nnpId><BG:authentiek StUF:metagegeven="true">J</BG:authentiek><BG:statutaireNaam>Stichting Hulp</BG:statutaireNaam></ZKN:nietNatuurlijkPersoon>';
    const id = await maak({
      relaties:
        m.zaakobject(m.persoon('111222333')) +
        m.rol('heeftAlsBelanghebbende', m.persoon('444555666', 'Bakker'), 'T', 'Mantelzorger') +
        m.rol('heeftAlsGemachtigde', nnp) +
        m.rol('heeftAlsInitiator', m.persoon('111222333')) +
        m.rol('heeftAlsUitvoerende', m.medewerker('MDW-7', 'Pietersen'), 'T', 'Behandelaar') +
        m.rol('heeftAlsUitvoerende', ves) +
        m.rol('heeftAlsVerantwoordelijke', oeh) +
        m.rol('heeftAlsOverigBetrokkene', m.medewerker('MDW-8', 'Klaassen')),
    });
    const o = await zds.details(id);
    expect(rollen(o, 'heeftBetrekkingOp')).toEqual(['natuurlijkPersoon:111222333']);
    expect(tekst(children(o, 'heeftBetrekkingOp')[0], 'omschrijving')).toBe('Client');
    expect(rollen(o, 'heeftAlsBelanghebbende')).toEqual(['natuurlijkPersoon:444555666']);
    expect(tekst(children(o, 'heeftAlsBelanghebbende')[0], 'omschrijving')).toBe('Mantelzorger');
    expect(tekst(children(o, 'heeftAlsGemachtigde')[0], 'gerelateerde', 'nietNatuurlijkPersoon', 'statutaireNaam')).toBe('Stichting Hulp');
    expect(rollen(o, 'heeftAlsInitiator')).toEqual(['natuurlijkPersoon:111222333']);
    expect(rollen(o, 'heeftAlsUitvoerende')).toEqual(['medewerker:MDW-7', 'vestiging:000012345678']);
    expect(rollen(o, 'heeftAlsVerantwoordelijke')).toEqual(['organisatorischeEenheid:OEH-WMO']);
    expect(rollen(o, 'heeftAlsOverigBetrokkene')).toEqual(['medewerker:MDW-8']);
  });

  it('keeps a zaakobject that is not a person as received, and removes it again with V', async () => {
    const pand = (vs: string) => '<ZKN:pand StUF:entiteittype="PND" StUF:verwerkingssoort="' + vs + '"><BG:identificatie>0599100000012345</BG:identificatie><BG:authentiek StUF:metagegeven="true">J</BG:authentiek></ZKN:pand>';
    const id = await maak({ relaties: m.rol('heeftAlsInitiator', m.medewerker('MDW-1')) + m.zaakobject(pand('I'), 'T', 'Te verbouwen pand') });
    const o = await zds.details(id);
    expect(tekst(o, 'heeftBetrekkingOp', 'gerelateerde', 'pand', 'identificatie')).toBe('0599100000012345');
    expect(tekst(o, 'heeftBetrekkingOp', 'omschrijving')).toBe('Te verbouwen pand');
    const r = await zds.update(id, m.zaakobject(pand('I'), 'V', 'Te verbouwen pand'), m.legeRelatie('heeftBetrekkingOp', 'ZAKOBJ', 'V'), { vs: 'I' });
    expect(r.status).toBe(200);
    expect(children(await zds.details(id), 'heeftBetrekkingOp')).toHaveLength(0);
  });

  it('stores an initial status and deelzaak and heeftBetrekkingOpAndere relations, hoofdzaak read in reverse', async () => {
    const hoofd = await maak();
    const ander = await maak();
    const deel = await maak();
    const id = await maak({
      relaties: m.rol('heeftAlsInitiator', m.medewerker('MDW-1')) + m.andereZaak('heeftAlsDeelzaak', deel) + m.andereZaak('heeftBetrekkingOpAndere', ander) + m.status(1, 'Ontvangen', '20240115103005000'),
    });
    const o = await zds.details(id);
    expect(tekst(o, 'heeftAlsDeelzaak', 'gerelateerde', 'identificatie')).toBe(deel);
    expect(tekst(o, 'heeftBetrekkingOpAndere', 'gerelateerde', 'identificatie')).toBe(ander);
    expect(tekst(o, 'heeftBetrekkingOpAndere', 'gerelateerde', 'omschrijving')).toBe('Testzaak');
    expect(tekst(o, 'heeft', 'gerelateerde', 'omschrijving')).toBe('Ontvangen');
    expect(tekst(await zds.details(deel), 'heeftAlsHoofdzaak', 'gerelateerde', 'identificatie')).toBe(id);
    expect(hoofd).toBeDefined();
  });

  it('refuses a duplicate identificatie with StUF058 and stores nothing of the second message', async () => {
    const id = await maak();
    const r = await zds.creeer({ id, attributen: '<ZKN:omschrijving>Tweede</ZKN:omschrijving>' });
    expect(r.code).toBe('StUF058');
    expect(r.details).toContain(`${id} bestaat al`);
    expect(tekst(await zds.details(id), 'omschrijving')).toBe('Testzaak');
  });

  it('refuses identificaties that are too short, too long or contain forbidden characters', async () => {
    for (const id of ['0599', '0599' + 'x'.repeat(37), '0599/12345', '0599:abc']) {
      const r = await zds.creeer({ id });
      expect(r.code).toBe('StUF055');
    }
  });

  it('rolls back the whole message when a relation fails (nothing half-stored)', async () => {
    const id = nieuwId();
    const r = await zds.creeer({ id, relaties: m.rol('heeftAlsInitiator', m.medewerker('MDW-1')) + m.andereZaak('heeftBetrekkingOpAndere', id) });
    expect(r.code).toBe('StUF058');
    expect(r.details).toContain('aan zichzelf');
    expect(await zds.details(id)).toBeUndefined();
  });
});

describe('updateZaak', () => {
  it('changes attributes from nieuw and clears a value sent as xsi:nil', async () => {
    const id = await maak({
      attributen: '<ZKN:omschrijving>Oud</ZKN:omschrijving><ZKN:toelichting>Weg ermee</ZKN:toelichting><ZKN:startdatum>20240115</ZKN:startdatum><ZKN:registratiedatum>20240115</ZKN:registratiedatum><ZKN:einddatumGepland>20240301</ZKN:einddatumGepland><ZKN:zaakniveau>1</ZKN:zaakniveau><ZKN:deelzakenIndicatie>N</ZKN:deelzakenIndicatie>',
    });
    const r = await zds.update(id,
      '<ZKN:omschrijving>Oud</ZKN:omschrijving><ZKN:toelichting>Weg ermee</ZKN:toelichting><ZKN:einddatumGepland>20240301</ZKN:einddatumGepland>',
      '<ZKN:omschrijving>Nieuw</ZKN:omschrijving><ZKN:toelichting xsi:nil="true" StUF:noValue="geenWaarde"/><ZKN:einddatumGepland>20240311</ZKN:einddatumGepland>');
    expect(r.status).toBe(200);
    const o = await zds.details(id, '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK"><ZKN:identificatie xsi:nil="true"/><ZKN:omschrijving xsi:nil="true"/><ZKN:toelichting xsi:nil="true"/><ZKN:startdatum xsi:nil="true"/><ZKN:einddatumGepland xsi:nil="true"/></ZKN:object></ZKN:scope>');
    expect(tekst(o, 'omschrijving')).toBe('Nieuw');
    expect(isNilled(path(o, 'toelichting'))).toBe(true);
    expect(tekst(o, 'startdatum')).toBe('20240115');
    expect(tekst(o, 'einddatumGepland')).toBe('20240311');
  });

  it('replaces repeating groups, merges groups and extraElementen by name', async () => {
    const id = await maak({
      attributen: '<ZKN:kenmerk><ZKN:kenmerk>A</ZKN:kenmerk><ZKN:bron>x</ZKN:bron></ZKN:kenmerk><ZKN:resultaat><ZKN:omschrijving>R</ZKN:omschrijving><ZKN:toelichting>T</ZKN:toelichting></ZKN:resultaat><ZKN:startdatum>20240115</ZKN:startdatum><ZKN:registratiedatum>20240115</ZKN:registratiedatum><ZKN:zaakniveau>1</ZKN:zaakniveau><ZKN:deelzakenIndicatie>N</ZKN:deelzakenIndicatie><StUF:extraElementen><StUF:extraElement naam="a">1</StUF:extraElement><StUF:extraElement naam="b">2</StUF:extraElement></StUF:extraElementen>',
    });
    await zds.update(id, undefined,
      '<ZKN:kenmerk><ZKN:kenmerk>B</ZKN:kenmerk><ZKN:bron>y</ZKN:bron></ZKN:kenmerk><ZKN:kenmerk><ZKN:kenmerk>C</ZKN:kenmerk><ZKN:bron>z</ZKN:bron></ZKN:kenmerk>' +
      '<ZKN:resultaat><ZKN:toelichting xsi:nil="true" StUF:noValue="geenWaarde"/></ZKN:resultaat>' +
      '<StUF:extraElementen><StUF:extraElement naam="a" xsi:nil="true" StUF:noValue="geenWaarde"/><StUF:extraElement naam="c">3</StUF:extraElement></StUF:extraElementen>');
    const o = await zds.details(id);
    expect(children(o, 'kenmerk').map((k) => tekst(k, 'kenmerk'))).toEqual(['B', 'C']);
    expect(tekst(o, 'resultaat', 'omschrijving')).toBe('R');
    expect(isNilled(path(o, 'resultaat', 'toelichting'))).toBe(true);
    expect(children(path(o, 'extraElementen'), 'extraElement').map((x) => `${x.attrs.find((a) => a.local === 'naam')?.value}=${x.text}`)).toEqual(['b=2', 'c=3']);
  });

  it('adds (T), changes (W), ends (E), replaces (R) and removes (V) roles', async () => {
    const id = await maak();
    const blh = (bsn: string, vs: string, oms?: string) => m.rol('heeftAlsBelanghebbende', m.persoon(bsn), vs, oms);
    const leeg = (vs: string) => m.legeRelatie('heeftAlsBelanghebbende', 'ZAKBTRBLH', vs);

    expect((await zds.update(id, leeg('T'), blh('111111110', 'T', 'Buurman'), { vs: 'I' })).status).toBe(200);
    expect((await zds.update(id, leeg('T'), blh('222222220', 'T'), { vs: 'I' })).status).toBe(200);
    expect(rollen(await zds.details(id), 'heeftAlsBelanghebbende')).toEqual(['natuurlijkPersoon:111111110', 'natuurlijkPersoon:222222220']);

    await zds.update(id, blh('111111110', 'W', 'Buurman'), blh('111111110', 'W', 'Mantelzorger'), { vs: 'I' });
    let o = await zds.details(id);
    expect(tekst(children(o, 'heeftAlsBelanghebbende')[0], 'omschrijving')).toBe('Mantelzorger');

    // E ends the relation: it is no longer current (kept as history in the store).
    await zds.update(id, blh('222222220', 'E'), leeg('E'), { vs: 'I' });
    expect(rollen(await zds.details(id), 'heeftAlsBelanghebbende')).toEqual(['natuurlijkPersoon:111111110']);

    // R: the old relation ends, the new one starts.
    await zds.update(id, blh('111111110', 'R'), blh('333333330', 'R', 'Nieuwe mantelzorger'), { vs: 'I' });
    o = await zds.details(id);
    expect(rollen(o, 'heeftAlsBelanghebbende')).toEqual(['natuurlijkPersoon:333333330']);

    await zds.update(id, blh('333333330', 'V'), leeg('V'), { vs: 'I' });
    expect(rollen(await zds.details(id), 'heeftAlsBelanghebbende')).toEqual([]);
  });

  it('adds, ends and removes heeftBetrekkingOpAndere relations to other zaken', async () => {
    const id = await maak();
    const a = await maak();
    const b = await maak();
    const leeg = (vs: string) => m.legeRelatie('heeftBetrekkingOpAndere', 'ZAKZAKBTR', vs);
    await zds.update(id, leeg('T'), m.andereZaak('heeftBetrekkingOpAndere', a), { vs: 'I' });
    await zds.update(id, leeg('T'), m.andereZaak('heeftBetrekkingOpAndere', b), { vs: 'I' });
    const ids = async () => children(await zds.details(id), 'heeftBetrekkingOpAndere').map((r) => tekst(r, 'gerelateerde', 'identificatie'));
    expect(await ids()).toEqual([a, b]);
    await zds.update(id, m.andereZaak('heeftBetrekkingOpAndere', a, 'E', '20240201'), leeg('E'), { vs: 'I' });
    expect(await ids()).toEqual([b]);
    await zds.update(id, m.andereZaak('heeftBetrekkingOpAndere', b, 'V'), leeg('V'), { vs: 'I' });
    expect(await ids()).toEqual([]);
    // a relation can be laid again after it was removed
    await zds.update(id, leeg('T'), m.andereZaak('heeftBetrekkingOpAndere', b), { vs: 'I' });
    expect(await ids()).toEqual([b]);
  });

  it('reads T on an existing relation or gerelateerde as I: no duplicate, no overwrite', async () => {
    const eerste = await maak({ relaties: m.rol('heeftAlsInitiator', m.persoon('555666777', 'Origineel', 'T')) });
    const tweede = await maak({ relaties: m.rol('heeftAlsInitiator', m.persoon('555666777', 'Anders', 'T')) });
    expect(tekst(await zds.details(tweede), 'heeftAlsInitiator', 'gerelateerde', 'natuurlijkPersoon', 'geslachtsnaam')).toBe('Origineel');
    const leeg = m.legeRelatie('heeftAlsInitiator', 'ZAKBTRINI', 'T');
    await zds.update(eerste, leeg, m.rol('heeftAlsInitiator', m.persoon('555666777', 'Nogmaals', 'T')), { vs: 'I' });
    expect(rollen(await zds.details(eerste), 'heeftAlsInitiator')).toEqual(['natuurlijkPersoon:555666777']);
  });

  it('accepts a single object as nieuw (open-forms style) in lenient mode', async () => {
    const id = await maak();
    const r = await zds.update(id, undefined, '<ZKN:omschrijving>Enkel</ZKN:omschrijving>');
    expect(r.status).toBe(200);
    expect(tekst(await zds.details(id), 'omschrijving')).toBe('Enkel');
  });

  it('refuses changing the zaaktype, the identificatie, or deleting the zaak', async () => {
    const id = await maak();
    const zt = await zds.update(id, m.isVan('B1026'), m.isVan('ANDERS'));
    expect(zt.code).toBe('StUF058');
    expect(zt.details).toContain('zaaktype');
    const ander = await zds.stuur(
      m.wijziging('updateZaak_ZakLk01', id, '', '').replace(`<ZKN:identificatie>${id}</ZKN:identificatie></ZKN:object></ZDS`, `<ZKN:identificatie>${id}X</ZKN:identificatie></ZKN:object></ZDS`),
      'updateZaak_ZakLk01', '/OntvangAsynchroon');
    expect(ander.code).toBe('StUF055');
    expect((await zds.update(id, '', '', { vs: 'V' })).code).toBe('StUF058');
  });

  it('answers StUF064 for an unknown zaak', async () => {
    const r = await zds.update('0599ONBEKEND1', undefined, '<ZKN:omschrijving>x</ZKN:omschrijving>');
    expect(r.code).toBe('StUF064');
    expect(r.details).toContain('0599ONBEKEND1');
  });
});

describe('actualiseerZaakstatus', () => {
  // A gezinsplan needs a client and the regisseur as initiator (rzs.md §3.1).
  const gezinsplan = () => maak({
    zaaktype: 'GZP', zaaktypeOmschrijving: 'Opstellen en uitvoeren gezinsplan',
    relaties: m.zaakobject(m.persoon('111222333')) + m.rol('heeftAlsInitiator', m.medewerker('MDW-1')),
  });
  const leeg = m.legeRelatie('heeft', 'ZAKSTT', 'T');

  it('accepts the oud/nieuw pair and a single object, and answers statuses newest first', async () => {
    const id = await gezinsplan();
    expect((await zds.actualiseer(id, leeg, m.status(1, 'Signaal geregistreerd', '20240115090000'))).status).toBe(200);
    expect((await zds.actualiseer(id, undefined, m.status(2, 'Gezinsplan opgesteld', '20240120090000', { toelichting: 'Plan getekend' }))).status).toBe(200);
    const o = await zds.status(id);
    const statussen = children(o, 'heeft');
    expect(statussen.map((s) => tekst(s, 'gerelateerde', 'volgnummer'))).toEqual(['2', '1']);
    // ZDS 1.2 restricts indicatieLaatsteStatus in this answer to J: older statuses carry it nil.
    expect(tekst(statussen[0], 'indicatieLaatsteStatus')).toBe('J');
    expect(isNilled(path(statussen[1], 'indicatieLaatsteStatus'))).toBe(true);
    expect(tekst(statussen[0], 'gerelateerde', 'zkt.omschrijving')).toBe('Opstellen en uitvoeren gezinsplan');
    expect(tekst(statussen[0], 'toelichting')).toBe('Plan getekend');
    expect(isNilled(path(statussen[1], 'toelichting'))).toBe(true);
    const laatste = await zds.status(id, true);
    expect(children(laatste, 'heeft').map((s) => tekst(s, 'gerelateerde', 'omschrijving'))).toEqual(['Gezinsplan opgesteld']);
  });

  it('derives the statustype from the catalogue by omschrijving or volgnummer, and refuses unknown ones', async () => {
    const id = await gezinsplan();
    expect((await zds.actualiseer(id, leeg, m.status(undefined, 'gezinsplan opgesteld', '20240115090000'))).status).toBe(200);
    expect(tekst(await zds.status(id), 'heeft', 'gerelateerde', 'volgnummer')).toBe('2');
    const onbekend = await zds.actualiseer(id, leeg, m.status(7, 'Bestaat niet', '20240116090000'));
    expect(onbekend.code).toBe('StUF058');
    expect(onbekend.details).toContain('Statustype');
    const verkeerd = await zds.actualiseer(id, leeg, m.status(1, 'Zaak afgerond', '20240116090000'));
    expect(verkeerd.code).toBe('StUF058');
    const andereZaaktype = await zds.actualiseer(id, leeg, m.status(1, undefined, '20240116090000', { zktCode: 'LDP' }));
    expect(andereZaaktype.code).toBe('StUF058');
  });

  it('closes the zaak with the end status: einddatum from datumStatusGezet (local date)', async () => {
    const id = await gezinsplan();
    await zds.actualiseer(id, leeg, m.status(4, 'Zaak afgerond', '20240331233000'));
    expect(tekst(await zds.details(id), 'einddatum')).toBe('20240331');
  });

  it('closes a zaak with einddatum through updateZaak, and reopens it by clearing einddatum', async () => {
    const id = await maak();
    await zds.update(id, undefined, '<ZKN:resultaat><ZKN:omschrijving>Afgewezen</ZKN:omschrijving></ZKN:resultaat><ZKN:einddatum>20240401</ZKN:einddatum>');
    expect(tekst(await zds.details(id), 'einddatum')).toBe('20240401');
    await zds.update(id, '<ZKN:einddatum>20240401</ZKN:einddatum>', '<ZKN:einddatum xsi:nil="true" StUF:noValue="geenWaarde"/>');
    expect(path(await zds.details(id), 'einddatum')).toBeUndefined();
  });

  it('does not store a resent status twice and refuses a message without a new status', async () => {
    const id = await gezinsplan();
    await zds.actualiseer(id, leeg, m.status(1, undefined, '20240115090000'));
    await zds.actualiseer(id, leeg, m.status(1, undefined, '20240115090000'));
    expect(children(await zds.status(id), 'heeft')).toHaveLength(1);
    const geen = await zds.actualiseer(id, undefined, '<ZKN:omschrijving>x</ZKN:omschrijving>');
    expect(geen.code).toBe('StUF055');
  });

  it('accepts any statustype for a zaaktype outside the catalogue (accepted by configuration)', async () => {
    const id = await maak({ zaaktype: 'VRIJ01' });
    expect((await zds.actualiseer(id, leeg, m.status(3, 'Eigen status', '20240115090000'))).status).toBe(200);
    expect(tekst(await zds.status(id), 'heeft', 'gerelateerde', 'omschrijving')).toBe('Eigen status');
  });
});
