// The `partners` command (issue 6) in-process: the list of mirrored zaken per ketenpartner from a real database
// with mirrors made through the store, its wrong uses (exit code 2), and `ververs` against a partner that is down:
// exit code 1, the reason printed, the failure kept on the mirror and the last known status untouched.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Config, parseConfig } from '../../src/config';
import type { Store } from '../../src/store';
import { openStore } from '../../src/store/openen';
import { legeZaakData } from '../../src/domain/zaak';
import { parseTijdstip } from '../../src/stuf/tijd';
import { PartnerGebruikFout, PartnerKop, SpiegelRegel, partnersOpdracht } from '../../src/partners/partnerOpdracht';
import { TestDatabase, testDatabase } from '../support/gateway';

const ZORG = { organisatie: '0777', applicatie: 'ZORGSYS' };
const WERK = { organisatie: '0888', applicatie: 'WERKSYS' };
/** Nothing listens on port 1: every question is refused at once. */
const DOOD = 'http://127.0.0.1:1/BeantwoordVraag';

/** A command run: its exit code and what it wrote. */
async function voerUit(config: Config, ...argv: string[]): Promise<{ code: number; uit: string }> {
  const uit: string[] = [];
  const code = await partnersOpdracht(config, argv, (t) => uit.push(t));
  return { code, uit: uit.join('') };
}

/** The message of the wrong use; main.ts prints it on stderr and exits with the exit code it carries (2). */
async function fout(config: Config, ...argv: string[]): Promise<string> {
  try {
    await partnersOpdracht(config, argv, () => {});
  } catch (e) {
    if (e instanceof PartnerGebruikFout) {
      expect(e.exitCode).toBe(2);
      return e.message;
    }
    throw e;
  }
  throw new Error(`partners ${argv.join(' ')}: geen fout`);
}

describe('partners', () => {
  let map: string;
  let config: Config;
  let leeg: Config;
  const databases: TestDatabase[] = [];
  const metStore = async <T>(werk: (s: Store) => Promise<T>, database = config.database): Promise<T> => {
    const store = await openStore(database);
    try {
      return await werk(store);
    } finally {
      await store.sluit();
    }
  };

  beforeAll(async () => {
    map = mkdtempSync(join(tmpdir(), 'zdsgw-partners-'));
    mkdirSync(join(map, 'leeg'));
    databases.push(await testDatabase(map), await testDatabase(join(map, 'leeg')));
    config = parseConfig({
      database: databases[0].config,
      partners: [
        { naam: 'zorg', zender: ZORG, zaakidentificatie: ['0777'], maxOuderdomMinuten: 15, zds: { adres: DOOD, dialect: 'zds11', timeoutSeconden: 2 } },
        { naam: 'werk', zender: WERK, zaakidentificatie: ['0888'] },
      ],
    });
    leeg = parseConfig({ database: databases[1].config });
    await metStore(async () => undefined, leeg.database);
    await metStore(async (store) => {
      const dp1 = await store.zaken.voegToe('0599DP0001', legeZaakData({ code: 'DEELPLAN' }));
      const dp2 = await store.zaken.voegToe('0599DP0002', legeZaakData({ code: 'DEELPLAN' }));
      await store.spiegelzaken.voegToe({ identificatie: '0777Z0001', partner: 'zorg', zaaktype: { code: 'ZORG01', omschrijving: 'Ambulante begeleiding' }, deelplanId: dp1.id, gekoppeldDoor: 'regie' });
      await store.spiegelzaken.voegToe({ identificatie: '0777Z0002', partner: 'zorg', deelplanId: dp2.id, gekoppeldDoor: 'partner' });
      await store.spiegelzaken.voegToe({ identificatie: '0888W0001', partner: 'werk', zaaktype: { code: 'WERK01' }, deelplanId: dp2.id, gekoppeldDoor: 'partner' });
      const status = { volgnummer: 2, omschrijving: 'In begeleiding', datumStatusGezet: parseTijdstip('20240201100000'), statustype: [], extra: [] };
      await store.spiegelzaken.zetStatus((await store.spiegelzaken.vind('0777Z0001'))!.id, status, 'push', '2024-02-01T09:05:00.000Z');
      await store.spiegelzaken.zetFout((await store.spiegelzaken.vind('0777Z0002'))!.id, 'niet bereikbaar: ECONNREFUSED', '2024-02-02T08:00:00.000Z');
    });
  });

  afterAll(async () => {
    for (const d of databases) await d.verwijder();
    rmSync(map, { recursive: true, force: true });
  });

  it('lijst: per partner een kopregel, dan zijn gespiegelde zaken met de laatste status', async () => {
    const { code, uit } = await voerUit(config);
    expect(code).toBe(0);
    expect(await voerUit(config, 'lijst')).toEqual({ code, uit: expect.any(String) });
    const regels = uit.trimEnd().split('\n');
    expect(regels[0]).toBe(`ketenpartner zorg  zds ${DOOD} (zds11)  maxOuderdomMinuten 15`);
    expect(regels[1]).toMatch(/^ {2}0777Z0001 {2}partner zorg {2}zaaktype ZORG01 {2}deelplan 0599DP0001 {2}status 2 In begeleiding \(01-02-2024 10:00\) {2}bron push {2}ververst 2024-02-01T09:05:00.000Z \(\d+ d geleden\)$/);
    expect(regels[2]).toBe('  0777Z0002  partner zorg  zaaktype -  deelplan 0599DP0002  status -  bron -  ververst nooit  verversFout 2024-02-02T08:00:00.000Z: niet bereikbaar: ECONNREFUSED');
    expect(regels[3]).toBe('ketenpartner werk  geen zds-adres  maxOuderdomMinuten 60');
    expect(regels[4]).toMatch(/^ {2}0888W0001 {2}partner werk {2}zaaktype WERK01 {2}deelplan 0599DP0002 {2}status - /);
    expect(regels[5]).toBe('3 gespiegelde zaken');
    expect(regels).toHaveLength(6);
  });

  it('lijst --json: de partners en de spiegels, de status als StUF-tijdstip', async () => {
    const { code, uit } = await voerUit(config, 'lijst', '--json');
    expect(code).toBe(0);
    const { partners, spiegelzaken } = JSON.parse(uit) as { partners: PartnerKop[]; spiegelzaken: SpiegelRegel[] };
    expect(partners).toEqual([
      { naam: 'zorg', inConfiguratie: true, zds: { adres: DOOD, dialect: 'zds11' }, maxOuderdomMinuten: 15 },
      { naam: 'werk', inConfiguratie: true, maxOuderdomMinuten: 60 },
    ]);
    expect(spiegelzaken.map((s) => s.identificatie)).toEqual(['0888W0001', '0777Z0001', '0777Z0002']);
    expect(spiegelzaken.find((s) => s.identificatie === '0777Z0001')).toEqual({
      identificatie: '0777Z0001', partner: 'zorg', zaaktype: { code: 'ZORG01', omschrijving: 'Ambulante begeleiding' }, deelplan: '0599DP0001',
      status: { volgnummer: 2, omschrijving: 'In begeleiding', datumStatusGezet: '20240201100000' }, statusBron: 'push', ververst: '2024-02-01T09:05:00.000Z', gekoppeldDoor: 'regie',
    });
    expect(spiegelzaken.find((s) => s.identificatie === '0777Z0002')).toEqual({
      identificatie: '0777Z0002', partner: 'zorg', deelplan: '0599DP0002', verversFout: 'niet bereikbaar: ECONNREFUSED', verversFoutOp: '2024-02-02T08:00:00.000Z', gekoppeldDoor: 'partner',
    });
  });

  it('lijst --partner: alleen die partner; een onbekende partner is verkeerd gebruik', async () => {
    const { uit } = await voerUit(config, 'lijst', '--partner', 'werk');
    expect(uit).toMatch(/^ketenpartner werk {2}geen zds-adres/);
    expect(uit).not.toContain('zorg');
    expect(uit).toMatch(/\n1 gespiegelde zaak\n$/);
    const json = JSON.parse((await voerUit(config, '--partner', 'zorg', '--json')).uit) as { partners: PartnerKop[]; spiegelzaken: SpiegelRegel[] };
    expect(json.partners.map((p) => p.naam)).toEqual(['zorg']);
    expect(json.spiegelzaken.map((s) => s.partner)).toEqual(['zorg', 'zorg']);
    expect(await fout(config, 'lijst', '--partner', 'bouw')).toBe("ketenpartner 'bouw' is onbekend (bekend: zorg, werk)");
  });

  it('lijst zonder partners en spiegels zegt dat; een ontbrekende database is verkeerd gebruik', async () => {
    expect(await voerUit(leeg, 'lijst')).toEqual({ code: 0, uit: 'geen ketenpartners in de configuratie\ngeen gespiegelde zaken\n' });
    expect(JSON.parse((await voerUit(leeg, '--json')).uit)).toEqual({ partners: [], spiegelzaken: [] });
    const zoek = parseConfig({ database: { path: join(map, 'bestaat-niet.db') } });
    expect(await fout(zoek, 'lijst')).toMatch(/database '.*bestaat-niet\.db' bestaat niet/);
  });

  it('verkeerd gebruik: exitcode 2 met de gebruikstekst', async () => {
    expect(await fout(config, 'ververs')).toMatch(/^partners ververs: geef zaakidentificaties of --alle\ngebruik: partners/);
    expect(await fout(config, 'ververs', '0777Z0001', '--alle')).toMatch(/^partners ververs: geef zaakidentificaties of --alle/);
    expect(await fout(config, 'ververs', '0777Z0001', '--partner', 'zorg')).toMatch(/^partners ververs: --partner hoort bij --alle/);
    expect(await fout(config, 'ververs', '--alle', '--partner', 'bouw')).toMatch(/^ketenpartner 'bouw' is onbekend/);
    expect(await fout(config, 'ververs', '0777Z0001', '0599DP0001', '0777Z9999')).toBe('zaak 0599DP0001 wordt niet gespiegeld\nzaak 0777Z9999 wordt niet gespiegeld\nniets ververst');
    expect(await fout(config, 'verwijder')).toMatch(/^partners: onbekende subopdracht 'verwijder'/);
    expect(await fout(config, 'lijst', '--status', 'x')).toMatch(/^partners lijst: Unknown option '--status'/);
    expect(await fout(config, 'lijst', '--partner')).toMatch(/^partners lijst: Option '--partner <value>' argument missing\ngebruik: partners/);
    expect(await fout(config, 'ververs', '--alle', '--partner', 'zorg', '--partner', 'werk')).toMatch(/^partners ververs: --partner mag maar één keer voorkomen/);
    // A refused ververs asked nobody: the mirror's failure is still the one from before.
    expect(await metStore(async (s) => (await s.spiegelzaken.vind('0777Z0002'))!.verversFoutOp)).toBe('2024-02-02T08:00:00.000Z');
  });

  it('help', async () => {
    for (const w of ['help', '--help']) {
      const { code, uit } = await voerUit(config, w);
      expect(code).toBe(0);
      expect(uit).toMatch(/^gebruik: partners \[lijst\]/);
      expect(uit).toContain('de draaiende gateway bezorgt die');
    }
  });

  it('ververs bij een partner die plat ligt: exitcode 1, de reden per zaak, de fout op de spiegel en de laatste status blijft', async () => {
    const voor = await metStore(async (s) => (await s.spiegelzaken.vind('0777Z0001'))!);
    const { code, uit } = await voerUit(config, 'ververs', '0777Z0001');
    expect(code).toBe(1);
    expect(uit).toMatch(/^0777Z0001: niet ververst: niet bereikbaar: ECONNREFUSED/);
    expect(uit).toMatch(/\n0 zaken ververst, 1 niet\n$/);
    const na = await metStore(async (s) => (await s.spiegelzaken.vind('0777Z0001'))!);
    expect(na.verversFout).toMatch(/^niet bereikbaar: ECONNREFUSED/);
    expect(Date.now() - Date.parse(na.verversFoutOp!)).toBeLessThan(60_000);
    expect(na.status).toEqual(voor.status);
    expect(na.ververst).toBe(voor.ververst);
    expect(na.statusBron).toBe('push');
    // The list shows the failure.
    expect((await voerUit(config, 'lijst', '--partner', 'zorg')).uit).toMatch(/0777Z0001 .* verversFout \S+: niet bereikbaar: ECONNREFUSED/);
  });

  it('ververs --alle [--partner]: elke spiegel gevraagd; een partner zonder zds-adres kan niet ververst worden', async () => {
    const zorg = await voerUit(config, 'ververs', '--alle', '--partner', 'zorg');
    expect(zorg.code).toBe(1);
    expect(zorg.uit.split('\n').filter((r) => r.includes('niet ververst: niet bereikbaar')).sort()).toEqual([
      expect.stringMatching(/^0777Z0001: /), expect.stringMatching(/^0777Z0002: /),
    ]);
    expect(zorg.uit).not.toContain('0888W0001');
    const alle = await voerUit(config, 'ververs', '--alle');
    expect(alle.code).toBe(1);
    expect(alle.uit).toContain('0888W0001: niet ververst: ketenpartner werk heeft geen zds-adres in de configuratie\n');
    expect(alle.uit).toMatch(/\n0 zaken ververst, 3 niet\n$/);
    expect(await metStore(async (s) => (await s.spiegelzaken.vind('0888W0001'))!.verversFout)).toBe('ketenpartner werk heeft geen zds-adres in de configuratie');
    // No mirrors at all: nothing to ask, nothing failed.
    expect(await voerUit(leeg, 'ververs', '--alle')).toEqual({ code: 0, uit: 'geen gespiegelde zaken\n' });
  });
});
