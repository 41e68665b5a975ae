/**
 * The recap report's satisfaction figures from a known set of ratings, on SQLite and PostgreSQL:
 * counted by the WIB date of rating, per month and per unit with a task on the rated case (once per
 * unit, whatever its rounds); the spreadsheet and the PDF carry them; a report stored before ratings
 * existed still loads.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Complaint, ComplaintTask, SatisfactionRating } from '../../src/db/entities';
import { monthlyPeriod, semesterPeriod } from '../../src/domain/reporting';
import { buildRecapReport, completeRecapReport, type RecapReport } from '../../src/reports/recap-report';
import { renderPdf } from '../../src/reports/render-pdf';
import { renderXlsx } from '../../src/reports/render-xlsx';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases';
import { REPO_ROOT } from '../helpers/paths';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
const wib = (local: string) => new Date(`${local}:00+07:00`);

const SEEDS: {
  register: string;
  units: [string, number][];
  score: number;
  rated: string;
  comment?: string;
}[] = [
  // October (WIB), handled by the front desk and Seksi Pengaduan.
  {
    register: '2026/10/0101',
    units: [
      ['LOKET', 1],
      ['SEKSI_PENGADUAN', 1],
    ],
    score: 4,
    rated: '2026-10-31 23:30',
    comment: 'Cepat dan jelas.',
  },
  // October; TIM_TEKNIS had a task in two rounds and counts once.
  {
    register: '2026/10/0102',
    units: [
      ['BIDANG_PERIZINAN', 1],
      ['TIM_TEKNIS', 1],
      ['TIM_TEKNIS', 2],
    ],
    score: 2,
    rated: '2026-10-10 10:00',
  },
  // 1 November 06:00 WIB is still 31 October in UTC: November.
  { register: '2026/10/0103', units: [['LOKET', 1]], score: 3, rated: '2026-11-01 06:00' },
  // September: in the semester, not in October.
  { register: '2026/09/0104', units: [['KECAMATAN', 1]], score: 1, rated: '2026-09-15 09:00' },
];

async function seed(db: TestDatabase): Promise<void> {
  const em = db.orm.em.fork();
  for (const s of SEEDS) {
    const id = randomUUID();
    const receivedAt = wib('2026-09-01 09:00');
    em.create(Complaint, {
      id,
      registerNumber: s.register,
      trackingCode: randomUUID().slice(0, 10).toUpperCase(),
      workflowId: `pengaduan-${s.register.replaceAll('/', '-')}`,
      channel: 'WEBSITE',
      complainantName: 'Warga Prabumulih',
      description: 'Uraian.',
      evidence: ['Foto'],
      receivedAt,
      category: 'RINGAN',
      status: 'RESOLVED',
      overdue: false,
      closedAt: wib(s.rated),
      response: 'Dijawab.',
      createdAt: receivedAt,
      updatedAt: receivedAt,
    });
    for (const [unit, round] of s.units)
      em.create(ComplaintTask, {
        id: `${id}:${round}:${unit}`,
        complaintId: id,
        round,
        unit,
        status: 'DONE',
        completedAt: receivedAt,
        createdAt: receivedAt,
      });
    em.create(SatisfactionRating, {
      complaintId: id,
      score: s.score,
      comment: s.comment ?? null,
      ratedAt: wib(s.rated),
    });
  }
  await em.flush();
}

const counts = (s: { distribution: { count: number }[] }) => s.distribution.map((d) => d.count);

describe.each(databaseKinds())('recap report: satisfaction (%s)', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seed(db);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('October 2026: the ratings given in the month, per unit that handled the case', async () => {
    const { satisfaction } = await buildRecapReport(db.orm.em.fork(), monthlyPeriod(2026, 10));
    expect(satisfaction.overall).toMatchObject({ count: 2, average: 3, index: 75, grade: 'C' });
    expect(counts(satisfaction.overall)).toEqual([0, 1, 0, 1]);
    expect(satisfaction.byMonth).toEqual([{ month: '2026-10', ...satisfaction.overall }]);
    expect(satisfaction.byUnit.map((u) => [u.unit, u.count, u.average, u.index, u.grade])).toEqual([
      ['BIDANG_PERIZINAN', 1, 2, 50, 'D'],
      ['LOKET', 1, 4, 100, 'A'],
      ['SEKSI_PENGADUAN', 1, 4, 100, 'A'],
      ['TIM_TEKNIS', 1, 2, 50, 'D'],
    ]);
  });

  it('Semester II 2026: every month, zeros included, and each unit over the months', async () => {
    const { satisfaction } = await buildRecapReport(db.orm.em.fork(), semesterPeriod(2026, 2));
    expect(satisfaction.overall).toMatchObject({ count: 4, average: 2.5, index: 62.5, grade: 'D' });
    expect(satisfaction.byMonth.map((m) => [m.month, m.count, m.average])).toEqual([
      ['2026-07', 0, null],
      ['2026-08', 0, null],
      ['2026-09', 1, 1],
      ['2026-10', 2, 3],
      ['2026-11', 1, 3],
      ['2026-12', 0, null],
    ]);
    const loket = satisfaction.byUnit.find((u) => u.unit === 'LOKET')!;
    expect(loket).toMatchObject({ count: 2, average: 3.5, index: 87.5, grade: 'B' });
    expect(counts(loket)).toEqual([0, 0, 1, 1]);
    expect(satisfaction.byUnit.map((u) => u.unit)).toContain('KECAMATAN');
  });

  it('a month without ratings has zeros and no index', async () => {
    const { satisfaction } = await buildRecapReport(db.orm.em.fork(), monthlyPeriod(2026, 3));
    expect(satisfaction.overall).toMatchObject({ count: 0, average: null, index: null, grade: null });
    expect(satisfaction.byUnit).toEqual([]);
  });

  it('a report stored before ratings existed reads with zeros for its months', async () => {
    const { satisfaction: _new, ...old } = await buildRecapReport(db.orm.em.fork(), semesterPeriod(2026, 2));
    const completed = completeRecapReport(old as unknown as RecapReport);
    expect(completed.satisfaction.overall.count).toBe(0);
    expect(completed.satisfaction.byMonth.map((m) => m.month)).toEqual([
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    // It renders as before, with the empty satisfaction table.
    await expect(renderXlsx(completed)).resolves.toBeInstanceOf(Buffer);
    await expect(renderPdf(completed)).resolves.toBeInstanceOf(Buffer);
  });

  it('the spreadsheet has a sheet of the satisfaction figures', async () => {
    const report = await buildRecapReport(db.orm.em.fork(), monthlyPeriod(2026, 10));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderXlsx(report)) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Kepuasan pengadu')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows).toContainEqual([
      'Kelompok',
      'Jumlah penilaian',
      'Rata-rata (1-4)',
      '1 Tidak baik',
      '2 Kurang baik',
      '3 Baik',
      '4 Sangat baik',
      'Indeks (x25)',
      'Mutu',
    ]);
    expect(rows).toContainEqual(['Oktober 2026', 2, 3, 0, 1, 0, 1, 75, 'C (Kurang baik)']);
    expect(rows).toContainEqual(['Petugas Loket', 1, 4, 0, 0, 0, 1, 100, 'A (Sangat baik)']);
  });

  it('the PDF has the satisfaction table', async () => {
    const report = await buildRecapReport(db.orm.em.fork(), monthlyPeriod(2026, 10));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const pdfPath = path.join(ARTIFACTS, `rekap-kepuasan-oktober-2026-${kind}.pdf`);
    fs.writeFileSync(pdfPath, await renderPdf(report));
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
    expect(text).toContain('Kepuasan pengadu atas penanganan pengaduan (skala IKM 1-4)');
    expect(text).toMatch(/Oktober 2026\s+2\s+3,00\s+0\s+1\s+0\s+1\s+75,00\s+C \(Kurang baik\)/);
    expect(text).toMatch(/Tim Teknis Perizinan\s+1\s+2,00\s+0\s+1\s+0\s+0\s+50,00\s+D \(Tidak baik\)/);
  });
});
