import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { Complaint, HolidayRecord } from '../db/entities';
import { calendarYearsFor, computeDueAt, WorkingDayCalendar } from '../domain/calendar';
import { OPEN_STATUSES } from '../domain/complaint-rules';
import { type Holiday, validateHoliday } from '../domain/holidays';
import type { ComplaintWorkflows } from '../temporal/complaint-workflows';
import { loadNonWorkingDates } from './holiday-calendar';

export class HolidayValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
  }
}

/**
 * The checks a year's list passes before it is saved (or previewed): every row valid, every date in
 * the year, no date twice. Throws HolidayValidationError naming the rows to fix.
 */
export function checkHolidaysOfYear(year: number, holidays: Holiday[]): void {
  const problems = holidays.flatMap((h, i) => validateHoliday(h).map((p) => `Baris ${i + 1}: ${p}`));
  holidays.forEach((h, i) => {
    if (!h.date?.startsWith(`${year}-`))
      problems.push(`Baris ${i + 1}: tanggal ${h.date} tidak berada di tahun ${year}.`);
  });
  const dates = holidays.map((h) => h.date);
  if (new Set(dates).size !== dates.length) problems.push('Ada tanggal yang tercantum lebih dari sekali.');
  if (problems.length > 0) throw new HolidayValidationError(problems);
}

/** Open complaints whose deadline can depend on a year's list: received from 1 December before it on. */
function openComplaintsNear(year: number): FilterQuery<Complaint> {
  return { status: { $in: [...OPEN_STATUSES] }, receivedAt: { $gte: new Date(Date.UTC(year - 1, 11, 1)) } };
}

/**
 * An admin's correction of a year's non-working days: replaces the year's list in one transaction,
 * then tells every open complaint to recompute its deadline (calendarChanged signal).
 * Returns how many open complaints were signalled.
 */
export async function replaceHolidaysOfYear(
  deps: { em: EntityManager; workflows: Pick<ComplaintWorkflows, 'calendarChanged'>; log: Logger },
  year: number,
  holidays: Holiday[],
): Promise<{ saved: number; signalled: number; failed: string[] }> {
  checkHolidaysOfYear(year, holidays);

  await deps.em.transactional(async (tx) => {
    await tx.nativeDelete(HolidayRecord, { year });
    for (const h of holidays) {
      tx.create(HolidayRecord, {
        date: h.date,
        name: h.name.trim(),
        kind: h.kind,
        source: 'ADMIN',
        year,
        updatedAt: new Date(),
      });
    }
  });

  // Deadlines can only change for complaints received from about a month before the year on.
  const open = await deps.em.fork().find(Complaint, openComplaintsNear(year), { fields: ['workflowId'] });
  const failed = await deps.workflows.calendarChanged(open.map((c) => c.workflowId));
  for (const { err, workflowId } of failed)
    deps.log.warn({ err, workflowId }, 'could not tell an open complaint about the holiday correction');
  return {
    saved: holidays.length,
    signalled: open.length - failed.length,
    failed: failed.map((f) => f.workflowId),
  };
}

/** One open complaint whose deadline a proposed list would move. */
export interface DueDateShift {
  complaintId: string;
  registerNumber: string;
  status: string;
  receivedAt: Date;
  oldDueAt: Date;
  newDueAt: Date;
  /** Working days (by the proposed list) the deadline moves: positive later, negative earlier. */
  workingDays: number;
  /** WIB calendar days between the old and the new due date: positive later, negative earlier. */
  calendarDays: number;
}

/**
 * What replacing a year's list would do, without saving anything: the open complaints whose deadline
 * would move, with the old and the new due date. The new one is the workflow's own arithmetic
 * (computeDueAt over the holidays of the years calendarYearsFor names, the proposed list standing for
 * the year), so it is the date the complaint gets once the list is saved.
 */
export async function previewHolidaysOfYear(
  em: EntityManager,
  year: number,
  holidays: Holiday[],
): Promise<{ checked: number; shifts: DueDateShift[] }> {
  checkHolidaysOfYear(year, holidays);
  const open = (
    await em.find(Complaint, openComplaintsNear(year), {
      fields: ['id', 'registerNumber', 'status', 'receivedAt', 'dueAt'],
      orderBy: { receivedAt: 'asc', registerNumber: 'asc' },
    })
  ).filter((c) => c.dueAt && calendarYearsFor(c.receivedAt).includes(year));
  // Every other year the complaints' deadlines count with, as loadCalendar gives it to the workflow.
  const otherYears = [...new Set(open.flatMap((c) => calendarYearsFor(c.receivedAt)))].filter(
    (y) => y !== year,
  );
  const others = otherYears.length > 0 ? (await loadNonWorkingDates(em, otherYears)).nonWorkingDates : [];
  const calendar = new WorkingDayCalendar([...others, ...holidays.map((h) => h.date)]);
  const dayOf = (d: Date) => Date.parse(`${calendar.localDateOf(d)}T00:00:00Z`) / 86_400_000;
  const shifts: DueDateShift[] = [];
  for (const c of open) {
    const oldDueAt = c.dueAt!;
    const newDueAt = computeDueAt(c.receivedAt, calendar);
    if (newDueAt.getTime() === oldDueAt.getTime()) continue;
    const later = newDueAt.getTime() > oldDueAt.getTime();
    shifts.push({
      complaintId: c.id,
      registerNumber: c.registerNumber,
      status: c.status,
      receivedAt: c.receivedAt,
      oldDueAt,
      newDueAt,
      workingDays: later
        ? calendar.workingDaysBetween(oldDueAt, newDueAt)
        : -calendar.workingDaysBetween(newDueAt, oldDueAt),
      calendarDays: dayOf(newDueAt) - dayOf(oldDueAt),
    });
  }
  return { checked: open.length, shifts };
}
