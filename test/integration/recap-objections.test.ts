/**
 * Objections (keberatan) in the recap report: counted by the WIB date they were filed (not the
 * complaint's receipt), per month and by what they objected to, flagged in the list, and shown in
 * the spreadsheet and the PDF. On SQLite and PostgreSQL (the selection is SQL).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Complaint } from '../../src/db/entities';
import { monthlyPeriod, semesterPeriod } from '../../src/domain/reporting';
import { buildRecapReport, completeRecapReport, type RecapReport } from '../../src/reports/recap-report';
import { renderPdf } from '../../src/reports/render-pdf';
import { renderXlsx } from '../../src/reports/render-xlsx';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases';
import { REPO_ROOT } from '../helpers/paths';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
const wib = (local: string) => new Date(`${local}:00+07:00`);

/** Received, answered (RESOLVED or REJECTED), and objected to at the given WIB times. */
const SEEDS = [
  // Received in September; objected to on 1 October 00:30 WIB (still 30 September in UTC): October's.
  {
    register: '2026/09/0101',
    received: '2026-09-20 09:00',
    previous: 'RESOLVED',
    objected: '2026-10-01 00:30',
  },
  {
    register: '2026/10/0101',
    received: '2026-10-05 09:00',
    previous: 'REJECTED',
    objected: '2026-10-20 10:00',
  },
  // 1 November 00:10 WIB: November's.
  {
    register: '2026/10/0102',
    received: '2026-10-12 09:00',
    previous: 'RESOLVED',
    objected: '2026-11-01 00:10',
  },
  // Never objected.
  { register: '2026/10/0103', received: '2026-10-13 09:00', previous: null, objected: null },
] as const;

async function seed(db: TestDatabase): Promise<void> {
  const em = db.orm.em.fork();
  for (const s of SEEDS) {
    const receivedAt = wib(s.received);
    em.create(Complaint, {
      id: randomUUID(),
      registerNumber: s.register,
      trackingCode: randomUUID().slice(0, 10).toUpperCase(),
      workflowId: `pengaduan-${s.register.replaceAll('/', '-')}${s.objected ? '-keberatan-1' : ''}`,
      channel: 'WEBSITE',
      complainantName: 'Warga Prabumulih',
      description: 'Uraian.',
      evidence: ['Foto'],
      receivedAt,
      category: s.objected ? null : 'RINGAN',
      status: s.objected ? 'RECEIVED' : 'RESOLVED',
      overdue: false,
      closedAt: s.objected ? null : wib('2026-10-14 10:00'),
      response: s.objected ? null : 'Dijawab.',
      objectedAt: s.objected ? wib(s.objected) : null,
      objectionReason: s.objected ? 'Tidak puas.' : null,
      previousWorkflowId: s.objected ? `pengaduan-${s.register.replaceAll('/', '-')}` : null,
      previousOutcome: s.previous
        ? {
            status: s.previous,
            response: s.previous === 'RESOLVED' ? 'Dijawab.' : null,
            respondedBy: 'pengaduan',
            rejectionReason: s.previous === 'REJECTED' ? 'Di luar lingkup.' : null,
            closedAt: receivedAt.toISOString(),
            dueAt: null,
            category: 'RINGAN',
            overdue: false,
            lastRound: 1,
          }
        : null,
      createdAt: receivedAt,
      updatedAt: receivedAt,
    });
  }
  await em.flush();
}

describe.each(databaseKinds())('recap report: objections (%s)', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seed(db);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('counts the objections filed in the month, by WIB date, and by what they objected to', async () => {
    const report = await buildRecapReport(db.orm.em.fork(), monthlyPeriod(2026, 10));
    expect(report.objections).toEqual({
      filed: 2,
      byMonth: [{ month: '2026-10', count: 2 }],
      byPreviousStatus: [
        { key: 'REJECTED', count: 1 },
        { key: 'RESOLVED', count: 1 },
      ],
    });
    // The list (complaints received in October) flags the ones objected to, whenever that was.
    expect(report.complaints.map((c) => [c.registerNumber, c.objectedAt])).toEqual([
      ['2026/10/0101', wib('2026-10-20 10:00').toISOString()],
      ['2026/10/0102', wib('2026-11-01 00:10').toISOString()],
      ['2026/10/0103', null],
    ]);
  });

  it('per month over a semester, zeros included', async () => {
    const report = await buildRecapReport(db.orm.em.fork(), semesterPeriod(2026, 2));
    expect(report.objections?.filed).toBe(3);
    expect(report.objections?.byMonth).toEqual([
      { month: '2026-07', count: 0 },
      { month: '2026-08', count: 0 },
      { month: '2026-09', count: 0 },
      { month: '2026-10', count: 2 },
      { month: '2026-11', count: 1 },
      { month: '2026-12', count: 0 },
    ]);
  });

  it('a report stored before objections were counted reads with none (null), not zero', async () => {
    const report = await buildRecapReport(db.orm.em.fork(), monthlyPeriod(2026, 10));
    const { objections: _o, ...old } = report;
    const completed = completeRecapReport({
      ...old,
      complaints: old.complaints.map(({ objectedAt: _a, ...c }) => c),
    } as unknown as RecapReport);
    expect(completed.objections).toBeNull();
    expect(completed.complaints[0].objectedAt).toBeNull();
  });

  it('the spreadsheet and the PDF show the objections', async () => {
    const report = await buildRecapReport(db.orm.em.fork(), semesterPeriod(2026, 2));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderXlsx(report)) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    book.getWorksheet('Ringkasan')!.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows).toContainEqual(['Keberatan diajukan (pengaduan dibuka kembali)', 3]);
    expect(rows).toContainEqual(['Oktober 2026', 2]);
    expect(rows).toContainEqual(['November 2026', 1]);
    const list = book.getWorksheet('Daftar pengaduan')!;
    const statuses: unknown[] = [];
    list.eachRow((row) => {
      statuses.push(row.getCell(5).value);
    });
    expect(statuses).toContain('Menunggu triase (keberatan)');

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const pdfPath = path.join(ARTIFACTS, `rekap-keberatan-${kind}.pdf`);
    fs.writeFileSync(pdfPath, await renderPdf(report));
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
    expect(text).toMatch(/Keberatan diajukan \(pengaduan dibuka kembali\)\s+3/);
    expect(text).toMatch(/Oktober 2026\s+2/);
    expect(text).toContain('(keberatan)');
  });
});
