import {
  type Client,
  ScheduleAlreadyRunning,
  type ScheduleOptions,
  ScheduleOverlapPolicy,
} from '@temporalio/client';
import type { recapReportWorkflow } from '../../workflows/report/recap-report.workflow';

export const RECAP_SCHEDULE_ID = 'rekap-pengaduan';

/**
 * 08:00 WIB on days 1-10 of every month. A schedule cannot know Indonesian holidays, so it fires on
 * every day the first working day can fall on (New Year, Idulfitri leave and a weekend together stay
 * within ten days) and the workflow produces reports only on the first working day itself.
 */
export function recapScheduleOptions(taskQueue: string): ScheduleOptions {
  return {
    scheduleId: RECAP_SCHEDULE_ID,
    spec: {
      calendars: [{ dayOfMonth: { start: 1, end: 10 }, hour: 8, minute: 0, comment: '08:00 WIB, hari 1-10' }],
      timezone: 'Asia/Jakarta',
    },
    action: {
      type: 'startWorkflow',
      workflowType: 'recapReportWorkflow' satisfies (typeof recapReportWorkflow)['name'],
      workflowId: 'rekap-pengaduan',
      taskQueue,
      args: [{}],
      staticSummary: 'Rekap pengaduan bulanan/semester untuk Wali Kota melalui Sekda',
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '3 days' },
    state: { note: 'Dibuat otomatis oleh worker saat mulai.' },
  };
}

/** Creates the schedule, or brings an existing one to the current definition (safe on every start). */
export async function ensureRecapSchedule(client: Client, taskQueue: string): Promise<'created' | 'updated'> {
  const options = recapScheduleOptions(taskQueue);
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await client.schedule.getHandle(RECAP_SCHEDULE_ID).update((previous) => ({
      ...previous,
      spec: options.spec,
      action: options.action,
      policies: { ...previous.policies, ...options.policies },
    }));
    return 'updated';
  }
}
