import { isLocalDate, type LocalDate } from './calendar';
import data from './holidays-id.json';

// Workflow-safe: the official lists ship as JSON inside the bundle, no I/O at run time.

export const HOLIDAY_KINDS = ['LIBUR_NASIONAL', 'CUTI_BERSAMA'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

export const HOLIDAY_KIND_LABELS: Record<HolidayKind, string> = {
  LIBUR_NASIONAL: 'Libur nasional',
  CUTI_BERSAMA: 'Cuti bersama',
};

export interface Holiday {
  date: LocalDate;
  name: string;
  kind: HolidayKind;
}

interface HolidayFile {
  source: string;
  years: Record<string, Holiday[]>;
}

// The JSON's kinds are plain strings to the compiler; the unit tests validate every entry.
const official = data as HolidayFile;

/** Which decrees (SKB 3 Menteri) the shipped lists come from. */
export const OFFICIAL_HOLIDAYS_SOURCE: string = official.source;

/** Years that have an official list shipped with the code, ascending. */
export const OFFICIAL_HOLIDAY_YEARS: number[] = Object.keys(official.years)
  .map(Number)
  .sort((a, b) => a - b);

export function isHolidayKind(value: unknown): value is HolidayKind {
  return typeof value === 'string' && (HOLIDAY_KINDS as readonly string[]).includes(value);
}

/**
 * The SKB list (libur nasional and cuti bersama) for a year, sorted by date; undefined when none
 * ships with the code. Returns copies, so callers may edit them (e.g. before seeding the database).
 */
export function officialHolidays(year: number): Holiday[] | undefined {
  const list = official.years[String(year)];
  if (!list) return undefined;
  return list.map((h) => ({ ...h })).sort((a, b) => a.date.localeCompare(b.date));
}

/** Checks a holiday an admin enters; returns what to fix, in Bahasa Indonesia (empty when valid). */
export function validateHoliday(h: unknown): string[] {
  if (typeof h !== 'object' || h === null) return ['Data hari libur harus berisi tanggal, nama, dan jenis.'];
  const { date, name, kind } = h as Record<string, unknown>;
  const errors: string[] = [];
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    errors.push('Tanggal hari libur wajib diisi dengan format TTTT-BB-HH, misalnya 2026-03-20.');
  } else if (!isLocalDate(date)) {
    errors.push(`Tanggal ${date} tidak ada di kalender.`);
  }
  if (typeof name !== 'string' || name.trim() === '') {
    errors.push('Nama hari libur wajib diisi.');
  }
  if (!isHolidayKind(kind)) {
    errors.push('Jenis hari libur harus LIBUR_NASIONAL (libur nasional) atau CUTI_BERSAMA (cuti bersama).');
  }
  return errors;
}
