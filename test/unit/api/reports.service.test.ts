import type { Principal } from '../../../src/api/auth/principal';
import { ReportsService } from '../../../src/api/reports/reports.service';
import { RecapReportRecord } from '../../../src/db/entities';
import { RecapReportRepository } from '../../../src/db/repositories/recap-report.repository';
import type { ProducedReport, ProduceReportInput } from '../../../src/reports/produce-recap-report';
import type { RecapReport } from '../../../src/reports/recap-report';
import { apiErrorOf } from './fakes';

/** Stored reports in memory; `produce` stores a row for the period and remembers what it was asked. */
class InMemoryRecapReportRepository extends RecapReportRepository {
  readonly rows: RecapReportRecord[] = [];
  readonly produced: ProduceReportInput[] = [];
  readonly lookedUp: string[] = [];

  constructor() {
    super({} as never, {} as never);
  }

  override async findStored(): Promise<RecapReportRecord[]> {
    return [...this.rows].sort((a, b) => b.periodFrom.getTime() - a.periodFrom.getTime());
  }

  override async findStoredById(id: string): Promise<RecapReportRecord | null> {
    this.lookedUp.push(id);
    return this.rows.find((r) => r.id === id) ?? null;
  }

  override async produce(input: ProduceReportInput): Promise<ProducedReport> {
    this.produced.push(input);
    const id = `BULANAN-${input.year}-${String(input.index).padStart(2, '0')}`;
    this.rows.push(record(id, { generatedBy: input.by }));
    return { id, label: id, received: 0, delivered: input.deliver };
  }
}

function record(id: string, fields: Partial<RecapReportRecord> = {}): RecapReportRecord {
  return Object.assign(new RecapReportRecord(), {
    id,
    kind: 'MONTHLY',
    label: 'Mei 2026',
    periodFrom: new Date('2026-04-30T17:00:00Z'),
    periodTo: new Date('2026-05-31T16:59:59.999Z'),
    data: {},
    generatedAt: new Date('2026-06-01T01:00:00Z'),
    generatedBy: 'JADWAL',
    sentToSekdaAt: null,
    ...fields,
  });
}

const kabid = { username: 'kabid', role: 'STAFF', unit: 'KABID_PENGADUAN' } as Principal;

describe('ReportsService', () => {
  it('answers 404 for an unknown stored report, and for an id too long to be one without looking it up', async () => {
    const reports = new InMemoryRecapReportRepository();
    const service = new ReportsService(reports);
    for (const id of ['BULANAN-2026-13', 'B'.repeat(33)])
      expect(await apiErrorOf(service.stored(id, 'json'))).toEqual({
        status: 404,
        message: 'Laporan tidak ditemukan.',
      });
    expect(reports.lookedUp).toEqual(['BULANAN-2026-13']);
  });

  it('completes a report stored before forwarding and the open-case figures existed', async () => {
    const reports = new InMemoryRecapReportRepository();
    const old = {
      id: 'BULANAN-2025-01',
      outcome: { resolvedOnTime: 1, resolvedLate: 0, open: 1, rejected: 0 },
      trend: [{ month: '2025-01' }],
      complaints: [{ registerNumber: '2025/01/0001', status: 'IN_PROGRESS', overdue: true }],
    };
    reports.rows.push(record('BULANAN-2025-01', { data: old }));
    const { body } = await new ReportsService(reports).stored('BULANAN-2025-01', 'json');
    const report = body as RecapReport;
    expect(report.outcome.forwarded).toBe(0);
    expect(report.forwardedTo).toEqual([]);
    expect(report.openCases.overdue).toBe(1);
    expect(report.complaints[0]).toMatchObject({ summary: null, latestFollowUp: null, objectedAt: null });
  });

  it('refuses a third semester (400) and stores nothing', async () => {
    const reports = new InMemoryRecapReportRepository();
    const service = new ReportsService(reports);
    expect(await apiErrorOf(service.produce({ kind: 'SEMESTER', year: 2026, index: 3 }, kabid))).toEqual({
      status: 400,
      message: 'Semester (index) wajib 1 atau 2.',
    });
    expect(reports.produced).toEqual([]);
  });

  it('stores a report on request without delivering it, and answers with the stored row', async () => {
    const reports = new InMemoryRecapReportRepository();
    reports.rows.push(record('BULANAN-2026-04', { periodFrom: new Date('2026-03-31T17:00:00Z') }));
    const view = await new ReportsService(reports).produce({ kind: 'MONTHLY', year: 2026, index: 5 }, kabid);
    expect(reports.produced).toEqual([
      { kind: 'MONTHLY', year: 2026, index: 5, by: 'kabid', deliver: false },
    ]);
    expect(view).toEqual({
      id: 'BULANAN-2026-05',
      kind: 'MONTHLY',
      label: 'Mei 2026',
      periodFrom: '2026-04-30T17:00:00.000Z',
      periodTo: '2026-05-31T16:59:59.999Z',
      generatedAt: '2026-06-01T01:00:00.000Z',
      generatedBy: 'kabid',
      sentToSekdaAt: null,
    });
  });
});
