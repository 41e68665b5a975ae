import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { ReportPeriod } from '../../domain/reporting';
import {
  type ProducedReport,
  type ProduceReportInput,
  produceRecapReport,
} from '../../reports/produce-recap-report';
import { buildRecapReport, type RecapReport } from '../../reports/recap-report';
import { RecapReportRecord } from '../entities';

/**
 * The recap reports: computed in the database for any period (src/reports/recap-report.ts does the
 * SQL), and the stored ones (table recap_report).
 */
export class RecapReportRepository {
  constructor(
    private readonly em: EntityManager,
    private readonly orm: MikroORM,
  ) {}

  /** The period's report as of now, computed (not stored). */
  buildForPeriod(period: ReportPeriod): Promise<RecapReport> {
    return buildRecapReport(this.em.fork(), period);
  }

  /** The stored reports without their figures, latest period first. */
  findStored(): Promise<RecapReportRecord[]> {
    return this.em
      .fork()
      .find(
        RecapReportRecord,
        {},
        { orderBy: { periodFrom: 'desc', kind: 'asc' }, exclude: ['data'] as never },
      );
  }

  /** One stored report with its figures, or null. */
  findStoredById(id: string): Promise<RecapReportRecord | null> {
    return this.em.fork().findOne(RecapReportRecord, { id });
  }

  /** Builds and stores a period's report (replacing an earlier run), and delivers it if asked. */
  produce(input: ProduceReportInput): Promise<ProducedReport> {
    return produceRecapReport(this.orm, input);
  }
}
