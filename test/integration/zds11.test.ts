// ZDS 1.1: the generic StUF-ZKN roots (zakLk01, zakLv01) and ZKN-namespace Di02/Du02 that most consumers still send
// (field notes). Every service with its 1.1 SOAPAction, answered in 1.1; relations added and removed the StUF way;
// and the root heuristics of zds.md A2 for when the SOAPAction does not say which service it is.
import { NS } from '../../src/stuf/namespaces';
import { XElement, attr, child, children, parseXml, path } from '../../src/stuf/xml';
import { startGateway, TestGateway } from '../support/gateway';
import { heeftShared } from '../support/paden';
import { ZDS11, inEnvelope, sample } from '../support/soap';
import {
  Dialect, actie, alsZds11, andereZaak, creeerZaak, geefZaakdetails, geefZaakstatus, genereerZaakIdentificatie, legeRelatie,
  medewerker, persoon, rol, status, wijzig,
} from '../support/dialecten';
import { gezinsplan } from '../support/planBerichten';
import { goed, objectUit, schoneFout, sleutels, statussen, tekst, vergelijkbaar } from '../support/antwoorden';

const metShared = heeftShared() ? describe : describe.skip;
if (!heeftShared()) console.warn('zds11.test.ts: de van samples afgeleide tests zijn overgeslagen; ../shared niet gevonden (zet ZDS_SHARED)');

const qname = (e: XElement) => `{${e.ns}}${e.local}`;

metShared.each([
  ['met de 1.1-SOAPActions', true],
  ['zonder SOAPAction (de root-heuristiek op echte berichten)', false],
])('ZDS 1.1-berichten afgeleid van de ZDS 1.2-samples, %s', (_naam, metActie) => {
  const ZAAK = '0599-2024-0000001';
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(() => gw.sluit());

  const stuur11 = (rel: string, dienst: Parameters<typeof actie>[1], pad: string) =>
    gw.stuur(inEnvelope(alsZds11(sample(rel))), { pad, ...(metActie ? { actie: actie('zds11', dienst) } : {}) });
  /** The answer to the 1.2 sample's question, as its ZDS 1.1 form (ZKN:zakLa01). */
  const verwacht11 = (rel: string) => parseXml(alsZds11(sample(rel)));

  it('genereerZaakIdentificatie_Di02 (ZKN) → ZKN:genereerZaakIdentificatie_Du02 met ZKN:stuurgegevens en ZKN:zaak', async () => {
    const r = await stuur11('zds12/genereerZaakIdentificatie_Di02.xml', 'genereerZaakIdentificatie', '/VrijeBerichten');
    const du02 = goed(r);
    expect(r.body).not.toContain(NS.zds); // nothing of the 1.2 dialect in a 1.1 answer
    expect(qname(du02)).toBe(`{${NS.zkn}}genereerZaakIdentificatie_Du02`);
    const sg = child(du02, 'stuurgegevens', NS.zkn)!;
    expect(tekst(sg, 'berichtcode')).toBe('Du02');
    expect(tekst(sg, 'functie')).toBe('genereerZaakidentificatie');
    expect(tekst(sg, 'crossRefnummer')).toBe('FORMS-20240115-0001');
    const zaak = child(du02, 'zaak', NS.zkn)!;
    expect(attr(zaak, NS.stuf, 'functie')).toBe('entiteit');
    expect(attr(zaak, NS.stuf, 'entiteittype')).toBe('ZAK');
    expect(tekst(zaak, 'identificatie')).toMatch(/^0599\w{1,36}$/);
  });

  it('creeerZaak_Lk01 → Bv03', async () => {
    const bv03 = goed(await stuur11('zds12/creeerZaak_ZakLk01.xml', 'creeerZaak', '/OntvangAsynchroon'));
    expect(bv03.local).toBe('Bv03Bericht');
    expect(tekst(bv03, 'stuurgegevens', 'crossRefnummer')).toBe('FORMS-20240115-0002');
  });

  // Without a SOAPAction the geefZaakstatus answer (one status, zkt.omschrijving) differs from what geefZaakdetails
  // would give, so matching the sample proves the heuristics chose right.
  it('actualiseerZaakstatus_Lk01 → Bv03; geefZaakstatus_Lv01 → ZKN:zakLa01 met de inhoud van het La01-sample', async () => {
    goed(await stuur11('zds12/actualiseerZaakstatus_ZakLk01.xml', 'actualiseerZaakstatus', '/OntvangAsynchroon'));
    const r = await stuur11('zds12/geefZaakstatus_ZakLv01.xml', 'geefZaakstatus', '/BeantwoordVraag');
    const la01 = goed(r);
    expect(qname(la01)).toBe(`{${NS.zkn}}zakLa01`);
    expect(r.body).not.toContain(NS.zds);
    expect(vergelijkbaar(path(la01, 'antwoord', 'object')!)).toEqual(vergelijkbaar(path(verwacht11('zds12/geefZaakstatus_ZakLa01.xml'), 'antwoord', 'object')!));
  });

  it('geefZaakdetails_Lv01 → ZKN:zakLa01 met de inhoud van het La01-sample, gelijk aan het 1.2-antwoord', async () => {
    const la01 = goed(await stuur11('zds12/geefZaakdetails_ZakLv01.xml', 'geefZaakdetails', '/BeantwoordVraag'));
    expect(qname(la01)).toBe(`{${NS.zkn}}zakLa01`);
    const object11 = path(la01, 'antwoord', 'object')!;
    expect(vergelijkbaar(object11)).toEqual(vergelijkbaar(path(verwacht11('zds12/geefZaakdetails_ZakLa01.xml'), 'antwoord', 'object')!));
    // The same zaak asked in 1.2: one internal model, only the envelope of the answer differs.
    const la12 = goed(await gw.stuur(inEnvelope(sample('zds12/geefZaakdetails_ZakLv01.xml')), { actie: actie('zds12', 'geefZaakdetails'), pad: '/BeantwoordVraag' }));
    expect(qname(la12)).toBe(`{${NS.zds}}geefZaakdetails_ZakLa01`);
    expect(vergelijkbaar(object11)).toEqual(vergelijkbaar(path(la12, 'antwoord', 'object')!));
  });

  it('updateZaak_Lk01 → Bv03; teruggelezen in 1.1: omschrijving gewijzigd, toelichting gewist, belanghebbende erbij', async () => {
    goed(await stuur11('zds12/updateZaak_ZakLk01.xml', 'updateZaak', '/OntvangAsynchroon'));
    const o = objectUit(await gw.stuur(inEnvelope(geefZaakdetails('zds11', ZAAK)), { actie: actie('zds11', 'geefZaakdetails'), pad: '/BeantwoordVraag' }));
    expect(tekst(o, 'omschrijving')).toBe('Aanvraag parkeervergunning (2 voertuigen)');
    expect(child(o, 'toelichting')).toBeUndefined();
    expect(tekst(o, 'einddatumGepland')).toBe('20240311');
    expect(sleutels(o, 'heeftAlsBelanghebbende')).toEqual(['444555666']);
    expect(sleutels(o, 'heeftAlsInitiator')).toEqual(['111222333']);
    expect(statussen(o).map((s) => s.omschrijving)).toEqual(['In behandeling', 'Ontvangen']);
  });
});

describe('ZDS 1.1: relaties toevoegen en verwijderen (StUF 3.01 5.2.6), teruggelezen in 1.1', () => {
  const ZAAK = '0599ZDS11REL0001';
  const GEZINSPLAN = '0599ZDS11GZP0001';
  let gw: TestGateway;
  const lees = async () =>
    objectUit(await gw.stuur(inEnvelope(geefZaakdetails('zds11', ZAAK)), { actie: actie('zds11', 'geefZaakdetails'), pad: '/BeantwoordVraag' }));
  const update = (oud: string, nieuw: string, vs = 'I') =>
    gw.stuur(inEnvelope(wijzig('zds11', 'updateZaak', ZAAK, oud, nieuw, { vs })), { actie: actie('zds11', 'updateZaak') });

  beforeAll(async () => {
    gw = await startGateway();
    goed(await gw.stuur(inEnvelope(gezinsplan('zds11', { id: GEZINSPLAN, clients: ['111222333'] })), { actie: actie('zds11', 'creeerZaak') }));
    goed(await gw.stuur(inEnvelope(creeerZaak('zds11', { id: ZAAK })), { actie: actie('zds11', 'creeerZaak') }));
  });
  afterAll(() => gw.sluit());

  it('belanghebbende: oud nil T / nieuw vol T voegt toe; oud vol V / nieuw nil V verwijdert', async () => {
    const belanghebbende = rol('heeftAlsBelanghebbende', persoon('123456782'), 'T', 'Buurvrouw');
    goed(await update(legeRelatie('heeftAlsBelanghebbende', 'ZAKBTRBLH', 'T'), belanghebbende));
    let o = await lees();
    expect(sleutels(o, 'heeftAlsBelanghebbende')).toEqual(['123456782']);
    expect(tekst(child(o, 'heeftAlsBelanghebbende'), 'omschrijving')).toBe('Buurvrouw');

    goed(await update(rol('heeftAlsBelanghebbende', persoon('123456782'), 'V'), legeRelatie('heeftAlsBelanghebbende', 'ZAKBTRBLH', 'V')));
    o = await lees();
    expect(children(o, 'heeftAlsBelanghebbende')).toHaveLength(0);
    expect(sleutels(o, 'heeftAlsInitiator')).toEqual(['MDW-1']); // the other role is untouched
  });

  it('heeftBetrekkingOpAndere (koppelen aan een gezinsplan en weer ontkoppelen)', async () => {
    goed(await update(legeRelatie('heeftBetrekkingOpAndere', 'ZAKZAKBTR', 'T'), andereZaak(GEZINSPLAN)));
    let o = await lees();
    expect(sleutels(o, 'heeftBetrekkingOpAndere')).toEqual([GEZINSPLAN]);
    expect(tekst(child(o, 'heeftBetrekkingOpAndere'), 'gerelateerde', 'isVan', 'gerelateerde', 'code')).toBe('GZP');

    // The same addition again (a T for what exists) is read as I: still one relation.
    goed(await update(legeRelatie('heeftBetrekkingOpAndere', 'ZAKZAKBTR', 'T'), andereZaak(GEZINSPLAN)));
    expect(sleutels(await lees(), 'heeftBetrekkingOpAndere')).toEqual([GEZINSPLAN]);

    goed(await update(andereZaak(GEZINSPLAN, 'V'), legeRelatie('heeftBetrekkingOpAndere', 'ZAKZAKBTR', 'V')));
    o = await lees();
    expect(children(o, 'heeftBetrekkingOpAndere')).toHaveLength(0);
  });

  it('een onbekende zaak bijwerken: Fo03 StUF064, in SOAP 1.1', async () => {
    const fout = schoneFout(await gw.stuur(inEnvelope(wijzig('zds11', 'updateZaak', '0599ONBEKEND999', '<ZKN:omschrijving>a</ZKN:omschrijving>', '<ZKN:omschrijving>b</ZKN:omschrijving>')), { actie: actie('zds11', 'updateZaak') }));
    expect(fout).toMatchObject({ soort: 'Fo03', code: 'StUF064', soap: '1.1' });
  });
});

describe('ZDS 1.1 zonder SOAPAction: de root-heuristiek (zds.md A2)', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(() => gw.sluit());

  const zonderActie = (xml: string, pad = '/OntvangAsynchroon') => gw.stuur(inEnvelope(xml), { pad });
  const details = async (id: string, d: Dialect = 'zds11') => objectUit(await gw.stuur(inEnvelope(geefZaakdetails(d, id)), { actie: actie(d, 'geefZaakdetails') }));
  const OMSCHRIJVING = (w: string) => `<ZKN:omschrijving>${w}</ZKN:omschrijving>`;
  const nieuweStatus = (v: number, o: string, d: string) => [legeRelatie('heeft', 'ZAKSTT', 'T'), status(v, o, d)] as const;

  it('zakLk01 met mutatiesoort T → creeerZaak', async () => {
    expect(goed(await zonderActie(creeerZaak('zds11', { id: '0599HEUR00001' }))).local).toBe('Bv03Bericht');
    expect(tekst(await details('0599HEUR00001'), 'omschrijving')).toBe('Testzaak');
  });

  it('zakLk01 W waarin alleen `heeft` verandert → actualiseerZaakstatus', async () => {
    const id = '0599HEUR00002';
    goed(await zonderActie(creeerZaak('zds11', { id })));
    const [oud, nieuw] = nieuweStatus(1, 'Ontvangen', '20240116090000');
    goed(await zonderActie(wijzig('zds11', 'actualiseerZaakstatus', id, oud, nieuw)));
    expect(statussen(await details(id)).map((s) => s.omschrijving)).toEqual(['Ontvangen']);
    // Also when oud leaves the status out altogether (only identificatie): still only `heeft` changes.
    goed(await zonderActie(wijzig('zds11', 'actualiseerZaakstatus', id, '', status(2, 'In behandeling', '20240117090000'))));
    expect(statussen(await details(id)).map((s) => s.omschrijving)).toEqual(['In behandeling', 'Ontvangen']);
    // Proof it is actualiseerZaakstatus (updateZaak would accept this): a status message without a new status.
    const fout = schoneFout(await zonderActie(wijzig('zds11', 'actualiseerZaakstatus', id, '', status(2, 'In behandeling', '20240117090000').replace('StUF:verwerkingssoort="T"', 'StUF:verwerkingssoort="I"'))));
    expect(fout).toMatchObject({ soort: 'Fo03', code: 'StUF055' });
    expect(fout.details).toMatch(/actualiseerZaakstatus/);
  });

  it('zakLk01 W met andere wijzigingen → updateZaak (ook als er daarnaast een status bij komt)', async () => {
    const id = '0599HEUR00003';
    goed(await zonderActie(creeerZaak('zds11', { id })));
    goed(await zonderActie(wijzig('zds11', 'updateZaak', id, OMSCHRIJVING('Testzaak'), OMSCHRIJVING('Gewijzigd'))));
    expect(tekst(await details(id), 'omschrijving')).toBe('Gewijzigd');
    // omschrijving changes and a status is added: not "only heeft", so updateZaak, which does both.
    const [oudS, nieuwS] = nieuweStatus(1, 'Ontvangen', '20240116090000');
    goed(await zonderActie(wijzig('zds11', 'updateZaak', id, OMSCHRIJVING('Gewijzigd') + oudS, OMSCHRIJVING('Nogmaals gewijzigd') + nieuwS)));
    const o = await details(id);
    expect(tekst(o, 'omschrijving')).toBe('Nogmaals gewijzigd');
    expect(statussen(o).map((s) => s.omschrijving)).toEqual(['Ontvangen']);
  });

  it('de SOAPAction gaat voor de heuristiek: hetzelfde bericht als actualiseerZaakstatus_Lk01 verandert alleen de status', async () => {
    const id = '0599HEUR00004';
    goed(await zonderActie(creeerZaak('zds11', { id })));
    const [oudS, nieuwS] = nieuweStatus(1, 'Ontvangen', '20240116090000');
    const bericht = wijzig('zds11', 'updateZaak', id, OMSCHRIJVING('Testzaak') + oudS, OMSCHRIJVING('Niet via actualiseer') + nieuwS);
    goed(await gw.stuur(inEnvelope(bericht), { actie: ZDS11 + 'actualiseerZaakstatus_Lk01' }));
    const o = await details(id);
    expect(tekst(o, 'omschrijving')).toBe('Testzaak');
    expect(statussen(o).map((s) => s.omschrijving)).toEqual(['Ontvangen']);
  });

  it('zakLv01 met gelijk/heeft/indicatieLaatsteStatus → geefZaakstatus (alleen de huidige status)', async () => {
    const id = '0599HEUR00005';
    goed(await zonderActie(creeerZaak('zds11', { id, relaties: rol('heeftAlsInitiator', medewerker('MDW-1')) + status(1, 'Ontvangen', '20240116090000') + status(2, 'In behandeling', '20240117090000') })));
    const r = await zonderActie(geefZaakstatus('zds11', id, true), '/BeantwoordVraag');
    const la01 = goed(r);
    expect(qname(la01)).toBe(`{${NS.zkn}}zakLa01`);
    const o = path(la01, 'antwoord', 'object');
    expect(statussen(o)).toEqual([{ volgnummer: '2', omschrijving: 'In behandeling', datumStatusGezet: '20240117090000', indicatieLaatsteStatus: 'J' }]);
    // The geefZaakstatus answer carries the zaaktype omschrijving in the statustype (required there, not in details).
    expect(path(o, 'heeft', 'gerelateerde', 'zkt.omschrijving')?.text).toBe('Parkeervergunning bewoners');
    expect(child(o, 'omschrijving')).toBeUndefined();
  });

  it('zakLv01 met in gelijk alleen identificatie → geefZaakdetails', async () => {
    const id = '0599HEUR00006';
    goed(await zonderActie(creeerZaak('zds11', { id, relaties: rol('heeftAlsInitiator', medewerker('MDW-7')) + status(1, 'Ontvangen', '20240116090000') })));
    const o = objectUit(await zonderActie(geefZaakdetails('zds11', id), '/BeantwoordVraag'));
    expect(tekst(o, 'omschrijving')).toBe('Testzaak');
    expect(sleutels(o, 'heeftAlsInitiator')).toEqual(['MDW-7']);
    expect(statussen(o)).toEqual([{ volgnummer: '1', omschrijving: 'Ontvangen', datumStatusGezet: '20240116090000', indicatieLaatsteStatus: 'J' }]);
    // Both dialects answer the same content.
    expect(vergelijkbaar(o!)).toEqual(vergelijkbaar((await details(id, 'zds12'))!));
  });

  it('genereerZaakIdentificatie_Di02 in ZKN zonder SOAPAction → ZKN:genereerZaakIdentificatie_Du02', async () => {
    const du02 = goed(await zonderActie(genereerZaakIdentificatie('zds11'), '/VerwerkSynchroonVrijBericht'));
    expect(qname(du02)).toBe(`{${NS.zkn}}genereerZaakIdentificatie_Du02`);
    expect(tekst(child(du02, 'zaak', NS.zkn), 'identificatie')).toMatch(/^0599/);
  });
});
