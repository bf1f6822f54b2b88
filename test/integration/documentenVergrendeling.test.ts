// Check-out, check-in and cancel in both dialects (zds.md 2.9-2.11, 5): the lock and who holds it, refusals without
// the matching checkedOutId, versions kept on check-in (major and minor), a lapsed lock, resent check-outs.
import { NS } from '../../src/stuf/namespaces';
import { XElement, attr, child, path } from '../../src/stuf/xml';
import { alleBytes } from '../../src/stuf/binair';
import { startGateway, TestGateway, vangLog } from '../support/gateway';
import { ZDS12, inEnvelope } from '../support/soap';
import { Dialect, actie, creeerZaak } from '../support/dialecten';
import { goed, objectUit, schoneFout, tekst } from '../support/antwoorden';
import * as doc from '../support/documentBerichten';

const ANNA = { gebruiker: 'anna' };
const BERT = { gebruiker: 'bert', zender: 'ANDERAPP' };

describe.each(['zds12', 'zds11'] as const)('uitchecken en inchecken in %s', (d: Dialect) => {
  let gw: TestGateway;
  const p = d === 'zds12' ? 'V12' : 'V11';
  const ZAAK = `0599${p}ZAAK01`;
  const DOC = `${p}-DOC-1`;
  const stuur = (xml: string, dienst: doc.DocDienst) => gw.stuur(inEnvelope(xml), { actie: doc.docActie(d, dienst), pad: doc.docPad(dienst) });
  const store = () => gw.app.gateway.store.documenten;
  const bewerk = async (s: doc.DocSturing, id = DOC): Promise<XElement> => goed(await stuur(doc.bewerken(d, id, s), 'geefZaakdocumentBewerken'));
  const update = (w: doc.Wijziging, id = DOC) => stuur(doc.update(d, id, w), 'updateZaakdocument');
  const cancel = (checkedOutId?: string, id = DOC) => stuur(doc.cancel(d, id, checkedOutId), 'cancelCheckout');
  const lees = async (id = DOC) => objectUit(await stuur(doc.geefLezen(d, id), 'geefZaakdocumentLezen'));
  const idUit = (du02: XElement) => tekst(du02, 'parameters', 'checkedOutId')!;
  /** Moves the lapse of the current lock into the past, as if vergrendelingMinuten had gone by. */
  const laatVerlopen = (id = DOC) =>
    gw.app.gateway.store.sql.voer("UPDATE document SET vergrendeld_tot = '2000-01-01T00:00:00.000Z' WHERE identificatie = ?", [id]);

  beforeAll(async () => {
    gw = await startGateway({ documenten: { vergrendelingMinuten: 30 } });
    goed(await gw.stuur(inEnvelope(creeerZaak(d, { id: ZAAK })), { actie: actie(d, 'creeerZaak') }));
    goed(await stuur(doc.nieuwDocument(d, 'voegZaakdocumentToe', { id: DOC, zaken: [ZAAK], tekst: 'versie een', versie: '1' }), 'voegZaakdocumentToe'));
  });
  afterAll(() => gw.sluit());

  let annasId = '';

  it('geefZaakdocumentBewerken: Du02 met checkedOutId, checkedOutBy = de gebruiker, en de inhoud', async () => {
    const du02 = await bewerk(ANNA);
    expect(du02.local).toBe(d === 'zds12' ? 'geefZaakdocumentBewerken_Du02' : 'geefZaakdocumentbewerken_Du02');
    expect(path(du02, 'parameters', 'checkedOutId')!.ns).toBe(d === 'zds12' ? NS.zds : NS.zkn);
    annasId = idUit(du02);
    expect(tekst(du02, 'parameters', 'checkedOutBy')).toBe('anna');
    const object = path(du02, 'edcLa01', 'antwoord', 'object')!;
    expect(Buffer.from(tekst(object, 'inhoud')!, 'base64').toString()).toBe('versie een');
    const lock = (await store().vind(DOC))!.vergrendeling!;
    expect(Date.parse(lock.tot) - Date.parse(lock.sinds)).toBe(30 * 60_000);
  });

  it('dezelfde houder checkt opnieuw uit (ook als herhaald bericht): dezelfde checkedOutId', async () => {
    expect(idUit(await bewerk(ANNA))).toBe(annasId);
    const xml = doc.bewerken(d, DOC, { ...ANNA, ref: `${p}-HERHAAL` });
    expect(idUit(goed(await stuur(xml, 'geefZaakdocumentBewerken')))).toBe(annasId);
    expect(idUit(goed(await stuur(xml, 'geefZaakdocumentBewerken')))).toBe(annasId);
  });

  it('een ander checkt uit: Fo02 StUF058 die zegt wie het document heeft en sinds wanneer', async () => {
    const fout = schoneFout(await stuur(doc.bewerken(d, DOC, BERT), 'geefZaakdocumentBewerken'));
    expect(fout).toMatchObject({ soort: 'Fo02', code: 'StUF058' });
    expect(fout.details).toMatch(/in bewerking bij anna sinds \d{2}-\d{2}-\d{4} \d{2}:\d{2}/);
  });

  it('updateZaakdocument zonder of met een verkeerde checkedOutId: StUF058, niets gewijzigd', async () => {
    for (const checkedOutId of [undefined, 'verkeerd']) {
      const fout = schoneFout(await update({ checkedOutId, oud: '', nieuw: '<ZKN:titel>stiekem</ZKN:titel>', sturing: BERT }));
      expect(fout).toMatchObject({ soort: 'Fo02', code: 'StUF058' });
      expect(fout.details).toContain('anna');
    }
    expect(tekst(await lees(), 'titel')).toBe('Ontvangstbevestiging');
  });

  it('ontkoppelZaakdocument terwijl het document is uitgecheckt: StUF058, de koppeling blijft', async () => {
    const fout = schoneFout(await stuur(doc.ontkoppel(d, DOC, ZAAK), 'ontkoppelZaakdocument'));
    expect(fout).toMatchObject({ soort: 'Fo02', code: 'StUF058' });
    expect(fout.details).toContain('ontkoppelen');
    expect(tekst(await lees(), 'isRelevantVoor', 'gerelateerde', 'identificatie')).toBe(ZAAK);
  });

  it('ontkoppelen met de checkedOutId van de uitcheck mag wel; de uitcheck blijft staan', async () => {
    const ander = `${p}-DOC-2`;
    goed(await stuur(doc.nieuwDocument(d, 'voegZaakdocumentToe', { id: ander, zaken: [ZAAK], tekst: 'twee' }), 'voegZaakdocumentToe'));
    const id = idUit(await bewerk(ANNA, ander));
    expect(goed(await stuur(doc.ontkoppel(d, ander, ZAAK, { checkedOutId: id }), 'ontkoppelZaakdocument')).local).toBe('Bv02Bericht');
    expect((await store().vind(ander))!.vergrendeling?.checkedOutId).toBe(id);
    expect(await store().zakenVan((await store().vind(ander))!.id)).toEqual([]);
  });

  it('cancelCheckout met een verkeerde of zonder checkedOutId: StUF058; met de juiste: Bv02 en vrij voor een ander', async () => {
    expect(schoneFout(await cancel('verkeerd')).code).toBe('StUF058');
    expect(schoneFout(await cancel()).code).toBe('StUF058');
    expect(goed(await cancel(annasId)).local).toBe('Bv02Bericht');
    expect((await store().vind(DOC))!.vergrendeling).toBeUndefined();
    expect(await store().versies((await store().vind(DOC))!.id)).toHaveLength(1); // no new version
  });

  it('inchecken (minor) met nieuwe inhoud: Bv02, vergrendeling weg, versie 1 → 1.1, de oude versie bewaard', async () => {
    const bertsId = idUit(await bewerk(BERT));
    const bv02 = goed(await update({ checkedOutId: bertsId, versioningState: 'minor', oud: '', nieuw: doc.inhoud('versie twee', 'brief-v2.txt'), sturing: BERT }));
    expect(bv02.local).toBe('Bv02Bericht');
    const o = await lees();
    expect([tekst(o, 'versie'), Buffer.from(tekst(o, 'inhoud')!, 'base64').toString()]).toEqual(['1.1', 'versie twee']);
    expect(attr(child(o, 'inhoud')!, NS.stuf, 'bestandsnaam')).toBe('brief-v2.txt');
    const d0 = (await store().vind(DOC))!;
    expect(d0.vergrendeling).toBeUndefined();
    const versies = await store().versies(d0.id);
    expect(versies.map((v) => [v.versienummer, v.data.versie?.w, v.soort, v.zender])).toEqual([[1, '1', undefined, '0599/DOCAPP'], [2, '1.1', 'minor', '0599/ANDERAPP']]);
    const oud = (await store().inhoudInfo(versies[0].inhoudId!))!;
    expect([oud.bestandsnaam, (await alleBytes(await store().data(oud))).toString()]).toEqual(['brief.txt', 'versie een']);
    // Another user may check out now.
    expect(idUit(await bewerk(ANNA))).not.toBe(bertsId);
  });

  it('inchecken (major, de standaard) zonder nieuwe inhoud: versie 1.1 → 2.0; de oude checkedOutId werkt daarna niet meer', async () => {
    const id = (await store().vind(DOC))!.vergrendeling!.checkedOutId;
    goed(await update({ checkedOutId: id, oud: '<ZKN:titel>Ontvangstbevestiging</ZKN:titel>', nieuw: '<ZKN:titel>Definitief</ZKN:titel>', sturing: ANNA }));
    const o = await lees();
    expect([tekst(o, 'titel'), tekst(o, 'versie'), Buffer.from(tekst(o, 'inhoud')!, 'base64').toString()]).toEqual(['Definitief', '2.0', 'versie twee']);
    expect(schoneFout(await update({ checkedOutId: id, oud: '', nieuw: '<ZKN:status>x</ZKN:status>' })).details).toContain('niet uitgecheckt');
  });

  it('een document dat niet is uitgecheckt wordt zonder checkedOutId bijgewerkt, zonder nieuw versielabel', async () => {
    goed(await update({ oud: '', nieuw: '<ZKN:status>gearchiveerd</ZKN:status>' }));
    const o = await lees();
    expect([tekst(o, 'status'), tekst(o, 'versie')]).toEqual(['gearchiveerd', '2.0']);
    expect(await store().versies((await store().vind(DOC))!.id)).toHaveLength(4);
  });

  it('cancelCheckout op een document dat niet is uitgecheckt: Bv02 (niets te doen)', async () => {
    expect(goed(await cancel('wat-dan-ook')).local).toBe('Bv02Bericht');
  });

  it('een verlopen vergrendeling bindt niet meer: een ander checkt uit, de oude houder wordt geweigerd', async () => {
    const annasOude = idUit(await bewerk(ANNA));
    await laatVerlopen();
    const bertsId = idUit(await bewerk(BERT));
    expect(bertsId).not.toBe(annasOude);
    expect(schoneFout(await update({ checkedOutId: annasOude, oud: '', nieuw: '<ZKN:titel>te laat</ZKN:titel>', sturing: ANNA })).details).toContain('in bewerking bij bert');
    // Bert's own lapsed lock may still be checked in with his id, as nobody took the document over.
    await laatVerlopen();
    goed(await update({ checkedOutId: bertsId, oud: '', nieuw: '<ZKN:titel>net op tijd</ZKN:titel>', sturing: BERT }));
    expect(tekst(await lees(), 'titel')).toBe('net op tijd');
  });

  it('na een verlopen vergrendeling mag een ander ook zonder checkedOutId wijzigen en ontkoppelen', async () => {
    idUit(await bewerk(ANNA));
    await laatVerlopen();
    goed(await update({ oud: '', nieuw: '<ZKN:titel>door bert</ZKN:titel>', sturing: BERT }));
    expect((await store().vind(DOC))!.vergrendeling).toBeUndefined();
    idUit(await bewerk(ANNA));
    await laatVerlopen();
    expect(goed(await stuur(doc.ontkoppel(d, DOC, ZAAK), 'ontkoppelZaakdocument')).local).toBe('Bv02Bericht');
  });
});

describe('de soapAction van uitchecken, in beide schrijfwijzen', () => {
  it.each(['geefZaakdocumentbewerken_Di02', 'geefZaakdocumentBewerken_Di02'])('%s', async (naam) => {
    const gw = await startGateway();
    try {
      goed(await gw.stuur(inEnvelope(creeerZaak('zds12', { id: '0599ACTIEZAAK' })), { actie: actie('zds12', 'creeerZaak') }));
      goed(await gw.stuur(inEnvelope(doc.nieuwDocument('zds12', 'voegZaakdocumentToe', { id: 'ACTIE-DOC', zaken: ['0599ACTIEZAAK'], tekst: 'a' })), { actie: ZDS12 + 'voegZaakdocumentToe_EdcLk01' }));
      const du02 = goed(await gw.stuur(inEnvelope(doc.bewerken('zds12', 'ACTIE-DOC')), { actie: ZDS12 + naam, pad: '/VerwerkSynchroonVrijBericht' }));
      expect(du02.local).toBe('geefZaakdocumentBewerken_Du02');
    } finally {
      await gw.sluit();
    }
  });
});

describe('wie een document vasthoudt', () => {
  it('staat in de details van de weigering voor de aanroeper, maar niet in het log', async () => {
    const { log: logger, regels } = vangLog();
    const gw = await startGateway({}, 'documentenVergrendeling-log', logger);
    try {
      const stuur = (xml: string, dienst: doc.DocDienst) => gw.stuur(inEnvelope(xml), { actie: doc.docActie('zds12', dienst), pad: doc.docPad(dienst) });
      goed(await gw.stuur(inEnvelope(creeerZaak('zds12', { id: '0599LOGZAAK7' })), { actie: actie('zds12', 'creeerZaak') }));
      goed(await stuur(doc.nieuwDocument('zds12', 'voegZaakdocumentToe', { id: 'LOG-DOC-7', zaken: ['0599LOGZAAK7'], tekst: 'x' }), 'voegZaakdocumentToe'));
      goed(await stuur(doc.bewerken('zds12', 'LOG-DOC-7', { gebruiker: 'Annemarie de Wit' }), 'geefZaakdocumentBewerken'));
      const fout = schoneFout(await stuur(doc.bewerken('zds12', 'LOG-DOC-7', BERT), 'geefZaakdocumentBewerken'));
      expect(fout.code).toBe('StUF058');
      expect(fout.details).toContain('Annemarie de Wit');
      const log = regels.join('');
      expect(log).toContain('houder niet gelogd');
      expect(log).not.toContain('Annemarie');
    } finally {
      await gw.sluit();
    }
  });
});
