// Workflow-safe: pure functions of their arguments (no clock, no I/O). The workflow's deadline
// watcher and the API's intake both decide with deadlineCalendarWarning.
import { calendarYearsBetween, officeDateOf } from './calendar';

/**
 * The Bahasa Indonesia warning of each year whose holidays came from the automatic fallback (no
 * official SKB list and none entered by an admin), keyed by the year ('2027'). A plain object, so it
 * travels as an activity's result.
 */
export type YearWarnings = Record<string, string>;

const DAY_MS = 86_400_000;

/**
 * The calendar years (WIB) of the days a deadline counts: from the day after the day of receipt
 * (day 0 never counts) to the due day, every year in between. Received 1 December 2026 and due
 * 15 December 2026: [2026]; received 21 December 2026 and due 6 January 2027: [2026, 2027].
 */
export function yearsCounted(receivedAt: Date, dueAt: Date): number[] {
  // A deadline lies ten working days after the day of receipt: the day after receipt is never later.
  return calendarYearsBetween(new Date(receivedAt.getTime() + DAY_MS), dueAt);
}

/**
 * The warning a complaint's deadline carries: those of the years without an official list that the
 * counted working days actually reach (yearsCounted), joined; undefined when every counted day lies
 * in a year with an official (or admin-entered) list. A complaint received in December whose
 * deadline stays in December is therefore not warned about next year's missing list.
 */
export function deadlineCalendarWarning(
  receivedAt: Date,
  dueAt: Date,
  warnings: YearWarnings | undefined,
): string | undefined {
  if (!warnings) return undefined;
  const reached = yearsCounted(receivedAt, dueAt).flatMap((y) =>
    warnings[String(y)] ? [warnings[String(y)]] : [],
  );
  return reached.length > 0 ? reached.join(' ') : undefined;
}

/** From this month (WIB) on, next year's official holiday list is expected: its absence alerts the admins. */
export const HOLIDAY_LIST_ALERT_MONTH = 11;

/**
 * The years whose official holiday list must exist at `now`: the current year (WIB), and from
 * 1 November 00:00 WIB also the next one. A year of these without a list is an alert for the admins
 * (the ops report's HOLIDAY_LIST_MISSING and one notification per year).
 * 31 October 2026 23:59 WIB: [2026]; 1 November 2026 00:00 WIB: [2026, 2027].
 */
export function holidayListYearsNeeded(now: Date): number[] {
  const [year, month] = officeDateOf(now).split('-').map(Number);
  return month >= HOLIDAY_LIST_ALERT_MONTH ? [year, year + 1] : [year];
}

/** The admins' alert for a year without an official holiday list, in Bahasa Indonesia. */
export function holidayListMissingMessage(year: number): { subject: string; body: string } {
  return {
    subject: `Daftar resmi hari libur tahun ${year} belum ada`,
    body:
      `Daftar resmi hari libur nasional dan cuti bersama (SKB 3 Menteri) untuk tahun ${year} belum ` +
      `dimasukkan. Batas waktu pengaduan yang mencapai tahun ${year} dihitung dengan daftar otomatis ` +
      'yang tidak memuat cuti bersama dan bisa meleset satu hari untuk hari besar Islam. Masukkan ' +
      `daftar hari libur tahun ${year} di menu Hari libur pada konsol staf.`,
  };
}
