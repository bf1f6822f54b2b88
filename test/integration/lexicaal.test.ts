// Reading values as the official schema does, in both dialects and modes over real HTTP: every lexical form of an
// integer or boolean the schema accepts ('01', '+1', ' 1 ' for 1; '1'/'0' for true/false) is accepted and stored in
// its canonical form; a value sent nil with StUF:noValue nietOndersteund or nietGeautoriseerd in nieuw leaves the
// stored value alone (geenWaarde and waardeOnbekend clear it); and mutatiesoort T on updateZaakdocument,
// ontkoppelZaakdocument and updateBesluit is read as W (lenient) or refused (strict), as for updateZaak.
import { children } from '../../src/stuf/xml';
import { MODI, Modus, gatewaysPerModus } from '../support/modi';
import { goed, objectUit, schoneFout, sleutels, statussen, tekst } from '../support/antwoorden';
import { ZDS12 } from '../support/soap';
import { Dialect, STANDAARD_ATTRIBUTEN, actie, creeerZaak, geefZaakdetails, medewerker, persoon, rol, status, vraagParameters, wijzig } from '../support/dialecten';
import * as doc from '../support/documentBerichten';
import * as bsl from '../support/besluitBerichten';

const alsT = (xml: string) => xml.replace('<StUF:mutatiesoort>W</StUF:mutatiesoort>', '<StUF:mutatiesoort>T</StUF:mutatiesoort>');

describe.each(['zds12', 'zds11'] as const)('lexicale vormen en noValue in %s', (d: Dialect) => {
  let teller = 0;
  const id = (mode: string) => `0599-LEX-${d}-${mode.slice(0, 1)}-${++teller}`;
  const { gws, stuurZaak, details, stuurDoc } = gatewaysPerModus(d, 'lexicaal');
  const documentTitel = async (mode: Modus, docId: string) => tekst(objectUit(await stuurDoc(mode, doc.geefLezen(d, docId), 'geefZaakdocumentLezen')), 'titel');

  describe.each(MODI)('%s', (mode) => {
    it('zaakniveau, verlenging/duur, een huisnummer en het volgnummer van een statustype in elke lexicale vorm van het schema: canoniek opgeslagen en vergeleken', async () => {
      const zaak = id(mode);
      const attributen = (niveau: string) => STANDAARD_ATTRIBUTEN.replace('<ZKN:zaakniveau>1</ZKN:zaakniveau>', `<ZKN:zaakniveau>${niveau}</ZKN:zaakniveau>`);
      const adres = '<BG:verblijfsadres><BG:wpl.woonplaatsNaam>Utrecht</BG:wpl.woonplaatsNaam><BG:aoa.huisnummer>+012</BG:aoa.huisnummer></BG:verblijfsadres>';
      goed(await stuurZaak(mode, creeerZaak(d, {
        id: zaak, attributen: attributen(' +02 '), relaties: rol('heeftAlsInitiator', persoon('111222333', `<BG:geslachtsnaam>Vries</BG:geslachtsnaam>${adres}`)),
      }), 'creeerZaak'));
      const na = await details(mode, zaak);
      expect(tekst(na, 'zaakniveau')).toBe('2');
      expect(tekst(na, 'heeftAlsInitiator', 'gerelateerde', 'natuurlijkPersoon', 'verblijfsadres', 'aoa.huisnummer')).toBe('12');
      // oud '002' compares equal to the stored 2; nieuw '+3' is stored as 3, duur '+007' as 7.
      goed(await stuurZaak(mode, wijzig(d, 'updateZaak', zaak, '<ZKN:zaakniveau>002</ZKN:zaakniveau>',
        '<ZKN:zaakniveau>+3</ZKN:zaakniveau><ZKN:verlenging><ZKN:duur>+007</ZKN:duur><ZKN:reden>Advies</ZKN:reden></ZKN:verlenging>'), 'updateZaak'));
      let z = await details(mode, zaak);
      expect([tekst(z, 'zaakniveau'), tekst(z, 'verlenging', 'duur')]).toEqual(['3', '7']);
      goed(await stuurZaak(mode, wijzig(d, 'updateZaak', zaak, '<ZKN:verlenging><ZKN:duur>7</ZKN:duur><ZKN:reden>Advies</ZKN:reden></ZKN:verlenging>',
        '<ZKN:verlenging><ZKN:duur>-05</ZKN:duur><ZKN:reden>Ingekort</ZKN:reden></ZKN:verlenging>'), 'updateZaak'));
      expect(tekst(await details(mode, zaak), 'verlenging', 'duur')).toBe('-5');
      // The statustype's volgnummer '+0001' is statustype 1 of the catalogue.
      goed(await stuurZaak(mode, wijzig(d, 'actualiseerZaakstatus', zaak, '',
        status(1, 'Ontvangen', '20240116090000').replace('<ZKN:volgnummer>1</ZKN:volgnummer>', '<ZKN:volgnummer>+0001</ZKN:volgnummer>')), 'actualiseerZaakstatus'));
      z = await details(mode, zaak);
      expect(statussen(z).map((s) => [s.volgnummer, s.omschrijving])).toEqual([['1', 'Ontvangen']]);
    });

    it('een geheel getal buiten het schema (zaakniveau 0 of 4, duur van vier cijfers, volgnummer 0) wordt in beide modi geweigerd, zonder de waarde te noemen', async () => {
      const zaak = id(mode);
      goed(await stuurZaak(mode, creeerZaak(d, { id: zaak }), 'creeerZaak'));
      for (const [nieuw, regel] of [
        ['<ZKN:zaakniveau>4</ZKN:zaakniveau>', 'zaakniveau: waarde is geen geheel getal van 1 tot en met 3'],
        ['<ZKN:zaakniveau>0</ZKN:zaakniveau>', 'zaakniveau: waarde is geen geheel getal van 1 tot en met 3'],
        ['<ZKN:zaakniveau>1.0</ZKN:zaakniveau>', 'zaakniveau: waarde is geen geheel getal van 1 tot en met 3'],
        ['<ZKN:verlenging><ZKN:duur>1000</ZKN:duur><ZKN:reden>r</ZKN:reden></ZKN:verlenging>', 'duur: waarde is geen geheel getal van hoogstens 3 cijfers'],
      ]) {
        const f = schoneFout(await stuurZaak(mode, wijzig(d, 'updateZaak', zaak, '', nieuw), 'updateZaak'));
        expect(f.code).toBe('StUF055');
        expect(f.details).toContain(regel);
      }
      const f = schoneFout(await stuurZaak(mode, wijzig(d, 'actualiseerZaakstatus', zaak, '',
        status(1, 'Ontvangen', '20240116090000').replace('<ZKN:volgnummer>1</ZKN:volgnummer>', '<ZKN:volgnummer>0</ZKN:volgnummer>')), 'actualiseerZaakstatus'));
      expect(f.code).toBe('StUF055');
      expect(tekst(await details(mode, zaak), 'zaakniveau')).toBe('1');
    });

    it("vraagparameters in elke lexicale vorm: sortering '00', indicatorVervolgvraag '0', maximumAantal '+0015', indicatorAantal '0'; 'ja' is geen boolean", async () => {
      const zaak = id(mode);
      goed(await stuurZaak(mode, creeerZaak(d, { id: zaak }), 'creeerZaak'));
      const metParameters = (p: string) => geefZaakdetails(d, zaak).replace(vraagParameters, `<ZKN:parameters>${p}</ZKN:parameters>`);
      const vraag = (p: string) => gws[mode].http.stuur(metParameters(p), actie(d, 'geefZaakdetails'), '/BeantwoordVraag');
      const r = await vraag('<StUF:sortering>00</StUF:sortering><StUF:indicatorVervolgvraag>0</StUF:indicatorVervolgvraag><StUF:maximumAantal>+0015</StUF:maximumAantal><StUF:indicatorAantal>0</StUF:indicatorAantal>');
      expect(tekst(objectUit(r), 'identificatie')).toBe(zaak);
      const f = schoneFout(await vraag('<StUF:sortering>0</StUF:sortering><StUF:indicatorVervolgvraag>ja</StUF:indicatorVervolgvraag>'));
      expect(f).toMatchObject({ code: 'StUF055', soort: 'Fo02' });
      expect(f.details).toContain('parameters/indicatorVervolgvraag: waarde is geen boolean');
    });

    it('nil met noValue nietOndersteund of nietGeautoriseerd in nieuw laat de opgeslagen waarde staan (attribuut, groepsveld, relatie); waardeOnbekend en geenWaarde wissen', async () => {
      const zaak = id(mode);
      const nv = (naam: string, noValue: string) => `<ZKN:${naam} xsi:nil="true" StUF:noValue="${noValue}"/>`;
      goed(await stuurZaak(mode, creeerZaak(d, {
        id: zaak,
        attributen: STANDAARD_ATTRIBUTEN.replace('<ZKN:startdatum>', '<ZKN:toelichting>Bewaard</ZKN:toelichting><ZKN:startdatum>') + '<ZKN:verlenging><ZKN:duur>5</ZKN:duur><ZKN:reden>Advies</ZKN:reden></ZKN:verlenging>',
        relaties: rol('heeftAlsInitiator', medewerker('MDW-1')) + rol('heeftAlsUitvoerende', medewerker('MDW-7')),
      }), 'creeerZaak'));
      const voor = await details(mode, zaak);
      expect([tekst(voor, 'toelichting'), tekst(voor, 'verlenging', 'duur')]).toEqual(['Bewaard', '5']);
      // Attribute, group field and relation sent as not supported / not authorised: nothing of them changes.
      goed(await stuurZaak(mode, wijzig(d, 'updateZaak', zaak, rol('heeftAlsUitvoerende', medewerker('MDW-7'), 'V'),
        `<ZKN:omschrijving>Gewijzigd</ZKN:omschrijving>${nv('toelichting', 'nietOndersteund')}<ZKN:verlenging>${nv('duur', 'nietGeautoriseerd')}<ZKN:reden>Verlengd</ZKN:reden></ZKN:verlenging>` +
        '<ZKN:heeftAlsUitvoerende StUF:entiteittype="ZAKBTRUTV" StUF:verwerkingssoort="V" xsi:nil="true" StUF:noValue="nietGeautoriseerd"/>'), 'updateZaak'));
      // Logged as a note by path (no values), not as a deviation: strict accepted it too.
      const regel = gws[mode].regels.map((r) => JSON.parse(r)).reverse().find((r) => r.msg === 'verwerkt' && r.zaken?.includes(zaak));
      expect(regel.afwijkingen).toEqual([]);
      expect(regel.meldingen.join(' ')).toContain('niet geleverd, opgeslagen waarde blijft: object[2]/toelichting (nietOndersteund), object[2]/verlenging/duur (nietGeautoriseerd), object[2]/heeftAlsUitvoerende (nietGeautoriseerd)');
      let z = await details(mode, zaak);
      expect([tekst(z, 'omschrijving'), tekst(z, 'toelichting'), tekst(z, 'verlenging', 'duur'), tekst(z, 'verlenging', 'reden')]).toEqual(['Gewijzigd', 'Bewaard', '5', 'Verlengd']);
      expect(sleutels(z, 'heeftAlsUitvoerende')).toEqual(['MDW-7']);
      // A creeerZaak may say the same of an element: no value, nothing refused.
      const tweede = id(mode);
      goed(await stuurZaak(mode, creeerZaak(d, { id: tweede, attributen: STANDAARD_ATTRIBUTEN.replace('<ZKN:startdatum>', `${nv('toelichting', 'nietOndersteund')}<ZKN:startdatum>`) }), 'creeerZaak'));
      expect(tekst(await details(mode, tweede), 'toelichting')).toBeUndefined();
      // waardeOnbekend clears as geenWaarde does; the same nil relation with geenWaarde ends the role.
      goed(await stuurZaak(mode, wijzig(d, 'updateZaak', zaak, rol('heeftAlsUitvoerende', medewerker('MDW-7'), 'V'), nv('toelichting', 'waardeOnbekend') + `<ZKN:verlenging>${nv('duur', 'geenWaarde')}${nv('reden', 'geenWaarde')}</ZKN:verlenging>` +
        '<ZKN:heeftAlsUitvoerende StUF:entiteittype="ZAKBTRUTV" StUF:verwerkingssoort="V" xsi:nil="true" StUF:noValue="geenWaarde"/>'), 'updateZaak'));
      z = await details(mode, zaak);
      expect(tekst(z, 'toelichting')).toBeUndefined();
      expect(tekst(z, 'verlenging', 'duur')).toBeUndefined();
      expect(sleutels(z, 'heeftAlsUitvoerende')).toEqual([]);
    });

    it('updateZaakdocument: een titel nil met noValue nietOndersteund in nieuw laat de titel staan', async () => {
      const zaak = id(mode);
      goed(await stuurZaak(mode, creeerZaak(d, { id: zaak }), 'creeerZaak'));
      const docId = `LEXN-${d}-${mode}-${teller}`;
      goed(await stuurDoc(mode, doc.nieuwDocument(d, 'voegZaakdocumentToe', { id: docId, zaken: [zaak], tekst: 'inhoud' }), 'voegZaakdocumentToe'));
      const voor = await documentTitel(mode, docId);
      expect(goed(await stuurDoc(mode, doc.update(d, docId, {
        oud: `<ZKN:titel>${voor}</ZKN:titel>`, nieuw: '<ZKN:titel xsi:nil="true" StUF:noValue="nietOndersteund"/><ZKN:beschrijving>Nieuw</ZKN:beschrijving>',
      }), 'updateZaakdocument')).local).toBe('Bv02Bericht');
      const o = objectUit(await stuurDoc(mode, doc.geefLezen(d, docId), 'geefZaakdocumentLezen'));
      expect([tekst(o, 'titel'), tekst(o, 'beschrijving')]).toEqual([voor, 'Nieuw']);
    });

    it('updateZaakdocument met mutatiesoort T in de edcLk02: lenient gelezen als W, strict StUF055', async () => {
      const zaak = id(mode);
      goed(await stuurZaak(mode, creeerZaak(d, { id: zaak }), 'creeerZaak'));
      const docId = `LEXT-${d}-${mode}-${teller}`;
      goed(await stuurDoc(mode, doc.nieuwDocument(d, 'voegZaakdocumentToe', { id: docId, zaken: [zaak], tekst: 'inhoud' }), 'voegZaakdocumentToe'));
      const voor = await documentTitel(mode, docId);
      const r = await stuurDoc(mode, alsT(doc.update(d, docId, { oud: `<ZKN:titel>${voor}</ZKN:titel>`, nieuw: '<ZKN:titel>Via T gewijzigd</ZKN:titel>' })), 'updateZaakdocument');
      if (mode === 'strict') {
        const f = schoneFout(r);
        expect(f.code).toBe('StUF055');
        expect(f.details).toContain("mutatiesoort is 'T'");
        expect(await documentTitel(mode, docId)).toBe(voor);
      } else {
        expect(goed(r).local).toBe('Bv02Bericht');
        expect(await documentTitel(mode, docId)).toBe('Via T gewijzigd');
      }
    });

    it('ontkoppelZaakdocument met mutatiesoort T in de edcLk02: lenient ontkoppeld, strict StUF055 en de koppeling blijft', async () => {
      const zaak = id(mode);
      goed(await stuurZaak(mode, creeerZaak(d, { id: zaak }), 'creeerZaak'));
      const docId = `LEXO-${d}-${mode}-${teller}`;
      goed(await stuurDoc(mode, doc.nieuwDocument(d, 'voegZaakdocumentToe', { id: docId, zaken: [zaak], tekst: 'inhoud' }), 'voegZaakdocumentToe'));
      const r = await stuurDoc(mode, alsT(doc.ontkoppel(d, docId, zaak)), 'ontkoppelZaakdocument');
      const gekoppeld = async () =>
        children(objectUit(await stuurDoc(mode, doc.geefLijst(d, zaak), 'geefLijstZaakdocumenten')), 'heeftRelevant')
          .filter((h) => h.children.length > 0).map((h) => tekst(h, 'gerelateerde', 'identificatie'));
      if (mode === 'strict') {
        expect(schoneFout(r).code).toBe('StUF055');
        expect(await gekoppeld()).toEqual([docId]);
      } else {
        expect(goed(r).local).toBe('Bv02Bericht');
        expect(await gekoppeld()).toEqual([]);
      }
    });

    // updateBesluit exists in ZDS 1.2 only (a ZDS 1.1 caller gets StUF040, besluiten.test.ts).
    (d === 'zds12' ? it : it.skip)('updateBesluit met mutatiesoort T: lenient gelezen als W, strict StUF055', async () => {
      const zaak = id(mode);
      goed(await stuurZaak(mode, creeerZaak(d, { id: zaak }), 'creeerZaak'));
      const besluit = `LEXB-${mode}-${teller}`;
      const stuurBsl = (xml: string, naam: string, pad: string) => gws[mode].http.stuur(xml, ZDS12 + naam, pad);
      goed(await stuurBsl(bsl.voegBesluitToe({ id: besluit, zaak }), 'voegBesluitToe_Di01', '/OntvangAsynchroon'));
      const r = await stuurBsl(alsT(bsl.updateBesluit(besluit, '<ZKN:toelichting>Op aanvraag</ZKN:toelichting>', '<ZKN:toelichting>Via T gewijzigd</ZKN:toelichting>')), 'updateBesluit_BslLk01', '/OntvangAsynchroon');
      const toelichting = async () => tekst(objectUit(await stuurBsl(bsl.geefBesluitdetails(besluit), 'geefBesluitdetails_BslLv01', '/BeantwoordVraag')), 'toelichting');
      if (mode === 'strict') {
        expect(schoneFout(r).code).toBe('StUF055');
        expect(await toelichting()).toBe('Op aanvraag');
      } else {
        expect(goed(r).local).toBe('Bv03Bericht');
        expect(await toelichting()).toBe('Via T gewijzigd');
      }
    });
  });
});
