// One open plan per family (issue 18 item 3, seed 000; config rzs.eenPlanPerGezin): a creeerZaak or updateZaak that
// makes a person a client of a second open gezinsplan is accepted with a log note (waarschuw, the default) or
// refused with Fo03 StUF058 (weiger); both name the rule and the plans, never the person. A closed gezinsplan, a
// levensdomeinplan and a deelplan do not count. A team of regisseurs is one plan: further regisseurs are
// heeftAlsUitvoerende medewerkers, and with gebruikersniveau each of them sees the content; the initiator stays the
// regisseur. Both dialects; a part in secured mode, whose log must hold no BSN; and three plans for one family sent
// at the same moment under weiger, of which one is stored (on PostgreSQL each runs on a connection of its own).
import { TestGateway, persoonsgegevensInLog, startGateway, vangLog } from '../support/gateway';
import { inEnvelope } from '../support/soap';
import { Dialect, Sturing, actie, geefZaakdetails, legeRelatie, medewerker, rol, wijzig } from '../support/dialecten';
import { aanmelding, als, beveiligd, client, deelplan, gezinsplan, levensdomeinplan, regisseur, uitvoerendeVestiging } from '../support/planBerichten';
import { HttpAntwoord, goed, objectUit, schoneFout, sleutels } from '../support/antwoorden';
import { XElement, attr, child } from '../../src/stuf/xml';
import { NS } from '../../src/stuf/namespaces';

// BSNs that pass the elfproef, so the secured gateway's log check would see them.
const A = '111222308';
const B = '111222321';
const C = '111222333';
const D = '111222345';
const E = '111222357';
const F = '111222369';
const ALLE_BSNS = [A, B, C, D, E, F];
const REGEL = 'rzs.eenPlanPerGezin';

type Kennisgeving = 'creeerZaak' | 'updateZaak';

/** The message with the logged-in medewerker in stuurgegevens/zender/gebruiker (after applicatie, schema order). */
const metGebruiker = (xml: string, gebruiker?: string) =>
  gebruiker === undefined ? xml : xml.replace('</StUF:applicatie></StUF:zender>', `</StUF:applicatie><StUF:gebruiker>${gebruiker}</StUF:gebruiker></StUF:zender>`);

function verbinding(gw: () => TestGateway, d: Dialect, headers: Record<string, string> = {}, sturing: Sturing = {}) {
  return {
    stuur: (xml: string, dienst: Kennisgeving = 'creeerZaak') => gw().stuur(inEnvelope(xml), { actie: actie(d, dienst), headers }),
    /** geefZaakdetails, scope alles; undefined when the gateway holds no such zaak. */
    details: async (id: string, gebruiker?: string) =>
      objectUit(await gw().stuur(inEnvelope(metGebruiker(geefZaakdetails(d, id, undefined, sturing), gebruiker)), { actie: actie(d, 'geefZaakdetails'), pad: '/BeantwoordVraag', headers })),
    /** Asserts a Fo03 StUF058 whose details contain every part and no BSN; returns the details. */
    async geweigerd(r: Promise<HttpAntwoord>, ...delen: string[]): Promise<string> {
      const f = schoneFout(await r);
      expect({ soort: f.soort, code: f.code }).toEqual({ soort: 'Fo03', code: 'StUF058' });
      for (const deel of delen) expect(f.details).toContain(deel);
      for (const bsn of ALLE_BSNS) expect(f.details).not.toContain(bsn);
      return f.details!;
    },
  };
}

/** updateZaak adding a client to a plan. */
const voegClientToe = (d: Dialect, plan: string, bsn: string, sturing?: Sturing) =>
  wijzig(d, 'updateZaak', plan, legeRelatie('heeftBetrekkingOp', 'ZAKOBJ', 'T'), client(bsn), { vs: 'I', sturing });
const NIL_EINDDATUM = '<ZKN:einddatum xsi:nil="true" StUF:noValue="geenWaarde"/>';
const einddatum = (datum: string) => `<ZKN:einddatum>${datum}</ZKN:einddatum>`;
const sluit = (d: Dialect, plan: string) => wijzig(d, 'updateZaak', plan, NIL_EINDDATUM, einddatum('20240301'));
const heropen = (d: Dialect, plan: string) => wijzig(d, 'updateZaak', plan, einddatum('20240301'), NIL_EINDDATUM);

describe.each<Dialect>(['zds12', 'zds11'])('één open gezinsplan per gezin in %s', (d) => {
  const pre = `0599EP${d === 'zds12' ? '12' : '11'}`;

  describe('waarschuw (standaard): geaccepteerd, met een melding in het log zonder persoonsgegevens', () => {
    let gw: TestGateway;
    const { log, regels } = vangLog();
    const v = verbinding(() => gw, d);
    beforeAll(async () => {
      gw = await startGateway({}, `eenPlanPerGezin-waarschuw-${d}`, log);
    });
    afterAll(async () => gw.sluit());

    it('een tweede open gezinsplan met een client van het eerste (creeerZaak), en een client toegevoegd aan een ander gezinsplan (updateZaak)', async () => {
      const eerste = `${pre}WGZP1`;
      const tweede = `${pre}WGZP2`;
      const derde = `${pre}WGZP3`;
      goed(await v.stuur(gezinsplan(d, { id: eerste, clients: [A, B] })));
      goed(await v.stuur(gezinsplan(d, { id: tweede, clients: [C, B] })));
      expect(sleutels(await v.details(tweede), 'heeftBetrekkingOp')).toEqual([C, B]);
      goed(await v.stuur(gezinsplan(d, { id: derde, clients: [D] })));
      goed(await v.stuur(voegClientToe(d, derde, A), 'updateZaak'));
      expect(sleutels(await v.details(derde), 'heeftBetrekkingOp')).toEqual([D, A]);

      const logregels = regels.join('');
      expect(logregels).toContain(`${REGEL}: client 2 van 2 van gezinsplan ${tweede} is al client van open gezinsplan ${eerste}`);
      expect(logregels).toContain(`${REGEL}: client 2 van 2 van gezinsplan ${derde} is al client van open gezinsplan ${eerste}`);
      // A family on its own gets no note.
      expect(logregels).not.toContain(`client 1 van 1 van gezinsplan ${derde}`);
      for (const bsn of ALLE_BSNS) expect(logregels).not.toContain(bsn);
    });
  });

  describe('weiger: Fo03 StUF058 die de regel en het andere plan noemt, nooit de persoon; er blijft niets achter', () => {
    let gw: TestGateway;
    const v = verbinding(() => gw, d);
    const GEZIN = `${pre}GZP01`;
    const LDP = `${pre}LDP01`;
    beforeAll(async () => {
      gw = await startGateway({ rzs: { eenPlanPerGezin: 'weiger' } }, `eenPlanPerGezin-weiger-${d}`);
      goed(await v.stuur(gezinsplan(d, { id: GEZIN, clients: [A, B] })));
    });
    afterAll(async () => gw.sluit());

    it('creeerZaak van een tweede open gezinsplan met een client van het eerste', async () => {
      const id = `${pre}GZP02`;
      await v.geweigerd(v.stuur(gezinsplan(d, { id, clients: [C, B] })), REGEL, `client 2 van 2 van gezinsplan ${id} is al client van open gezinsplan ${GEZIN}`, 'één gezinsplan tegelijk');
      expect(await v.details(id)).toBeUndefined();
    });

    it('updateZaak die een client van een ander open gezinsplan toevoegt; een nieuwe client en een wijziging zonder client mogen', async () => {
      const id = `${pre}GZP03`;
      goed(await v.stuur(gezinsplan(d, { id, clients: [C] })));
      await v.geweigerd(v.stuur(voegClientToe(d, id, A), 'updateZaak'), REGEL, `client 2 van 2 van gezinsplan ${id} is al client van open gezinsplan ${GEZIN}`);
      expect(sleutels(await v.details(id), 'heeftBetrekkingOp')).toEqual([C]);
      goed(await v.stuur(voegClientToe(d, id, D), 'updateZaak'));
      goed(await v.stuur(wijzig(d, 'updateZaak', id, '<ZKN:omschrijving>Gezinsplan</ZKN:omschrijving>', '<ZKN:omschrijving>Gezinsplan gewijzigd</ZKN:omschrijving>'), 'updateZaak'));
      expect(sleutels(await v.details(id), 'heeftBetrekkingOp')).toEqual([C, D]);
    });

    it('een beëindigde clientrelatie telt niet: de client is vrij voor een eigen gezinsplan', async () => {
      const id = `${pre}GZP03`; // clients C and D, from the test before
      const beeindig = client(D).replace('StUF:verwerkingssoort="T"', 'StUF:verwerkingssoort="E"');
      goed(await v.stuur(wijzig(d, 'updateZaak', id, beeindig, legeRelatie('heeftBetrekkingOp', 'ZAKOBJ', 'E'), { vs: 'I' }), 'updateZaak'));
      expect(sleutels(await v.details(id), 'heeftBetrekkingOp')).toEqual([C]);
      goed(await v.stuur(gezinsplan(d, { id: `${pre}GZP07`, clients: [D] })));
    });

    it('een levensdomeinplan en een deelplan zijn geen gezinsplan: ze tellen niet en worden niet geweigerd', async () => {
      goed(await v.stuur(levensdomeinplan(d, { id: LDP, clients: [A, E], gezinsplan: GEZIN })));
      goed(await v.stuur(deelplan(d, { id: `${pre}WMO01`, clients: [A, F], plannen: [GEZIN, LDP] })));
      // E is a client of a levensdomeinplan only, F of a deelplan only: free for a gezinsplan of their own.
      goed(await v.stuur(gezinsplan(d, { id: `${pre}GZP04`, clients: [E, F] })));
    });

    it('een gesloten gezinsplan telt niet; heropenen terwijl een ander open plan de client heeft wordt geweigerd', async () => {
      const nieuw = `${pre}GZP05`;
      goed(await v.stuur(sluit(d, GEZIN), 'updateZaak'));
      goed(await v.stuur(gezinsplan(d, { id: nieuw, clients: [A, B] })));
      await v.geweigerd(v.stuur(heropen(d, GEZIN), 'updateZaak'), REGEL, `client 1 van 2 van gezinsplan ${GEZIN} is al client van open gezinsplan ${nieuw}`, `client 2 van 2 van gezinsplan ${GEZIN}`);
      expect(child((await v.details(GEZIN))!, 'einddatum')?.text).toBe('20240301');
    });
  });
});

describe('beveiligd: een team van regisseurs op één plan, en het log zonder persoonsgegevens', () => {
  const d: Dialect = 'zds12';
  let gw: TestGateway;
  const { log, regels } = vangLog();
  const regie = verbinding(() => gw, d, aanmelding('regie'), als('regie'));
  const PLAN = '0599EPTEAMGZP1';
  const REGISSEUR = 'MDW-REGIE-1';
  const TEAM = ['MDW-DUO-2', 'MDW-TRIO-3'];
  const ERBIJ = 'MDW-VIER-4';
  const ANDER = 'MDW-ANDER-9';
  const nietGeautoriseerd = (e: XElement | undefined) => !!e && attr(e, NS.xsi, 'nil') === 'true' && attr(e, NS.stuf, 'noValue') === 'nietGeautoriseerd';
  /** Withheld: the element itself, or each of its children, is nietGeautoriseerd. */
  const afgeschermd = (e: XElement | undefined) => !!e && (nietGeautoriseerd(e) || (e.children.length > 0 && e.children.every(nietGeautoriseerd)));

  beforeAll(async () => {
    gw = await startGateway(beveiligd({ perRol: { regie: { gebruikersniveau: 'aan' } } }), 'eenPlanPerGezin-beveiligd', log);
  });
  afterAll(async () => {
    await gw.sluit();
    expect(persoonsgegevensInLog(regels, gw.config)).toEqual([]);
  });

  it('een gezinsplan met de regisseur als initiator en twee verdere regisseurs als uitvoerende medewerkers (naast een vestiging)', async () => {
    const team = TEAM.map((id, i) => rol('heeftAlsUitvoerende', medewerker(id, `Regisseur${i + 2}`), 'T', 'Regisseur'));
    goed(await regie.stuur(gezinsplan(d, { id: PLAN, clients: [A, B], initiator: regisseur(REGISSEUR) + team.join('') + uitvoerendeVestiging('000012345678'), sturing: als('regie') })));
  });

  it('de regisseur en elk teamlid zien de inhoud; de initiator blijft de ene regisseur', async () => {
    for (const wie of [REGISSEUR, ...TEAM]) {
      const o = await regie.details(PLAN, wie);
      expect(sleutels(o, 'heeftBetrekkingOp')).toEqual([A, B]);
      expect(sleutels(o, 'heeftAlsInitiator')).toEqual([REGISSEUR]);
      expect(sleutels(o, 'heeftAlsUitvoerende')).toEqual([...TEAM, '000012345678']);
    }
  });

  it('een andere gebruiker ziet alleen het plan: de regisseur, geen clients en geen team', async () => {
    const o = await regie.details(PLAN, ANDER);
    expect(sleutels(o, 'heeftAlsInitiator')).toEqual([REGISSEUR]);
    for (const naam of ['heeftBetrekkingOp', 'heeftAlsUitvoerende']) expect([naam, afgeschermd(child(o!, naam))]).toEqual([naam, true]);
    expect(JSON.stringify(o)).not.toContain(A);
  });

  it('een regisseur die later aan het team wordt toegevoegd ziet de inhoud ook', async () => {
    const o = () => regie.details(PLAN, ERBIJ);
    expect(JSON.stringify(await o())).not.toContain(A);
    goed(await regie.stuur(wijzig(d, 'updateZaak', PLAN, legeRelatie('heeftAlsUitvoerende', 'ZAKBTRUTV', 'T'), rol('heeftAlsUitvoerende', medewerker(ERBIJ, 'Regisseur4'), 'T', 'Regisseur'), { vs: 'I', sturing: als('regie') }), 'updateZaak'));
    expect(sleutels(await o(), 'heeftBetrekkingOp')).toEqual([A, B]);
  });

  it('een tweede open gezinsplan voor hetzelfde gezin: waarschuwing in het log, zonder BSN', async () => {
    const tweede = '0599EPTEAMGZP2';
    goed(await regie.stuur(gezinsplan(d, { id: tweede, clients: [B], initiator: regisseur(ANDER), sturing: als('regie') })));
    expect(regels.join('')).toContain(`${REGEL}: client 1 van 1 van gezinsplan ${tweede} is al client van open gezinsplan ${PLAN}`);
  });
});

describe('weiger, gelijktijdig: van gezinsplannen voor één gezin die tegelijk binnenkomen wordt er één aangenomen', () => {
  const d: Dialect = 'zds12';
  let gw: TestGateway;
  const v = verbinding(() => gw, d);
  // Elfproef BSNs of their own: betrokkenen are shared by key, and the rounds must not see the plans above.
  const PERSONEN = ['222333005', '222333017', '222333029', '222333030', '222333042', '222333054'];
  const TEGELIJK = 3;
  beforeAll(async () => {
    gw = await startGateway({ rzs: { eenPlanPerGezin: 'weiger' } }, 'eenPlanPerGezin-gelijktijdig');
  });
  afterAll(async () => gw.sluit());

  // On PostgreSQL the messages run on connections of their own; before the person's row was claimed, each check saw
  // no other plan and all of them were stored.
  it(`${TEGELIJK} creeerZaken tegelijk, per persoon: één Bv03, de andere Fo03 StUF058; één open plan opgeslagen`, async () => {
    for (const [r, bsn] of PERSONEN.entries()) {
      // Half the rounds a person the gateway holds already (a closed plan), half a person it stores now.
      if (r % 2 === 0) {
        const oud = `0599EPGT${r}OUD`;
        goed(await v.stuur(gezinsplan(d, { id: oud, clients: [bsn] })));
        goed(await v.stuur(sluit(d, oud), 'updateZaak'));
      }
      const ids = Array.from({ length: TEGELIJK }, (_, k) => `0599EPGT${r}N${k}`);
      const antwoorden = await Promise.all(ids.map((id) => v.stuur(gezinsplan(d, { id, clients: [bsn] }))));
      const aangenomen = ids.filter((_, k) => antwoorden[k].status === 200);
      expect([r, aangenomen.length]).toEqual([r, 1]);
      for (const [k, a] of antwoorden.entries()) {
        if (a.status === 200) continue;
        const f = schoneFout(a);
        expect({ soort: f.soort, code: f.code }).toEqual({ soort: 'Fo03', code: 'StUF058' });
        expect(f.details).toContain(`gezinsplan ${ids[k]} is al client van open gezinsplan ${aangenomen[0]}`);
        expect(await v.details(ids[k])).toBeUndefined();
      }
      expect(sleutels(await v.details(aangenomen[0]), 'heeftBetrekkingOp')).toEqual([bsn]);
    }
  });
});
