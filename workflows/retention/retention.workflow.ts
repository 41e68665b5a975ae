/**
 * Retention of personal data (UU 27/2022). The `retensi-data-pribadi` schedule starts this daily at
 * 02:00 WIB: the complaints closed longer ago than PERSONAL_DATA_RETENTION_YEARS (and no longer
 * objectable) lose their complainant's identity, contact data and evidence files, a page at a time;
 * the case and every report figure stay. The history carries complaint ids and counts only.
 * A backlog (the first run over years of archive) is walked by a chain of runs: after
 * `pagesPerRun` pages, or when Temporal suggests it, the run continues as new from its cursor with
 * the totals so far, so no history grows without bound. The first run of a chain first deletes the
 * log rows past LOG_RETENTION_YEARS (and the Idempotency-Keys past their 30 days), so a page that
 * keeps failing does not hold the logs back.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { continueAsNew, patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type {
  ExpiredLogs,
  RetentionActivities,
  RetentionCursor,
} from '../../activities/retention.activities';

const activities = proxyActivities<RetentionActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** Set by Temporal on every workflow a schedule starts: the nominal fire time. */
const SCHEDULED_START = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

export interface RetentionRunInput {
  /** The moment the run stands for; default: the schedule's nominal time, else now. */
  at?: string;
  /** Complaints per page (default 100). */
  pageSize?: number;
  /** Pages one run walks before it continues as new (default DEFAULT_PAGES_PER_RUN). */
  pagesPerRun?: number;
  /** Set by the previous run of a chain: where to go on, and what was done so far. */
  resume?: { after: RetentionCursor; done: RetentionRunResult };
}

/** 50 pages of 100 complaints: 100 activities, a history of a few hundred events per run. */
const DEFAULT_PAGES_PER_RUN = 50;

export interface RetentionRunResult {
  at: string;
  /** The retention period applied, in years. */
  years: number | null;
  anonymised: number;
  skipped: number;
  removedFiles: number;
  pages: number;
  /** The log rows deleted, and the log retention applied in years (absent from runs before log-retention). */
  deletedLogs?: ExpiredLogs & { years: number };
}

export async function retentionWorkflow(input: RetentionRunInput = {}): Promise<RetentionRunResult> {
  const scheduled = workflowInfo().typedSearchAttributes.get(SCHEDULED_START) as Date | undefined;
  const at = input.at ?? (scheduled ? new Date(scheduled).toISOString() : new Date().toISOString());
  const result: RetentionRunResult = input.resume
    ? { ...input.resume.done }
    : { at, years: null, anonymised: 0, skipped: 0, removedFiles: 0, pages: 0 };
  // Runs recorded before the logs had a retention period went straight to the first page.
  if (!input.resume && patched('log-retention'))
    result.deletedLogs = await activities.deleteExpiredLogs.executeWithOptions(
      { summary: `Hapus log yang masa simpannya berakhir pada ${at}` },
      [{ at }],
    );
  let after: RetentionCursor | null = input.resume?.after ?? null;
  const pagesPerRun = input.pagesPerRun ?? DEFAULT_PAGES_PER_RUN;
  let pagesThisRun = 0;
  do {
    if (after && (pagesThisRun >= pagesPerRun || workflowInfo().continueAsNewSuggested))
      await continueAsNew<typeof retentionWorkflow>({ ...input, at, resume: { after, done: result } });
    const page = await activities.listRetentionDue.executeWithOptions(
      { summary: `Pengaduan yang masa retensinya berakhir pada ${at} (halaman ${result.pages + 1})` },
      [{ at, after, limit: input.pageSize }],
    );
    result.pages++;
    pagesThisRun++;
    result.years = page.years;
    if (page.ids.length > 0) {
      const done = await activities.anonymiseRetentionDue.executeWithOptions(
        { summary: `Anonimkan data pribadi ${page.ids.length} pengaduan` },
        [{ ids: page.ids, at }],
      );
      result.anonymised += done.anonymised;
      result.skipped += done.skipped;
      result.removedFiles += done.removedFiles;
    }
    after = page.next;
  } while (after);
  return result;
}
