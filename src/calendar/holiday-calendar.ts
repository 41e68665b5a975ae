import type { EntityManager } from '@mikro-orm/core';
import { HolidayRecord } from '../db/entities';
import { WorkingDayCalendar } from '../domain/calendar';
import { holidaysForYear } from '../domain/holiday-fallback';

export interface NonWorkingDates {
  /** WIB dates (YYYY-MM-DD) that are holidays or cuti bersama. */
  nonWorkingDates: string[];
  /** Bahasa Indonesia warning when a year had no list and the date-holidays fallback was used. */
  warning?: string;
}

/**
 * The non-working days of the given years: the holiday table (official SKB lists and admins'
 * corrections), or for a year with no rows at all the date-holidays fallback, with a warning.
 * Shared by the workflow's activity and the API, so both compute the same deadline.
 */
export async function loadNonWorkingDates(em: EntityManager, years: number[]): Promise<NonWorkingDates> {
  const rows = await em.find(HolidayRecord, { year: { $in: years } });
  const dates = rows.map((r) => r.date);
  const warnings: string[] = [];
  for (const year of years) {
    if (rows.some((r) => r.year === year)) continue;
    const fallback = holidaysForYear(year);
    dates.push(...fallback.holidays.map((h) => h.date));
    if (fallback.warning) warnings.push(fallback.warning);
  }
  return { nonWorkingDates: [...new Set(dates)].sort(), warning: warnings.join(' ') || undefined };
}

/** The working-day calendar of the given years (see loadNonWorkingDates), for reads that need no warning. */
export async function loadWorkingDayCalendar(
  em: EntityManager,
  years: number[],
): Promise<WorkingDayCalendar> {
  return new WorkingDayCalendar((await loadNonWorkingDates(em, years)).nonWorkingDates);
}
