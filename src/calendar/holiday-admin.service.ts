import type { EntityManager } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { Complaint, HolidayRecord } from '../db/entities';
import { OPEN_STATUSES } from '../domain/complaint-rules';
import { type Holiday, validateHoliday } from '../domain/holidays';
import type { ComplaintWorkflows } from '../temporal/complaint-workflows';

export class HolidayValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
  }
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
  const problems = holidays.flatMap((h, i) => validateHoliday(h).map((p) => `Baris ${i + 1}: ${p}`));
  holidays.forEach((h, i) => {
    if (!h.date?.startsWith(`${year}-`))
      problems.push(`Baris ${i + 1}: tanggal ${h.date} tidak berada di tahun ${year}.`);
  });
  const dates = holidays.map((h) => h.date);
  if (new Set(dates).size !== dates.length) problems.push('Ada tanggal yang tercantum lebih dari sekali.');
  if (problems.length > 0) throw new HolidayValidationError(problems);

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
  const open = await deps.em
    .fork()
    .find(
      Complaint,
      { status: { $in: [...OPEN_STATUSES] }, receivedAt: { $gte: new Date(Date.UTC(year - 1, 11, 1)) } },
      { fields: ['workflowId'] },
    );
  const failed = await deps.workflows.calendarChanged(open.map((c) => c.workflowId));
  for (const { err, workflowId } of failed)
    deps.log.warn({ err, workflowId }, 'could not tell an open complaint about the holiday correction');
  return {
    saved: holidays.length,
    signalled: open.length - failed.length,
    failed: failed.map((f) => f.workflowId),
  };
}
