/**
 * The complaint workflow's way to the outside world: its activities, as proxies with their timeouts
 * and retries. Records are short database writes, so current executions run them as local activities
 * (in the worker that runs the workflow: no round trip through the server, and their results are
 * recorded with the workflow task that answers the action, so an answered action is recorded even if
 * the worker dies right after). A local call gets a few quick attempts; then the same call goes as
 * an ordinary activity, retried until the database is back and listed among failing activities for
 * the operators meanwhile.
 */
import { type ActivityInterfaceFor, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { CalendarData, ComplaintActivities, StageDeadlineData } from '../../activities/types';

// Database outages are waited out: an accepted action is recorded once the database is back.
const ordinary = proxyActivities<ComplaintActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});
const local = proxyLocalActivities<ComplaintActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumAttempts: 3 },
});

type Activities = ActivityInterfaceFor<ComplaintActivities>;

export interface SideEffects {
  ordinary: Activities;
  /** False for executions started before records went through local activities. */
  usesLocal: boolean;
  /**
   * Makes the call with the local activities when this execution may and, if their few attempts all
   * fail, the same call with the ordinary ones; else with the ordinary ones straight away.
   */
  localFirst<T>(call: (activities: Activities) => Promise<T>): Promise<T>;
  loadCalendar(years: number[]): Promise<CalendarData>;
  loadStageDeadlines(): Promise<StageDeadlineData>;
}

export function sideEffects(useLocal: boolean): SideEffects {
  async function localFirst<T>(call: (activities: Activities) => Promise<T>): Promise<T> {
    if (useLocal)
      try {
        return await call(local);
      } catch {
        // Retried as an ordinary activity until it works (the database is back), visibly to operators.
      }
    return call(ordinary);
  }
  return {
    ordinary,
    usesLocal: useLocal,
    localFirst,
    loadCalendar: (years) => {
      const options = { summary: `Muat hari libur tahun ${years.join(', ')} untuk batas waktu` };
      return localFirst((a) => a.loadCalendar.executeWithOptions(options, [{ years }]));
    },
    loadStageDeadlines: () => {
      const options = { summary: 'Muat batas waktu tiap tahap penanganan' };
      return localFirst((a) => a.loadStageDeadlines.executeWithOptions(options, []));
    },
  };
}
