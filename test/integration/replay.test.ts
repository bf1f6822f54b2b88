// The recorded conversations in fixtures/ replay without a difference, and the comparison catches what changed.
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BERICHTEN_MAP } from '../support/paden';
import { leesGesprek } from '../../src/replay/gesprek';
import { replay, speelGesprek, vindGesprekken } from '../../src/replay';
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
    for (const s of gesprek.stappen) copyFileSync(s.antwoordPad, join(BERICHTEN_MAP, `fixture-${basename(map)}-${basename(s.antwoordPad)}`));
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
    expect(await replay([], (s) => uit.push(s))).toBe(2);
    expect(await replay([FIXTURES], (s) => uit.push(s))).toBe(0);
    expect(uit.join('')).toContain('ok        01-creeerZaak.xml');
  });
});
