// The warm handover (issue 18, item 4; seed 000): `node dist/main.js regie overdragen` as a real process against the
// database of a secured gateway, whose regiesysteem created the plans and is subscribed to every change. Each open
// plan of the old regisseur moves by a normal updateZaak: geefZaakdetails shows the new initiator, the regiesysteem
// receives one Update zaak notification per plan (validated by the conformance teardown, with the kennisgeving the
// command made, taken from the journal), the protocol names the operator with role beheer. A closed plan, another
// regisseur's plan and an ordinary zaak stay as they were; --proef and a second run change nothing; wrong use exits 2.
// A plan whose regisseur changed after the selection is skipped inside its transaction; on PostgreSQL a plan another
// writer changes while the command moves it is moved once, by the store's run again, and one it gives to a third
// regisseur meanwhile is skipped (exit 1).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestGateway, startGateway } from '../support/gateway';
import { Ontvangen, TestOntvanger, bezorgd, gebeurtenisVan, na, tekstVan } from '../support/ontvanger';
import { databaseOmgeving, draaiOpdracht } from '../support/proces';
import { BERICHTEN_MAP } from '../support/paden';
import { OP_POSTGRES } from '../support/postgresRun';
import { inEnvelope } from '../support/soap';
import { actie, creeerZaak, geefZaakdetails, medewerker, rol, wijzig } from '../support/dialecten';
import { aanmelding, als, beveiligd, gezinsplan, levensdomeinplan, regisseur } from '../support/planBerichten';
import { goed, objectUit, sleutels, tekst } from '../support/antwoorden';
import { PlanOverdrager } from '../../src/regie/planOverdragen';

const SNEL = { intervalMs: 50, eersteWachttijdSeconden: 0.1, maxWachttijdSeconden: 0.5, timeoutSeconden: 2 };

// BSNs that pass the elfproef: the secured gateway's log check and the output checks would see them.
const BSN1 = '111222308';
const BSN2 = '111222321';
const A = { id: 'MDW-0001', naam: 'Bakker' };
const B = { id: 'MDW-0002', naam: 'Visser' };
const C = { id: 'MDW-0003', naam: 'Smit' };

const GZP1 = '0599ROGZP01';
const LDP1 = '0599ROLDP01';
const GESLOTEN = '0599ROGZP02';
const VAN_B = '0599ROGZP03';
const GEWOON = '0599ROWMO01';
const LATER = '0599ROGZP04';
const BEZET = '0599ROGZP05';
const OVERGENOMEN = '0599ROGZP06';

const NIL_EINDDATUM = '<ZKN:einddatum xsi:nil="true" StUF:noValue="geenWaarde"/>';

describe('regie overdragen', () => {
  const regie = new TestOntvanger('regiesysteem', 'REGIESYSTEEM');
  let gw: TestGateway;
  let map: string;
  let env: Record<string, string>;

  const stuur = (xml: string, dienst: 'creeerZaak' | 'updateZaak') => gw.stuur(inEnvelope(xml), { actie: actie('zds11', dienst), headers: aanmelding('regie') });
  const details = async (id: string) =>
    objectUit(await gw.stuur(inEnvelope(geefZaakdetails('zds11', id, undefined, als('regie'))), { actie: actie('zds11', 'geefZaakdetails'), pad: '/BeantwoordVraag', headers: aanmelding('regie') }));
  /** The current initiator: [identificatie, achternaam]. */
  const initiator = async (id: string) => {
    const o = await details(id);
    const [rel, ...meer] = (o?.children ?? []).filter((c) => c.local === 'heeftAlsInitiator');
    expect(meer).toEqual([]);
    return [sleutels(o, 'heeftAlsInitiator')[0], tekst(rel, 'gerelateerde', 'medewerker', 'achternaam')];
  };
  const uitgaand = async () => (await gw.app.gateway.store.uitgaand.lijst({})).length;
  const beheerRegels = async (zaak: string) => (await gw.app.gateway.store.protocol.zoek({ zaak })).filter((r) => r.rol === 'beheer');

  /** The command line as its own process, on the gateway's configuration and database. */
  const draai = (...argv: string[]) => draaiOpdracht(env, ...argv);
  const overdragen = (...extra: string[]) => draai('regie', 'overdragen', '--van', A.id, '--naar', B.id, '--achternaam', B.naam, '--door', 'beheerder-7', ...extra);

  beforeAll(async () => {
    await regie.start();
    const instellingen = {
      ...beveiligd(),
      bestemmingen: [{ naam: regie.naam, adres: regie.adres, ontvanger: { organisatie: '0599', applicatie: regie.applicatie } }],
      abonnementen: [{ bestemming: regie.naam }],
      bezorging: SNEL,
    };
    gw = await startGateway(instellingen);
    map = mkdtempSync(join(tmpdir(), 'zdsgw-regie-'));
    const configPad = join(map, 'gateway.json');
    // The gateway's own settings; its database through the environment, on either backend.
    writeFileSync(configPad, JSON.stringify({ ...instellingen, server: { tlsBijProxy: true } }));
    env = { GATEWAY_CONFIG: configPad, ...databaseOmgeving(gw.config.database) };

    const team = (...leden: { id: string; naam: string }[]) => leden.map((m) => rol('heeftAlsUitvoerende', medewerker(m.id, m.naam))).join('');
    goed(await stuur(gezinsplan('zds11', { id: GZP1, clients: [BSN1], initiator: regisseur(A.id, A.naam) + team(C), sturing: als('regie') }), 'creeerZaak'));
    // The old regisseur is also in this plan's team: that role stays (README: only the initiator moves).
    goed(await stuur(levensdomeinplan('zds11', { id: LDP1, clients: [BSN1], gezinsplan: GZP1, initiator: regisseur(A.id, A.naam) + team(A), sturing: als('regie') }), 'creeerZaak'));
    goed(await stuur(gezinsplan('zds11', { id: GESLOTEN, clients: [BSN2], initiator: regisseur(A.id, A.naam), sturing: als('regie') }), 'creeerZaak'));
    goed(await stuur(wijzig('zds11', 'updateZaak', GESLOTEN, NIL_EINDDATUM, '<ZKN:einddatum>20240301</ZKN:einddatum>', { sturing: als('regie') }), 'updateZaak'));
    goed(await stuur(gezinsplan('zds11', { id: VAN_B, clients: [BSN2], initiator: regisseur(B.id, B.naam), sturing: als('regie') }), 'creeerZaak'));
    goed(await stuur(creeerZaak('zds11', { id: GEWOON, zaaktype: 'WMO01', relaties: rol('heeftAlsInitiator', medewerker(A.id, A.naam)), sturing: als('regie') }), 'creeerZaak'));
    await bezorgd(gw);
  });
  afterAll(async () => {
    await gw.sluit();
    await regie.stop();
    rmSync(map, { recursive: true, force: true });
  });

  it('--proef lists the open plans of the regisseur and changes nothing', async () => {
    const voor = await uitgaand();
    const r = await overdragen('--proef');
    expect(r).toEqual({
      status: 0,
      stderr: '',
      stdout: `${GZP1}  GZP  zou overgaan naar ${B.id}\n${LDP1}  LDP  zou overgaan naar ${B.id}\n` +
        `proef: 2 open plannen van ${A.id} zouden overgaan naar ${B.id}; niets gewijzigd\n`,
    });
    expect(await initiator(GZP1)).toEqual([A.id, A.naam]);
    expect(await initiator(LDP1)).toEqual([A.id, A.naam]);
    expect(await uitgaand()).toBe(voor);
    expect(await beheerRegels(GZP1)).toEqual([]);
  });

  it('moves each open plan by one updateZaak: new initiator, one Update zaak notification per plan, a protocol row naming the operator', async () => {
    let r!: Awaited<ReturnType<typeof overdragen>>;
    const [ontvangen] = await na(gw, [regie], async () => {
      r = await overdragen('--reden', 'warme overdracht wijkteam Noord');
    });
    expect(r).toEqual({
      status: 0,
      stderr: '',
      stdout: `${GZP1}  GZP  overgedragen aan ${B.id}\n${LDP1}  LDP  overgedragen aan ${B.id}; ${A.id} blijft uitvoerende\n` +
        `2 plannen overgedragen van ${A.id} aan ${B.id}; de notificaties bezorgt de draaiende gateway bij zijn volgende ronde\n`,
    });
    for (const bsn of [BSN1, BSN2]) expect(r.stdout).not.toContain(bsn);

    expect(await initiator(GZP1)).toEqual([B.id, B.naam]);
    expect(await initiator(LDP1)).toEqual([B.id, B.naam]);
    // The team is unchanged: C stays in the gezinsplan, A in the levensdomeinplan.
    expect(sleutels(await details(GZP1), 'heeftAlsUitvoerende')).toEqual([C.id]);
    expect(sleutels(await details(LDP1), 'heeftAlsUitvoerende')).toEqual([A.id]);
    expect(await initiator(GESLOTEN)).toEqual([A.id, A.naam]);
    expect(await initiator(VAN_B)).toEqual([B.id, B.naam]);
    expect(await initiator(GEWOON)).toEqual([A.id, A.naam]);

    const overzicht = (os: Ontvangen[]) => os.map((o) => [tekstVan(o.root, 'object', 'identificatie'), gebeurtenisVan(o), o.root.local]).sort();
    expect(overzicht(ontvangen)).toEqual([[GZP1, 'Update zaak', 'notificeerOverZaak_Di01'], [LDP1, 'Update zaak', 'notificeerOverZaak_Di01']]);
    for (const o of ontvangen) expect(o.stuurgegevens.zender).toMatchObject({ organisatie: '0599', applicatie: 'ZDSGW' });

    for (const plan of [GZP1, LDP1]) {
      const [regel, ...meer] = await beheerRegels(plan);
      expect(meer).toEqual([]);
      expect(regel).toMatchObject({
        soort: 'schrijven', applicatie: 'ZDSGW', organisatie: '0599', gebruiker: 'beheerder-7', rol: 'beheer', via: 'opdrachtregel',
        operatie: 'regie overdragen', doelbinding: 'warme overdracht wijkteam Noord', zaken: [plan], bsns: [],
      });
      // The journal holds the kennisgeving as the verwerker received it, under the protocol row's referentienummer;
      // both texts go to the conformance folder.
      const [j, ...andere] = await gw.app.gateway.store.journaal.zoek({ operatie: 'updateZaak', zaak: plan, zender: '0599/ZDSGW' });
      expect(andere).toEqual([]);
      expect(j).toMatchObject({ richting: 'in', uitkomst: 'Bv03', referentienummer: regel.referentienummer, dialect: 'zds11' });
      const inhoud = (await gw.app.gateway.store.journaal.toon(j.id!))!.inhoud!;
      expect(inhoud.verzoek).toContain('<StUF:gebruiker>beheerder-7</StUF:gebruiker>');
      mkdirSync(BERICHTEN_MAP, { recursive: true });
      writeFileSync(join(BERICHTEN_MAP, `regisseurOverdragen-kennisgeving-${plan}-${process.pid}.xml`), inhoud.verzoek!);
      writeFileSync(join(BERICHTEN_MAP, `regisseurOverdragen-antwoord-${plan}-${process.pid}.xml`), inhoud.antwoord!);
    }
    for (const zaak of [GESLOTEN, VAN_B, GEWOON]) expect(await beheerRegels(zaak)).toEqual([]);
  });

  it('a second run finds nothing to move and changes nothing', async () => {
    const voor = await uitgaand();
    const [ontvangen] = await na(gw, [regie], async () => {
      expect(await overdragen()).toEqual({ status: 0, stderr: '', stdout: `0 plannen overgedragen van ${A.id} aan ${B.id}\n` });
    });
    expect(ontvangen).toEqual([]);
    expect(await uitgaand()).toBe(voor);
    expect((await beheerRegels(GZP1)).length).toBe(1);
  });

  it('a plan whose regisseur changed after the selection is skipped in its transaction; one already moved is not touched', async () => {
    goed(await stuur(gezinsplan('zds11', { id: LATER, clients: [BSN2], initiator: regisseur(A.id, A.naam), sturing: als('regie') }), 'creeerZaak'));
    // Selected (as the command would), then the regiesysteem gives the plan to C before the handover reaches it.
    const vervang = (id: string, naam: string, vs: string) => rol('heeftAlsInitiator', medewerker(id, naam), vs);
    goed(await stuur(wijzig('zds11', 'updateZaak', LATER, vervang(A.id, A.naam, 'R'), vervang(C.id, C.naam, 'R'), { vs: 'I', sturing: als('regie') }), 'updateZaak'));
    await bezorgd(gw);
    const voor = await uitgaand();
    const overdrager = new PlanOverdrager(gw.app.gateway);
    const opdracht = { van: A.id, naar: B.id, achternaam: B.naam, door: 'beheerder-7' };
    expect(await overdrager.draag(LATER, opdracht)).toEqual({ soort: 'overgeslagen', reden: `de regisseur is intussen gewijzigd (nu medewerker ${C.id}, niet ${A.id})` });
    expect(await overdrager.draag(GZP1, opdracht)).toEqual({ soort: 'al' });
    expect(await initiator(LATER)).toEqual([C.id, C.naam]);
    expect(await uitgaand()).toBe(voor);
    expect(await beheerRegels(LATER)).toEqual([]);
  });

  // Only PostgreSQL lets two writers in at once (REPEATABLE READ); on SQLite the plan's transaction (BEGIN IMMEDIATE)
  // waits for the write lock, so it never sees a concurrent change.
  (OP_POSTGRES ? it : it.skip)('plans another writer changes meanwhile: the transaction runs again; a plan that got another regisseur is skipped (exit 1)', async () => {
    for (const id of [BEZET, OVERGENOMEN]) {
      goed(await stuur(gezinsplan('zds11', { id, clients: [BSN1], initiator: regisseur(A.id, A.naam), sturing: als('regie') }), 'creeerZaak'));
    }
    await bezorgd(gw);
    const store = gw.app.gateway.store;
    // Another writer, not yet committed: it touches the first plan and gives the second to C; it holds both rows until
    // the command waits for the first.
    let vrijgeven!: () => void;
    let bezetGezet!: () => void;
    const gezet = new Promise<void>((r) => (bezetGezet = r));
    const bezet = store.transactie(async (tx) => {
      await tx.zaken.bewaar((await tx.zaken.vind(BEZET))!);
      const zaak = (await tx.zaken.vind(OVERGENOMEN))!;
      const oud = (await tx.betrokkenen.rollen(zaak.id)).find((x) => x.rolsoort === 'heeftAlsInitiator' && !x.einddatum)!;
      await tx.betrokkenen.beeindigRol(oud.id!, '20240301');
      await tx.betrokkenen.voegRolToe(zaak.id, 'heeftAlsInitiator', (await tx.betrokkenen.vind('MDW', C.id))!, []);
      await tx.zaken.bewaar(zaak);
      bezetGezet();
      await new Promise<void>((r) => (vrijgeven = r));
    });
    await gezet;
    let r!: Awaited<ReturnType<typeof overdragen>>;
    const [ontvangen] = await na(gw, [regie], async () => {
      const opdracht = overdragen();
      const eind = Date.now() + 15000;
      while ((await store.sql.alle("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")).length === 0) {
        if (Date.now() > eind) throw new Error('de opdracht wachtte niet op het plan');
        await new Promise((w) => setTimeout(w, 20));
      }
      vrijgeven();
      await bezet;
      r = await opdracht;
    });
    expect(r).toEqual({
      status: 1,
      stderr: '',
      stdout: `${BEZET}  GZP  overgedragen aan ${B.id} (na 2 pogingen: het plan werd intussen gewijzigd)\n` +
        `${OVERGENOMEN}  GZP  overgeslagen: de regisseur is intussen gewijzigd (nu medewerker ${C.id}, niet ${A.id})\n` +
        `1 plan overgedragen van ${A.id} aan ${B.id}, 1 overgeslagen, 0 geweigerd, 0 mislukt; de notificaties bezorgt de draaiende gateway bij zijn volgende ronde\n`,
    });
    expect(await initiator(BEZET)).toEqual([B.id, B.naam]);
    expect(await initiator(OVERGENOMEN)).toEqual([C.id, C.naam]);
    expect(ontvangen.map((o) => [tekstVan(o.root, 'object', 'identificatie'), gebeurtenisVan(o)])).toEqual([[BEZET, 'Update zaak']]);
    expect((await beheerRegels(BEZET)).length).toBe(1);
    expect(await beheerRegels(OVERGENOMEN)).toEqual([]);
    // The journal records the attempt that committed, not the one that was run again.
    expect((await store.journaal.zoek({ operatie: 'updateZaak', zaak: BEZET, zender: '0599/ZDSGW' })).map((j) => j.uitkomst)).toEqual(['Bv03']);
  });

  it('wrong use exits 2 with the reason and the usage on stderr, before anything is read', async () => {
    const gevallen: [string[], RegExp][] = [
      [['regie'], /^regie: geef een subopdracht \(overdragen\)\ngebruik: regie overdragen/],
      [['regie', 'overdragen', '--van', A.id, '--naar', B.id, '--achternaam', B.naam], /^regie overdragen: geef --door\ngebruik: regie overdragen/],
      [['regie', 'overdragen', '--van', A.id, '--naar', A.id, '--achternaam', A.naam, '--door', 'x'], /^regie overdragen: --van en --naar zijn dezelfde medewerker\n/],
      [['regie', 'overdragen', '--van', 'M'.repeat(25), '--naar', B.id, '--achternaam', B.naam, '--door', 'x'], /^regie overdragen: --van is langer dan 24 tekens\n/],
      [['regie', 'overdragen', '--van', A.id, '--naar', B.id, '--achternaam', B.naam, '--door', 'x', '--proef', 'ja'], /^regie overdragen: Unexpected argument 'ja'/],
      [['regie', 'overdragen', '--van', A.id, '--van', C.id], /^regie overdragen: --van mag maar één keer voorkomen/],
    ];
    for (const [args, melding] of gevallen) {
      const r = await draai(...args);
      expect({ args, status: r.status, stdout: r.stdout }).toEqual({ args, status: 2, stdout: '' });
      expect(r.stderr).toMatch(melding);
    }
    expect(await initiator(GESLOTEN)).toEqual([A.id, A.naam]);
  });
});
