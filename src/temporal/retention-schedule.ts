import {
  type Client,
  ScheduleAlreadyRunning,
  type ScheduleOptions,
  ScheduleOverlapPolicy,
} from '@temporalio/client';
import type { retentionWorkflow } from '../../workflows/retention/retention.workflow';

export const RETENTION_SCHEDULE_ID = 'retensi-data-pribadi';

/**
 * 02:00 WIB every day, outside office hours: the complaints whose retention period ended lose their
 * complainant's personal data (workflows/retention). A run still going at the next fire time is
 * left alone (SKIP); a missed day is caught up within a day, else the next day's run takes over.
 */
export function retentionScheduleOptions(taskQueue: string): ScheduleOptions {
  return {
    scheduleId: RETENTION_SCHEDULE_ID,
    spec: {
      calendars: [{ hour: 2, minute: 0, comment: '02:00 WIB setiap hari' }],
      timezone: 'Asia/Jakarta',
    },
    action: {
      type: 'startWorkflow',
      workflowType: 'retentionWorkflow' satisfies (typeof retentionWorkflow)['name'],
      workflowId: RETENTION_SCHEDULE_ID,
      taskQueue,
      args: [{}],
      staticSummary: 'Anonimisasi data pribadi pengaduan yang masa retensinya berakhir',
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    state: { note: 'Dibuat otomatis oleh worker saat mulai.' },
  };
}

/** Creates the schedule, or brings an existing one to the current definition (safe on every start). */
export async function ensureRetentionSchedule(
  client: Client,
  taskQueue: string,
): Promise<'created' | 'updated'> {
  const options = retentionScheduleOptions(taskQueue);
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await client.schedule.getHandle(RETENTION_SCHEDULE_ID).update((previous) => ({
      ...previous,
      spec: options.spec,
      action: options.action,
      policies: { ...previous.policies, ...options.policies },
    }));
    return 'updated';
  }
}
