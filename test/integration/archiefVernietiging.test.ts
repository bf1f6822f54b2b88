// Destruction end to end (issue 19, items 2 and 3): a zaak with everything a zaak can have (persons, one shared with
// another zaak, statuses, a document of its own in two versions and one filed in two zaken, a besluit, relations both
// ways, a mirrored partner zaak with its term, a handover, outbox messages, journal texts, an idempotency record that
// names it, protocol rows) is put on a destruction list by `archief vernietig --lijst` and destroyed by
// `--uitvoeren`. Then every table the database itself lists (sqlite_master / information_schema, so a table added
// later is searched too) is read whole and searched for the zaak's identificatie, its own person's BSN and its
// document's content: only the destruction record, the list, the other zaak's identificatie-only relation and the
// protocol (kept by design: the record of who saw what) may name it. A held zaak stays off the list and untouched;
// zaken held or changed after the list are skipped; the shared person and document stay for the other zaak; the
// record is listed and exported without personal data; subscribers hear nothing; a second run destroys nothing.
// Two runs of one list at once (two connections) destroy each zaak once. With archief.vernietigingNotificeren, real
// receivers on loopback ports hear of each destroyed zaak once (Update zaak, extraElement vernietigd, no person),
// of a skipped one nothing; in modus extern the abonnementenbeheer gets one initieerNotificeerOverZaak, in modus uit
// nobody anything. SQLite by default, PostgreSQL with ZDS_TEST_DATABASE=postgres.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { archiefOpdracht } from '../../src/archief/opdracht';
import { Uitvoering, voerUit } from '../../src/archief/vernietigen';
import { VERNIETIGD } from '../../src/archief/vernietigingMelden';
import type { Store } from '../../src/store';
import { openStore } from '../../src/store/openen';
import { GebruikFout, OpdrachtFout } from '../../src/opdracht/argumenten';
import { parseConfig } from '../../src/config';
import { TestGateway, startGateway } from '../support/gateway';
import { ZDS12, inEnvelope } from '../support/soap';
import { Dienst, STANDAARD_ATTRIBUTEN, actie, andereZaak, creeerZaak, geefZaakdetails, medewerker, persoon, rol, wijzig } from '../support/dialecten';
import { docActie, docPad, nieuwDocument } from '../support/documentBerichten';
import { besluitdocument, voegBesluitToe } from '../support/besluitBerichten';
import { goed, objectUit, tekst } from '../support/antwoorden';
import { OP_POSTGRES } from '../support/postgresRun';
import { Ontvangen, TestOntvanger, bezorgd, na, tekstVan } from '../support/ontvanger';
import { path } from '../../src/stuf/xml';
import { vandaag } from '../../src/stuf/tijd';

const STATUSTYPEN = [{ volgnummer: 1, omschrijving: 'Ontvangen' }, { volgnummer: 2, omschrijving: 'Afgehandeld', eindstatus: true }];
const CONFIG = {
  zaaktypen: { catalogus: [{ code: 'VNT01', omschrijving: 'Vernietigbaar', statustypen: STATUSTYPEN, profiel: { standaardResultaat: { omschrijving: 'Afgehandeld' } } }] },
  archief: { selectielijst: [{ zaaktype: 'VNT01', resultaat: 'Afgehandeld', nominatie: 'vernietigen', bewaartermijn: { jaren: 1 } }] },
  // A subscriber that is never there: the notifications about the zaken wait in the outbox, tried once.
  bestemmingen: [{ naam: 'abonnee', adres: 'http://127.0.0.1:9/', ontvanger: { organisatie: '0599', applicatie: 'ABONNEE' } }],
  abonnementen: [{ bestemming: 'abonnee' }],
  bezorging: { eersteWachttijdSeconden: 3600, maxWachttijdSeconden: 3600 },
  bewaren: { opschonenMinuten: 0 },
};

const P = `${process.pid % 100000}`;
const A = `0599VNTA${P}`; // destroyed
const B = `0599VNTB${P}`; // open: keeps the shared person and document
const H = `0599VNTH${P}`; // held before the list
const C = `0599VNTC${P}`; // changed after the list
const D = `0599VNTD${P}`; // held after the list
const BSN_A = '111222333';
const BSN_GEDEELD = '123456782';
const DOC_A = `0599DVNTA${P}`;
const DOC_GEDEELD = `0599DVNTG${P}`;
const INHOUD_A = 'Vertrouwelijke brief aan de aanvrager, alleen in zaak A';
const INHOUD_A2 = 'Tweede versie van de brief van zaak A';
const INHOUD_GEDEELD = 'Gedeelde bijlage van zaak A en zaak B';
const TITEL_A = 'Brief alleen bij A';

const ZAAK_A_ATTRIBUTEN = STANDAARD_ATTRIBUTEN;
const GEEN_STATUS = '<ZKN:heeft StUF:entiteittype="ZAKSTT" StUF:verwerkingssoort="T" xsi:nil="true" StUF:noValue="geenWaarde"/>';
const eindstatus = (datum: string) =>
  '<ZKN:heeft StUF:entiteittype="ZAKSTT" StUF:verwerkingssoort="T"><ZKN:gerelateerde StUF:entiteittype="STT" StUF:verwerkingssoort="I">' +
  `<ZKN:volgnummer>2</ZKN:volgnummer><ZKN:omschrijving>Afgehandeld</ZKN:omschrijving></ZKN:gerelateerde><ZKN:datumStatusGezet>${datum}</ZKN:datumStatusGezet>` +
  `<ZKN:isGezetDoor StUF:entiteittype="ZAKSTTBTR" StUF:verwerkingssoort="I"><ZKN:gerelateerde>${medewerker('mdw042')}</ZKN:gerelateerde></ZKN:isGezetDoor></ZKN:heeft>`;
const status1 = (datum: string) => eindstatus(datum).replace('<ZKN:volgnummer>2</ZKN:volgnummer><ZKN:omschrijving>Afgehandeld', '<ZKN:volgnummer>1</ZKN:volgnummer><ZKN:omschrijving>Ontvangen');

let gw: TestGateway;
let store: Store;

const stuur = (dienst: Dienst, xml: string, g = gw) =>
  g.stuur(inEnvelope(xml), { actie: actie('zds12', dienst), pad: dienst === 'geefZaakdetails' ? '/BeantwoordVraag' : '/OntvangAsynchroon' });
const details = async (id: string) => objectUit(await stuur('geefZaakdetails', geefZaakdetails('zds12', id)));

/** Everything the commands printed or refused with, checked at the end for personal data. */
const uitvoer: string[] = [];

async function opdracht(args: string[], g = gw): Promise<{ code: number; uit: string }> {
  const uit: string[] = [];
  try {
    const code = await archiefOpdracht(g.config, args, (t) => void uit.push(t));
    return { code, uit: uit.join('') };
  } catch (e) {
    uitvoer.push((e as Error).message);
    throw e;
  } finally {
    uitvoer.push(...uit);
  }
}

/** A zaak of VNT01 closed on 2020-03-01 (due in 2021), or left open; on the gateway `g`. */
async function zaak(id: string, relaties: string, sluiten = true, g = gw): Promise<void> {
  goed(await stuur('creeerZaak', creeerZaak('zds12', { id, zaaktype: 'VNT01', attributen: ZAAK_A_ATTRIBUTEN, relaties }), g));
  goed(await stuur('actualiseerZaakstatus', wijzig('zds12', 'actualiseerZaakstatus', id, GEEN_STATUS, status1('20200101090000')), g));
  if (sluiten) goed(await stuur('actualiseerZaakstatus', wijzig('zds12', 'actualiseerZaakstatus', id, GEEN_STATUS, eindstatus('20200301090000')), g));
}

async function document(id: string, zaken: string[], inhoud: string, titel = 'Bijlage'): Promise<void> {
  goed(await gw.stuur(inEnvelope(nieuwDocument('zds12', 'voegZaakdocumentToe', { id, zaken, tekst: inhoud, titel })), { actie: docActie('zds12', 'voegZaakdocumentToe'), pad: docPad('voegZaakdocumentToe') }));
}

/** Every row of every table the database lists, as text per column (bytes as UTF-8). */
async function alleTabellen(): Promise<Map<string, Record<string, string>[]>> {
  const namen = store.sql.dialect === 'postgres'
    ? (await store.sql.alle<{ naam: string }>("SELECT table_name AS naam FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")).map((r) => r.naam)
    : (await store.sql.alle<{ naam: string }>("SELECT name AS naam FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")).map((r) => r.naam);
  const tabellen = new Map<string, Record<string, string>[]>();
  for (const naam of namen) {
    const rijen = await store.sql.alle<Record<string, unknown>>(`SELECT * FROM "${naam}"`);
    tabellen.set(naam, rijen.map((r) => Object.fromEntries(Object.entries(r).map(([k, w]) => [k, Buffer.isBuffer(w) ? w.toString('utf8') : String(w)]))));
  }
  return tabellen;
}

/** Where `waarde` occurs: "table.column" per row that holds it. */
function vindplaatsen(tabellen: Map<string, Record<string, string>[]>, waarde: string): { tabel: string; rij: Record<string, string> }[] {
  const uit: { tabel: string; rij: Record<string, string> }[] = [];
  for (const [tabel, rijen] of tabellen) for (const rij of rijen) if (Object.values(rij).some((w) => w.includes(waarde))) uit.push({ tabel, rij });
  return uit;
}

beforeAll(async () => {
  gw = await startGateway(CONFIG);
  store = gw.app.gateway.store;
  // B first: A's relation to it finds it; then A, with its own person, the shared person and its relation to B.
  await zaak(B, `${rol('heeftAlsInitiator', persoon(BSN_GEDEELD))}${andereZaak(A)}`, false);
  await zaak(A, `${rol('heeftAlsInitiator', persoon(BSN_A, '<BG:geslachtsnaam>Aanvrager</BG:geslachtsnaam>'))}${rol('heeftAlsBelanghebbende', persoon(BSN_GEDEELD))}${rol('heeftAlsUitvoerende', medewerker('MDW-A'))}${andereZaak(B)}`);
  await zaak(H, rol('heeftAlsInitiator', medewerker('MDW-H')));
  await zaak(C, rol('heeftAlsInitiator', medewerker('MDW-C')));
  await zaak(D, rol('heeftAlsInitiator', medewerker('MDW-D')));
  await document(DOC_A, [A], INHOUD_A, TITEL_A);
  await document(DOC_GEDEELD, [A, B], INHOUD_GEDEELD);
  goed(await gw.stuur(inEnvelope(voegBesluitToe({ id: `0599BVNTA${P}`, zaak: A, documenten: besluitdocument(DOC_A) })), { actie: `${ZDS12}voegBesluitToe_Di01`, pad: '/OntvangAsynchroon' }));
  // Reads, protocolled with the persons' BSNs.
  for (const id of [A, B]) expect(tekst(await details(id), 'identificatie')).toBe(id);

  // What messages do not reach in a test: a second version of A's document, a held end status, a mirrored partner
  // zaak with its agreed term, a handover with its message, an idempotency record whose answer names A.
  await store.transactie(async (tx) => {
    const zaakA = (await tx.zaken.vind(A))!;
    const doc = (await tx.sql.een<{ id: number }>('SELECT id FROM document WHERE identificatie = ?', [DOC_A]))!;
    const inhoud = await tx.sql.een<{ id: number }>("INSERT INTO inhoud (bestandsnaam, content_type, grootte, sha256) VALUES ('brief-v2.txt', 'text/plain', ?, 'x') RETURNING id", [INHOUD_A2.length]);
    await tx.sql.voer('INSERT INTO inhoud_blok (inhoud_id, volgnummer, data) VALUES (?, 0, ?)', [inhoud!.id, Buffer.from(INHOUD_A2)]);
    await tx.sql.voer("INSERT INTO document_versie (document_id, versienummer, data, inhoud_id, soort, zender, tijdstip) VALUES (?, 2, '{}', ?, 'major', 'test', ?)", [doc.id, inhoud!.id, new Date().toISOString()]);
    await tx.sql.voer('UPDATE document SET versienummer = 2, inhoud_id = ? WHERE id = ?', [inhoud!.id, doc.id]);
    await tx.sql.voer("INSERT INTO wachtende_eindstatus (zaak_id, status, ontvangen) VALUES (?, '{}', ?)", [zaakA.id, new Date().toISOString()]);
    await tx.spiegelzaken.voegToe({ identificatie: `ZORG-VNT-${P}`, partner: 'zorg', zaaktype: { code: 'ZORG01' }, deelplanId: zaakA.id, gekoppeldDoor: 'regie' });
    await tx.partnertermijnen.legVast({
      partnerzaak: `ZORG-VNT-${P}`, gekoppeld: new Date().toISOString(), partner: 'zorg', zaaktype: 'ZORG01', deelplan: A, termijnDagen: 14,
      verstreken: new Date().toISOString(), uitkomst: 'overschreden', ontbrak: { statussen: ['2'], documenten: [] }, vastgesteld: new Date().toISOString(),
    });
    const overdracht = await tx.overdrachten.voegToe({ zaak: A, zaaktypeCode: 'VNT01', aanvragerBestemming: 'abonnee', aanvrager: { organisatie: '0599', applicatie: 'REGIE' }, backoffice: 'abonnee', referentienummer: `OVZ-${P}`, dialect: 'rzs' });
    await tx.uitgaand.voegToe({ soort: 'overdragenZaak_Di01', bestemming: 'abonnee', volgorde: A, referentienummer: `OVZ-U-${P}`, soapActie: 'a', bericht: `<x>${A}</x>`, overdrachtId: overdracht }, Date.now() + 3_600_000);
    await tx.sql.voer(
      "INSERT INTO verwerkt_bericht (zender_organisatie, zender_applicatie, referentienummer, operatie, hash, antwoord, http_status, tijdstip) VALUES ('0599', 'TEST', ?, 'genereerZaakIdentificatie', 'h', ?, 200, ?)",
      [`VNT-${P}`, `<ZKN:zaak><ZKN:identificatie>${A}</ZKN:identificatie></ZKN:zaak>`, new Date().toISOString()],
    );
  });
  // Every notification tried once (the subscriber is not there; the next try is an hour away), the journal written.
  // (Per zaak one message at a time: the first of each zaak is tried, the others wait behind it.)
  for (let i = 0; i < 200; i++) {
    const wacht = await store.sql.een<{ n: number }>(
      "SELECT COUNT(*) AS n FROM uitgaand u WHERE u.soort = 'notificeerOverZaak' AND NOT EXISTS (SELECT 1 FROM uitgaand v WHERE v.volgorde = u.volgorde AND v.pogingen > 0)",
    );
    if (Number(wacht!.n) === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await gw.app.journaal!.leeg();
});
afterAll(() => gw.sluit());

describe('legal hold, the list and its execution', () => {
  let lijstId: number;
  let uitgaandVoor: number;

  it('before: A is in the tables the search must then find empty of it', async () => {
    const tabellen = await alleTabellen();
    const waar = (w: string) => [...new Set(vindplaatsen(tabellen, w).map((v) => v.tabel))];
    expect(waar(A)).toEqual(expect.arrayContaining(['zaak', 'zaakrelatie', 'journaal', 'journaal_zaak', 'journaal_inhoud', 'uitgaand', 'verwerkt_bericht', 'overdracht', 'partnertermijn', 'protocol_zaak']));
    expect(waar(BSN_A)).toEqual(expect.arrayContaining(['betrokkene', 'journaal_inhoud', 'protocol_bsn']));
    expect(waar(INHOUD_A)).toEqual(['inhoud_blok']);
    expect(waar(TITEL_A)).toEqual(expect.arrayContaining(['document', 'document_versie']));
    expect(waar(`ZORG-VNT-${P}`)).toEqual(expect.arrayContaining(['spiegelzaak', 'partnertermijn']));
  });

  it('a hold needs a reason and who; a held zaak is named beside the list, not on it', async () => {
    await expect(opdracht(['blokkeer', H, '--door', 'archivaris'])).rejects.toThrow(/geef --reden TEKST/);
    await expect(opdracht(['blokkeer', H, '--reden', 'Bezwaarprocedure loopt'])).rejects.toThrow(/geef --door WIE/);
    await expect(opdracht(['blokkeer', '0599BESTAATNIET', '--reden', 'x', '--door', 'archivaris'])).rejects.toThrow(OpdrachtFout);
    expect(await opdracht(['blokkeer', H, '--reden', 'Bezwaarprocedure loopt', '--door', 'archivaris'])).toEqual({ code: 0, uit: expect.stringContaining(`zaak ${H} geblokkeerd door archivaris`) });
    await expect(opdracht(['blokkeer', H, '--reden', 'nogmaals', '--door', 'archivaris'])).rejects.toThrow(/is al geblokkeerd/);
    const b = await opdracht(['blokkades', '--json']);
    expect(JSON.parse(b.uit)).toEqual([expect.objectContaining({ zaak: H, reden: 'Bezwaarprocedure loopt', geplaatstDoor: 'archivaris' })]);

    const l = await opdracht(['vernietig', '--lijst', '--door', 'archivaris', '--json']);
    expect(l.code).toBe(0);
    const lijst = JSON.parse(l.uit) as { id: number; zaken: { zaak: string; zaaktype: string; archiefactiedatum: string; resultaat: string }[]; geblokkeerd: string[] };
    lijstId = lijst.id;
    expect(lijst.zaken.map((z) => z.zaak).sort()).toEqual([A, C, D].sort());
    expect(lijst.zaken.find((z) => z.zaak === A)).toEqual(expect.objectContaining({ zaaktype: 'VNT01', archiefactiedatum: '20210301', resultaat: 'Afgehandeld' }));
    expect(lijst.geblokkeerd).toEqual([H]);
    // The list as text: identificaties, codes and dates; no person.
    const toon = await opdracht(['vernietig', '--toon', String(lijstId)]);
    expect(toon.uit).toContain(`vernietigingslijst ${lijstId}: opgesteld`);
    expect(toon.uit).toContain(A);
    expect(toon.uit).not.toContain(BSN_A);
  });

  it('carries out exactly the list: A destroyed, C changed and D held since are skipped; nobody is notified', async () => {
    // After the list: C changes, D is held.
    goed(await stuur('updateZaak', wijzig('zds12', 'updateZaak', C, '<ZKN:toelichting xsi:nil="true" StUF:noValue="geenWaarde"/>', '<ZKN:toelichting>Nog een stuk ontvangen</ZKN:toelichting>')));
    expect((await opdracht(['blokkeer', D, '--reden', 'WOO-verzoek', '--door', 'archivaris'])).code).toBe(0);
    uitgaandVoor = Number((await store.sql.een<{ n: number }>('SELECT COALESCE(MAX(id), 0) AS n FROM uitgaand'))!.n);
    await expect(opdracht(['vernietig', '--uitvoeren', String(lijstId)])).rejects.toThrow(/geef --door WIE/);
    await expect(opdracht(['vernietig', '--uitvoeren', '999999', '--door', 'teamleider'])).rejects.toThrow(/vernietigingslijst 999999 bestaat niet/);

    const r = await opdracht(['vernietig', '--uitvoeren', String(lijstId), '--door', 'teamleider', '--json']);
    expect(r.code).toBe(0);
    const u = JSON.parse(r.uit) as { uitkomsten: { zaak: string; uitkomst: string; verwijderd?: Record<string, number> }[] };
    expect(Object.fromEntries(u.uitkomsten.map((x) => [x.zaak, x.uitkomst]))).toEqual({ [A]: 'vernietigd', [C]: 'gewijzigd', [D]: 'geblokkeerd' });
    // Its own document went, the shared one stayed; its besluit; its own person and medewerker (the shared person stays).
    expect(u.uitkomsten.find((x) => x.zaak === A)?.verwijderd).toEqual(expect.objectContaining({ documenten: 1, gedeeldeDocumenten: 1, besluiten: 1, personen: 2 }));
    // No notification of the destruction: no outbox message since, and A's waiting ones are gone.
    expect(Number((await store.sql.een<{ n: number }>('SELECT COUNT(*) AS n FROM uitgaand WHERE id > ?', [uitgaandVoor]))!.n)).toBe(0);
    // A second run destroys nothing more.
    const nogmaals = JSON.parse((await opdracht(['vernietig', '--uitvoeren', String(lijstId), '--door', 'teamleider', '--json'])).uit) as typeof u;
    expect(nogmaals.uitkomsten.find((x) => x.zaak === A)?.uitkomst).toBe('al vernietigd');
  });

  it('nothing of A is left in any table, but the record, the list, the other zaak\'s identificatie and the protocol', async () => {
    const tabellen = await alleTabellen();
    // The schema's own tables are all searched (a table added later is too).
    for (const t of ['zaak', 'betrokkene', 'rol', 'status', 'document', 'document_versie', 'inhoud', 'inhoud_blok', 'zaakdocument', 'besluit', 'besluitdocument', 'zaakrelatie', 'journaal', 'journaal_inhoud', 'verwerkt_bericht', 'uitgaand', 'overdracht', 'spiegelzaak', 'partnertermijn', 'wachtende_eindstatus', 'protocol_zaak', 'vernietiging']) {
      expect(tabellen.has(t)).toBe(true);
    }
    const toegestaan = (v: { tabel: string; rij: Record<string, string> }) =>
      v.tabel === 'vernietiging' || v.tabel === 'vernietigingslijst_zaak' || v.tabel === 'protocol_zaak' ||
      (v.tabel === 'zaakrelatie' && v.rij.andere_identificatie === A && v.rij.gerelateerde === '[]');
    expect(vindplaatsen(tabellen, A).filter((v) => !toegestaan(v))).toEqual([]);
    // B keeps its relation to A, as identificatie only.
    expect(vindplaatsen(tabellen, A).filter((v) => v.tabel === 'zaakrelatie')).toHaveLength(1);
    // A's own person: only in the protocol (who saw it, kept for protocol.bewaartermijnDagen).
    expect(vindplaatsen(tabellen, BSN_A).map((v) => v.tabel)).toEqual(expect.arrayContaining(['protocol_bsn']));
    expect(vindplaatsen(tabellen, BSN_A).filter((v) => v.tabel !== 'protocol_bsn')).toEqual([]);
    expect(vindplaatsen(tabellen, 'Aanvrager')).toEqual([]);
    for (const w of [INHOUD_A, INHOUD_A2, TITEL_A, DOC_A, `0599BVNTA${P}`, `ZORG-VNT-${P}`, `OVZ-${P}`]) expect(vindplaatsen(tabellen, w).map((v) => v.tabel)).toEqual([]);
    // What B still uses stays: the shared person, the shared document with its content, B itself.
    expect(vindplaatsen(tabellen, BSN_GEDEELD).map((v) => v.tabel)).toContain('betrokkene');
    expect(vindplaatsen(tabellen, INHOUD_GEDEELD).map((v) => v.tabel)).toEqual(['inhoud_blok']);
    expect(tabellen.get('zaakdocument')!.length).toBe(1);
    expect(tekst(await details(B), 'identificatie')).toBe(B);
    expect(await details(A)).toBeUndefined();
  });

  it('the held zaak, and those skipped, are untouched', async () => {
    for (const id of [H, C, D]) expect(tekst(await details(id), 'archiefnominatie')).toBe('N');
    expect(JSON.parse((await opdracht(['blokkades', '--json'])).uit).map((b: { zaak: string }) => b.zaak).sort()).toEqual([D, H].sort());
    expect((await opdracht(['deblokkeer', H, '--door', 'archivaris'])).code).toBe(0);
    await expect(opdracht(['deblokkeer', H, '--door', 'archivaris'])).rejects.toThrow(/heeft geen bewaarblokkade/);
    const geschiedenis = JSON.parse((await opdracht(['blokkades', '--alle', '--json'])).uit) as { zaak: string; opgehevenDoor?: string }[];
    expect(geschiedenis.find((b) => b.zaak === H)?.opgehevenDoor).toBe('archivaris');
  });

  it('the record: listed and exported as CSV and JSON, without personal data; an existing file is not overwritten', async () => {
    const r = JSON.parse((await opdracht(['vernietigingen', '--json'])).uit) as Record<string, unknown>[];
    expect(r).toEqual([{
      lijst: lijstId, zaak: A, zaaktype: 'VNT01', zaaktypeOmschrijving: 'Parkeervergunning bewoners', resultaat: 'Afgehandeld', startdatum: '20240115',
      einddatum: '20200301', archiefactiedatum: '20210301', vernietigd: expect.any(String), opgesteldDoor: 'archivaris', bevestigdDoor: 'teamleider',
    }]);
    const csv = join(gw.map, 'vernietigingen.csv');
    expect((await opdracht(['vernietigingen', String(lijstId), '--export', csv])).uit).toMatch(/^1 vernietiging\(en\) geschreven/);
    const regels = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(regels[0]).toBe('lijst,zaak,zaaktype,zaaktypeOmschrijving,resultaat,startdatum,einddatum,archiefactiedatum,vernietigd,opgesteldDoor,bevestigdDoor');
    expect(regels[1]).toMatch(new RegExp(`^${lijstId},${A},VNT01,`));
    await expect(opdracht(['vernietigingen', '--export', csv])).rejects.toThrow(/bestaat al/);
    await expect(opdracht(['vernietigingen', '--export', join(gw.map, 'x.txt')])).rejects.toThrow(/eindigt niet op \.csv of \.json/);
    const json = join(gw.map, 'vernietigingen.json');
    await opdracht(['vernietigingen', '--export', json]);
    const tekstJson = readFileSync(json, 'utf8');
    expect(JSON.parse(tekstJson)).toHaveLength(1);
    expect(tekstJson).not.toContain(BSN_A);
  });
});

describe('wrong use and what the commands say', () => {
  it('vernietig takes exactly one of --lijst, --toon and --uitvoeren, and a number as list', async () => {
    for (const args of [['vernietig'], ['vernietig', '--lijst', '--toon', '1'], ['vernietig', '--toon', 'een'], ['vernietig', '--uitvoeren', '0', '--door', 'x'], ['vernietigingen', 'a'], ['blokkeer', '--reden', 'x', '--door', 'y']]) {
      await expect(opdracht(args)).rejects.toThrow(GebruikFout);
    }
    await expect(opdracht(['vernietig', '--toon', '424242'])).rejects.toThrow(/vernietigingslijst 424242 bestaat niet/);
  });

  it('archief.vernietigingNotificeren is off unless set, and a boolean or start-up stops', () => {
    expect(gw.config.archief.vernietigingNotificeren).toBe(false);
    expect(parseConfig({ archief: { vernietigingNotificeren: true } }).archief.vernietigingNotificeren).toBe(true);
    expect(() => parseConfig({ archief: { vernietigingNotificeren: 'ja' } })).toThrow(/archief\.vernietigingNotificeren/);
  });

  it('no output of any command above held a BSN, a name or document content', () => {
    const alles = uitvoer.join('\n');
    expect(alles).toContain(A);
    for (const w of [BSN_A, BSN_GEDEELD, 'Aanvrager', 'Vries', INHOUD_A, INHOUD_GEDEELD]) expect(alles).not.toContain(w);
  });
});

describe('two runs of one list at once', () => {
  // PostgreSQL: two connections, as two instances or operators would have. SQLite: both on the gateway's one
  // connection (its one writer), their zaken's transactions interleaved.
  it('destroy each zaak once, one record each', async () => {
    const E = `0599VNTE${P}`;
    const F = `0599VNTF${P}`;
    await zaak(E, rol('heeftAlsInitiator', persoon('100000009')));
    await zaak(F, rol('heeftAlsInitiator', persoon('100000009')));
    // H was released above: it is due again and goes on this list too.
    const lijst = JSON.parse((await opdracht(['vernietig', '--lijst', '--json'])).uit) as { id: number; zaken: { zaak: string }[] };
    expect(lijst.zaken.map((z) => z.zaak)).toEqual(expect.arrayContaining([E, F, H]));
    const tweede = OP_POSTGRES ? await openStore({ ...gw.config.database, checkpointMs: 0 }) : store;
    try {
      const [x, y] = await Promise.all([voerUit(store, lijst.id, 'eerste', gw.config), voerUit(tweede, lijst.id, 'tweede', gw.config)]);
      for (const id of [E, F, H]) {
        const uitkomsten = [...x.uitkomsten, ...y.uitkomsten].filter((u) => u.zaak === id).map((u) => u.uitkomst).sort();
        expect({ id, uitkomsten }).toEqual({ id, uitkomsten: ['al vernietigd', 'vernietigd'] });
      }
    } finally {
      if (tweede !== store) await tweede.sluit();
    }
    const records = JSON.parse((await opdracht(['vernietigingen', String(lijst.id), '--json'])).uit) as { zaak: string }[];
    expect(records.map((r) => r.zaak).sort()).toEqual(expect.arrayContaining([E, F, H]));
    expect(records).toHaveLength(lijst.zaken.length);
    // The person both used went with the last of them.
    expect(await store.sql.een("SELECT 1 AS n FROM betrokkene WHERE bsn = '100000009'")).toBeUndefined();
  });
});

// Announcing destructions (archief.vernietigingNotificeren): gateways of their own, with receivers that answer and a
// fast outbox; the command writes the outbox on its own connection and the gateway delivers, as in production.
const SNEL = { intervalMs: 50, eersteWachttijdSeconden: 0.1, maxWachttijdSeconden: 0.5, timeoutSeconden: 2 };
const bestemmingVan = (o: TestOntvanger) => ({ naam: o.naam, adres: o.adres, ontvanger: { organisatie: '0599', applicatie: o.applicatie } });
const MET_AANKONDIGING = { ...CONFIG, archief: { ...CONFIG.archief, vernietigingNotificeren: true } };

/** The extraElementen of a notification as [naam, waarde]. */
const extraVan = (o: Ontvangen) => path(o.root, 'object', 'extraElementen')!.children.map((e) => [e.attrs.find((a) => a.local === 'naam')?.value, e.text.trim()]);
const zaakVan = (o: Ontvangen) => tekstVan(o.root, 'object', 'identificatie');

/** On gateway `g`: a list of what is due, the zaken `vasthouden` held after it, the list carried out (--json). */
async function voerLijstUit(g: TestGateway, vasthouden: string[] = []): Promise<Uitvoering> {
  const lijst = JSON.parse((await opdracht(['vernietig', '--lijst', '--door', 'archivaris', '--json'], g)).uit) as { id: number };
  for (const id of vasthouden) expect((await opdracht(['blokkeer', id, '--reden', 'Bezwaarprocedure loopt', '--door', 'archivaris'], g)).code).toBe(0);
  const r = await opdracht(['vernietig', '--uitvoeren', String(lijst.id), '--door', 'teamleider', '--json'], g);
  expect(r.code).toBe(0);
  return JSON.parse(r.uit) as Uitvoering;
}

describe('archief.vernietigingNotificeren: each destroyed zaak announced to its subscribers', () => {
  // abonnee hears of every gebeurtenis of VNT01; nieuw only of its creations, so not of a destruction (Update zaak).
  const abonnee = new TestOntvanger('vnt-abonnee', 'VNTABONNEE');
  const nieuw = new TestOntvanger('vnt-nieuw', 'VNTNIEUW');
  const X = `0599VNTX${P}`;
  const Y = `0599VNTY${P}`;
  const K = `0599VNTK${P}`; // held after the list
  const PERSONEN = { [X]: BSN_A, [Y]: BSN_GEDEELD, [K]: '100000009' };
  let g: TestGateway;
  let lijstId: number;

  beforeAll(async () => {
    await Promise.all([abonnee.start(), nieuw.start()]);
    g = await startGateway({
      ...MET_AANKONDIGING,
      bestemmingen: [abonnee, nieuw].map(bestemmingVan),
      abonnementen: [{ bestemming: abonnee.naam, zaaktypen: ['VNT01'] }, { bestemming: nieuw.naam, zaaktypen: ['VNT01'], gebeurtenissen: ['Creeer zaak'] }],
      bezorging: SNEL,
    });
    for (const [id, bsn] of Object.entries(PERSONEN)) await zaak(id, rol('heeftAlsInitiator', persoon(bsn)), true, g);
    await bezorgd(g);
  });
  afterAll(async () => {
    await g.sluit();
    await Promise.all([abonnee.stop(), nieuw.stop()]);
  });

  it('one notificeerOverZaak per destroyed zaak: Update zaak, extraElement vernietigd, the zaak as it was, no person; none for the held zaak', async () => {
    const dag = vandaag();
    const [vanAbonnee, vanNieuw] = await na(g, [abonnee, nieuw], async () => {
      const u = await voerLijstUit(g, [K]);
      lijstId = u.lijst;
      expect(Object.fromEntries(u.uitkomsten.map((x) => [x.zaak, [x.uitkomst, x.notificaties]]))).toEqual({ [X]: ['vernietigd', 1], [Y]: ['vernietigd', 1], [K]: ['geblokkeerd', undefined] });
    });
    expect(vanNieuw).toEqual([]);
    const gezien = vanAbonnee.map((o) => [zaakVan(o), o.root.local, o.actie.split('/').pop(), extraVan(o)]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(gezien).toEqual([X, Y].map((id) => [id, 'notificeerOverZaak_Di01', 'notificeerOverZaak', [['gebeurtenis', 'Update zaak'], [VERNIETIGD, dag]]]));
    for (const o of vanAbonnee) {
      // Read before its rows went: the zaaktype and the last status of the zaak that is gone now.
      expect(tekstVan(o.root, 'object', 'isVan', 'gerelateerde', 'code')).toBe('VNT01');
      expect(tekstVan(o.root, 'object', 'heeft', 'gerelateerde', 'omschrijving')).toBe('Afgehandeld');
      expect(await g.app.gateway.store.zaken.vind(zaakVan(o)!)).toBeUndefined();
      // Thin: no person, not even the zaak's own.
      for (const bsn of Object.values(PERSONEN)) expect(o.xml).not.toContain(bsn);
      expect(o.xml).not.toContain('Vries');
    }
  });

  it('a second run of the list destroys nothing and announces nothing', async () => {
    // Nothing is due any more (K is held): no new list.
    expect(JSON.parse((await opdracht(['vernietig', '--lijst', '--json'], g)).uit)).toEqual({ peildatum: vandaag(), geblokkeerd: [K] });
    const [vanAbonnee] = await na(g, [abonnee], async () => {
      const r = await opdracht(['vernietig', '--uitvoeren', String(lijstId), '--door', 'teamleider', '--json'], g);
      const u = JSON.parse(r.uit) as Uitvoering;
      expect(u.uitkomsten.filter((x) => x.uitkomst === 'al vernietigd').map((x) => x.zaak).sort()).toEqual([X, Y]);
      expect(u.uitkomsten.some((x) => x.notificaties)).toBe(false);
    });
    expect(vanAbonnee).toEqual([]);
  });
});

describe('archief.vernietigingNotificeren with notificaties.modus extern or uit', () => {
  const beheer = new TestOntvanger('vnt-beheer', 'VNTBEHEER');
  const abonnee = new TestOntvanger('vnt-uit', 'VNTUIT');
  const gateways: TestGateway[] = [];

  beforeAll(async () => {
    await Promise.all([beheer.start(), abonnee.start()]);
  });
  afterAll(async () => {
    for (const g of gateways) await g.sluit();
    await Promise.all([beheer.stop(), abonnee.stop()]);
  });

  it('extern: one initieerNotificeerOverZaak to the abonnementenbeheer, the gateway as zendende applicatie', async () => {
    const g = await startGateway({
      ...MET_AANKONDIGING, bestemmingen: [bestemmingVan(beheer)], abonnementen: [], notificaties: { modus: 'extern', abonnementenbeheer: beheer.naam }, bezorging: SNEL,
    });
    gateways.push(g);
    const Z = `0599VNTZ${P}`;
    await zaak(Z, rol('heeftAlsInitiator', persoon(BSN_A)), true, g);
    await bezorgd(g);
    const lijst = JSON.parse((await opdracht(['vernietig', '--lijst', '--json'], g)).uit) as { id: number };
    let tekstUit = '';
    const [vanBeheer] = await na(g, [beheer], async () => {
      const r = await opdracht(['vernietig', '--uitvoeren', String(lijst.id), '--door', 'teamleider'], g);
      expect(r.code).toBe(0);
      tekstUit = r.uit;
    });
    expect(tekstUit).toContain(`${Z}  vernietigd (`);
    expect(tekstUit).toMatch(/1 vernietigd, 0 overgeslagen, 0 al eerder vernietigd; 1 notificatie\(s\) in de uitgaande berichten/);
    expect(vanBeheer.map((o) => [zaakVan(o), o.root.local, extraVan(o)])).toEqual([
      [Z, 'initieerNotificeerOverZaak_Di01', [['gebeurtenis', 'Update zaak'], ['zendendeApplicatie', g.config.stuf.zender.applicatie], [VERNIETIGD, vandaag()]]],
    ]);
    expect(vanBeheer[0].xml).not.toContain(BSN_A);
  });

  it('uit: nothing, though the option is on', async () => {
    const g = await startGateway({
      ...MET_AANKONDIGING, bestemmingen: [bestemmingVan(abonnee)], abonnementen: [{ bestemming: abonnee.naam }], notificaties: { modus: 'uit' }, bezorging: SNEL,
    });
    gateways.push(g);
    const U = `0599VNTU${P}`;
    await zaak(U, rol('heeftAlsInitiator', medewerker('MDW-U')), true, g);
    const [vanAbonnee] = await na(g, [abonnee], async () => {
      const u = await voerLijstUit(g);
      expect(u.uitkomsten).toEqual([{ zaak: U, uitkomst: 'vernietigd', verwijderd: expect.any(Object) }]);
    });
    expect(vanAbonnee).toEqual([]);
    expect(Number((await g.app.gateway.store.sql.een<{ n: number }>('SELECT COUNT(*) AS n FROM uitgaand'))!.n)).toBe(0);
  });
});
