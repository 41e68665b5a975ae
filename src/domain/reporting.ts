/**
 * Recap report periods (SOP section D): a month, or a semester (January-June, July-December), in WIB.
 * Pure: shared by the report workflow's activities, the API and the tests.
 */
import { DateTime } from 'luxon';
import { OFFICE_ZONE, type WorkingDayCalendar } from './calendar';

export type ReportKind = 'MONTHLY' | 'SEMESTER';

export interface ReportPeriod {
  kind: ReportKind;
  year: number;
  /** 1..12 for MONTHLY, 1..2 for SEMESTER */
  index: number;
  /** Inclusive start, 00:00 WIB */
  from: Date;
  /** Exclusive end, 00:00 WIB of the next period */
  to: Date;
  /** Stable id of the stored report, e.g. BULANAN-2026-10 or SEMESTER-2026-1 */
  id: string;
  /** In Bahasa Indonesia, e.g. "Oktober 2026" or "Semester I (Januari-Juni) 2026" */
  label: string;
  /** The months (1..12) the period covers, for trend charts. */
  months: number[];
}

import { MONTH_NAMES } from './months';

export { MONTH_NAMES };

function startOfMonth(year: number, month: number): DateTime {
  return DateTime.fromObject({ year, month, day: 1 }, { zone: OFFICE_ZONE });
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new RangeError(`year out of range: ${year}`);
}

export function monthlyPeriod(year: number, month: number): ReportPeriod {
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new RangeError(`month must be 1..12: ${month}`);
  const from = startOfMonth(year, month);
  return {
    kind: 'MONTHLY',
    year,
    index: month,
    from: from.toJSDate(),
    to: from.plus({ months: 1 }).toJSDate(),
    id: `BULANAN-${year}-${String(month).padStart(2, '0')}`,
    label: `${MONTH_NAMES[month - 1]} ${year}`,
    months: [month],
  };
}

export function semesterPeriod(year: number, half: number): ReportPeriod {
  checkYear(year);
  if (half !== 1 && half !== 2) throw new RangeError(`half must be 1 or 2: ${half}`);
  const first = half === 1 ? 1 : 7;
  const from = startOfMonth(year, first);
  return {
    kind: 'SEMESTER',
    year,
    index: half,
    from: from.toJSDate(),
    to: from.plus({ months: 6 }).toJSDate(),
    id: `SEMESTER-${year}-${half}`,
    label: `Semester ${half === 1 ? 'I (Januari–Juni)' : 'II (Juli–Desember)'} ${year}`,
    months: Array.from({ length: 6 }, (_, i) => first + i),
  };
}

/** The first working day (WIB) of the month containing `instant`, as YYYY-MM-DD. */
export function firstWorkingDayOfMonth(instant: Date, calendar: WorkingDayCalendar): string {
  let day = DateTime.fromJSDate(instant, { zone: OFFICE_ZONE }).startOf('month');
  while (!calendar.isWorkingDay(day.toISODate()!)) day = day.plus({ days: 1 });
  return day.toISODate()!;
}

/**
 * What the scheduled run at `instant` must produce: on the first working day of a month, the previous
 * month's report; in January and July also the semester that just ended. Any other day: nothing.
 */
export function reportsDueOn(instant: Date, calendar: WorkingDayCalendar): ReportPeriod[] {
  const today = DateTime.fromJSDate(instant, { zone: OFFICE_ZONE });
  if (today.toISODate() !== firstWorkingDayOfMonth(instant, calendar)) return [];
  const previous = today.startOf('month').minus({ months: 1 });
  const due = [monthlyPeriod(previous.year, previous.month)];
  if (today.month === 1) due.push(semesterPeriod(previous.year, 2));
  if (today.month === 7) due.push(semesterPeriod(today.year, 1));
  return due;
}
