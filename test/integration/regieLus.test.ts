// The regie loop end to end (issue 18, item 6): the ten interactions between regiesysteem and zaaksysteem, as one
// test per implementation variant of the abonnementenbeheer (rzs.md §6.4) and per scenario, in both dialects, in
// secured mode (regiesysteem role regie, backoffice role backoffice, HTTP basic), over real HTTP on loopback ports.
// Regiesysteem and backoffice are receivers that record what reaches them (test/support/ontvanger.ts).
//
// Scenario A, the aanvraag enters at the regiesysteem (seed 002):
//   1 regie genereerZaakIdentificatie            → the gezinsplan's identificatie
//   2 regie creeerZaak gezinsplan                (clients, regisseur as initiator) → nobody is notified
//   3 regie person query (plain zakLv01)         → the client's gezinsplan with its regisseur and clients
//   4 regie creeerZaak deelplan                  (WMO01, heeftBetrekkingOpAndere → gezinsplan) → no echo, no signal
//   5 notification Creeer zaak                   → backoffice (thin), nothing to regie
//   6 regie overdragenZaak_Di01                  → routed to the backoffice unchanged
//   7 backoffice geefZaakdetails                 → the deelplan in full; its gezinsplan as a plan (content nietGeautoriseerd)
//   8 backoffice overdragenZaak_Du01 geaccepteerd → relayed to regie in the flavour it asked in
//   9 backoffice actualiseerZaakstatus           → regie notified (with the gezinsplan), no echo to the backoffice
//  10 closing                                    backoffice end status → regie notified; regie lists the plan's deelplannen
//                                                and closes the plan → backoffice notified, no echo to regie
// Scenario B, the aanvraag arrives at the backoffice (signalen):
//   1, 2 as in A
//   3 backoffice person query                    → the gezinsplan and its regisseur; clients nietGeautoriseerd
//   4 backoffice creeerZaak WMO01 for the client → no echo to the backoffice
//   5 signal to the regisseur                    notificeerOverZaak with extraElement gezinsplan, no person in it
//   6 regie geefZaakdetails                      → the zaak in full, not yet in a plan
//   7 regie updateZaak heeftBetrekkingOpAndere   → backoffice notified Update zaak, no echo to regie
//   8 backoffice actualiseerZaakstatus
//   9 notification Actualiseer zaakstatus        → regie, now with the gezinsplan (a deelplan); no echo
//  10 closing as in A
//
// Variants: 2, the gateway is the abonnementenbeheer (notificaties.modus intern, its own subscriptions). 1, it lives in
// the servicebus: regiesysteem and backoffice talk to the bus, which routes every message to the gateway as it came;
// the gateway (modus extern) gives the bus an initieerNotificeerOverZaak per change, and the bus notifies its
// subscribers. 3, a separate abonnementenbeheer: the applications talk to the gateway directly, the gateway's
// triggers go to that application, which notifies the subscribers. Both external ones are one loopback process
// (test/support/regieLusBus.ts) with the same subscriptions as the gateway's in variant 2, so every variant must end in
// the same deliveries; only the sender of the notifications differs. The signal is the gateway's own in every variant.
import { NS } from '../../src/stuf/namespaces';
import { XElement, attr, child, children, path } from '../../src/stuf/xml';
import { REFERENTIE_ZAAKTYPEN } from '../../src/domain/referentieZaaktypen';
import { TestGateway, startGateway } from '../support/gateway';
import { Ontvangen, TestOntvanger, bezorgd, tekstVan } from '../support/ontvanger';
import { bericht, inEnvelope } from '../support/soap';
import { HttpAntwoord, goed, sleutels } from '../support/antwoorden';
import { Dialect, actie, creeerZaak, geefZaakdetails, genereerZaakIdentificatie, legeRelatie, persoon, rol, status, wijzig } from '../support/dialecten';
import { TestRol, aanmelding, als, beveiligd, client, deelplan, gezinsplan, koppel } from '../support/planBerichten';
import { ZAKLV01_ACTIE, nps, scopeMet, zoekZaken } from '../support/zoekBerichten';
import { overdrachtActie, overdragenZaakDi01, overdragenZaakDu01 } from '../support/overdrachtBerichten';
import { luister } from '../support/soapClientOpname';
import { Abonnee, Abonnementenbeheer, extraElementen } from '../support/regieLusBus';

const SNEL = { intervalMs: 20, eersteWachttijdSeconden: 0.1, maxWachttijdSeconden: 0.5, timeoutSeconden: 2 };
const WMO = { code: 'WMO01', omschrijving: 'Aanvraag Wmo-voorziening' };
const CATALOGUS = [
  ...REFERENTIE_ZAAKTYPEN,
  {
    ...WMO,
    statustypen: [
      { volgnummer: 1, omschrijving: 'Aanvraag ontvangen', eindstatus: false },
      { volgnummer: 2, omschrijving: 'In behandeling', eindstatus: false },
      { volgnummer: 3, omschrijving: 'Afgehandeld', eindstatus: true },
    ],
  },
];
/** The default regisseur of the plan builders (planBerichten.regisseur). */
const REGISSEUR = 'MDW-REGIE-1';

type Variant = 1 | 2 | 3;
const VARIANTEN: [Variant, string][] = [[2, 'in de gateway'], [1, 'in de servicebus'], [3, 'een aparte applicatie']];
const GEVALLEN = VARIANTEN.flatMap(([v, o]) => (['zds12', 'zds11'] as Dialect[]).map((d) => [v, o, d] as const));

/** A fresh BSN that passes the elfproef: each test its own family. */
let volgnummer = 0;
function nieuweBsn(): string {
  for (;;) {
    const basis = String(31000000 + ++volgnummer * 13).padStart(8, '0');
    const controle = [...basis].reduce((s, c, i) => s + Number(c) * (9 - i), 0) % 11;
    if (controle < 10) return basis + controle;
  }
}

/** The builders name zaaktype B1026's omschrijving; a WMO01 zaak carries its own. */
const alsWmo = (xml: string) => xml.replace(/(<ZKN:isVan[^>]*><ZKN:gerelateerde[^>]*>)<ZKN:omschrijving>[^<]*<\/ZKN:omschrijving>/, `$1<ZKN:omschrijving>${WMO.omschrijving}</ZKN:omschrijving>`);

const zetStatus = (d: Dialect, zaak: string, vn: number, omschrijving: string, datum: string, wie: TestRol) =>
  wijzig(d, 'actualiseerZaakstatus', zaak, legeRelatie('heeft', 'ZAKSTT', 'T'), status(vn, omschrijving, datum), { sturing: als(wie) });

const nietGeautoriseerd = (e: XElement) => attr(e, NS.xsi, 'nil') === 'true' && attr(e, NS.stuf, 'noValue') === 'nietGeautoriseerd';

/** What a party received, in one line: sender, message, zaak, gebeurtenis, plans, status, handover answer. */
function wat(o: Ontvangen): string {
  const object = child(o.root, 'object');
  const delen = [`${o.stuurgegevens.zender?.applicatie}:`, o.root.local, tekstVan(object, 'identificatie')];
  for (const [naam, waarde] of extraElementen(o.root)) delen.push(naam === 'gebeurtenis' ? waarde : `${naam}=${waarde}`);
  const vn = tekstVan(object, 'heeft', 'gerelateerde', 'volgnummer');
  if (vn) delen.push(`status ${vn}`);
  const antwoord = tekstVan(object, 'antwoord');
  if (antwoord) delen.push(antwoord);
  return delen.join(' ');
}

/** The answer's objects (a La01 may hold several). */
const objecten = (r: HttpAntwoord) => children(child(goed(r), 'antwoord'), 'object');

/** The Bv03 of an accepted kennisgeving or Di01/Du01. */
function bv03(r: HttpAntwoord): void {
  const b = goed(r);
  expect(`{${b.ns}}${b.local}`).toBe(`{${NS.stuf}}Bv03Bericht`);
}

/** Names the interaction in a failure, so a broken loop says where it broke. */
async function stap(n: number, omschrijving: string, f: () => Promise<void>): Promise<void> {
  try {
    await f();
  } catch (e) {
    if (e instanceof Error) e.message = `interactie ${n} (${omschrijving}): ${e.message}`;
    throw e;
  }
}

describe.each(GEVALLEN)('regielus, abonnementenbeheer variant %i (%s), %s', (variant, _omschrijving, d) => {
  const kort = `v${variant}-${d}`;
  const regie = new TestOntvanger(`regie-${kort}`, 'REGIESYSTEEM');
  const backoffice = new TestOntvanger(`backoffice-${kort}`, 'BACKOFFICE');
  // The regisseur hears of new zaken of its families through the signal, so it subscribes to the later events only.
  const abonnementen: Abonnee[] = [
    { ontvanger: regie, zaaktypen: ['*'], gebeurtenissen: ['Update zaak', 'Actualiseer zaakstatus'], verrijkt: true },
    { ontvanger: backoffice, zaaktypen: [WMO.code], gebeurtenissen: ['*'] },
    { ontvanger: backoffice, zaaktypen: ['GZP'], gebeurtenissen: ['Actualiseer zaakstatus'] },
  ];
  const beheer = variant === 2
    ? undefined
    : new Abonnementenbeheer(`beheer-${kort}`, { organisatie: '0599', applicatie: variant === 1 ? 'SERVICEBUS' : 'ABONNEMENTENBEHEER' }, abonnementen, variant === 1 ? () => gwBasis : undefined);
  /** Who sends the subscribers their notifications. */
  const notificeerder = beheer?.eigen.applicatie ?? 'ZDSGW';
  const smaak = d === 'zds12' ? 'zds12' : 'rzs';
  let gw: TestGateway;
  let gwBasis = '';
  let verzonden = 0;
  let n = 0;
  const eigenId = () => `0599RL${variant}${d === 'zds12' ? 2 : 1}${String(++n).padStart(4, '0')}`;

  beforeAll(async () => {
    await Promise.all([regie.start(), backoffice.start(), beheer?.start()]);
    const bestemming = (o: { naam: string; adres: string }, applicatie: string, extra: Record<string, unknown> = {}) =>
      ({ naam: o.naam, adres: o.adres, ontvanger: { organisatie: '0599', applicatie }, ...extra });
    gw = await startGateway({
      ...beveiligd(),
      stuf: { persoonsvraag: 'aan' },
      zaaktypen: { catalogus: CATALOGUS },
      bestemmingen: [
        bestemming(regie, regie.applicatie, { verrijkt: true }),
        bestemming(backoffice, backoffice.applicatie, { behandelaar: { identificatie: 'OEH-WMO', naam: 'Team Wmo' } }),
        ...(beheer ? [bestemming(beheer, beheer.eigen.applicatie, { verrijkt: true })] : []),
      ],
      ...(beheer
        ? { notificaties: { modus: 'extern', abonnementenbeheer: beheer.naam } }
        : { abonnementen: abonnementen.map((a) => ({ bestemming: a.ontvanger.naam, zaaktypen: a.zaaktypen, gebeurtenissen: a.gebeurtenissen })) }),
      signalen: { zaaktypen: [WMO.code], bestemming: regie.naam },
      bezorging: SNEL,
    }, `regieLus-${kort}`);
    gwBasis = await luister(gw);
  });
  afterAll(async () => {
    // Also checks that the secured gateway's log holds no BSN (test/support/gateway.ts).
    await gw.sluit();
    await Promise.all([regie.stop(), backoffice.stop(), beheer?.stop()]);
  });

  /** A message of the regiesysteem or backoffice with its own credentials: to the bus in variant 1, else to the gateway. */
  async function stuur(wie: TestRol, xml: string, soapActie: string, pad: string): Promise<HttpAntwoord> {
    verzonden++;
    const r = await fetch(`${beheer && variant === 1 ? beheer.basis : gwBasis}${pad}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${soapActie}"`, ...aanmelding(wie) },
      body: inEnvelope(xml),
    });
    return { status: r.status, body: await r.text(), headers: Object.fromEntries(r.headers) };
  }
  const zaakbericht = (wie: TestRol, xml: string, dienst: 'creeerZaak' | 'updateZaak' | 'actualiseerZaakstatus') => stuur(wie, xml, actie(d, dienst), '/OntvangAsynchroon');
  const details = async (wie: TestRol, zaak: string) => {
    const [o] = objecten(await stuur(wie, geefZaakdetails(d, zaak, undefined, als(wie)), actie(d, 'geefZaakdetails'), '/BeantwoordVraag'));
    return o;
  };
  const zoek = (wie: TestRol, xml: string) => stuur(wie, xml, ZAKLV01_ACTIE, '/BeantwoordVraag');

  interface Gevolg {
    regie: string[];
    backoffice: string[];
    /** The initieerNotificeerOverZaak the external abonnementenbeheer got: zaak, gebeurtenis, zendende applicatie. */
    triggers: string[];
  }

  /** Runs the interaction, waits until the gateway's outbox and the abonnementenbeheer are done, and says who got what. */
  async function na(actie: () => Promise<void>): Promise<Gevolg> {
    const begin = [regie.ontvangen.length, backoffice.ontvangen.length, beheer?.triggers.length ?? 0];
    await actie();
    await bezorgd(gw);
    await beheer?.stil();
    expect(beheer?.fouten ?? []).toEqual([]);
    return {
      regie: regie.ontvangen.slice(begin[0]).map(wat),
      backoffice: backoffice.ontvangen.slice(begin[1]).map(wat),
      triggers: (beheer?.triggers.slice(begin[2]) ?? []).map((t) => {
        const e = Object.fromEntries(t.extra);
        return `${tekstVan(t.root, 'object', 'identificatie')} ${e.gebeurtenis} door ${e.zendendeApplicatie}`;
      }),
    };
  }
  /** In variants 1 and 3 the gateway hands every change to the abonnementenbeheer; in 2 there is none. */
  const triggers = (...t: string[]) => (beheer ? t : []);

  /** Variant 1: every message of the regiesysteem and the backoffice reached the gateway through the bus. */
  const allesViaDeBus = () => {
    if (variant === 1) expect(beheer!.doorgegeven.filter((x) => x.naar === 'gateway')).toHaveLength(verzonden);
  };

  /** Interactions 1 and 2 of both scenarios: a family with a gezinsplan. */
  async function gezinMetPlan(clients: string[]): Promise<string> {
    let plan = '';
    await stap(1, 'genereerZaakIdentificatie', async () => {
      const g = await na(async () => {
        const du02 = goed(await stuur('regie', genereerZaakIdentificatie(d, als('regie')), actie(d, 'genereerZaakIdentificatie'), '/VrijeBerichten'));
        expect(du02.local).toBe('genereerZaakIdentificatie_Du02');
        plan = path(du02, 'zaak', 'identificatie')!.text;
      });
      expect(plan).toMatch(/^0599\d{12}$/);
      expect(g).toEqual({ regie: [], backoffice: [], triggers: [] });
    });
    await stap(2, 'creeerZaak gezinsplan', async () => {
      const g = await na(async () => bv03(await zaakbericht('regie', gezinsplan(d, { id: plan, clients, sturing: als('regie') }), 'creeerZaak')));
      // Nobody subscribes to a new gezinsplan, and the regiesysteem would not hear of its own change anyway.
      expect(g).toEqual({ regie: [], backoffice: [], triggers: triggers(`${plan} Creeer zaak door REGIESYSTEEM`) });
    });
    return plan;
  }

  /** Interaction 10 of both scenarios: the backoffice closes the deelplan, the regisseur checks the plan's deelplannen and closes the plan. */
  async function sluitAf(plan: string, deel: string): Promise<void> {
    await stap(10, 'afsluiten: deelplan, lijst van deelplannen, gezinsplan', async () => {
      const eind = await na(async () => bv03(await zaakbericht('backoffice', zetStatus(d, deel, 3, 'Afgehandeld', '20240301120000000', 'backoffice'), 'actualiseerZaakstatus')));
      expect(eind).toEqual({
        regie: [`${notificeerder}: notificeerOverZaak_Di01 ${deel} Actualiseer zaakstatus gezinsplan=${plan} status 3`],
        backoffice: [],
        triggers: triggers(`${deel} Actualiseer zaakstatus door BACKOFFICE`),
      });
      const lijst = objecten(await zoek('regie', zoekZaken({ plan }, { scope: scopeMet('identificatie', 'einddatum'), sturing: als('regie') })));
      expect(lijst.map((o) => [tekstVan(o, 'identificatie'), tekstVan(o, 'einddatum')])).toEqual([[deel, '20240301']]);
      const plansluiting = await na(async () => bv03(await zaakbericht('regie', zetStatus(d, plan, 4, 'Zaak afgerond', '20240302100000000', 'regie'), 'actualiseerZaakstatus')));
      // Only the zaak's own notification (rzs.md A24), thin: the backoffice learns the plan closed, not who was in it.
      expect(plansluiting).toEqual({
        regie: [],
        backoffice: [`${notificeerder}: notificeerOverZaak_Di01 ${plan} Actualiseer zaakstatus status 4`],
        triggers: triggers(`${plan} Actualiseer zaakstatus door REGIESYSTEEM`),
      });
      expect(tekstVan(await details('regie', plan), 'einddatum')).toBe('20240302');
    });
  }

  it('A: de aanvraag komt binnen bij het regiesysteem (seed 002), tien interacties', async () => {
    const [a, b] = [nieuweBsn(), nieuweBsn()];
    const plan = await gezinMetPlan([a, b]);
    const deel = eigenId();
    const di01Ref = `RL-DI01-${kort}-${process.pid}`;

    await stap(3, 'persoonsvraag door de regisseur', async () => {
      const r = await zoek('regie', zoekZaken({ initiator: nps(a), einddatum: true }, { scope: scopeMet('identificatie', 'isVan', 'heeftBetrekkingOp', 'heeftAlsInitiator'), sturing: als('regie') }));
      const [o, ...meer] = objecten(r);
      expect(meer).toEqual([]);
      expect([tekstVan(o, 'identificatie'), tekstVan(o, 'isVan', 'gerelateerde', 'code')]).toEqual([plan, 'GZP']);
      expect(sleutels(o, 'heeftAlsInitiator')).toEqual([REGISSEUR]);
      expect(sleutels(o, 'heeftBetrekkingOp')).toEqual([a, b]);
    });

    let aanmaak: Awaited<ReturnType<typeof na>> | undefined;
    await stap(4, 'creeerZaak deelplan door de regisseur', async () => {
      aanmaak = await na(async () => bv03(await zaakbericht('regie', alsWmo(deelplan(d, { id: deel, clients: [a], plannen: [plan], sturing: als('regie') })), 'creeerZaak')));
      // No echo, and no signal: the regiesysteem made the zaak and it already points to the plan.
      expect(aanmaak.regie).toEqual([]);
      expect(aanmaak.triggers).toEqual(triggers(`${deel} Creeer zaak door REGIESYSTEEM`));
    });

    await stap(5, 'notificatie Creeer zaak aan de backoffice', async () => {
      // The backoffice is not verrijkt: the thin message, no plan.
      expect(aanmaak!.backoffice).toEqual([`${notificeerder}: notificeerOverZaak_Di01 ${deel} Creeer zaak`]);
      const o = backoffice.ontvangen.at(-1)!;
      expect(o.xml).not.toContain(a);
      expect(o.xml).not.toContain(plan);
    });

    await stap(6, 'overdragenZaak_Di01 naar de backoffice', async () => {
      const g = await na(async () => bv03(await stuur('regie', overdragenZaakDi01(smaak, { zaak: deel, zaaktype: WMO.code, omschrijving: WMO.omschrijving, ref: di01Ref, ontvanger: 'BACKOFFICE', meldingen: ['Graag binnen twee weken'] }), overdrachtActie(smaak, 'Di01'), '/OntvangAsynchroon')));
      // The router passes the regiesysteem's message on as it was, in the backoffice's flavour (RZS).
      expect(g).toEqual({ regie: [], backoffice: [`REGIESYSTEEM: overdragenZaak_Di01 ${deel}`], triggers: [] });
      const di01 = backoffice.ontvangen.at(-1)!;
      expect([di01.root.ns, di01.stuurgegevens.referentienummer, di01.actie]).toEqual([NS.rzs, di01Ref, overdrachtActie('rzs', 'Di01')]);
    });

    await stap(7, 'geefZaakdetails door de backoffice: de zaak en haar gezinsplan', async () => {
      const zaak = await details('backoffice', deel);
      expect(sleutels(zaak, 'heeftBetrekkingOp')).toEqual([a]);
      expect(sleutels(zaak, 'heeftBetrekkingOpAndere')).toEqual([plan]);
      const overdracht = Object.fromEntries(children(child(zaak, 'extraElementen'), 'extraElement').map((e) => [attr(e, '', 'naam'), e.text]));
      // Delivered to the backoffice, not yet answered.
      expect(overdracht).toMatchObject({ 'overdracht.status': 'afgeleverd', 'overdracht.backoffice': 'BACKOFFICE' });
      // The plan itself only as a plan: who the regisseur is, not who the clients are.
      const gezin = await details('backoffice', plan);
      expect(sleutels(gezin, 'heeftAlsInitiator')).toEqual([REGISSEUR]);
      expect(children(gezin, 'heeftBetrekkingOp').map(nietGeautoriseerd)).toEqual([true]);
      expect(JSON.stringify(gezin)).not.toContain(b);
    });

    await stap(8, 'overdragenZaak_Du01 Overdracht geaccepteerd', async () => {
      const g = await na(async () => bv03(await stuur('backoffice', overdragenZaakDu01('rzs', { zaak: deel, antwoord: 'Overdracht geaccepteerd', ref: `RL-DU01-${kort}-${process.pid}`, cross: di01Ref, zender: 'BACKOFFICE' }), overdrachtActie('rzs', 'Du01'), '/OntvangAsynchroon')));
      expect(g.regie).toEqual([`BACKOFFICE: overdragenZaak_Du01 ${deel} Overdracht geaccepteerd`]);
      const du01 = regie.ontvangen.at(-1)!;
      expect([du01.root.ns, du01.stuurgegevens.crossRefnummer]).toEqual([smaak === 'rzs' ? NS.rzs : NS.zds, di01Ref]);
      expect(g.backoffice).toEqual([]);
      // The accepting backoffice is now the zaak's behandelaar.
      const zaak = await details('regie', deel);
      expect(children(child(zaak, 'extraElementen'), 'extraElement').find((e) => attr(e, '', 'naam') === 'overdracht.status')?.text).toBe('geaccepteerd');
      expect(children(zaak, 'heeftAlsUitvoerende').map((u) => tekstVan(u, 'gerelateerde', 'organisatorischeEenheid', 'identificatie'))).toContain('OEH-WMO');
    });

    await stap(9, 'actualiseerZaakstatus door de backoffice en de notificatie aan de regisseur', async () => {
      const g = await na(async () => bv03(await zaakbericht('backoffice', zetStatus(d, deel, 2, 'In behandeling', '20240201090000000', 'backoffice'), 'actualiseerZaakstatus')));
      expect(g).toEqual({
        regie: [`${notificeerder}: notificeerOverZaak_Di01 ${deel} Actualiseer zaakstatus gezinsplan=${plan} status 2`],
        backoffice: [],
        triggers: triggers(`${deel} Actualiseer zaakstatus door BACKOFFICE`),
      });
    });

    await sluitAf(plan, deel);
    allesViaDeBus();
  });

  it('B: de aanvraag komt binnen bij de backoffice (signalen), tien interacties', async () => {
    const [a, b] = [nieuweBsn(), nieuweBsn()];
    const plan = await gezinMetPlan([a, b]);
    const zaak = eigenId();

    await stap(3, 'persoonsvraag door de backoffice: heeft deze persoon een gezinsplan, en wie is de regisseur', async () => {
      const r = await zoek('backoffice', zoekZaken({ initiator: nps(a), einddatum: true }, { scope: scopeMet('identificatie', 'isVan', 'heeftBetrekkingOp', 'heeftAlsInitiator'), sturing: als('backoffice') }));
      const [o, ...meer] = objecten(r);
      expect(meer).toEqual([]);
      expect([tekstVan(o, 'identificatie'), tekstVan(o, 'isVan', 'gerelateerde', 'code')]).toEqual([plan, 'GZP']);
      expect(sleutels(o, 'heeftAlsInitiator')).toEqual([REGISSEUR]);
      expect(children(o, 'heeftBetrekkingOp').map(nietGeautoriseerd)).toEqual([true]);
      expect(r.body).not.toContain(b);
    });

    let aanmaak: Awaited<ReturnType<typeof na>> | undefined;
    await stap(4, 'creeerZaak door de backoffice', async () => {
      const xml = alsWmo(creeerZaak(d, { id: zaak, zaaktype: WMO.code, relaties: client(a) + rol('heeftAlsInitiator', persoon(a)), sturing: als('backoffice') }));
      aanmaak = await na(async () => bv03(await zaakbericht('backoffice', xml, 'creeerZaak')));
      // Subscribed to every WMO01 event, but not told of its own change.
      expect(aanmaak.backoffice).toEqual([]);
      expect(aanmaak.triggers).toEqual(triggers(`${zaak} Creeer zaak door BACKOFFICE`));
    });

    await stap(5, 'signaal aan de regisseur', async () => {
      // The gateway's own message in every variant: no abonnementenbeheer can route by person (rzs.md §6.3 rule 4).
      expect(aanmaak!.regie).toEqual([`ZDSGW: notificeerOverZaak_Di01 ${zaak} Creeer zaak gezinsplan=${plan}`]);
      const signaal = regie.ontvangen.at(-1)!;
      expect(signaal.actie).toBe('http://www.egem.nl/StUF/sector/rzs/0310/notificeerOverZaak');
      expect(signaal.xml).not.toContain(a);
    });

    await stap(6, 'geefZaakdetails door de regisseur', async () => {
      const o = await details('regie', zaak);
      expect(sleutels(o, 'heeftBetrekkingOp')).toEqual([a]);
      expect(sleutels(o, 'heeftAlsInitiator')).toEqual([a]);
      // Not yet in a plan: that is the regisseur's decision (interaction 7).
      expect(children(o, 'heeftBetrekkingOpAndere')).toEqual([]);
    });

    await stap(7, 'updateZaak: de regisseur koppelt de zaak aan het gezinsplan', async () => {
      const g = await na(async () => bv03(await zaakbericht('regie', koppel(d, zaak, plan, als('regie')), 'updateZaak')));
      expect(g).toEqual({
        regie: [],
        backoffice: [`${notificeerder}: notificeerOverZaak_Di01 ${zaak} Update zaak`],
        triggers: triggers(`${zaak} Update zaak door REGIESYSTEEM`),
      });
      expect(sleutels(await details('backoffice', zaak), 'heeftBetrekkingOpAndere')).toEqual([plan]);
    });

    let status2: Awaited<ReturnType<typeof na>> | undefined;
    await stap(8, 'actualiseerZaakstatus door de backoffice', async () => {
      status2 = await na(async () => bv03(await zaakbericht('backoffice', zetStatus(d, zaak, 2, 'In behandeling', '20240201090000000', 'backoffice'), 'actualiseerZaakstatus')));
      expect(status2.backoffice).toEqual([]);
      expect(status2.triggers).toEqual(triggers(`${zaak} Actualiseer zaakstatus door BACKOFFICE`));
    });

    await stap(9, 'notificatie Actualiseer zaakstatus aan de regisseur', async () => {
      // Now a deelplan: the verrijkte notification names its gezinsplan.
      expect(status2!.regie).toEqual([`${notificeerder}: notificeerOverZaak_Di01 ${zaak} Actualiseer zaakstatus gezinsplan=${plan} status 2`]);
      expect(regie.ontvangen.at(-1)!.xml).not.toContain(a);
    });

    await sluitAf(plan, zaak);
    allesViaDeBus();
  });
});
