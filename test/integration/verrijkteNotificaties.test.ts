// Enriched notifications (issue 18): a destination with `verrijkt: true` learns from a notification about a deelplan
// or levensdomeinplan which gezinsplan (and levensdomeinplan) it belongs to, in extraElementen; a destination without
// it, subscribed to the same zaken, gets the thin message (rzs.md §6.3) and nothing more. Real receivers on loopback
// ports, both dialects of the incoming messages; every message they receive is validated against the RZS schemas by
// the conformance teardown (test/support/ontvanger.ts writes it to the conformance map).
import { path } from '../../src/stuf/xml';
import { TestGateway, startGateway } from '../support/gateway';
import { Ontvangen, TestOntvanger, gebeurtenisVan, tekstVan, bezorgd, na } from '../support/ontvanger';
import { inEnvelope } from '../support/soap';
import { Dialect, Sturing, actie, creeerZaak, legeRelatie, medewerker, rol, status, wijzig } from '../support/dialecten';
import { aanmelding, als, beveiligd, deelplan, gezinsplan, koppel, levensdomeinplan, ontkoppel } from '../support/planBerichten';
import { initieerNotificeer, rzsActie } from '../support/rzsBerichten';
import { goed } from '../support/antwoorden';

const SNEL = { intervalMs: 50, eersteWachttijdSeconden: 0.1, maxWachttijdSeconden: 0.5, timeoutSeconden: 2 };
const BSN = '111222333';

const bestemming = (o: TestOntvanger, verrijkt?: boolean) => ({
  naam: o.naam,
  adres: o.adres,
  ontvanger: { organisatie: '0599', applicatie: o.applicatie },
  ...(verrijkt === undefined ? {} : { verrijkt }),
});

/** The extraElementen of a notification as [naam, waarde]. */
const extra = (o: Ontvangen) =>
  path(o.root, 'object', 'extraElementen')!.children.map((e) => [e.attrs.find((a) => a.local === 'naam')?.value, e.text.trim()]);

const zaakVan = (o: Ontvangen) => tekstVan(o.root, 'object', 'identificatie')!;

/** What a receiver got, as zaak → one entry per notification: its extraElementen after the gebeurtenis. */
function perZaak(ontvangen: Ontvangen[]): Record<string, [string, string[][]][]> {
  const r: Record<string, [string, string[][]][]> = {};
  for (const o of ontvangen) (r[zaakVan(o)] ??= []).push([gebeurtenisVan(o)!, extra(o).slice(1) as string[][]]);
  return r;
}

/**
 * The message without what differs per destination: ontvanger, referentienummer, tijdstip and the plan extraElements.
 * What remains of an enriched message must be the thin one, character for character.
 */
const zonderVerrijking = (o: Ontvangen) =>
  o.xml
    .replace(/<([\w-]+:)?extraElement naam="(gezinsplan|levensdomeinplan)"[^>]*>[^<]*<\/([\w-]+:)?extraElement>/g, '')
    .replace(/<([\w-]+:)?ontvanger>.*?<\/([\w-]+:)?ontvanger>/, '')
    .replace(/<([\w-]+:)?referentienummer>[^<]*</, '')
    .replace(/<([\w-]+:)?tijdstipBericht>[^<]*</, '');

describe.each<Dialect>(['zds12', 'zds11'])('verrijkte notificaties (%s)', (d) => {
  const rijk = new TestOntvanger(`verrijkt-${d}`, 'VERRIJKT');
  const kaal = new TestOntvanger(`kaal-${d}`, 'KAAL');
  const ontvangers = [rijk, kaal];
  let gw: TestGateway;
  let n = 0;
  const id = () => `0599V${d === 'zds12' ? 2 : 1}${String(++n).padStart(4, '0')}`;
  const stuur = (xml: string, dienst: 'creeerZaak' | 'updateZaak' | 'actualiseerZaakstatus') => gw.stuur(inEnvelope(xml), { actie: actie(d, dienst) });

  beforeAll(async () => {
    await Promise.all(ontvangers.map((o) => o.start()));
    gw = await startGateway({
      // The plain destination says verrijkt: false explicitly; the default is tested in the secured run below.
      bestemmingen: [bestemming(rijk, true), bestemming(kaal, false)],
      abonnementen: ontvangers.map((o) => ({ bestemming: o.naam, zaaktypen: ['GZP', 'LDP', 'WMO01'] })),
      bezorging: SNEL,
    });
  });
  afterAll(async () => {
    await gw.sluit();
    await Promise.all(ontvangers.map((o) => o.stop()));
  });

  it('een deelplan direct onder een gezinsplan: de verrijkte bestemming krijgt het gezinsplan, de andere niets extra', async () => {
    const plan = id();
    const deel = id();
    const [vanRijk, vanKaal] = await na(gw, ontvangers, async () => {
      goed(await stuur(gezinsplan(d, { id: plan, clients: [BSN] }), 'creeerZaak'));
      goed(await stuur(deelplan(d, { id: deel, clients: [BSN], plannen: [plan] }), 'creeerZaak'));
      goed(await stuur(wijzig(d, 'actualiseerZaakstatus', deel, legeRelatie('heeft', 'ZAKSTT', 'T'), status(1, 'Aanvraag ontvangen', '20240116090000')), 'actualiseerZaakstatus'));
    });
    expect(perZaak(vanRijk)).toEqual({
      [plan]: [['Creeer zaak', []]],
      [deel]: [['Creeer zaak', [['gezinsplan', plan]]], ['Actualiseer zaakstatus', [['gezinsplan', plan]]]],
    });
    expect(perZaak(vanKaal)).toEqual({ [plan]: [['Creeer zaak', []]], [deel]: [['Creeer zaak', []], ['Actualiseer zaakstatus', []]] });
    // Besides the plans both got the same message.
    expect(vanRijk.map(zonderVerrijking)).toEqual(vanKaal.map(zonderVerrijking));
  });

  it('een deelplan onder een levensdomeinplan: gezinsplan en levensdomeinplan; het levensdomeinplan zelf: zijn gezinsplan', async () => {
    const plan = id();
    const ldp = id();
    const deel = id();
    const [vanRijk, vanKaal] = await na(gw, ontvangers, async () => {
      goed(await stuur(gezinsplan(d, { id: plan, clients: [BSN] }), 'creeerZaak'));
      goed(await stuur(levensdomeinplan(d, { id: ldp, clients: [BSN], gezinsplan: plan }), 'creeerZaak'));
      goed(await stuur(deelplan(d, { id: deel, clients: [BSN], plannen: [plan, ldp] }), 'creeerZaak'));
    });
    expect(perZaak(vanRijk)).toEqual({
      [plan]: [['Creeer zaak', []]],
      [ldp]: [['Creeer zaak', [['gezinsplan', plan]]]],
      [deel]: [['Creeer zaak', [['gezinsplan', plan], ['levensdomeinplan', ldp]]]],
    });
    expect(vanKaal.map(extra)).toEqual(Array(3).fill([['gebeurtenis', 'Creeer zaak']]));
    const deelRijk = vanRijk.find((o) => zaakVan(o) === deel)!;
    expect(deelRijk.xml).toMatch(/<StUF:extraElement naam="gezinsplan">[^<]+<\/StUF:extraElement><StUF:extraElement naam="levensdomeinplan">/);
  });

  it('een gewone zaak krijgt niets extra, tot zij gekoppeld wordt; de koppeling telt in de transactie die haar legt', async () => {
    const plan = id();
    const zaak = id();
    const [vanRijk, vanKaal] = await na(gw, ontvangers, async () => {
      goed(await stuur(gezinsplan(d, { id: plan, clients: [BSN] }), 'creeerZaak'));
      goed(await stuur(creeerZaak(d, { id: zaak, zaaktype: 'WMO01', relaties: rol('heeftAlsInitiator', medewerker('MDW-1')) }), 'creeerZaak'));
      goed(await stuur(koppel(d, zaak, plan), 'updateZaak'));
      goed(await stuur(ontkoppel(d, zaak, plan), 'updateZaak'));
    });
    expect(perZaak(vanRijk)[zaak]).toEqual([['Creeer zaak', []], ['Update zaak', [['gezinsplan', plan]]], ['Update zaak', []]]);
    expect(perZaak(vanKaal)[zaak]).toEqual([['Creeer zaak', []], ['Update zaak', []], ['Update zaak', []]]);
  });

  it('een initieerNotificeerOverZaak over een eigen deelplan gaat verrijkt naar de verrijkte abonnee', async () => {
    const plan = id();
    const deel = id();
    goed(await stuur(gezinsplan(d, { id: plan, clients: [BSN] }), 'creeerZaak'));
    goed(await stuur(deelplan(d, { id: deel, clients: [BSN], plannen: [plan] }), 'creeerZaak'));
    await bezorgd(gw);
    const [vanRijk, vanKaal] = await na(gw, ontvangers, async () => {
      const xml = initieerNotificeer({ zaak: deel, zaaktype: { code: 'WMO01', omschrijving: 'Aanvraag Wmo-voorziening' }, gebeurtenis: 'Update zaak', zendendeApplicatie: 'WMO-BACKOFFICE' });
      goed(await gw.stuur(inEnvelope(xml), { actie: rzsActie('initieerNotificeerOverZaak') }));
    });
    expect(vanRijk.map(extra)).toEqual([[['gebeurtenis', 'Update zaak'], ['gezinsplan', plan]]]);
    expect(vanKaal.map(extra)).toEqual([[['gebeurtenis', 'Update zaak']]]);
  });
});

describe('verrijkt, extern: de initieerNotificeerOverZaak aan een verrijkt abonnementenbeheer', () => {
  const beheer = new TestOntvanger('beheer-verrijkt', 'ABONNEMENTENBEHEER');
  let gw: TestGateway;
  beforeAll(async () => {
    await beheer.start();
    gw = await startGateway({
      bestemmingen: [bestemming(beheer, true)],
      notificaties: { modus: 'extern', abonnementenbeheer: beheer.naam },
      bezorging: SNEL,
    });
  });
  afterAll(async () => {
    await gw.sluit();
    await beheer.stop();
  });

  it('na de zendendeApplicatie het gezinsplan en het levensdomeinplan', async () => {
    const d: Dialect = 'zds12';
    const s: Sturing = { zender: 'REGIESYSTEEM', organisatie: '0599' };
    const [plan, ldp, deel] = ['0599VE0001', '0599VE0002', '0599VE0003'];
    const [vanBeheer] = await na(gw, [beheer], async () => {
      goed(await gw.stuur(inEnvelope(gezinsplan(d, { id: plan, clients: [BSN], sturing: s })), { actie: actie(d, 'creeerZaak') }));
      goed(await gw.stuur(inEnvelope(levensdomeinplan(d, { id: ldp, clients: [BSN], gezinsplan: plan, sturing: s })), { actie: actie(d, 'creeerZaak') }));
      goed(await gw.stuur(inEnvelope(deelplan(d, { id: deel, clients: [BSN], plannen: [plan, ldp], sturing: s })), { actie: actie(d, 'creeerZaak') }));
    });
    expect(vanBeheer.every((o) => o.root.local === 'initieerNotificeerOverZaak_Di01')).toBe(true);
    const z = (id: string) => extra(vanBeheer.find((o) => zaakVan(o) === id)!);
    expect(z(plan)).toEqual([['gebeurtenis', 'Creeer zaak'], ['zendendeApplicatie', 'REGIESYSTEEM']]);
    expect(z(ldp)).toEqual([['gebeurtenis', 'Creeer zaak'], ['zendendeApplicatie', 'REGIESYSTEEM'], ['gezinsplan', plan]]);
    expect(z(deel)).toEqual([['gebeurtenis', 'Creeer zaak'], ['zendendeApplicatie', 'REGIESYSTEEM'], ['gezinsplan', plan], ['levensdomeinplan', ldp]]);
  });
});

describe('verrijkt in beveiligd mode', () => {
  const rijk = new TestOntvanger('verrijkt-beveiligd', 'VERRIJKT');
  const kaal = new TestOntvanger('kaal-beveiligd', 'KAAL');
  let gw: TestGateway;
  beforeAll(async () => {
    await Promise.all([rijk.start(), kaal.start()]);
    gw = await startGateway({
      ...beveiligd(),
      // kaal leaves verrijkt out: the default is the thin message.
      bestemmingen: [bestemming(rijk, true), bestemming(kaal)],
      abonnementen: [{ bestemming: rijk.naam }, { bestemming: kaal.naam }],
      bezorging: SNEL,
    });
  });
  afterAll(async () => {
    await gw.sluit();
    await Promise.all([rijk.stop(), kaal.stop()]);
  });

  it('de regisseur legt een deelplan aan; alleen de verrijkte bestemming hoort van het gezinsplan', async () => {
    const d: Dialect = 'zds11';
    const [plan, deel] = ['0599VB0001', '0599VB0002'];
    const stuur = (xml: string) => gw.stuur(inEnvelope(xml), { actie: actie(d, 'creeerZaak'), headers: aanmelding('regie') });
    const [vanRijk, vanKaal] = await na(gw, [rijk, kaal], async () => {
      goed(await stuur(gezinsplan(d, { id: plan, clients: [BSN], sturing: als('regie') })));
      goed(await stuur(deelplan(d, { id: deel, clients: [BSN], plannen: [plan], sturing: als('regie') })));
    });
    expect(perZaak(vanRijk)).toEqual({ [plan]: [['Creeer zaak', []]], [deel]: [['Creeer zaak', [['gezinsplan', plan]]]] });
    expect(perZaak(vanKaal)).toEqual({ [plan]: [['Creeer zaak', []]], [deel]: [['Creeer zaak', []]] });
  });
});
