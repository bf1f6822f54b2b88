// Management information (issue 19, item 5; seed 001): `rapport` over zaken written through the gateway (ordinary
// zaken with resultaten, gezinsplannen with deelplannen), handovers, mirrored partner zaken and partner term
// judgements written through their repositories, on the run's backend. The figures are asserted; so are the
// suppression of small cells (minimum 3: a group of 2 is empty, and a cell that a published total would give away is
// emptied too), and that no BSN, name, zaak identificatie or medewerker used here appears in any byte of any output
// file or in any text cell of the SQLite file. The report reads one snapshot without the write lock: a creeerZaak
// sent while its read transaction is open commits at once, and the report does not count it.
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maakRapport } from '../../src/rapport/maken';
import { leesVraag, rapportOpdracht } from '../../src/rapport/opdracht';
import { alsCsv } from '../../src/rapport/uitvoer';
import { TestGateway, startGateway } from '../support/gateway';
import { inEnvelope } from '../support/soap';
import { goed } from '../support/antwoorden';
import { actie, creeerZaak, medewerker, persoon, rol } from '../support/dialecten';
import { deelplan, gezinsplan, regisseur } from '../support/planBerichten';

const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

/** Everything that may point to a person or a zaak: none of it may reach the report. */
const VERBODEN: string[] = [];
const verboden = <T extends string>(w: T): T => (VERBODEN.push(w), w);

let volgnummer = 0;
/** A fresh BSN that passes the elfproef. */
function nieuweBsn(): string {
  for (;;) {
    const basis = String(52000000 + ++volgnummer * 17).padStart(8, '0');
    const controle = [...basis].reduce((s, c, i) => s + Number(c) * (9 - i), 0) % 11;
    if (controle < 10) return verboden(basis + controle);
  }
}
const ACHTERNAMEN = ['Zwanenburg', 'Haverkamp', 'Oosterhuis', 'Wijnbergen', 'Kleefstra', 'Brouwershaven', 'Terpstra', 'Dijkgraaf', 'Meulenbelt', 'Vrolijkheid'];
let naamteller = 0;
const nieuweNaam = () => verboden(`${ACHTERNAMEN[naamteller % ACHTERNAMEN.length]}${naamteller++ >= ACHTERNAMEN.length ? naamteller : ''}`);

const initiator = () => rol('heeftAlsInitiator', persoon(nieuweBsn(), `<BG:geslachtsnaam>${nieuweNaam()}</BG:geslachtsnaam>`));
const behandelaar = (id: string) =>
  rol('heeftAlsUitvoerende', `<ZKN:organisatorischeEenheid StUF:entiteittype="OEH" StUF:verwerkingssoort="I"><ZKN:identificatie>${id}</ZKN:identificatie><ZKN:naam>Team</ZKN:naam></ZKN:organisatorischeEenheid>`, 'T', 'Behandelaar');

/** Zaak attributes in schema order: resultaat, startdatum, registratiedatum, einddatum. */
function attributen(start: string, eind?: string, resultaat?: string): string {
  return '<ZKN:omschrijving>Rapportzaak</ZKN:omschrijving>' +
    (resultaat ? `<ZKN:resultaat><ZKN:omschrijving>${resultaat}</ZKN:omschrijving></ZKN:resultaat>` : '') +
    `<ZKN:startdatum>${start}</ZKN:startdatum><ZKN:registratiedatum>${start}</ZKN:registratiedatum>` +
    (eind ? `<ZKN:einddatum>${eind}</ZKN:einddatum>` : '') + '<ZKN:zaakniveau>1</ZKN:zaakniveau><ZKN:deelzakenIndicatie>N</ZKN:deelzakenIndicatie>';
}

let zaakteller = 0;
const nieuwId = (soort: string) => verboden(`0599RAP${soort}${String(++zaakteller).padStart(3, '0')}`);

async function stuur(gw: TestGateway, xml: string): Promise<void> {
  goed(await gw.stuur(inEnvelope(xml), { actie: actie('zds12', 'creeerZaak') }));
}

async function gewoneZaak(gw: TestGateway, zaaktype: string, start: string, eind?: string, resultaat?: string): Promise<string> {
  const id = nieuwId(zaaktype);
  await stuur(gw, creeerZaak('zds12', { id, zaaktype, attributen: attributen(start, eind, resultaat), relaties: initiator() }));
  return id;
}

/** A rare resultaat whose text holds a name: it must never be shown. */
const ZELDZAAM = `Afgewezen na gesprek met ${verboden('Hoogeveen-Pietersma')}`;
const REGISSEUR = verboden('MDW-RAPREGIE-7');
const REGISSEUR_NAAM = verboden('Schermerhorn');
const KLEINE_AFDELING = verboden('OEH-KLEINTEAM-9');

/**
 * WMO01 (not in the catalogue): W1–W4 started in January and closed within 10, 20, 30 and 40 days as Toegekend; W5
 * started in January, open; W6, W7 started in February and closed after 10 and 15 days with a rare resultaat.
 * JZ01: six started in March, three of them closed in April as Toegekend after 10, 20 and 60 days.
 * Seven gezinsplannen (GZP) started 2024-01-15: G1 with two deelplannen, G2–G4 with one, G5–G7 with none; the five
 * deelplannen are zaaktype JZ02, started 2024-01-15. Handovers: D1–D3 to BO-JEUGD, D4 to BO-WMO, D5 refused by
 * BO-WMO. Afdelingen: D1–D3 Jeugdteam, D4 a small one. Partners: D1 at ZORG-A; D2, D3, D5 at ZORG-B. Terms:
 * ZORG-B three breached and one kept in March, ZORG-A one breached in April.
 */
async function bouw(gw: TestGateway): Promise<void> {
  for (const [start, eind] of [['20240105', '20240115'], ['20240110', '20240130'], ['20240115', '20240214'], ['20240120', '20240229']]) {
    await gewoneZaak(gw, 'WMO01', start, eind, 'Toegekend');
  }
  await gewoneZaak(gw, 'WMO01', '20240125');
  await gewoneZaak(gw, 'WMO01', '20240201', '20240211', ZELDZAAM);
  await gewoneZaak(gw, 'WMO01', '20240205', '20240220', ZELDZAAM);
  for (const [start, eind] of [['20240303', '20240402'], ['20240304', '20240413'], ['20240305', '20240404']]) {
    await gewoneZaak(gw, 'JZ01', start, eind, 'Toegekend');
  }
  for (const start of ['20240306', '20240307', '20240308']) await gewoneZaak(gw, 'JZ01', start);

  const regie = regisseur(REGISSEUR, REGISSEUR_NAAM);
  const plannen = Array.from({ length: 7 }, () => nieuwId('GZP'));
  for (const id of plannen) await stuur(gw, gezinsplan('zds12', { id, clients: [nieuweBsn()], initiator: regie }));
  const ouders = [plannen[0], plannen[0], plannen[1], plannen[2], plannen[3]];
  const afdelingen = ['OEH-JEUGDTEAM', 'OEH-JEUGDTEAM', 'OEH-JEUGDTEAM', KLEINE_AFDELING, undefined];
  const deelplannen: string[] = [];
  for (const [i, plan] of ouders.entries()) {
    const id = nieuwId('JZ02');
    const afdeling = afdelingen[i];
    await stuur(gw, deelplan('zds12', { id, clients: [nieuweBsn()], plannen: [plan], zaaktype: 'JZ02', initiator: regie + (afdeling ? behandelaar(afdeling) : '') }));
    deelplannen.push(id);
  }

  const store = gw.app.gateway.store;
  const aanvrager = { organisatie: '0599', applicatie: 'REGIESYSTEEM' };
  const overdragen = async (zaak: string, backoffice: string) =>
    store.overdrachten.voegToe({ zaak, zaaktypeCode: 'JZ02', aanvragerBestemming: 'regie', aanvrager, backoffice, referentienummer: `REF-${zaak}`, dialect: 'rzs' });
  for (const d of deelplannen.slice(0, 3)) await overdragen(d, 'BO-JEUGD');
  await overdragen(deelplannen[3], 'BO-WMO');
  const geweigerd = await overdragen(deelplannen[4], 'BO-WMO');
  await store.overdrachten.beantwoord(geweigerd, 'geweigerd', 'past niet', 'REF-ANTWOORD');

  const partnerzaken: [string, number][] = [['ZORG-A', 0], ['ZORG-B', 1], ['ZORG-B', 2], ['ZORG-B', 4]];
  for (const [partner, i] of partnerzaken) {
    const zaak = await store.zaken.vind(deelplannen[i]);
    await store.spiegelzaken.voegToe({ identificatie: verboden(`0777PZ${i}X${zaakteller}`), partner, deelplanId: zaak!.id, gekoppeldDoor: 'regie' });
  }
  const oordeel = (partner: string, n: number, verstreken: string, uitkomst: 'nagekomen' | 'overschreden') => ({
    partnerzaak: verboden(`0777PT${n}X${zaakteller}`), gekoppeld: '2024-02-01T09:00:00.000Z', partner, zaaktype: 'ZORG01', deelplan: deelplannen[n % 5],
    termijnDagen: 14, verstreken, uitkomst, vastgesteld: verstreken, ...(uitkomst === 'overschreden' ? { ontbrak: { statussen: ['2'], documenten: ['Zorgplan'] } } : {}),
  });
  await store.transactie(async (tx) => {
    for (let n = 0; n < 3; n++) await tx.partnertermijnen.legVast(oordeel('ZORG-B', n, `2024-03-1${n}T10:00:00.000Z`, 'overschreden'));
    await tx.partnertermijnen.legVast(oordeel('ZORG-B', 3, '2024-03-20T10:00:00.000Z', 'nagekomen'));
    await tx.partnertermijnen.legVast(oordeel('ZORG-A', 4, '2024-04-02T10:00:00.000Z', 'overschreden'));
  });
}

type Rij = Record<string, string>;

/** A CSV file (RFC 4180 as the report writes it) as rows by column name. */
function leesCsv(pad: string): Rij[] {
  const tekst = readFileSync(pad, 'utf8');
  const regels: string[][] = [];
  let veld = '';
  let regel: string[] = [];
  let tussenAanhalingstekens = false;
  for (let i = 0; i < tekst.length; i++) {
    const c = tekst[i];
    if (tussenAanhalingstekens) {
      if (c === '"' && tekst[i + 1] === '"') (veld += '"'), i++;
      else if (c === '"') tussenAanhalingstekens = false;
      else veld += c;
    } else if (c === '"') tussenAanhalingstekens = true;
    else if (c === ',') (regel.push(veld), (veld = ''));
    else if (c === '\r' && tekst[i + 1] === '\n') {
      regel.push(veld);
      regels.push(regel);
      (regel = []), (veld = ''), i++;
    } else veld += c;
  }
  const [kop, ...rest] = regels;
  return rest.map((r) => Object.fromEntries(kop.map((k, i) => [k, r[i]])));
}

const kies = (rijen: Rij[], ...kolommen: string[]) => rijen.map((r) => Object.fromEntries(kolommen.map((k) => [k, r[k]])));

describe('rapport: managementinformatie uit één momentopname', () => {
  let gw: TestGateway;
  let map: string;
  beforeAll(async () => {
    gw = await startGateway({ rapport: { minimumAantal: 3 } });
    map = mkdtempSync(join(tmpdir(), 'rapport-'));
    await bouw(gw);
  }, 120_000);
  afterAll(async () => {
    await gw?.sluit();
    rmSync(map, { recursive: true, force: true });
  });

  /** The command as an operator runs it: the built process, on the test gateway's database. */
  function draai(naar: string, ...extra: string[]) {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} ontbreekt: draai eerst 'npm run build'`);
    const db = gw.config.database;
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', ...(db.url !== undefined ? { DATABASE_URL: db.url } : { DATABASE_PATH: db.path, DATABASE_URL: '' }) };
    delete env.GATEWAY_CONFIG;
    const args = ['--naar', naar, '--vanaf', '2024-01', '--tot', '2024-06', '--minimum', '3'];
    // An option given in `extra` replaces the default one (the parser refuses an option twice).
    for (let i = 0; i < extra.length; i += 2) {
      const j = args.indexOf(extra[i]);
      if (j >= 0) args.splice(j, 2);
    }
    return spawnSync(process.execPath, [MAIN, 'rapport', ...args, ...extra], { encoding: 'utf8', env, timeout: 60_000 });
  }

  describe('the figures, the suppression and the absence of personal data', () => {
    let uit: string;
    beforeAll(() => {
      uit = join(map, 'eerste');
      const r = draai(uit);
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
      expect(r.stdout).toMatch(/^rapport 2024-01 t\/m 2024-06, minimum 3, momentopname \d{4}-\d\d-\d\dT[\d:.]+Z:\n {2}zaken_per_maand\.csv +\d+ regels, \d+ cellen onderdrukt\n/);
    });

    it('writes one CSV per table, a metadata table and rapport.sqlite with the same tables', () => {
      expect(readdirSync(uit).sort()).toEqual(['deelplannen_per_behandelaar.csv', 'doorlooptijden.csv', 'metadata.csv', 'partnertermijnen.csv', 'plannen.csv', 'rapport.sqlite', 'zaken_per_maand.csv']);
      const db = new Database(join(uit, 'rapport.sqlite'), { readonly: true });
      try {
        const tabellen = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
        expect(tabellen).toEqual(['deelplannen_per_behandelaar', 'doorlooptijden', 'metadata', 'partnertermijnen', 'plannen', 'zaken_per_maand']);
        for (const t of tabellen) {
          const csv = leesCsv(join(uit, `${t}.csv`));
          const rijen = (db.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[]).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)])));
          expect({ t, rijen }).toEqual({ t, rijen: csv });
        }
        const meta = Object.fromEntries((db.prepare('SELECT sleutel, waarde FROM metadata').all() as { sleutel: string; waarde: string }[]).map((r) => [r.sleutel, r.waarde]));
        expect(meta).toMatchObject({ vanaf: '2024-01', tot: '2024-06', minimum_aantal: '3', database: gw.config.database.url !== undefined ? 'postgres' : 'sqlite' });
        expect(meta.momentopname).toMatch(/^\d{4}-\d\d-\d\dT/);
        expect(meta.gatewayversie).toMatch(/^\d+\.\d+\.\d+ \(\S+\)$/);
      } finally {
        db.close();
      }
    });

    it('zaken per zaaktype and month: started, closed, open at month end; a series with a small cell keeps its stock back', () => {
      const rijen = leesCsv(join(uit, 'zaken_per_maand.csv'));
      const van = (zt: string) => kies(rijen.filter((r) => r.zaaktype === zt), 'maand', 'gestart', 'gesloten', 'open_einde_maand', 'onderdrukt');
      expect(van('JZ01')).toEqual([
        { maand: '2024-01', gestart: '0', gesloten: '0', open_einde_maand: '0', onderdrukt: '' },
        { maand: '2024-02', gestart: '0', gesloten: '0', open_einde_maand: '0', onderdrukt: '' },
        { maand: '2024-03', gestart: '6', gesloten: '0', open_einde_maand: '6', onderdrukt: '' },
        { maand: '2024-04', gestart: '0', gesloten: '3', open_einde_maand: '3', onderdrukt: '' },
        { maand: '2024-05', gestart: '0', gesloten: '0', open_einde_maand: '3', onderdrukt: '' },
        { maand: '2024-06', gestart: '0', gesloten: '0', open_einde_maand: '3', onderdrukt: '' },
      ]);
      // WMO01: 5 and 2 started, 2 and 4 closed. The 2s are below 3; each column's other cell would give them away
      // from the zaaktype's total, so it goes too; the stock (3, then 1) follows from the flows and is kept back whole.
      expect(van('WMO01')).toEqual([
        { maand: '2024-01', gestart: '', gesloten: '', open_einde_maand: '', onderdrukt: 'gestart gesloten open_einde_maand' },
        { maand: '2024-02', gestart: '', gesloten: '', open_einde_maand: '', onderdrukt: 'gestart gesloten open_einde_maand' },
        ...['03', '04', '05', '06'].map((m) => ({ maand: `2024-${m}`, gestart: '0', gesloten: '0', open_einde_maand: '', onderdrukt: 'open_einde_maand' })),
      ]);
      expect(van('GZP').map((r) => [r.gestart, r.open_einde_maand])).toEqual([['7', '7'], ['0', '7'], ['0', '7'], ['0', '7'], ['0', '7'], ['0', '7']]);
      expect(van('JZ02').map((r) => [r.gestart, r.open_einde_maand])).toEqual([['5', '5'], ['0', '5'], ['0', '5'], ['0', '5'], ['0', '5'], ['0', '5']]);
      expect(rijen.find((r) => r.zaaktype === 'GZP')!.zaaktype_omschrijving).toBe('Opstellen en uitvoeren gezinsplan');
    });

    it('lead times per zaaktype and resultaat (median, p90, interpolated); a rare resultaat is not named and its group of 2 is empty', () => {
      const rijen = kies(leesCsv(join(uit, 'doorlooptijden.csv')), 'zaaktype', 'resultaat', 'aantal', 'mediaan_dagen', 'p90_dagen', 'onderdrukt');
      expect(rijen).toEqual([
        { zaaktype: 'JZ01', resultaat: 'Toegekend', aantal: '3', mediaan_dagen: '30', p90_dagen: '38', onderdrukt: '' },
        // 2 zaken with the rare text: one group without a name, count and figures empty; the 4 Toegekend would give
        // the 2 away from WMO01's closed total, so that count goes too (its median of 4 stays).
        { zaaktype: 'WMO01', resultaat: '(overige resultaten)', aantal: '', mediaan_dagen: '', p90_dagen: '', onderdrukt: 'aantal mediaan_dagen p90_dagen' },
        { zaaktype: 'WMO01', resultaat: 'Toegekend', aantal: '', mediaan_dagen: '25', p90_dagen: '37', onderdrukt: 'aantal' },
      ]);
    });

    it('plans by their number of deelplannen; the one plan with two, and the cell that would reveal it, are empty', () => {
      expect(kies(leesCsv(join(uit, 'plannen.csv')), 'zaaktype', 'plansoort', 'deelplannen', 'plannen', 'onderdrukt')).toEqual([
        { zaaktype: 'GZP', plansoort: 'gezinsplan', deelplannen: '0', plannen: '', onderdrukt: 'plannen' },
        { zaaktype: 'GZP', plansoort: 'gezinsplan', deelplannen: '1', plannen: '3', onderdrukt: '' },
        { zaaktype: 'GZP', plansoort: 'gezinsplan', deelplannen: '2', plannen: '', onderdrukt: 'plannen' },
      ]);
    });

    it('deelplannen per backoffice, afdeling and partner; a refused handover does not count; a small afdeling is not named', () => {
      expect(kies(leesCsv(join(uit, 'deelplannen_per_behandelaar.csv')), 'soort', 'behandelaar', 'deelplannen', 'onderdrukt')).toEqual([
        { soort: 'backoffice', behandelaar: 'BO-JEUGD', deelplannen: '3', onderdrukt: '' },
        { soort: 'backoffice', behandelaar: 'BO-WMO', deelplannen: '', onderdrukt: 'deelplannen' },
        { soort: 'afdeling', behandelaar: '(overige afdelingen)', deelplannen: '', onderdrukt: 'deelplannen' },
        { soort: 'afdeling', behandelaar: 'OEH-JEUGDTEAM', deelplannen: '3', onderdrukt: '' },
        { soort: 'partner', behandelaar: 'ZORG-A', deelplannen: '', onderdrukt: 'deelplannen' },
        { soort: 'partner', behandelaar: 'ZORG-B', deelplannen: '3', onderdrukt: '' },
      ]);
    });

    it('partner terms per partner and month: breached and kept', () => {
      expect(kies(leesCsv(join(uit, 'partnertermijnen.csv')), 'partner', 'maand', 'overschreden', 'nagekomen', 'onderdrukt')).toEqual([
        { partner: 'ZORG-A', maand: '2024-04', overschreden: '', nagekomen: '0', onderdrukt: 'overschreden' },
        { partner: 'ZORG-B', maand: '2024-03', overschreden: '3', nagekomen: '', onderdrukt: 'nagekomen' },
      ]);
    });

    it('no BSN, name, zaak identificatie or medewerker in any byte of the output or any text cell of the SQLite file', () => {
      expect(VERBODEN.length).toBeGreaterThan(40);
      const gevonden: string[] = [];
      for (const bestand of readdirSync(uit)) {
        const inhoud = readFileSync(join(uit, bestand));
        for (const w of VERBODEN) if (inhoud.includes(Buffer.from(w, 'utf8'))) gevonden.push(`${bestand}: ${w}`);
      }
      const db = new Database(join(uit, 'rapport.sqlite'), { readonly: true });
      try {
        for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]) {
          for (const rij of db.prepare(`SELECT * FROM ${name}`).all() as Record<string, unknown>[]) {
            for (const cel of Object.values(rij)) {
              if (typeof cel === 'string') for (const w of VERBODEN) if (cel.includes(w)) gevonden.push(`${name}: ${w}`);
            }
          }
        }
      } finally {
        db.close();
      }
      expect(gevonden).toEqual([]);
    });
  });

  it('with minimum 1 every count is published, also the rare group', async () => {
    const naar = join(map, 'alles');
    const r = draai(naar, '--minimum', '1');
    expect(r.status).toBe(0);
    const rijen = leesCsv(join(naar, 'doorlooptijden.csv'));
    expect(rijen.every((x) => x.onderdrukt === '')).toBe(true);
    // A resultaat held by one zaak is still shown only when at least `minimum` hold it: here both do.
    expect(kies(rijen.filter((x) => x.zaaktype === 'WMO01'), 'aantal', 'mediaan_dagen')).toEqual([{ aantal: '2', mediaan_dagen: '12.5' }, { aantal: '4', mediaan_dagen: '25' }]);
    expect(kies(leesCsv(join(naar, 'zaken_per_maand.csv')).filter((x) => x.zaaktype === 'WMO01').slice(0, 3), 'gestart', 'gesloten', 'open_einde_maand'))
      .toEqual([{ gestart: '5', gesloten: '2', open_einde_maand: '3' }, { gestart: '2', gesloten: '4', open_einde_maand: '1' }, { gestart: '0', gesloten: '0', open_einde_maand: '1' }]);
  });

  it('wrong values and a missing SQLite file exit 1 without writing, a missing --naar exits 2', async () => {
    const naar = join(map, 'fout');
    for (const extra of [['--minimum', '0'], ['--minimum', '1001'], ['--vanaf', '2024-13'], ['--vanaf', '2024-07']]) {
      const r = draai(naar, ...extra);
      expect({ extra, status: r.status, stdout: r.stdout }).toEqual({ extra, status: 1, stdout: '' });
    }
    expect(existsSync(naar)).toBe(false);
    // A SQLite file that is not there is not created: exit 1.
    const weg = { ...gw.config, database: { ...gw.config.database, url: undefined, path: join(map, 'bestaat-niet.db') } };
    await expect(rapportOpdracht(weg, ['--naar', naar], () => undefined)).rejects.toMatchObject({ exitCode: 1, message: expect.stringMatching(/^database '.*bestaat-niet\.db' bestaat niet/) });
    expect(existsSync(join(map, 'bestaat-niet.db'))).toBe(false);
    await expect(rapportOpdracht(gw.config, [], () => undefined)).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^rapport: geef --naar MAP\ngebruik: rapport/) });
    // Defaults: the twelve months up to this one, the configured minimum.
    expect(leesVraag(gw.config, {}, new Date('2025-03-10T12:00:00Z'))).toEqual({ vanaf: '2024-04', tot: '2025-03', minimum: 3 });
  });

  it('reads one snapshot without the write lock: a creeerZaak during the report commits at once and is not counted', async () => {
    const vraag = { vanaf: '2024-01', tot: '2024-06', minimum: 1 };
    let ms = -1;
    const eerste = await maakRapport(gw.config, vraag, join(map, 'tijdens'), {
      binnenMomentopname: async () => {
        const begin = Date.now();
        await gewoneZaak(gw, 'JZ01', '20240309');
        ms = Date.now() - begin;
      },
    });
    // The busy timeout is 5 s: a writer that waited for the report's lock would take that long and then fail.
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(ms).toBeLessThan(2000);
    const maart = (naar: string) => leesCsv(join(naar, 'zaken_per_maand.csv')).find((r) => r.zaaktype === 'JZ01' && r.maand === '2024-03')!.gestart;
    expect(maart(eerste.map)).toBe('6');
    const daarna = await maakRapport(gw.config, vraag, join(map, 'daarna'));
    expect(maart(daarna.map)).toBe('7');
    expect(daarna.momentopname >= eerste.momentopname).toBe(true);
  });

  it('CSV quoting: a comma, a quote and a line break stay inside their cell', () => {
    const csv = alsCsv({ naam: 't', kolommen: [{ naam: 'a', soort: 'tekst' }, { naam: 'b', soort: 'aantal' }], rijen: [{ a: 'x, "y"\nz', b: 4 }, { a: 'vrij', b: null }] });
    expect(csv).toBe('a,b\r\n"x, ""y""\nz",4\r\nvrij,\r\n');
  });
});
