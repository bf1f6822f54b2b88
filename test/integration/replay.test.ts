// The recorded conversations in fixtures/ replay without a difference, and the comparison catches what changed:
// in the answers and in the notifications a step makes the gateway deliver (in-process and against a running one).
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { BERICHTEN_MAP } from '../support/paden';
import { startGateway } from '../support/gateway';
import { leesGesprek } from '../../src/replay/gesprek';
import { metOntvanger } from '../../src/replay/ontvanger';
import { REPLAY, replay, speelGesprek, vindGesprekken } from '../../src/replay';
import { GebruikFout } from '../../src/opdracht/argumenten';
import { verschillen } from '../../src/replay/vergelijk';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');

describe.each(vindGesprekken(FIXTURES).map((m) => [m.split('/').pop()!, m]))('fixture %s', (_naam, map) => {
  it('replays every step with the recorded answer', async () => {
    const gesprek = leesGesprek(map);
    const uitkomsten = await speelGesprek(gesprek);
    expect(uitkomsten.length).toBeGreaterThan(0);
    expect(uitkomsten.filter((u) => u.verschillen.length > 0)).toEqual([]);
    // The recorded answers join the conformance check, so a fixture can never hold an invalid message.
    mkdirSync(BERICHTEN_MAP, { recursive: true });
    for (const s of gesprek.stappen) {
      for (const pad of [s.antwoordPad, ...s.notificaties.map((n) => n.pad)]) copyFileSync(pad, join(BERICHTEN_MAP, `fixture-${basename(map)}-${basename(pad)}`));
    }
  });
});

/** The first four steps of a seed conversation (gezinsplan, document, person question, deelplan with its notification) in a scratch folder. */
function kortGesprek(): { map: string; yaml: string; opruimen: () => void } {
  const bron = join(FIXTURES, 'sociaal-domein-deelplan-door-backoffice-zds12');
  const map = mkdtempSync(join(tmpdir(), 'zdsgw-gesprek-'));
  cpSync(bron, map, { recursive: true });
  const yaml = readFileSync(join(bron, 'gesprek.yaml'), 'utf8').split('\n').filter((r) => !/^ {2}- \{ verzoek: (0[5-9]|1\d)-/.test(r)).join('\n');
  writeFileSync(join(map, 'gesprek.yaml'), yaml);
  return { map, yaml, opruimen: () => rmSync(map, { recursive: true, force: true }) };
}

describe('notifications in a conversation', () => {
  it('catches a changed, a missing and an unexpected notification', async () => {
    const { map, yaml, opruimen } = kortGesprek();
    try {
      expect((await speelGesprek(leesGesprek(map))).flatMap((u) => u.verschillen)).toEqual([]);

      const bericht = join(map, '04-notificatie-regiesysteem.xml');
      writeFileSync(bericht, readFileSync(bericht, 'utf8').replace('>Creeer zaak<', '>Update zaak<'));
      let u = await speelGesprek(leesGesprek(map));
      expect(u[3].verschillen[0]).toBe('notificatie aan regiesysteem (04-notificatie-regiesysteem.xml) verschilt:');
      expect(u[3].verschillen[1]).toContain("verwacht 'Update zaak', kreeg 'Creeer zaak'");

      // The step no longer expects it: it arrived all the same.
      writeFileSync(join(map, 'gesprek.yaml'), yaml.replace(/, notificaties: \[[^\]]*\]/, ''));
      u = await speelGesprek(leesGesprek(map));
      expect(u[3].verschillen).toEqual(['onverwachte notificatie aan regiesysteem (SOAPAction http://www.egem.nl/StUF/sector/rzs/0310/notificeerOverZaak): zaak 0599JGD20240010, gebeurtenis Creeer zaak']);

      // Expected of a step that causes none.
      writeFileSync(join(map, 'gesprek.yaml'), yaml.replace('antwoord: 01-antwoord.xml', 'antwoord: 01-antwoord.xml, notificaties: [{ bestemming: jeugdsuite, bericht: 04-notificatie-regiesysteem.xml }]'));
      u = await speelGesprek(leesGesprek(map));
      expect(u[0].verschillen).toEqual(['notificatie aan jeugdsuite (04-notificatie-regiesysteem.xml) is niet bezorgd']);
    } finally {
      opruimen();
    }
  });

  it('records notifications with --vastleggen', async () => {
    const { map, opruimen } = kortGesprek();
    try {
      const bericht = join(map, '04-notificatie-regiesysteem.xml');
      const opgenomen = readFileSync(bericht, 'utf8');
      writeFileSync(bericht, '<leeg/>');
      expect((await speelGesprek(leesGesprek(map), { vastleggen: true })).flatMap((u) => u.verschillen)).toEqual([]);
      expect(verschillen(opgenomen, readFileSync(bericht, 'utf8'))).toEqual([]);
    } finally {
      opruimen();
    }
  });

  it('checks them against a running gateway whose destinations point at --ontvanger-poort', async () => {
    const { map, opruimen } = kortGesprek();
    const poort = await new Promise<number>((klaar) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => klaar(p));
      });
    });
    const gw = await startGateway({ ...metOntvanger(leesGesprek(map).configuratie, `http://127.0.0.1:${poort}`), bezorging: { intervalMs: 50 } });
    try {
      const url = await gw.app.listen({ port: 0, host: '127.0.0.1' });
      const uit: string[] = [];
      expect(await replay([map, '--url', url, '--ontvanger-poort', String(poort)], (s) => uit.push(s))).toBe(0);
      expect(uit.join('')).toContain('ok        04-creeerZaak-deelplan.xml (+1 notificatie)');
      // Without a receiver the answers are still compared, and the replay says what it did not check. (The same
      // referentienummers again: the gateway answers them from its idempotency store, the same answers.)
      const zonder: string[] = [];
      expect(await replay([map, '--url', url], (s) => zonder.push(s))).toBe(0);
      expect(zonder.join('')).toContain('notificaties niet gecontroleerd');
      await expect(replay([map, '--url', url, '--ontvanger-poort', 'x'], () => {})).rejects.toThrow(new GebruikFout(`replay: --ontvanger-poort 'x' is geen poortnummer\n${REPLAY.gebruik}`));
    } finally {
      await gw.sluit();
      opruimen();
    }
  });
});

describe('the comparison', () => {
  const antwoord = (ref: string, tijd: string, sleutel: string, oms: string) =>
    `<a:x xmlns:a="urn:a" xmlns:StUF="http://www.egem.nl/StUF/StUF0301"><a:stuurgegevens><StUF:referentienummer>${ref}</StUF:referentienummer>` +
    `<StUF:tijdstipBericht>${tijd}</StUF:tijdstipBericht></a:stuurgegevens><a:object StUF:sleutelVerzendend="${sleutel}"><a:omschrijving>${oms}</a:omschrijving></a:object></a:x>`;

  it('ignores our own referentienummer, tijdstipBericht and internal keys', () => {
    expect(verschillen(antwoord('r1', '20240101', '1', 'x'), antwoord('r2', '20250101', '7', 'x'))).toEqual([]);
  });

  it('reports changed values, elements and prefixes-independent names', () => {
    expect(verschillen(antwoord('r', 't', '1', 'x'), antwoord('r', 't', '1', 'y'))[0]).toContain("verwacht 'x', kreeg 'y'");
    expect(verschillen('<a xmlns="urn:a"><b/></a>', '<p:a xmlns:p="urn:a"><p:b/></p:a>')).toEqual([]);
    expect(verschillen('<a xmlns="urn:a"><b/></a>', '<a xmlns="urn:a"><c/></a>')[0]).toContain('verwacht element');
    expect(verschillen('<a xmlns="urn:a"><b/></a>', '<a xmlns="urn:a"/>')[0]).toContain('ontbreekt');
  });

  it('makes the replay command fail on a difference', async () => {
    const uit: string[] = [];
    await expect(replay([], (s) => uit.push(s))).rejects.toBeInstanceOf(GebruikFout);
    expect(await replay([FIXTURES], (s) => uit.push(s))).toBe(0);
    expect(uit.join('')).toContain('ok        01-creeerZaak.xml');
  });
});
