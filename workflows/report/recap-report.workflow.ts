/**
 * The recap reports' scheduled run (SOP section D). The `rekap-pengaduan` schedule starts this at
 * 08:00 WIB on days 1-10 of every month; only the run on the month's first working day (holidays
 * from the database) produces anything: the previous month's report and, in January and July, the
 * semester that just ended, each stored and sent to the Sekda for the Wali Kota.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ProducedReport, ReportActivities } from '../../activities/report.activities';

const activities = proxyActivities<ReportActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** Set by Temporal on every workflow a schedule starts (backfills included): the nominal fire time. */
const SCHEDULED_START = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

export interface RecapReportRunInput {
  /** The moment the run stands for; default: the schedule's nominal time, else now. */
  at?: string;
}

export async function recapReportWorkflow(input: RecapReportRunInput = {}): Promise<ProducedReport[]> {
  const scheduled = workflowInfo().typedSearchAttributes.get(SCHEDULED_START) as Date | undefined;
  const at = input.at ?? (scheduled ? new Date(scheduled).toISOString() : new Date().toISOString());
  const due = await activities.reportsDue.executeWithOptions(
    { summary: `Laporan yang jatuh tempo pada ${at}` },
    [{ at }],
  );
  const produced: ProducedReport[] = [];
  for (const period of due) {
    produced.push(
      await activities.produceRecapReport.executeWithOptions(
        { summary: `Buat dan kirim rekap ${period.kind} ${period.year}-${period.index} ke Sekda` },
        [{ ...period, by: 'JADWAL', deliver: true }],
      ),
    );
  }
  return produced;
}
