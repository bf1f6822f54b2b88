// Notifications (rzs.md §6, A7, A9, A21, A23, A24): every successful change becomes, in its own transaction, one
// notificeerOverZaak per subscribed destination, delivered by the outbox worker to real SOAP receivers on loopback
// ports. Checked: content per gebeurtenis in both dialects, routing per zaaktype and gebeurtenis, echo
// suppression, a receiver that is down, the answers a receiver can give, outbound credentials (basic, mutual TLS),
// the modes extern and uit, and a log without personal data.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NS } from '../../src/stuf/namespaces';
import { attr, child, path } from '../../src/stuf/xml';
import { REFERENTIE_ZAAKTYPEN } from '../../src/domain/referentieZaaktypen';
import type { Uitgaand } from '../../src/store/uitgaand';
import { TestGateway, startGateway, vangLog } from '../support/gateway';
import { Ontvangen, OntvangerTls, TestOntvanger, gebeurtenisVan, tekstVan } from '../support/ontvanger';
import { inEnvelope } from '../support/soap';
import {
  Dialect, Dienst, Sturing, actie, creeerZaak, geefZaakdetails, geefZaakstatus, genereerZaakIdentificatie, legeRelatie, medewerker, rol,
  status, wijzig,
} from '../support/dialecten';
import * as doc from '../support/documentBerichten';
import { deelplan, gezinsplan, koppel } from '../support/planBerichten';
import { goed, schoneFout } from '../support/antwoorden';

const SNEL = { intervalMs: 50, eersteWachttijdSeconden: 0.1, maxWachttijdSeconden: 0.5, timeoutSeconden: 2 };
const RZS_ACTIE = 'http://www.egem.nl/StUF/sector/rzs/0310/';

/** A catalogue with status codes for one statustype only: the other's code is its volgnummer (rzs.md A7). */
const CATALOGUS = [
  ...REFERENTIE_ZAAKTYPEN,
  {
    code: 'B1026',
    omschrijving: 'Parkeervergunning bewoners',
    statustypen: [
      { volgnummer: 1, omschrijving: 'Aanvraag ontvangen', code: 'ONTV' },
      { volgnummer: 2, omschrijving: 'In behandeling' },
    ],
  },
  { code: 'B2000', omschrijving: 'Omgevingsvergunning', statustypen: [{ volgnummer: 1, omschrijving: 'Ontvangen' }] },
  { code: 'B3000', omschrijving: 'Kapvergunning' },
];
const OMSCHRIJVING: Record<string, string> = Object.fromEntries(CATALOGUS.map((z) => [z.code, z.omschrijving]));

/** The configuration of a destination that is this receiver (its StUF identity is organisatie 0599 + its applicatie). */
const bestemming = (o: TestOntvanger, extra: Record<string, unknown> = {}) => ({
  naam: o.naam,
  adres: o.adres,
  ontvanger: { organisatie: '0599', applicatie: o.applicatie },
  ...extra,
});

type Kennisgeving = Extract<Dienst, 'creeerZaak' | 'updateZaak' | 'actualiseerZaakstatus'>;

/** Sends a zaak message in a dialect; ZDS 1.1 needs the SOAPAction to tell creeerZaak, updateZaak and actualiseerZaakstatus apart. */
const stuurZaak = (gw: TestGateway, d: Dialect, xml: string, dienst: Kennisgeving) => gw.stuur(inEnvelope(xml), { actie: actie(d, dienst) });
const stuurDoc = (gw: TestGateway, d: Dialect, xml: string, dienst: doc.DocDienst) => gw.stuur(inEnvelope(xml), { actie: doc.docActie(d, dienst), pad: doc.docPad(dienst) });

/** creeerZaak of a zaaktype with its catalogue omschrijving, optionally with an initial status (rzs.md A21). */
function nieuweZaak(d: Dialect, id: string, zaaktype: string, opties: { status?: string; sturing?: Sturing } = {}): string {
  const xml = creeerZaak(d, { id, zaaktype, relaties: rol('heeftAlsInitiator', medewerker('MDW-1')) + (opties.status ?? ''), sturing: opties.sturing });
  return xml.replace('<ZKN:omschrijving>Parkeervergunning bewoners</ZKN:omschrijving>', `<ZKN:omschrijving>${OMSCHRIJVING[zaaktype]}</ZKN:omschrijving>`);
}
const updateZaak = (d: Dialect, id: string, nieuw: string, sturing?: Sturing) =>
  wijzig(d, 'updateZaak', id, '<ZKN:omschrijving>Testzaak</ZKN:omschrijving>', `<ZKN:omschrijving>${nieuw}</ZKN:omschrijving>`, { sturing });
const zetStatus = (d: Dialect, id: string, volgnummer: number, omschrijving: string, datum: string, sturing?: Sturing) =>
  wijzig(d, 'actualiseerZaakstatus', id, legeRelatie('heeft', 'ZAKSTT', 'T'), status(volgnummer, omschrijving, datum), { sturing });

/** What a notification says, as comparable data. */
function samenvatting(o: Ontvangen) {
  const object = child(o.root, 'object');
  const zkt = path(object, 'isVan', 'gerelateerde');
  const heeft = child(object, 'heeft');
  const stt = child(heeft, 'gerelateerde');
  const waarde = (e = stt, local: string) => {
    const x = child(e, local);
    return !x ? undefined : attr(x, NS.xsi, 'nil') === 'true' ? 'nil' : x.text.trim();
  };
  return {
    zaak: tekstVan(object, 'identificatie'),
    gebeurtenis: gebeurtenisVan(o),
    zaaktype: { code: tekstVan(zkt, 'code'), omschrijving: tekstVan(zkt, 'omschrijving') },
    ...(heeft
      ? {
          status: {
            zktCode: waarde(stt, 'zkt.code'),
            zktOmschrijving: waarde(stt, 'zkt.omschrijving'),
            volgnummer: waarde(stt, 'volgnummer'),
            code: waarde(stt, 'code'),
            omschrijving: waarde(stt, 'omschrijving'),
            ingangsdatumObject: waarde(stt, 'ingangsdatumObject'),
            datumStatusGezet: waarde(heeft, 'datumStatusGezet'),
          },
        }
      : {}),
  };
}

const wachtend = (gw: TestGateway) => gw.app.gateway.store.uitgaand.lijst({ status: 'wachtend' });
const rijen = (gw: TestGateway): Promise<Uitgaand[]> => gw.app.gateway.store.uitgaand.lijst({ limiet: 100000 });

/** Waits until the outbox has nothing waiting: everything delivered or given up. */
async function bezorgd(gw: TestGateway, ms = 15000): Promise<void> {
  const eind = Date.now() + ms;
  for (let w = await wachtend(gw); w.length > 0; w = await wachtend(gw)) {
    if (Date.now() > eind) throw new Error(`na ${ms} ms nog ${w.length} uitgaande berichten wachtend: ${w.map((u) => u.laatsteFout).join('; ')}`);
    await new Promise((klaar) => setTimeout(klaar, 25));
  }
}

/** Waits until the predicate holds for the outbox row. */
async function totRij(gw: TestGateway, id: number, klaar: (u: Uitgaand) => boolean, ms = 15000): Promise<Uitgaand> {
  const eind = Date.now() + ms;
  for (;;) {
    const u = (await gw.app.gateway.store.uitgaand.vind(id))!;
    if (klaar(u)) return u;
    if (Date.now() > eind) throw new Error(`uitgaand ${id} na ${ms} ms: ${JSON.stringify({ status: u.status, pogingen: u.pogingen, fout: u.laatsteFout })}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Runs the action, waits until the outbox is empty, and returns what each receiver got meanwhile. */
async function na(gw: TestGateway, ontvangers: TestOntvanger[], actie: () => Promise<unknown>): Promise<Ontvangen[][]> {
  const begin = ontvangers.map((o) => o.ontvangen.length);
  await actie();
  await bezorgd(gw);
  return ontvangers.map((o, i) => o.ontvangen.slice(begin[i]));
}

/** The gebeurtenissen per zaak in arrival order: only the order within one zaak is guaranteed. */
function perZaak(ontvangen: Ontvangen[]): Record<string, string[]> {
  const r: Record<string, string[]> = {};
  for (const o of ontvangen) (r[samenvatting(o).zaak!] ??= []).push(gebeurtenisVan(o)!);
  return r;
}

const stoppen = (ontvangers: TestOntvanger[]) => Promise.all(ontvangers.map((o) => o.stop()));

// ---- content per gebeurtenis, both dialects -------------------------------------------------------------------

describe.each<Dialect>(['zds12', 'zds11'])('elke wijziging geeft precies de verwachte notificatie (%s)', (d) => {
  const abonnee = new TestOntvanger(`abonnee-${d}`, 'ABONNEE');
  let gw: TestGateway;
  const p = `0599N${d === 'zds12' ? '12' : '11'}`;
  const Z1 = `${p}Z0001`;
  const Z2 = `${p}Z0002`;
  const ZS = `${p}Z0003`;

  beforeAll(async () => {
    await abonnee.start();
    gw = await startGateway({
      zaaktypen: { catalogus: CATALOGUS },
      bestemmingen: [bestemming(abonnee)],
      abonnementen: [{ bestemming: abonnee.naam }],
      bezorging: SNEL,
    }, `notificaties-${d}`);
  });
  afterAll(async () => {
    await gw.sluit();
    await stoppen([abonnee]);
  });

  const een = async (actie: () => Promise<unknown>) => {
    const [ontvangen] = await na(gw, [abonnee], actie);
    expect(ontvangen).toHaveLength(1);
    return ontvangen[0];
  };

  it('creeerZaak zonder status: Creeer zaak met zaaktype, zonder heeft; als notificeerOverZaak_Di01 van de gateway aan de abonnee', async () => {
    const o = await een(async () => goed(await stuurZaak(gw, d, nieuweZaak(d, Z1, 'B1026'), 'creeerZaak')));
    expect(samenvatting(o)).toEqual({ zaak: Z1, gebeurtenis: 'Creeer zaak', zaaktype: { code: 'B1026', omschrijving: 'Parkeervergunning bewoners' } });
    expect(o.actie).toBe(`${RZS_ACTIE}notificeerOverZaak`);
    expect({ ns: o.root.ns, local: o.root.local }).toEqual({ ns: NS.rzs, local: 'notificeerOverZaak_Di01' });
    expect(o.stuurgegevens).toMatchObject({
      berichtcode: 'Di01',
      functie: 'notificeerOverZaak',
      zender: { organisatie: '0599', applicatie: 'ZDSGW' },
      ontvanger: { organisatie: '0599', applicatie: 'ABONNEE' },
    });
    expect(o.stuurgegevens.referentienummer).toMatch(/^.{1,40}$/);
    expect(o.stuurgegevens.tijdstipBericht).toMatch(/^\d{17}$/);
    // Deliberately thin (rzs.md §6.1): nothing of the zaak but identificatie, zaaktype and status.
    expect(child(o.root, 'object')!.children.map((c) => c.local)).toEqual(['identificatie', 'extraElementen', 'isVan']);
  });

  it('creeerZaak met een beginstatus: Creeer zaak met die status; de statuscode uit de catalogus (rzs.md A21, A7)', async () => {
    const o = await een(async () => goed(await stuurZaak(gw, d, nieuweZaak(d, ZS, 'B1026', { status: status(1, 'Aanvraag ontvangen', '20240115103000') }), 'creeerZaak')));
    expect(samenvatting(o)).toEqual({
      zaak: ZS,
      gebeurtenis: 'Creeer zaak',
      zaaktype: { code: 'B1026', omschrijving: 'Parkeervergunning bewoners' },
      status: {
        zktCode: 'B1026', zktOmschrijving: 'Parkeervergunning bewoners', volgnummer: '1', code: 'ONTV', omschrijving: 'Aanvraag ontvangen',
        ingangsdatumObject: 'nil', datumStatusGezet: '20240115103000',
      },
    });
  });

  it('updateZaak: Update zaak; de zaak heeft (nog) geen status', async () => {
    const o = await een(async () => goed(await stuurZaak(gw, d, updateZaak(d, Z1, 'Gewijzigd'), 'updateZaak')));
    expect(samenvatting(o)).toEqual({ zaak: Z1, gebeurtenis: 'Update zaak', zaaktype: { code: 'B1026', omschrijving: 'Parkeervergunning bewoners' } });
  });

  it('actualiseerZaakstatus: Actualiseer zaakstatus met volgnummer, omschrijving, code (catalogus, anders het volgnummer), datumStatusGezet en zkt.code', async () => {
    const eerste = await een(async () => goed(await stuurZaak(gw, d, zetStatus(d, Z1, 1, 'Aanvraag ontvangen', '20240116090000'), 'actualiseerZaakstatus')));
    expect(samenvatting(eerste)).toEqual({
      zaak: Z1,
      gebeurtenis: 'Actualiseer zaakstatus',
      zaaktype: { code: 'B1026', omschrijving: 'Parkeervergunning bewoners' },
      status: {
        zktCode: 'B1026', zktOmschrijving: 'Parkeervergunning bewoners', volgnummer: '1', code: 'ONTV', omschrijving: 'Aanvraag ontvangen',
        ingangsdatumObject: 'nil', datumStatusGezet: '20240116090000',
      },
    });
    const tweede = await een(async () => goed(await stuurZaak(gw, d, zetStatus(d, Z1, 2, 'In behandeling', '20240117100000'), 'actualiseerZaakstatus')));
    expect(samenvatting(tweede).status).toEqual({
      zktCode: 'B1026', zktOmschrijving: 'Parkeervergunning bewoners', volgnummer: '2', code: '2', omschrijving: 'In behandeling',
      ingangsdatumObject: 'nil', datumStatusGezet: '20240117100000',
    });
    // Every later notification about the zaak carries its current status.
    const update = await een(async () => goed(await stuurZaak(gw, d, updateZaak(d, Z1, 'Nog eens'), 'updateZaak')));
    expect(samenvatting(update)).toEqual({ ...samenvatting(tweede), gebeurtenis: 'Update zaak' });
  });

  it('voegZaakdocumentToe en maakZaakdocument: Voeg zaakdocument toe voor elke zaak waarin het document komt (rzs.md A9)', async () => {
    goed(await stuurZaak(gw, d, nieuweZaak(d, Z2, 'B2000'), 'creeerZaak'));
    await bezorgd(gw);
    for (const [dienst, id] of [['voegZaakdocumentToe', `${p}D1`], ['maakZaakdocument', `${p}D2`]] as const) {
      const [ontvangen] = await na(gw, [abonnee], async () =>
        goed(await stuurDoc(gw, d, doc.nieuwDocument(d, dienst, { id, zaken: [Z1, Z2], ...(dienst === 'voegZaakdocumentToe' ? { tekst: 'Geachte heer' } : {}) }), dienst)));
      expect(ontvangen.map(samenvatting).sort((a, b) => a.zaak!.localeCompare(b.zaak!))).toEqual([
        { zaak: Z1, gebeurtenis: 'Voeg zaakdocument toe', zaaktype: { code: 'B1026', omschrijving: 'Parkeervergunning bewoners' }, status: expect.objectContaining({ volgnummer: '2' }) },
        { zaak: Z2, gebeurtenis: 'Voeg zaakdocument toe', zaaktype: { code: 'B2000', omschrijving: 'Omgevingsvergunning' } },
      ]);
    }
  });

  it('updateZaakdocument: Update zaakdocument voor elke zaak waarin het document staat, ook zonder wijziging van de koppelingen', async () => {
    const [ontvangen] = await na(gw, [abonnee], async () =>
      goed(await stuurDoc(gw, d, doc.update(d, `${p}D1`, { oud: '<ZKN:titel>Ontvangstbevestiging</ZKN:titel>', nieuw: '<ZKN:titel>Bevestiging</ZKN:titel>' }), 'updateZaakdocument')));
    expect(ontvangen.map((o) => [samenvatting(o).zaak, gebeurtenisVan(o)]).sort()).toEqual([[Z1, 'Update zaakdocument'], [Z2, 'Update zaakdocument']]);
  });

  it('een geweigerde wijziging (Fo03), een herhaald bericht en vragen geven niets', async () => {
    const voor = (await rijen(gw)).length;
    const [ontvangen] = await na(gw, [abonnee], async () => {
      // Refused: the zaak does not exist, and the identificatie exists already.
      expect(schoneFout(await stuurZaak(gw, d, updateZaak(d, `${p}ONBEKEND`, 'x'), 'updateZaak')).soort).toBe('Fo03');
      expect(schoneFout(await stuurZaak(gw, d, nieuweZaak(d, Z1, 'B1026'), 'creeerZaak')).soort).toBe('Fo03');
      // A resend: the same message with the same referentienummer is answered from the stored answer.
      const wijziging = zetStatus(d, Z2, 1, 'Ontvangen', '20240118090000', { ref: `${p}-HERHAALD` });
      goed(await stuurZaak(gw, d, wijziging, 'actualiseerZaakstatus'));
      expect((await rijen(gw)).length).toBe(voor + 1);
      goed(await stuurZaak(gw, d, wijziging, 'actualiseerZaakstatus'));
      goed(await gw.stuur(inEnvelope(geefZaakdetails(d, Z1)), { actie: actie(d, 'geefZaakdetails'), pad: '/BeantwoordVraag' }));
      goed(await gw.stuur(inEnvelope(geefZaakstatus(d, Z1)), { actie: actie(d, 'geefZaakstatus'), pad: '/BeantwoordVraag' }));
      goed(await gw.stuur(inEnvelope(genereerZaakIdentificatie(d)), { actie: actie(d, 'genereerZaakIdentificatie'), pad: '/VrijeBerichten' }));
      goed(await stuurDoc(gw, d, doc.geefLijst(d, Z1), 'geefLijstZaakdocumenten'));
      goed(await stuurDoc(gw, d, doc.geefLezen(d, `${p}D1`), 'geefZaakdocumentLezen'));
    });
    expect((await rijen(gw)).length).toBe(voor + 1);
    expect(ontvangen.map((o) => [samenvatting(o).zaak, gebeurtenisVan(o)])).toEqual([[Z2, 'Actualiseer zaakstatus']]);
  });

  it('elke notificatie heeft een eigen referentienummer, en de uitgaande wachtrij is precies wat aankwam', async () => {
    const refs = abonnee.ontvangen.map((o) => o.stuurgegevens.referentienummer);
    expect(new Set(refs).size).toBe(refs.length);
    expect((await rijen(gw)).map((u) => [u.referentienummer, u.status, u.pogingen])).toEqual(refs.map((r) => [r, 'afgeleverd', 1]));
  });
});

// ---- routing --------------------------------------------------------------------------------------------------

describe('routering per zaaktype en gebeurtenis, echo-onderdrukking, alleen de gewijzigde zaak (rzs.md §6.3, A23, A24)', () => {
  const d: Dialect = 'zds12';
  const regie = new TestOntvanger('regie', 'REGIESYSTEEM');
  const backoffice = new TestOntvanger('backoffice', 'BACKOFFICE');
  const statusB1026 = new TestOntvanger('statusB1026', 'STATUSVOLGER');
  /** A destination known by applicatie only: the organisatie of a zender then does not matter (A23). */
  const kcc = new TestOntvanger('kcc', 'KCC');
  const alle = [regie, backoffice, statusB1026, kcc];
  let gw: TestGateway;
  let n = 0;
  const id = () => `0599R${String(++n).padStart(5, '0')}`;

  beforeAll(async () => {
    await Promise.all(alle.map((o) => o.start()));
    gw = await startGateway({
      zaaktypen: { catalogus: CATALOGUS },
      bestemmingen: [bestemming(regie), bestemming(backoffice), bestemming(statusB1026), { ...bestemming(kcc), ontvanger: { applicatie: 'KCC' } }],
      abonnementen: [
        { bestemming: 'regie' },
        { bestemming: 'backoffice', zaaktypen: ['*'], gebeurtenissen: ['*'] },
        { bestemming: 'statusB1026', zaaktypen: ['B1026'], gebeurtenissen: ['Actualiseer zaakstatus'] },
        { bestemming: 'kcc', zaaktypen: ['B2000', 'GZP'], gebeurtenissen: ['Creeer zaak', 'Update zaak'] },
      ],
      bezorging: SNEL,
    });
  });
  afterAll(async () => {
    await gw.sluit();
    await stoppen(alle);
  });

  const wat = (o: Ontvangen) => [samenvatting(o).zaak, gebeurtenisVan(o)];

  it('een abonnee op Actualiseer zaakstatus van B1026 krijgt alleen dat; wie op alles geabonneerd is krijgt alles', async () => {
    const b = id();
    const o = id();
    const ontvangen = await na(gw, alle, async () => {
      goed(await stuurZaak(gw, d, nieuweZaak(d, b, 'B1026'), 'creeerZaak'));
      goed(await stuurZaak(gw, d, updateZaak(d, b, 'Gewijzigd'), 'updateZaak'));
      goed(await stuurZaak(gw, d, zetStatus(d, b, 1, 'Aanvraag ontvangen', '20240116090000'), 'actualiseerZaakstatus'));
      goed(await stuurZaak(gw, d, nieuweZaak(d, o, 'B2000'), 'creeerZaak'));
      goed(await stuurZaak(gw, d, zetStatus(d, o, 1, 'Ontvangen', '20240116090000'), 'actualiseerZaakstatus'));
      goed(await stuurZaak(gw, d, updateZaak(d, o, 'Gewijzigd'), 'updateZaak'));
    });
    const allesVerwacht = { [b]: ['Creeer zaak', 'Update zaak', 'Actualiseer zaakstatus'], [o]: ['Creeer zaak', 'Actualiseer zaakstatus', 'Update zaak'] };
    const [vanRegie, vanBackoffice, vanStatus, vanKcc] = ontvangen.map(perZaak);
    expect(vanRegie).toEqual(allesVerwacht);
    expect(vanBackoffice).toEqual(allesVerwacht);
    expect(vanStatus).toEqual({ [b]: ['Actualiseer zaakstatus'] });
    expect(vanKcc).toEqual({ [o]: ['Creeer zaak', 'Update zaak'] });
  });

  it('twee abonnees krijgen elk hun eigen bericht: hun eigen ontvanger, verschillende referentienummers', async () => {
    const z = id();
    const [vanRegie, vanBackoffice] = await na(gw, [regie, backoffice], async () => goed(await stuurZaak(gw, d, nieuweZaak(d, z, 'B1026'), 'creeerZaak')));
    expect(vanRegie).toHaveLength(1);
    expect(vanBackoffice).toHaveLength(1);
    expect(vanRegie[0].stuurgegevens.ontvanger).toEqual({ organisatie: '0599', applicatie: 'REGIESYSTEEM' });
    expect(vanBackoffice[0].stuurgegevens.ontvanger).toEqual({ organisatie: '0599', applicatie: 'BACKOFFICE' });
    expect(vanRegie[0].stuurgegevens.referentienummer).not.toBe(vanBackoffice[0].stuurgegevens.referentienummer);
    expect(samenvatting(vanRegie[0])).toEqual(samenvatting(vanBackoffice[0]));
    const alleRefs = alle.flatMap((o) => o.ontvangen.map((x) => x.stuurgegevens.referentienummer));
    expect(new Set(alleRefs).size).toBe(alleRefs.length);
  });

  it('de applicatie die de wijziging deed krijgt er geen notificatie van; de andere abonnees wel', async () => {
    const z = id();
    const [vanRegie, vanBackoffice] = await na(gw, [regie, backoffice], async () => {
      goed(await stuurZaak(gw, d, nieuweZaak(d, z, 'B1026', { sturing: { zender: 'REGIESYSTEEM', organisatie: '0599' } }), 'creeerZaak'));
      goed(await stuurZaak(gw, d, updateZaak(d, z, 'Door de backoffice', { zender: 'BACKOFFICE', organisatie: '0599' }), 'updateZaak'));
    });
    expect(vanRegie.map(wat)).toEqual([[z, 'Update zaak']]);
    expect(vanBackoffice.map(wat)).toEqual([[z, 'Creeer zaak']]);
  });

  it('echo-onderdrukking op applicatie; organisatie telt alleen als beide kanten haar hebben', async () => {
    const z = id();
    const ontvangen = await na(gw, [regie, kcc], async () => {
      // Same applicatie, another organisatie: another system, so notified.
      goed(await stuurZaak(gw, d, nieuweZaak(d, z, 'B2000', { sturing: { zender: 'REGIESYSTEEM', organisatie: '0600' } }), 'creeerZaak'));
      // The kcc destination names no organisatie: KCC of any organisatie is the kcc itself.
      goed(await stuurZaak(gw, d, updateZaak(d, z, 'Door het kcc', { zender: 'KCC', organisatie: '0599' }), 'updateZaak'));
    });
    expect(ontvangen.map((l) => l.map(wat))).toEqual([
      [[z, 'Creeer zaak'], [z, 'Update zaak']],
      [[z, 'Creeer zaak']],
    ]);
  });

  it('een deelplan aan een gezinsplan koppelen meldt alleen het deelplan, niet het gezinsplan (rzs.md A24)', async () => {
    const plan = id();
    const deel = id();
    const later = id();
    const [vanRegie] = await na(gw, [regie], async () => {
      goed(await stuurZaak(gw, d, gezinsplan(d, { id: plan, clients: ['111222333'] }), 'creeerZaak'));
      goed(await stuurZaak(gw, d, deelplan(d, { id: deel, clients: ['111222333'], plannen: [plan], zaaktype: 'B1026' }), 'creeerZaak'));
      goed(await stuurZaak(gw, d, nieuweZaak(d, later, 'B1026'), 'creeerZaak'));
      goed(await stuurZaak(gw, d, koppel(d, later, plan), 'updateZaak'));
    });
    expect(perZaak(vanRegie)).toEqual({ [plan]: ['Creeer zaak'], [deel]: ['Creeer zaak'], [later]: ['Creeer zaak', 'Update zaak'] });
    expect(vanRegie.map((o) => [samenvatting(o).zaak, samenvatting(o).zaaktype.code])).toEqual(expect.arrayContaining([[plan, 'GZP'], [deel, 'B1026'], [later, 'B1026']]));
  });
});

// ---- delivery: a receiver that is down, and what a receiver can answer ----------------------------------------

describe('bezorging: een abonnee die een tijd niet bereikbaar is, en de antwoorden van een abonnee', () => {
  const d: Dialect = 'zds12';
  const abonnee = new TestOntvanger('bezorging', 'ABONNEE');
  let gw: TestGateway;
  let n = 0;
  const id = () => `0599B${String(++n).padStart(5, '0')}`;

  beforeAll(async () => {
    await abonnee.start();
    gw = await startGateway({
      zaaktypen: { catalogus: CATALOGUS },
      bestemmingen: [bestemming(abonnee)],
      abonnementen: [{ bestemming: abonnee.naam }],
      bezorging: { ...SNEL, maxPogingen: 1000 },
    });
  });
  afterAll(async () => {
    await gw.sluit();
    await stoppen([abonnee]);
  });
  afterEach(() => {
    abonnee.gedrag = 'bv03';
    abonnee.vertraging = 0;
  });

  it('wat binnenkwam terwijl de abonnee plat lag, komt daarna allemaal aan, per zaak in volgorde, elk precies één keer', async () => {
    const [z1, z2] = [id(), id()];
    const begin = abonnee.ontvangen.length;
    const rijenVoor = (await rijen(gw)).length;
    await abonnee.stop();
    goed(await stuurZaak(gw, d, nieuweZaak(d, z1, 'B1026'), 'creeerZaak'));
    goed(await stuurZaak(gw, d, nieuweZaak(d, z2, 'B2000'), 'creeerZaak'));
    goed(await stuurZaak(gw, d, updateZaak(d, z1, 'Een'), 'updateZaak'));
    goed(await stuurZaak(gw, d, zetStatus(d, z2, 1, 'Ontvangen', '20240116090000'), 'actualiseerZaakstatus'));
    goed(await stuurZaak(gw, d, zetStatus(d, z1, 1, 'Aanvraag ontvangen', '20240116090000'), 'actualiseerZaakstatus'));
    goed(await stuurZaak(gw, d, updateZaak(d, z2, 'Twee'), 'updateZaak'));
    goed(await stuurZaak(gw, d, zetStatus(d, z1, 2, 'In behandeling', '20240117090000'), 'actualiseerZaakstatus'));
    const nieuw = (await rijen(gw)).slice(rijenVoor);
    expect(nieuw).toHaveLength(7);
    // The first message of each zaak is tried and fails; the rest of a zaak waits behind it.
    for (const eerste of [nieuw[0], nieuw[1]]) {
      const u = await totRij(gw, eerste.id, (x) => x.pogingen >= 2);
      expect(u.status).toBe('wachtend');
      expect(u.laatsteFout).toMatch(/ECONNREFUSED/);
    }
    const pogingen: number[] = [];
    for (const u of nieuw.slice(2)) pogingen.push((await gw.app.gateway.store.uitgaand.vind(u.id))!.pogingen);
    expect(pogingen).toEqual([0, 0, 0, 0, 0]);
    expect(abonnee.ontvangen.length).toBe(begin);

    await abonnee.start();
    await bezorgd(gw);
    const ontvangen = abonnee.ontvangen.slice(begin);
    const na = (await rijen(gw)).slice(rijenVoor);
    expect(na.map((u) => u.status)).toEqual(Array(7).fill('afgeleverd'));
    expect(perZaak(ontvangen)).toEqual({
      [z1]: ['Creeer zaak', 'Update zaak', 'Actualiseer zaakstatus', 'Actualiseer zaakstatus'],
      [z2]: ['Creeer zaak', 'Actualiseer zaakstatus', 'Update zaak'],
    });
    // At least once: a resend would carry the same referentienummer. Here each arrived once, and the
    // referentienummers per zaak arrived in the order of the outbox.
    const refs = ontvangen.map((o) => o.stuurgegevens.referentienummer);
    expect(new Set(refs).size).toBe(refs.length);
    expect(new Set(refs)).toEqual(new Set(na.map((u) => u.referentienummer)));
    for (const z of [z1, z2]) {
      expect(ontvangen.filter((o) => samenvatting(o).zaak === z).map((o) => o.stuurgegevens.referentienummer)).toEqual(na.filter((u) => u.volgorde === z).map((u) => u.referentienummer));
    }
    expect(samenvatting(ontvangen.filter((o) => samenvatting(o).zaak === z1)[3]).status).toMatchObject({ volgnummer: '2', omschrijving: 'In behandeling' });
  });

  it('een Bv01 als synchroon antwoord telt als afgeleverd (rzs.md A10)', async () => {
    abonnee.gedrag = 'bv01';
    const [ontvangen] = await na(gw, [abonnee], async () => goed(await stuurZaak(gw, d, nieuweZaak(d, id(), 'B1026'), 'creeerZaak')));
    expect(ontvangen.map((o) => o.antwoord)).toEqual(['bv01']);
    const u = (await rijen(gw)).at(-1)!;
    expect({ status: u.status, pogingen: u.pogingen }).toEqual({ status: 'afgeleverd', pogingen: 1 });
  });

  it('een HTTP 502 zonder SOAP wordt opnieuw geprobeerd, met hetzelfde referentienummer, tot het lukt', async () => {
    abonnee.gedrag = 'geen-soap';
    const begin = abonnee.ontvangen.length;
    goed(await stuurZaak(gw, d, nieuweZaak(d, id(), 'B1026'), 'creeerZaak'));
    const rij = (await rijen(gw)).at(-1)!;
    const mislukt = await totRij(gw, rij.id, (u) => u.pogingen >= 2);
    expect(mislukt.status).toBe('wachtend');
    expect(mislukt.laatsteFout).toMatch(/^HTTP 502: geen SOAP-antwoord/);
    abonnee.gedrag = 'bv03';
    const klaar = await totRij(gw, rij.id, (u) => u.status !== 'wachtend');
    expect(klaar.status).toBe('afgeleverd');
    const pogingen = abonnee.ontvangen.slice(begin);
    expect(pogingen.length).toBe(klaar.pogingen);
    expect(new Set(pogingen.map((o) => o.stuurgegevens.referentienummer))).toEqual(new Set([rij.referentienummer]));
    expect(pogingen.at(-1)!.antwoord).toBe('bv03');
  });

  it('een abonnee die niet binnen timeoutSeconden antwoordt: een mislukte poging, daarna opnieuw met hetzelfde referentienummer', async () => {
    abonnee.vertraging = 3000; // longer than timeoutSeconden (2)
    const begin = abonnee.ontvangen.length;
    goed(await stuurZaak(gw, d, nieuweZaak(d, id(), 'B1026'), 'creeerZaak'));
    const rij = (await rijen(gw)).at(-1)!;
    const traag = await totRij(gw, rij.id, (u) => u.pogingen >= 1);
    expect(traag.status).toBe('wachtend');
    expect(traag.laatsteFout).toMatch(/timeout/i);
    abonnee.vertraging = 0;
    expect((await totRij(gw, rij.id, (u) => u.status !== 'wachtend')).status).toBe('afgeleverd');
    const pogingen = abonnee.ontvangen.slice(begin);
    expect(pogingen.length).toBeGreaterThanOrEqual(2);
    expect(new Set(pogingen.map((o) => o.stuurgegevens.referentienummer))).toEqual(new Set([rij.referentienummer]));
  });
});

describe('bezorging: een trage abonnee houdt de andere niet op', () => {
  const d: Dialect = 'zds12';
  const traag = new TestOntvanger('traag', 'TRAAG');
  const vlot = new TestOntvanger('vlot', 'VLOT');
  let gw: TestGateway;

  beforeAll(async () => {
    await Promise.all([traag.start(), vlot.start()]);
    traag.vertraging = 1500;
    gw = await startGateway({
      zaaktypen: { catalogus: CATALOGUS },
      bestemmingen: [bestemming(traag), bestemming(vlot)],
      abonnementen: [{ bestemming: traag.naam }, { bestemming: vlot.naam }],
      bezorging: SNEL,
    });
  });
  afterAll(async () => {
    await gw.sluit();
    await stoppen([traag, vlot]);
  });

  it('terwijl een bericht aan de trage abonnee onderweg is, krijgt de vlotte de volgende notificaties meteen', async () => {
    goed(await stuurZaak(gw, d, nieuweZaak(d, '0599T00001', 'B1026'), 'creeerZaak'));
    await traag.wachtOp(1);
    await vlot.wachtOp(1);
    const start = Date.now();
    goed(await stuurZaak(gw, d, nieuweZaak(d, '0599T00002', 'B1026'), 'creeerZaak'));
    goed(await stuurZaak(gw, d, updateZaak(d, '0599T00002', 'Vlot'), 'updateZaak'));
    await vlot.wachtOp(3);
    expect(Date.now() - start).toBeLessThan(1000);
    expect(traag.ontvangen.length).toBeLessThan(3);
    await bezorgd(gw);
    expect(perZaak(traag.ontvangen)).toEqual(perZaak(vlot.ontvangen));
  });
});

describe('bezorging: Fo03 plek server tot maxPogingen, plek client meteen naar de dode berichten', () => {
  const d: Dialect = 'zds12';
  const abonnee = new TestOntvanger('weigeraar', 'ABONNEE');
  let gw: TestGateway;
  let n = 0;
  const id = () => `0599F${String(++n).padStart(5, '0')}`;

  beforeAll(async () => {
    await abonnee.start();
    gw = await startGateway({
      zaaktypen: { catalogus: CATALOGUS },
      bestemmingen: [bestemming(abonnee)],
      abonnementen: [{ bestemming: abonnee.naam }],
      bezorging: { ...SNEL, maxPogingen: 3 },
    });
  });
  afterAll(async () => {
    await gw.sluit();
    await stoppen([abonnee]);
  });

  it('Fo03 plek server: opnieuw tot maxPogingen, dan dood; het houdt latere berichten van de zaak tegen tot de beheerder het verwerpt', async () => {
    abonnee.gedrag = 'fo03-server';
    const z = id();
    const begin = abonnee.ontvangen.length;
    goed(await stuurZaak(gw, d, nieuweZaak(d, z, 'B1026'), 'creeerZaak'));
    const rij = (await rijen(gw)).at(-1)!;
    const dood = await totRij(gw, rij.id, (u) => u.status !== 'wachtend');
    expect({ status: dood.status, pogingen: dood.pogingen }).toEqual({ status: 'dood', pogingen: 3 });
    expect(dood.laatsteFout).toMatch(/StUF046.*plek server/);
    expect(abonnee.ontvangen.slice(begin).map((o) => o.stuurgegevens.referentienummer)).toEqual(Array(3).fill(rij.referentienummer));

    // Order per zaak: what follows for this zaak waits behind the dead message.
    abonnee.gedrag = 'bv03';
    goed(await stuurZaak(gw, d, updateZaak(d, z, 'Daarna'), 'updateZaak'));
    const later = (await rijen(gw)).at(-1)!;
    await new Promise((r) => setTimeout(r, 400));
    expect(await gw.app.gateway.store.uitgaand.vind(later.id)).toMatchObject({ status: 'wachtend', pogingen: 0 });
    expect(abonnee.ontvangen.length).toBe(begin + 3);
    expect(await gw.app.gateway.store.uitgaand.verwerp([rij.id])).toBe(1);
    gw.app.gateway.bezorger!.wek();
    expect((await totRij(gw, later.id, (u) => u.status !== 'wachtend')).status).toBe('afgeleverd');
    expect(abonnee.ontvangen.slice(begin + 3).map(gebeurtenisVan)).toEqual(['Update zaak']);
  });

  it('Fo03 plek client: na één poging dood, niet opnieuw', async () => {
    abonnee.gedrag = 'fo03-client';
    const begin = abonnee.ontvangen.length;
    goed(await stuurZaak(gw, d, nieuweZaak(d, id(), 'B1026'), 'creeerZaak'));
    const rij = (await rijen(gw)).at(-1)!;
    const dood = await totRij(gw, rij.id, (u) => u.status !== 'wachtend');
    expect({ status: dood.status, pogingen: dood.pogingen }).toEqual({ status: 'dood', pogingen: 1 });
    expect(dood.laatsteFout).toMatch(/StUF058.*plek client.*weigert het bericht/);
    await new Promise((r) => setTimeout(r, 300));
    expect(abonnee.ontvangen.length).toBe(begin + 1);
  });
});

// ---- outbound credentials -------------------------------------------------------------------------------------

describe('inloggegevens naar buiten: basic en een TLS-clientcertificaat (mutual TLS)', () => {
  const d: Dialect = 'zds12';
  const MAP = mkdtempSync(join(tmpdir(), 'zdsgw-uit-tls-'));
  const pad = (naam: string) => join(MAP, naam);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: MAP, stdio: 'pipe' });
  const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  /** A key and a certificate signed by the test CA, or self-signed. */
  function certificaat(naam: string, subject: string, ext: string, zelfGetekend = false): void {
    if (zelfGetekend) {
      openssl('req', '-x509', ...EC, '-keyout', `${naam}.key`, '-out', `${naam}.crt`, '-days', '2', '-subj', subject, '-addext', ext);
      return;
    }
    writeFileSync(pad(`${naam}.ext`), ext);
    openssl('req', ...EC, '-keyout', `${naam}.key`, '-out', `${naam}.csr`, '-subj', subject);
    openssl('x509', '-req', '-in', `${naam}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${naam}.crt`, '-days', '2', '-extfile', `${naam}.ext`);
  }
  const clientCert = (naam: string) => ({ sleutel: pad(`${naam}.key`), certificaat: pad(`${naam}.crt`), ca: pad('ca.crt') });

  const metBasic = new TestOntvanger('metbasic', 'BASICAPP');
  const zonderBasic = new TestOntvanger('zonderbasic', 'OPENAPP');
  let mtls: TestOntvanger;
  let gw: TestGateway;
  let n = 0;
  const id = () => `0599C${String(++n).padStart(5, '0')}`;

  beforeAll(async () => {
    openssl('req', '-x509', ...EC, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/O=Gemeente Test/CN=Test CA',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    certificaat('ontvanger', '/CN=localhost', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth');
    certificaat('gateway', '/O=Gemeente Test/CN=zds-gateway', 'extendedKeyUsage=clientAuth');
    certificaat('namaak', '/O=Gemeente Test/CN=zds-gateway', 'extendedKeyUsage=clientAuth', true);
    const tls: OntvangerTls = { sleutel: readFileSync(pad('ontvanger.key')), certificaat: readFileSync(pad('ontvanger.crt')), ca: readFileSync(pad('ca.crt')) };
    mtls = new TestOntvanger('mtls', 'MTLSAPP', tls);
    await Promise.all([metBasic.start(), zonderBasic.start(), mtls.start()]);
    gw = await startGateway({
      zaaktypen: { catalogus: CATALOGUS },
      bestemmingen: [
        bestemming(metBasic, { basic: { gebruikersnaam: 'gateway', wachtwoord: 'geheim:met-dubbele-punt' } }),
        bestemming(zonderBasic),
        bestemming(mtls, { naam: 'mtls-goed', certificaat: clientCert('gateway') }),
        bestemming(mtls, { naam: 'mtls-namaak', certificaat: clientCert('namaak'), ontvanger: { organisatie: '0599', applicatie: 'MTLSAPP2' } }),
        bestemming(mtls, { naam: 'mtls-zonder', certificaat: { ca: pad('ca.crt') }, ontvanger: { organisatie: '0599', applicatie: 'MTLSAPP3' } }),
      ],
      abonnementen: [
        { bestemming: 'metbasic', zaaktypen: ['B1026'] },
        { bestemming: 'zonderbasic', zaaktypen: ['B1026'] },
        { bestemming: 'mtls-goed', zaaktypen: ['B2000'] },
        { bestemming: 'mtls-namaak', zaaktypen: ['GZP'] },
        { bestemming: 'mtls-zonder', zaaktypen: ['B3000'] },
      ],
      bezorging: { ...SNEL, maxPogingen: 1000 },
    });
  });
  afterAll(async () => {
    await gw.sluit();
    await stoppen([metBasic, zonderBasic, mtls]);
    rmSync(MAP, { recursive: true, force: true });
  });

  it('een bestemming met basic krijgt de Authorization-header, een zonder niet', async () => {
    const [a, b] = await na(gw, [metBasic, zonderBasic], async () => goed(await stuurZaak(gw, d, nieuweZaak(d, id(), 'B1026'), 'creeerZaak')));
    expect(a.map((o) => o.authorization)).toEqual([`Basic ${Buffer.from('gateway:geheim:met-dubbele-punt').toString('base64')}`]);
    expect(b.map((o) => o.authorization)).toEqual([undefined]);
  });

  it('https met het juiste clientcertificaat wordt afgeleverd', async () => {
    const z = id();
    const [ontvangen] = await na(gw, [mtls], async () => goed(await stuurZaak(gw, d, nieuweZaak(d, z, 'B2000'), 'creeerZaak')));
    expect(ontvangen.map((o) => [samenvatting(o).zaak, o.stuurgegevens.ontvanger?.applicatie])).toEqual([[z, 'MTLSAPP']]);
    expect((await rijen(gw)).at(-1)).toMatchObject({ bestemming: 'mtls-goed', status: 'afgeleverd', pogingen: 1 });
  });

  it.each([
    ['een certificaat dat de ontvanger niet vertrouwt', 'mtls-namaak', 'GZP'],
    ['geen clientcertificaat', 'mtls-zonder', 'B3000'],
  ])('met %s blijft het bericht wachtend met een TLS-fout', async (_naam, naam, zaaktype) => {
    const begin = mtls.ontvangen.length;
    const fouten = mtls.tlsFouten.length;
    const xml = zaaktype === 'GZP' ? gezinsplan(d, { id: id(), clients: ['111222333'] }) : nieuweZaak(d, id(), zaaktype);
    goed(await stuurZaak(gw, d, xml, 'creeerZaak'));
    const rij = (await rijen(gw)).at(-1)!;
    expect(rij.bestemming).toBe(naam);
    const u = await totRij(gw, rij.id, (x) => x.pogingen >= 2);
    expect(u.status).toBe('wachtend');
    expect(u.laatsteFout).toMatch(/certificate|alert|ECONNRESET|socket hang up/i);
    expect(mtls.ontvangen.length).toBe(begin);
    expect(mtls.tlsFouten.length).toBeGreaterThan(fouten);
    // Given up by the operator, so the gateway stops trying.
    await gw.app.gateway.store.transactie((tx) => tx.uitgaand.dood(rij.id, 'test: opgegeven'));
  });
});

// ---- modes ----------------------------------------------------------------------------------------------------

describe('modus extern: initieerNotificeerOverZaak naar het abonnementenbeheer elders; modus uit: niets', () => {
  const d: Dialect = 'zds12';
  const beheer = new TestOntvanger('beheer', 'ABONNEMENTENBEHEER');
  const abonnee = new TestOntvanger('extern-abonnee', 'ABONNEE');
  const gateways: TestGateway[] = [];
  const config = (notificaties: Record<string, unknown>) => ({
    zaaktypen: { catalogus: CATALOGUS },
    bestemmingen: [bestemming(beheer), bestemming(abonnee)],
    abonnementen: [{ bestemming: abonnee.naam }],
    notificaties,
    bezorging: SNEL,
  });

  beforeAll(async () => {
    await Promise.all([beheer.start(), abonnee.start()]);
  });
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.sluit()));
    await stoppen([beheer, abonnee]);
  });

  it('extern: één initieerNotificeerOverZaak_Di01 per wijziging, met de zendende applicatie; geen notificeerOverZaak aan abonnees', async () => {
    const gw = await startGateway(config({ modus: 'extern', abonnementenbeheer: 'beheer' }));
    gateways.push(gw);
    const z = '0599E00001';
    const [vanBeheer, vanAbonnee] = await na(gw, [beheer, abonnee], async () => {
      goed(await stuurZaak(gw, d, nieuweZaak(d, z, 'B1026', { sturing: { zender: 'BACKOFFICE', organisatie: '0599' } }), 'creeerZaak'));
      goed(await stuurZaak(gw, d, zetStatus(d, z, 1, 'Aanvraag ontvangen', '20240116090000', { zender: 'REGIESYSTEEM', organisatie: '0599' }), 'actualiseerZaakstatus'));
    });
    expect(vanAbonnee).toEqual([]);
    expect(vanBeheer).toHaveLength(2);
    for (const o of vanBeheer) {
      expect(o.actie).toBe(`${RZS_ACTIE}initieerNotificeerOverZaak`);
      expect({ ns: o.root.ns, local: o.root.local }).toEqual({ ns: NS.rzs, local: 'initieerNotificeerOverZaak_Di01' });
      // The schema fixes functie to notificeerOverZaak for this message too (rzs.md A5).
      expect(o.stuurgegevens).toMatchObject({ berichtcode: 'Di01', functie: 'notificeerOverZaak', ontvanger: { organisatie: '0599', applicatie: 'ABONNEMENTENBEHEER' } });
    }
    const extra = (o: Ontvangen) =>
      path(o.root, 'object', 'extraElementen')!.children.map((e) => [e.attrs.find((a) => a.local === 'naam')?.value, e.text.trim()]);
    expect(vanBeheer.map(extra)).toEqual([
      [['gebeurtenis', 'Creeer zaak'], ['zendendeApplicatie', 'BACKOFFICE']],
      [['gebeurtenis', 'Actualiseer zaakstatus'], ['zendendeApplicatie', 'REGIESYSTEEM']],
    ]);
    expect(samenvatting(vanBeheer[1]).status).toMatchObject({ volgnummer: '1', code: 'ONTV', omschrijving: 'Aanvraag ontvangen' });
    expect((await rijen(gw)).map((u) => [u.soort, u.bestemming, u.status])).toEqual(Array(2).fill(['initieerNotificeerOverZaak', 'beheer', 'afgeleverd']));
  });

  it('uit: geen uitgaande berichten, ook niet voor abonnees', async () => {
    const gw = await startGateway(config({ modus: 'uit' }));
    gateways.push(gw);
    const begin = [beheer.ontvangen.length, abonnee.ontvangen.length];
    goed(await stuurZaak(gw, d, nieuweZaak(d, '0599U00001', 'B1026'), 'creeerZaak'));
    goed(await stuurZaak(gw, d, updateZaak(d, '0599U00001', 'Gewijzigd'), 'updateZaak'));
    await new Promise((r) => setTimeout(r, 300));
    expect(await rijen(gw)).toEqual([]);
    expect([beheer.ontvangen.length, abonnee.ontvangen.length]).toEqual(begin);
  });
});

// ---- privacy --------------------------------------------------------------------------------------------------

describe('geen BSN of naam in het log terwijl notificaties over een zaak met clients gaan', () => {
  const d: Dialect = 'zds12';
  const BSN = ['318574629', '271828182'];
  const NAMEN = ['Zwartjes', 'Oudshoorn'];
  const abonnee = new TestOntvanger('privacy', 'ABONNEE');
  const weigeraar = new TestOntvanger('privacy-weigeraar', 'WEIGERAAR');
  const { log, regels } = vangLog();
  let gw: TestGateway;

  beforeAll(async () => {
    await Promise.all([abonnee.start(), weigeraar.start()]);
    weigeraar.gedrag = 'fo03-client';
    gw = await startGateway({
      zaaktypen: { catalogus: CATALOGUS },
      bestemmingen: [bestemming(abonnee), bestemming(weigeraar)],
      abonnementen: [{ bestemming: abonnee.naam }, { bestemming: weigeraar.naam }],
      bezorging: { ...SNEL, maxPogingen: 1000 },
    }, undefined, log);
  });
  afterAll(async () => {
    await gw.sluit();
    await stoppen([abonnee, weigeraar]);
  });

  it('afgeleverd, opnieuw geprobeerd en geweigerd: het log noemt zaak en referentienummer, geen persoon', async () => {
    const plan = '0599P00001';
    await abonnee.stop();
    goed(await stuurZaak(gw, d, gezinsplan(d, { id: plan, clients: [], extra: `${clientMet(BSN[0], NAMEN[0])}${clientMet(BSN[1], NAMEN[1])}` }), 'creeerZaak'));
    goed(await stuurZaak(gw, d, zetStatus(d, plan, 1, 'Signaal geregistreerd', '20240116090000'), 'actualiseerZaakstatus'));
    await totRij(gw, (await rijen(gw))[0].id, (u) => u.pogingen >= 2);
    await abonnee.start();
    // The refused message is dead and holds the weigeraar's second message back; the abonnee gets both.
    const eersteGeweigerd = (await rijen(gw)).find((x) => x.bestemming === weigeraar.naam)!.id;
    for (const u of await rijen(gw)) {
      if (u.bestemming === abonnee.naam || u.id === eersteGeweigerd) await totRij(gw, u.id, (x) => x.status !== 'wachtend');
    }
    const uitkomsten = (await rijen(gw)).map((u) => [u.bestemming, u.status]);
    expect(uitkomsten).toEqual([['privacy', 'afgeleverd'], ['privacy-weigeraar', 'dood'], ['privacy', 'afgeleverd'], ['privacy-weigeraar', 'wachtend']]);
    const log = regels.join('');
    expect(log).toContain('bezorgd');
    expect(log).toContain('bezorging mislukt, volgt opnieuw');
    expect(log).toContain('onbestelbaar');
    expect(log).toContain(plan);
    for (const geheim of [...BSN, ...NAMEN]) {
      expect(log).not.toContain(geheim);
      for (const o of [...abonnee.ontvangen, ...weigeraar.ontvangen]) expect(o.xml).not.toContain(geheim);
    }
  });
});

/** A client of a plan with this BSN and geslachtsnaam. */
function clientMet(bsn: string, naam: string): string {
  return '<ZKN:heeftBetrekkingOp StUF:entiteittype="ZAKOBJ" StUF:verwerkingssoort="T"><ZKN:gerelateerde>' +
    `<ZKN:natuurlijkPersoon StUF:entiteittype="NPS" StUF:verwerkingssoort="I"><BG:inp.bsn>${bsn}</BG:inp.bsn><BG:geslachtsnaam>${naam}</BG:geslachtsnaam></ZKN:natuurlijkPersoon>` +
    '</ZKN:gerelateerde><ZKN:omschrijving>Client</ZKN:omschrijving></ZKN:heeftBetrekkingOp>';
}
