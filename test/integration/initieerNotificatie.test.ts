// initieerNotificeerOverZaak (rzs.md §6.2, §6.5): a zaak changed elsewhere, and the gateway as abonnementenbeheer tells
// the subscribers (real SOAP receivers on loopback ports), never the application that made the change; or, when the
// abonnementenbeheer is elsewhere, passes the trigger on. Also the asynchronous acknowledgements (Bv01, Fo03) other
// applications post about what we sent, and a SOAP client generated from our RZS WSDL.
import * as soap from 'soap';
import { startGateway, TestGateway, vangLog } from '../support/gateway';
import { Ontvangen, TestOntvanger, gebeurtenisVan, tekstVan } from '../support/ontvanger';
import { bericht, foutcode, foutdetails, inEnvelope } from '../support/soap';
import { bevestiging, initieerNotificeer, rzsActie, Trigger } from '../support/rzsBerichten';
import { aanmelding, als, beveiligd } from '../support/planBerichten';
import { SoapClient, fout, luister } from '../support/soapClientOpname';
import { heeftShared } from '../support/paden';
import { heeftJava, schrijfBerichten, valideerEigen, valideerOfficieel } from '../support/schemaValidatie';
import { NS } from '../../src/stuf/namespaces';
import { attr, child } from '../../src/stuf/xml';
import { GEBEURTENISSEN } from '../../src/notificaties/gebeurtenis';

const BEZORGING = { intervalMs: 50, eersteWachttijdSeconden: 0.1, maxWachttijdSeconden: 0.5, timeoutSeconden: 2 };
const WMO = { code: 'WMO01', omschrijving: 'Aanvraag Wmo-voorziening' };
const STATUS = {
  zktCode: 'WMO01', zktOmschrijving: 'Aanvraag Wmo-voorziening', volgnummer: '2', code: 'INBEH', omschrijving: 'In behandeling genomen',
  datumStatusGezet: '20240115103000000',
};

let zaakTeller = 0;
const nieuweZaak = () => `0599INOZ${process.pid % 100000}${String(++zaakTeller).padStart(4, '0')}`;

const bestemming = (o: TestOntvanger) => ({ naam: o.naam, adres: o.adres, ontvanger: { organisatie: '0599', applicatie: o.applicatie } });

/** The message a receiver got about this zaak, once it is there. */
async function ontvangenOver(o: TestOntvanger, zaak: string): Promise<Ontvangen> {
  for (const eind = Date.now() + 10_000; Date.now() < eind; await new Promise((r) => setTimeout(r, 50))) {
    const m = o.ontvangen.find((x) => tekstVan(x.root, 'object', 'identificatie') === zaak);
    if (m) return m;
  }
  throw new Error(`${o.naam} kreeg niets over ${zaak}`);
}

/** The names of the extraElementen of a notification the receiver got. */
const extraNamen = (root: Parameters<typeof child>[0]) =>
  child(child(root, 'object'), 'extraElementen')?.children.map((x) => attr(x, '', 'naam')) ?? [];

describe('initieerNotificeerOverZaak: the gateway is the abonnementenbeheer (modus intern)', () => {
  const regie = new TestOntvanger('regie', 'REGIESYSTEEM');
  const wmo = new TestOntvanger('wmo', 'WMO-BACKOFFICE');
  let gw: TestGateway;
  let basis: string;
  const { log, regels } = vangLog();

  const stuur = (t: Trigger, actie = rzsActie('initieerNotificeerOverZaak')) => gw.stuur(inEnvelope(initieerNotificeer(t)), { actie });
  /** The outbox rows of a zaak, by destination: what was (or will be) sent, written in the transaction of the trigger. */
  const uitgaand = async (zaak: string) => (await gw.app.gateway.store.uitgaand.lijst({ zaak })).map((u) => u.bestemming).sort();
  /** The zaak's one outbox row, once the worker has delivered it. */
  const afgeleverd = async (zaak: string) => {
    for (const eind = Date.now() + 10_000; Date.now() < eind; await new Promise((r) => setTimeout(r, 50))) {
      const [rij] = await gw.app.gateway.store.uitgaand.lijst({ zaak });
      if (rij?.status === 'afgeleverd') return rij;
    }
    throw new Error(`uitgaand bericht over ${zaak} niet afgeleverd`);
  };

  beforeAll(async () => {
    await Promise.all([regie.start(), wmo.start()]);
    gw = await startGateway(
      {
        bestemmingen: [bestemming(regie), bestemming(wmo)],
        abonnementen: [{ bestemming: 'regie' }, { bestemming: 'wmo', zaaktypen: ['WMO01'] }],
        bezorging: BEZORGING,
      },
      'initieerNotificatie',
      log,
    );
    basis = await luister(gw);
  });
  afterAll(async () => {
    await gw.sluit();
    await Promise.all([regie.stop(), wmo.stop()]);
  });

  it('reaches the subscribers as notificeerOverZaak with the same zaak, zaaktype, status and gebeurtenis; the zendende applicatie is skipped', async () => {
    const zaak = nieuweZaak();
    const r = await stuur({ zaak, zaaktype: WMO, gebeurtenis: 'Actualiseer zaakstatus', status: STATUS, zendendeApplicatie: 'REGIESYSTEEM' });
    expect(r.status).toBe(200);
    const bv03 = bericht(r.body);
    expect(`{${bv03.ns}}${bv03.local}`).toBe(`{${NS.stuf}}Bv03Bericht`);
    // The zaak is not in our store: the change was made elsewhere.
    expect(await gw.app.gateway.store.zaken.vind(zaak)).toBeUndefined();
    expect(await uitgaand(zaak)).toEqual(['wmo']);

    const o = await ontvangenOver(wmo, zaak);
    expect(o.actie).toBe(rzsActie('notificeerOverZaak'));
    expect(`{${o.root.ns}}${o.root.local}`).toBe(`{${NS.rzs}}notificeerOverZaak_Di01`);
    expect(o.stuurgegevens).toMatchObject({ berichtcode: 'Di01', functie: 'notificeerOverZaak', ontvanger: { organisatie: '0599', applicatie: 'WMO-BACKOFFICE' } });
    expect(gebeurtenisVan(o)).toBe('Actualiseer zaakstatus');
    // The zendende applicatie is for the abonnementenbeheer only: a notification carries the gebeurtenis alone.
    expect(extraNamen(o.root)).toEqual(['gebeurtenis']);
    expect(tekstVan(o.root, 'object', 'isVan', 'gerelateerde', 'code')).toBe('WMO01');
    expect(tekstVan(o.root, 'object', 'isVan', 'gerelateerde', 'omschrijving')).toBe('Aanvraag Wmo-voorziening');
    const status = ['zkt.code', 'zkt.omschrijving', 'volgnummer', 'code', 'omschrijving'].map((v) => tekstVan(o.root, 'object', 'heeft', 'gerelateerde', v));
    expect(status).toEqual(['WMO01', 'Aanvraag Wmo-voorziening', '2', 'INBEH', 'In behandeling genomen']);
    expect(tekstVan(o.root, 'object', 'heeft', 'datumStatusGezet')).toBe('20240115103000000');
  });

  it('without the zendende applicatie nobody is skipped; another extraElement name with "zend" in it is recognised', async () => {
    const zonder = nieuweZaak();
    expect((await stuur({ zaak: zonder, zaaktype: WMO, zendendeApplicatie: null })).status).toBe(200);
    expect(await uitgaand(zonder)).toEqual(['regie', 'wmo']);
    const [r, w] = await Promise.all([ontvangenOver(regie, zonder), ontvangenOver(wmo, zonder)]);
    expect([r.stuurgegevens.ontvanger?.applicatie, w.stuurgegevens.ontvanger?.applicatie]).toEqual(['REGIESYSTEEM', 'WMO-BACKOFFICE']);
    // The log line of the trigger says why nobody was skipped.
    expect(regels.some((r) => r.includes('"verwerkt"') && r.includes(zonder) && r.includes('zendende applicatie is onbekend'))).toBe(true);

    const anders = nieuweZaak();
    expect((await stuur({ zaak: anders, zaaktype: WMO, naamZendendeApplicatie: 'VerzendendSysteem', zendendeApplicatie: 'WMO-BACKOFFICE' })).status).toBe(200);
    expect(await uitgaand(anders)).toEqual(['regie']);
  });

  it('the gebeurtenis is read loosely ("creëer  ZAAK") and sent exactly as Bijlage D spells it', async () => {
    const zaak = nieuweZaak();
    expect((await stuur({ zaak, gebeurtenis: 'creëer  ZAAK', zendendeApplicatie: 'BACKOFFICE' })).status).toBe(200);
    const rij = await gw.app.gateway.store.uitgaand.lijst({ zaak });
    expect(rij.map((u) => [u.bestemming, u.gebeurtenis])).toEqual([['regie', 'Creeer zaak']]);
    expect(gebeurtenisVan(await ontvangenOver(regie, zaak))).toBe('Creeer zaak');
  });

  it('an unknown gebeurtenis is a Fo03 StUF058 naming the five values; nothing is sent', async () => {
    const zaak = nieuweZaak();
    const r = await stuur({ zaak, gebeurtenis: 'Sluit zaak' });
    expect(r.status).toBe(500);
    expect(bericht(r.body).local).toBe('Fo03Bericht');
    expect(foutcode(r.body)).toBe('StUF058');
    expect(foutdetails(r.body)).toBe(`Gebeurtenis 'Sluit zaak' is onbekend; bekend zijn: ${GEBEURTENISSEN.map((g) => `'${g}'`).join(', ')}`);
    expect(await uitgaand(zaak)).toEqual([]);
  });

  it('a trigger without zaak identificatie is a Fo03 StUF055', async () => {
    const r = await stuur({ zaak: undefined });
    expect(r.status).toBe(500);
    expect(foutcode(r.body)).toBe('StUF055');
    expect(foutdetails(r.body)).toBe('object/identificatie ontbreekt of is leeg: een notificatie gaat over één zaak');
  });

  it('functie initieerNotificeerOverZaak and the StUF-rule SOAPAction are accepted (rzs.md A4, A5)', async () => {
    const zaak = nieuweZaak();
    const r = await stuur({ zaak, functie: 'initieerNotificeerOverZaak', zendendeApplicatie: 'BACKOFFICE' }, 'http://www.stufstandaarden.nl/koppelvlak/rzs0310/initieerNotificeerOverZaak');
    expect(r.status).toBe(200);
    expect(await uitgaand(zaak)).toEqual(['regie']);
    const andere = await stuur({ zaak: nieuweZaak(), functie: 'overdragenZaak' });
    expect([andere.status, foutcode(andere.body)]).toEqual([500, 'StUF037']);
  });

  it('a resend with the same referentienummer is answered again but notifies no one twice', async () => {
    const zaak = nieuweZaak();
    const xml = initieerNotificeer({ zaak, zaaktype: WMO, zendendeApplicatie: null, sturing: { ref: `HERHAAL-${zaak}` } });
    const eerste = await gw.stuur(inEnvelope(xml), { actie: rzsActie('initieerNotificeerOverZaak') });
    const tweede = await gw.stuur(inEnvelope(xml), { actie: rzsActie('initieerNotificeerOverZaak') });
    expect([eerste.status, tweede.status]).toEqual([200, 200]);
    expect(bericht(tweede.body).local).toBe('Bv03Bericht');
    expect(await uitgaand(zaak)).toEqual(['regie', 'wmo']);
  });

  it('a notificeerOverZaak_Di01 posted to the gateway is taken as a trigger', async () => {
    const zaak = nieuweZaak();
    const r = await stuur({ zaak, root: 'notificeerOverZaak_Di01', zendendeApplicatie: null }, rzsActie('notificeerOverZaak'));
    expect(r.status).toBe(200);
    expect(await uitgaand(zaak)).toEqual(['regie']);
  });

  it('a Bv01 and a Fo03 posted later about a notification are answered Bv03 and logged with the outbox row they concern', async () => {
    const zaak = nieuweZaak();
    await stuur({ zaak, zendendeApplicatie: null });
    const rij = await afgeleverd(zaak);
    const bv01 = await gw.stuur(inEnvelope(bevestiging('Bv01', rij.referentienummer)), { actie: 'http://www.egem.nl/StUF/StUF0301/Bv01' });
    expect(bv01.status).toBe(200);
    const antwoord = bericht(bv01.body);
    expect(antwoord.local).toBe('Bv03Bericht');
    expect(tekstVan(antwoord, 'stuurgegevens', 'crossRefnummer')).toMatch(/^Bv01-/);
    const fo03 = await gw.stuur(inEnvelope(bevestiging('Fo03', rij.referentienummer)), { actie: 'http://www.egem.nl/StUF/StUF0301/Fo03' });
    expect([fo03.status, bericht(fo03.body).local]).toEqual([200, 'Bv03Bericht']);
    const regel = (msg: string) => regels.map((r) => JSON.parse(r)).find((r) => r.msg === msg && r.crossRefnummer === rij.referentienummer);
    expect(regel('bevestiging ontvangen')).toMatchObject({ berichtcode: 'Bv01', uitgaand: rij.id, bestemming: 'regie', soort: 'notificeerOverZaak', zaak });
    const foutregel = regel('foutbericht ontvangen over een verzonden bericht');
    expect(foutregel).toMatchObject({ berichtcode: 'Fo03', uitgaand: rij.id, bestemming: 'regie', fout: 'StUF058', plek: 'client' });
    // The free-text details of another system stay out of the log.
    expect(JSON.stringify(foutregel)).not.toContain('zaak onbekend bij de ontvanger');
    // An acknowledgement changes nothing: a Fo03 after the Bv03 does not make a delivered message undelivered.
    expect(await gw.app.gateway.store.uitgaand.vind(rij.id)).toEqual(rij);
  });

  it('a Bv01 without crossRefnummer is a Fo03 StUF055; one about nothing we sent is answered and logged as unknown', async () => {
    const zonder = bevestiging('Bv01', 'X').replace(/<StUF:crossRefnummer>X<\/StUF:crossRefnummer>/, '');
    const r = await gw.stuur(inEnvelope(zonder), { actie: 'http://www.egem.nl/StUF/StUF0301/Bv01' });
    expect([r.status, foutcode(r.body)]).toEqual([500, 'StUF055']);
    const onbekend = await gw.stuur(inEnvelope(bevestiging('Bv01', 'NIET-VAN-ONS-1')), { actie: 'http://www.egem.nl/StUF/StUF0301/Bv01' });
    expect(onbekend.status).toBe(200);
    expect(regels.map((x) => JSON.parse(x)).find((x) => x.crossRefnummer === 'NIET-VAN-ONS-1')).toMatchObject({ msg: 'bevestiging ontvangen', uitgaand: 'onbekend' });
  });

  it('a SOAP client generated from GET /OntvangAsynchroon?wsdl&dialect=rzs sends initieerNotificeerOverZaak and gets a Bv03', async () => {
    const client = (await soap.createClientAsync(`${basis}/OntvangAsynchroon?wsdl&dialect=rzs`)) as SoapClient;
    const beschrijving = client.describe() as Record<string, Record<string, Record<string, unknown>>>;
    expect(Object.keys(beschrijving.OntvangAsynchroon.OntvangAsynchroon).sort()).toEqual(['bevestigOverdragenZaak', 'initieerNotificeerOverZaak', 'notificeerOverZaak', 'overdragenZaak']);
    const zaak = nieuweZaak();
    const et = (t: string) => ({ 'StUF:entiteittype': t });
    const [antwoord] = await client.initieerNotificeerOverZaakAsync({
      stuurgegevens: {
        berichtcode: 'Di01',
        zender: { organisatie: '0599', applicatie: 'SOAPCLIENT' },
        ontvanger: { organisatie: '0599', applicatie: 'ZDSGW' },
        referentienummer: `SOAP-RZS-${process.pid}`,
        tijdstipBericht: '20240115103001000',
        functie: 'notificeerOverZaak',
      },
      object: {
        attributes: { 'StUF:functie': 'entiteit', ...et('ZAK') },
        identificatie: zaak,
        extraElementen: {
          extraElement: [
            { attributes: { naam: 'gebeurtenis' }, $value: 'Update zaak' },
            { attributes: { naam: 'zendendeApplicatie' }, $value: 'WMO-BACKOFFICE' },
          ],
        },
        isVan: { attributes: et('ZAKZKT'), gerelateerde: { attributes: et('ZKT'), ...WMO } },
      },
    });
    expect(antwoord.stuurgegevens).toMatchObject({ berichtcode: 'Bv03', crossRefnummer: `SOAP-RZS-${process.pid}` });
    expect(await uitgaand(zaak)).toEqual(['regie']);
    const verzoek = client.lastRequest!;
    expect(verzoek).toContain('initieerNotificeerOverZaak_Di01');

    // A refused one comes back as a SOAP fault with the Fo03 in its detail.
    const geweigerd = await fout(client.initieerNotificeerOverZaakAsync({
      stuurgegevens: { berichtcode: 'Di01', zender: { applicatie: 'SOAPCLIENT' }, ontvanger: { applicatie: 'ZDSGW' }, referentienummer: `SOAP-RZS-${process.pid}-2`, tijdstipBericht: '20240115103002000', functie: 'notificeerOverZaak' },
      object: { attributes: { 'StUF:functie': 'entiteit' }, identificatie: zaak, extraElementen: { extraElement: [{ attributes: { naam: 'gebeurtenis' }, $value: 'Verwijder zaak' }] }, isVan: { attributes: et('ZAKZKT'), gerelateerde: { attributes: et('ZKT'), ...WMO } } },
    }));
    expect(geweigerd.root?.Envelope?.Body?.Fault?.detail?.Fo03Bericht?.body?.code).toBe('StUF058');

    // What the toolkit built, and what this file's builders send, against our schemas and the official ones.
    if (!heeftJava()) return;
    const triggers = schrijfBerichten({ 'soap-initieer': verzoek, 'bouwer-initieer': initieerNotificeer({ zaak, zaaktype: WMO, status: STATUS, melding: 'na updateZaak' }) });
    const bevestigingen = schrijfBerichten({ 'bouwer-bv01': bevestiging('Bv01', 'REF-1'), 'bouwer-fo03': bevestiging('Fo03', 'REF-1') });
    const [eigen, officieel] = await Promise.all([
      valideerEigen(basis, triggers),
      heeftShared() ? valideerOfficieel([...triggers, ...bevestigingen]) : undefined,
    ]);
    expect(eigen).toEqual({ geldig: 2, ongeldig: [] });
    if (officieel) expect(officieel).toEqual({ geldig: 4, ongeldig: [] });
  });
});

describe('initieerNotificeerOverZaak: the abonnementenbeheer is elsewhere (modus extern) or notifications are off', () => {
  const beheer = new TestOntvanger('beheer', 'ABONNEMENTENBEHEER');
  const regie = new TestOntvanger('regie-extern', 'REGIESYSTEEM');
  let extern: TestGateway;
  let uit: TestGateway;

  beforeAll(async () => {
    await Promise.all([beheer.start(), regie.start()]);
    const bestemmingen = [bestemming(beheer), bestemming(regie)];
    extern = await startGateway({ bestemmingen, abonnementen: [{ bestemming: 'regie-extern' }], notificaties: { modus: 'extern', abonnementenbeheer: 'beheer' }, bezorging: BEZORGING });
    uit = await startGateway({ bestemmingen, abonnementen: [{ bestemming: 'regie-extern' }], notificaties: { modus: 'uit' }, bezorging: BEZORGING });
  });
  afterAll(async () => {
    await Promise.all([extern.sluit(), uit.sluit()]);
    await Promise.all([beheer.stop(), regie.stop()]);
  });

  it('extern: forwarded to the abonnementenbeheer as initieerNotificeerOverZaak with the zendende applicatie; no subscriber is notified', async () => {
    const zaak = nieuweZaak();
    const r = await extern.stuur(inEnvelope(initieerNotificeer({ zaak, zaaktype: WMO, gebeurtenis: 'Update zaak', status: STATUS, zendendeApplicatie: 'WMO-BACKOFFICE' })), { actie: rzsActie('initieerNotificeerOverZaak') });
    expect(r.status).toBe(200);
    expect((await extern.app.gateway.store.uitgaand.lijst({ zaak })).map((u) => [u.bestemming, u.soort])).toEqual([['beheer', 'initieerNotificeerOverZaak']]);
    const o = await ontvangenOver(beheer, zaak);
    expect(o.actie).toBe(rzsActie('initieerNotificeerOverZaak'));
    expect(`{${o.root.ns}}${o.root.local}`).toBe(`{${NS.rzs}}initieerNotificeerOverZaak_Di01`);
    expect(o.stuurgegevens).toMatchObject({ functie: 'notificeerOverZaak', ontvanger: { applicatie: 'ABONNEMENTENBEHEER' } });
    expect(tekstVan(o.root, 'object', 'identificatie')).toBe(zaak);
    expect(gebeurtenisVan(o)).toBe('Update zaak');
    const zendend = child(child(o.root, 'object'), 'extraElementen')!.children.find((x) => attr(x, '', 'naam') === 'zendendeApplicatie');
    expect(zendend?.text).toBe('WMO-BACKOFFICE');
    expect(tekstVan(o.root, 'object', 'heeft', 'gerelateerde', 'code')).toBe('INBEH');
    expect(regie.ontvangen).toEqual([]);
  });

  it('extern: what the abonnementenbeheer itself sends is not sent back to it', async () => {
    const zaak = nieuweZaak();
    const r = await extern.stuur(inEnvelope(initieerNotificeer({ zaak, root: 'notificeerOverZaak_Di01', zendendeApplicatie: null, sturing: { zender: 'ABONNEMENTENBEHEER' } })), { actie: rzsActie('notificeerOverZaak') });
    expect(r.status).toBe(200);
    expect(await extern.app.gateway.store.uitgaand.lijst({ zaak })).toEqual([]);
  });

  it('uit: accepted with a Bv03, nothing sent', async () => {
    const zaak = nieuweZaak();
    const r = await uit.stuur(inEnvelope(initieerNotificeer({ zaak })), { actie: rzsActie('initieerNotificeerOverZaak') });
    expect([r.status, bericht(r.body).local]).toEqual([200, 'Bv03Bericht']);
    expect(await uit.app.gateway.store.uitgaand.lijst({ zaak })).toEqual([]);
  });
});

describe('initieerNotificeerOverZaak in beveiligd mode', () => {
  let gw: TestGateway;
  const regie = new TestOntvanger('regie-beveiligd', 'REGIESYSTEEM');
  beforeAll(async () => {
    await regie.start();
    gw = await startGateway({
      ...beveiligd({ perRol: { backoffice: { zaaktypen: { lezen: ['WMO01'], schrijven: ['WMO01'] } } } }),
      bestemmingen: [bestemming(regie)],
      abonnementen: [{ bestemming: 'regie-beveiligd' }],
      bezorging: BEZORGING,
    });
  });
  afterAll(async () => {
    await gw.sluit();
    await regie.stop();
  });

  const stuur = (t: Trigger, rol: 'backoffice' | 'kcc') =>
    gw.stuur(inEnvelope(initieerNotificeer({ ...t, sturing: als(rol) })), { actie: rzsActie('initieerNotificeerOverZaak'), headers: aanmelding(rol) });

  it('a backoffice may announce changes of the zaaktypen it may change, not of others; a kcc of none', async () => {
    const eigen = nieuweZaak();
    expect((await stuur({ zaak: eigen, zaaktype: WMO, zendendeApplicatie: 'BACKOFFICE' }, 'backoffice')).status).toBe(200);
    expect((await gw.app.gateway.store.uitgaand.lijst({ zaak: eigen })).map((u) => u.bestemming)).toEqual(['regie-beveiligd']);
    const ander = nieuweZaak();
    const r = await stuur({ zaak: ander, zendendeApplicatie: 'BACKOFFICE' }, 'backoffice');
    expect([r.status, foutcode(r.body)]).toEqual([500, 'StUF052']);
    expect(foutdetails(r.body)).toBe(`Applicatie 0599/BACKOFFICE (rol backoffice) mag geen notificaties over zaken van zaaktype GZP aanbieden (zaak ${ander})`);
    const kcc = await stuur({ zaak: nieuweZaak(), zaaktype: WMO }, 'kcc');
    expect([kcc.status, foutcode(kcc.body)]).toEqual([500, 'StUF052']);
    expect(await gw.app.gateway.store.uitgaand.lijst({ zaak: ander })).toEqual([]);
  });
});
