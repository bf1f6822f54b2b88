// Answers by the schema (issue 14, point 2): a group carries no StUF:noValue (a nil kenmerk or anderZaakObject is
// nil without it), every StUF:tijdvakGeldigheid has beginGeldigheid and eindGeldigheid, every tijdvakRelatie its
// beginRelatie, a postadres its type and number; and neither a group a sender gave partly nor a record an older
// version stored makes a later answer invalid. Each zaak is asked with `alles` and field by field (a scope naming
// every element the fullest answer holds), through every question that shows it, in both dialects; every answer is
// validated with the reference validator here (and again by the global teardown).
import { NS } from '../../src/stuf/namespaces';
import { XElement, at, attr, child, children, el, path, serialize } from '../../src/stuf/xml';
import { startGateway, TestGateway } from '../support/gateway';
import { inEnvelope } from '../support/soap';
import { Dialect, actie, creeerZaak, geefZaakdetails, geefZaakstatus, rol, wijzig } from '../support/dialecten';
import { goed } from '../support/antwoorden';
import { docActie, docPad, geefLezen, geefLijst, nieuwDocument } from '../support/documentBerichten';
import { besluitClient, geefBesluitdetails, geefLijstBesluiten } from '../support/besluitBerichten';
import { ZAKLV01_ACTIE, zoekZaken } from '../support/zoekBerichten';
import { heeftJava, schrijfBerichten, valideerOfficieel } from '../support/schemaValidatie';
import { heeftShared } from '../support/paden';
import { GZP, TestRol, aanmelding, als, beveiligd, client, regisseur } from '../support/planBerichten';

// ---- what the zaken hold ------------------------------------------------------------------------------------

const BSN_INI = '211000001';
const BSN_OBJ = '211000002';
const BSN_OVR = '211000003';

const postadres = '<BG:sub.postadresType>P</BG:sub.postadresType><BG:sub.postadresNummer>123</BG:sub.postadresNummer>';
const nps = (bsn: string, meer = '') =>
  `<ZKN:natuurlijkPersoon StUF:entiteittype="NPS" StUF:verwerkingssoort="I"><BG:inp.bsn>${bsn}</BG:inp.bsn><BG:authentiek StUF:metagegeven="true">N</BG:authentiek>` +
  `<BG:geslachtsnaam>Vries</BG:geslachtsnaam>${meer}</ZKN:natuurlijkPersoon>`;
const tijdvakRelatie = (begin: string, eind?: string) =>
  `<StUF:tijdvakRelatie><StUF:beginRelatie>${begin}</StUF:beginRelatie>${eind ? `<StUF:eindRelatie>${eind}</StUF:eindRelatie>` : ''}</StUF:tijdvakRelatie>`;
const GELDIGHEID = '<StUF:tijdvakGeldigheid><StUF:beginGeldigheid>20240101</StUF:beginGeldigheid><StUF:eindGeldigheid xsi:nil="true" StUF:noValue="geenWaarde"/></StUF:tijdvakGeldigheid>';

/** Every group of the zaak filled, kenmerk twice. */
const VOLLE_ATTRIBUTEN =
  '<ZKN:omschrijving>Volle zaak</ZKN:omschrijving><ZKN:toelichting>Alles gevuld</ZKN:toelichting>' +
  '<ZKN:kenmerk><ZKN:kenmerk>K-1</ZKN:kenmerk><ZKN:bron>Balie</ZKN:bron></ZKN:kenmerk><ZKN:kenmerk><ZKN:kenmerk>K-2</ZKN:kenmerk><ZKN:bron>Web</ZKN:bron></ZKN:kenmerk>' +
  '<ZKN:anderZaakObject><ZKN:omschrijving>Boom</ZKN:omschrijving><ZKN:aanduiding>Eik</ZKN:aanduiding><ZKN:registratie>BGT</ZKN:registratie></ZKN:anderZaakObject>' +
  '<ZKN:resultaat><ZKN:omschrijving>Verleend</ZKN:omschrijving><ZKN:toelichting>Zonder voorwaarden</ZKN:toelichting></ZKN:resultaat>' +
  '<ZKN:startdatum>20240115</ZKN:startdatum><ZKN:registratiedatum>20240115</ZKN:registratiedatum><ZKN:einddatumGepland>20240301</ZKN:einddatumGepland>' +
  '<ZKN:opschorting><ZKN:indicatie>N</ZKN:indicatie><ZKN:reden>Geen</ZKN:reden></ZKN:opschorting>' +
  '<ZKN:verlenging><ZKN:duur>14</ZKN:duur><ZKN:reden>Advies</ZKN:reden></ZKN:verlenging>' +
  '<ZKN:zaakniveau>1</ZKN:zaakniveau><ZKN:deelzakenIndicatie>J</ZKN:deelzakenIndicatie>' +
  '<StUF:extraElementen><StUF:extraElement naam="kanaal">balie</StUF:extraElement></StUF:extraElementen>';

const VOLLE_RELATIES = (deelzaak: string, andere: string) =>
  '<ZKN:heeftBetrekkingOp StUF:entiteittype="ZAKOBJ" StUF:verwerkingssoort="T"><ZKN:gerelateerde>' + nps(BSN_OBJ) + '</ZKN:gerelateerde>' +
  `<ZKN:omschrijving>Client</ZKN:omschrijving>${tijdvakRelatie('20240101')}</ZKN:heeftBetrekkingOp>` +
  rol('heeftAlsBelanghebbende', '<ZKN:nietNatuurlijkPersoon StUF:entiteittype="NNP" StUF:verwerkingssoort="I"><BG:inn.nnpId>123456789</BG:inn.nnpId>' +
    '<BG:authentiek StUF:metagegeven="true">J</BG:authentiek><BG:statutaireNaam>Stichting</BG:statutaireNaam>' +
    `<BG:sub.correspondentieAdres><BG:wpl.woonplaatsNaam>Delft</BG:wpl.woonplaatsNaam>${postadres}</BG:sub.correspondentieAdres>` +
    '<BG:bezoekadres><BG:aoa.postcode>1234AB</BG:aoa.postcode><BG:aoa.huisnummer>1</BG:aoa.huisnummer></BG:bezoekadres></ZKN:nietNatuurlijkPersoon>') +
  rol('heeftAlsGemachtigde', '<ZKN:vestiging StUF:entiteittype="VES" StUF:verwerkingssoort="I"><BG:vestigingsNummer>000012345678</BG:vestigingsNummer>' +
    '<BG:handelsnaam>Winkel</BG:handelsnaam><BG:verblijfsadres><BG:aoa.postcode>1234AB</BG:aoa.postcode></BG:verblijfsadres></ZKN:vestiging>') +
  '<ZKN:heeftAlsInitiator StUF:entiteittype="ZAKBTRINI" StUF:verwerkingssoort="T"><ZKN:gerelateerde>' +
  nps(BSN_INI, `<BG:sub.correspondentieAdres><BG:postcode>2611AA</BG:postcode>${postadres}</BG:sub.correspondentieAdres><BG:sub.telefoonnummer>0612345678</BG:sub.telefoonnummer>`) +
  '</ZKN:gerelateerde><ZKN:code>INI</ZKN:code><ZKN:omschrijving>Aanvrager</ZKN:omschrijving><ZKN:toelichting>Via balie</ZKN:toelichting>' +
  `<ZKN:afwijkendCorrespondentieAdres><BG:wpl.woonplaatsNaam>Delft</BG:wpl.woonplaatsNaam>${postadres}</ZKN:afwijkendCorrespondentieAdres>` +
  `${tijdvakRelatie('20240101', '20250101')}${GELDIGHEID}<StUF:tijdstipRegistratie>20240115120000000</StUF:tijdstipRegistratie>` +
  '<StUF:extraElementen><StUF:extraElement naam="bron">web</StUF:extraElement></StUF:extraElementen></ZKN:heeftAlsInitiator>' +
  rol('heeftAlsUitvoerende', '<ZKN:organisatorischeEenheid StUF:entiteittype="OEH" StUF:verwerkingssoort="I"><ZKN:identificatie>OE1</ZKN:identificatie><ZKN:naam>Vergunningen</ZKN:naam></ZKN:organisatorischeEenheid>') +
  rol('heeftAlsVerantwoordelijke', '<ZKN:medewerker StUF:entiteittype="MDW" StUF:verwerkingssoort="I"><ZKN:identificatie>MDW-AV</ZKN:identificatie><ZKN:achternaam>Jansen</ZKN:achternaam></ZKN:medewerker>') +
  '<ZKN:heeftAlsOverigBetrokkene StUF:entiteittype="ZAKBTROVR" StUF:verwerkingssoort="T"><ZKN:gerelateerde>' + nps(BSN_OVR) + '</ZKN:gerelateerde>' +
  '<ZKN:afwijkendBuitenlandsCorrespondentieAdres><BG:lnd.landcode>5010</BG:lnd.landcode><BG:lnd.landnaam>België</BG:lnd.landnaam><BG:sub.adresBuitenland1>Rue 1</BG:sub.adresBuitenland1></ZKN:afwijkendBuitenlandsCorrespondentieAdres>' +
  `${GELDIGHEID}</ZKN:heeftAlsOverigBetrokkene>` +
  `<ZKN:heeftAlsDeelzaak StUF:entiteittype="ZAKZAKDEL" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="ZAK" StUF:verwerkingssoort="I"><ZKN:identificatie>${deelzaak}</ZKN:identificatie></ZKN:gerelateerde>` +
  `${tijdvakRelatie('20240115')}</ZKN:heeftAlsDeelzaak>` +
  `<ZKN:heeftBetrekkingOpAndere StUF:entiteittype="ZAKZAKBTR" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="ZAK" StUF:verwerkingssoort="I"><ZKN:identificatie>${andere}</ZKN:identificatie>` +
  '<ZKN:omschrijving>Andere zaak</ZKN:omschrijving></ZKN:gerelateerde></ZKN:heeftBetrekkingOpAndere>' +
  '<ZKN:heeft StUF:entiteittype="ZAKSTT" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="STT" StUF:verwerkingssoort="I">' +
  '<ZKN:volgnummer>1</ZKN:volgnummer><ZKN:omschrijving>Ontvangen</ZKN:omschrijving></ZKN:gerelateerde><ZKN:toelichting>Binnen</ZKN:toelichting>' +
  '<ZKN:datumStatusGezet>20240115100000000</ZKN:datumStatusGezet><StUF:extraElementen><StUF:extraElement naam="kanaal">balie</StUF:extraElement></StUF:extraElementen>' +
  '<ZKN:isGezetDoor StUF:entiteittype="ZAKSTTBTR" StUF:verwerkingssoort="I"><ZKN:gerelateerde>' +
  '<ZKN:medewerker StUF:entiteittype="MDW" StUF:verwerkingssoort="I"><ZKN:identificatie>MDW-AV</ZKN:identificatie></ZKN:medewerker></ZKN:gerelateerde>' +
  `<ZKN:rolOmschrijving>Behandelaar</ZKN:rolOmschrijving>${tijdvakRelatie('20240115')}</ZKN:isGezetDoor></ZKN:heeft>`;

/** Groups given partly: the answer completes them with nil fields. */
const DELEN_ATTRIBUTEN =
  '<ZKN:omschrijving>Halve groepen</ZKN:omschrijving><ZKN:resultaat><ZKN:toelichting>Alleen toelichting</ZKN:toelichting></ZKN:resultaat>' +
  '<ZKN:opschorting><ZKN:indicatie>J</ZKN:indicatie></ZKN:opschorting><ZKN:verlenging><ZKN:reden>Alleen reden</ZKN:reden></ZKN:verlenging>';

// ---- reading answers ----------------------------------------------------------------------------------------

/** A scope naming every element of an answer object (leaves nil), the way a field-by-field client asks. */
/** Every answer collected, validated in one run of the reference validator (skipped, saying why, without it). */
async function allesGeldig(antwoorden: Record<string, string>): Promise<void> {
  if (!heeftShared() || !heeftJava()) {
    console.warn('../shared of java ontbreekt: de antwoorden worden hier niet gevalideerd');
    return;
  }
  const uitslag = await valideerOfficieel(schrijfBerichten(antwoorden));
  expect(uitslag.ongeldig).toEqual([]);
  expect(uitslag.geldig).toBe(Object.keys(antwoorden).length);
}

function scopeUit(e: XElement): XElement {
  const kinderen: XElement[] = [];
  const gezien = new Set<string>();
  for (const c of e.children) {
    const k = `{${c.ns}}${c.local}`;
    if (gezien.has(k)) continue;
    gezien.add(k);
    kinderen.push(scopeUit(c));
  }
  const et = e.attrs.filter((a) => a.ns === NS.stuf && a.local === 'entiteittype');
  return kinderen.length ? el(e.ns, e.local, kinderen, et) : el(e.ns, e.local, undefined, [...et, at(NS.xsi, 'nil', 'true')]);
}

const alsScope = (object: XElement) => serialize(el(NS.zkn, 'scope', [scopeUit(object)]));
const noValue = (e: XElement | undefined) => e && attr(e, NS.stuf, 'noValue');
const isNilEl = (e: XElement | undefined) => !!e && attr(e, NS.xsi, 'nil') === 'true';
const namen = (e: XElement | undefined) => (e?.children ?? []).map((c) => c.local);

/** Every element in a tree with this local name (and namespace). */
function overal(e: XElement | undefined, local: string, ns?: string): XElement[] {
  if (!e) return [];
  const hier = e.local === local && (ns === undefined || e.ns === ns) ? [e] : [];
  return [...hier, ...e.children.flatMap((c) => overal(c, local, ns))];
}

/** The answer's tijdvak groups are whole: tijdvakGeldigheid has begin and end, tijdvakRelatie starts with its begin. */
function tijdvakkenHeel(object: XElement | undefined): void {
  const geldigheid = overal(object, 'tijdvakGeldigheid', NS.stuf);
  for (const g of geldigheid) expect(namen(g)).toEqual(['beginGeldigheid', 'eindGeldigheid']);
  for (const r of overal(object, 'tijdvakRelatie', NS.stuf)) expect(namen(r)[0]).toBe('beginRelatie');
}

/** No group type carries StUF:noValue: the groups of the zaak, the betrokkenen and the relations. */
const GROEPEN = ['kenmerk', 'anderZaakObject', 'resultaat', 'opschorting', 'verlenging', 'verblijfsadres', 'sub.verblijfBuitenland', 'sub.correspondentieAdres',
  'bezoekadres', 'afwijkendCorrespondentieAdres', 'afwijkendBuitenlandsCorrespondentieAdres', 'tijdvakGeldigheid', 'tijdvakRelatie'];
function groepenZonderNoValue(object: XElement | undefined): void {
  for (const naam of GROEPEN) {
    for (const g of overal(object, naam)) {
      // A group is an element with children, or a nil one; the field kenmerk inside the group KenmerkGrp shares its
      // name, and may carry noValue when nil.
      if (g.children.length === 0 && !isNilEl(g)) continue;
      if (naam === 'kenmerk' && g.children.length === 0 && overal(object, 'kenmerk').some((k) => k.children.includes(g))) continue;
      expect([naam, noValue(g)]).toEqual([naam, undefined]);
    }
  }
}

// ---- the run ------------------------------------------------------------------------------------------------

describe.each<Dialect>(['zds12', 'zds11'])('%s: antwoorden naar het schema', (d) => {
  let gw: TestGateway;
  const antwoorden: Record<string, string> = {};
  const VOL = `0599-AV-${d}-VOL`;
  const LEEG = `0599-AV-${d}-LEEG`;
  const DELEN = `0599-AV-${d}-DELEN`;
  const OUD = `0599-AV-${d}-OUD`;
  const DOC = `0599-AV-${d}-DOC`;
  const BSL = `0599-AV-${d}-BSL`;

  type Dienst = 'creeerZaak' | 'geefZaakdetails' | 'geefZaakstatus';
  const stuur = (xml: string, dienst: Dienst) =>
    gw.stuur(inEnvelope(xml), { actie: actie(d, dienst), pad: dienst === 'creeerZaak' ? '/OntvangAsynchroon' : '/BeantwoordVraag' });
  /** Sends a question, keeps the answer for validation, returns antwoord/object. */
  const vraag = async (label: string, r: Promise<{ status: number; body: string; headers: Record<string, unknown> }>) => {
    const a = await r;
    antwoorden[`${d}-${label}`] = a.body;
    return path(goed(a), 'antwoord', 'object');
  };
  const details = (label: string, id: string, scope?: string) => vraag(label, stuur(geefZaakdetails(d, id, scope), 'geefZaakdetails'));
  const creeer = async (id: string, attributen: string, relaties?: string) => {
    goed(await stuur(creeerZaak(d, { id, attributen, relaties }), 'creeerZaak'));
  };

  let volScope: string;

  beforeAll(async () => {
    // The person query is switched off by default (privacy); the shapes of its answers are checked here too.
    gw = await startGateway({ stuf: { persoonsvraag: 'aan' } });
    await creeer(LEEG, '<ZKN:omschrijving>Leeg</ZKN:omschrijving>');
    await creeer(DELEN, DELEN_ATTRIBUTEN);
    await creeer(VOL, VOLLE_ATTRIBUTEN, VOLLE_RELATIES(LEEG, DELEN));
    await creeer(OUD, '<ZKN:omschrijving>Oud record</ZKN:omschrijving>', rol('heeftAlsInitiator', nps('211000009')) +
      '<ZKN:heeftBetrekkingOp StUF:entiteittype="ZAKOBJ" StUF:verwerkingssoort="T"><ZKN:gerelateerde>' + nps('211000008') + '</ZKN:gerelateerde></ZKN:heeftBetrekkingOp>' +
      '<ZKN:heeft StUF:entiteittype="ZAKSTT" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="STT" StUF:verwerkingssoort="I"><ZKN:volgnummer>1</ZKN:volgnummer>' +
      '<ZKN:omschrijving>Ontvangen</ZKN:omschrijving></ZKN:gerelateerde><ZKN:datumStatusGezet>20240115100000000</ZKN:datumStatusGezet>' +
      '<ZKN:isGezetDoor StUF:entiteittype="ZAKSTTBTR" StUF:verwerkingssoort="I"><ZKN:gerelateerde><ZKN:medewerker StUF:entiteittype="MDW" StUF:verwerkingssoort="I">' +
      '<ZKN:identificatie>MDW-AV</ZKN:identificatie></ZKN:medewerker></ZKN:gerelateerde></ZKN:isGezetDoor></ZKN:heeft>');
    const doc = await gw.stuur(inEnvelope(nieuwDocument(d, 'voegZaakdocumentToe', { id: DOC, zaken: [VOL], tekst: 'Brief' })),
      { actie: docActie(d, 'voegZaakdocumentToe'), pad: docPad('voegZaakdocumentToe') });
    goed(doc);
    if (d === 'zds12') {
      expect((await besluitClient(gw).voeg({ id: BSL, zaak: VOL })).status).toBe(200);
    }
    volScope = alsScope((await details('vol-alles', VOL))!);
  });
  afterAll(() => gw.sluit());

  it('alles van een zaak met elke groep gevuld: twee kenmerken heel, de groepen met hun velden, de extraElementen van een status', async () => {
    const o = await details('vol-alles-2', VOL);
    expect(children(o, 'kenmerk').map((k) => namen(k))).toEqual([['kenmerk', 'bron'], ['kenmerk', 'bron']]);
    expect(namen(child(o, 'anderZaakObject'))).toEqual(['omschrijving', 'aanduiding', 'lokatie', 'registratie']);
    expect(namen(child(o, 'opschorting'))).toEqual(['indicatie', 'reden']);
    expect(namen(child(o, 'verlenging'))).toEqual(['duur', 'reden']);
    const ini = child(o, 'heeftAlsInitiator');
    expect(namen(child(ini, 'tijdvakGeldigheid'))).toEqual(['beginGeldigheid', 'eindGeldigheid']);
    expect(noValue(path(ini, 'tijdvakGeldigheid', 'eindGeldigheid'))).toBe('geenWaarde');
    expect(namen(child(ini, 'afwijkendCorrespondentieAdres'))).toEqual(['wpl.woonplaatsNaam', 'sub.postadresType', 'sub.postadresNummer']);
    // The status relation's own extraElementen come back, before isGezetDoor.
    expect(namen(child(o, 'heeft'))).toEqual(['gerelateerde', 'toelichting', 'datumStatusGezet', 'indicatieLaatsteStatus', 'extraElementen', 'isGezetDoor']);
    expect(path(o, 'heeft', 'extraElementen', 'extraElement')?.text).toBe('balie');
    tijdvakkenHeel(o);
    groepenZonderNoValue(o);
  });

  it('veld voor veld gevraagd (de scope van het volle antwoord) over de volle zaak geeft hetzelfde als alles', async () => {
    const o = await details('vol-scope', VOL, volScope);
    expect(children(o, 'kenmerk')).toHaveLength(2);
    expect(children(o, 'heeftAlsInitiator')).toHaveLength(1);
    tijdvakkenHeel(o);
    groepenZonderNoValue(o);
  });

  it('een lege zaak veld voor veld: kenmerk en anderZaakObject nil zonder noValue, opschorting en verlenging met hun velden nil', async () => {
    const o = await details('leeg-scope', LEEG, volScope);
    for (const naam of ['kenmerk', 'anderZaakObject']) {
      const g = children(o, naam);
      expect(g).toHaveLength(1);
      expect(isNilEl(g[0])).toBe(true);
      expect(noValue(g[0])).toBeUndefined();
      expect(g[0].children).toEqual([]);
    }
    for (const [naam, velden] of [['opschorting', ['indicatie', 'reden']], ['verlenging', ['duur', 'reden']], ['resultaat', ['omschrijving', 'toelichting']]] as const) {
      const g = child(o, naam)!;
      expect(noValue(g)).toBeUndefined();
      expect(namen(g)).toEqual(velden);
      expect(g.children.map(noValue)).toEqual(velden.map(() => 'geenWaarde'));
    }
    groepenZonderNoValue(o);
  });

  it('groepen die een afzender maar half gaf worden met de ontbrekende velden nil beantwoord', async () => {
    for (const [label, scope] of [['delen-alles', undefined], ['delen-scope', volScope]] as const) {
      const o = await details(label, DELEN, scope);
      expect(namen(child(o, 'opschorting'))).toEqual(['indicatie', 'reden']);
      expect(noValue(path(o, 'opschorting', 'reden'))).toBe('geenWaarde');
      expect(namen(child(o, 'verlenging'))).toEqual(['duur', 'reden']);
      expect(noValue(path(o, 'verlenging', 'duur'))).toBe('geenWaarde');
      expect(path(o, 'resultaat', 'toelichting')?.text).toBe('Alleen toelichting');
    }
  });

  it('wat een eerdere versie opsloeg (half tijdvak, nil groep met noValue, halve postadressen, een kenmerk zonder bron) wordt geldig beantwoord', async () => {
    const x = (ns: string, local: string, text = '', kinderen: unknown[] = [], attrs: unknown[] = []) => ({ ns, local, attrs, children: kinderen, text });
    const nil = (ns: string, local: string) => x(ns, local, '', [], [{ ns: NS.xsi, local: 'nil', value: 'true' }, { ns: NS.stuf, local: 'noValue', value: 'geenWaarde' }]);
    const rolVelden = [
      x(NS.zkn, 'omschrijving', 'Aanvrager'),
      x(NS.zkn, 'afwijkendCorrespondentieAdres', '', [x(NS.bg, 'postcode', '2611AA'), x(NS.bg, 'sub.postadresType', 'P')]),
      x(NS.stuf, 'tijdvakRelatie', '', [x(NS.stuf, 'eindRelatie', '20250101')]),
      x(NS.stuf, 'tijdvakGeldigheid', '', [x(NS.stuf, 'beginGeldigheid', '20240101')]),
    ];
    const objVelden = [nil(NS.stuf, 'tijdvakRelatie'), x(NS.zkn, 'omschrijving', 'Client')];
    const persoon = [
      x(NS.bg, 'inp.bsn', '211000009'), x(NS.bg, 'geslachtsnaam', 'Vries'),
      x(NS.bg, 'sub.correspondentieAdres', '', [x(NS.bg, 'postcode', '2611AA'), x(NS.bg, 'sub.postadresNummer', '12')]),
    ];
    const gezetDoor = x(NS.zkn, 'isGezetDoor', '', [
      x(NS.zkn, 'gerelateerde', '', [x(NS.zkn, 'medewerker', '', [x(NS.zkn, 'identificatie', 'MDW-AV')], [{ ns: NS.stuf, local: 'entiteittype', value: 'MDW' }])]),
      x(NS.stuf, 'tijdvakRelatie', '', [x(NS.stuf, 'eindRelatie', '20250101')]),
    ], [{ ns: NS.stuf, local: 'entiteittype', value: 'ZAKSTTBTR' }]);
    await gw.app.gateway.store.sql.transactie(async (sql) => {
      const zaak = (await sql.een<{ id: number; data: string }>('SELECT id, data FROM zaak WHERE identificatie = ?', [OUD]))!;
      const data = JSON.parse(zaak.data);
      data.groepen = { opschorting: { reden: { w: 'Wacht' } } };
      data.kenmerken = [{ kenmerk: 'K-OUD', bron: '' }];
      data.anderZaakObjecten = [x(NS.zkn, 'anderZaakObject', '', [x(NS.zkn, 'omschrijving', 'Boom'), nil(NS.zkn, 'aanduiding')], [{ ns: NS.stuf, local: 'noValue', value: 'geenWaarde' }])];
      await sql.voer('UPDATE zaak SET data = ? WHERE id = ?', [JSON.stringify(data), zaak.id]);
      expect(await sql.voer('UPDATE rol SET velden = ? WHERE zaak_id = ?', [JSON.stringify(rolVelden), zaak.id])).toBe(1);
      expect(await sql.voer('UPDATE zaakobject SET velden = ? WHERE zaak_id = ?', [JSON.stringify(objVelden), zaak.id])).toBe(1);
      expect(await sql.voer("UPDATE betrokkene SET velden = ? WHERE soort = 'NPS' AND sleutel = ?", [JSON.stringify(persoon), '211000009'])).toBe(1);
      const status = (await sql.een<{ id: number; data: string }>('SELECT id, data FROM status WHERE zaak_id = ?', [zaak.id]))!;
      await sql.voer('UPDATE status SET data = ? WHERE id = ?', [JSON.stringify({ ...JSON.parse(status.data), gezetDoor }), status.id]);
    });
    for (const [label, scope] of [['oud-alles', undefined], ['oud-scope', volScope]] as const) {
      const o = await details(label, OUD, scope);
      const ini = child(o, 'heeftAlsInitiator');
      expect(namen(child(ini, 'tijdvakGeldigheid'))).toEqual(['beginGeldigheid', 'eindGeldigheid']);
      expect(isNilEl(path(ini, 'tijdvakGeldigheid', 'eindGeldigheid'))).toBe(true);
      expect(noValue(path(ini, 'tijdvakGeldigheid', 'eindGeldigheid'))).toBe('geenWaarde');
      expect(namen(child(ini, 'tijdvakRelatie'))).toEqual(['beginRelatie', 'eindRelatie']);
      expect(namen(child(ini, 'afwijkendCorrespondentieAdres'))).toEqual(['postcode', 'sub.postadresType', 'sub.postadresNummer']);
      expect(namen(path(ini, 'gerelateerde', 'natuurlijkPersoon', 'sub.correspondentieAdres'))).toEqual(['postcode', 'sub.postadresType', 'sub.postadresNummer']);
      expect(namen(child(o, 'opschorting'))).toEqual(['indicatie', 'reden']);
      expect(namen(child(o, 'kenmerk'))).toEqual(['kenmerk', 'bron']);
      expect(noValue(path(o, 'kenmerk', 'bron'))).toBe('geenWaarde');
      expect(noValue(child(o, 'anderZaakObject'))).toBeUndefined();
      expect(namen(child(o, 'anderZaakObject'))).toEqual(['omschrijving', 'aanduiding', 'lokatie', 'registratie']);
      expect(namen(path(o, 'heeft', 'isGezetDoor', 'tijdvakRelatie'))).toEqual(['beginRelatie', 'eindRelatie']);
      tijdvakkenHeel(o);
      groepenZonderNoValue(o);
    }
  });

  it('wat een afzender half of leeg stuurt (tijdvakGeldigheid met alleen een begin, nil groepen) geeft daarna geldige antwoorden', async () => {
    const id = `0599-AV-${d}-INVOER`;
    const halfTijdvak = '<StUF:tijdvakGeldigheid><StUF:beginGeldigheid>20240101</StUF:beginGeldigheid></StUF:tijdvakGeldigheid>';
    await creeer(id, VOLLE_ATTRIBUTEN.replace('Volle zaak', 'Invoer'),
      `<ZKN:heeftAlsInitiator StUF:entiteittype="ZAKBTRINI" StUF:verwerkingssoort="T"><ZKN:gerelateerde>${nps('211000010')}</ZKN:gerelateerde>` +
      `<ZKN:omschrijving>Aanvrager</ZKN:omschrijving>${tijdvakRelatie('20240101')}${halfTijdvak}</ZKN:heeftAlsInitiator>`);
    // The groups cleared: each sent nil in nieuw, its current value in oud.
    const oud = '<ZKN:resultaat><ZKN:omschrijving>Verleend</ZKN:omschrijving><ZKN:toelichting>Zonder voorwaarden</ZKN:toelichting></ZKN:resultaat>' +
      '<ZKN:opschorting><ZKN:indicatie>N</ZKN:indicatie><ZKN:reden>Geen</ZKN:reden></ZKN:opschorting><ZKN:verlenging><ZKN:duur>14</ZKN:duur><ZKN:reden>Advies</ZKN:reden></ZKN:verlenging>';
    const nieuw = '<ZKN:resultaat xsi:nil="true"/><ZKN:opschorting xsi:nil="true"/><ZKN:verlenging xsi:nil="true"/>';
    goed(await gw.stuur(inEnvelope(wijzig(d, 'updateZaak', id, oud, nieuw)), { actie: actie(d, 'updateZaak'), pad: '/OntvangAsynchroon' }));
    for (const [label, scope] of [['invoer-alles', undefined], ['invoer-scope', volScope]] as const) {
      const o = await details(label, id, scope);
      expect(child(o, 'heeftAlsInitiator')).toBeDefined();
      if (scope) for (const naam of ['resultaat', 'opschorting', 'verlenging']) expect(child(o, naam)!.children.map(noValue)).toEqual(['geenWaarde', 'geenWaarde']);
      else for (const naam of ['resultaat', 'opschorting', 'verlenging']) expect(child(o, naam)).toBeUndefined();
      tijdvakkenHeel(o);
      groepenZonderNoValue(o);
    }
  });

  it('geefZaakstatus, geefLijstZaakdocumenten en geefZaakdocumentLezen van deze zaken', async () => {
    for (const id of [VOL, LEEG, OUD]) {
      const s = await vraag(`status-${id}`, stuur(geefZaakstatus(d, id, false), 'geefZaakstatus'));
      expect(child(s, 'identificatie')?.text).toBe(id);
      const lijst = await vraag(`lijst-${id}`, gw.stuur(inEnvelope(geefLijst(d, id)), { actie: docActie(d, 'geefLijstZaakdocumenten'), pad: docPad('geefLijstZaakdocumenten') }));
      expect(children(lijst, 'heeftRelevant').length).toBeGreaterThan(0);
    }
    const doc = await vraag('lezen', gw.stuur(inEnvelope(geefLezen(d, DOC)), { actie: docActie(d, 'geefZaakdocumentLezen'), pad: docPad('geefZaakdocumentLezen') }));
    expect(child(doc, 'identificatie')?.text).toBe(DOC);
  });

  if (d === 'zds12') {
    it('geefLijstBesluiten en geefBesluitdetails, alles en veld voor veld', async () => {
      const lijstStuur = (id: string, scope?: string) => gw.stuur(inEnvelope(geefLijstBesluiten(id, scope ? { scope } : {})), { actie: actie('zds12', 'geefZaakdetails').replace('geefZaakdetails_ZakLv01', 'geefLijstBesluiten_ZakLv01'), pad: '/BeantwoordVraag' });
      const lijst = await vraag('besluiten-alles', lijstStuur(VOL, '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK" StUF:scope="alles"/></ZKN:scope>'));
      const besluit = child(child(lijst, 'leidtTot'), 'gerelateerde');
      expect(namen(child(besluit, 'tijdvakGeldigheid'))).toEqual(['beginGeldigheid', 'eindGeldigheid']);
      await vraag('besluiten-scope', lijstStuur(VOL, alsScope(lijst!)));
      await vraag('besluiten-leeg', lijstStuur(LEEG, alsScope(lijst!)));
      const detailsStuur = (scope?: string) => gw.stuur(inEnvelope(geefBesluitdetails(BSL, scope)), { actie: actie('zds12', 'geefZaakdetails').replace('geefZaakdetails_ZakLv01', 'geefBesluitdetails_BslLv01'), pad: '/BeantwoordVraag' });
      const alles = await vraag('besluit-alles', detailsStuur());
      tijdvakkenHeel(alles);
      const veldVoorVeld = await vraag('besluit-scope', detailsStuur(alsScope(alles!)));
      tijdvakkenHeel(veldVoorVeld);
      groepenZonderNoValue(veldVoorVeld);
    });
  }

  if (d === 'zds11') {
    it('de persoonsvraag (zakLv01 op initiator) met de scope van het volle antwoord', async () => {
      const r = await gw.stuur(inEnvelope(zoekZaken({ initiator: `11${BSN_INI}` }, { scope: volScope })), { actie: ZAKLV01_ACTIE, pad: '/BeantwoordVraag' });
      antwoorden[`${d}-zoek`] = r.body;
      const objecten = children(child(goed(r), 'antwoord'), 'object');
      expect(objecten.map((o) => child(o, 'identificatie')?.text)).toContain(VOL);
      for (const o of objecten) {
        tijdvakkenHeel(o);
        groepenZonderNoValue(o);
      }
    });
  }

  it('elk antwoord hierboven is geldig volgens de referentievalidator', async () => {
    expect(Object.keys(antwoorden).length).toBeGreaterThan(10);
    await allesGeldig(antwoorden);
  });
});

// A plan seen without plan rights and an ordinary zaak seen by a kcc: withheld groups are the group with each field
// nil (nietGeautoriseerd), never a group with noValue.
describe.each<Dialect>(['zds12', 'zds11'])('%s: afgeschermde groepen', (d) => {
  let gw: TestGateway;
  const antwoorden: Record<string, string> = {};
  const PLAN = `0599-AV-${d}-GZP`;
  const ZAAK = `0599-AV-${d}-KCC`;
  const vraag = async (label: string, wie: TestRol, id: string, scope?: string) => {
    const r = await gw.stuur(inEnvelope(geefZaakdetails(d, id, scope, als(wie))), { actie: actie(d, 'geefZaakdetails'), pad: '/BeantwoordVraag', headers: aanmelding(wie) });
    antwoorden[`${d}-${label}`] = r.body;
    return path(goed(r), 'antwoord', 'object');
  };

  beforeAll(async () => {
    gw = await startGateway(beveiligd());
    const maak = async (id: string, zaaktype: string, relaties: string) => {
      const r = await gw.stuur(inEnvelope(creeerZaak(d, { id, zaaktype, attributen: VOLLE_ATTRIBUTEN, relaties, sturing: als('regie') })),
        { actie: actie(d, 'creeerZaak'), pad: '/OntvangAsynchroon', headers: aanmelding('regie') });
      goed(r);
    };
    await maak(PLAN, GZP, client('211000020') + regisseur());
    await maak(ZAAK, 'B1026', client('211000021') + rol('heeftAlsInitiator', nps('211000022')));
  });
  afterAll(() => gw.sluit());

  it('een plan zonder planrechten: kenmerk, anderZaakObject en de enkele groepen als groep met velden nietGeautoriseerd', async () => {
    const scope = alsScope((await vraag('plan-regie', 'regie', PLAN))!);
    for (const [label, s] of [['plan-alles', undefined], ['plan-scope', scope]] as const) {
      const o = await vraag(label, 'backoffice', PLAN, s);
      for (const [naam, velden] of [['kenmerk', ['kenmerk', 'bron']], ['anderZaakObject', ['omschrijving', 'aanduiding', 'lokatie', 'registratie']],
        ['resultaat', ['omschrijving', 'toelichting']], ['opschorting', ['indicatie', 'reden']], ['verlenging', ['duur', 'reden']]] as const) {
        const g = children(o, naam);
        expect(g).toHaveLength(1);
        expect(noValue(g[0])).toBeUndefined();
        expect(namen(g[0])).toEqual(velden);
        expect(g[0].children.map(noValue)).toEqual(velden.map(() => 'nietGeautoriseerd'));
      }
      groepenZonderNoValue(o);
    }
  });

  it('een gewone zaak voor een kcc (procesweergave): de groepen zoals gehouden, tijdvakken heel', async () => {
    const scope = alsScope((await vraag('kcc-regie', 'regie', ZAAK))!);
    for (const [label, s] of [['kcc-alles', undefined], ['kcc-scope', scope]] as const) {
      const o = await vraag(label, 'kcc', ZAAK, s);
      expect(children(o, 'kenmerk').map(namen)).toEqual([['kenmerk', 'bron'], ['kenmerk', 'bron']]);
      tijdvakkenHeel(o);
      groepenZonderNoValue(o);
    }
  });

  it('elk antwoord hierboven is geldig volgens de referentievalidator', async () => {
    await allesGeldig(antwoorden);
  });
});
