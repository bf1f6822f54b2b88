// Signals to the regisseur (issue 18): an ordinary zaak in which a client of an open gezinsplan comes to take part (a
// creeerZaak, or an updateZaak that adds the person) reaches the plan's regie destination as a notificeerOverZaak with an extraElement gezinsplan; other destinations get what
// their subscriptions give and nothing about the plan. Real receivers on loopback ports, both dialects of the incoming
// messages; every message they receive is validated against the RZS schemas by the conformance teardown.
import { parseConfig } from '../../src/config';
import { path } from '../../src/stuf/xml';
import { TestGateway, startGateway } from '../support/gateway';
import { Ontvangen, TestOntvanger, tekstVan, bezorgd, na } from '../support/ontvanger';
import { inEnvelope } from '../support/soap';
import { Dialect, Sturing, actie, creeerZaak, medewerker, persoon, rol, wijzig } from '../support/dialecten';
import { aanmelding, als, belanghebbende, beveiligd, deelplan, gezinsplan } from '../support/planBerichten';
import { goed } from '../support/antwoorden';

const SNEL = { intervalMs: 50, eersteWachttijdSeconden: 0.1, maxWachttijdSeconden: 0.5, timeoutSeconden: 2 };

/** A fresh BSN that passes the elfproef: each test its own family, so no person is in another test's plan. */
let volgnummer = 0;
function nieuweBsn(): string {
  for (;;) {
    const basis = String(21000000 + ++volgnummer * 7).padStart(8, '0');
    const som = [...basis].reduce((s, c, i) => s + Number(c) * (9 - i), 0);
    const controle = som % 11;
    if (controle < 10) return basis + controle;
  }
}

const bestemming = (o: TestOntvanger) => ({ naam: o.naam, adres: o.adres, ontvanger: { organisatie: '0599', applicatie: o.applicatie } });

/** The extraElementen of a notification as [naam, waarde]. */
const extra = (o: Ontvangen) =>
  path(o.root, 'object', 'extraElementen')!.children.map((e) => [e.attrs.find((a) => a.local === 'naam')?.value, e.text.trim()]);
const zaakVan = (o: Ontvangen) => tekstVan(o.root, 'object', 'identificatie')!;
const samenvatting = (os: Ontvangen[]) => os.map((o) => [zaakVan(o), extra(o)]);

const NIL_EINDDATUM = '<ZKN:einddatum xsi:nil="true" StUF:noValue="geenWaarde"/>';
const sluit = (d: Dialect, plan: string) => wijzig(d, 'updateZaak', plan, NIL_EINDDATUM, '<ZKN:einddatum>20240301</ZKN:einddatum>');

/** An ordinary zaak (WMO01 unless told) of a backoffice with the person as belanghebbende. */
const zaakMet = (d: Dialect, id: string, bsn: string, opties: { zaaktype?: string; sturing?: Sturing; alsInitiator?: boolean } = {}) =>
  creeerZaak(d, {
    id,
    zaaktype: opties.zaaktype ?? 'WMO01',
    relaties: opties.alsInitiator ? rol('heeftAlsInitiator', persoon(bsn)) : belanghebbende(bsn) + rol('heeftAlsInitiator', medewerker('MDW-1')),
    sturing: opties.sturing,
  });

describe.each<Dialect>(['zds12', 'zds11'])('signalen aan de regisseur (%s)', (d) => {
  const regie = new TestOntvanger(`regie-${d}`, 'REGIE');
  const kaal = new TestOntvanger(`kaal-${d}`, 'KAAL');
  const ontvangers = [regie, kaal];
  let gw: TestGateway;
  let n = 0;
  const id = () => `0599S${d === 'zds12' ? 2 : 1}${String(++n).padStart(4, '0')}`;
  const stuur = (xml: string, dienst: 'creeerZaak' | 'updateZaak') => gw.stuur(inEnvelope(xml), { actie: actie(d, dienst) });

  beforeAll(async () => {
    await Promise.all(ontvangers.map((o) => o.start()));
    gw = await startGateway({
      bestemmingen: ontvangers.map(bestemming),
      // kaal hears of every WMO01 zaak, not of the plans; regie has no subscription: it gets the signals only.
      abonnementen: [{ bestemming: kaal.naam, zaaktypen: ['WMO01'] }],
      signalen: { zaaktypen: ['WMO01'], bestemming: regie.naam },
      bezorging: SNEL,
    });
  });
  afterAll(async () => {
    await gw.sluit();
    await Promise.all(ontvangers.map((o) => o.stop()));
  });

  it('een client van een open gezinsplan als belanghebbende: de regisseur krijgt het signaal, de andere niets over het plan', async () => {
    const bsn = nieuweBsn();
    const [plan, zaak] = [id(), id()];
    const [vanRegie, vanKaal] = await na(gw, ontvangers, async () => {
      goed(await stuur(gezinsplan(d, { id: plan, clients: [bsn] }), 'creeerZaak'));
      goed(await stuur(zaakMet(d, zaak, bsn), 'creeerZaak'));
    });
    expect(samenvatting(vanRegie)).toEqual([[zaak, [['gebeurtenis', 'Creeer zaak'], ['gezinsplan', plan]]]]);
    expect(samenvatting(vanKaal)).toEqual([[zaak, [['gebeurtenis', 'Creeer zaak']]]]);
    expect(vanKaal[0].xml).not.toContain(plan);
    // The signal is the thin notification: no person in it.
    expect(vanRegie[0].xml).not.toContain(bsn);
    expect([vanRegie[0].root.local, vanRegie[0].actie]).toEqual(['notificeerOverZaak_Di01', expect.stringMatching(/notificeerOverZaak$/)]);
  });

  it('de client als initiator van de zaak: ook een signaal; een updateZaak daarna signaleert niet opnieuw', async () => {
    const bsn = nieuweBsn();
    const [plan, zaak] = [id(), id()];
    const [vanRegie] = await na(gw, ontvangers, async () => {
      goed(await stuur(gezinsplan(d, { id: plan, clients: [bsn] }), 'creeerZaak'));
      goed(await stuur(zaakMet(d, zaak, bsn, { alsInitiator: true }), 'creeerZaak'));
      goed(await stuur(wijzig(d, 'updateZaak', zaak, '<ZKN:omschrijving>Testzaak</ZKN:omschrijving>', '<ZKN:omschrijving>Anders</ZKN:omschrijving>'), 'updateZaak'));
    });
    expect(samenvatting(vanRegie)).toEqual([[zaak, [['gebeurtenis', 'Creeer zaak'], ['gezinsplan', plan]]]]);
  });

  it('een updateZaak die een client van een open gezinsplan toevoegt: een signaal met Update zaak; alleen voor wie nieuw is', async () => {
    const [bsn, ander] = [nieuweBsn(), nieuweBsn()];
    const [plan, zaak, gekoppeld] = [id(), id(), id()];
    const voegToe = (z: string, wie: string) =>
      wijzig(d, 'updateZaak', z, '<ZKN:heeftAlsBelanghebbende StUF:entiteittype="ZAKBTRBLH" StUF:verwerkingssoort="T" xsi:nil="true" StUF:noValue="geenWaarde"/>', belanghebbende(wie));
    const [vanRegie] = await na(gw, ontvangers, async () => {
      goed(await stuur(gezinsplan(d, { id: plan, clients: [bsn] }), 'creeerZaak'));
      // A zaak of a person without a plan: no signal when it is made.
      goed(await stuur(zaakMet(d, zaak, ander), 'creeerZaak'));
      // The plan's client joins it: the regisseur hears of it now.
      goed(await stuur(voegToe(zaak, bsn), 'updateZaak'));
      // Further changes to the zaak, the client still in it: no new signal.
      goed(await stuur(wijzig(d, 'updateZaak', zaak, '<ZKN:omschrijving>Testzaak</ZKN:omschrijving>', '<ZKN:omschrijving>Anders</ZKN:omschrijving>'), 'updateZaak'));
      // A deelplan of the plan that gets the client added: it belongs to the plan already, no signal.
      goed(await stuur(deelplan(d, { id: gekoppeld, clients: [ander], plannen: [plan] }), 'creeerZaak'));
      goed(await stuur(voegToe(gekoppeld, bsn), 'updateZaak'));
    });
    expect(samenvatting(vanRegie)).toEqual([[zaak, [['gebeurtenis', 'Update zaak'], ['gezinsplan', plan]]]]);
    expect(vanRegie[0].xml).not.toContain(bsn);
  });

  it('geen signaal: al een deelplan van het plan, een persoon zonder plan, een gesloten plan, een zaaktype buiten signalen.zaaktypen', async () => {
    const [bsn, zonderPlan, gesloten] = [nieuweBsn(), nieuweBsn(), nieuweBsn()];
    const [plan, dicht, deel, los, naDicht, anderType] = [id(), id(), id(), id(), id(), id()];
    const [vanRegie, vanKaal] = await na(gw, ontvangers, async () => {
      goed(await stuur(gezinsplan(d, { id: plan, clients: [bsn] }), 'creeerZaak'));
      goed(await stuur(gezinsplan(d, { id: dicht, clients: [gesloten] }), 'creeerZaak'));
      goed(await stuur(sluit(d, dicht), 'updateZaak'));
      goed(await stuur(deelplan(d, { id: deel, clients: [bsn], plannen: [plan] }), 'creeerZaak'));
      goed(await stuur(zaakMet(d, los, zonderPlan), 'creeerZaak'));
      goed(await stuur(zaakMet(d, naDicht, gesloten), 'creeerZaak'));
      goed(await stuur(zaakMet(d, anderType, bsn, { zaaktype: 'B1026' }), 'creeerZaak'));
    });
    expect(vanRegie).toEqual([]);
    // In order per zaak only: across zaken delivery may interleave.
    expect(samenvatting(vanKaal).map(([z]) => z).sort()).toEqual([deel, los, naDicht].sort());
  });

  it('de regiesysteem die de zaak zelf aanmaakt krijgt haar niet terug', async () => {
    const bsn = nieuweBsn();
    const [plan, zaak] = [id(), id()];
    const [vanRegie, vanKaal] = await na(gw, ontvangers, async () => {
      goed(await stuur(gezinsplan(d, { id: plan, clients: [bsn] }), 'creeerZaak'));
      goed(await stuur(zaakMet(d, zaak, bsn, { sturing: { zender: 'REGIE', organisatie: '0599' } }), 'creeerZaak'));
    });
    expect(vanRegie).toEqual([]);
    expect(samenvatting(vanKaal)).toEqual([[zaak, [['gebeurtenis', 'Creeer zaak']]]]);
  });
});

describe.each([
  ['zonder signalen', {}],
  ['met signalen maar notificaties.modus uit', { signalen: { bestemming: 'regie-uit' }, notificaties: { modus: 'uit' } }],
])('%s', (_, extraConfig) => {
  const regie = new TestOntvanger('regie-uit', 'REGIE');
  let gw: TestGateway;
  beforeAll(async () => {
    await regie.start();
    gw = await startGateway({ bestemmingen: [bestemming(regie)], bezorging: SNEL, ...extraConfig });
  });
  afterAll(async () => {
    await gw.sluit();
    await regie.stop();
  });

  it('stuurt niets', async () => {
    const d: Dialect = 'zds12';
    const bsn = nieuweBsn();
    const [vanRegie] = await na(gw, [regie], async () => {
      goed(await gw.stuur(inEnvelope(gezinsplan(d, { id: '0599SU0001', clients: [bsn] })), { actie: actie(d, 'creeerZaak') }));
      goed(await gw.stuur(inEnvelope(zaakMet(d, '0599SU0002', bsn)), { actie: actie(d, 'creeerZaak') }));
    });
    expect(vanRegie).toEqual([]);
    expect(await gw.app.gateway.store.uitgaand.lijst({})).toEqual([]);
  });
});

describe('signalen per gezinsplan-zaaktype, beveiligd', () => {
  const regie = new TestOntvanger('regie-standaard', 'REGIE');
  const wijk = new TestOntvanger('regie-wijk', 'WIJKREGIE');
  let gw: TestGateway;
  beforeAll(async () => {
    await Promise.all([regie.start(), wijk.start()]);
    gw = await startGateway({
      ...beveiligd(),
      bestemmingen: [bestemming(regie), bestemming(wijk)],
      signalen: { bestemming: regie.naam, perGezinsplanZaaktype: { GZP: wijk.naam } },
      bezorging: SNEL,
    });
  });
  afterAll(async () => {
    // Also checks that the secured log holds no BSN (test/support/gateway.ts).
    await gw.sluit();
    await Promise.all([regie.stop(), wijk.stop()]);
  });

  it('het signaal gaat naar de bestemming van het zaaktype van het gezinsplan, niet naar de standaard', async () => {
    const d: Dialect = 'zds11';
    const bsn = nieuweBsn();
    const [plan, zaak] = ['0599SB0001', '0599SB0002'];
    const [vanRegie, vanWijk] = await na(gw, [regie, wijk], async () => {
      goed(await gw.stuur(inEnvelope(gezinsplan(d, { id: plan, clients: [bsn], sturing: als('regie') })), { actie: actie(d, 'creeerZaak'), headers: aanmelding('regie') }));
      goed(await gw.stuur(inEnvelope(zaakMet(d, zaak, bsn, { sturing: als('backoffice') })), { actie: actie(d, 'creeerZaak'), headers: aanmelding('backoffice') }));
    });
    expect(vanRegie).toEqual([]);
    expect(samenvatting(vanWijk)).toEqual([[zaak, [['gebeurtenis', 'Creeer zaak'], ['gezinsplan', plan]]]]);
  });
});

describe('signalen in de configuratie', () => {
  const b = { naam: 'regie', adres: 'http://127.0.0.1:1/x', ontvanger: { organisatie: '0599', applicatie: 'REGIE' } };

  it('standaard alle zaaktypen; een onbekende bestemming wordt genoemd', () => {
    expect(parseConfig({ bestemmingen: [b], signalen: { bestemming: 'regie' } }).signalen).toEqual({ zaaktypen: ['*'], bestemming: 'regie', perGezinsplanZaaktype: {} });
    expect(parseConfig({}).signalen).toBeUndefined();
    expect(() => parseConfig({ bestemmingen: [b], signalen: { bestemming: 'elders' } })).toThrow(/signalen\.bestemming.*elders/s);
    expect(() => parseConfig({ bestemmingen: [b], signalen: { bestemming: 'regie', perGezinsplanZaaktype: { GZP: 'wijk' } } })).toThrow(/signalen\.perGezinsplanZaaktype\.GZP.*wijk/s);
  });
});
