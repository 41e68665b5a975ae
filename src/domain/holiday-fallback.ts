import Holidays from 'date-holidays';
import { type Holiday, officialHolidays } from './holidays';

// NOT workflow-safe: date-holidays is a large rule engine; use it from activities only.

/**
 * Indonesian public holidays computed by the `date-holidays` rules, for years without an SKB list.
 * Only national holidays (type 'public'); the library knows nothing of cuti bersama.
 *
 * Dates come from the library's `date` field ('YYYY-MM-DD hh:mm:ss [offset]'), which is the local
 * calendar date in Indonesia. Its `start` instant is not used: Islamic holidays "start" at sunset
 * the evening before, so converting `start` to WIB would give the day before the holiday.
 */
export function fallbackHolidays(year: number): Holiday[] {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) {
    throw new RangeError(`Unsupported year: ${year}`);
  }
  // The rules are astronomical computations (~5 ms a year); a year's list never changes.
  let holidays = computed.get(year);
  if (!holidays) {
    holidays = computeFallback(year);
    computed.set(year, holidays);
  }
  return holidays.map((h) => ({ ...h }));
}

const computed = new Map<number, Holiday[]>();

function computeFallback(year: number): Holiday[] {
  const byDate = new Map<string, Holiday>();
  for (const h of new Holidays('ID').getHolidays(year)) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    // Two rules can land on one date; one non-working day is enough.
    if (date.startsWith(`${year}-`) && !byDate.has(date)) {
      byDate.set(date, { date, name: h.name, kind: 'LIBUR_NASIONAL' });
    }
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export interface YearHolidays {
  holidays: Holiday[];
  source: 'OFFICIAL' | 'FALLBACK';
  /** Set for FALLBACK: staff must know the deadline rests on an unchecked list. */
  warning?: string;
}

/** The shipped SKB list for a year, or else the computed fallback with a warning for the admin. */
export function holidaysForYear(year: number): YearHolidays {
  const official = officialHolidays(year);
  if (official) return { holidays: official, source: 'OFFICIAL' };
  return {
    holidays: fallbackHolidays(year),
    source: 'FALLBACK',
    warning:
      `Belum ada daftar resmi SKB 3 Menteri untuk tahun ${year}. Hari libur tahun ini diambil dari ` +
      'daftar otomatis yang tidak memuat cuti bersama dan bisa meleset satu hari untuk hari besar ' +
      'Islam, sehingga batas waktu pengaduan bisa keliru. Admin wajib memeriksa dan melengkapi daftar ' +
      `hari libur tahun ${year}.`,
  };
}
