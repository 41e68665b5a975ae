/**
 * The durable 10-working-day deadline: reminders 3 and 1 working days before it, the overdue flag
 * when it passes, and a new deadline when an admin corrects the holidays (calendarChanged signal).
 * Timers are Temporal's, so the deadline holds across worker restarts.
 */
import { condition } from '@temporalio/workflow';
import type { CalendarData } from '../../activities/types';
import { calendarYearsFor, computeDueAt, WorkingDayCalendar } from '../../src/domain/calendar';
import { formatWibDate } from '../../src/domain/format';
import { deadlineCalendarWarning } from '../../src/domain/holiday-warning';
import type { ComplaintCase, RecordWrite } from './complaint-case';

/** Reminders to the units still working, this many working days before the deadline. */
const REMINDER_WORKING_DAYS = [3, 1] as const;

export class DeadlineWatcher {
  private calendar = new WorkingDayCalendar([]);
  private pendingChanges = 0;
  private readonly fired = new Set<string>();
  private readonly years: number[];

  constructor(
    private readonly complaint: ComplaintCase,
    private readonly loadCalendar: (years: number[]) => Promise<CalendarData>,
    /** Applies a transition's records (the workflow's writer). */
    private readonly apply: (writes: RecordWrite[]) => Promise<void>,
    /**
     * Warn only when the counted working days reach a year without a list (deadlineCalendarWarning);
     * false for executions started before that rule, which keep the calendar's whole warning.
     */
    private readonly warnsOnlyForCountedYears = false,
  ) {
    this.years = calendarYearsFor(new Date(complaint.countsFrom()));
  }

  /** The deadline from the holidays as the database has them now. */
  async computeDeadline(): Promise<{ dueAt: string; warning?: string }> {
    const data = await this.loadCalendar(this.years);
    this.calendar = new WorkingDayCalendar(data.nonWorkingDates);
    // The receipt, or for the new round of an objection the objection (a new 10 working days).
    const receivedAt = new Date(this.complaint.countsFrom());
    const dueAt = computeDueAt(receivedAt, this.calendar);
    // An activity of an older worker (a rolling deploy) sends no per-year warnings: its whole warning.
    const warning =
      this.warnsOnlyForCountedYears && data.yearWarnings
        ? deadlineCalendarWarning(receivedAt, dueAt, data.yearWarnings)
        : data.warning;
    return { dueAt: dueAt.toISOString(), warning };
  }

  /** The working-day calendar as last loaded (stage deadlines count with it too). */
  get currentCalendar(): WorkingDayCalendar {
    return this.calendar;
  }

  calendarChanged(): void {
    this.pendingChanges++;
  }

  /** Runs until the case closes; the timer pending then lapses with the workflow. */
  async run(): Promise<void> {
    const complaint = this.complaint;
    while (!complaint.isClosed()) {
      if (this.pendingChanges > 0) {
        this.pendingChanges = 0;
        const { dueAt, warning } = await this.computeDeadline();
        await this.apply(complaint.changeDueDate(dueAt, warning, Date.now()));
        continue;
      }
      const dueAtIso = complaint.state.dueAt;
      const due = new Date(dueAtIso);
      const moments = [
        ...REMINDER_WORKING_DAYS.map((n) => ({
          key: `REMINDER-${n}@${dueAtIso}`,
          at: this.calendar.workingDaysBefore(due, n),
          n,
        })),
        { key: `DUE@${dueAtIso}`, at: due, n: 0 },
      ].filter((m) => !this.fired.has(m.key));
      // Reminders whose moment passed before we could send them are not sent late.
      const next = moments.find((m) => m.n === 0 || m.at.getTime() > Date.now());
      // Closing does not wake a timer: it lapses with the workflow (no CancelTimer command, which the
      // time-skipping test server trips over: temporalio/sdk-java#3088).
      const woken = () => this.pendingChanges > 0;
      if (!next) {
        await condition(() => woken() || complaint.isClosed());
        continue;
      }
      const dueLabel = formatWibDate(due);
      const summary =
        next.n === 0
          ? `Batas waktu 10 hari kerja: ${dueLabel}`
          : `Pengingat ${next.n} hari kerja sebelum batas waktu ${dueLabel}`;
      const interrupted = await condition(woken, Math.max(0, next.at.getTime() - Date.now()), { summary });
      if (interrupted) continue;
      for (const m of moments) if (m.at.getTime() <= next.at.getTime()) this.fired.add(m.key);
      await this.apply(next.n > 0 ? complaint.remind(next.n) : complaint.markOverdue());
    }
  }
}
