// The ketenpartner mirror (issue 6): a partner's zaak kept as a thin gerelateerde zaak of our deelplan. The partner is
// a real ZDS service on a loopback port (test/support/partner.ts) that holds its own zaak and answers the gateway's
// geefZaakstatus; its messages to the gateway carry its registered zender. Checked in both dialects: linking from both
// sides gives one mirror, a pushed status replaces the last one and is announced to subscribers, a stale status is
// pulled on read, a partner that is down or faults still yields the last known status with a melding, and a partner
// sees only its own zaken and the deelplannen they belong to.
import { NS } from '../../src/stuf/namespaces';
import { XElement, attr, child, children, path } from '../../src/stuf/xml';
import { TestGateway, startGateway, vangLog } from '../support/gateway';
import { TestOntvanger, gebeurtenisVan, tekstVan } from '../support/ontvanger';
import { TestPartner } from '../support/partner';
import { partnersOpdracht } from '../../src/partners/partnerOpdracht';
import { HttpAntwoord, goed, objectUit, schoneFout, statussen } from '../support/antwoorden';
import { inEnvelope, bericht } from '../support/soap';
import {
  Dialect, Sturing, actie, andereZaak, creeerZaak, geefZaakdetails, geefZaakstatus, legeRelatie, medewerker, rol, status, wijzig,
} from '../support/dialecten';
import { aanmelding, als, beveiligd, deelplan, gezinsplan, levensdomeinplan } from '../support/planBerichten';
import { ZAKLV01_ACTIE, nps, zoekZaken } from '../support/zoekBerichten';

const ZORG = { organisatie: '0777', applicatie: 'ZORGSYS' };
const WERK = { organisatie: '0888', applicatie: 'WERKSYS' };
const ZORGTYPEN = [{
  code: 'ZORG01', omschrijving: 'Ambulante begeleiding',
  statustypen: [{ volgnummer: 1, omschrijving: 'Intake' }, { volgnummer: 2, omschrijving: 'In begeleiding' }, { volgnummer: 3, omschrijving: 'Afgerond', eindstatus: true }],
}];
const alsZorg: Sturing = { zender: ZORG.applicatie, organisatie: ZORG.organisatie };
const alsWerk: Sturing = { zender: WERK.applicatie, organisatie: WERK.organisatie };
const BSN = '111222333';

/** A clean StUF fault of this kind (Fo02 for questions, Fo03 for kennisgevingen). */
function fout(r: HttpAntwoord, soort: 'Fo02' | 'Fo03') {
  const f = schoneFout(r);
  expect(f.soort).toBe(soort);
  return f;
}

let n = 0;
const uniek = (basis: string) => `${basis}${String(++n).padStart(4, '0')}`;

/** A partner zaak's status as the partner would send it: its own statustype, with its zaaktype. */
const partnerStatus = (volgnummer: number, omschrijving: string, datum: string) =>
  status(volgnummer, omschrijving, datum).replace('<ZKN:volgnummer>', '<ZKN:zkt.code>ZORG01</ZKN:zkt.code><ZKN:zkt.omschrijving>Ambulante begeleiding</ZKN:zkt.omschrijving><ZKN:volgnummer>');

describe.each<Dialect>(['zds12', 'zds11'])('ketenpartner in %s', (d) => {
  const partner = new TestPartner(`zorg-${d}`, ZORG, ZORGTYPEN);
  const abonnee = new TestOntvanger(`abonnee-${d}`, 'ABONNEE');
  /** Not a ZDS service at all: it answers every message with a Bv03, when it answers in time. */
  const traag = new TestOntvanger(`traag-${d}`, 'TRAAGSYS');
  let gw: TestGateway;
  const gezin = `0599GZP${d}`;

  const stuur = (body: string, dienst: Parameters<typeof actie>[1], pad: string) => gw.stuur(inEnvelope(body), { actie: actie(d, dienst), pad });
  const lees = async (body: string, dienst: 'geefZaakstatus' | 'geefZaakdetails') => {
    const r = await stuur(body, dienst, '/BeantwoordVraag');
    goed(r);
    return { object: path(bericht(r.body), 'antwoord', 'object'), meldingen: children(bericht(r.body), 'melding').map((m) => m.text), body: r.body };
  };
  const zaakstatus = (id: string, sturing: Sturing = {}) => lees(geefZaakstatus(d, id, false, sturing), 'geefZaakstatus');
  const details = (id: string, sturing: Sturing = {}) => lees(geefZaakdetails(d, id, undefined, sturing), 'geefZaakdetails');
  const store = () => gw.app.gateway.store;
  const maakOud = (id: string) => store().sql.voer("UPDATE spiegelzaak SET ververst = '2000-01-01T00:00:00.000Z', ververs_fout_op = NULL WHERE identificatie = ?", [id]);

  /** The partner's own zaak, in its own zakenmagazijn, with a first status. */
  async function partnerzaak(id: string, statusVolgnummer = 1, omschrijving = 'Intake', datum = '20240201100000000') {
    const z = await partner.stuur(inEnvelope(creeerZaak(d, { id, zaaktype: 'ZORG01' })), actie(d, 'creeerZaak'));
    expect(z.status).toBe(200);
    const s = await partner.stuur(inEnvelope(wijzig(d, 'actualiseerZaakstatus', id, '', status(statusVolgnummer, omschrijving, datum))), actie(d, 'actualiseerZaakstatus'));
    expect(s.status).toBe(200);
  }

  /** Our deelplan under the family's gezinsplan, optionally linked at creation to a partner zaak. */
  async function nieuwDeelplan(partnerZaken: string[] = []): Promise<string> {
    const id = uniek(`0599DP${d}`);
    goed(await stuur(deelplan(d, { id, clients: [BSN], plannen: [gezin, ...partnerZaken] }), 'creeerZaak', '/OntvangAsynchroon'));
    return id;
  }

  const koppelDoorRegie = (dp: string, pz: string) =>
    stuur(wijzig(d, 'updateZaak', dp, legeRelatie('heeftBetrekkingOpAndere', 'ZAKZAKBTR', 'T'), andereZaak(pz).replace('StUF:verwerkingssoort="I"', 'StUF:verwerkingssoort="T"')), 'updateZaak', '/OntvangAsynchroon');
  const aanmeldingDoorPartner = (pz: string, dp: string, extra = '', sturing = alsZorg) =>
    stuur(creeerZaak(d, { id: pz, zaaktype: 'ZORG01', relaties: rol('heeftAlsInitiator', medewerker('ZORG-MDW-7')) + andereZaak(dp) + extra, sturing }), 'creeerZaak', '/OntvangAsynchroon');
  const statusDoorPartner = (pz: string, volgnummer: number, omschrijving: string, datum: string, sturing = alsZorg) =>
    stuur(wijzig(d, 'actualiseerZaakstatus', pz, '', partnerStatus(volgnummer, omschrijving, datum), { sturing }), 'actualiseerZaakstatus', '/OntvangAsynchroon');
  /** The notifications about this partner zaak, once at least n have arrived (delivery is asynchronous, in order per zaak). */
  async function notificatiesOver(pz: string, n: number) {
    const over = () => abonnee.ontvangen.filter((o) => tekstVan(o.root, 'object', 'identificatie') === pz);
    for (const eind = Date.now() + 10_000; over().length < n && Date.now() < eind; ) await new Promise((klaar) => setTimeout(klaar, 50));
    return over();
  }
  const volgnummerIn = (o: { root: XElement }) => tekstVan(o.root, 'object', 'heeft', 'gerelateerde', 'volgnummer');
  const relatiesNaar = (object: XElement | undefined, id: string) => children(object, 'heeftBetrekkingOpAndere').filter((r) => path(r, 'gerelateerde', 'identificatie')?.text === id);

  beforeAll(async () => {
    await partner.start();
    await abonnee.start();
    await traag.start();
    gw = await startGateway({
      partners: [
        { naam: 'zorg', zender: ZORG, zaakidentificatie: ['0777'], zds: { adres: partner.adres, dialect: d } },
        { naam: 'werk', zender: WERK, zaakidentificatie: ['0888'] },
        { naam: 'traag', zender: { organisatie: '0555', applicatie: 'TRAAGSYS' }, zaakidentificatie: ['0555'], wachtNaFoutSeconden: 0, zds: { adres: traag.adres, dialect: d, timeoutSeconden: 0.5 } },
      ],
      bestemmingen: [{ naam: 'abonnee', adres: abonnee.adres, ontvanger: { organisatie: '0599', applicatie: 'ABONNEE' } }],
      abonnementen: [{ bestemming: 'abonnee', zaaktypen: ['ZORG01'], gebeurtenissen: ['Actualiseer zaakstatus'] }],
      bezorging: { intervalMs: 50, eersteWachttijdSeconden: 0.1, maxWachttijdSeconden: 0.5, timeoutSeconden: 2 },
    });
    goed(await stuur(gezinsplan(d, { id: gezin, clients: [BSN] }), 'creeerZaak', '/OntvangAsynchroon'));
  });

  afterAll(async () => {
    await gw?.sluit();
    await partner.sluit();
    await abonnee.stop();
    await traag.stop();
  });

  it('de regie koppelt eerst, de partner meldt daarna haar zaak aan: één spiegel, één relatie op het deelplan', async () => {
    const pz = uniek('0777Z');
    const dp = await nieuwDeelplan();
    goed(await koppelDoorRegie(dp, pz));
    goed(await aanmeldingDoorPartner(pz, dp));
    goed(await koppelDoorRegie(dp, pz)); // the same link again is no change
    expect((await store().spiegelzaken.alle()).filter((s) => s.identificatie === pz)).toEqual([expect.objectContaining({ partner: 'zorg', deelplan: dp, gekoppeldDoor: 'regie', zaaktype: { code: 'ZORG01', omschrijving: 'Parkeervergunning bewoners' } })]);
    const { object } = await details(dp);
    expect(relatiesNaar(object, pz)).toHaveLength(1);
    expect(tekstVan(relatiesNaar(object, pz)[0], 'gerelateerde', 'isVan', 'gerelateerde', 'code')).toBe('ZORG01');
    expect(await store().zaken.bestaat(pz)).toBe(false); // mirrored, never stored as a zaak of ours
  });

  it('de partner meldt eerst aan, de regie koppelt daarna (en bij het aanmaken van een deelplan): geen tweede', async () => {
    const pz = uniek('0777Z');
    const dp = await nieuwDeelplan();
    goed(await aanmeldingDoorPartner(pz, dp, partnerStatus(1, 'Intake', '20240301090000000')));
    goed(await koppelDoorRegie(dp, pz));
    expect((await store().spiegelzaken.alle()).filter((s) => s.identificatie === pz)).toEqual([expect.objectContaining({ gekoppeldDoor: 'partner', deelplan: dp })]);
    const { object } = await details(dp);
    expect(relatiesNaar(object, pz)).toHaveLength(1);

    // A deelplan created with the partner zaak among its heeftBetrekkingOpAndere links it at once.
    const pz2 = uniek('0777Z');
    const dp2 = await nieuwDeelplan([pz2]);
    expect(await store().spiegelzaken.vind(pz2)).toEqual(expect.objectContaining({ deelplan: dp2, gekoppeldDoor: 'regie' }));
    goed(await aanmeldingDoorPartner(pz2, dp2));
    expect((await store().spiegelzaken.alle()).filter((s) => s.identificatie === pz2)).toHaveLength(1);
  });

  it('een gepushte status vervangt de vorige (geen historie), abonnees krijgen Actualiseer zaakstatus; een oudere vervangt niet', async () => {
    const pz = uniek('0777Z');
    const dp = await nieuwDeelplan([pz]);
    goed(await statusDoorPartner(pz, 1, 'Intake', '20240401090000000'));
    goed(await statusDoorPartner(pz, 2, 'In begeleiding', '20240402090000000'));
    const { object, meldingen } = await zaakstatus(pz);
    expect(meldingen).toEqual([]);
    expect(statussen(object)).toEqual([expect.objectContaining({ volgnummer: '2', omschrijving: 'In begeleiding', indicatieLaatsteStatus: 'J' })]);
    const nieuw = await notificatiesOver(pz, 2);
    expect(nieuw.map(gebeurtenisVan)).toEqual(['Actualiseer zaakstatus', 'Actualiseer zaakstatus']);
    expect(nieuw.map(volgnummerIn)).toEqual(['1', '2']);

    goed(await statusDoorPartner(pz, 1, 'Intake', '20240301090000000'));
    expect(statussen((await zaakstatus(pz)).object)).toEqual([expect.objectContaining({ volgnummer: '2' })]);
    expect((await store().spiegelzaken.vind(pz))?.deelplan).toBe(dp);
  });

  it('een updateZaak van de partner met een status vervangt die ook (en meldt Actualiseer zaakstatus); de rest bewaart de gateway niet', async () => {
    const pz = uniek('0777Z');
    await nieuwDeelplan([pz]);
    const nieuw = '<ZKN:omschrijving>Begeleiding gezin</ZKN:omschrijving>' + partnerStatus(3, 'Afgerond', '20240420090000000');
    goed(await stuur(wijzig(d, 'updateZaak', pz, '<ZKN:omschrijving xsi:nil="true" StUF:noValue="geenWaarde"/>', nieuw, { sturing: alsZorg }), 'updateZaak', '/OntvangAsynchroon'));
    const { object } = await details(pz);
    expect(statussen(object)).toEqual([expect.objectContaining({ volgnummer: '3', omschrijving: 'Afgerond' })]);
    expect(attr(child(object, 'omschrijving')!, NS.stuf, 'noValue')).toBe('nietOndersteund');
    expect((await notificatiesOver(pz, 1)).map(gebeurtenisVan)).toEqual(['Actualiseer zaakstatus']);
    // Without a status an update changes nothing we hold and tells no one.
    goed(await stuur(wijzig(d, 'updateZaak', pz, '<ZKN:omschrijving>Begeleiding gezin</ZKN:omschrijving>', '<ZKN:omschrijving>Anders</ZKN:omschrijving>', { sturing: alsZorg }), 'updateZaak', '/OntvangAsynchroon'));
    await new Promise((klaar) => setTimeout(klaar, 300));
    expect(await notificatiesOver(pz, 1)).toHaveLength(1);
  });

  it('een verouderde status wordt bij het lezen bij de partner opgevraagd (geefZaakstatus, soap-client) en vervangen', async () => {
    const pz = uniek('0777Z');
    await partnerzaak(pz, 1, 'Intake', '20240501090000000');
    await nieuwDeelplan([pz]);
    goed(await statusDoorPartner(pz, 1, 'Intake', '20240501090000000'));
    // The partner moved on; we did not hear of it, and our copy is older than an hour.
    expect((await partner.stuur(inEnvelope(wijzig(d, 'actualiseerZaakstatus', pz, '', status(2, 'In begeleiding', '20240510090000000'))), actie(d, 'actualiseerZaakstatus'))).status).toBe(200);
    await maakOud(pz);
    const vragen = partner.vragen.length;
    // Three reads at once share one question.
    const [{ object, meldingen }] = await Promise.all([zaakstatus(pz), zaakstatus(pz), details(pz)]);
    expect(meldingen).toEqual([]);
    expect(partner.vragen.length).toBe(vragen + 1);
    expect(partner.vragen[vragen]).toContain(pz);
    expect(statussen(object)).toEqual([expect.objectContaining({ volgnummer: '2', omschrijving: 'In begeleiding' })]);
    expect(await store().spiegelzaken.vind(pz)).toEqual(expect.objectContaining({ statusBron: 'pull' }));
    // Fresh now: the next read does not ask.
    await zaakstatus(pz);
    expect(partner.vragen.length).toBe(vragen + 1);
    // What we learned by asking is news for subscribers too.
    const gemeld = await notificatiesOver(pz, 2);
    expect(gemeld.map(gebeurtenisVan)).toEqual(['Actualiseer zaakstatus', 'Actualiseer zaakstatus']);
    expect(gemeld.map(volgnummerIn)).toEqual(['1', '2']);
  });

  it('een trage partner (timeout) en een partner die geen La01 geeft: de laatst bekende status met een melding', async () => {
    const pz = uniek('0555Z');
    await nieuwDeelplan([pz]);
    traag.vertraging = 1500;
    const eerst = await zaakstatus(pz);
    expect(eerst.meldingen).toEqual([expect.stringMatching(/niet bereikbaar: .*timeout/i)]);
    traag.vertraging = 0;
    const daarna = await zaakstatus(pz); // wachtNaFoutSeconden 0: asked again at once
    expect(daarna.meldingen).toEqual([expect.stringMatching(/geen La01 maar Bv03Bericht/)]);
    expect(traag.ontvangen.map((o) => o.actie)).toEqual([expect.stringMatching(/geefZaakstatus_(ZakLv01|Lv01)$/), expect.stringMatching(/geefZaakstatus_(ZakLv01|Lv01)$/)]);
  });

  it('partners ververs (de opdrachtregel) vraagt de partner nu, ook als de spiegel nog vers is', async () => {
    const pz = uniek('0777Z');
    await partnerzaak(pz, 1, 'Intake', '20240520090000000');
    await nieuwDeelplan([pz]);
    goed(await statusDoorPartner(pz, 1, 'Intake', '20240520090000000'));
    expect((await partner.stuur(inEnvelope(wijzig(d, 'actualiseerZaakstatus', pz, '', status(3, 'Afgerond', '20240525090000000'))), actie(d, 'actualiseerZaakstatus'))).status).toBe(200);
    const uit: string[] = [];
    expect(await partnersOpdracht(gw.config, ['ververs', pz], (t) => uit.push(t))).toBe(0);
    expect(uit.join('')).toMatch(new RegExp(`${pz}: ververst \\(gewijzigd\\)`));
    expect(statussen((await zaakstatus(pz)).object)).toEqual([expect.objectContaining({ volgnummer: '3', omschrijving: 'Afgerond' })]);
  });

  it('de partner is plat: de laatst bekende status met een melding, en niet meteen opnieuw gevraagd', async () => {
    const pz = uniek('0777Z');
    await nieuwDeelplan([pz]);
    goed(await statusDoorPartner(pz, 2, 'In begeleiding', '20240601090000000'));
    await maakOud(pz);
    await partner.stop();
    try {
      const eerste = await zaakstatus(pz);
      expect(statussen(eerste.object)).toEqual([expect.objectContaining({ volgnummer: '2' })]);
      expect(eerste.meldingen).toEqual([expect.stringMatching(new RegExp(`niet ververst bij ketenpartner zorg .*niet bereikbaar.*laatst bekende status`))]);
      const tweede = await details(pz);
      expect(tweede.meldingen[0]).toMatch(/vorige vraag mislukt/);
      expect((await store().spiegelzaken.vind(pz))?.verversFout).toMatch(/niet bereikbaar/);
      // Readers learn that the partner is down, not where it lives (issue 15).
      for (const tekst of [eerste.meldingen[0], tweede.meldingen[0], (await store().spiegelzaken.vind(pz))?.verversFout]) {
        expect(tekst).not.toContain(new URL(partner.adres).host);
        expect(tekst).not.toContain('127.0.0.1');
      }
    } finally {
      await partner.start();
    }
  });

  it('de partner antwoordt met een fout (kent de zaak niet): het antwoord blijft, met de StUF-fout in de melding', async () => {
    const pz = uniek('0777ONBEKEND');
    await nieuwDeelplan([pz]);
    const { object, meldingen } = await zaakstatus(pz); // never refreshed: stale from the start
    expect(tekstVan(object, 'identificatie')).toBe(pz);
    expect(meldingen).toEqual([expect.stringMatching(/StUF064/)]);
  });

  it('geefZaakdetails op de partnerzaak: wat de spiegel heeft, de rest nietOndersteund', async () => {
    const pz = uniek('0777Z');
    const dp = await nieuwDeelplan([pz]);
    goed(await statusDoorPartner(pz, 1, 'Intake', '20240701090000000'));
    const { object } = await details(pz);
    expect(attr(object!, NS.stuf, 'sleutelVerzendend')).toMatch(/^spiegel-\d+$/);
    expect(tekstVan(object, 'isVan', 'gerelateerde', 'code')).toBe('ZORG01');
    expect(tekstVan(object, 'heeftBetrekkingOpAndere', 'gerelateerde', 'identificatie')).toBe(dp);
    expect(statussen(object)).toEqual([expect.objectContaining({ volgnummer: '1', omschrijving: 'Intake' })]);
    for (const naam of ['omschrijving', 'startdatum', 'heeftAlsInitiator', 'heeftBetrekkingOp']) {
      expect(attr(child(object, naam)!, NS.stuf, 'noValue')).toBe('nietOndersteund');
    }
  });

  it('weigeringen: aanmelden zonder deelplan, buiten de eigen nummering, bij een tweede deelplan, bij een gezinsplan', async () => {
    const pz = uniek('0777Z');
    const dp = await nieuwDeelplan([pz]);
    const dp2 = await nieuwDeelplan();
    const zonder = await stuur(creeerZaak(d, { id: uniek('0777Z'), zaaktype: 'ZORG01', sturing: alsZorg }), 'creeerZaak', '/OntvangAsynchroon');
    expect(fout(zonder, 'Fo03').details).toMatch(/precies één deelplan/);
    expect(fout(await aanmeldingDoorPartner(uniek('0999Z'), dp), 'Fo03').details).toMatch(/nummering van ketenpartner zorg/);
    expect(fout(await aanmeldingDoorPartner(pz, dp2), 'Fo03').details).toMatch(new RegExp(`al gekoppeld aan deelplan ${dp}`));
    expect(fout(await koppelDoorRegie(dp2, pz), 'Fo03').details).toMatch(new RegExp(`al gekoppeld aan deelplan ${dp}`));
    expect(fout(await aanmeldingDoorPartner(uniek('0777Z'), gezin), 'Fo03').details).toMatch(/niet aan gezinsplan/);
    // Nobody else creates a zaak of ours under the partner's identificatie.
    expect(fout(await stuur(creeerZaak(d, { id: pz, zaaktype: 'WMO01' }), 'creeerZaak', '/OntvangAsynchroon'), 'Fo03').details).toMatch(/bestaat al als zaak van ketenpartner zorg/);
    expect((await store().spiegelzaken.vind(pz))?.deelplan).toBe(dp);
  });

  it('een partner ziet alleen haar eigen zaken en de deelplannen daarvan', async () => {
    const eigen = uniek('0777Z');
    const vreemd = uniek('0888Z');
    const dp = await nieuwDeelplan([eigen]);
    const dpWerk = await nieuwDeelplan([vreemd]);
    goed(await aanmeldingDoorPartner(vreemd, dpWerk, '', alsWerk));
    expect(tekstVan((await zaakstatus(eigen, alsZorg)).object, 'identificatie')).toBe(eigen);
    expect(tekstVan((await details(dp, alsZorg)).object, 'identificatie')).toBe(dp);
    for (const [id, sturing] of [[vreemd, alsZorg], [dpWerk, alsZorg], [gezin, alsZorg], [eigen, alsWerk], [dp, alsWerk]] as const) {
      // Answered as an unknown zaak (issue 15): a refusal would tell that the zaak exists.
      const r = await stuur(geefZaakstatus(d, id, false, sturing), 'geefZaakstatus', '/BeantwoordVraag');
      expect(objectUit(r)).toBeUndefined();
      const onbekend = await stuur(geefZaakstatus(d, '0999ONBEKEND01', false, sturing), 'geefZaakstatus', '/BeantwoordVraag');
      const kaal = (body: string, x: string) => body.replace(/<([\w-]+:)?stuurgegevens[\s>][\s\S]*?<\/\1?stuurgegevens>/g, '').split(x).join('{ID}');
      expect(kaal(r.body, id)).toBe(kaal(onbekend.body, '0999ONBEKEND01'));
    }
    // Nor may it push a status for another partner's zaak.
    expect(fout(await statusDoorPartner(vreemd, 2, 'In begeleiding', '20240801090000000'), 'Fo03').code).toBe('StUF052');
  });

  it('ontkoppelen door de regie verwijdert de spiegel; een status daarna is onbekend', async () => {
    const pz = uniek('0777Z');
    const dp = await nieuwDeelplan([pz]);
    goed(await stuur(wijzig(d, 'updateZaak', dp, andereZaak(pz, 'V'), legeRelatie('heeftBetrekkingOpAndere', 'ZAKZAKBTR', 'V')), 'updateZaak', '/OntvangAsynchroon'));
    expect(await store().spiegelzaken.vind(pz)).toBeUndefined();
    expect(fout(await statusDoorPartner(pz, 2, 'In begeleiding', '20240901090000000'), 'Fo03').code).toBe('StUF064');
  });
});

// The family flow of the Regie- en Zaakservices issue, in a secured gateway, with one deelplan bought from a partner:
// the partner logs in as its registered application, announces its zaak and pushes its status; the regiesysteem reads
// the whole family back (the person query, the deelplan's details, the partner zaak's status).
describe.each<Dialect>(['zds12', 'zds11'])('het hele gezin met een deelplan bij een ketenpartner (%s, beveiligd)', (d) => {
  const partner = new TestPartner(`gezin-${d}`, ZORG, ZORGTYPEN);
  const { log, regels } = vangLog();
  let gw: TestGateway;
  const ZORG_APP = { gebruikersnaam: 'zorgsys', wachtwoord: 'zorg-geheim-12' };
  const alsRegie = { sturing: als('regie'), headers: aanmelding('regie') };
  const alsPartner = { sturing: alsZorg, headers: { authorization: `Basic ${Buffer.from(`${ZORG_APP.gebruikersnaam}:${ZORG_APP.wachtwoord}`).toString('base64')}` } };
  const [A, B] = ['222333444', '333444555'];
  const ids = { gezin: `0599GZ${d}`, schulden: `0599LD${d}`, wmo: `0599WMO${d}`, begeleiding: `0599BEG${d}`, partnerzaak: `0777BEG${d}` };

  const stuur = (body: string, dienst: Parameters<typeof actie>[1], wie: { headers: Record<string, string> }, pad = '/OntvangAsynchroon') =>
    gw.stuur(inEnvelope(body), { actie: actie(d, dienst), pad, headers: wie.headers });

  beforeAll(async () => {
    await partner.start();
    gw = await startGateway({
      ...beveiligd({ applicaties: [{ zender: ZORG, rol: 'ketenpartner', basic: ZORG_APP, zaaktypen: { lezen: ['WMO01'], schrijven: ['WMO01'] } }] }),
      stuf: { persoonsvraag: 'aan' },
      partners: [{ naam: 'zorg', zender: ZORG, zaakidentificatie: ['0777'], zds: { adres: partner.adres, dialect: d, wsdl: d === 'zds11' ? `${partner.wsdl}&dialect=zds11` : partner.wsdl } }],
    }, undefined, log);
  });

  afterAll(async () => {
    await gw?.sluit();
    await partner.sluit();
  });

  it('de regie legt het gezin vast: gezinsplan, levensdomeinplan, een deelplan bij de backoffice en een bij de ketenpartner', async () => {
    goed(await stuur(gezinsplan(d, { id: ids.gezin, clients: [A, B], sturing: alsRegie.sturing }), 'creeerZaak', alsRegie));
    goed(await stuur(levensdomeinplan(d, { id: ids.schulden, clients: [A], gezinsplan: ids.gezin, sturing: alsRegie.sturing }), 'creeerZaak', alsRegie));
    goed(await stuur(deelplan(d, { id: ids.wmo, clients: [A], plannen: [ids.gezin, ids.schulden], sturing: alsRegie.sturing }), 'creeerZaak', alsRegie));
    goed(await stuur(deelplan(d, { id: ids.begeleiding, clients: [B], plannen: [ids.gezin], sturing: alsRegie.sturing }), 'creeerZaak', alsRegie));
  });

  it('de ketenpartner meldt haar zaak aan bij het gekochte deelplan en geeft haar status door; de regie koppelt ook (geen dubbele)', async () => {
    const relaties = rol('heeftAlsInitiator', medewerker('ZORG-MDW-7')) + andereZaak(ids.begeleiding) + partnerStatus(1, 'Intake', '20240201100000000');
    goed(await stuur(creeerZaak(d, { id: ids.partnerzaak, zaaktype: 'ZORG01', relaties, sturing: alsPartner.sturing }), 'creeerZaak', alsPartner));
    goed(await stuur(wijzig(d, 'updateZaak', ids.begeleiding, legeRelatie('heeftBetrekkingOpAndere', 'ZAKZAKBTR', 'T'), andereZaak(ids.partnerzaak), { sturing: alsRegie.sturing }), 'updateZaak', alsRegie));
    goed(await stuur(wijzig(d, 'actualiseerZaakstatus', ids.partnerzaak, '', partnerStatus(2, 'In begeleiding', '20240215100000000'), { sturing: alsPartner.sturing }), 'actualiseerZaakstatus', alsPartner));
    expect(await gw.app.gateway.store.spiegelzaken.alle()).toEqual([expect.objectContaining({ identificatie: ids.partnerzaak, deelplan: ids.begeleiding })]);
  });

  it('de regie leest het gezin terug: de persoonsvraag noemt de partnerzaak onder het deelplan', async () => {
    const r = await gw.stuur(inEnvelope(zoekZaken({ client: nps(B) }, { sturing: alsRegie.sturing })), { pad: '/BeantwoordVraag', actie: ZAKLV01_ACTIE, headers: alsRegie.headers });
    const objecten = children(child(goed(r), 'antwoord'), 'object');
    expect(objecten.map((o) => tekstVan(o, 'identificatie'))).toEqual([ids.begeleiding, ids.gezin]);
    const begeleiding = objecten[0];
    expect(children(begeleiding, 'heeftBetrekkingOpAndere').map((h) => [tekstVan(h, 'gerelateerde', 'identificatie'), tekstVan(h, 'gerelateerde', 'isVan', 'gerelateerde', 'code')]))
      .toEqual([[ids.gezin, 'GZP'], [ids.partnerzaak, 'ZORG01']]);
  });

  it('de regie leest het deelplan met de status van de partnerzaak, en die status zelf', async () => {
    const scope = '<ZKN:scope><ZKN:object StUF:entiteittype="ZAK"><ZKN:identificatie xsi:nil="true"/><ZKN:heeftBetrekkingOpAndere StUF:entiteittype="ZAKZAKBTR">' +
      '<ZKN:gerelateerde StUF:entiteittype="ZAK"><ZKN:identificatie xsi:nil="true"/><ZKN:heeft StUF:entiteittype="ZAKSTT"><ZKN:gerelateerde StUF:entiteittype="STT">' +
      '<ZKN:volgnummer xsi:nil="true"/><ZKN:omschrijving xsi:nil="true"/></ZKN:gerelateerde><ZKN:datumStatusGezet xsi:nil="true"/></ZKN:heeft></ZKN:gerelateerde>' +
      '</ZKN:heeftBetrekkingOpAndere></ZKN:object></ZKN:scope>';
    const deel = objectUit(await stuur(geefZaakdetails(d, ids.begeleiding, scope, alsRegie.sturing), 'geefZaakdetails', alsRegie, '/BeantwoordVraag'));
    const naarPartner = children(deel, 'heeftBetrekkingOpAndere').find((h) => tekstVan(h, 'gerelateerde', 'identificatie') === ids.partnerzaak);
    expect(statussen(child(naarPartner, 'gerelateerde'))).toEqual([expect.objectContaining({ volgnummer: '2', omschrijving: 'In begeleiding' })]);

    const laatste = objectUit(await stuur(geefZaakstatus(d, ids.partnerzaak, true, alsRegie.sturing), 'geefZaakstatus', alsRegie, '/BeantwoordVraag'));
    expect(statussen(laatste)).toEqual([expect.objectContaining({ volgnummer: '2', indicatieLaatsteStatus: 'J' })]);
  });

  it('na het maximum oud vraagt de gateway de partner (via de WSDL van de partner); de partner zelf leest haar deelplan, niet het gezinsplan', async () => {
    expect((await partner.stuur(inEnvelope(creeerZaak(d, { id: ids.partnerzaak, zaaktype: 'ZORG01' })), actie(d, 'creeerZaak'))).status).toBe(200);
    expect((await partner.stuur(inEnvelope(wijzig(d, 'actualiseerZaakstatus', ids.partnerzaak, '', status(3, 'Afgerond', '20240301100000000'))), actie(d, 'actualiseerZaakstatus'))).status).toBe(200);
    await gw.app.gateway.store.sql.voer("UPDATE spiegelzaak SET ververst = '2000-01-01T00:00:00.000Z'");
    const gepulld = objectUit(await stuur(geefZaakstatus(d, ids.partnerzaak, true, alsRegie.sturing), 'geefZaakstatus', alsRegie, '/BeantwoordVraag'));
    expect(statussen(gepulld)).toEqual([expect.objectContaining({ volgnummer: '3', omschrijving: 'Afgerond' })]);
    expect(partner.vragen).toHaveLength(1);

    expect(tekstVan(objectUit(await stuur(geefZaakdetails(d, ids.begeleiding, undefined, alsPartner.sturing), 'geefZaakdetails', alsPartner, '/BeantwoordVraag')), 'identificatie')).toBe(ids.begeleiding);
    // Its own zaak, although ZORG01 is not among the zaaktypen it may read here: those are the municipality's.
    const eigen = objectUit(await stuur(geefZaakstatus(d, ids.partnerzaak, true, alsPartner.sturing), 'geefZaakstatus', alsPartner, '/BeantwoordVraag'));
    expect(statussen(eigen)).toEqual([expect.objectContaining({ volgnummer: '3' })]);
    const geweigerd = await stuur(geefZaakdetails(d, ids.gezin, undefined, alsPartner.sturing), 'geefZaakdetails', alsPartner, '/BeantwoordVraag');
    expect(objectUit(geweigerd)).toBeUndefined(); // answered as an unknown zaak (issue 15)
  });

  it('het log noemt geen BSN en geen naam, wel de partnerzaak', () => {
    const tekst = regels.join('');
    for (const geheim of [A, B, 'Vries']) expect(tekst).not.toContain(geheim);
    expect(tekst).toContain(ids.partnerzaak);
  });
});
