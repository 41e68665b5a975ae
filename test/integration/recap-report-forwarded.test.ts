/**
 * Forwarded complaints ("bukan wewenang") in the recap report: counted apart from the answered, open
 * and rejected ones, by the agency they went to, with where and why in the list; in the JSON, the
 * XLSX and the PDF, on SQLite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { AuditEvent, Complaint } from '../../src/db/entities';
import { computeDueAt, WorkingDayCalendar } from '../../src/domain/calendar';
import { monthlyPeriod } from '../../src/domain/reporting';
import { buildRecapReport, completeRecapReport, type RecapReport } from '../../src/reports/recap-report';
import { renderPdf } from '../../src/reports/render-pdf';
import { renderXlsx } from '../../src/reports/render-xlsx';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases';

const wib = (local: string) => new Date(`${local}:00+07:00`);

interface Seed {
  register: string;
  status: string;
  received: string;
  closed?: string;
  response?: string;
  forward?: { agency: string; agencyName: string; reason: string; letterNumber: string; at: string };
}

const SEEDS: Seed[] = [
  {
    register: '2026/11/0101',
    status: 'FORWARDED',
    received: '2026-11-03 09:00',
    forward: {
      agency: 'DPUPR',
      agencyName: 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Prabumulih',
      reason: 'Jalan rusak adalah urusan pekerjaan umum.',
      letterNumber: '500.16/101/DPMPTSP/2026',
      at: '2026-11-03 11:00',
    },
  },
  {
    register: '2026/11/0102',
    status: 'FORWARDED',
    received: '2026-11-04 09:00',
    forward: {
      agency: 'DPUPR',
      agencyName: 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Prabumulih',
      reason: 'Drainase tersumbat.',
      letterNumber: '500.16/102/DPMPTSP/2026',
      at: '2026-11-04 10:00',
    },
  },
  {
    register: '2026/11/0103',
    status: 'FORWARDED',
    received: '2026-11-05 09:00',
    forward: {
      agency: 'SP4N_LAPOR',
      agencyName: 'SP4N-LAPOR! (Layanan Aspirasi dan Pengaduan Online Rakyat)',
      reason: 'Menyangkut instansi pusat.',
      letterNumber: '045.2/17/DPMPTSP/XI/2026',
      at: '2026-11-05 10:00',
    },
  },
  {
    register: '2026/11/0104',
    status: 'RESOLVED',
    received: '2026-11-05 09:00',
    closed: '2026-11-06 09:00',
    response: 'Dijawab.',
  },
];

async function seed(db: TestDatabase): Promise<void> {
  const em = db.orm.em.fork();
  for (const s of SEEDS) {
    const id = randomUUID();
    const receivedAt = wib(s.received);
    const closed = s.forward?.at ?? s.closed;
    em.create(Complaint, {
      id,
      registerNumber: s.register,
      trackingCode: randomUUID().slice(0, 10).toUpperCase(),
      workflowId: `pengaduan-${s.register.replaceAll('/', '-')}`,
      channel: 'WEBSITE',
      complainantName: 'Warga Prabumulih',
      description: 'Uraian.',
      evidence: [],
      receivedAt,
      category: s.status === 'RESOLVED' ? 'RINGAN' : null,
      status: s.status,
      dueAt: computeDueAt(receivedAt, new WorkingDayCalendar([])),
      overdue: false,
      closedAt: closed ? wib(closed) : null,
      response: s.response ?? null,
      createdAt: receivedAt,
      updatedAt: receivedAt,
    });
    if (s.forward) {
      const { at, ...details } = s.forward;
      em.create(AuditEvent, {
        id: `${id}:1:FORWARDED`,
        complaintId: id,
        type: 'FORWARDED',
        actor: 'pengaduan',
        at: wib(at),
        details,
      });
    }
  }
  await em.flush();
}

describe.each(databaseKinds())('forwarded complaints in the recap report (%s)', (kind) => {
  let db: TestDatabase;
  let report: RecapReport;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seed(db);
    report = await buildRecapReport(
      db.orm.em.fork(),
      monthlyPeriod(2026, 11),
      new Date('2026-12-01T01:00:00Z'),
    );
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('counts them apart, by agency, and lists where and why they went', () => {
    expect(report.received).toBe(4);
    expect(report.outcome).toEqual({
      resolvedOnTime: 1,
      resolvedLate: 0,
      open: 0,
      rejected: 0,
      forwarded: 3,
    });
    // Not in the deadline compliance: only answered cases count there.
    expect(report.slaCompliance).toBe(1);
    expect(report.openCases.total).toBe(0);
    expect(report.forwardedTo).toEqual([
      { key: 'DPUPR', count: 2 },
      { key: 'SP4N_LAPOR', count: 1 },
    ]);
    const listed = report.complaints.find((c) => c.registerNumber === '2026/11/0101')!;
    expect(listed).toMatchObject({
      status: 'FORWARDED',
      overdue: false,
      followUp:
        'Diteruskan ke Dinas Pekerjaan Umum dan Penataan Ruang Kota Prabumulih (surat 500.16/101/DPMPTSP/2026): Jalan rusak adalah urusan pekerjaan umum.',
      latestFollowUp:
        'Diteruskan ke Dinas Pekerjaan Umum dan Penataan Ruang Kota Prabumulih (surat 500.16/101/DPMPTSP/2026): Jalan rusak adalah urusan pekerjaan umum.',
    });
  });

  it('shows them in the spreadsheet and the PDF', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderXlsx(report)) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.getWorksheet('Ringkasan')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual(['Diteruskan ke instansi lain (bukan wewenang)', 3]);
    expect(rows).toContainEqual(['Dinas Pekerjaan Umum dan Penataan Ruang Kota Prabumulih', 2]);
    const list: unknown[][] = [];
    book.getWorksheet('Daftar pengaduan')!.eachRow((row) => list.push((row.values as unknown[]).slice(1)));
    expect(list.find((r) => r[0] === '2026/11/0103')).toEqual(
      expect.arrayContaining(['Diteruskan ke instansi lain (bukan wewenang)']),
    );
    const pdf = await renderPdf(report);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('reads a report stored before forwarding existed as none forwarded', () => {
    const { forwardedTo: _, ...old } = report;
    const stored = { ...old, outcome: { resolvedOnTime: 1, resolvedLate: 0, open: 0, rejected: 0 } };
    const completed = completeRecapReport(stored as unknown as RecapReport);
    expect(completed.outcome.forwarded).toBe(0);
    expect(completed.forwardedTo).toEqual([]);
  });
});
