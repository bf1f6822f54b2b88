// The message journal (issue 17, item 4): every message in and out is recorded with its metadata and, while
// bewaren.journaalInhoudDagen > 0, its text without document content; `journaal` lists, filters and shows (showing
// a text is protocolled) and exports a conversation that `replay` runs unchanged.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../../src/config';
import { journaalOpdracht } from '../../src/journaal/opdracht';
import { GebruikFout } from '../../src/opdracht/argumenten';
import { replay } from '../../src/replay';
import type { JournaalRegel } from '../../src/store/journaal';
import { TestGateway, startGateway } from '../support/gateway';
import { TestOntvanger } from '../support/ontvanger';
import { inEnvelope } from '../support/soap';
import { actie, creeerZaak, geefZaakdetails, persoon, rol } from '../support/dialecten';
import * as doc from '../support/documentBerichten';

const SNEL = { intervalMs: 50, eersteWachttijdSeconden: 0.1, maxWachttijdSeconden: 0.5, timeoutSeconden: 2 };
const BSN = '111222333';
const INHOUD = 'Geheime brief aan de familie Vries';

describe('journaal', () => {
  let gw: TestGateway;
  let abonnee: TestOntvanger;
  let map: string;
  let zaakId: string;
  const uitvoer: string[] = [];
  const schrijf = (t: string) => void uitvoer.push(t);
  const opdracht = async (...argv: string[]) => {
    uitvoer.length = 0;
    const code = await journaalOpdracht(gw.config, argv, schrijf);
    return { code, tekst: uitvoer.join('') };
  };
  const regels = async (): Promise<JournaalRegel[]> => {
    await gw.app.journaal!.leeg();
    return gw.app.gateway.store.journaal.zoek({});
  };

  beforeAll(async () => {
    map = mkdtempSync(join(tmpdir(), 'journaal-'));
    abonnee = await new TestOntvanger('abonnee', 'ABONNEE').start();
    gw = await startGateway({
      bestemmingen: [{ naam: abonnee.naam, adres: abonnee.adres, ontvanger: { organisatie: '0599', applicatie: abonnee.applicatie } }],
      abonnementen: [{ bestemming: abonnee.naam }],
      bezorging: SNEL,
    });
    zaakId = `0599JRNL${process.pid}`;
    const nieuw = creeerZaak('zds12', { id: zaakId, relaties: rol('heeftAlsInitiator', persoon(BSN)), sturing: { ref: 'JRNL-1' } });
    expect((await gw.stuur(inEnvelope(nieuw), { actie: actie('zds12', 'creeerZaak') })).status).toBe(200);
    const document = doc.nieuwDocument('zds12', 'voegZaakdocumentToe', { id: `0599DJRNL${process.pid}`, zaken: [zaakId], tekst: INHOUD, sturing: { ref: 'JRNL-2', zender: 'TESTAPP' } });
    expect((await gw.stuur(inEnvelope(document), { actie: doc.docActie('zds12', 'voegZaakdocumentToe'), pad: doc.docPad('voegZaakdocumentToe') })).status).toBe(200);
    const vraag = geefZaakdetails('zds12', zaakId, undefined, { ref: 'JRNL-3' });
    expect((await gw.stuur(inEnvelope(vraag), { actie: actie('zds12', 'geefZaakdetails'), pad: '/BeantwoordVraag' })).status).toBe(200);
    // Refused before it could be read: not XML at all.
    expect((await gw.stuur('dit is geen xml <<<', { pad: '/OntvangAsynchroon' })).status).toBe(500);
    await abonnee.wachtOp(2);
  });

  afterAll(async () => {
    await gw?.sluit();
    await abonnee?.stop();
    rmSync(map, { recursive: true, force: true });
  });

  it('records every request with its metadata, and its texts without document content', async () => {
    let alle = await regels();
    for (let i = 0; i < 50 && alle.filter((r) => r.richting === 'uit').length < 2; i++) {
      await new Promise((klaar) => setTimeout(klaar, 50));
      alle = await regels();
    }
    const creeer = alle.find((r) => r.referentienummer === 'JRNL-1')!;
    expect(creeer).toMatchObject({
      richting: 'in', soort: 'verzoek', endpoint: '/OntvangAsynchroon', operatie: 'creeerZaak', dialect: 'zds12', zender: '0599/TESTAPP', ontvanger: '0599/ZDSGW',
      zaken: [zaakId], uitkomst: 'Bv03', httpStatus: 200, herhaald: false, metInhoud: true,
    });
    expect(creeer.grootteVerzoek).toBeGreaterThan(500);
    expect(creeer.grootteAntwoord).toBeGreaterThan(100);
    expect(creeer.ms).toBeGreaterThan(0);
    const vraag = alle.find((r) => r.referentienummer === 'JRNL-3')!;
    expect(vraag).toMatchObject({ endpoint: '/BeantwoordVraag', operatie: 'geefZaakdetails', uitkomst: 'La01', zaken: [zaakId] });

    const document = alle.find((r) => r.referentienummer === 'JRNL-2')!;
    const { inhoud } = (await gw.app.gateway.store.journaal.toon(document.id!))!;
    expect(inhoud!.verzoek).toMatch(/<ZKN:inhoud StUF:bestandsnaam="brief.txt"[^>]*><\/ZKN:inhoud>/);
    expect(inhoud!.verzoek).not.toContain(Buffer.from(INHOUD).toString('base64'));
    expect(inhoud!.antwoord).toMatch(/Bv03Bericht/);
  });

  it('records a message refused before it could be read, with its foutcode', async () => {
    const kapot = (await regels()).filter((r) => r.richting === 'in' && r.uitkomst !== 'Bv03' && r.uitkomst !== 'La01');
    expect(kapot).toHaveLength(1);
    expect(kapot[0]).toMatchObject({ endpoint: '/OntvangAsynchroon', foutcode: 'StUF055', uitkomst: 'StUF055', httpStatus: 500, zaken: [] });
    expect(kapot[0].operatie).toBeUndefined();
    const { inhoud } = (await gw.app.gateway.store.journaal.toon(kapot[0].id!))!;
    expect(inhoud!.verzoek).toBe('dit is geen xml <<<');
    expect(inhoud!.antwoord).toMatch(/Fo03Bericht[\s\S]*StUF055/);
  });

  it('records the notifications sent, with their destination and outcome', async () => {
    const uit = (await regels()).filter((r) => r.richting === 'uit');
    expect(uit.length).toBeGreaterThanOrEqual(2);
    expect(uit[0]).toMatchObject({ soort: 'notificatie', endpoint: 'abonnee', operatie: 'notificeerOverZaak', zender: '0599/ZDSGW', ontvanger: '0599/ABONNEE', zaken: [zaakId], uitkomst: 'Bv03', httpStatus: 200, poging: 1 });
    expect(uit[0].referentienummer).toBeDefined();
    const { inhoud } = (await gw.app.gateway.store.journaal.toon(uit[0].id!))!;
    expect(inhoud!.verzoek).toMatch(/notificeerOverZaak|ntfLk01|Lk01/);
    expect(inhoud!.antwoord).toMatch(/Bv03Bericht/);
  });

  it('lists and filters at the command line, without texts and without protocolling', async () => {
    const alles = await opdracht('--zaak', zaakId);
    expect(alles.code).toBe(0);
    expect(alles.tekst.trim().split('\n').length).toBeGreaterThanOrEqual(5);
    const een = await opdracht('lijst', '--referentienummer', 'JRNL-3');
    expect(een.tekst.trim().split('\n')).toHaveLength(1);
    expect(een.tekst).toMatch(/geefZaakdetails.*La01/);
    expect((await opdracht('--foutcode', 'StUF055', '--richting', 'in')).tekst.trim().split('\n')).toHaveLength(1);
    expect((await opdracht('--operatie', 'notificeerOverZaak')).tekst).toMatch(/uit abonnee/);
    expect((await opdracht('--zender', 'TESTAPP', '--van', '2000-01-01', '--tot', '2999-12-31')).tekst.trim().split('\n').length).toBeGreaterThanOrEqual(3);
    expect((await opdracht('--zender', 'ANDERE')).tekst).toBe('(geen berichten gevonden)\n');
    const json = JSON.parse((await opdracht('--referentienummer', 'JRNL-1', '--json')).tekst);
    expect(json[0]).toMatchObject({ operatie: 'creeerZaak', zaken: [zaakId] });
    expect(alles.tekst).not.toContain(BSN);
    expect(await gw.app.gateway.store.protocol.zoek({ zaak: zaakId, soort: 'lezen' })).toEqual(
      (await gw.app.gateway.store.protocol.zoek({ zaak: zaakId, soort: 'lezen' })).filter((r) => r.applicatie !== 'journaal'),
    );
  });

  it('shows a text only to a named reader, and protocols that read with the persons in it', async () => {
    const creeer = (await regels()).find((r) => r.referentienummer === 'JRNL-1')!;
    const zonder = await opdracht('toon', String(creeer.id));
    expect(zonder.code).toBe(0);
    expect(zonder.tekst).not.toContain(BSN);
    expect(zonder.tekst).toMatch(/geef --door WIE/);
    expect((await gw.app.gateway.store.protocol.zoek({ bsn: BSN })).filter((r) => r.applicatie === 'journaal')).toEqual([]);

    const met = await opdracht('toon', String(creeer.id), '--door', 'beheerder.b', '--reden', 'melding leverancier 4711');
    expect(met.code).toBe(0);
    expect(met.tekst).toContain(BSN);
    const gelezen = (await gw.app.gateway.store.protocol.zoek({ bsn: BSN })).filter((r) => r.applicatie === 'journaal');
    expect(gelezen).toEqual([expect.objectContaining({ soort: 'lezen', gebruiker: 'beheerder.b', operatie: 'journaal toon', rol: 'beheer', via: 'opdrachtregel', doelbinding: 'melding leverancier 4711', zaken: [zaakId], bsns: [BSN] })]);
    expect((await opdracht('toon', '999999999')).code).toBe(1);
  });

  it('exports the requests as a conversation that replay runs unchanged', async () => {
    const naar = join(map, 'export');
    const r = await opdracht('exporteer', '--map', naar, '--door', 'tester', '--zender', 'TESTAPP');
    expect(r.code).toBe(0);
    expect(r.tekst).toMatch(/^3 verzoek\(en\) geschreven/);
    expect(readdirSync(naar).sort()).toEqual(['001-creeerZaak.xml', '001-antwoord.xml', '002-voegZaakdocumentToe.xml', '002-antwoord.xml', '003-geefZaakdetails.xml', '003-antwoord.xml', 'gesprek.yaml'].sort());
    expect(readFileSync(join(naar, 'gesprek.yaml'), 'utf8')).toMatch(/pad: \/BeantwoordVraag/);
    const gespeeld: string[] = [];
    expect(await replay([naar], (t) => void gespeeld.push(t))).toBe(0);
    expect(gespeeld.join('')).toMatch(/ok {8}001-creeerZaak\.xml[\s\S]*ok {8}003-geefZaakdetails\.xml/);
    expect((await gw.app.gateway.store.protocol.zoek({ bsn: BSN })).some((p) => p.operatie === 'journaal exporteer' && p.gebruiker === 'tester')).toBe(true);
    // Not over an earlier export, and not without a reader's name.
    expect((await opdracht('exporteer', '--map', naar, '--door', 'tester')).code).toBe(1);
    await expect(opdracht('exporteer', '--map', join(map, 'anders'))).rejects.toThrow(GebruikFout);
  });

  it('refuses bad options with a usage error', async () => {
    await expect(opdracht('--onbekend')).rejects.toThrow(GebruikFout);
    await expect(opdracht('--van', 'gisteren')).rejects.toThrow(/--van/);
    await expect(opdracht('verwijder')).rejects.toThrow(/subopdracht/);
    await expect(opdracht('toon', '1', '2')).rejects.toThrow(GebruikFout);
    await expect(opdracht('toon', 'x')).rejects.toThrow(GebruikFout);
    expect((await opdracht('--help')).tekst).toMatch(/^gebruik: journaal/);
  });
});

describe('journaal with bewaren.journaalInhoudDagen 0', () => {
  it('keeps the metadata only', async () => {
    const gw = await startGateway({ bewaren: { journaalInhoudDagen: 0 } });
    try {
      const vraag = geefZaakdetails('zds12', '0599ONBEKEND', undefined, { ref: 'JRNL-ALLEEN' });
      await gw.stuur(inEnvelope(vraag), { actie: actie('zds12', 'geefZaakdetails'), pad: '/BeantwoordVraag' });
      await gw.app.journaal!.leeg();
      const [r] = await gw.app.gateway.store.journaal.zoek({ referentienummer: 'JRNL-ALLEEN' });
      expect(r).toMatchObject({ operatie: 'geefZaakdetails', metInhoud: false });
      expect((await gw.app.gateway.store.journaal.toon(r.id!))!.inhoud).toBeUndefined();
    } finally {
      await gw.sluit();
    }
  });

  it('is off with journaal.aan false', async () => {
    const gw = await startGateway({ journaal: { aan: false } });
    try {
      await gw.stuur('geen xml', { pad: '/OntvangAsynchroon' });
      expect(gw.app.journaal).toBeUndefined();
      expect(await gw.app.gateway.store.journaal.zoek({})).toEqual([]);
    } finally {
      await gw.sluit();
    }
  });
});

it('the configuration refuses texts kept longer than their rows', () => {
  expect(() => parseConfig({ bewaren: { journaalInhoudDagen: 100, journaalDagen: 30 } })).toThrow(/journaalInhoudDagen/);
});
