// Regie- en Zaakservices (rzs.md §3, §5, A12–A14, A16, A19, A20): gezinsplan, levensdomeinplan and deelplan on
// creeerZaak and updateZaak in both dialects. Every refusal is a Fo03 StUF058 whose details name the rule, and leaves
// nothing behind; the client-overlap checks warn or refuse by configuration; writing plans is for the regiesysteem.
import { children } from '../../src/stuf/xml';
import { TestGateway, startGateway, vangLog } from '../support/gateway';
import { inEnvelope } from '../support/soap';
import { Dialect, SCOPE_ALLES, Sturing, actie, creeerZaak, geefZaakdetails, legeRelatie, medewerker, persoon, rol, status, wijzig } from '../support/dialecten';
import {
  aanmelding, als, belanghebbende, beveiligd, client, deelplan, gezinsplan, koppel, levensdomeinplan, ontkoppel, regisseur,
  uitvoerendeVestiging,
} from '../support/planBerichten';
import { HttpAntwoord, goed, objectUit, schoneFout, sleutels, tekst } from '../support/antwoorden';

// Clients of the family, a neighbour, and a person who belongs to no plan of it.
const A = '111222333';
const B = '111222344';
const C = '111222355';
const BUURVROUW = '999888777';
const VREEMDE = '123123123';
const ALLE_BSNS = [A, B, C, BUURVROUW, VREEMDE];

type Kennisgeving = 'creeerZaak' | 'updateZaak' | 'actualiseerZaakstatus';

/** Sends in one dialect; in secured mode with a role's credentials and its zender for the questions. */
function verbinding(gw: () => TestGateway, d: Dialect, headers: Record<string, string> = {}, sturing: Sturing = {}) {
  const stuur = (xml: string, dienst: Kennisgeving = 'creeerZaak') => gw().stuur(inEnvelope(xml), { actie: actie(d, dienst), headers });
  return {
    stuur,
    /** geefZaakdetails, scope alles; undefined when the gateway holds no such zaak. */
    details: async (id: string) =>
      objectUit(await gw().stuur(inEnvelope(geefZaakdetails(d, id, SCOPE_ALLES, sturing)), { actie: actie(d, 'geefZaakdetails'), pad: '/BeantwoordVraag', headers })),
    /** Asserts a Fo03 with this foutcode whose details contain every part; returns the details. */
    async geweigerd(r: HttpAntwoord | Promise<HttpAntwoord>, code: string, ...delen: string[]): Promise<string> {
      const f = schoneFout(await r);
      expect({ soort: f.soort, code: f.code }).toEqual({ soort: 'Fo03', code });
      for (const deel of delen) expect(f.details).toContain(deel);
      return f.details!;
    },
  };
}

const zonderBsn = (naam: string) => `<ZKN:natuurlijkPersoon StUF:entiteittype="NPS" StUF:verwerkingssoort="I"><BG:geslachtsnaam>${naam}</BG:geslachtsnaam></ZKN:natuurlijkPersoon>`;
/** A heeftBetrekkingOpAndere that states the kind of the other zaak (gerelateerde/isVan), as the RZS sample does. */
const naarGenoemdGezinsplan = (id: string) =>
  '<ZKN:heeftBetrekkingOpAndere StUF:entiteittype="ZAKZAKBTR" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="ZAK" StUF:verwerkingssoort="I">' +
  `<ZKN:identificatie>${id}</ZKN:identificatie><ZKN:isVan StUF:entiteittype="ZAKZKT"><ZKN:gerelateerde StUF:entiteittype="ZKT">` +
  '<ZKN:omschrijving>Opstellen en uitvoeren gezinsplan</ZKN:omschrijving><ZKN:code>GZP</ZKN:code></ZKN:gerelateerde></ZKN:isVan></ZKN:gerelateerde></ZKN:heeftBetrekkingOpAndere>';
/** A relation as the oud of a removal: the same element with verwerkingssoort V. */
const alsVerwijdering = (relatie: string) => relatie.replace('StUF:verwerkingssoort="T"', 'StUF:verwerkingssoort="V"');

describe.each<Dialect>(['zds12', 'zds11'])('RZS-planregels in %s', (d) => {
  let gw: TestGateway;
  const { log, regels } = vangLog();
  const v = verbinding(() => gw, d);
  const pre = `0599${d === 'zds12' ? 'P12' : 'P11'}`;
  const GZP = `${pre}GZP0001`;
  const LDP = `${pre}LDP0001`;
  const DEEL1 = `${pre}WMO0001`;
  const DEEL2 = `${pre}JZ0001`;
  const BACKOFFICE = `${pre}SCH0001`;
  let n = 100; // above the fixed identificaties of the flow
  const nieuwId = (soort: string) => `${pre}${soort}${String(++n).padStart(4, '0')}`;

  beforeAll(async () => {
    gw = await startGateway({}, `plannen-${d}`, log);
  });
  afterAll(async () => gw.sluit());

  describe('het hele gezin: gezinsplan, levensdomeinplan, twee deelplannen, koppelen en ontkoppelen', () => {
    it('creeerZaak gezinsplan met drie clients, een belanghebbende en een uitvoerende vestiging', async () => {
      goed(await v.stuur(gezinsplan(d, {
        id: GZP,
        clients: [A, B],
        // rzs.md A20: Cliënt is read as the fixed value Client.
        extra: client(C, 'Jansen', 'Cliënt') + belanghebbende(BUURVROUW),
        initiator: regisseur() + uitvoerendeVestiging('000012345678'),
      })));
      const o = await v.details(GZP);
      expect(tekst(o, 'isVan', 'gerelateerde', 'code')).toBe('GZP');
      expect(sleutels(o, 'heeftBetrekkingOp')).toEqual([A, B, C]);
      expect(children(o, 'heeftBetrekkingOp').map((r) => tekst(r, 'omschrijving'))).toEqual(['Client', 'Client', 'Client']);
      expect(sleutels(o, 'heeftAlsBelanghebbende')).toEqual([BUURVROUW]);
      expect(sleutels(o, 'heeftAlsInitiator')).toEqual(['MDW-REGIE-1']);
      expect(sleutels(o, 'heeftAlsUitvoerende')).toEqual(['000012345678']);
      expect(sleutels(o, 'heeftBetrekkingOpAndere')).toEqual([]);
    });

    it('creeerZaak levensdomeinplan bij dat gezinsplan', async () => {
      goed(await v.stuur(levensdomeinplan(d, { id: LDP, clients: [A, B], gezinsplan: GZP })));
      const o = await v.details(LDP);
      expect(sleutels(o, 'heeftBetrekkingOpAndere')).toEqual([GZP]);
      expect(tekst(children(o, 'heeftBetrekkingOpAndere')[0], 'gerelateerde', 'isVan', 'gerelateerde', 'code')).toBe('GZP');
      expect(sleutels(o, 'heeftBetrekkingOp')).toEqual([A, B]);
    });

    it('creeerZaak twee deelplannen naar gezinsplan en levensdomeinplan (initiator medewerker, en de client zelf)', async () => {
      goed(await v.stuur(deelplan(d, { id: DEEL1, clients: [A], plannen: [GZP, LDP], initiator: rol('heeftAlsInitiator', medewerker('MDW-WIJK-7', 'Wijkteam')) })));
      // rzs.md §3.3: a deelplan's initiator may be a natural person with a BSN; the client is a zaakobject as well.
      goed(await v.stuur(deelplan(d, { id: DEEL2, zaaktype: 'JZ01', clients: [B], plannen: [GZP, LDP], initiator: rol('heeftAlsInitiator', persoon(B)) })));
      for (const id of [DEEL1, DEEL2]) expect(sleutels(await v.details(id), 'heeftBetrekkingOpAndere')).toEqual([GZP, LDP]);
      expect(sleutels(await v.details(DEEL2), 'heeftAlsInitiator')).toEqual([B]);
    });

    it('updateZaak koppelt een bestaande backofficezaak aan het gezinsplan en ontkoppelt haar weer', async () => {
      goed(await v.stuur(creeerZaak(d, { id: BACKOFFICE, zaaktype: 'SCH01', relaties: client(C) + rol('heeftAlsInitiator', medewerker('MDW-BO-1', 'Backoffice')) })));
      expect(sleutels(await v.details(BACKOFFICE), 'heeftBetrekkingOpAndere')).toEqual([]);
      goed(await v.stuur(koppel(d, BACKOFFICE, GZP), 'updateZaak'));
      const gekoppeld = await v.details(BACKOFFICE);
      expect(sleutels(gekoppeld, 'heeftBetrekkingOpAndere')).toEqual([GZP]);
      expect(tekst(children(gekoppeld, 'heeftBetrekkingOpAndere')[0], 'gerelateerde', 'omschrijving')).toBe('Gezinsplan');
      goed(await v.stuur(ontkoppel(d, BACKOFFICE, GZP), 'updateZaak'));
      const los = await v.details(BACKOFFICE);
      expect(sleutels(los, 'heeftBetrekkingOpAndere')).toEqual([]);
      expect(sleutels(los, 'heeftBetrekkingOp')).toEqual([C]);
    });

    it('updateZaak vervangt de regisseur van het gezinsplan in één bericht', async () => {
      const oud = regisseur();
      const nieuw = regisseur('MDW-REGIE-2', 'Smit');
      goed(await v.stuur(wijzig(d, 'updateZaak', GZP,
        alsVerwijdering(oud) + legeRelatie('heeftAlsInitiator', 'ZAKBTRINI', 'T'),
        legeRelatie('heeftAlsInitiator', 'ZAKBTRINI', 'V') + nieuw, { vs: 'I' }), 'updateZaak'));
      expect(sleutels(await v.details(GZP), 'heeftAlsInitiator')).toEqual(['MDW-REGIE-2']);
    });

    it('in een levensdomeinplan-update mag de omschrijving van een nieuwe client ontbreken (rzs.md §5)', async () => {
      const zonderOmschrijving = client(C).replace('<ZKN:omschrijving>Client</ZKN:omschrijving>', '');
      goed(await v.stuur(wijzig(d, 'updateZaak', LDP, legeRelatie('heeftBetrekkingOp', 'ZAKOBJ', 'T'), zonderOmschrijving, { vs: 'I' }), 'updateZaak'));
      const o = await v.details(LDP);
      expect(sleutels(o, 'heeftBetrekkingOp')).toEqual([A, B, C]);
      expect(tekst(children(o, 'heeftBetrekkingOp')[2], 'omschrijving')).toBe('Client');
    });
  });

  describe('weigeringen bij creeerZaak: Fo03 StUF058 met de regel in details, en niets opgeslagen', () => {
    async function nietsOpgeslagen(id: string, xml: string, ...delen: string[]): Promise<void> {
      await v.geweigerd(v.stuur(xml), 'StUF058', id, ...delen);
      expect(await v.details(id)).toBeUndefined();
    }

    it('een plan zonder client', async () => {
      const id = nieuwId('GZP');
      await nietsOpgeslagen(id, gezinsplan(d, { id, clients: [] }), 'heeft geen client', 'omschrijving Client');
    });

    it('een client zonder BSN (genoemd als "client 2 van 2", niet met naam)', async () => {
      const id = nieuwId('GZP');
      const zonder = `<ZKN:heeftBetrekkingOp StUF:entiteittype="ZAKOBJ" StUF:verwerkingssoort="T"><ZKN:gerelateerde>${zonderBsn('Naamloos')}</ZKN:gerelateerde><ZKN:omschrijving>Client</ZKN:omschrijving></ZKN:heeftBetrekkingOp>`;
      const details = await v.geweigerd(v.stuur(gezinsplan(d, { id, clients: [A], extra: zonder })), 'StUF058', 'client 2 van 2', 'geen inp.bsn', 'A13');
      expect(details).not.toContain('Naamloos');
      expect(await v.details(id)).toBeUndefined();
    });

    it('twee initiatoren, en geen initiator', async () => {
      const twee = nieuwId('GZP');
      await nietsOpgeslagen(twee, gezinsplan(d, { id: twee, clients: [A], initiator: regisseur() + regisseur('MDW-REGIE-2', 'Smit') }), '2 initiatoren', 'precies één');
      const geen = nieuwId('LDP');
      await nietsOpgeslagen(geen, levensdomeinplan(d, { id: geen, clients: [A], gezinsplan: GZP, initiator: '' }), 'heeftAlsInitiator ontbreekt');
      const deel = nieuwId('WMO');
      await nietsOpgeslagen(deel, deelplan(d, { id: deel, clients: [A], plannen: [GZP], initiator: '' }), 'heeftAlsInitiator ontbreekt');
    });

    it('een initiator die de regel niet volgt: medewerker zonder identificatie in een plan, persoon zonder BSN, persoon als regisseur', async () => {
      const mdw = nieuwId('GZP');
      const zonderId = rol('heeftAlsInitiator', '<ZKN:medewerker StUF:entiteittype="MDW" StUF:verwerkingssoort="I"><ZKN:achternaam>Bakker</ZKN:achternaam></ZKN:medewerker>');
      await nietsOpgeslagen(mdw, gezinsplan(d, { id: mdw, clients: [A], initiator: zonderId }), 'geen identificatie', 'A12');
      const deel = nieuwId('WMO');
      await nietsOpgeslagen(deel, deelplan(d, { id: deel, clients: [A], plannen: [GZP], initiator: rol('heeftAlsInitiator', zonderBsn('Naamloos')) }), 'natuurlijkPersoon zonder inp.bsn');
      const plan = nieuwId('GZP');
      await nietsOpgeslagen(plan, gezinsplan(d, { id: plan, clients: [A], initiator: rol('heeftAlsInitiator', persoon(A)) }), 'de regisseur, een medewerker');
    });

    it('een belanghebbende zonder BSN én zonder geslachtsnaam; met alleen een geslachtsnaam wordt zij opgeslagen', async () => {
      const leeg = '<ZKN:natuurlijkPersoon StUF:entiteittype="NPS" StUF:verwerkingssoort="I"><BG:voornamen>Els</BG:voornamen></ZKN:natuurlijkPersoon>';
      const id = nieuwId('GZP');
      await nietsOpgeslagen(id, gezinsplan(d, { id, clients: [A], extra: rol('heeftAlsBelanghebbende', leeg, 'T', 'Mantelzorger') }), 'belanghebbende 1 van 1', 'zonder inp.bsn en zonder geslachtsnaam');
      const goedId = nieuwId('GZP');
      goed(await v.stuur(gezinsplan(d, { id: goedId, clients: [A], extra: rol('heeftAlsBelanghebbende', zonderBsn('Buur'), 'T', 'Mantelzorger') })));
      expect(children(await v.details(goedId), 'heeftAlsBelanghebbende')).toHaveLength(1);
    });

    it('een uitvoerende vestiging zonder vestigingsNummer', async () => {
      const id = nieuwId('WMO');
      const vestiging = rol('heeftAlsUitvoerende', '<ZKN:vestiging StUF:entiteittype="VES" StUF:verwerkingssoort="I"><BG:handelsnaam>Zorg BV</BG:handelsnaam></ZKN:vestiging>');
      await nietsOpgeslagen(id, deelplan(d, { id, clients: [A], plannen: [GZP], initiator: regisseur() + vestiging }), 'uitvoerende 1 van 1', 'vestigingsNummer');
    });

    it('een verwijzing naar een zaak die niet bestaat (ook als de relatie zegt dat het een gezinsplan is)', async () => {
      const id = nieuwId('WMO');
      await nietsOpgeslagen(id, deelplan(d, { id, clients: [A], plannen: [GZP, `${pre}ONBEKEND1`] }), `zaak ${pre}ONBEKEND1, die niet in de gateway staat`, 'A14');
      const genoemd = nieuwId('WMO');
      await nietsOpgeslagen(genoemd, creeerZaak(d, { id: genoemd, zaaktype: 'WMO01', relaties: client(A) + regisseur() + naarGenoemdGezinsplan(`${pre}ONBEKEND2`) }), `${pre}ONBEKEND2, die niet in de gateway staat`);
    });

    it('een verwijzing naar een zaak van de verkeerde soort: deelplan → gewone zaak, levensdomeinplan → levensdomeinplan', async () => {
      const deel = nieuwId('WMO');
      await nietsOpgeslagen(deel, deelplan(d, { id: deel, clients: [C], plannen: [GZP, BACKOFFICE] }), `zaak ${BACKOFFICE}, een gewone zaak (zaaktype SCH01)`, 'niet naar een gezinsplan of een levensdomeinplan');
      const ldp = nieuwId('LDP');
      await nietsOpgeslagen(ldp, levensdomeinplan(d, { id: ldp, clients: [A], gezinsplan: LDP }), `zaak ${LDP}, een levensdomeinplan`, 'niet naar een gezinsplan');
      const gzp = nieuwId('GZP');
      await nietsOpgeslagen(gzp, creeerZaak(d, { id: gzp, zaaktype: 'GZP', relaties: client(A) + regisseur() + naarGenoemdGezinsplan(GZP) }), 'een gezinsplan verwijst niet naar een ander plan');
    });

    it('een deelplan met twee gezinsplannen, of met alleen een levensdomeinplan', async () => {
      const tweede = nieuwId('GZP');
      goed(await v.stuur(gezinsplan(d, { id: tweede, clients: [A] })));
      const twee = nieuwId('WMO');
      await nietsOpgeslagen(twee, deelplan(d, { id: twee, clients: [A], plannen: [GZP, tweede] }), `2 gezinsplannen (${GZP}, ${tweede})`);
      const alleenLdp = nieuwId('WMO');
      await nietsOpgeslagen(alleenLdp, deelplan(d, { id: alleenLdp, clients: [A], plannen: [LDP] }), `levensdomeinplan ${LDP} maar niet naar een gezinsplan`);
    });

    it('een levensdomeinplan zonder gezinsplan, of met twee verwijzingen', async () => {
      const zonder = nieuwId('LDP');
      await nietsOpgeslagen(zonder, levensdomeinplan(d, { id: zonder, clients: [A] }), 'heeftBetrekkingOpAndere naar het gezinsplan ontbreekt');
      const twee = nieuwId('LDP');
      await nietsOpgeslagen(twee, levensdomeinplan(d, { id: twee, clients: [A], gezinsplan: GZP, extra: '' }).replace('</ZKN:object>', `${naarGenoemdGezinsplan(BACKOFFICE)}</ZKN:object>`), '2 heeftBetrekkingOpAndere');
    });
  });

  describe('weigeringen bij updateZaak: de zaak moet na de wijziging nog aan de regels van haar soort voldoen', () => {
    const PLAN = `${pre}GZP0900`;
    beforeAll(async () => {
      goed(await v.stuur(gezinsplan(d, { id: PLAN, clients: [A] })));
    });

    it('de laatste client verwijderen', async () => {
      await v.geweigerd(v.stuur(wijzig(d, 'updateZaak', PLAN, alsVerwijdering(client(A)), legeRelatie('heeftBetrekkingOp', 'ZAKOBJ', 'V'), { vs: 'I' }), 'updateZaak'),
        'StUF058', PLAN, 'verwijdert de laatste client');
      expect(sleutels(await v.details(PLAN), 'heeftBetrekkingOp')).toEqual([A]);
    });

    it('de initiator verwijderen, of een tweede toevoegen', async () => {
      await v.geweigerd(v.stuur(wijzig(d, 'updateZaak', PLAN, alsVerwijdering(regisseur()), legeRelatie('heeftAlsInitiator', 'ZAKBTRINI', 'V'), { vs: 'I' }), 'updateZaak'),
        'StUF058', PLAN, 'verwijdert de initiator');
      await v.geweigerd(v.stuur(wijzig(d, 'updateZaak', PLAN, legeRelatie('heeftAlsInitiator', 'ZAKBTRINI', 'T'), regisseur('MDW-REGIE-9', 'Smit'), { vs: 'I' }), 'updateZaak'),
        'StUF058', PLAN, '2 initiatoren');
      expect(sleutels(await v.details(PLAN), 'heeftAlsInitiator')).toEqual(['MDW-REGIE-1']);
    });

    it('een client zonder BSN toevoegen (ook de attributen van dat bericht blijven ongewijzigd)', async () => {
      const zonder = `<ZKN:heeftBetrekkingOp StUF:entiteittype="ZAKOBJ" StUF:verwerkingssoort="T"><ZKN:gerelateerde>${zonderBsn('Naamloos')}</ZKN:gerelateerde><ZKN:omschrijving>Client</ZKN:omschrijving></ZKN:heeftBetrekkingOp>`;
      await v.geweigerd(v.stuur(wijzig(d, 'updateZaak', PLAN, '<ZKN:omschrijving>Gezinsplan</ZKN:omschrijving>' + legeRelatie('heeftBetrekkingOp', 'ZAKOBJ', 'T'), '<ZKN:omschrijving>Gewijzigd</ZKN:omschrijving>' + zonder), 'updateZaak'),
        'StUF058', 'client 2 van 2', 'geen inp.bsn');
      const o = await v.details(PLAN);
      expect(tekst(o, 'omschrijving')).toBe('Gezinsplan');
      expect(sleutels(o, 'heeftBetrekkingOp')).toEqual([A]);
    });

    it('een levensdomeinplan van zijn gezinsplan ontkoppelen', async () => {
      await v.geweigerd(v.stuur(ontkoppel(d, LDP, GZP), 'updateZaak'), 'StUF058', LDP, 'ontkoppelt het levensdomeinplan van zijn gezinsplan');
      expect(sleutels(await v.details(LDP), 'heeftBetrekkingOpAndere')).toEqual([GZP]);
    });

    it('een gezinsplan aan een ander gezinsplan koppelen', async () => {
      await v.geweigerd(v.stuur(koppel(d, PLAN, GZP), 'updateZaak'), 'StUF058', PLAN, `zaak ${GZP} (een gezinsplan)`);
      expect(sleutels(await v.details(PLAN), 'heeftBetrekkingOpAndere')).toEqual([]);
    });

    it('een deelplan aan een tweede gezinsplan, aan een gewone zaak of aan een onbekende zaak koppelen', async () => {
      await v.geweigerd(v.stuur(koppel(d, DEEL1, PLAN), 'updateZaak'), 'StUF058', DEEL1, `2 gezinsplannen`);
      await v.geweigerd(v.stuur(koppel(d, DEEL1, BACKOFFICE), 'updateZaak'), 'StUF058', DEEL1, `zaak ${BACKOFFICE}, een gewone zaak`);
      await v.geweigerd(v.stuur(koppel(d, DEEL1, `${pre}ONBEKEND3`), 'updateZaak'), 'StUF058', DEEL1, 'die niet in de gateway staat');
      expect(sleutels(await v.details(DEEL1), 'heeftBetrekkingOpAndere')).toEqual([GZP, LDP]);
    });

    it('een deelplan alleen van zijn gezinsplan ontkoppelen (het levensdomeinplan blijft zonder gezinsplan)', async () => {
      await v.geweigerd(v.stuur(ontkoppel(d, DEEL2, GZP), 'updateZaak'), 'StUF058', DEEL2, 'niet naar een gezinsplan');
      expect(sleutels(await v.details(DEEL2), 'heeftBetrekkingOpAndere')).toEqual([GZP, LDP]);
    });
  });

  describe('clientcontrole waarschuw (standaard): geaccepteerd, met een melding in het log zonder persoonsgegevens', () => {
    it('deelplan zonder gedeelde client, levensdomeinplan met een client buiten het gezinsplan, levensdomeinplan van een ander gezinsplan', async () => {
      const deel = nieuwId('WMO');
      goed(await v.stuur(deelplan(d, { id: deel, clients: [VREEMDE], plannen: [GZP] })));
      const ldp = nieuwId('LDP');
      goed(await v.stuur(levensdomeinplan(d, { id: ldp, clients: [A, VREEMDE], gezinsplan: GZP })));
      const anderGezin = nieuwId('GZP');
      goed(await v.stuur(gezinsplan(d, { id: anderGezin, clients: [A] })));
      const kruis = nieuwId('WMO');
      goed(await v.stuur(deelplan(d, { id: kruis, clients: [A], plannen: [anderGezin, LDP] })));
      expect(sleutels(await v.details(kruis), 'heeftBetrekkingOpAndere')).toEqual([anderGezin, LDP]);

      const logregels = regels.join('');
      expect(logregels).toContain(`deelplan ${deel} deelt geen client met gezinsplan ${GZP}`);
      expect(logregels).toContain(`client 2 van 2 van levensdomeinplan ${ldp} is geen client van gezinsplan ${GZP}`);
      expect(logregels).toContain(`levensdomeinplan ${LDP} van deelplan ${kruis} hoort bij gezinsplan ${GZP}, niet bij gezinsplan ${anderGezin}`);
    });

    it('het log van alle berichten hiervoor bevat geen BSN en geen naam', () => {
      const logregels = regels.join('');
      expect(logregels).toContain('StUF058'); // the refusals were logged
      for (const bsn of ALLE_BSNS) expect(logregels).not.toContain(bsn);
      for (const naam of ['Vries', 'Naamloos', 'Jansen', 'Buurvrouw']) expect(logregels).not.toContain(naam);
    });
  });
});

describe.each<Dialect>(['zds12', 'zds11'])('clientcontrole weiger in %s: dezelfde bevindingen zijn een Fo03 StUF058', (d) => {
  let gw: TestGateway;
  const v = verbinding(() => gw, d);
  const pre = `0599W${d === 'zds12' ? '12' : '11'}`;
  const GZP = `${pre}GZP01`;
  const LDP = `${pre}LDP01`;
  beforeAll(async () => {
    gw = await startGateway({ rzs: { clientControle: 'weiger' } }, `plannen-weiger-${d}`);
    goed(await v.stuur(gezinsplan(d, { id: GZP, clients: [A, B] })));
    goed(await v.stuur(levensdomeinplan(d, { id: LDP, clients: [A], gezinsplan: GZP })));
  });
  afterAll(async () => gw.sluit());

  it('een deelplan dat geen client deelt met zijn gezinsplan of levensdomeinplan', async () => {
    const id = `${pre}WMO01`;
    await v.geweigerd(v.stuur(deelplan(d, { id, clients: [VREEMDE], plannen: [GZP] })), 'StUF058', `deelplan ${id} deelt geen client met gezinsplan ${GZP}`, 'rzs.clientControle');
    const metLdp = `${pre}WMO02`;
    await v.geweigerd(v.stuur(deelplan(d, { id: metLdp, clients: [B], plannen: [GZP, LDP] })), 'StUF058', `deelt geen client met levensdomeinplan ${LDP}`);
    expect(await v.details(id)).toBeUndefined();
    expect(await v.details(metLdp)).toBeUndefined();
    goed(await v.stuur(deelplan(d, { id: `${pre}WMO03`, clients: [A], plannen: [GZP, LDP] })));
  });

  it('een levensdomeinplan met een client die geen client van het gezinsplan is', async () => {
    const id = `${pre}LDP02`;
    const details = await v.geweigerd(v.stuur(levensdomeinplan(d, { id, clients: [A, VREEMDE], gezinsplan: GZP })), 'StUF058', `client 2 van 2 van levensdomeinplan ${id} is geen client van gezinsplan ${GZP}`);
    expect(details).not.toContain(VREEMDE);
    expect(await v.details(id)).toBeUndefined();
  });

  it('een deelplan bij het levensdomeinplan van een ander gezinsplan', async () => {
    const ander = `${pre}GZP02`;
    goed(await v.stuur(gezinsplan(d, { id: ander, clients: [A] })));
    await v.geweigerd(v.stuur(deelplan(d, { id: `${pre}WMO04`, clients: [A], plannen: [ander, LDP] })), 'StUF058', `levensdomeinplan ${LDP} van deelplan ${pre}WMO04 hoort bij gezinsplan ${GZP}, niet bij gezinsplan ${ander}`);
  });

  it('koppelen van een zaak zonder gedeelde client, en een client toevoegen aan een levensdomeinplan die het gezinsplan niet heeft', async () => {
    const zaak = `${pre}SCH01`;
    goed(await v.stuur(creeerZaak(d, { id: zaak, zaaktype: 'SCH01', relaties: client(VREEMDE) + rol('heeftAlsInitiator', medewerker('MDW-BO-1')) })));
    await v.geweigerd(v.stuur(koppel(d, zaak, GZP), 'updateZaak'), 'StUF058', `deelplan ${zaak} deelt geen client met gezinsplan ${GZP}`);
    expect(sleutels(await v.details(zaak), 'heeftBetrekkingOpAndere')).toEqual([]);
    await v.geweigerd(v.stuur(wijzig(d, 'updateZaak', LDP, legeRelatie('heeftBetrekkingOp', 'ZAKOBJ', 'T'), client(VREEMDE), { vs: 'I' }), 'updateZaak'), 'StUF058', `levensdomeinplan ${LDP} is geen client van gezinsplan ${GZP}`);
    expect(sleutels(await v.details(LDP), 'heeftBetrekkingOp')).toEqual([A]);
  });
});

describe('schrijfrechten (beveiligd): plannen schrijft alleen het regiesysteem, zaken alleen wie hun zaaktype mag schrijven', () => {
  let gw: TestGateway;
  const d: Dialect = 'zds12';
  const regie = verbinding(() => gw, d, aanmelding('regie'), als('regie'));
  const backoffice = verbinding(() => gw, d, aanmelding('backoffice'), als('backoffice'));
  const GZP = '0599RECHTGZP01';
  const ZAAK = '0599RECHTSCH01';
  beforeAll(async () => {
    gw = await startGateway(beveiligd({ perRol: { backoffice: { zaaktypen: { lezen: ['*'], schrijven: ['SCH01', 'GZP'] } } } }), 'plannen-rechten');
  });
  afterAll(async () => gw.sluit());

  // The backoffice has GZP in its schrijven list: a plan is still not hers to write.
  it('het regiesysteem maakt een gezinsplan; de backoffice niet, en ook geen zaak van een zaaktype buiten haar lijst', async () => {
    goed(await regie.stuur(gezinsplan(d, { id: GZP, clients: [A], sturing: als('regie') })));
    await backoffice.geweigerd(backoffice.stuur(gezinsplan(d, { id: '0599RECHTGZP02', clients: [A], sturing: als('backoffice') })), 'StUF052', 'mag een gezinsplan niet wijzigen');
    await backoffice.geweigerd(backoffice.stuur(creeerZaak(d, { id: '0599RECHTWMO01', zaaktype: 'WMO01', sturing: als('backoffice') })), 'StUF052', 'zaaktype WMO01');
    expect(await regie.details('0599RECHTGZP02')).toBeUndefined();
    expect(await regie.details('0599RECHTWMO01')).toBeUndefined();
  });

  it('de backoffice wijzigt het gezinsplan niet en zet er geen status op', async () => {
    await backoffice.geweigerd(backoffice.stuur(wijzig(d, 'updateZaak', GZP, '<ZKN:omschrijving>Gezinsplan</ZKN:omschrijving>', '<ZKN:omschrijving>Anders</ZKN:omschrijving>', { sturing: als('backoffice') }), 'updateZaak'),
      'StUF052', `zaak ${GZP}`);
    await backoffice.geweigerd(backoffice.stuur(wijzig(d, 'actualiseerZaakstatus', GZP, legeRelatie('heeft', 'ZAKSTT', 'T'), status(1, 'Signaal geregistreerd', '20240115090000'), { sturing: als('backoffice') }), 'actualiseerZaakstatus'),
      'StUF052', 'mag een gezinsplan niet wijzigen');
    expect(tekst(await regie.details(GZP), 'omschrijving')).toBe('Gezinsplan');
  });

  it('een backofficezaak koppelen aan het gezinsplan mag de backoffice zelf en het regiesysteem (rzs.md A16)', async () => {
    goed(await backoffice.stuur(creeerZaak(d, { id: ZAAK, zaaktype: 'SCH01', relaties: client(A) + rol('heeftAlsInitiator', medewerker('MDW-BO-1')), sturing: als('backoffice') })));
    goed(await backoffice.stuur(koppel(d, ZAAK, GZP, als('backoffice')), 'updateZaak'));
    goed(await regie.stuur(ontkoppel(d, ZAAK, GZP, als('regie')), 'updateZaak'));
    goed(await regie.stuur(koppel(d, ZAAK, GZP, als('regie')), 'updateZaak'));
    expect(sleutels(await regie.details(ZAAK), 'heeftBetrekkingOpAndere')).toEqual([GZP]);
  });

  it('in open modus mag iedereen alles (de standaard)', async () => {
    const open = await startGateway({}, 'plannen-open');
    try {
      const o = verbinding(() => open, d);
      goed(await o.stuur(gezinsplan(d, { id: GZP, clients: [A], sturing: als('backoffice') })));
    } finally {
      await open.sluit();
    }
  });
});
