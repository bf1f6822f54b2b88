// The operator commands for the outbox, the subscriptions and the handovers (issue 5): real rows made by a gateway
// delivering to real SOAP receivers; dead letters after the configured attempts (Fo03 server) or at once (Fo03
// client), revived or given up from the command line; a zaak's order per destination; and the real process:
// `node dist/main.js uitgaand|abonnementen` against the database of a running gateway process.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../src/config';
import type { Uitgaand } from '../../src/store/uitgaand';
import { OpdrachtFout } from '../../src/opdracht/argumenten';
import { BerichtRegel, BestemmingOverzicht, uitgaandOpdracht } from '../../src/uitgaand/opdracht';
import { abonnementenOpdracht } from '../../src/uitgaand/abonnementOpdracht';
import { OverdrachtRegel, overdrachtenOpdracht } from '../../src/overdracht/overdrachtOpdracht';
import type { Abonnement } from '../../src/store/abonnementen';
import { TestDatabase, TestGateway, startGateway, testDatabase } from '../support/gateway';
import { TestOntvanger, gebeurtenisVan, tekstVan } from '../support/ontvanger';
import { GatewayProces, draaiOpdracht, startGatewayProces } from '../support/proces';
import { BERICHTEN_MAP } from '../support/paden';
import { ZDS12, inEnvelope } from '../support/soap';
import * as m from '../support/zdsBerichten';

const SNEL = { maxPogingen: 2, intervalMs: 50, eersteWachttijdSeconden: 0.1, maxWachttijdSeconden: 0.5, timeoutSeconden: 2 };

const bestemming = (o: TestOntvanger) => ({ naam: o.naam, adres: o.adres, ontvanger: { organisatie: '0599', applicatie: o.applicatie } });

type Opdracht = (config: Config, argv: string[], schrijf: (s: string) => void) => Promise<number>;

/** A command as a function: its exit code and what it wrote. */
async function voerUit(f: Opdracht, config: Config, argv: string[]): Promise<{ code: number; uit: string }> {
  const uit: string[] = [];
  const code = await f(config, argv, (t) => uit.push(t));
  return { code, uit: uit.join('') };
}

/** The message of the OpdrachtFout a wrong call throws (main.ts prints it on stderr and exits with its exit code). */
async function fout(f: Opdracht, config: Config, argv: string[]): Promise<string> {
  try {
    await f(config, argv, () => {});
  } catch (e) {
    if (e instanceof OpdrachtFout) return e.message;
    throw e;
  }
  throw new Error(`${argv.join(' ')}: geen fout`);
}

async function wachtTot<T>(wat: string, f: () => T | undefined | false | Promise<T | undefined | false>, ms = 15000): Promise<T> {
  const eind = Date.now() + ms;
  for (;;) {
    const w = await f();
    if (w) return w;
    if (Date.now() > eind) throw new Error(`na ${ms} ms nog niet: ${wat}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const nieuweZaak = (id: string, zaaktype = 'B1026') => inEnvelope(m.creeerZaak({ id, zaaktype }));
const updateZaak = (id: string, omschrijving: string) =>
  inEnvelope(m.wijziging('updateZaak_ZakLk01', id, '<ZKN:omschrijving>Testzaak</ZKN:omschrijving>', `<ZKN:omschrijving>${omschrijving}</ZKN:omschrijving>`));

describe('the commands against a gateway with real outbox rows', () => {
  const abonnee = new TestOntvanger('cli-abonnee', 'ABONNEE');
  const tweede = new TestOntvanger('cli-tweede', 'TWEEDE');
  let gw: TestGateway;

  const uitgaand = (...argv: string[]) => voerUit(uitgaandOpdracht, gw.config, argv);
  const lijst = async (...argv: string[]) => JSON.parse((await uitgaand('lijst', ...argv, '--json')).uit) as BerichtRegel[];
  const overzicht = async () => JSON.parse((await uitgaand('--json')).uit) as BestemmingOverzicht[];
  const rij = async (id: number): Promise<Uitgaand> => (await gw.app.gateway.store.uitgaand.vind(id))!;
  const goed = async (xml: string, actie: string) => {
    const r = await gw.stuur(xml, { actie: ZDS12 + actie });
    expect(r.status).toBe(200);
  };
  /** The outbox row of this zaak's latest message to the subscriber. */
  const laatste = async (zaak: string) => (await gw.app.gateway.store.uitgaand.lijst({ bestemming: abonnee.naam, zaak })).at(-1)!;

  beforeAll(async () => {
    await abonnee.start();
    await tweede.start();
    gw = await startGateway({ bestemmingen: [bestemming(abonnee), bestemming(tweede)], abonnementen: [{ bestemming: abonnee.naam }], bezorging: SNEL });
  });
  afterAll(async () => {
    await gw.sluit();
    await abonnee.stop();
    await tweede.stop();
  });

  it('a subscriber that answers Fo03 (server) ends in the dead letters after the configured attempts, and `uitgaand opnieuw` delivers it', async () => {
    abonnee.gedrag = 'fo03-server';
    const begin = abonnee.ontvangen.length;
    await goed(nieuweZaak('0599CLI0001'), 'creeerZaak_ZakLk01');
    const id = (await laatste('0599CLI0001')).id;
    await wachtTot('dood', async () => (await rij(id)).status === 'dood');
    expect((await rij(id)).pogingen).toBe(2);
    expect(abonnee.ontvangen.length - begin).toBe(2);

    const dood = await lijst('--status', 'dood', '--zaak', '0599CLI0001');
    expect(dood).toEqual([expect.objectContaining({ id, soort: 'notificeerOverZaak', bestemming: abonnee.naam, zaak: '0599CLI0001', gebeurtenis: 'Creeer zaak', status: 'dood', pogingen: 2 })]);
    expect(dood[0].laatsteFout).toMatch(/kan het bericht nu niet opslaan/);
    expect(dood[0]).not.toHaveProperty('bericht');
    const tekst = (await uitgaand('lijst', '--status', 'dood', '--zaak', '0599CLI0001')).uit;
    expect(tekst).toMatch(new RegExp(`^#${id}  notificeerOverZaak  cli-abonnee  zaak 0599CLI0001  Creeer zaak  dood  pogingen 2  volgende poging -  ref GW\\w+  fout: .*niet opslaan`, 'm'));
    expect(tekst).not.toContain('<');
    expect(tekst).toMatch(/^1 bericht\n/m);
    const o = (await overzicht()).find((x) => x.bestemming === abonnee.naam)!;
    expect(o).toMatchObject({ inConfiguratie: true, adres: abonnee.adres });
    expect(o.soorten.notificeerOverZaak.dood).toBe(1);
    expect(o.soorten.overdragenZaak_Di01).toEqual({ wachtend: 0, afgeleverd: 0, dood: 0, verworpen: 0 });

    abonnee.gedrag = 'bv03';
    const r = await uitgaand('opnieuw', String(id));
    expect(r).toEqual({ code: 0, uit: expect.stringMatching(/^1 bericht weer in de wachtrij/) });
    const na = await wachtTot('afgeleverd', async () => {
      const u = await rij(id);
      return u.status === 'afgeleverd' && u;
    });
    expect(na.pogingen).toBe(1); // the count started again at 0
    const ontvangen = abonnee.ontvangen.slice(begin);
    expect(ontvangen).toHaveLength(3);
    // A resend is the same message: the receiver recognises it by its referentienummer.
    expect(new Set(ontvangen.map((x) => x.stuurgegevens.referentienummer)).size).toBe(1);
    expect(ontvangen[2].antwoord).toBe('bv03');
    expect((await overzicht()).find((x) => x.bestemming === abonnee.naam)!.soorten.notificeerOverZaak).toMatchObject({ dood: 0, afgeleverd: 1 });
  });

  it('a subscriber that answers Fo03 (client) ends in the dead letters after one attempt; `toon` shows it with its body', async () => {
    abonnee.gedrag = 'fo03-client';
    const begin = abonnee.ontvangen.length;
    await goed(nieuweZaak('0599CLI0002'), 'creeerZaak_ZakLk01');
    const id = (await laatste('0599CLI0002')).id;
    await wachtTot('dood', async () => (await rij(id)).status === 'dood');
    expect((await rij(id)).pogingen).toBe(1);
    expect(abonnee.ontvangen.length - begin).toBe(1);
    abonnee.gedrag = 'bv03';

    const t = (await uitgaand('toon', String(id))).uit;
    expect(t).toMatch(new RegExp(`^bericht #${id}\\n`));
    expect(t).toMatch(/status: dood\n/);
    expect(t).toMatch(/laatste fout: .*weigert het bericht/);
    expect(t).toContain('notificeerOverZaak_Di01');
    expect(t).toContain('0599CLI0002');
    const j = JSON.parse((await uitgaand('toon', String(id), '--json')).uit) as BerichtRegel & { bericht: string };
    expect(j.bericht).toMatch(/^<\w+:notificeerOverZaak_Di01 /);

    // Revive everything of this destination at once.
    expect((await uitgaand('opnieuw', '--alle', '--bestemming', abonnee.naam)).uit).toMatch(/^1 bericht weer in de wachtrij/);
    await wachtTot('afgeleverd', async () => (await rij(id)).status === 'afgeleverd');
    expect((await uitgaand('opnieuw', '--alle')).uit).toBe('geen dode berichten\n');
  });

  it("a dead message holds back the later ones of its zaak and destination, not other zaken's; verwerp lets them through", async () => {
    abonnee.gedrag = 'fo03-client';
    await goed(nieuweZaak('0599CLI0003'), 'creeerZaak_ZakLk01');
    const eerste = (await laatste('0599CLI0003')).id;
    await wachtTot('dood', async () => (await rij(eerste)).status === 'dood');
    abonnee.gedrag = 'bv03';
    const begin = abonnee.ontvangen.length;

    await goed(updateZaak('0599CLI0003', 'Gewijzigd'), 'updateZaak_ZakLk01');
    const tweedeBericht = (await laatste('0599CLI0003')).id;
    await goed(nieuweZaak('0599CLI0004'), 'creeerZaak_ZakLk01');
    const ander = (await laatste('0599CLI0004')).id;
    await wachtTot('andere zaak afgeleverd', async () => (await rij(ander)).status === 'afgeleverd');
    await new Promise((r) => setTimeout(r, 400)); // eight worker rounds
    expect(await rij(tweedeBericht)).toMatchObject({ status: 'wachtend', pogingen: 0 });
    expect(abonnee.ontvangen.slice(begin).map((o) => tekstVan(o.root, 'object', 'identificatie'))).toEqual(['0599CLI0004']);

    expect(await lijst('--zaak', '0599CLI0003', '--status', 'wachtend')).toEqual([expect.objectContaining({ id: tweedeBericht, gebeurtenis: 'Update zaak', opgehoudenDoor: eerste })]);
    expect((await uitgaand('lijst', '--zaak', '0599CLI0003', '--status', 'wachtend')).uit).toContain(`opgehouden door dood bericht #${eerste}`);
    expect((await overzicht()).find((x) => x.bestemming === abonnee.naam)!.oudsteWachtend).toMatchObject({ id: tweedeBericht, zaak: '0599CLI0003', opgehoudenDoor: eerste });
    expect((await uitgaand()).uit).toMatch(new RegExp(`oudste wachtende: #${tweedeBericht} notificeerOverZaak zaak 0599CLI0003, \\d+ s oud, opgehouden door dood bericht #${eerste}`));

    // A message that is not dead cannot be given up; nothing changes, not even the dead one named beside it.
    expect(await fout(uitgaandOpdracht, gw.config, ['verwerp', String(eerste), String(tweedeBericht)])).toMatch(new RegExp(`bericht ${tweedeBericht} is wachtend, niet dood[^]*niets veranderd`));
    expect((await rij(eerste)).status).toBe('dood');

    expect((await uitgaand('verwerp', String(eerste))).uit).toMatch(/^1 bericht verworpen/);
    await wachtTot('tweede bericht afgeleverd', async () => (await rij(tweedeBericht)).status === 'afgeleverd');
    expect((await rij(eerste)).status).toBe('verworpen');
    const laatsteOntvangen = abonnee.ontvangen.at(-1)!;
    expect(tekstVan(laatsteOntvangen.root, 'object', 'identificatie')).toBe('0599CLI0003');
    expect(gebeurtenisVan(laatsteOntvangen)).toBe('Update zaak');
    expect(await lijst('--status', 'verworpen')).toEqual([expect.objectContaining({ id: eerste })]);
    expect((await overzicht()).find((x) => x.bestemming === abonnee.naam)!.oudsteWachtend).toBeUndefined();
  });

  it('refuses wrong calls with a message: unknown subcommand or option, bad or unknown id, a message that is not dead, unknown destination or value', async () => {
    const afgeleverd = (await lijst('--status', 'afgeleverd'))[0].id;
    const c = gw.config;
    expect(await fout(uitgaandOpdracht, c, ['herstel'])).toMatch(/^uitgaand: onbekende subopdracht 'herstel'\ngebruik: uitgaand/);
    expect(await fout(uitgaandOpdracht, c, ['lijst', '--kleur', 'rood'])).toMatch(/^uitgaand lijst: Unknown option '--kleur'/);
    expect(await fout(uitgaandOpdracht, c, ['lijst', '--status'])).toMatch(/^uitgaand lijst: Option '--status <value>' argument missing\ngebruik: uitgaand/);
    expect(await fout(uitgaandOpdracht, c, ['lijst', '--status', 'dood', '--status', 'wachtend'])).toMatch(/^uitgaand lijst: --status mag maar één keer voorkomen/);
    expect(await fout(uitgaandOpdracht, c, ['lijst', '--status', 'kwijt'])).toBe("--status: 'kwijt' is onbekend; kies uit wachtend, afgeleverd, dood, verworpen");
    expect(await fout(uitgaandOpdracht, c, ['lijst', '--soort', 'notificatie'])).toMatch(/^--soort: 'notificatie' is onbekend; kies uit notificeerOverZaak, /);
    expect(await fout(uitgaandOpdracht, c, ['lijst', '--bestemming', 'nergens'])).toBe("bestemming 'nergens' is onbekend (bekend: cli-abonnee, cli-tweede)");
    expect(await fout(uitgaandOpdracht, c, ['opnieuw', 'abc'])).toMatch(/^'abc' is geen berichtnummer \(een positief geheel getal\)/);
    expect(await fout(uitgaandOpdracht, c, ['opnieuw', '0'])).toMatch(/^'0' is geen berichtnummer/);
    expect(await fout(uitgaandOpdracht, c, ['opnieuw', '999999'])).toBe('bericht 999999 bestaat niet\nniets veranderd');
    expect(await fout(uitgaandOpdracht, c, ['opnieuw', String(afgeleverd)])).toBe(`bericht ${afgeleverd} is afgeleverd, niet dood; alleen dode berichten kunnen opnieuw\nniets veranderd`);
    expect(await fout(uitgaandOpdracht, c, ['opnieuw'])).toMatch(/^uitgaand opnieuw: geef berichtnummers of --alle/);
    expect(await fout(uitgaandOpdracht, c, ['opnieuw', '--alle', '1'])).toMatch(/^uitgaand opnieuw: geef berichtnummers of --alle/);
    expect(await fout(uitgaandOpdracht, c, ['opnieuw', '1', '--bestemming', abonnee.naam])).toMatch(/--bestemming hoort bij --alle/);
    expect(await fout(uitgaandOpdracht, c, ['opnieuw', '--alle', '--bestemming', 'nergens'])).toMatch(/^bestemming 'nergens' is onbekend/);
    expect(await fout(uitgaandOpdracht, c, ['verwerp'])).toMatch(/^uitgaand verwerp: geef de nummers van dode berichten/);
    expect(await fout(uitgaandOpdracht, c, ['toon', '999999'])).toBe('bericht 999999 bestaat niet');
    expect(await fout(uitgaandOpdracht, c, ['toon'])).toMatch(/^uitgaand toon: geef precies één berichtnummer/);
    // A SQLite file that is not there (also in the PostgreSQL run: the refusal is about the file).
    expect(await fout(uitgaandOpdracht, { ...c, database: { ...c.database, url: undefined, path: join(gw.map, 'elders', 'gateway.db') } }, [])).toMatch(/^database '.*elders.gateway\.db' bestaat niet/);
    expect((await voerUit(uitgaandOpdracht, c, ['help'])).uit).toMatch(/een overdracht kan een melding met persoonsgegevens dragen/);
  });

  it('abonnementen: lists both sources, adds with loose spelling stored exactly, removes only its own; the next change reaches the new subscriber', async () => {
    const abonnementen = (...argv: string[]) => voerUit(abonnementenOpdracht, gw.config, argv);
    const alle = async () => JSON.parse((await abonnementen('--json')).uit) as Abonnement[];
    expect(await alle()).toEqual([expect.objectContaining({ bron: 'config', bestemming: abonnee.naam, zaaktypen: ['*'], gebeurtenissen: ['*'] })]);

    const r = await abonnementen('toevoegen', '--bestemming', tweede.naam, '--zaaktype', 'B2000', '--gebeurtenis', 'update  ZAAK', '--gebeurtenis', 'Creëer zaak');
    const id = Number(/^abonnement (\d+) toegevoegd: cli-tweede, zaaktypen B2000, gebeurtenissen Update zaak, Creeer zaak\n/.exec(r.uit)?.[1]);
    expect(r.uit).toContain('vanaf de volgende wijziging');
    expect((await alle()).find((a) => a.id === id)).toMatchObject({ bron: 'opdracht', bestemming: tweede.naam, zaaktypen: ['B2000'], gebeurtenissen: ['Update zaak', 'Creeer zaak'] });
    expect((await abonnementen('lijst')).uit).toMatch(new RegExp(`^#${id}  opdracht  cli-tweede  zaaktypen B2000  gebeurtenissen Update zaak, Creeer zaak$`, 'm'));

    // Counts from the next change, for its zaaktype only.
    const begin = tweede.ontvangen.length;
    await goed(nieuweZaak('0599CLI0005', 'B1026'), 'creeerZaak_ZakLk01');
    await goed(nieuweZaak('0599CLI0006', 'B2000'), 'creeerZaak_ZakLk01');
    const ontvangen = await tweede.wachtOp(begin + 1);
    await wachtTot('abonnee kreeg beide', async () => (await laatste('0599CLI0006')).status === 'afgeleverd');
    expect(ontvangen.slice(begin).map((o) => tekstVan(o.root, 'object', 'identificatie'))).toEqual(['0599CLI0006']);

    const c = gw.config;
    expect(await fout(abonnementenOpdracht, c, ['toevoegen', '--bestemming', 'nergens'])).toBe("bestemming 'nergens' is onbekend (bekend: cli-abonnee, cli-tweede)");
    expect(await fout(abonnementenOpdracht, c, ['toevoegen'])).toMatch(/^abonnementen toevoegen: geef precies één --bestemming/);
    expect(await fout(abonnementenOpdracht, c, ['toevoegen', '--bestemming', tweede.naam, '--gebeurtenis', 'Sluit zaak'])).toMatch(/^--gebeurtenis: 'Sluit zaak' is onbekend; kies uit "Creeer zaak", "Update zaak"/);
    expect(await fout(abonnementenOpdracht, c, ['toevoegen', '--bestemming', tweede.naam, '--zaaktype', 'VEELTELANGECODE'])).toMatch(/is geen zaaktypecode/);
    expect(await fout(abonnementenOpdracht, c, ['opzeggen', '1'])).toMatch(/^abonnementen: onbekende subopdracht 'opzeggen'/);
    const config = (await alle()).find((a) => a.bron === 'config')!.id;
    expect(await fout(abonnementenOpdracht, c, ['verwijderen', String(config)])).toMatch(new RegExp(`^abonnement ${config} staat in de configuratie`));
    expect(await fout(abonnementenOpdracht, c, ['verwijderen', 'twee'])).toMatch(/^'twee' is geen abonnementnummer/);
    expect((await abonnementen('verwijderen', String(id))).uit).toBe(`abonnement ${id} verwijderd (cli-tweede)\n`);
    expect(await fout(abonnementenOpdracht, c, ['verwijderen', String(id)])).toBe(`abonnement ${id} bestaat niet`);
    expect((await alle()).map((a) => a.bron)).toEqual(['config']);
  });

  it('overdrachten: lists handovers by status and backoffice; a melding only with --melding', async () => {
    const store = gw.app.gateway.store;
    const aanvraag = { aanvragerBestemming: abonnee.naam, aanvrager: { organisatie: '0599', applicatie: 'ABONNEE' }, dialect: 'rzs' as const };
    const open = await store.overdrachten.voegToe({ ...aanvraag, zaak: '0599CLI0007', zaaktypeCode: 'B1026', backoffice: tweede.naam, referentienummer: 'CLI-OVD-1' });
    const geweigerd = await store.overdrachten.voegToe({ ...aanvraag, zaak: '0599CLI0008', backoffice: tweede.naam, referentienummer: 'CLI-OVD-2' });
    await store.overdrachten.beantwoord(geweigerd, 'geweigerd', 'Client woont buiten de gemeente', 'CLI-ANT-2');
    const overdrachten = async (...argv: string[]) => (await voerUit(overdrachtenOpdracht, gw.config, argv)).uit;

    const zonder = await overdrachten();
    expect(zonder).toMatch(new RegExp(`^#${open}  zaak 0599CLI0007  zaaktype B1026  aanvrager 0599/ABONNEE \\(cli-abonnee\\)  backoffice cli-tweede  status aangeboden  aangeboden \\S+  beantwoord -$`, 'm'));
    expect(zonder).toMatch(new RegExp(`^#${geweigerd}  zaak 0599CLI0008  zaaktype -  .*  status geweigerd  .*  melding: ja \\(toon met --melding\\)$`, 'm'));
    expect(zonder).not.toContain('buiten de gemeente');
    expect(zonder).toMatch(/^2 overdrachten\n$/m);
    const json = JSON.parse(await overdrachten('--json', '--status', 'geweigerd')) as OverdrachtRegel[];
    expect(json).toEqual([expect.objectContaining({ id: geweigerd, status: 'geweigerd', heeftMelding: true, antwoordReferentienummer: 'CLI-ANT-2' })]);
    expect(json[0]).not.toHaveProperty('melding');
    expect(JSON.parse(await overdrachten('--json', '--status', 'geweigerd', '--melding'))[0].melding).toBe('Client woont buiten de gemeente');
    expect(await overdrachten('--melding', '--backoffice', tweede.naam)).toContain('melding: Client woont buiten de gemeente');
    expect(await overdrachten('lijst', '--backoffice', abonnee.naam)).toBe('0 overdrachten\n');
    expect(await fout(overdrachtenOpdracht, gw.config, ['--status', 'weg'])).toMatch(/^--status: 'weg' is onbekend; kies uit aangeboden, afgeleverd, onbestelbaar, geaccepteerd, geweigerd/);
    expect(await fout(overdrachtenOpdracht, gw.config, ['--backoffice', 'nergens'])).toMatch(/^bestemming 'nergens' is onbekend/);
    expect(await fout(overdrachtenOpdracht, gw.config, ['intrekken'])).toMatch(/^overdrachten: onbekende subopdracht 'intrekken'/);
  });
});

describe('the real process: node dist/main.js against the database of a running gateway process', () => {
  const a = new TestOntvanger('proc-a', 'PROCA');
  const b = new TestOntvanger('proc-b', 'PROCB');
  let map: string;
  let db: TestDatabase;
  let env: Record<string, string>;
  let gateway: GatewayProces | undefined;

  const draai = (...argv: string[]) => draaiOpdracht(env, ...argv);

  let teller = 0;
  const stuur = async (xml: string, actie: string) => {
    const r = await fetch(`${gateway!.url}/OntvangAsynchroon`, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: ZDS12 + actie }, body: xml });
    const body = await r.text();
    mkdirSync(BERICHTEN_MAP, { recursive: true });
    writeFileSync(join(BERICHTEN_MAP, `uitgaandOpdracht-proces-${process.pid}-${++teller}.xml`), body);
    expect(r.status).toBe(200);
  };

  beforeAll(async () => {
    await a.start();
    await b.start();
    map = mkdtempSync(join(tmpdir(), 'zdsgw-cli-'));
    db = await testDatabase(map);
    const configPad = join(map, 'gateway.json');
    writeFileSync(configPad, JSON.stringify({
      database: db.config,
      bestemmingen: [bestemming(a), bestemming(b)],
      abonnementen: [{ bestemming: a.naam }],
      bezorging: SNEL,
    }));
    env = { GATEWAY_CONFIG: configPad };
    gateway = await startGatewayProces(env);
  });
  afterAll(async () => {
    await gateway?.stop();
    await a.stop();
    await b.stop();
    await db?.verwijder();
    rmSync(map, { recursive: true, force: true });
  });

  it('shows the dead letter per destination, revives it for the gateway process to deliver, and adds a subscriber the next change reaches', async () => {
    const overzicht = async () => {
      const r = await draai('uitgaand', '--json');
      expect(r).toMatchObject({ status: 0, stderr: '' });
      return JSON.parse(r.stdout) as BestemmingOverzicht[];
    };
    a.gedrag = 'fo03-client';
    await stuur(nieuweZaak('0599PROC0001'), 'creeerZaak_ZakLk01');
    await a.wachtOp(1);
    const metDood = await wachtTot('een dood bericht in het overzicht', async () => {
      const o = await overzicht();
      return o[0].soorten.notificeerOverZaak.dood === 1 && o;
    });
    expect(metDood.map((o) => [o.bestemming, o.inConfiguratie, o.adres])).toEqual([[a.naam, true, a.adres], [b.naam, true, b.adres]]);
    expect(metDood[0].oudsteWachtend).toBeUndefined();
    expect(metDood[1].soorten.notificeerOverZaak).toEqual({ wachtend: 0, afgeleverd: 0, dood: 0, verworpen: 0 });
    const tekst = await draai('uitgaand', 'overzicht');
    expect(tekst.stdout).toBe(`proc-a  ${a.adres}\n  notificeerOverZaak  wachtend 0  afgeleverd 0  dood 1  verworpen 0\nproc-b  ${b.adres}\n  geen berichten\n`);

    const [dood] = JSON.parse((await draai('uitgaand', 'lijst', '--status', 'dood', '--json')).stdout) as BerichtRegel[];
    expect(dood).toMatchObject({ zaak: '0599PROC0001', bestemming: a.naam, pogingen: 1 });
    a.gedrag = 'bv03';
    const opnieuw = await draai('uitgaand', 'opnieuw', String(dood.id));
    expect(opnieuw).toMatchObject({ status: 0, stderr: '' });
    expect(opnieuw.stdout).toMatch(/^1 bericht weer in de wachtrij/);
    // The gateway process finds the revived row at its next round and delivers it.
    await a.wachtOp(2);
    expect(a.ontvangen[1]).toMatchObject({ antwoord: 'bv03' });
    expect(a.ontvangen[1].stuurgegevens.referentienummer).toBe(dood.referentienummer);
    const afgeleverd = await wachtTot('afgeleverd in het overzicht', async () => {
      const o = await overzicht();
      return o[0].soorten.notificeerOverZaak.afgeleverd === 1 && o;
    });
    expect(afgeleverd[0].soorten.notificeerOverZaak.dood).toBe(0);

    // A subscription added from the command line while the gateway runs counts from its next change.
    const toegevoegd = await draai('abonnementen', 'toevoegen', '--bestemming', b.naam, '--gebeurtenis', 'update zaak');
    expect(toegevoegd.status).toBe(0);
    const id = /^abonnement (\d+) toegevoegd: proc-b, zaaktypen \*, gebeurtenissen Update zaak\n/.exec(toegevoegd.stdout)?.[1];
    expect(id).toBeDefined();
    expect((await draai('abonnementen')).stdout).toMatch(new RegExp(`^#${id}  opdracht  proc-b  zaaktypen \\*  gebeurtenissen Update zaak$`, 'm'));
    await stuur(updateZaak('0599PROC0001', 'Gewijzigd'), 'updateZaak_ZakLk01');
    const [bij] = await b.wachtOp(1);
    expect(tekstVan(bij.root, 'object', 'identificatie')).toBe('0599PROC0001');
    expect(gebeurtenisVan(bij)).toBe('Update zaak');
    await a.wachtOp(3);
    expect(gebeurtenisVan(a.ontvangen[2])).toBe('Update zaak');
  });

  it('refuses wrong calls with the message on stderr: exit code 1 for a value that does not fit, 2 for what the parser refuses', async () => {
    const [afgeleverd] = JSON.parse((await draai('uitgaand', 'lijst', '--status', 'afgeleverd', '--json')).stdout) as BerichtRegel[];
    const onzin = await draai('uitgaand', 'onzin');
    expect({ status: onzin.status, stdout: onzin.stdout }).toEqual({ status: 2, stdout: '' });
    expect(onzin.stderr).toMatch(/^uitgaand: onbekende subopdracht 'onzin'\ngebruik: uitgaand/);
    const gevallen: [string[], RegExp][] = [
      [['abonnementen', 'toevoegen', '--bestemming', 'nergens'], /^bestemming 'nergens' is onbekend \(bekend: proc-a, proc-b\)\n$/],
      [['uitgaand', 'opnieuw', 'abc'], /^'abc' is geen berichtnummer/],
      [['uitgaand', 'opnieuw', String(afgeleverd.id)], new RegExp(`^bericht ${afgeleverd.id} is afgeleverd, niet dood; alleen dode berichten kunnen opnieuw\nniets veranderd\n$`)],
      [['uitgaand', 'verwerp', '424242'], /^bericht 424242 bestaat niet\nniets veranderd\n$/],
      [['overdrachten', '--status', 'zoek'], /^--status: 'zoek' is onbekend/],
    ];
    for (const [argv, melding] of gevallen) {
      const r = await draai(...argv);
      expect({ argv, status: r.status, stdout: r.stdout }).toEqual({ argv, status: 1, stdout: '' });
      expect(r.stderr).toMatch(melding);
    }
    const onbekend = await draai('afleveren');
    expect(onbekend.status).toBe(2);
    expect(onbekend.stderr).toMatch(/^onbekende opdracht 'afleveren'\ngebruik: serve[^]*uitgaand \[overzicht\|lijst\|toon\|opnieuw\|verwerp\]/);
  });
});
