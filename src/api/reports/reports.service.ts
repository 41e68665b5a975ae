import { Injectable } from '@nestjs/common';
import { RecapReportRepository } from '../../db/repositories/recap-report.repository';
import type { ReportPeriod } from '../../domain/reporting';
import { completeRecapReport, type RecapReport } from '../../reports/recap-report';
import { renderPdf } from '../../reports/render-pdf';
import { renderXlsx } from '../../reports/render-xlsx';
import type { Principal } from '../auth/principal';
import { badRequest, notFound } from '../common/api-error';
import type { ReportFormat, StoredReportView } from './reports.dto';

export interface ReportFile {
  body: Buffer | RecapReport;
  contentType?: string;
  fileName?: string;
}

export const REPORT_CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/** Recap reports: computed on demand for any period, stored by the schedule (or on request). */
@Injectable()
export class ReportsService {
  constructor(private readonly reports: RecapReportRepository) {}

  async forPeriod(period: ReportPeriod, format: ReportFormat): Promise<ReportFile> {
    return this.render(await this.reports.buildForPeriod(period), format);
  }

  async list(): Promise<StoredReportView[]> {
    const rows = await this.reports.findStored();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      label: r.label,
      periodFrom: r.periodFrom.toISOString(),
      periodTo: r.periodTo.toISOString(),
      generatedAt: r.generatedAt.toISOString(),
      generatedBy: r.generatedBy,
      sentToSekdaAt: r.sentToSekdaAt?.toISOString() ?? null,
    }));
  }

  async stored(id: string, format: ReportFormat): Promise<ReportFile> {
    const record = id.length <= 32 ? await this.reports.findStoredById(id) : null;
    if (!record) throw notFound('Laporan tidak ditemukan.');
    return this.render(completeRecapReport(record.data as unknown as RecapReport), format);
  }

  /** Stores the period's report now (no delivery: that is the scheduled run's). */
  async produce(
    ref: { kind: 'MONTHLY' | 'SEMESTER'; year: number; index: number },
    by: Principal,
  ): Promise<StoredReportView> {
    if (ref.kind === 'SEMESTER' && ref.index > 2) throw badRequest('Semester (index) wajib 1 atau 2.');
    const produced = await this.reports.produce({ ...ref, by: by.username, deliver: false });
    return (await this.list()).find((r) => r.id === produced.id)!;
  }

  private async render(report: RecapReport, format: ReportFormat): Promise<ReportFile> {
    if (format === 'json') return { body: report };
    const body = format === 'xlsx' ? await renderXlsx(report) : await renderPdf(report);
    return {
      body,
      contentType: REPORT_CONTENT_TYPES[format],
      fileName: `rekap-pengaduan-${report.id.toLowerCase()}.${format}`,
    };
  }
}
