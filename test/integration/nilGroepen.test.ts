// Nil groups and empty relations, read by the schema (issue 14, point 1): a group sent nil, or none of whose children
// holds a value, means "no value" (in nieuw and creeerZaak: clear it, store nothing; in oud: it was empty); a relation
// whose gerelateerde is nil or empty names nothing. In both dialects, lenient and strict, over real HTTP. Every
// message that should be accepted is first shown schema-valid with the reference validator; after each accepted
// change a geefZaakdetails with scope alles is asked (its answer is validated by the global teardown) and the stored
// effect asserted. What the schema refuses (an empty ZAK gerelateerde without entiteittype) is read leniently and
// refused in strict mode; half a kenmerk (bron sent nil: schema-valid) is kept as sent and answered with bron nil.
import { XElement, child, children, path } from '../../src/stuf/xml';
import { heeftShared } from '../support/paden';
import { MODI, Modus, gatewaysPerModus } from '../support/modi';
import { goed, isNilElement, objectUit, schoneFout, sleutels, tekst } from '../support/antwoorden';
import { schrijfBerichten, valideerOfficieel } from '../support/schemaValidatie';
import { Dialect, creeerZaak, medewerker, persoon, rol, wijzig } from '../support/dialecten';
import * as doc from '../support/documentBerichten';
import { besluitdocument, updateBesluit, voegBesluitToe, geefBesluitdetails } from '../support/besluitBerichten';
import { ZDS12 } from '../support/soap';

const NIL = 'xsi:nil="true" StUF:noValue="geenWaarde"';
const KENMERK = (k: string, b: string) => `<ZKN:kenmerk><ZKN:kenmerk>${k}</ZKN:kenmerk><ZKN:bron>${b}</ZKN:bron></ZKN:kenmerk>`;
const NIL_KENMERK = `<ZKN:kenmerk><ZKN:kenmerk ${NIL}/><ZKN:bron ${NIL}/></ZKN:kenmerk>`;
const HALF_KENMERK = `<ZKN:kenmerk><ZKN:kenmerk>K-9</ZKN:kenmerk><ZKN:bron ${NIL}/></ZKN:kenmerk>`;
const ANDER_ZAAKOBJECT = `<ZKN:anderZaakObject><ZKN:omschrijving>Perceel</ZKN:omschrijving><ZKN:aanduiding>A-1</ZKN:aanduiding><ZKN:lokatie ${NIL}/><ZKN:registratie>BRK</ZKN:registratie></ZKN:anderZaakObject>`;
const NIL_ANDER_ZAAKOBJECT = `<ZKN:anderZaakObject><ZKN:omschrijving ${NIL}/><ZKN:aanduiding ${NIL}/><ZKN:lokatie ${NIL}/><ZKN:registratie ${NIL}/></ZKN:anderZaakObject>`;
const RESULTAAT = '<ZKN:resultaat><ZKN:omschrijving>Verleend</ZKN:omschrijving><ZKN:toelichting>Geheel</ZKN:toelichting></ZKN:resultaat>';
const NIL_RESULTAAT = `<ZKN:resultaat><ZKN:omschrijving ${NIL}/><ZKN:toelichting ${NIL}/></ZKN:resultaat>`;
const OPSCHORTING = '<ZKN:opschorting><ZKN:indicatie>J</ZKN:indicatie><ZKN:reden>Wacht op stukken</ZKN:reden></ZKN:opschorting>';
const NIL_OPSCHORTING = `<ZKN:opschorting><ZKN:indicatie ${NIL}/><ZKN:reden ${NIL}/></ZKN:opschorting>`;
const VERLENGING = '<ZKN:verlenging><ZKN:duur>14</ZKN:duur><ZKN:reden>Advies</ZKN:reden></ZKN:verlenging>';
const NIL_VERLENGING = `<ZKN:verlenging><ZKN:duur ${NIL}/><ZKN:reden ${NIL}/></ZKN:verlenging>`;

interface Groepen { kenmerk?: string; anderZaakObject?: string; resultaat?: string; opschorting?: string; verlenging?: string }
/** The groups of a ZAK in schema order, around the attributes creeerZaak needs. */
const attributen = (g: Groepen) =>
  `<ZKN:omschrijving>Nilgroepen</ZKN:omschrijving>${g.kenmerk ?? ''}${g.anderZaakObject ?? ''}${g.resultaat ?? ''}` +
  `<ZKN:startdatum>20240115</ZKN:startdatum><ZKN:registratiedatum>20240115</ZKN:registratiedatum>${g.opschorting ?? ''}${g.verlenging ?? ''}` +
  '<ZKN:zaakniveau>1</ZKN:zaakniveau><ZKN:deelzakenIndicatie>N</ZKN:deelzakenIndicatie>';
/** Only the groups, for an oud or nieuw object. */
const groepen = (g: Groepen) => `${g.kenmerk ?? ''}${g.anderZaakObject ?? ''}${g.resultaat ?? ''}${g.opschorting ?? ''}${g.verlenging ?? ''}`;

const ALLE_GROEPEN: Groepen = { kenmerk: KENMERK('K-1', 'Balie'), anderZaakObject: ANDER_ZAAKOBJECT, resultaat: RESULTAAT, opschorting: OPSCHORTING, verlenging: VERLENGING };
const NIL_GROEPEN: Groepen = { kenmerk: NIL_KENMERK, anderZaakObject: NIL_ANDER_ZAAKOBJECT, resultaat: NIL_RESULTAAT, opschorting: NIL_OPSCHORTING, verlenging: NIL_VERLENGING };

const leegGerelateerde = (naam: string, et: string, vs: string, gerelateerde: string) =>
  `<ZKN:${naam} StUF:entiteittype="${et}" StUF:verwerkingssoort="${vs}">${gerelateerde}</ZKN:${naam}>`;
const andereZaak = (id: string, vs = 'T') =>
  leegGerelateerde('heeftBetrekkingOpAndere', 'ZAKZAKBTR', vs, `<ZKN:gerelateerde StUF:entiteittype="ZAK" StUF:verwerkingssoort="I"><ZKN:identificatie>${id}</ZKN:identificatie></ZKN:gerelateerde>`);

/** Messages that must be schema-valid, by label: checked with the reference validator after the run. */
const geldig: Record<string, string> = {};
let teller = 0;

const heeftGroep = (o: XElement | undefined, naam: string) => children(o, naam).some((g) => !isNilElement(g));

describe.each(['zds12', 'zds11'] as const)('nil-groepen en lege relaties in %s', (d: Dialect) => {
  const id = (mode: string) => `0599-NIL-${d}-${mode.slice(0, 1)}-${++teller}`;
  const per = gatewaysPerModus(d, 'nilGroepen');
  const { gws, stuurZaak } = per;
  const details = async (mode: Modus, zaak: string): Promise<XElement> => {
    const o = await per.details(mode, zaak);
    if (!o) throw new Error(`zaak ${zaak} niet gevonden`);
    return o;
  };
  const schemaGeldig = (label: string, xml: string) => {
    geldig[`${d}-${label}`] = xml;
    return xml;
  };

  describe.each(MODI)('%s', (mode) => {
    it('creeerZaak met elke groep nil en relaties zonder gerelateerde: aangenomen, niets daarvan opgeslagen', async () => {
      const zaak = id(mode);
      const relaties =
        '<ZKN:heeftBetrekkingOp StUF:entiteittype="ZAKOBJ" StUF:verwerkingssoort="T"><ZKN:gerelateerde xsi:nil="true"/></ZKN:heeftBetrekkingOp>' +
        leegGerelateerde('heeftAlsBelanghebbende', 'ZAKBTRBLH', 'T', '<ZKN:gerelateerde/>') +
        rol('heeftAlsInitiator', medewerker('MDW-1')) +
        leegGerelateerde('heeftBetrekkingOpAndere', 'ZAKZAKBTR', 'T', `<ZKN:gerelateerde StUF:entiteittype="ZAK" StUF:verwerkingssoort="I"><ZKN:identificatie ${NIL}/></ZKN:gerelateerde>`) +
        `<ZKN:leidtTot StUF:entiteittype="ZAKBSL" StUF:verwerkingssoort="T" ${NIL}/>`;
      const xml = schemaGeldig(`creeer-nil-${mode}`, creeerZaak(d, { id: zaak, attributen: attributen(NIL_GROEPEN), relaties }));
      goed(await stuurZaak(mode, xml, 'creeerZaak'));
      const o = await details(mode, zaak);
      for (const g of ['kenmerk', 'anderZaakObject', 'resultaat', 'opschorting', 'verlenging']) expect(heeftGroep(o, g)).toBe(false);
      expect(sleutels(o, 'heeftAlsInitiator')).toEqual(['MDW-1']);
      for (const r of ['heeftBetrekkingOp', 'heeftAlsBelanghebbende', 'heeftBetrekkingOpAndere']) expect(heeftGroep(o, r)).toBe(false);
      expect((await gws[mode].gw.app.gateway.store.zaken.vind(zaak))!.data).toMatchObject({ kenmerken: [], anderZaakObjecten: [], groepen: {} });
    });

    it('updateZaak: nil-groepen in nieuw wissen kenmerk, anderZaakObject, resultaat, opschorting en verlenging', async () => {
      const zaak = id(mode);
      goed(await stuurZaak(mode, schemaGeldig(`creeer-vol-${mode}`, creeerZaak(d, { id: zaak, attributen: attributen(ALLE_GROEPEN) })), 'creeerZaak'));
      const voor = await details(mode, zaak);
      expect(tekst(voor, 'kenmerk', 'bron')).toBe('Balie');
      expect(tekst(voor, 'opschorting', 'reden')).toBe('Wacht op stukken');
      goed(await stuurZaak(mode, schemaGeldig(`wis-${mode}`, wijzig(d, 'updateZaak', zaak, groepen(ALLE_GROEPEN), groepen(NIL_GROEPEN))), 'updateZaak'));
      const o = await details(mode, zaak);
      for (const g of ['kenmerk', 'anderZaakObject', 'resultaat', 'opschorting', 'verlenging']) expect(heeftGroep(o, g)).toBe(false);
      const data = (await gws[mode].gw.app.gateway.store.zaken.vind(zaak))!.data;
      expect(data.kenmerken).toEqual([]);
      expect(data.anderZaakObjecten).toEqual([]);
      expect(data.groepen).toEqual({});
    });

    it('updateZaak: oud meldt lege huidige waarden als nil-groepen en lege gerelateerde; nieuw vult ze', async () => {
      const zaak = id(mode);
      goed(await stuurZaak(mode, creeerZaak(d, { id: zaak }), 'creeerZaak'));
      const oud = groepen(NIL_GROEPEN) + leegGerelateerde('heeftAlsBelanghebbende', 'ZAKBTRBLH', 'T', '<ZKN:gerelateerde/>') +
        leegGerelateerde('heeftBetrekkingOpAndere', 'ZAKZAKBTR', 'T', `<ZKN:gerelateerde StUF:entiteittype="ZAK" StUF:verwerkingssoort="I"><ZKN:identificatie ${NIL}/></ZKN:gerelateerde>`);
      const nieuw = groepen({ ...ALLE_GROEPEN, kenmerk: KENMERK('K-2', 'Post') + NIL_KENMERK }) + rol('heeftAlsBelanghebbende', persoon('111222333')) + andereZaak('0599-ANDERE-1');
      goed(await stuurZaak(mode, schemaGeldig(`vul-${mode}`, wijzig(d, 'updateZaak', zaak, oud, nieuw)), 'updateZaak'));
      const o = await details(mode, zaak);
      expect(children(o, 'kenmerk').map((k) => `${tekst(k, 'kenmerk')}/${tekst(k, 'bron')}`)).toEqual(['K-2/Post']);
      expect(tekst(o, 'anderZaakObject', 'omschrijving')).toBe('Perceel');
      expect(tekst(o, 'resultaat', 'omschrijving')).toBe('Verleend');
      expect(tekst(o, 'verlenging', 'duur')).toBe('14');
      expect(sleutels(o, 'heeftAlsBelanghebbende')).toEqual(['111222333']);
      expect(sleutels(o, 'heeftBetrekkingOpAndere')).toEqual(['0599-ANDERE-1']);
    });

    it('updateZaak met een nil oud-object (er was niets te melden): nieuw wordt verwerkt', async () => {
      const zaak = id(mode);
      goed(await stuurZaak(mode, creeerZaak(d, { id: zaak }), 'creeerZaak'));
      const xml = wijzig(d, 'updateZaak', zaak, '', groepen({ kenmerk: KENMERK('K-5', 'Web') }))
        .replace(`<ZKN:object StUF:entiteittype="ZAK" StUF:verwerkingssoort="W"><ZKN:identificatie>${zaak}</ZKN:identificatie></ZKN:object>`,
          '<ZKN:object StUF:entiteittype="ZAK" StUF:verwerkingssoort="W" xsi:nil="true"/>');
      expect(xml).toContain('xsi:nil="true"/><ZKN:object');
      goed(await stuurZaak(mode, schemaGeldig(`nil-oud-${mode}`, xml), 'updateZaak'));
      expect(tekst(await details(mode, zaak), 'kenmerk', 'kenmerk')).toBe('K-5');
    });

    it('een relatie verwijderen (V) met een lege gerelateerde in oud: er was er geen, er verandert niets', async () => {
      const zaak = id(mode);
      goed(await stuurZaak(mode, creeerZaak(d, { id: zaak, relaties: rol('heeftAlsInitiator', medewerker('MDW-1')) + rol('heeftAlsUitvoerende', medewerker('MDW-2')) }), 'creeerZaak'));
      const xml = wijzig(d, 'updateZaak', zaak,
        leegGerelateerde('heeftAlsUitvoerende', 'ZAKBTRUTV', 'V', '<ZKN:gerelateerde/>'),
        `<ZKN:heeftAlsUitvoerende StUF:entiteittype="ZAKBTRUTV" StUF:verwerkingssoort="V" ${NIL}/>`);
      goed(await stuurZaak(mode, schemaGeldig(`verwijder-leeg-${mode}`, xml), 'updateZaak'));
      expect(sleutels(await details(mode, zaak), 'heeftAlsUitvoerende')).toEqual(['MDW-2']);
    });

    it('betrokkenen: een adresgroep en een tijdvakGeldigheid met alleen nil-velden worden niet opgeslagen; in een W wist een nil-groep de opgeslagen', async () => {
      const zaak = id(mode);
      const bsn = mode === 'strict' ? '111222334' : '111222335';
      const nilAdres = `<BG:verblijfsadres><BG:wpl.woonplaatsNaam ${NIL}/><BG:gor.openbareRuimteNaam ${NIL}/><BG:aoa.huisnummer ${NIL}/></BG:verblijfsadres>`;
      const afwijkend = '<ZKN:afwijkendCorrespondentieAdres><BG:wpl.woonplaatsNaam>Utrecht</BG:wpl.woonplaatsNaam><BG:postcode>3511AB</BG:postcode>' +
        '<BG:gor.straatnaam>Domplein</BG:gor.straatnaam><BG:aoa.huisnummer>1</BG:aoa.huisnummer></ZKN:afwijkendCorrespondentieAdres>';
      const nilAfwijkend = `<ZKN:afwijkendCorrespondentieAdres><BG:wpl.woonplaatsNaam ${NIL}/><BG:postcode ${NIL}/></ZKN:afwijkendCorrespondentieAdres>`;
      const nilTijdvak = `<StUF:tijdvakGeldigheid><StUF:beginGeldigheid ${NIL}/><StUF:eindGeldigheid ${NIL}/></StUF:tijdvakGeldigheid>`;
      const belanghebbende = (vs: string, velden: string) =>
        `<ZKN:heeftAlsBelanghebbende StUF:entiteittype="ZAKBTRBLH" StUF:verwerkingssoort="${vs}"><ZKN:gerelateerde>` +
        `${persoon(bsn, `<BG:geslachtsnaam>Vries</BG:geslachtsnaam>${nilAdres}`)}</ZKN:gerelateerde>${velden}</ZKN:heeftAlsBelanghebbende>`;
      goed(await stuurZaak(mode, schemaGeldig(`betrokkene-${mode}`, creeerZaak(d, { id: zaak, relaties: belanghebbende('T', afwijkend + nilTijdvak) + rol('heeftAlsInitiator', medewerker('MDW-1')) })), 'creeerZaak'));
      const store = gws[mode].gw.app.gateway.store;
      const opgeslagen = async () => (await store.betrokkenen.rollen((await store.zaken.vind(zaak))!.id)).find((r) => r.rolsoort === 'heeftAlsBelanghebbende')!;
      expect((await opgeslagen()).betrokkene.velden.map((v) => v.local)).toEqual(['inp.bsn', 'geslachtsnaam']);
      expect((await opgeslagen()).velden.map((v) => v.local)).toEqual(['afwijkendCorrespondentieAdres']);
      await details(mode, zaak);
      goed(await stuurZaak(mode, schemaGeldig(`betrokkene-w-${mode}`, wijzig(d, 'updateZaak', zaak, belanghebbende('W', afwijkend), belanghebbende('W', nilAfwijkend))), 'updateZaak'));
      expect((await opgeslagen()).velden).toEqual([]);
      expect(sleutels(await details(mode, zaak), 'heeftAlsBelanghebbende')).toEqual([bsn]);
    });

    it('een status met een nil isGezetDoor: de status wordt gezet, zonder wie hem zette', async () => {
      const zaak = id(mode);
      goed(await stuurZaak(mode, creeerZaak(d, { id: zaak }), 'creeerZaak'));
      const heeft = '<ZKN:heeft StUF:entiteittype="ZAKSTT" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="STT" StUF:verwerkingssoort="I">' +
        '<ZKN:volgnummer>1</ZKN:volgnummer><ZKN:omschrijving>Ontvangen</ZKN:omschrijving></ZKN:gerelateerde><ZKN:datumStatusGezet>20240116090000</ZKN:datumStatusGezet>' +
        '<ZKN:isGezetDoor StUF:entiteittype="ZAKSTTBTR" StUF:verwerkingssoort="I"><ZKN:gerelateerde xsi:nil="true"/></ZKN:isGezetDoor></ZKN:heeft>';
      const oudeStatus = '<ZKN:heeft StUF:entiteittype="ZAKSTT" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="STT" StUF:verwerkingssoort="I">' +
        `<ZKN:volgnummer ${NIL}/><ZKN:omschrijving ${NIL}/></ZKN:gerelateerde><ZKN:datumStatusGezet ${NIL}/>` +
        '<ZKN:isGezetDoor StUF:entiteittype="ZAKSTTBTR" StUF:verwerkingssoort="I"><ZKN:gerelateerde xsi:nil="true"/></ZKN:isGezetDoor></ZKN:heeft>';
      goed(await stuurZaak(mode, schemaGeldig(`status-${mode}`, wijzig(d, 'actualiseerZaakstatus', zaak, oudeStatus, heeft)), 'actualiseerZaakstatus'));
      const o = await details(mode, zaak);
      expect(tekst(o, 'heeft', 'gerelateerde', 'omschrijving')).toBe('Ontvangen');
      expect(child(child(o, 'heeft'), 'isGezetDoor')).toBeUndefined();
    });

    it('een lege ZAK-gerelateerde zonder entiteittype in oud (het schema weigert die): lenient gelezen als "was leeg", strict StUF055', async () => {
      const zaak = id(mode);
      goed(await stuurZaak(mode, creeerZaak(d, { id: zaak }), 'creeerZaak'));
      const r = await stuurZaak(mode, wijzig(d, 'updateZaak', zaak, leegGerelateerde('heeftBetrekkingOpAndere', 'ZAKZAKBTR', 'T', '<ZKN:gerelateerde/>'), andereZaak('0599-ANDERE-2')), 'updateZaak');
      if (mode === 'strict') {
        const f = schoneFout(r);
        expect(f).toMatchObject({ code: 'StUF055', soort: 'Fo03' });
        expect(f.details).toContain('gerelateerde: StUF:entiteittype ontbreekt');
        expect(heeftGroep(await details(mode, zaak), 'heeftBetrekkingOpAndere')).toBe(false);
      } else {
        goed(r);
        expect(sleutels(await details(mode, zaak), 'heeftBetrekkingOpAndere')).toEqual(['0599-ANDERE-2']);
      }
    });

    it('een lege opschorting zonder xsi:nil (het schema eist beide velden): lenient gewist, strict StUF055', async () => {
      const zaak = id(mode);
      goed(await stuurZaak(mode, creeerZaak(d, { id: zaak, attributen: attributen({ opschorting: OPSCHORTING }) }), 'creeerZaak'));
      const r = await stuurZaak(mode, wijzig(d, 'updateZaak', zaak, OPSCHORTING, '<ZKN:opschorting/>'), 'updateZaak');
      if (mode === 'strict') {
        expect(schoneFout(r).details).toContain("opschorting: lege groep zonder xsi:nil");
        expect(tekst(await details(mode, zaak), 'opschorting', 'indicatie')).toBe('J');
      } else {
        goed(r);
        expect(heeftGroep(await details(mode, zaak), 'opschorting')).toBe(false);
      }
    });

    it('een half kenmerk (bron nil): bewaard zoals verstuurd in beide modi, beantwoord met bron nil', async () => {
      const zaak = id(mode);
      goed(await stuurZaak(mode, creeerZaak(d, { id: zaak, attributen: attributen({ kenmerk: KENMERK('K-1', 'Balie') }) }), 'creeerZaak'));
      const r = await stuurZaak(mode, schemaGeldig(`half-${mode}`, wijzig(d, 'updateZaak', zaak, KENMERK('K-1', 'Balie'), KENMERK('K-3', 'Mail') + HALF_KENMERK)), 'updateZaak');
      goed(r);
      const kenmerken = children(await details(mode, zaak), 'kenmerk');
      expect(kenmerken.map((k) => `${tekst(k, 'kenmerk')}/${tekst(k, 'bron')}`)).toEqual(['K-3/Mail', 'K-9/']);
      expect(isNilElement(child(kenmerken[1], 'bron'))).toBe(true);
    });

    it('documenten: een koppeling in oud zonder zaak (nil identificatie) is "was leeg"; nieuw koppelt aan een tweede zaak', async () => {
      const [z1, z2] = [id(mode), id(mode)];
      for (const z of [z1, z2]) goed(await stuurZaak(mode, creeerZaak(d, { id: z }), 'creeerZaak'));
      const docId = `NIL-${d}-${mode}-${teller}`;
      const stuurDoc = (xml: string, dienst: doc.DocDienst) => gws[mode].http.stuur(xml, doc.docActie(d, dienst), doc.docPad(dienst));
      const nieuwXml = doc.nieuwDocument(d, 'voegZaakdocumentToe', { id: docId, zaken: [z1], tekst: 'inhoud' })
        .replace('</ZKN:object>', `<ZKN:isRelevantVoor StUF:entiteittype="EDCZAK" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="ZAK" StUF:verwerkingssoort="I"><ZKN:identificatie ${NIL}/></ZKN:gerelateerde></ZKN:isRelevantVoor></ZKN:object>`);
      goed(await stuurDoc(schemaGeldig(`doc-nieuw-${mode}`, nieuwXml), 'voegZaakdocumentToe'));
      const leeg = `<ZKN:isRelevantVoor StUF:entiteittype="EDCZAK" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="ZAK" StUF:verwerkingssoort="I"><ZKN:identificatie ${NIL}/></ZKN:gerelateerde></ZKN:isRelevantVoor>`;
      goed(await stuurDoc(schemaGeldig(`doc-update-${mode}`, doc.update(d, docId, { oud: leeg, nieuw: doc.koppeling(z2) })), 'updateZaakdocument'));
      const documenten = gws[mode].gw.app.gateway.store.documenten;
      const gekoppeld = (await documenten.zakenVan((await documenten.vind(docId))!.id)).length;
      expect(gekoppeld).toBe(2);
      for (const z of [z1, z2]) {
        const lijst = objectUit(await stuurDoc(doc.geefLijst(d, z), 'geefLijstZaakdocumenten'));
        expect(children(lijst, 'heeftRelevant').map((h) => tekst(h, 'gerelateerde', 'identificatie'))).toEqual([docId]);
        await details(mode, z);
      }
    });
  });

  if (d === 'zds12') {
    describe.each(MODI)('besluiten (alleen ZDS 1.2), %s', (mode) => {
      it('updateBesluit: een nil tijdvakGeldigheid zegt niets; een lege document-gerelateerde in oud is "was leeg"', async () => {
        const zaak = id(mode);
        goed(await stuurZaak(mode, creeerZaak(d, { id: zaak }), 'creeerZaak'));
        const docId = `NILB-${mode}-${teller}`;
        goed(await gws[mode].http.stuur(doc.nieuwDocument(d, 'voegZaakdocumentToe', { id: docId, zaken: [zaak], tekst: 'besluit' }), doc.docActie(d, 'voegZaakdocumentToe'), '/OntvangAsynchroon'));
        const bsl = `BSL-NIL-${mode}-${teller}`;
        const vraag = (xml: string, a: string) => gws[mode].http.stuur(xml, ZDS12 + a, '/OntvangAsynchroon');
        goed(await vraag(voegBesluitToe({ id: bsl, zaak }), 'voegBesluitToe_Di01'));
        const oud = `<StUF:tijdvakGeldigheid><StUF:beginGeldigheid ${NIL}/><StUF:eindGeldigheid ${NIL}/></StUF:tijdvakGeldigheid>` +
          `<ZKN:isVastgelegdIn StUF:entiteittype="BSLEDC" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="EDC" StUF:verwerkingssoort="I"><ZKN:identificatie ${NIL}/></ZKN:gerelateerde></ZKN:isVastgelegdIn>`;
        const nieuw = `<ZKN:toelichting>Herzien</ZKN:toelichting><StUF:tijdvakGeldigheid><StUF:beginGeldigheid ${NIL}/><StUF:eindGeldigheid ${NIL}/></StUF:tijdvakGeldigheid>${besluitdocument(docId)}`;
        goed(await vraag(schemaGeldig(`besluit-${mode}`, updateBesluit(bsl, oud, nieuw)), 'updateBesluit_BslLk01'));
        const r = await gws[mode].http.stuur(geefBesluitdetails(bsl), ZDS12 + 'geefBesluitdetails_BslLv01', '/BeantwoordVraag');
        const o = objectUit(r);
        expect(tekst(o, 'toelichting')).toBe('Herzien');
        expect(children(o, 'isVastgelegdIn').map((v) => tekst(v, 'gerelateerde', 'identificatie'))).toEqual([docId]);
        expect(path(o, 'tijdvakGeldigheid', 'beginGeldigheid')).toBeDefined();
        await details(mode, zaak);
      });
    });
  }
});

const metShared = heeftShared() ? describe : describe.skip;
metShared('de aangenomen berichten van deze tests', () => {
  it('zijn geldig volgens de officiële schema\'s (StufValidate)', async () => {
    expect(Object.keys(geldig).length).toBeGreaterThan(10);
    const uitslag = await valideerOfficieel(schrijfBerichten(geldig));
    expect(uitslag.ongeldig).toEqual([]);
  }, 120_000);
});

