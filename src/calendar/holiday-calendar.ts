import type { EntityManager } from '@mikro-orm/core';
import { HolidayRecord } from '../db/entities';
import { WorkingDayCalendar } from '../domain/calendar';
import { holidaysForYear } from '../domain/holiday-fallback';
import type { YearWarnings } from '../domain/holiday-warning';
import { officialHolidays } from '../domain/holidays';

export interface NonWorkingDates {
  /** WIB dates (YYYY-MM-DD) that are holidays or cuti bersama. */
  nonWorkingDates: string[];
  /** Bahasa Indonesia warning when a year had no list and the date-holidays fallback was used. */
  warning?: string;
  /**
   * The same warning per year ('2027': ...), only for the years that had no list: a deadline is
   * warned about only for the years its working days reach (deadlineCalendarWarning).
   */
  yearWarnings?: YearWarnings;
}

/**
 * The non-working days of the given years: the holiday table (official SKB lists and admins'
 * corrections), or for a year with no rows at all the date-holidays fallback, with a warning.
 * Shared by the workflow's activity and the API, so both compute the same deadline.
 */
export async function loadNonWorkingDates(em: EntityManager, years: number[]): Promise<NonWorkingDates> {
  const rows = await em.find(HolidayRecord, { year: { $in: years } });
  const dates = rows.map((r) => r.date);
  const yearWarnings: YearWarnings = {};
  for (const year of years) {
    if (rows.some((r) => r.year === year)) continue;
    const fallback = holidaysForYear(year);
    dates.push(...fallback.holidays.map((h) => h.date));
    if (fallback.warning) yearWarnings[String(year)] = fallback.warning;
  }
  const warning = Object.values(yearWarnings).join(' ') || undefined;
  return {
    nonWorkingDates: [...new Set(dates)].sort(),
    warning,
    ...(warning ? { yearWarnings } : {}),
  };
}

/** The working-day calendar of the given years (see loadNonWorkingDates), for reads that need no warning. */
export async function loadWorkingDayCalendar(
  em: EntityManager,
  years: number[],
): Promise<WorkingDayCalendar> {
  return new WorkingDayCalendar((await loadNonWorkingDates(em, years)).nonWorkingDates);
}

/**
 * Of the given years, those without an official holiday list: no rows in the holiday table (seeded
 * SKB list or an admin's) and no SKB list shipped with the code. Their deadlines use the fallback.
 */
export async function yearsWithoutHolidayList(em: EntityManager, years: number[]): Promise<number[]> {
  const candidates = years.filter((y) => !officialHolidays(y));
  if (candidates.length === 0) return [];
  const rows = await em.find(HolidayRecord, { year: { $in: candidates } }, { fields: ['year'] });
  const stored = new Set(rows.map((r) => r.year));
  return candidates.filter((y) => !stored.has(y));
}
