// Lenient readings of what real senders send (issue 14, point 5), in both dialects over real HTTP: mutatiesoort T on
// updateZaak and actualiseerZaakstatus (read as W), a kennisgeving without stuurgegevens/berichtcode whose root already
// names it, and the test platform's ontkoppelZaakdocument with a placeholder checkedOutId for a document that is not
// checked out (accepted in both modes). Strict mode refuses the first two with StUF055; every accepted change is
// followed by a geefZaakdetails alles (validated by the global teardown) and its stored effect asserted.
import { children } from '../../src/stuf/xml';
import { MODI, gatewaysPerModus } from '../support/modi';
import { goed, objectUit, schoneFout, sleutels, statussen, tekst } from '../support/antwoorden';
import { Dialect, creeerZaak, medewerker, rol, status, wijzig } from '../support/dialecten';
import * as doc from '../support/documentBerichten';

const alsT = (xml: string) => xml.replace('<StUF:mutatiesoort>W</StUF:mutatiesoort>', '<StUF:mutatiesoort>T</StUF:mutatiesoort>');
const zonderBerichtcode = (xml: string) => xml.replace(/<StUF:berichtcode>\w+<\/StUF:berichtcode>/, '');

describe.each(['zds12', 'zds11'] as const)('lenient lezen in %s', (d: Dialect) => {
  let teller = 0;
  const id = (mode: string) => `0599-LEN-${d}-${mode.slice(0, 1)}-${++teller}`;
  const { stuurZaak, details, stuurDoc } = gatewaysPerModus(d, 'lenient');

  describe.each(MODI)('%s', (mode) => {
    it('updateZaak met mutatiesoort T: lenient gelezen als W (oud en nieuw), strict StUF055', async () => {
      const zaak = id(mode);
      goed(await stuurZaak(mode, creeerZaak(d, { id: zaak }), 'creeerZaak'));
      const r = await stuurZaak(mode, alsT(wijzig(d, 'updateZaak', zaak,
        '<ZKN:omschrijving>Testzaak</ZKN:omschrijving>' + `<ZKN:heeftAlsUitvoerende StUF:entiteittype="ZAKBTRUTV" StUF:verwerkingssoort="T" xsi:nil="true" StUF:noValue="geenWaarde"/>`,
        '<ZKN:omschrijving>Via T gewijzigd</ZKN:omschrijving>' + rol('heeftAlsUitvoerende', medewerker('MDW-7')))), 'updateZaak');
      const o = () => details(mode, zaak);
      if (mode === 'strict') {
        const f = schoneFout(r);
        expect(f).toMatchObject({ code: 'StUF055', soort: 'Fo03' });
        expect(f.details).toContain("mutatiesoort is 'T'");
        expect(tekst(await o(), 'omschrijving')).toBe('Testzaak');
      } else {
        expect(goed(r).local).toBe('Bv03Bericht');
        const z = await o();
        expect(tekst(z, 'omschrijving')).toBe('Via T gewijzigd');
        expect(sleutels(z, 'heeftAlsUitvoerende')).toEqual(['MDW-7']);
      }
    });

    it('actualiseerZaakstatus met mutatiesoort T: lenient een nieuwe status, strict StUF055', async () => {
      const zaak = id(mode);
      goed(await stuurZaak(mode, creeerZaak(d, { id: zaak }), 'creeerZaak'));
      const r = await stuurZaak(mode, alsT(wijzig(d, 'actualiseerZaakstatus', zaak, undefined, status(1, 'Ontvangen', '20240116090000'))), 'actualiseerZaakstatus');
      if (mode === 'strict') {
        expect(schoneFout(r).code).toBe('StUF055');
        expect(statussen(await details(mode, zaak))).toEqual([]);
      } else {
        goed(r);
        expect(statussen(await details(mode, zaak)).map((s) => s.omschrijving)).toEqual(['Ontvangen']);
      }
    });

    it('creeerZaak zonder stuurgegevens/berichtcode (de root zegt Lk01): lenient aangenomen, strict StUF055', async () => {
      const zaak = id(mode);
      const r = await stuurZaak(mode, zonderBerichtcode(creeerZaak(d, { id: zaak })), 'creeerZaak');
      if (mode === 'strict') {
        const f = schoneFout(r);
        expect(f).toMatchObject({ code: 'StUF055', soort: 'Fo03' });
        expect(f.details).toContain('berichtcode ontbreekt');
        expect(await details(mode, zaak)).toBeUndefined();
      } else {
        expect(goed(r).local).toBe('Bv03Bericht');
        expect(tekst(await details(mode, zaak), 'identificatie')).toBe(zaak);
      }
    });

    it('updateZaak zonder berichtcode én met mutatiesoort T: lenient beide gelezen, de wijziging doorgevoerd', async () => {
      const zaak = id(mode);
      goed(await stuurZaak(mode, creeerZaak(d, { id: zaak }), 'creeerZaak'));
      const r = await stuurZaak(mode, zonderBerichtcode(alsT(wijzig(d, 'updateZaak', zaak, undefined, '<ZKN:toelichting>Beide afwijkingen</ZKN:toelichting>'))), 'updateZaak');
      if (mode === 'strict') expect(schoneFout(r).code).toBe('StUF055');
      else {
        goed(r);
        expect(tekst(await details(mode, zaak), 'toelichting')).toBe('Beide afwijkingen');
      }
    });

    it('ontkoppelZaakdocument met een plaatshouder-checkedOutId voor een document dat niet is uitgecheckt: Bv02 in beide modi', async () => {
      const zaak = id(mode);
      goed(await stuurZaak(mode, creeerZaak(d, { id: zaak }), 'creeerZaak'));
      const docId = `LEN-${d}-${mode}-${teller}`;
      goed(await stuurDoc(mode, doc.nieuwDocument(d, 'voegZaakdocumentToe', { id: docId, zaken: [zaak], tekst: 'inhoud' }), 'voegZaakdocumentToe'));
      const r = await stuurDoc(mode, doc.ontkoppel(d, docId, zaak, { checkedOutId: 'plaatshouder-checkedOutId' }), 'ontkoppelZaakdocument');
      expect(goed(r).local).toBe('Bv02Bericht');
      const lijst = objectUit(await stuurDoc(mode, doc.geefLijst(d, zaak), 'geefLijstZaakdocumenten'));
      expect(children(lijst, 'heeftRelevant').filter((h) => h.children.length > 0)).toEqual([]);
      await details(mode, zaak);
    });

    it('ontkoppelZaakdocument van een uitgecheckt document met een plaatshouder: nog steeds StUF058, de koppeling blijft', async () => {
      const zaak = id(mode);
      goed(await stuurZaak(mode, creeerZaak(d, { id: zaak }), 'creeerZaak'));
      const docId = `LENX-${d}-${mode}-${teller}`;
      goed(await stuurDoc(mode, doc.nieuwDocument(d, 'voegZaakdocumentToe', { id: docId, zaken: [zaak], tekst: 'inhoud' }), 'voegZaakdocumentToe'));
      goed(await stuurDoc(mode, doc.bewerken(d, docId, { gebruiker: 'anna' }), 'geefZaakdocumentBewerken'));
      const f = schoneFout(await stuurDoc(mode, doc.ontkoppel(d, docId, zaak, { checkedOutId: 'plaatshouder-checkedOutId' }), 'ontkoppelZaakdocument'));
      expect(f.code).toBe('StUF058');
      const lijst = objectUit(await stuurDoc(mode, doc.geefLijst(d, zaak), 'geefLijstZaakdocumenten'));
      expect(children(lijst, 'heeftRelevant').map((h) => tekst(h, 'gerelateerde', 'identificatie'))).toEqual([docId]);
    });
  });
});
