// The person query (issue 4 point 2; zds.md A8, rzs.md §10 A2): plain StUF-ZKN zakLv01 selecting zaken on their
// initiator, their clients, the plan they belong to, zaaktype and identificatie; open zaken only with einddatum nil;
// sorted on identificatie and paged with StUF vervolgvragen; refusals as Fo02 that say what is supported. In a secured
// gateway every role learns that a gezinsplan exists and who its regisseur is, and only regie sees its content.
import { child, children, path } from '../../src/stuf/xml';
import { startGateway, TestGateway, vangLog } from '../support/gateway';
import { bericht, inEnvelope } from '../support/soap';
import { schoneFout, sleutels, statussen, tekst } from '../support/antwoorden';
import { actie, creeerZaak, legeRelatie, medewerker, persoon, rol, status, wijzig } from '../support/dialecten';
import { TestRol, aanmelding, als, beveiligd, client, deelplan, gezinsplan, levensdomeinplan } from '../support/planBerichten';
import { Selectie, ZAKLV01_ACTIE, Zoekopties, lijst, nietGeautoriseerd, nps, scopeMet, zoekZaken } from '../support/zoekBerichten';

const D = 'zds11';
const [A, B, C] = ['123456782', '234567893', '345678904'];
const VREEMDE = '456789015';
const NIEMAND = '567890126';
/** Initiator of the zaken used for paging. */
const VEELVRAGER = '678901237';

const GZP = '0599ZOEKGZP0001';
const LDP = '0599ZOEKLDP0001';
const DEEL1 = '0599ZOEKDEEL001'; // WMO01 for client A, to the gezinsplan and the levensdomeinplan
const DEEL2 = '0599ZOEKDEEL002'; // JZ01 for client B, who initiated it himself, to the gezinsplan
const VREEMD = '0599ZOEKVREEMD1'; // a stranger's own zaak
const AFGEROND = '0599ZOEKAFGROND'; // client A's closed zaak, initiated by A
const REEKS = Array.from({ length: 7 }, (_, i) => `0599ZOEKREEKS0${i + 1}`);

/** zds.md A8: the search on a person is off unless switched on. */
const PERSOONSVRAAG_AAN = { stuf: { persoonsvraag: 'aan' } };

const burger = (bsn: string) => persoon(bsn, '<BG:geslachtsnaam>Jansen</BG:geslachtsnaam>');
const ATTR_AFGEROND =
  '<ZKN:omschrijving>Afgerond</ZKN:omschrijving><ZKN:startdatum>20230101</ZKN:startdatum><ZKN:registratiedatum>20230101</ZKN:registratiedatum>' +
  '<ZKN:einddatum>20230601</ZKN:einddatum><ZKN:zaakniveau>1</ZKN:zaakniveau><ZKN:deelzakenIndicatie>N</ZKN:deelzakenIndicatie>';

/** The family of the tests, created as regie (in a secured gateway that is the only role that may create plans). */
async function bouwFamilie(gw: TestGateway, headers: Record<string, string> = {}): Promise<void> {
  const sturing = als('regie');
  const maak = async (xml: string, dienst: 'creeerZaak' | 'actualiseerZaakstatus' = 'creeerZaak') => {
    const r = await gw.stuur(inEnvelope(xml), { actie: actie(D, dienst), headers });
    if (r.status !== 200) throw new Error(`${dienst}: HTTP ${r.status}\n${r.body}`);
  };
  await maak(gezinsplan(D, { id: GZP, clients: [A, B, C], sturing }));
  const heeft = legeRelatie('heeft', 'ZAKSTT', 'T');
  await maak(wijzig(D, 'actualiseerZaakstatus', GZP, heeft, status(1, 'Signaal geregistreerd', '20240115090000'), { sturing }), 'actualiseerZaakstatus');
  await maak(wijzig(D, 'actualiseerZaakstatus', GZP, heeft, status(2, 'Gezinsplan opgesteld', '20240201090000'), { sturing }), 'actualiseerZaakstatus');
  await maak(levensdomeinplan(D, { id: LDP, clients: [A], gezinsplan: GZP, sturing }));
  await maak(deelplan(D, { id: DEEL1, clients: [A], plannen: [GZP, LDP], sturing }));
  await maak(deelplan(D, { id: DEEL2, clients: [B], plannen: [GZP], zaaktype: 'JZ01', initiator: rol('heeftAlsInitiator', burger(B)), sturing }));
  await maak(creeerZaak(D, { id: VREEMD, zaaktype: 'WMO01', relaties: client(VREEMDE) + rol('heeftAlsInitiator', burger(VREEMDE)), sturing }));
  await maak(creeerZaak(D, { id: AFGEROND, zaaktype: 'WMO01', attributen: ATTR_AFGEROND, relaties: client(A) + rol('heeftAlsInitiator', burger(A)), sturing }));
  for (const id of [...REEKS].reverse()) {
    await maak(creeerZaak(D, { id, zaaktype: 'B1026', relaties: rol('heeftAlsInitiator', burger(VEELVRAGER)) + rol('heeftAlsUitvoerende', medewerker('MDW-9')), sturing }));
  }
}


// ---- open gateway -------------------------------------------------------------------------------------------------

describe('de persoonsvraag (open gateway)', () => {
  let gw: TestGateway;
  const vraag = (s: Selectie, o: Zoekopties = {}, soapAction: string | undefined = ZAKLV01_ACTIE) =>
    gw.stuur(inEnvelope(zoekZaken(s, o)), { pad: '/BeantwoordVraag', ...(soapAction ? { actie: soapAction } : {}) });
  const ids = async (s: Selectie, o: Zoekopties = {}) => lijst(await vraag(s, o)).ids;

  beforeAll(async () => {
    gw = await startGateway(PERSOONSVRAAG_AAN);
    await bouwFamilie(gw);
  });
  afterAll(async () => gw.sluit());

  it('vindt het gezinsplan voor elk van de drie cliënten, en niet voor een vreemde', async () => {
    expect(await ids({ client: nps(A) })).toEqual([DEEL1, GZP, LDP, AFGEROND].sort());
    expect(await ids({ client: nps(B) })).toEqual([DEEL2, GZP]);
    expect(await ids({ client: nps(C) })).toEqual([GZP]);
    for (const bsn of [A, B, C]) expect(await ids({ client: nps(bsn), zaaktype: 'GZP' })).toEqual([GZP]);
    expect(await ids({ client: nps(VREEMDE) })).toEqual([VREEMD]);
    expect(await ids({ client: nps(VREEMDE), zaaktype: 'GZP' })).toEqual([]);
  });

  it('zonder treffers: een La01 zonder antwoord, indicatorVervolgvraag false', async () => {
    const l = lijst(await vraag({ client: nps(NIEMAND) }));
    expect(child(l.la01, 'antwoord')).toBeUndefined();
    expect(l.vervolg).toBe('false');
  });

  it('op initiator, met "11" + BSN en met het kale BSN; ook de plannen waarin de persoon cliënt is', async () => {
    // The regisseur is a medewerker, so a cliënt is never the initiator of a plan; the initiator selection also
    // finds the gezinsplannen and levensdomeinplannen with that person as client (stuf.persoonsvraagPlanclienten).
    for (const id of [nps(B), B]) expect(await ids({ initiator: id })).toEqual([DEEL2, GZP]);
    for (const id of [nps(A), A]) expect(await ids({ initiator: id })).toEqual([AFGEROND, GZP, LDP]);
    expect(await ids({ client: A })).toEqual(await ids({ client: nps(A) }));
    expect(await ids({ initiator: nps(C) })).toEqual([GZP]);
    expect(await ids({ initiator: nps(VREEMDE) })).toEqual([VREEMD]);
  });

  it('einddatum nil: alleen lopende zaken; een einddatum: de zaken die toen eindigden', async () => {
    expect(await ids({ initiator: nps(A), einddatum: true })).toEqual([GZP, LDP]);
    expect(await ids({ client: nps(A), einddatum: true })).toEqual([DEEL1, GZP, LDP]);
    expect(await ids({ client: nps(A), einddatum: '20230601' })).toEqual([AFGEROND]);
  });

  it('de deelplannen en het levensdomeinplan van een gezinsplan; de deelplannen van een levensdomeinplan', async () => {
    expect(await ids({ plan: GZP })).toEqual([DEEL1, DEEL2, LDP]);
    expect(await ids({ plan: LDP })).toEqual([DEEL1]);
    expect(await ids({ plan: GZP, client: nps(B) })).toEqual([DEEL2]);
    expect(await ids({ plan: GZP, zaaktype: 'LDP' })).toEqual([LDP]);
  });

  it('op identificatie, alleen of samen met een persoon', async () => {
    expect(await ids({ identificatie: GZP, client: nps(C) })).toEqual([GZP]);
    expect(await ids({ identificatie: GZP, client: nps(VREEMDE) })).toEqual([]);
    expect(await ids({ identificatie: GZP, einddatum: true })).toEqual([GZP]);
    expect(await ids({ zaaktype: 'LDP' })).toEqual([LDP]);
  });

  it('zonder scope: kerngegevens, zaaktype, de regisseur en alleen de huidige status; geen cliënt in het antwoord', async () => {
    const r = await vraag({ client: nps(C) });
    const [o] = lijst(r).objecten;
    expect(o.children.map((c) => c.local)).toEqual(['identificatie', 'isVan', 'heeftAlsInitiator', 'heeft']);
    expect(tekst(o, 'isVan', 'gerelateerde', 'code')).toBe('GZP');
    expect(tekst(o, 'isVan', 'gerelateerde', 'omschrijving')).toBeTruthy();
    expect(tekst(o, 'heeftAlsInitiator', 'gerelateerde', 'medewerker', 'identificatie')).toBe('MDW-REGIE-1');
    expect(tekst(o, 'heeftAlsInitiator', 'gerelateerde', 'medewerker', 'achternaam')).toBe('Bakker');
    expect(statussen(o)).toEqual([expect.objectContaining({ volgnummer: '2', omschrijving: 'Gezinsplan opgesteld', indicatieLaatsteStatus: 'J' })]);
    for (const bsn of [A, B, C]) expect(r.body).not.toContain(bsn);
  });

  it('met scope: wat de scope vraagt, alle statussen, de cliënten', async () => {
    const [o] = lijst(await vraag({ identificatie: GZP, client: nps(A) }, { scope: '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK" StUF:scope="alles"/></ZKN:scope>' })).objecten;
    expect(sleutels(o, 'heeftBetrekkingOp')).toEqual([A, B, C]);
    expect(statussen(o).map((s) => s.volgnummer)).toEqual(['2', '1']);
    const [smal] = lijst(await vraag({ identificatie: GZP, client: nps(A) }, { scope: scopeMet('omschrijving', 'startdatum') })).objecten;
    expect(smal.children.map((c) => `${c.local}=${c.text}`)).toEqual([`identificatie=${GZP}`, 'omschrijving=Gezinsplan', 'startdatum=20240115']);
  });

  it('bladeren: maximumAantal, indicatorVervolgvraag en de vervolgvraag met start; indicatorAantal geeft aantalVoorkomens', async () => {
    const pagina1 = lijst(await vraag({ initiator: nps(VEELVRAGER) }, { maximumAantal: 3, indicatorAantal: true }));
    expect(pagina1).toMatchObject({ ids: REEKS.slice(0, 3), vervolg: 'true', aantal: '7' });
    const pagina2 = lijst(await vraag({ initiator: nps(VEELVRAGER) }, { maximumAantal: 3, indicatorAantal: true, vervolgNa: pagina1.ids[2] }));
    expect(pagina2).toMatchObject({ ids: REEKS.slice(3, 6), vervolg: 'true', aantal: '7' });
    const pagina3 = lijst(await vraag({ initiator: nps(VEELVRAGER) }, { maximumAantal: 3, vervolgNa: pagina2.ids[2] }));
    expect(pagina3).toMatchObject({ ids: REEKS.slice(6), vervolg: 'false', aantal: undefined });
    // Exactly a page full: nothing more to ask.
    expect(lijst(await vraag({ initiator: nps(VEELVRAGER) }, { maximumAantal: 7 }))).toMatchObject({ ids: REEKS, vervolg: 'false' });
    // Default maximumAantal (15 in StUF-ZKN) holds them all.
    expect(lijst(await vraag({ initiator: nps(VEELVRAGER) }))).toMatchObject({ ids: REEKS, vervolg: 'false' });
    // maximumAantal 0: only the count.
    const telling = lijst(await vraag({ initiator: nps(VEELVRAGER) }, { maximumAantal: 0, indicatorAantal: true }));
    expect(telling).toMatchObject({ ids: [], vervolg: 'true', aantal: '7' });
    expect(child(telling.la01, 'antwoord')).toBeUndefined();
  });

  it('zonder SOAPAction (de inhoud beslist) en met de kale StUF-action …/zkn/0310/zakLv01: hetzelfde antwoord', async () => {
    const zonder = lijst(await vraag({ client: nps(B) }, {}, undefined));
    const met = lijst(await vraag({ client: nps(B) }, {}, ZAKLV01_ACTIE));
    expect(zonder.ids).toEqual([DEEL2, GZP]);
    expect(met.ids).toEqual(zonder.ids);
    // With the plain action a question on identificatie alone is still answered (by geefZaakdetails), as before.
    const detail = lijst(await vraag({ identificatie: VREEMD }, {}, ZAKLV01_ACTIE));
    expect(detail.ids).toEqual([VREEMD]);
  });

  it('extraElementen in gelijk (een noodtoegangsreden) zijn geen selectie', async () => {
    const reden = '<StUF:extraElementen><StUF:extraElement naam="reden">Crisismelding, kind in gevaar, direct handelen</StUF:extraElement></StUF:extraElementen>';
    expect(await ids({ client: nps(C), extra: reden })).toEqual([GZP]);
    const alleen = schoneFout(await vraag({ extra: reden }));
    expect(alleen).toMatchObject({ soort: 'Fo02', code: 'StUF058' });
    expect(alleen.details).toMatch(/geen selectie/);
  });

  describe('weigeringen: Fo02 met details die zeggen wat wel kan', () => {
    const weiger = async (s: Selectie, o: Zoekopties = {}) => {
      const r = await vraag(s, o);
      for (const bsn of [A, B, C, VREEMDE]) expect(r.body).not.toContain(bsn);
      return schoneFout(r);
    };

    it('geen criterium: een lege gelijk, alleen einddatum', async () => {
      for (const s of [{}, { einddatum: true as const }]) {
        const f = await weiger(s);
        expect(f).toMatchObject({ soort: 'Fo02', code: 'StUF058', plek: 'server' });
        expect(f.details).toMatch(/geen selectie.*geen lijst van alle zaken.*heeftAlsInitiator\/gerelateerde\/identificatie/);
      }
    });

    it('een selectie die niet wordt ondersteund noemt het element en de ondersteunde', async () => {
      const gevallen: [Selectie, Zoekopties, string][] = [
        [{ extra: '<ZKN:omschrijving>Gezinsplan</ZKN:omschrijving>' }, {}, 'gelijk/omschrijving'],
        [{ client: nps(A), extra: '<ZKN:heeftAlsVerantwoordelijke StUF:entiteittype="ZAKBTRVRA"><ZKN:gerelateerde StUF:entiteittype="BTR"><ZKN:identificatie>MDW-9</ZKN:identificatie></ZKN:gerelateerde></ZKN:heeftAlsVerantwoordelijke>' }, {}, 'gelijk/heeftAlsVerantwoordelijke'],
        [{ extra: '<ZKN:heeftAlsInitiator StUF:entiteittype="ZAKBTRINI"><ZKN:gerelateerde StUF:entiteittype="BTR"><ZKN:naam>Jansen</ZKN:naam></ZKN:gerelateerde></ZKN:heeftAlsInitiator>' }, {}, 'gelijk/heeftAlsInitiator/gerelateerde/naam'],
        [{ extra: '<ZKN:heeftBetrekkingOp StUF:entiteittype="ZAKOBJ"><ZKN:gerelateerde StUF:entiteittype="OBJ"><ZKN:identificatie>11123456782</ZKN:identificatie></ZKN:gerelateerde><ZKN:omschrijving>Client</ZKN:omschrijving></ZKN:heeftBetrekkingOp>' }, {}, 'gelijk/heeftBetrekkingOp/omschrijving'],
        [{ extra: '<ZKN:heeftAlsInitiator StUF:entiteittype="ZAKBTRINI" xsi:nil="true"/>' }, {}, 'gelijk/heeftAlsInitiator met xsi:nil'],
        [{ client: nps(A) }, { bereik: '<ZKN:vanaf StUF:entiteittype="ZAK"><ZKN:einddatumGepland>20240101</ZKN:einddatumGepland></ZKN:vanaf>' }, 'vanaf/einddatumGepland'],
        [{ client: nps(A), extra: '<StUF:extraElementen><StUF:extraElement naam="prioriteit">hoog</StUF:extraElement></StUF:extraElementen>' }, {}, 'extraElement naam="prioriteit"'],
      ];
      for (const [s, o, element] of gevallen) {
        const f = await weiger(s, o);
        expect(f).toMatchObject({ soort: 'Fo02', code: 'StUF058' });
        expect(f.details).toContain(element);
        expect(f.details).toMatch(/wordt niet ondersteund.*gelijk kan selecteren op identificatie, heeftAlsInitiator\/gerelateerde\/identificatie/);
      }
    });

    it('een zaakobject dat geen natuurlijk persoon is: StUF058, zonder de waarde te herhalen', async () => {
      const f = await weiger({ client: 'PAND-0599-1' });
      expect(f).toMatchObject({ soort: 'Fo02', code: 'StUF058' });
      expect(f.details).toMatch(/heeftBetrekkingOp\/gerelateerde\/identificatie van 11 tekens is geen natuurlijk persoon/);
      expect(f.details).not.toContain('PAND-0599-1');
    });

    it('een initiator die geen BSN is, is een medewerker: de lopende zaken van die regisseur (de werkvoorraad)', async () => {
      expect(lijst(await vraag({ initiator: 'MDW-REGIE-1', einddatum: true })).ids).toEqual([DEEL1, GZP, LDP]);
    });

    it('sortering anders dan identificatie: StUF133; vervolgvraag zonder start: StUF103; start zonder identificatie: StUF106', async () => {
      const sortering = await weiger({ client: nps(A) }, { sortering: 9 });
      expect(sortering).toMatchObject({ soort: 'Fo02', code: 'StUF133', plek: 'server' });
      expect(sortering.details).toMatch(/sortering 9 .*identificatie \(sortering 0 of 1\)/);
      expect(lijst(await vraag({ client: nps(C) }, { sortering: 1 })).ids).toEqual([GZP]);

      const zonderStart = zoekZaken({ client: nps(A) }, { vervolgNa: 'X' }).replace(/<ZKN:start>.*<\/ZKN:start>/, '');
      expect(schoneFout(await gw.stuur(inEnvelope(zonderStart), { pad: '/BeantwoordVraag' }))).toMatchObject({ soort: 'Fo02', code: 'StUF103' });
      const legeStart = zoekZaken({ client: nps(A) }, { vervolgNa: 'X' }).replace('<ZKN:identificatie>X</ZKN:identificatie>', '<ZKN:omschrijving>x</ZKN:omschrijving>');
      const f = schoneFout(await gw.stuur(inEnvelope(legeStart), { pad: '/BeantwoordVraag' }));
      expect(f).toMatchObject({ soort: 'Fo02', code: 'StUF106' });
      expect(f.details).toMatch(/start\/object\/identificatie ontbreekt/);
    });

    it('een verkeerd entiteittype op een relatie: StUF055 (client)', async () => {
      const xml = zoekZaken({ initiator: nps(A) }).replace('StUF:entiteittype="ZAKBTRINI"', 'StUF:entiteittype="ZAKBTRBLH"');
      const f = schoneFout(await gw.stuur(inEnvelope(xml), { pad: '/BeantwoordVraag' }));
      expect(f).toMatchObject({ soort: 'Fo02', code: 'StUF055', plek: 'client' });
      expect(f.details).toMatch(/gelijk\/heeftAlsInitiator: StUF:entiteittype is 'ZAKBTRBLH', verwacht 'ZAKBTRINI'/);
    });
  });
});

// ---- limits and the log ---------------------------------------------------------------------------------------------

describe('grenzen en het log', () => {
  /** One more than fits in an answer, all with the same initiator. */
  const VEEL = Array.from({ length: 101 }, (_, i) => `0599ZOEKVEEL${String(i + 1).padStart(3, '0')}`);
  let gw: TestGateway;
  let regels: string[];
  const vraag = (s: Selectie, o: Zoekopties = {}) => gw.stuur(inEnvelope(zoekZaken(s, o)), { pad: '/BeantwoordVraag', actie: ZAKLV01_ACTIE });

  beforeAll(async () => {
    const gevangen = vangLog();
    regels = gevangen.regels;
    gw = await startGateway(PERSOONSVRAAG_AAN, 'zoekZaken-grenzen', gevangen.log);
    await bouwFamilie(gw);
    for (const id of VEEL) {
      const r = await gw.stuur(inEnvelope(creeerZaak(D, { id, zaaktype: 'B1026', relaties: rol('heeftAlsInitiator', burger(NIEMAND)) })), { actie: actie(D, 'creeerZaak') });
      if (r.status !== 200) throw new Error(r.body);
    }
  });
  afterAll(async () => gw.sluit());

  it('ten hoogste 100 zaken per antwoord: melding StUF0002, de rest met een vervolgvraag', async () => {
    const eerste = lijst(await vraag({ initiator: nps(NIEMAND) }, { maximumAantal: 500, indicatorAantal: true }));
    expect(eerste).toMatchObject({ ids: VEEL.slice(0, 100), vervolg: 'true', aantal: '101' });
    expect(tekst(eerste.la01, 'melding')).toMatch(/^StUF0002: Meer objecten gevraagd dan teruggegeven/);
    const rest = lijst(await vraag({ initiator: nps(NIEMAND) }, { maximumAantal: 500, vervolgNa: eerste.ids[99] }));
    expect(rest).toMatchObject({ ids: VEEL.slice(100), vervolg: 'false' });
    expect(child(rest.la01, 'melding')).toBeUndefined();
  });

  it('het log noemt geen BSN, ook niet bij een weigering', async () => {
    lijst(await vraag({ client: nps(A) }, { scope: '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK" StUF:scope="alles"/></ZKN:scope>' }));
    lijst(await vraag({ initiator: B, einddatum: true }));
    schoneFout(await vraag({ client: nps(C), extra: '<ZKN:omschrijving>x</ZKN:omschrijving>' }));
    schoneFout(await vraag({ client: `11${A}0` }));
    const log = regels.join('');
    expect(log).toContain('zoekZaken');
    for (const bsn of [A, B, C, NIEMAND]) expect(log).not.toContain(bsn);
  });
});

// ---- secured gateway: who may see what --------------------------------------------------------------------------

describe('de persoonsvraag in een beveiligde gateway', () => {
  let gw: TestGateway;
  /** A backoffice that may read zaaktype WMO01 only: plans still appear in its lists, other zaken do not. */
  const SMAL = { applicatie: 'SMALLEBACKOFFICE', gebruiker: 'smal', wachtwoord: 'smal-geheim-1' };
  const smalHeaders = { authorization: `Basic ${Buffer.from(`${SMAL.gebruiker}:${SMAL.wachtwoord}`).toString('base64')}` };

  const vraagAls = (wie: TestRol | 'smal', s: Selectie, o: Zoekopties = {}) => {
    const sturing = wie === 'smal' ? { zender: SMAL.applicatie, organisatie: '0599' } : als(wie);
    return gw.stuur(inEnvelope(zoekZaken(s, { ...o, sturing })), { pad: '/BeantwoordVraag', actie: ZAKLV01_ACTIE, headers: wie === 'smal' ? smalHeaders : aanmelding(wie) });
  };

  beforeAll(async () => {
    gw = await startGateway({
      ...PERSOONSVRAAG_AAN,
      ...beveiligd({
        applicaties: [{
          zender: { organisatie: '0599', applicatie: SMAL.applicatie },
          rol: 'backoffice',
          basic: { gebruikersnaam: SMAL.gebruiker, wachtwoord: SMAL.wachtwoord },
          zaaktypen: { lezen: ['WMO01'], schrijven: ['WMO01'] },
        }],
      }),
    });
    await bouwFamilie(gw, aanmelding('regie'));
  });
  afterAll(async () => gw.sluit());

  const SCOPE = scopeMet('omschrijving', 'startdatum', 'isVan', 'heeftBetrekkingOp', 'heeftAlsInitiator', 'heeft');

  it.each(['kcc', 'backoffice'] as const)('als %s: het gezinsplan met alleen identificatie, zaaktype, regisseur en huidige status', async (wie) => {
    const r = await vraagAls(wie, { client: nps(B) }, { scope: SCOPE });
    const l = lijst(r);
    expect(l.ids).toEqual([DEEL2, GZP]);
    const plan = l.objecten[1];
    expect(plan.children.map((c) => c.local)).toEqual(['identificatie', 'omschrijving', 'startdatum', 'isVan', 'heeftBetrekkingOp', 'heeftAlsInitiator', 'heeft']);
    for (const naam of ['omschrijving', 'startdatum', 'heeftBetrekkingOp']) expect({ naam, nietGeautoriseerd: nietGeautoriseerd(child(plan, naam)) }).toEqual({ naam, nietGeautoriseerd: true });
    expect(tekst(plan, 'isVan', 'gerelateerde', 'code')).toBe('GZP');
    expect(tekst(plan, 'heeftAlsInitiator', 'gerelateerde', 'medewerker', 'identificatie')).toBe('MDW-REGIE-1');
    expect(statussen(plan)).toEqual([expect.objectContaining({ volgnummer: '2', indicatieLaatsteStatus: 'J' })]);
    for (const bsn of [A, C]) expect(r.body).not.toContain(bsn);
  });

  it.each(['kcc', 'backoffice'] as const)('als %s zonder scope: hetzelfde standaardantwoord als in open modus', async (wie) => {
    const [plan] = lijst(await vraagAls(wie, { client: nps(C) })).objecten;
    expect(plan.children.map((c) => c.local)).toEqual(['identificatie', 'isVan', 'heeftAlsInitiator', 'heeft']);
    expect(tekst(plan, 'heeftAlsInitiator', 'gerelateerde', 'medewerker', 'achternaam')).toBe('Bakker');
  });

  it('als kcc: in een gewone zaak blijft de persoon naar wie gevraagd is zichtbaar (procesbeeld)', async () => {
    const [deel] = lijst(await vraagAls('kcc', { client: nps(B) }, { scope: SCOPE })).objecten;
    expect(tekst(deel, 'identificatie')).toBe(DEEL2);
    expect(tekst(deel, 'omschrijving')).toBe('Deelplan');
    expect(sleutels(deel, 'heeftBetrekkingOp')).toEqual([B]);
    expect(tekst(deel, 'heeftAlsInitiator', 'gerelateerde', 'natuurlijkPersoon', 'inp.bsn')).toBe(B);
  });

  it('als regie: alles wat de scope vraagt', async () => {
    const [, plan] = lijst(await vraagAls('regie', { client: nps(B) }, { scope: SCOPE })).objecten;
    expect(tekst(plan, 'omschrijving')).toBe('Gezinsplan');
    expect(tekst(plan, 'startdatum')).toBe('20240115');
    expect(sleutels(plan, 'heeftBetrekkingOp')).toEqual([A, B, C]);
    expect(statussen(plan).map((s) => s.volgnummer)).toEqual(['2', '1']);
  });

  it('een applicatie die alleen WMO01 mag lezen ziet de plannen en haar eigen zaken, niet die van een ander zaaktype; de telling ook', async () => {
    expect(lijst(await vraagAls('smal', { client: nps(B) }, { indicatorAantal: true }))).toMatchObject({ ids: [GZP], aantal: '1', vervolg: 'false' });
    expect(lijst(await vraagAls('smal', { client: nps(A) }, { indicatorAantal: true }))).toMatchObject({ ids: [DEEL1, GZP, LDP, AFGEROND].sort(), aantal: '4' });
    // Skipped zaken do not shorten a page: the next readable ones fill it.
    expect(lijst(await vraagAls('smal', { plan: GZP }, { maximumAantal: 1, indicatorAantal: true }))).toMatchObject({ ids: [DEEL1], vervolg: 'true', aantal: '2' });
    expect(lijst(await vraagAls('smal', { plan: GZP }, { maximumAantal: 1, vervolgNa: DEEL1 }))).toMatchObject({ ids: [LDP], vervolg: 'false' });
    expect(lijst(await vraagAls('smal', { initiator: nps(VEELVRAGER) }, { indicatorAantal: true }))).toMatchObject({ ids: [], aantal: '0', vervolg: 'false' });
  });

  it('zonder aanmelding: StUF052', async () => {
    const r = await gw.stuur(inEnvelope(zoekZaken({ client: nps(A) })), { pad: '/BeantwoordVraag', actie: ZAKLV01_ACTIE });
    expect(schoneFout(r)).toMatchObject({ soort: 'Fo02' });
    expect(r.body).not.toContain(A);
    expect(path(bericht(r.body), 'body', 'code')?.text).toMatch(/^StUF0(13|52)$/);
  });
});

describe('stuf.persoonsvraag uit (de standaard, zds.md A8)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway();
    await bouwFamilie(gw);
  });
  afterAll(async () => gw.sluit());
  const vraag = (s: Selectie) => gw.stuur(inEnvelope(zoekZaken(s)), { pad: '/BeantwoordVraag', actie: ZAKLV01_ACTIE });

  it.each([['client', { client: nps(A) }], ['initiator', { initiator: A }]] as const)('op %s: Fo02 StUF052 die zegt hoe het aan gaat, zonder BSN', async (_naam, s) => {
    const r = await vraag(s);
    expect(schoneFout(r)).toMatchObject({ soort: 'Fo02' });
    expect(path(bericht(r.body), 'body', 'code')?.text).toBe('StUF052');
    expect(path(bericht(r.body), 'body', 'details')?.text).toMatch(/stuf\.persoonsvraag: aan/);
    expect(r.body).not.toContain(A);
  });

  it('de deelplannen van een gezinsplan vragen is geen persoonsvraag en werkt', async () => {
    expect(lijst(await vraag({ plan: GZP })).ids).toEqual([DEEL1, DEEL2, LDP]);
  });
});
