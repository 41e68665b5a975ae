import { DateTime, FixedOffsetZone } from 'luxon';

// Workflow-safe: no I/O, no clock, no randomness. Every instant comes in as an argument.

/**
 * The office works in WIB (Asia/Jakarta); every "day" in the SOP is a calendar day in this zone.
 * Asia/Jakarta has been UTC+7, without daylight saving, since 1964, so the zone is the fixed offset:
 * the same dates, without asking the runtime's time-zone data on every step (the deadline arithmetic
 * runs in every workflow, and that lookup was most of its cost).
 */
export const OFFICE_ZONE = FixedOffsetZone.instance(7 * 60);

/** SOP C.1.c and C.2.d: a complaint is answered at the latest 10 working days after receipt. */
export const SLA_WORKING_DAYS = 10;

/** A calendar date in WIB, 'YYYY-MM-DD'. */
export type LocalDate = string;

/**
 * Longest run of consecutive non-working days we accept before deciding the holiday list is broken
 * (about ten years). Without it a list that covers every date would loop forever inside a workflow.
 */
const MAX_CONSECUTIVE_NON_WORKING_DAYS = 3660;

const LOCAL_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True for a 'YYYY-MM-DD' string naming a date that exists (so '2026-02-30' is false). */
export function isLocalDate(value: unknown): value is LocalDate {
  return (
    typeof value === 'string' &&
    LOCAL_DATE_PATTERN.test(value) &&
    DateTime.fromISO(value, { zone: OFFICE_ZONE }).isValid
  );
}

function dayOf(date: LocalDate): DateTime {
  if (!isLocalDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${String(date)}`);
  return DateTime.fromISO(date, { zone: OFFICE_ZONE });
}

function isoDate(day: DateTime): LocalDate {
  // toISODate() is only null for invalid DateTimes, which dayOf() never produces.
  return day.toISODate() as LocalDate;
}

function checkCount(name: string, n: number, min: number): void {
  if (!Number.isInteger(n) || n < min) throw new RangeError(`${name} must be an integer >= ${min}, got ${n}`);
}

/**
 * Working days of the office: Monday to Friday in WIB, minus the dates in `nonWorkingDates`
 * (libur nasional and cuti bersama, loaded from data an admin can correct).
 *
 * Deadline rule (SOP: "paling lambat 10 hari kerja setelah pengaduan diterima petugas"):
 * - day 0 is the WIB calendar date on which the officer received the complaint, whatever the time
 *   and whether or not it is a working day;
 * - the deadline is the END (23:59:59.999 WIB) of the n-th working day strictly after day 0.
 *
 * Example: received Friday 2026-11-27 15:00 WIB, no holidays: day 1 is Monday 11-30 and the
 * deadline is the end of Friday 2026-12-11. A complaint received on a Saturday, Sunday or holiday
 * also counts from the next working day, so its deadline equals that of one received the evening
 * before.
 */
export class WorkingDayCalendar {
  private readonly nonWorking: ReadonlySet<LocalDate>;

  /** Throws RangeError on a malformed date: a silently ignored holiday would move deadlines. */
  constructor(nonWorkingDates: Iterable<LocalDate>) {
    const dates = new Set<LocalDate>();
    for (const date of nonWorkingDates) {
      dayOf(date);
      dates.add(date);
    }
    this.nonWorking = dates;
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.isWorking(dayOf(date));
  }

  /** The WIB calendar date of an instant. */
  localDateOf(instant: Date): LocalDate {
    return isoDate(this.wib(instant).startOf('day'));
  }

  /** End (23:59:59.999 WIB) of the n-th working day strictly after the WIB date of `receivedAt`. */
  addWorkingDays(receivedAt: Date, n: number): Date {
    checkCount('n', n, 1);
    const day = this.step(this.wib(receivedAt).startOf('day'), n, 1);
    return day.endOf('day').toJSDate();
  }

  /**
   * `hour`:00 WIB on the working day n working days before the day containing `dueAt` (n = 0 is
   * that day itself). Used for reminders; the result may be in the past, callers skip those.
   */
  workingDaysBefore(dueAt: Date, n: number, hour = 8): Date {
    checkCount('n', n, 0);
    if (!Number.isInteger(hour) || hour < 0 || hour > 23)
      throw new RangeError(`hour must be 0..23, got ${hour}`);
    const day = this.step(this.wib(dueAt).startOf('day'), n, -1);
    return day.set({ hour }).toJSDate();
  }

  /** Number of working days d with localDate(from) < d <= localDate(to); 0 when to is not later. */
  workingDaysBetween(from: Date, to: Date): number {
    let day = this.wib(from).startOf('day');
    const last = this.wib(to).startOf('day');
    let count = 0;
    while (day < last) {
      day = day.plus({ days: 1 });
      if (this.isWorking(day)) count++;
    }
    return count;
  }

  private wib(instant: Date): DateTime {
    // No instanceof check: workflow sandboxes and test runners may have their own Date realm.
    if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid Date');
    return DateTime.fromJSDate(instant, { zone: OFFICE_ZONE });
  }

  private isWorking(day: DateTime): boolean {
    // Luxon weekdays: 1 = Monday ... 6 = Saturday, 7 = Sunday.
    return day.weekday <= 5 && !this.nonWorking.has(isoDate(day));
  }

  /** Moves `n` working days from `start` (exclusive) in `direction`, returning the day reached. */
  private step(start: DateTime, n: number, direction: 1 | -1): DateTime {
    let day = start;
    let found = 0;
    let run = 0;
    while (found < n) {
      day = day.plus({ days: direction });
      if (this.isWorking(day)) {
        found++;
        run = 0;
      } else if (++run > MAX_CONSECUTIVE_NON_WORKING_DAYS) {
        throw new Error(
          `More than ${MAX_CONSECUTIVE_NON_WORKING_DAYS} consecutive non-working days near ${isoDate(day)}`,
        );
      }
    }
    return day;
  }
}

/** The complaint's deadline: SLA_WORKING_DAYS working days after receipt (see WorkingDayCalendar). */
export function computeDueAt(receivedAt: Date, calendar: WorkingDayCalendar): Date {
  return calendar.addWorkingDays(receivedAt, SLA_WORKING_DAYS);
}

/**
 * Working days left until a deadline, as of `now` (both instants, counted in WIB dates): the working
 * days after today up to and including the due day. The complaint received today shows
 * SLA_WORKING_DAYS, the due day itself 0 (it is due at that day's end); once the due moment has
 * passed, minus the working days since the due day (-1 on the working day after it).
 */
export function workingDaysLeft(now: Date, dueAt: Date, calendar: WorkingDayCalendar): number {
  if (now.getTime() <= dueAt.getTime()) return calendar.workingDaysBetween(now, dueAt);
  const late = calendar.workingDaysBetween(dueAt, now);
  return late === 0 ? 0 : -late;
}

/** The calendar years (ascending, every year in between) a count between two instants crosses, in WIB. */
export function calendarYearsBetween(a: Date, b: Date): number[] {
  const yearOf = (d: Date) => Number(new WorkingDayCalendar([]).localDateOf(d).slice(0, 4));
  const [first, last] = [yearOf(a), yearOf(b)].sort((x, y) => x - y);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * The years whose holiday lists can affect a complaint's deadline: the year it was received (WIB),
 * and the next one only for complaints received in December, since ten working days never reach
 * further. Asking only for these keeps a missing list for next year from casting doubt on deadlines
 * that lie wholly in this one.
 */
export function calendarYearsFor(receivedAt: Date): number[] {
  const [year, month] = new WorkingDayCalendar([]).localDateOf(receivedAt).split('-').map(Number);
  return month === 12 ? [year, year + 1] : [year];
}
