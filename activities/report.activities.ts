/**
 * The recap report workflow's side effects: deciding which reports are due (the holiday calendar is
 * in the database), building and storing a report, and putting its delivery to the Sekda in the
 * notification outbox. Idempotent: a report is stored under its period's id (a re-run replaces it)
 * and its delivery notification has a deterministic id.
 */
import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { loadWorkingDayCalendar } from '../src/calendar/holiday-calendar';
import { Notification, RecapReportRecord } from '../src/db/entities';
import { formatWibDate } from '../src/domain/format';
import {
  monthlyPeriod,
  type ReportKind,
  type ReportPeriod,
  reportsDueOn,
  semesterPeriod,
} from '../src/domain/reporting';
import { buildRecapReport } from '../src/reports/recap-report';
import { insertIgnoringDuplicates } from './complaint.activities';

export interface PeriodRef {
  kind: ReportKind;
  year: number;
  index: number;
}

export interface ProduceReportInput extends PeriodRef {
  /** `JADWAL` for the schedule, else a username. */
  by: string;
  /** Record the delivery to the Sekda for the Wali Kota (the scheduled run does). */
  deliver: boolean;
}

export interface ProducedReport {
  id: string;
  label: string;
  received: number;
  delivered: boolean;
}

export function periodOf(ref: PeriodRef): ReportPeriod {
  return ref.kind === 'MONTHLY' ? monthlyPeriod(ref.year, ref.index) : semesterPeriod(ref.year, ref.index);
}

/** Builds, stores (replacing an earlier run for the same period) and, if asked, delivers a report. */
export async function produceRecapReport(
  orm: MikroORM,
  input: ProduceReportInput,
  now = new Date(),
): Promise<ProducedReport> {
  const period = periodOf(input);
  const em = orm.em.fork();
  const report = await buildRecapReport(em, period, now);
  await em.upsert(RecapReportRecord, {
    id: period.id,
    kind: period.kind,
    label: period.label,
    periodFrom: period.from,
    periodTo: period.to,
    data: report as unknown as Record<string, unknown>,
    generatedAt: now,
    generatedBy: input.by,
  });
  if (input.deliver) {
    const notification = new Notification();
    Object.assign(notification, {
      id: `rekap:${period.id}:SEKRETARIS_DAERAH`,
      complaintId: null,
      recipient: 'SEKRETARIS_DAERAH',
      recipientArea: null,
      kind: 'RECAP_REPORT',
      subject: `Rekapitulasi pengaduan layanan perizinan ${period.label}`,
      body:
        `Yth. Sekretaris Daerah Kota Prabumulih,\n\nbersama ini kami sampaikan rekapitulasi pengaduan layanan ` +
        `perizinan DPM-PTSP periode ${period.label} untuk diteruskan kepada Wali Kota Prabumulih: ` +
        `${report.received} pengaduan diterima, ${report.outcome.resolvedOnTime} selesai dalam 10 hari kerja, ` +
        `${report.outcome.resolvedLate} selesai melewati batas waktu, ${report.outcome.open} masih diproses, ` +
        `${report.outcome.rejected} ditolak. Laporan lengkap (PDF dan XLSX): ${period.id}, dibuat ${formatWibDate(now)}.`,
      status: 'PENDING',
      attempts: 0,
      createdAt: now,
    });
    await insertIgnoringDuplicates(orm.em.fork(), Notification, [notification], (r) => r.id);
    await orm.em.fork().nativeUpdate(RecapReportRecord, { id: period.id }, { sentToSekdaAt: now });
  }
  return { id: period.id, label: period.label, received: report.received, delivered: input.deliver };
}

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
