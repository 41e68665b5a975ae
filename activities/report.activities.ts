/**
 * The recap report workflow's side effects: deciding which reports are due (the holiday calendar is
 * in the database), building and storing a report, and putting its delivery to the Sekda in the
 * notification outbox. Idempotent: a report is stored under its period's id (a re-run replaces it)
 * and its delivery notification has a deterministic id.
 */
import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { loadWorkingDayCalendar } from '../src/calendar/holiday-calendar';
import { reportsDueOn } from '../src/domain/reporting';
import {
  type PeriodRef,
  type ProducedReport,
  type ProduceReportInput,
  produceRecapReport,
} from '../src/reports/produce-recap-report';

export {
  type PeriodRef,
  type ProducedReport,
  type ProduceReportInput,
  periodOf,
  produceRecapReport,
} from '../src/reports/produce-recap-report';

export function createReportActivities({ orm, log }: { orm: MikroORM; log: Logger }) {
  return {
    /** The reports the scheduled run at `at` must produce (none unless it is a month's first working day). */
    async reportsDue({ at }: { at: string }): Promise<PeriodRef[]> {
      const instant = new Date(at);
      const year = instant.getUTCFullYear();
      const calendar = await loadWorkingDayCalendar(orm.em.fork(), [year - 1, year, year + 1]);
      return reportsDueOn(instant, calendar).map(({ kind, year: y, index }) => ({ kind, year: y, index }));
    },

    async produceRecapReport(input: ProduceReportInput): Promise<ProducedReport> {
      const produced = await produceRecapReport(orm, input);
      log.info({ report: produced.id, by: input.by, delivered: produced.delivered }, 'recap report produced');
      return produced;
    },
  };
}

export type ReportActivities = ReturnType<typeof createReportActivities>;
