// Workflow-safe: no I/O, no clock, no randomness. Every instant comes in as an argument.
import { SLA_WORKING_DAYS, type WorkingDayCalendar } from './calendar';
import { UNITS, type Unit } from './units';

/**
 * Stage deadlines inside the 10-working-day deadline: how long each stage of a complaint may take,
 * in working days counted from the stage's start (see WorkingDayCalendar.addWorkingDays):
 * - TRIAGE: Seksi Pengaduan's triage, from receipt (default 1 working day);
 * - TASK: each unit's task, from the task's opening (default 5, configurable per unit);
 * - DECISION: the Kepala Daerah's decision on a BERAT case, from escalation (default 3).
 * An admin edits them; a complaint keeps the values as they were when it was registered.
 */
export const STAGES = ['TRIAGE', 'TASK', 'DECISION'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  TRIAGE: 'Triase oleh Seksi Pengaduan',
  TASK: 'Tugas unit',
  DECISION: 'Keputusan Kepala Daerah',
};

export const STAGE_DEADLINE_DEFAULTS = { TRIAGE: 1, TASK: 5, DECISION: 3 } as const satisfies Record<
  Stage,
  number
>;

/** A stage may take from 1 up to the whole 10 working days. */
export const STAGE_DAYS_MIN = 1;
export const STAGE_DAYS_MAX = SLA_WORKING_DAYS;

export interface StageDeadlineSettings {
  triage: number;
  decision: number;
  /** Working days of each unit's task. */
  units: Record<Unit, number>;
}

export function defaultStageDeadlines(): StageDeadlineSettings {
  const units = {} as Record<Unit, number>;
  for (const unit of UNITS) units[unit] = STAGE_DEADLINE_DEFAULTS.TASK;
  return { triage: STAGE_DEADLINE_DEFAULTS.TRIAGE, decision: STAGE_DEADLINE_DEFAULTS.DECISION, units };
}

/**
 * The settings as stored rows give them (key TRIAGE, DECISION or TASK:<unit>), each missing or
 * unusable value replaced by its default.
 */
export function stageDeadlinesFrom(
  rows: readonly { key: string; workingDays: number }[],
): StageDeadlineSettings {
  const settings = defaultStageDeadlines();
  for (const { key, workingDays } of rows) {
    if (stageDaysRefusal(workingDays) !== null) continue;
    if (key === 'TRIAGE') settings.triage = workingDays;
    else if (key === 'DECISION') settings.decision = workingDays;
    else if (key.startsWith('TASK:')) {
      const unit = key.slice('TASK:'.length) as Unit;
      if ((UNITS as readonly string[]).includes(unit)) settings.units[unit] = workingDays;
    }
  }
  return settings;
}

/** Why a number of working days is not a stage deadline (Bahasa Indonesia), or null. */
export function stageDaysRefusal(value: unknown, label = 'Batas waktu tahap'): string | null {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < STAGE_DAYS_MIN ||
    value > STAGE_DAYS_MAX
  )
    return `${label} harus bilangan bulat ${STAGE_DAYS_MIN} sampai ${STAGE_DAYS_MAX} hari kerja.`;
  return null;
}

/** The working days a stage may take under the settings. */
export function stageWorkingDays(settings: StageDeadlineSettings, stage: Stage, unit?: Unit | null): number {
  if (stage === 'TRIAGE') return settings.triage;
  if (stage === 'DECISION') return settings.decision;
  return (unit && settings.units[unit]) || STAGE_DEADLINE_DEFAULTS.TASK;
}

/** The stage's due moment: the end (23:59:59.999 WIB) of the n-th working day after its start. */
export function stageDueAt(
  start: Date,
  settings: StageDeadlineSettings,
  stage: Stage,
  calendar: WorkingDayCalendar,
  unit?: Unit | null,
): Date {
  return calendar.addWorkingDays(start, stageWorkingDays(settings, stage, unit));
}

/** The early warnings before the 10-working-day deadline, in percent of its working time. */
export const EARLY_WARNING_PERCENTS = [50, 75] as const;
export type EarlyWarningPercent = (typeof EARLY_WARNING_PERCENTS)[number];

const DAY_MS = 86_400_000;

/**
 * The moment `percent` of the working time from receipt to the deadline has passed. Working time is
 * whole working days (WIB): the N working days after the day of receipt up to the due day. After k
 * whole working days and a fraction r of the next one have passed, the moment is the start of the
 * (k+1)-th working day plus r of a day; with no fraction, the end of the k-th working day.
 * For 10 working days: 50% is the end of the 5th working day, 75% is 12:00 WIB on the 8th.
 */
export function workingTimeMoment(
  receivedAt: Date,
  dueAt: Date,
  percent: number,
  calendar: WorkingDayCalendar,
): Date {
  if (!(percent > 0 && percent < 100)) throw new RangeError(`percent must be in (0, 100), got ${percent}`);
  const total = calendar.workingDaysBetween(receivedAt, dueAt);
  if (total === 0) return dueAt;
  // Integer arithmetic first, so 75% of 10 is exactly 7.5 days.
  const elapsed = (total * percent) / 100;
  const whole = Math.floor(elapsed);
  const fraction = elapsed - whole;
  if (fraction === 0) return new Date(calendar.addWorkingDays(receivedAt, whole).getTime() + 1);
  // The (whole+1)-th working day ends at addWorkingDays(whole + 1); it started a day earlier.
  const nextStart = calendar.addWorkingDays(receivedAt, whole + 1).getTime() + 1 - DAY_MS;
  return new Date(nextStart + Math.round(fraction * DAY_MS));
}

/** Who is told of an early warning: the parties still working, and at 75% the Kabid as well. */
export function earlyWarningRecipients<T extends { recipient: string }>(
  percent: EarlyWarningPercent,
  pending: readonly T[],
): (T | { recipient: 'KABID_PENGADUAN' })[] {
  if (percent < 75) return [...pending];
  if (pending.some((p) => p.recipient === 'KABID_PENGADUAN')) return [...pending];
  return [...pending, { recipient: 'KABID_PENGADUAN' }];
}
