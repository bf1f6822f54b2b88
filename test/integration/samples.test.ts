// The reference samples (../shared/samples) through the whole gateway. The ZDS 1.2 samples of the six services tell
// one story (create → status → update) and their La01/Du02 samples are the expected answers; the answer samples
// posted as requests get a clean StUF fault, except a Bv03 or Fo03 posted on OntvangAsynchroon, which is an
// acknowledgement of its own (answered Bv03); invalid/ holds the contrast cases;
// the RZS zakLk01 samples (ZDS 1.1) are read back in both dialects.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { NS } from '../../src/stuf/namespaces';
import { XElement, attr, child, children, parseXml, path } from '../../src/stuf/xml';
import { startGateway, TestGateway } from '../support/gateway';
import { SAMPLES, heeftShared } from '../support/paden';
import { ZDS11, ZDS12, inEnvelope, sample } from '../support/soap';
import { actie, creeerZaak, geefZaakdetails, medewerker, rol } from '../support/dialecten';
import { levensdomeinplan } from '../support/planBerichten';
import { goed, isNilElement, objectUit, schoneFout, sleutels, statussen, tekst, vergelijkbaar } from '../support/antwoorden';

const metShared = heeftShared() ? describe : describe.skip;
if (!heeftShared()) {
  console.warn('samples.test.ts overgeslagen: ../shared (samples, validator) niet gevonden; zet ZDS_SHARED');
  it.skip('overgeslagen: ../shared/samples niet gevonden (zet ZDS_SHARED)', () => undefined);
}

const ZAAK = '0599-2024-0000001';

/** The port a message belongs on (zds.md 1.1): kennisgevingen asynchronous, vragen BeantwoordVraag, Di02 vrije berichten. */
function endpointVoor(root: string): string {
  if (/Lv0\d$/.test(root)) return '/BeantwoordVraag';
  if (/Di02$|Du02$/.test(root)) return '/VerwerkSynchroonVrijBericht';
  return '/OntvangAsynchroon';
}

/** The SOAPAction a sample states in its comment, else the ZDS 1.2 convention base + root name. */
function sampleActie(rel: string): string {
  const m = /soapAction:\s*(\S+)/.exec(sample(rel));
  return m ? m[1] : ZDS12 + basename(rel, '.xml');
}

/** The stuurgegevens of an answer without what is ours to choose (referentienummer, tijdstipBericht). */
function vasteStuurgegevens(m: XElement): unknown {
  const sg = child(m, 'stuurgegevens')!;
  return vergelijkbaar({ ...sg, children: sg.children.filter((c) => !['referentienummer', 'tijdstipBericht'].includes(c.local)) });
}

const verwacht = (rel: string) => parseXml(sample(rel).replace(/<\?xml[^?]*\?>/, ''));

metShared.each([
  ['met SOAPAction', true],
  ['zonder SOAPAction (dispatch op de body-root)', false],
])('ZDS 1.2-samples van de zes diensten, %s', (_naam, metActie) => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(() => gw.sluit());

  const stuur = (rel: string) => {
    const root = basename(rel, '.xml');
    return gw.stuur(inEnvelope(sample(rel)), { pad: endpointVoor(root), ...(metActie ? { actie: sampleActie(rel) } : {}) });
  };

  // The tests below form one story on one gateway and run in order.
  it('genereerZaakIdentificatie_Di02 → Du02 zoals het sample; een herhaling krijgt dezelfde identificatie, een nieuwe aanvraag een nieuwe', async () => {
    const du02 = goed(await stuur('zds12/genereerZaakIdentificatie_Di02.xml'));
    const voorbeeld = verwacht('zds12/genereerZaakIdentificatie_Du02.xml');
    expect(`{${du02.ns}}${du02.local}`).toBe(`{${NS.zds}}genereerZaakIdentificatie_Du02`);
    expect(vasteStuurgegevens(du02)).toEqual(vasteStuurgegevens(voorbeeld));
    const zaak = child(du02, 'zaak', NS.zds)!;
    expect(attr(zaak, NS.stuf, 'functie')).toBe('entiteit');
    const id = tekst(zaak, 'identificatie')!;
    expect(id).toMatch(/^0599/);
    expect(id.length).toBeGreaterThanOrEqual(5);
    expect(id.length).toBeLessThanOrEqual(40);
    // A resend (same zender + referentienummer) gets the same identification back, nothing burned (field notes);
    // a new request (new referentienummer) a new one.
    const nogmaals = tekst(child(goed(await stuur('zds12/genereerZaakIdentificatie_Di02.xml')), 'zaak', NS.zds), 'identificatie');
    expect(nogmaals).toBe(id);
    const nieuw = sample('zds12/genereerZaakIdentificatie_Di02.xml').replace('FORMS-20240115-0001', 'FORMS-20240115-0099');
    const ander = tekst(child(goed(await gw.stuur(inEnvelope(nieuw), { pad: '/VerwerkSynchroonVrijBericht' })), 'zaak', NS.zds), 'identificatie');
    expect(ander).toMatch(/^0599/);
    expect(ander).not.toBe(id);
  });

  it('creeerZaak_ZakLk01 → Bv03 met crossRefnummer = referentienummer van het verzoek', async () => {
    const bv03 = goed(await stuur('zds12/creeerZaak_ZakLk01.xml'));
    expect(bv03.local).toBe('Bv03Bericht');
    expect(tekst(bv03, 'stuurgegevens', 'crossRefnummer')).toBe('FORMS-20240115-0002');
    expect(tekst(bv03, 'stuurgegevens', 'ontvanger', 'applicatie')).toBe('FORMS');
  });

  it('geefZaakstatus na creeerZaak: de beginstatus uit het creeerZaak-sample is de laatste status', async () => {
    const object = objectUit(await stuur('zds12/geefZaakstatus_ZakLv01.xml'));
    expect(tekst(object, 'identificatie')).toBe(ZAAK);
    expect(statussen(object)).toEqual([
      { volgnummer: '1', omschrijving: 'Ontvangen', datumStatusGezet: '20240115103005000', indicatieLaatsteStatus: 'J' },
    ]);
    // Asked in the scope but empty: answered nil (toelichting is required in this answer).
    expect(isNilElement(child(child(object, 'heeft'), 'toelichting'))).toBe(true);
  });

  it('actualiseerZaakstatus_ZakLk01 → Bv03', async () => {
    const bv03 = goed(await stuur('zds12/actualiseerZaakstatus_ZakLk01.xml'));
    expect(bv03.local).toBe('Bv03Bericht');
    expect(tekst(bv03, 'stuurgegevens', 'crossRefnummer')).toBe('VERG-000981');
  });

  it('geefZaakstatus_ZakLv01 → precies het geefZaakstatus_ZakLa01-sample (alleen de laatste status)', async () => {
    const la01 = goed(await stuur('zds12/geefZaakstatus_ZakLv01.xml'));
    const voorbeeld = verwacht('zds12/geefZaakstatus_ZakLa01.xml');
    expect(la01.local).toBe('geefZaakstatus_ZakLa01');
    expect(vasteStuurgegevens(la01)).toEqual(vasteStuurgegevens(voorbeeld));
    expect(vergelijkbaar(path(la01, 'antwoord', 'object')!)).toEqual(vergelijkbaar(path(voorbeeld, 'antwoord', 'object')!));
  });

  it('geefZaakdetails_ZakLv01 → precies het geefZaakdetails_ZakLa01-sample (statussen nieuwste eerst)', async () => {
    const la01 = goed(await stuur('zds12/geefZaakdetails_ZakLv01.xml'));
    const voorbeeld = verwacht('zds12/geefZaakdetails_ZakLa01.xml');
    expect(la01.local).toBe('geefZaakdetails_ZakLa01');
    expect(vasteStuurgegevens(la01)).toEqual(vasteStuurgegevens(voorbeeld));
    expect(vergelijkbaar(path(la01, 'antwoord', 'object')!)).toEqual(vergelijkbaar(path(voorbeeld, 'antwoord', 'object')!));
    expect(attr(path(la01, 'antwoord', 'object')!, NS.stuf, 'sleutelVerzendend')).toBeTruthy();
  });

  it('updateZaak_ZakLk01: omschrijving gewijzigd, toelichting gewist, belanghebbende toegevoegd; de rest blijft', async () => {
    expect(goed(await stuur('zds12/updateZaak_ZakLk01.xml')).local).toBe('Bv03Bericht');

    // With the sample's own scope: toelichting is asked for, so now it comes back nil with geenWaarde.
    const smal = objectUit(await stuur('zds12/geefZaakdetails_ZakLv01.xml'));
    expect(tekst(smal, 'omschrijving')).toBe('Aanvraag parkeervergunning (2 voertuigen)');
    const toelichting = child(smal, 'toelichting');
    expect(isNilElement(toelichting)).toBe(true);
    expect(attr(toelichting!, NS.stuf, 'noValue')).toBe('geenWaarde');
    expect(tekst(smal, 'einddatumGepland')).toBe('20240311');

    // With scope "alles": everything the zaak holds.
    const alles = objectUit(await gw.stuur(inEnvelope(geefZaakdetails('zds12', ZAAK)), { pad: '/BeantwoordVraag' }));
    expect(tekst(alles, 'omschrijving')).toBe('Aanvraag parkeervergunning (2 voertuigen)');
    expect(child(alles, 'toelichting')).toBeUndefined();
    expect(tekst(alles, 'kenmerk', 'kenmerk')).toBe('FORM-123456');
    expect(tekst(alles, 'kenmerk', 'bron')).toBe('e-formulieren');
    expect(tekst(alles, 'archiefnominatie')).toBe('N');
    expect(sleutels(alles, 'heeftAlsInitiator')).toEqual(['111222333']);
    expect(sleutels(alles, 'heeftAlsBelanghebbende')).toEqual(['444555666']);
    expect(tekst(child(alles, 'heeftAlsBelanghebbende'), 'omschrijving')).toBe('Mede-aanvrager');
    expect(statussen(alles).map((s) => [s.volgnummer, s.indicatieLaatsteStatus])).toEqual([['2', 'J'], ['1', 'N']]);
  });
});

// ---- the answer samples: posted as if they were requests ---------------------------------------------------------
// The request samples of the document and besluit services run as stories in documentenSamples.test.ts and
// besluiten.test.ts; what is left here are answers (La01, Du02, Bv0x, Fo0x), which no client may send us.

const ANTWOORD = /_(ZakLa01|EdcLa01|Du02)\.xml$|^(Bv0\d|Fo0\d)/;
/** A Bv03 or Fo03 posted as a message: the OntvangAsynchroon port takes it (rzs.md §6.2, A10), it is no request in error. */
const BEVESTIGING = /^(Bv03|Fo03)\.xml$/;
const antwoordSamples = heeftShared() ? readdirSync(join(SAMPLES, 'zds12')).filter((f) => f.endsWith('.xml') && ANTWOORD.test(f)).sort() : [];
const overige = antwoordSamples.filter((f) => !BEVESTIGING.test(f));
const bevestigingen = antwoordSamples.filter((f) => BEVESTIGING.test(f));

metShared('de antwoord-samples als verzoek: een schone StUF-fout', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(() => gw.sluit());

  it('er zijn zulke samples', () => {
    expect(overige.length).toBeGreaterThanOrEqual(10);
    expect(overige).toEqual(expect.arrayContaining(['geefZaakdocumentLezen_EdcLa01.xml', 'Bv02.xml', 'Fo03_soapfault_envelope.xml']));
  });

  it.each(overige.flatMap((f) => [[f, 'met SOAPAction'], [f, 'zonder SOAPAction']]))('%s, %s → SOAP-fout StUF040', async (f, soort) => {
    const metActie = soort === 'met SOAPAction';
    const rel = `zds12/${f}`;
    const tekstBericht = sample(rel);
    // A sample that is a whole envelope already is sent as it is.
    const isEnvelope = /<soapenv:Envelope/.test(tekstBericht);
    const root = isEnvelope ? 'Fault' : parseXml(tekstBericht.replace(/<\?xml[^?]*\?>/, '')).local;
    const r = await gw.stuur(isEnvelope ? tekstBericht : inEnvelope(tekstBericht), { pad: endpointVoor(root), ...(metActie ? { actie: sampleActie(rel) } : {}) });
    const fout = schoneFout(r);
    expect(fout.code).toBe('StUF040');
    expect(fout.faultcode).toBe('soapenv:Server');
    // Kennisgevingen and Di01 are refused with Fo03, vragen and Di02 with Fo02 (zds.md 0.5).
    if (/(Lk0\d|Di01)$/.test(root)) expect(fout.soort).toBe('Fo03');
    if (/(Lv0\d|Di02)$/.test(root)) expect(fout.soort).toBe('Fo02');
  });

  it.each(bevestigingen)('%s posted on OntvangAsynchroon is an acknowledgement of its own: answered Bv03 with its referentienummer as crossRefnummer', async (f) => {
    const xml = sample(`zds12/${f}`);
    const code = f.slice(0, 4);
    const antwoord = goed(await gw.stuur(inEnvelope(xml), { pad: '/OntvangAsynchroon', actie: `http://www.egem.nl/StUF/StUF0301/${code}` }));
    expect(antwoord.local).toBe('Bv03Bericht');
    expect(tekst(antwoord, 'stuurgegevens', 'crossRefnummer')).toBe(/<StUF:referentienummer>([^<]+)</.exec(xml)![1]);
  });
});

// ---- invalid/: the contrast cases -------------------------------------------------------------------------------

metShared('invalid/: de contrastgevallen', () => {
  const zaakLk = (gw: TestGateway, rel: string, metActie = true) =>
    gw.stuur(inEnvelope(sample(rel)), { pad: '/OntvangAsynchroon', ...(metActie ? { actie: sampleActie(rel) } : {}) });
  const statusVan = async (gw: TestGateway) =>
    statussen(objectUit(await gw.stuur(inEnvelope(geefZaakdetails('zds12', ZAAK)), { pad: '/BeantwoordVraag' })));

  it.each([['lenient', {}], ['strict', { stuf: { validatie: 'strict' } }]] as const)(
    'actualiseerZaakstatus met object-verwerkingssoort I wordt geaccepteerd (zds.md A7; XSD-fout, VNG zegt I) — %s',
    async (_modus, config) => {
      const gw = await startGateway(config);
      try {
        goed(await zaakLk(gw, 'zds12/creeerZaak_ZakLk01.xml'));
        const bv03 = goed(await gw.stuur(inEnvelope(sample('zds12/invalid/actualiseerZaakstatus_ZakLk01_verwerkingssoort_I.xml')), {
          pad: '/OntvangAsynchroon', actie: ZDS12 + 'actualiseerZaakstatus_ZakLk01',
        }));
        expect(bv03.local).toBe('Bv03Bericht');
        expect((await statusVan(gw)).map((s) => [s.omschrijving, s.indicatieLaatsteStatus])).toEqual([['In behandeling', 'J'], ['Ontvangen', 'N']]);
      } finally {
        await gw.sluit();
      }
    },
  );

  it('creeerZaak zonder initiator: lenient geaccepteerd (zds.md A18), zaak zonder initiator opgeslagen', async () => {
    const gw = await startGateway();
    try {
      expect(goed(await zaakLk(gw, 'zds12/invalid/creeerZaak_ZakLk01_zonder_initiator.xml', false)).local).toBe('Bv03Bericht');
      const object = objectUit(await gw.stuur(inEnvelope(geefZaakdetails('zds12', ZAAK)), { pad: '/BeantwoordVraag' }));
      expect(tekst(object, 'omschrijving')).toBe('Aanvraag parkeervergunning');
      expect(children(object, 'heeftAlsInitiator')).toHaveLength(0);
    } finally {
      await gw.sluit();
    }
  });

  it('creeerZaak zonder initiator: strict geweigerd met Fo03 StUF055 en niets opgeslagen; het geldige sample komt er wel door', async () => {
    const gw = await startGateway({ stuf: { validatie: 'strict' } });
    try {
      const fout = schoneFout(await gw.stuur(inEnvelope(sample('zds12/invalid/creeerZaak_ZakLk01_zonder_initiator.xml')), {
        pad: '/OntvangAsynchroon', actie: ZDS12 + 'creeerZaak_ZakLk01',
      }));
      expect(fout).toMatchObject({ soort: 'Fo03', code: 'StUF055', plek: 'client', faultcode: 'soapenv:Client' });
      expect(fout.details).toMatch(/heeftAlsInitiator/);
      // One transaction per message: the refused zaak does not exist.
      expect(objectUit(await gw.stuur(inEnvelope(geefZaakdetails('zds12', ZAAK)), { pad: '/BeantwoordVraag' }))).toBeUndefined();
      // The same zaak with initiator (the valid sample, new referentienummer) is accepted in strict mode.
      const geldig = sample('zds12/creeerZaak_ZakLk01.xml').replace('FORMS-20240115-0002', 'FORMS-20240115-0003');
      expect(goed(await gw.stuur(inEnvelope(geldig), { pad: '/OntvangAsynchroon', actie: ZDS12 + 'creeerZaak_ZakLk01' })).local).toBe('Bv03Bericht');
    } finally {
      await gw.sluit();
    }
  });

  it('geefZaakdetails met selectie op initiator: Fo02 (ZDS 1.2 selecteert alleen op identificatie), ook als zo\'n zaak bestaat', async () => {
    const gw = await startGateway();
    try {
      goed(await zaakLk(gw, 'zds12/creeerZaak_ZakLk01.xml')); // initiator 111222333, the BSN in the selection
      for (const metActie of [true, false]) {
        const fout = schoneFout(await gw.stuur(inEnvelope(sample('zds12/invalid/geefZaakdetails_ZakLv01_selectie_op_initiator.xml')), {
          pad: '/BeantwoordVraag', ...(metActie ? { actie: ZDS12 + 'geefZaakdetails_ZakLv01' } : {}),
        }));
        expect(fout).toMatchObject({ soort: 'Fo02', code: 'StUF055', plek: 'client' });
        expect(fout.details).toMatch(/identificatie/);
      }
    } finally {
      await gw.sluit();
    }
  });

  it('plain StUF-ZKN zakLv01 met selectie op initiator (zds.md A8, standaard uit): Fo02, geen zaken van een persoon', async () => {
    const gw = await startGateway();
    try {
      goed(await zaakLk(gw, 'zds12/creeerZaak_ZakLk01.xml'));
      const r = await gw.stuur(inEnvelope(sample('zds12/invalid/stufzkn_zakLv01_selectie_op_initiator.VALID-as-plain-StUF-ZKN.xml')), {
        pad: '/BeantwoordVraag', actie: ZDS11 + 'zakLv01',
      });
      expect(r.body).not.toContain('111222333');
      expect(schoneFout(r).soort).toBe('Fo02');
    } finally {
      await gw.sluit();
    }
  });
});

// ---- RZS: gezinsplan, deelplan and koppelen, read back in both dialects -------------------------------------------

metShared.each([
  ['met SOAPAction', true],
  ['zonder SOAPAction (1.1-heuristiek: T → creeerZaak, W → updateZaak)', false],
])('RZS-samples (ZDS 1.1 zakLk01), %s: rollen, zaakobjecten en relaties, teruggelezen in beide dialecten', (_naam, metActie) => {
  const GEZINSPLAN = '0999GZP000000000001';
  const DEELPLAN = '0999WMO000000000123';
  const LEVENSDOMEINPLAN = '0999LDP000000000004';
  const KOPPEL = '0999SCH000000000555';
  let gw: TestGateway;

  /** geefZaakdetails (scope alles) in both dialects; the two answers must carry the same object. */
  async function details(id: string): Promise<XElement> {
    const a12 = goed(await gw.stuur(inEnvelope(geefZaakdetails('zds12', id)), { pad: '/BeantwoordVraag', actie: actie('zds12', 'geefZaakdetails') }));
    const a11 = goed(await gw.stuur(inEnvelope(geefZaakdetails('zds11', id)), { pad: '/BeantwoordVraag', actie: actie('zds11', 'geefZaakdetails') }));
    expect(`{${a12.ns}}${a12.local}`).toBe(`{${NS.zds}}geefZaakdetails_ZakLa01`);
    expect(`{${a11.ns}}${a11.local}`).toBe(`{${NS.zkn}}zakLa01`);
    const o12 = path(a12, 'antwoord', 'object')!;
    const o11 = path(a11, 'antwoord', 'object')!;
    expect(o12).toBeDefined();
    expect(vergelijkbaar(o11)).toEqual(vergelijkbaar(o12));
    return o12;
  }

  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(() => gw.sluit());

  it('creeerZaak gezinsplan (3 cliënten, belanghebbende, regisseur als initiator en uitvoerende, vestiging)', async () => {
    goed(await gw.stuur(inEnvelope(sample('rzs/creeerZaak_gezinsplan_zakLk01.xml')), metActie ? { actie: ZDS11 + 'creeerZaak_Lk01' } : {}));
    const o = await details(GEZINSPLAN);
    expect(tekst(o, 'isVan', 'gerelateerde', 'code')).toBe('GZP');
    expect(sleutels(o, 'heeftBetrekkingOp')).toEqual(['111222333', '111222344', '111222355']);
    expect(children(o, 'heeftBetrekkingOp').map((r) => tekst(r, 'omschrijving'))).toEqual(['Client', 'Client', 'Client']);
    expect(tekst(path(o, 'heeftBetrekkingOp', 'gerelateerde', 'natuurlijkPersoon'), 'verblijfsadres', 'aoa.postcode')).toBe('1234AB');
    expect(sleutels(o, 'heeftAlsBelanghebbende')).toEqual(['999888777']);
    expect(tekst(child(o, 'heeftAlsBelanghebbende'), 'omschrijving')).toBe('Mantelzorger');
    expect(sleutels(o, 'heeftAlsInitiator')).toEqual(['MDW-0042']);
    expect(tekst(child(o, 'heeftAlsInitiator'), 'omschrijving')).toBe('Regisseur');
    expect(sleutels(o, 'heeftAlsUitvoerende')).toEqual(['MDW-0042', '000012345678']);
    expect(children(o, 'heeftAlsUitvoerende').map((r) => tekst(r, 'omschrijving'))).toEqual(['Regisseur', 'Zorgaanbieder']);
    expect(children(o, 'heeftBetrekkingOpAndere')).toHaveLength(0);
  });

  it('creeerZaak deelplan met twee heeftBetrekkingOpAndere (gezinsplan en levensdomeinplan in de gateway)', async () => {
    // rzs.md A14: the plans a deelplan points to must exist, so the sample's levensdomeinplan is created first.
    goed(await gw.stuur(inEnvelope(levensdomeinplan('zds11', { id: LEVENSDOMEINPLAN, clients: ['111222333'], gezinsplan: GEZINSPLAN })), metActie ? { actie: ZDS11 + 'creeerZaak_Lk01' } : {}));
    goed(await gw.stuur(inEnvelope(sample('rzs/creeerZaak_deelplan_zakLk01.xml')), metActie ? { actie: ZDS11 + 'creeerZaak_Lk01' } : {}));
    const o = await details(DEELPLAN);
    expect(sleutels(o, 'heeftBetrekkingOpAndere')).toEqual([GEZINSPLAN, LEVENSDOMEINPLAN]);
    const [gezinsplan, ldp] = children(o, 'heeftBetrekkingOpAndere');
    // Both plans are known: their own data, not only what the relation said.
    expect(tekst(gezinsplan, 'gerelateerde', 'omschrijving')).toBe('Gezinsplan familie De Vries');
    expect(tekst(gezinsplan, 'gerelateerde', 'isVan', 'gerelateerde', 'code')).toBe('GZP');
    expect(tekst(ldp, 'gerelateerde', 'isVan', 'gerelateerde', 'code')).toBe('LDP');
    expect(sleutels(o, 'heeftBetrekkingOp')).toEqual(['111222333']);
    expect(tekst(child(o, 'heeftBetrekkingOp'), 'omschrijving')).toBe('Client');
    expect(sleutels(o, 'heeftAlsInitiator')).toEqual(['MDW-0077']);
  });

  it('updateZaak koppel_aan_gezinsplan: een bestaande backoffice-zaak krijgt heeftBetrekkingOpAndere naar het gezinsplan', async () => {
    // The zaak the sample updates, created first as a backoffice would (ZDS 1.1, own message).
    goed(await gw.stuur(inEnvelope(creeerZaak('zds11', {
      id: KOPPEL, zaaktype: 'SCH01', relaties: rol('heeftAlsInitiator', medewerker('MDW-0099', 'Backoffice')),
    })), metActie ? { actie: ZDS11 + 'creeerZaak_Lk01' } : {}));
    expect(sleutels(await details(KOPPEL), 'heeftBetrekkingOpAndere')).toEqual([]);

    goed(await gw.stuur(inEnvelope(sample('rzs/updateZaak_koppel_aan_gezinsplan_zakLk01.xml')), metActie ? { actie: ZDS11 + 'updateZaak_Lk01' } : {}));
    const o = await details(KOPPEL);
    expect(sleutels(o, 'heeftBetrekkingOpAndere')).toEqual([GEZINSPLAN]);
    expect(tekst(child(o, 'heeftBetrekkingOpAndere'), 'gerelateerde', 'omschrijving')).toBe('Gezinsplan familie De Vries');
    // Only the relation changed.
    expect(tekst(o, 'omschrijving')).toBe('Testzaak');
    expect(sleutels(o, 'heeftAlsInitiator')).toEqual(['MDW-0099']);
  });

  it('het gezinsplan zelf is door deelplan en koppeling niet veranderd', async () => {
    const o = await details(GEZINSPLAN);
    expect(children(o, 'heeftBetrekkingOpAndere')).toHaveLength(0);
    expect(sleutels(o, 'heeftBetrekkingOp')).toHaveLength(3);
  });
});
