// StUF dates and timestamps: Dutch local time on the wire, UTC instants in the store, precision kept.
import { StufFout } from '../../src/stuf/fout';
import {
  amsterdamLocalToUtc, amsterdamOffsetAt, checkDatum, datumVan, formatAmsterdam, formatTijdstip, nuTijdstip, parseTijdstip, vandaag,
} from '../../src/stuf/tijd';

const UUR = 3_600_000;
const utc = (iso: string) => Date.parse(iso);

/** The offset the platform's time zone database gives (ICU), as an independent oracle. */
const tzdb = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' });
function tzdbOffset(ms: number): number {
  const naam = tzdb.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')!.value; // "GMT+02:00"
  const m = /GMT([+-])(\d\d):(\d\d)/.exec(naam);
  return m ? (m[1] === '+' ? 1 : -1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 0;
}

describe('amsterdamOffsetAt: zomertijd wisselt om 01:00 UTC op de laatste zondag van maart en oktober', () => {
  it.each([
    // 2024: last Sundays are 31 March and 27 October.
    ['2024-03-31T00:59:59.999Z', 1],
    ['2024-03-31T01:00:00.000Z', 2],
    ['2024-10-27T00:59:59.999Z', 2],
    ['2024-10-27T01:00:00.000Z', 1],
    // 2025: 30 March and 26 October; a March with 31 days whose last day is a Monday.
    ['2025-03-30T00:59:00.000Z', 1],
    ['2025-03-30T01:00:00.000Z', 2],
    ['2025-10-26T00:59:00.000Z', 2],
    ['2025-10-26T01:00:00.000Z', 1],
    // Last Sunday on the 31st itself (2019: 31 March; 2021: 31 October).
    ['2019-03-31T01:00:00.000Z', 2],
    ['2021-10-31T00:30:00.000Z', 2],
    ['2021-10-31T01:30:00.000Z', 1],
    // Before 1996 summer time ended on the last Sunday of September (1995: 24 September).
    ['1995-09-24T00:59:00.000Z', 2],
    ['1995-09-24T01:00:00.000Z', 1],
    ['1995-10-15T12:00:00.000Z', 1],
    // 1977-1980 started on the first Sunday of April (1980: 6 April); 1978 ended on 1 October.
    ['1980-03-30T12:00:00.000Z', 1],
    ['1980-04-06T01:00:00.000Z', 2],
    ['1978-09-30T12:00:00.000Z', 2],
    ['1978-10-01T01:00:00.000Z', 1],
    // No summer time 1946-1976.
    ['1970-07-01T12:00:00.000Z', 1],
    ['2024-01-15T12:00:00.000Z', 1],
    ['2024-07-15T12:00:00.000Z', 2],
  ])('%s → UTC+%i', (iso, uren) => {
    expect(amsterdamOffsetAt(utc(iso))).toBe(uren * UUR);
  });

  it('stemt van 1977 tot 2040 elk kwartier overeen met de tijdzonedatabase', () => {
    const verschillen: string[] = [];
    for (let ms = utc('1977-01-01T00:00:00Z'); ms < utc('2041-01-01T00:00:00Z'); ms += 15 * 60_000) {
      if (amsterdamOffsetAt(ms) !== tzdbOffset(ms)) verschillen.push(new Date(ms).toISOString());
    }
    expect(verschillen.slice(0, 5)).toEqual([]);
  });
});

describe('amsterdamLocalToUtc: wandkloktijd in Amsterdam naar een UTC-moment', () => {
  it.each([
    ['winter', [2024, 1, 15, 10, 30, 0, 0], '2024-01-15T09:30:00.000Z'],
    ['zomer', [2024, 7, 15, 10, 30, 0, 0], '2024-07-15T08:30:00.000Z'],
    ['vlak voor het gat in maart', [2024, 3, 31, 1, 59, 59, 999], '2024-03-31T00:59:59.999Z'],
    ['na het gat in maart', [2024, 3, 31, 3, 0, 0, 0], '2024-03-31T01:00:00.000Z'],
    // 02:00-03:00 does not exist on that day: read as the same wall-clock minutes in summer time (an hour later).
    ['in het gat (bestaat niet)', [2024, 3, 31, 2, 30, 0, 0], '2024-03-31T01:30:00.000Z'],
    // 02:00-03:00 happens twice in October: the first (summer time) is chosen.
    ['dubbel uur in oktober', [2024, 10, 27, 2, 30, 0, 0], '2024-10-27T00:30:00.000Z'],
    ['na het dubbele uur', [2024, 10, 27, 3, 0, 0, 0], '2024-10-27T02:00:00.000Z'],
    ['middernacht: de dag verschuift in UTC, niet in Amsterdam', [2024, 6, 1, 0, 0, 0, 0], '2024-05-31T22:00:00.000Z'],
  ] as const)('%s', (_naam, [y, mo, d, h, mi, s, ms], iso) => {
    expect(new Date(amsterdamLocalToUtc(y, mo, d, h, mi, s, ms)).toISOString()).toBe(iso);
  });
});

describe('parseTijdstip: 8 tot 17 cijfers, lokale tijd, precisie bewaard', () => {
  it.each([
    ['20240115', '2024-01-14T23:00:00.000Z', 8],
    ['2024011510', '2024-01-15T09:00:00.000Z', 10],
    ['202401151030', '2024-01-15T09:30:00.000Z', 12],
    ['20240115103005', '2024-01-15T09:30:05.000Z', 14],
    ['202401151030051', '2024-01-15T09:30:05.100Z', 15],
    ['2024011510300512', '2024-01-15T09:30:05.120Z', 16],
    ['20200507075603462', '2020-05-07T05:56:03.462Z', 17], // the field notes' example, in summer time
  ])('%s', (raw, iso, digits) => {
    expect(parseTijdstip(raw)).toEqual({ utc: iso, digits });
  });

  it('leest om witruimte heen', () => {
    expect(parseTijdstip(' 20240115103005 \n').utc).toBe('2024-01-15T09:30:05.000Z');
  });

  it.each([
    ['20240230', 'geen bestaande datum'], // 30 February
    ['20230229', 'geen bestaande datum'], // not a leap year
    ['20241301', 'geen bestaande datum'],
    ['20240100', 'geen bestaande datum'],
    ['20240115240000', 'ongeldige tijd'],
    ['20240115126000', 'ongeldige tijd'],
    ['20240115120060', 'ongeldige tijd'],
    ['2024011', 'geen geldig StUF-tijdstip'], // 7 digits
    ['202401151', 'geen geldig StUF-tijdstip'], // 9: half an hour field
    ['20240115103', 'geen geldig StUF-tijdstip'],
    ['2024011510300', 'geen geldig StUF-tijdstip'],
    ['202401151030051234', 'geen geldig StUF-tijdstip'], // 18 digits
    ['2024-01-15', 'geen geldig StUF-tijdstip'],
    ['2024011510300Z', 'geen geldig StUF-tijdstip'],
    ['', 'geen geldig StUF-tijdstip'],
  ])('weigert %s met StUF055 (%s)', (raw, melding) => {
    let fout: unknown;
    try {
      parseTijdstip(raw, 'heeft/datumStatusGezet');
    } catch (e) {
      fout = e;
    }
    expect(fout).toBeInstanceOf(StufFout);
    expect((fout as StufFout).code).toBe('StUF055');
    expect((fout as StufFout).details).toContain('heeft/datumStatusGezet');
    expect((fout as StufFout).details).toContain(melding);
  });

  it('29 februari in een schrikkeljaar bestaat', () => {
    expect(parseTijdstip('20240229').utc).toBe('2024-02-28T23:00:00.000Z');
  });

  it('een jaar onder 100 blijft dat jaar (Date.UTC zou er 19xx van maken)', () => {
    expect(parseTijdstip('00240115').utc).toBe('0024-01-14T23:00:00.000Z');
    expect(formatTijdstip(parseTijdstip('00240115'))).toBe('00240115');
  });
});

describe('formatTijdstip/formatAmsterdam: terug naar de lokale cijfers', () => {
  it.each([
    '20240115', '2024011510', '202401151030', '20240115103005', '202401151030051', '2024011510300512', '20240115103005123',
    '20200507075603462', '20240331015959999', '20240331030000000', '20241027015959', '20241027030000', '20241231235959999',
    '19800101', '19780930120000', '20240229', '19010101',
  ])('%s → parse → format → hetzelfde', (raw) => {
    expect(formatTijdstip(parseTijdstip(raw))).toBe(raw);
  });

  it('het dubbele uur in oktober komt terug als het eerste (zomertijd) en blijft vóór het uur erna', () => {
    const dubbel = parseTijdstip('20241027023000');
    expect(formatTijdstip(dubbel)).toBe('20241027023000');
    expect(dubbel.utc < parseTijdstip('20241027030000').utc).toBe(true);
  });

  it('een niet-bestaande tijd in maart schuift een uur op', () => {
    expect(formatTijdstip(parseTijdstip('20240331023000'))).toBe('20240331033000');
  });

  it('precisie begrensd op 8 en 17', () => {
    const ms = utc('2024-07-15T08:30:05.123Z');
    expect(formatAmsterdam(ms)).toBe('20240715103005123');
    expect(formatAmsterdam(ms, 3)).toBe('20240715');
    expect(formatAmsterdam(ms, 25)).toBe('20240715103005123');
  });

  it('nuTijdstip en vandaag zijn lokale tijd', () => {
    const ms = utc('2024-06-30T22:30:00.000Z'); // already 1 July in Amsterdam
    expect(nuTijdstip(ms)).toBe('20240701003000000');
    expect(vandaag(ms)).toBe('20240701');
    expect(nuTijdstip()).toMatch(/^\d{17}$/);
  });

  it('datumVan: de Amsterdamse kalenderdag, geen UTC-dag (geen einddatum een dag te vroeg)', () => {
    expect(datumVan(parseTijdstip('20240115003000'))).toBe('20240115');
    expect(datumVan(parseTijdstip('20240701000000'))).toBe('20240701');
  });
});

describe('checkDatum: StUF:Datum en onvolledige datums', () => {
  it('een volledige datum wordt gecontroleerd en ongewijzigd teruggegeven', () => {
    expect(checkDatum('20240115', 'startdatum')).toBe('20240115');
    expect(checkDatum(' 19010101 ', 'geboortedatum')).toBe('19010101');
    expect(checkDatum('20240229', 'startdatum', 'V')).toBe('20240229');
  });

  it.each([
    ['19800000', 'M'],
    ['19800500', 'D'],
    ['00000000', 'J'],
    ['1980', 'M'],
  ])('%s met StUF:indOnvolledigeDatum %s', (raw, ind) => {
    expect(checkDatum(raw, 'geboortedatum', ind)).toBe(raw);
  });

  it.each([
    ['20240230', undefined],
    ['19800000', undefined],
    ['19800000', 'V'],
    ['2024011', undefined],
    ['202401150', undefined],
    ['1980-01-01', 'M'],
    ['19800101', 'X'],
    ['19801300', 'D'], // with D only the day is unknown: month 13 does not exist
  ])('weigert %s (indicator %s) met StUF055', (raw, ind) => {
    expect(() => checkDatum(raw, 'geboortedatum', ind)).toThrow(StufFout);
  });
});
