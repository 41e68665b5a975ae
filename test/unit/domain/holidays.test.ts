import { DateTime } from 'luxon';
import { OFFICE_ZONE } from '../../../src/domain/calendar';
import { fallbackHolidays, holidaysForYear } from '../../../src/domain/holiday-fallback';
import {
  isHolidayKind,
  OFFICIAL_HOLIDAY_YEARS,
  OFFICIAL_HOLIDAYS_SOURCE,
  officialHolidays,
  validateHoliday,
} from '../../../src/domain/holidays';

const weekday = (date: string) => DateTime.fromISO(date, { zone: OFFICE_ZONE }).weekday;

describe('official SKB holiday lists', () => {
  it('ship for 2025 and 2026, naming the decrees', () => {
    expect(OFFICIAL_HOLIDAY_YEARS).toEqual([2025, 2026]);
    expect(OFFICIAL_HOLIDAYS_SOURCE).toContain('1017 Tahun 2024');
    expect(OFFICIAL_HOLIDAYS_SOURCE).toContain('1497 Tahun 2025');
  });

  it.each(OFFICIAL_HOLIDAY_YEARS)('%i: every entry is valid, in its year, unique and sorted', (year) => {
    const list = officialHolidays(year)!;
    for (const h of list) {
      expect(validateHoliday(h)).toEqual([]);
      expect(h.date.startsWith(`${year}-`)).toBe(true);
    }
    const dates = list.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates).toEqual([...dates].sort());
  });

  it.each([
    [2025, 17, 11], // 10 cuti bersama in the SKB, plus 18 Aug 2025 added by its amendment
    [2026, 17, 8],
  ])('%i has %i libur nasional and %i cuti bersama', (year, libur, cuti) => {
    const list = officialHolidays(year)!;
    expect(list.filter((h) => h.kind === 'LIBUR_NASIONAL')).toHaveLength(libur);
    expect(list.filter((h) => h.kind === 'CUTI_BERSAMA')).toHaveLength(cuti);
  });

  it('puts cuti bersama on weekdays only (leave on a weekend would be meaningless)', () => {
    const cuti = OFFICIAL_HOLIDAY_YEARS.flatMap((y) => officialHolidays(y)!).filter(
      (h) => h.kind === 'CUTI_BERSAMA',
    );
    for (const h of cuti) expect(weekday(h.date)).toBeLessThanOrEqual(5);
  });

  it.each([
    ['2025-01-27', 'LIBUR_NASIONAL'],
    ['2025-03-31', 'LIBUR_NASIONAL'],
    ['2025-04-07', 'CUTI_BERSAMA'],
    ['2025-08-18', 'CUTI_BERSAMA'],
    ['2025-12-26', 'CUTI_BERSAMA'],
    ['2026-02-16', 'CUTI_BERSAMA'],
    ['2026-03-20', 'CUTI_BERSAMA'],
    ['2026-03-21', 'LIBUR_NASIONAL'],
    ['2026-03-22', 'LIBUR_NASIONAL'],
    ['2026-05-31', 'LIBUR_NASIONAL'],
    ['2026-08-25', 'LIBUR_NASIONAL'],
    ['2026-12-24', 'CUTI_BERSAMA'],
  ])('contains %s as %s', (date, kind) => {
    const h = officialHolidays(Number(date.slice(0, 4)))!.find((x) => x.date === date);
    expect(h?.kind).toBe(kind);
  });

  it('has no list for other years', () => {
    expect(officialHolidays(2024)).toBeUndefined();
    expect(officialHolidays(2030)).toBeUndefined();
  });

  it('returns copies that callers cannot use to change the shipped data', () => {
    const first = officialHolidays(2026)!;
    first[0].name = 'diubah';
    first.pop();
    const again = officialHolidays(2026)!;
    expect(again[0].name).toBe('Tahun Baru 2026 Masehi');
    expect(again).toHaveLength(25);
  });
});

describe('validateHoliday', () => {
  it('accepts a complete holiday', () => {
    expect(
      validateHoliday({ date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'LIBUR_NASIONAL' }),
    ).toEqual([]);
  });

  it('reports each problem in Bahasa Indonesia', () => {
    expect(validateHoliday(null)).toEqual(['Data hari libur harus berisi tanggal, nama, dan jenis.']);
    expect(validateHoliday({ date: '1-1-2027', name: 'X', kind: 'CUTI_BERSAMA' })).toEqual([
      expect.stringContaining('format TTTT-BB-HH'),
    ]);
    expect(validateHoliday({ date: '2027-02-29', name: 'X', kind: 'CUTI_BERSAMA' })).toEqual([
      'Tanggal 2027-02-29 tidak ada di kalender.',
    ]);
    expect(validateHoliday({ date: '2027-01-01', name: '   ', kind: 'CUTI_BERSAMA' })).toEqual([
      'Nama hari libur wajib diisi.',
    ]);
    expect(validateHoliday({ date: '2027-01-01', name: 'X', kind: 'LIBUR' })).toEqual([
      expect.stringContaining('LIBUR_NASIONAL'),
    ]);
    expect(validateHoliday({})).toHaveLength(3);
  });

  it('knows the two kinds', () => {
    expect(isHolidayKind('CUTI_BERSAMA')).toBe(true);
    expect(isHolidayKind('cuti_bersama')).toBe(false);
  });
});

describe('fallback holidays (date-holidays)', () => {
  it('computes national holidays for a year without an SKB list', () => {
    const list = fallbackHolidays(2030);
    expect(list.length).toBeGreaterThanOrEqual(10);
    for (const h of list) {
      expect(validateHoliday(h)).toEqual([]);
      expect(h.kind).toBe('LIBUR_NASIONAL');
      expect(h.date.startsWith('2030-')).toBe(true);
    }
    const dates = list.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates).toEqual([...dates].sort());
    expect(dates).toEqual(
      expect.arrayContaining(['2030-01-01', '2030-05-01', '2030-06-01', '2030-08-17', '2030-12-25']),
    );
  });

  it('uses the holiday date itself, not the sunset before an Islamic holiday', () => {
    // The library starts Idul Fitri 1451 H at 18:00 on 3 Feb 2030; the holidays are 4 and 5 Feb.
    const idulFitri = fallbackHolidays(2030).filter((h) => /Idul Fitri/i.test(h.name));
    expect(idulFitri.map((h) => h.date)).toEqual(['2030-02-04', '2030-02-05']);
  });

  it('agrees with the SKB on the fixed-date holidays of 2026', () => {
    const dates = fallbackHolidays(2026).map((h) => h.date);
    expect(dates).toEqual(
      expect.arrayContaining(['2026-01-01', '2026-05-01', '2026-06-01', '2026-08-17', '2026-12-25']),
    );
  });

  it('rejects nonsense years', () => {
    expect(() => fallbackHolidays(2030.5)).toThrow(RangeError);
  });

  it('prefers the official list and warns when it has to fall back', () => {
    for (const year of OFFICIAL_HOLIDAY_YEARS) {
      const result = holidaysForYear(year);
      expect(result.source).toBe('OFFICIAL');
      expect(result.warning).toBeUndefined();
      expect(result.holidays).toEqual(officialHolidays(year));
    }
    const fallback = holidaysForYear(2030);
    expect(fallback.source).toBe('FALLBACK');
    expect(fallback.holidays).toEqual(fallbackHolidays(2030));
    expect(fallback.warning).toContain('SKB 3 Menteri untuk tahun 2030');
    expect(fallback.warning).toContain('tidak memuat cuti bersama');
    expect(fallback.warning).toContain('meleset satu hari');
    expect(fallback.warning).toContain('Admin wajib memeriksa');
  });
});
