/**
 * Producing a recap report: building it, storing it under its period's id (a re-run replaces it)
 * and, if asked, putting its delivery to the Sekda in the notification outbox (with a deterministic
 * id, so a second run adds nothing). Shared by the report activities (the scheduled run) and the
 * reports API (on request).
 */
import type { MikroORM } from '@mikro-orm/core';
import { Notification, RecapReportRecord } from '../db/entities';
import { insertIgnoringDuplicates } from '../db/insert-ignoring-duplicates';
import { formatWibDate } from '../domain/format';
import { monthlyPeriod, type ReportKind, type ReportPeriod, semesterPeriod } from '../domain/reporting';
import { buildRecapReport } from './recap-report';

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
        `${report.outcome.resolvedLate} selesai melewati batas waktu, ${report.outcome.open} masih diproses ` +
        `(${report.openCases.overdue} di antaranya melewati batas waktu), ` +
        `${report.outcome.rejected} ditolak, ${report.outcome.forwarded} diteruskan ke instansi lain. Laporan lengkap (PDF dan XLSX): ${period.id}, dibuat ${formatWibDate(now)}.`,
      status: 'PENDING',
      attempts: 0,
      createdAt: now,
    });
    await insertIgnoringDuplicates(orm.em.fork(), Notification, [notification], (r) => r.id);
    await orm.em.fork().nativeUpdate(RecapReportRecord, { id: period.id }, { sentToSekdaAt: now });
  }
  return { id: period.id, label: period.label, received: report.received, delivered: input.deliver };
}
