/**
 * Stage deadlines inside the 10-working-day deadline (src/domain/stage-deadlines.ts): one durable
 * Temporal timer per stage (the triage, each unit's task, each decision of the Kepala Daerah), and
 * the early warnings at 50% and 75% of the working time to the deadline.
 *
 * Each timer is started when its stage starts (refresh, after every transition) and is never
 * cancelled: when it fires, the transition checks whether the stage is still pending, and a timer
 * still pending when the case closes lapses with the workflow (no CancelTimer command, as in
 * DeadlineWatcher). A deadline moved by a holiday correction starts new warning timers; those of the
 * old deadline find it changed and do nothing.
 */
import { sleep } from '@temporalio/workflow';
import type { StageDeadlineData } from '../../activities/types';
import type { WorkingDayCalendar } from '../../src/domain/calendar';
import { formatWibDate } from '../../src/domain/format';
import {
  EARLY_WARNING_PERCENTS,
  type StageDeadlineSettings,
  stageDeadlinesFrom,
  stageDueAt,
  workingTimeMoment,
} from '../../src/domain/stage-deadlines';
import type { Unit } from '../../src/domain/units';
import type { ComplaintCase, RecordWrite, StageClock } from './complaint-case';

/** The stage clock of a case: its settings (fixed at registration) and the workflow's calendar. */
export function stageClockFor(data: StageDeadlineData, calendar: () => WorkingDayCalendar): StageClock {
  // Through the domain's reading, so a value out of range (a hand-edited row) falls back to its default.
  const settings: StageDeadlineSettings = stageDeadlinesFrom([
    { key: 'TRIAGE', workingDays: data.triage },
    { key: 'DECISION', workingDays: data.decision },
    ...Object.entries(data.units).map(([unit, workingDays]) => ({ key: `TASK:${unit}`, workingDays })),
  ]);
  return (stage, start, unit?: Unit) =>
    stageDueAt(new Date(start), settings, stage, calendar(), unit).toISOString();
}

export class StageWatcher {
  private warnedFor = '';
  private readonly watched = new Set<string>();

  constructor(
    private readonly complaint: ComplaintCase,
    private readonly calendar: () => WorkingDayCalendar,
    /** Applies a transition's records (the workflow's writer). */
    private readonly apply: (writes: RecordWrite[]) => Promise<void>,
  ) {}

  /** Starts the timers of the stages (and deadline) that have none yet; called after every transition. */
  refresh(): void {
    const c = this.complaint;
    const s = c.state;
    if (c.isClosed() || !s.dueAt) return;
    if (s.dueAt !== this.warnedFor) {
      this.warnedFor = s.dueAt;
      void this.warn(s.dueAt);
    }
    // Keyed by the deadline too, so a deadline a holiday correction moved gets a timer of its own (the
    // old one finds the deadline changed and does nothing); the same keys as before for a case whose
    // stage deadlines never move.
    const triageKey = `triage@${s.triageDueAt}`;
    if (!this.watched.has(triageKey) && s.triageDueAt && s.category === null) {
      this.watched.add(triageKey);
      const dueAt = s.triageDueAt;
      void this.at(dueAt, 'Triase', () => c.breachTriage(dueAt));
    }
    for (const task of s.tasks) {
      const dueAt = task.dueAt;
      const key = `${task.id}@${dueAt}`;
      if (task.status === 'OPEN' && dueAt && !this.watched.has(key)) {
        this.watched.add(key);
        void this.at(dueAt, `Tugas ${task.unit} (putaran ${task.round})`, () => c.breachTask(task.id, dueAt));
      }
    }
    for (const decision of s.decisions) {
      const dueAt = decision.dueAt;
      const key = `decision:${decision.round}@${dueAt}`;
      if (decision.decision === undefined && dueAt && !this.watched.has(key)) {
        this.watched.add(key);
        void this.at(dueAt, `Keputusan Kepala Daerah (putaran ${decision.round})`, () =>
          c.breachDecision(decision.round, dueAt),
        );
      }
    }
  }

  /** A stage's timer: at its deadline, the breach (if the stage is still pending). */
  private async at(dueAt: string, stage: string, breach: () => RecordWrite[]): Promise<void> {
    const due = new Date(dueAt);
    await sleep(Math.max(1, due.getTime() - Date.now()), {
      summary: `Batas waktu tahap ${stage}: ${formatWibDate(due)}`,
    });
    await this.apply(breach());
  }

  /** The early warnings of one deadline; a moment already past is not warned about late. */
  private async warn(dueAt: string): Promise<void> {
    const c = this.complaint;
    const due = new Date(dueAt);
    // The working time runs from the receipt, or in an objection's round from the objection.
    const receivedAt = new Date(c.state.objection?.filedAt ?? c.state.receivedAt);
    for (const percent of EARLY_WARNING_PERCENTS) {
      const at = workingTimeMoment(receivedAt, due, percent, this.calendar()).getTime();
      if (at <= Date.now()) continue;
      await sleep(at - Date.now(), {
        summary: `Peringatan dini ${percent}% menuju batas waktu ${formatWibDate(due)}`,
      });
      if (c.isClosed() || c.state.dueAt !== dueAt) return;
      await this.apply(c.warnEarly(percent, dueAt));
    }
  }
}
