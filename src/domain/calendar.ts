import { FixedOffsetZone } from 'luxon';

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

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** WIB is UTC+7 (see OFFICE_ZONE). */
const OFFICE_OFFSET_MS = 7 * 3_600_000;

/*
 * The arithmetic below counts WIB calendar days as integers: day 0 is 1970-01-01 WIB, day d starts at
 * d * DAY_MS - OFFICE_OFFSET_MS (UTC). With a fixed offset this is exact, and it is plain integer and
 * Date.UTC arithmetic: the deadline is computed in every workflow, where building date objects for each
 * day and each holiday was a visible share of the worker's CPU.
 */

/** The day number of a 'YYYY-MM-DD' date, or undefined when it is not one (so '2026-02-30' is not). */
function dayNumberOf(date: unknown): number | undefined {
  if (typeof date !== 'string') return undefined;
  const match = LOCAL_DATE_PATTERN.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls over (2026-02-30 is March 2): a date that exists comes back unchanged.
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    return undefined;
  }
  return utc.getTime() / DAY_MS;
}

/** True for a 'YYYY-MM-DD' string naming a date that exists (so '2026-02-30' is false). */
export function isLocalDate(value: unknown): value is LocalDate {
  return dayNumberOf(value) !== undefined;
}

function dayOf(date: LocalDate): number {
  const day = dayNumberOf(date);
  if (day === undefined) throw new RangeError(`Not a YYYY-MM-DD date: ${String(date)}`);
  return day;
}

function isoDate(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The WIB day number of an instant. */
function wibDay(instant: Date): number {
  // No instanceof check: workflow sandboxes and test runners may have their own Date realm.
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid Date');
  return Math.floor((time + OFFICE_OFFSET_MS) / DAY_MS);
}

/**
 * The office (WIB) date of an instant, without a time-zone library: Asia/Jakarta has been UTC+7,
 * without daylight saving, since 1964.
 */
export function officeDateOf(instant: Date): LocalDate {
  return isoDate(wibDay(instant));
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
  private readonly nonWorking: ReadonlySet<number>;

  /** Throws RangeError on a malformed date: a silently ignored holiday would move deadlines. */
  constructor(nonWorkingDates: Iterable<LocalDate>) {
    const days = new Set<number>();
    for (const date of nonWorkingDates) days.add(dayOf(date));
    this.nonWorking = days;
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.isWorking(dayOf(date));
  }

  /** The WIB calendar date of an instant. */
  localDateOf(instant: Date): LocalDate {
    return officeDateOf(instant);
  }

  /** End (23:59:59.999 WIB) of the n-th working day strictly after the WIB date of `receivedAt`. */
  addWorkingDays(receivedAt: Date, n: number): Date {
    checkCount('n', n, 1);
    const day = this.step(this.wib(receivedAt), n, 1);
    return new Date((day + 1) * DAY_MS - OFFICE_OFFSET_MS - 1);
  }

  /**
   * `hour`:00 WIB on the working day n working days before the day containing `dueAt` (n = 0 is
   * that day itself). Used for reminders; the result may be in the past, callers skip those.
   */
  workingDaysBefore(dueAt: Date, n: number, hour = 8): Date {
    checkCount('n', n, 0);
    if (!Number.isInteger(hour) || hour < 0 || hour > 23)
      throw new RangeError(`hour must be 0..23, got ${hour}`);
    const day = this.step(this.wib(dueAt), n, -1);
    return new Date(day * DAY_MS - OFFICE_OFFSET_MS + hour * 3_600_000);
  }

  /** Number of working days d with localDate(from) < d <= localDate(to); 0 when to is not later. */
  workingDaysBetween(from: Date, to: Date): number {
    const last = this.wib(to);
    let count = 0;
    for (let day = this.wib(from) + 1; day <= last; day++) if (this.isWorking(day)) count++;
    return count;
  }

  /** The WIB day number of an instant. */
  private wib(instant: Date): number {
    return wibDay(instant);
  }

  private isWorking(day: number): boolean {
    // Day 0, 1970-01-01, was a Thursday: (day + 3) mod 7 is 0 on Mondays ... 5 on Saturdays, 6 on Sundays.
    return (((day + 3) % 7) + 7) % 7 < 5 && !this.nonWorking.has(day);
  }

  /** Moves `n` working days from `start` (exclusive) in `direction`, returning the day reached. */
  private step(start: number, n: number, direction: 1 | -1): number {
    let day = start;
    let found = 0;
    let run = 0;
    while (found < n) {
      day += direction;
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
  const yearOf = (d: Date) => Number(officeDateOf(d).slice(0, 4));
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
  const [year, month] = officeDateOf(receivedAt).split('-').map(Number);
  return month === 12 ? [year, year + 1] : [year];
}
