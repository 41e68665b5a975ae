/**
 * The recap report's figures from a known set of complaints (on time, late, open, rejected, BERAT
 * with and without a decision, period boundaries in WIB), every number checked, on SQLite and
 * PostgreSQL: the aggregation is SQL, so both dialects must agree.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { AuditEvent, Complaint, ComplaintTask, Decision } from '../../src/db/entities';
import { computeDueAt, WorkingDayCalendar } from '../../src/domain/calendar';
import { monthlyPeriod, semesterPeriod } from '../../src/domain/reporting';
import { buildRecapReport, completeRecapReport, type RecapReport } from '../../src/reports/recap-report';
import { renderPdf } from '../../src/reports/render-pdf';
import { renderXlsx } from '../../src/reports/render-xlsx';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases';
import { REPO_ROOT } from '../helpers/paths';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');

/** An instant given as WIB wall-clock time. */
const wib = (local: string) => new Date(`${local}:00+07:00`);
// No national holiday falls in September-November 2026, so weekends are the only non-working days.
const CALENDAR = new WorkingDayCalendar([]);

interface Seed {
  register: string;
  channel: string;
  category: string | null;
  received: string;
  status: string;
  closed?: string;
  response?: string;
  rejectionReason?: string;
  tasks?: { unit: string; created: string; completed?: string; outcome?: string }[];
  decision?: string | null;
  location?: { kecamatan: string; kelurahan?: string };
  description?: string;
  /** Timeline events (type, WIB time; TASK_COMPLETED names its task's unit). */
  events?: { type: string; at: string; unit?: string }[];
}

const SEEDS: Seed[] = [
  // September, inside the semester but not the month.
  {
    register: '2026/09/0001',
    channel: 'WEBSITE',
    category: 'RINGAN',
    received: '2026-09-30 23:30',
    status: 'RESOLVED',
    closed: '2026-10-02 10:00',
    response: 'Dijawab.',
    tasks: [{ unit: 'LOKET', created: '2026-09-30 23:40', completed: '2026-10-01 09:00' }],
  },
  // October: on time in 2 working days (Mon -> Wed).
  {
    register: '2026/10/0001',
    channel: 'WEBSITE',
    category: 'RINGAN',
    received: '2026-10-05 09:00',
    status: 'RESOLVED',
    closed: '2026-10-07 10:00',
    response: 'Biaya layanan Rp0.',
    tasks: [
      {
        unit: 'LOKET',
        created: '2026-10-05 09:30',
        completed: '2026-10-06 11:00',
        outcome: 'Dijelaskan di loket.',
      },
      {
        unit: 'SEKSI_PENGADUAN',
        created: '2026-10-05 09:30',
        completed: '2026-10-07 09:00',
        outcome: 'Tarif layanan dikonfirmasi gratis.',
      },
    ],
    location: { kecamatan: '16.74.01', kelurahan: '16.74.01.1007' },
    description:
      'Petugas meminta biaya untuk pengurusan NIB padahal layanan ini gratis menurut peraturan yang berlaku di Kota Prabumulih, mohon penjelasan dan tindak lanjut dari dinas terkait secepatnya.',
    events: [
      { type: 'REGISTERED', at: '2026-10-05 09:01' },
      { type: 'TRIAGED', at: '2026-10-05 09:30' },
      { type: 'TASK_COMPLETED', at: '2026-10-06 11:00', unit: 'LOKET' },
      { type: 'TASK_COMPLETED', at: '2026-10-07 09:00', unit: 'SEKSI_PENGADUAN' },
      // Not a follow-up: the clock's, after the last one.
      { type: 'DUE_DATE_CHANGED', at: '2026-10-07 09:30' },
    ],
  },
  // Late: due 20 Oct, answered 28 Oct, 16 working days after receipt.
  {
    register: '2026/10/0002',
    channel: 'EMAIL',
    category: 'SEDANG',
    received: '2026-10-06 10:00',
    status: 'RESOLVED',
    closed: '2026-10-28 15:00',
    response: 'Izin usaha dibekukan sementara.',
    tasks: [
      { unit: 'BIDANG_PERIZINAN', created: '2026-10-06 11:00', completed: '2026-10-27 10:00' },
      { unit: 'TIM_TEKNIS', created: '2026-10-06 11:00' },
    ],
  },
  // BERAT awaiting the Kepala Daerah's decision.
  {
    register: '2026/10/0003',
    channel: 'TELEPON',
    category: 'BERAT',
    received: '2026-10-12 08:00',
    status: 'AWAITING_DECISION',
    decision: null,
  },
  // Rejected at triage (out of scope).
  {
    register: '2026/10/0004',
    channel: 'SURAT',
    category: null,
    received: '2026-10-13 09:00',
    status: 'REJECTED',
    closed: '2026-10-13 14:00',
    rejectionReason: 'Bukan kewenangan DPM-PTSP.',
  },
  // BERAT approved, resolved in 5 working days.
  {
    register: '2026/10/0005',
    channel: 'WEBSITE',
    category: 'BERAT',
    received: '2026-10-14 13:00',
    status: 'RESOLVED',
    closed: '2026-10-21 16:00',
    response: 'Izin dicabut.',
    decision: 'APPROVE',
  },
  // The last minutes of October in WIB (already 1 November nowhere yet).
  {
    register: '2026/10/0006',
    channel: 'EMAIL',
    category: 'RINGAN',
    received: '2026-10-31 23:30',
    status: 'IN_PROGRESS',
    tasks: [{ unit: 'LOKET', created: '2026-10-31 23:40' }],
    location: { kecamatan: '16.74.01' },
    events: [
      { type: 'REGISTERED', at: '2026-10-31 23:31' },
      { type: 'TRIAGED', at: '2026-10-31 23:40' },
    ],
  },
  // 1 November 00:10 WIB is still 31 October in UTC: November's, not October's.
  {
    register: '2026/11/0001',
    channel: 'TATAP_MUKA',
    category: null,
    received: '2026-11-01 00:10',
    status: 'RECEIVED',
  },
];

async function seed(db: TestDatabase): Promise<void> {
  const em = db.orm.em.fork();
  for (const s of SEEDS) {
    const id = randomUUID();
    const receivedAt = wib(s.received);
    em.create(Complaint, {
      id,
      registerNumber: s.register,
      trackingCode: randomUUID().slice(0, 10).toUpperCase(),
      workflowId: `pengaduan-${s.register.replaceAll('/', '-')}`,
      channel: s.channel,
      complainantName: 'Warga Prabumulih',
      description: s.description ?? 'Uraian.',
      kecamatan: s.location?.kecamatan ?? null,
      kelurahan: s.location?.kelurahan ?? null,
      evidence: ['Foto'],
      receivedAt,
      category: s.category,
      status: s.status,
      dueAt: computeDueAt(receivedAt, CALENDAR),
      overdue: false,
      closedAt: s.closed ? wib(s.closed) : null,
      response: s.response ?? null,
      rejectionReason: s.rejectionReason ?? null,
      createdAt: receivedAt,
      updatedAt: receivedAt,
    });
    for (const t of s.tasks ?? []) {
      em.create(ComplaintTask, {
        id: `${id}:1:${t.unit}`,
        complaintId: id,
        round: 1,
        unit: t.unit,
        status: t.completed ? 'DONE' : 'OPEN',
        outcome: t.outcome ?? null,
        completedAt: t.completed ? wib(t.completed) : null,
        createdAt: wib(t.created),
      });
    }
    for (const [i, ev] of (s.events ?? []).entries()) {
      em.create(AuditEvent, {
        id: `${id}:${i}:${ev.type}`,
        complaintId: id,
        type: ev.type,
        actor: null,
        at: wib(ev.at),
        details: ev.unit ? { taskId: `${id}:1:${ev.unit}`, unit: ev.unit, round: 1 } : null,
      });
    }
    if (s.decision !== undefined) {
      em.create(Decision, {
        id: `${id}:decision:1`,
        complaintId: id,
        round: 1,
        escalatedAt: receivedAt,
        decision: s.decision,
        decidedAt: s.decision ? wib(s.closed ?? s.received) : null,
      });
    }
  }
  await em.flush();
}

const byKey = (rows: { key: string; count: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.key, r.count]));

describe.each(databaseKinds())('recap report figures (%s)', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seed(db);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('October 2026: every figure', async () => {
    const report = await buildRecapReport(
      db.orm.em.fork(),
      monthlyPeriod(2026, 10),
      new Date('2026-11-02T01:00:00Z'),
    );
    expect(report).toMatchObject({
      id: 'BULANAN-2026-10',
      kind: 'MONTHLY',
      label: 'Oktober 2026',
      from: '2026-09-30T17:00:00.000Z',
      to: '2026-10-31T17:00:00.000Z',
      received: 6,
      outcome: { resolvedOnTime: 2, resolvedLate: 1, open: 2, rejected: 1 },
      // As of 2 November: the BERAT case due 26 October is late; the one received 31 October is not.
      openCases: {
        total: 2,
        overdue: 1,
        byStage: [
          { status: 'RECEIVED', label: 'Menunggu triase', count: 0 },
          { status: 'IN_PROGRESS', label: 'Ditindaklanjuti unit', count: 1 },
          { status: 'AWAITING_DECISION', label: 'Menunggu keputusan Kepala Daerah', count: 1 },
          { status: 'AWAITING_RESPONSE', label: 'Menunggu tanggapan', count: 0 },
        ],
      },
      slaCompliance: 0.6667,
      resolutionWorkingDays: { average: 7.67, median: 5 },
      berat: { cases: 2 },
      trend: [{ month: '2026-10', received: 6, resolvedOnTime: 2, resolvedLate: 1 }],
    });
    expect(byKey(report.byChannel)).toEqual({ EMAIL: 2, SURAT: 1, TELEPON: 1, WEBSITE: 2 });
    expect(byKey(report.byCategory)).toEqual({ BELUM_DITRIASE: 1, RINGAN: 2, SEDANG: 1, BERAT: 2 });
    expect(byKey(report.berat.decisions)).toEqual({ APPROVE: 1, MENUNGGU: 1 });
    expect(report.units).toEqual([
      { unit: 'BIDANG_PERIZINAN', received: 1, completed: 1, medianWorkingDays: 15 },
      { unit: 'LOKET', received: 2, completed: 1, medianWorkingDays: 1 },
      { unit: 'SEKSI_PENGADUAN', received: 1, completed: 1, medianWorkingDays: 2 },
      { unit: 'TIM_TEKNIS', received: 1, completed: 0, medianWorkingDays: null },
    ]);
    expect(report.complaints.map((c) => [c.registerNumber, c.status, c.followUp])).toEqual([
      ['2026/10/0001', 'RESOLVED', 'Biaya layanan Rp0.'],
      ['2026/10/0002', 'RESOLVED', 'Izin usaha dibekukan sementara.'],
      ['2026/10/0003', 'AWAITING_DECISION', null],
      ['2026/10/0004', 'REJECTED', 'Bukan kewenangan DPM-PTSP.'],
      ['2026/10/0005', 'RESOLVED', 'Izin dicabut.'],
      ['2026/10/0006', 'IN_PROGRESS', null],
    ]);
    expect(report.complaints[1]).toMatchObject({
      receivedAt: '2026-10-06T03:00:00.000Z',
      dueAt: '2026-10-20T16:59:59.999Z',
      closedAt: '2026-10-28T08:00:00.000Z',
    });
    // Overdue: answered late (0002), or still open past the deadline on 2 November (0003).
    expect(report.complaints.filter((c) => c.overdue).map((c) => c.registerNumber)).toEqual([
      '2026/10/0002',
      '2026/10/0003',
    ]);
    // Subject, location by name and the latest follow-up (a task's outcome; the clock's events skipped).
    expect(report.complaints[0]).toMatchObject({
      kecamatan: 'Prabumulih Barat',
      kelurahan: 'Patih Galung',
      latestFollowUp:
        'Satu unit menyelesaikan tindak lanjutnya (Seksi Pengaduan dan Informasi Layanan): Tarif layanan dikonfirmasi gratis.',
      latestFollowUpAt: '2026-10-07T02:00:00.000Z',
    });
    expect(report.complaints[0].summary).toMatch(/^Petugas meminta biaya untuk pengurusan NIB .*…$/);
    expect(Array.from(report.complaints[0].summary!).length).toBeLessThanOrEqual(140);
    expect(report.complaints[5]).toMatchObject({
      kecamatan: 'Prabumulih Barat',
      kelurahan: null,
      summary: 'Uraian.',
      latestFollowUp: 'Pengaduan diperiksa dan diteruskan kepada unit yang menangani',
    });
    expect(report.complaints[2]).toMatchObject({ latestFollowUp: null, latestFollowUpAt: null });
  });

  it("a stored report from before the open cases' figures reads like a new one", async () => {
    const report = await buildRecapReport(
      db.orm.em.fork(),
      monthlyPeriod(2026, 10),
      new Date('2026-11-02T01:00:00Z'),
    );
    const { openCases: _new, ...old } = report;
    const oldList = old.complaints.map(
      ({ summary: _s, kecamatan: _k, kelurahan: _l, latestFollowUp: _f, latestFollowUpAt: _a, ...c }) => c,
    );
    const completed = completeRecapReport({ ...old, complaints: oldList } as unknown as RecapReport);
    expect(completed.openCases).toEqual(report.openCases);
    expect(completed.complaints[0]).toMatchObject({ summary: null, kecamatan: null, latestFollowUp: null });
  });

  it('Semester II 2026: the months around October count too', async () => {
    const report = await buildRecapReport(db.orm.em.fork(), semesterPeriod(2026, 2));
    expect(report).toMatchObject({
      id: 'SEMESTER-2026-2',
      kind: 'SEMESTER',
      received: 8,
      outcome: { resolvedOnTime: 3, resolvedLate: 1, open: 3, rejected: 1 },
      slaCompliance: 0.75,
      resolutionWorkingDays: { average: 6.25, median: 3.5 },
    });
    expect(byKey(report.byChannel)).toEqual({ EMAIL: 2, SURAT: 1, TATAP_MUKA: 1, TELEPON: 1, WEBSITE: 3 });
    expect(report.trend).toEqual([
      { month: '2026-07', received: 0, resolvedOnTime: 0, resolvedLate: 0 },
      { month: '2026-08', received: 0, resolvedOnTime: 0, resolvedLate: 0 },
      { month: '2026-09', received: 1, resolvedOnTime: 1, resolvedLate: 0 },
      { month: '2026-10', received: 6, resolvedOnTime: 2, resolvedLate: 1 },
      { month: '2026-11', received: 1, resolvedOnTime: 0, resolvedLate: 0 },
      { month: '2026-12', received: 0, resolvedOnTime: 0, resolvedLate: 0 },
    ]);
    expect(report.units.find((u) => u.unit === 'LOKET')).toEqual({
      unit: 'LOKET',
      received: 3,
      completed: 2,
      medianWorkingDays: 1,
    });
  });

  it('the spreadsheet carries the figures and the list', async () => {
    const report = await buildRecapReport(db.orm.em.fork(), monthlyPeriod(2026, 10));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderXlsx(report)) as unknown as ArrayBuffer);
    const summary = book.getWorksheet('Ringkasan')!;
    const value = (label: string) => {
      let found: unknown;
      summary.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2).value;
      });
      return found;
    };
    expect(summary.getCell('A1').value).toBe('Rekapitulasi Pengaduan Layanan Perizinan — Oktober 2026');
    expect(value('Jumlah pengaduan diterima')).toBe(6);
    expect(value('Selesai dalam 10 hari kerja')).toBe(2);
    expect(value('Selesai melewati 10 hari kerja')).toBe(1);
    expect(value('Masih dalam proses')).toBe(2);
    expect(value('Masih dalam proses dan melewati batas waktu')).toBe(report.openCases.overdue);
    expect(value('Menunggu keputusan Kepala Daerah')).toBe(1);
    expect(value('Ditindaklanjuti unit')).toBe(1);
    expect(value('Ditolak (di luar lingkup)')).toBe(1);
    expect(value('Kepatuhan batas waktu (selesai tepat waktu)')).toBe('66.7%');
    expect(value('Median waktu penyelesaian')).toBe('5 hari kerja');
    expect(value('Website')).toBe(2);
    const units = book.getWorksheet('Per unit')!;
    expect(units.getRow(2).values).toEqual([
      undefined,
      'Bidang Pelayanan Perizinan dan Non Perizinan',
      1,
      1,
      15,
    ]);
    const list = book.getWorksheet('Daftar pengaduan')!;
    expect(list.rowCount).toBe(1 + 6);
    const header = (list.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Nomor register',
      'Diterima',
      'Media',
      'Jenis',
      'Status',
      'Batas waktu',
      'Melewati batas waktu',
      'Selesai',
      'Kecamatan',
      'Kelurahan/desa',
      'Pokok pengaduan',
      'Tindak lanjut terakhir',
      'Tanggapan / alasan penolakan / penerusan',
    ]);
    const cell = (row: number, title: string) => list.getRow(row).getCell(header.indexOf(title) + 1).value;
    expect(cell(5, 'Tanggapan / alasan penolakan / penerusan')).toBe('Bukan kewenangan DPM-PTSP.');
    // The rows follow the JSON's list.
    report.complaints.forEach((c, i) => {
      expect(cell(i + 2, 'Nomor register')).toBe(c.registerNumber);
      expect(cell(i + 2, 'Melewati batas waktu')).toBe(c.overdue ? 'Ya' : 'Tidak');
      expect(cell(i + 2, 'Kecamatan')).toBe(c.kecamatan ?? '');
      expect(cell(i + 2, 'Pokok pengaduan')).toBe(c.summary ?? '');
    });
    expect(cell(2, 'Kelurahan/desa')).toBe('Patih Galung');
    expect(cell(2, 'Tindak lanjut terakhir')).toBe(
      '7 Okt 2026: Satu unit menyelesaikan tindak lanjutnya (Seksi Pengaduan dan Informasi Layanan): Tarif layanan dikonfirmasi gratis.',
    );
  });

  it('the PDF to sign reads the same figures, with its charts, and renders to PNG', async () => {
    const report = await buildRecapReport(db.orm.em.fork(), monthlyPeriod(2026, 10));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const pdfPath = path.join(ARTIFACTS, `rekap-oktober-2026-${kind}.pdf`);
    fs.writeFileSync(pdfPath, await renderPdf(report));
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString();
    for (const expected of [
      'REKAPITULASI PENGADUAN LAYANAN PERIZINAN',
      'BULAN OKTOBER 2026',
      'Kepada Yth. Wali Kota Prabumulih',
      'melalui Sekretaris Daerah Kota Prabumulih',
      'Menurut media',
      'Tren per bulan',
      '2026/10/0004',
      'Bukan kewenangan',
      'Kepala Dinas Penanaman Modal dan',
    ])
      expect(text).toContain(expected);
    expect(text).toMatch(/Pengaduan diterima\s+6/);
    expect(text).toMatch(/Selesai melewati 10 hari kerja\s+1/);
    expect(text).toMatch(/Kepatuhan batas waktu\s+66\.7%/);
    expect(text).toMatch(new RegExp(`di antaranya melewati batas waktu\\s+${report.openCases.overdue}`));
    expect(text).toMatch(/Menunggu keputusan Kepala Daerah\s+1/);
    for (const column of ['Batas waktu', 'Lokasi', 'Pokok pengaduan', 'Tindak lanjut terakhir', 'TERLAMBAT'])
      expect(text).toContain(column);
    expect(text).toContain('Patih Galung');
    // Page 1 (figures and charts) as an image for people to look at.
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '2',
      pdfPath,
      pdfPath.replace(/\.pdf$/, ''),
    ]);
    const pages = fs
      .readdirSync(ARTIFACTS)
      .filter((f) => f.startsWith(`rekap-oktober-2026-${kind}-`) && f.endsWith('.png'));
    expect(pages.length).toBe(2);
    for (const page of pages) expect(fs.statSync(path.join(ARTIFACTS, page)).size).toBeGreaterThan(20_000);
  });

  it('a month without complaints has zeros, not errors', async () => {
    const report = await buildRecapReport(db.orm.em.fork(), monthlyPeriod(2026, 3));
    expect(report).toMatchObject({
      received: 0,
      byChannel: [],
      outcome: { resolvedOnTime: 0, resolvedLate: 0, open: 0, rejected: 0 },
      slaCompliance: null,
      resolutionWorkingDays: { average: null, median: null },
      complaints: [],
    });
  });
});
