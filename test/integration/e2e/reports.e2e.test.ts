/**
 * Recap reports end to end on the real dev server: the schedule the worker creates, fired for the
 * first days of January 2027 (a backfill runs exactly the actions the schedule's spec gives for those
 * days), produces the December and Semester II reports only on the first working day (4 January: the
 * 1st is New Year's Day, then a weekend), stores them and puts their delivery to the Sekda in the
 * outbox. Then the API: JSON, XLSX and PDF, the stored list and downloads, roles and bad input.
 */
import { ScheduleOverlapPolicy } from '@temporalio/client';
import ExcelJS from 'exceljs';
import { Notification, RecapReportRecord } from '../../../src/db/entities';
import { ensureRecapSchedule, RECAP_SCHEDULE_ID } from '../../../src/temporal/recap-schedule';
import { insertComplaint } from '../../helpers/complaints';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, eventually, startE2e } from '../../helpers/e2e';
import { maybeSaveHistory } from '../../workflow/histories';

const wib = (local: string) => new Date(`${local}:00+07:00`);

describe.each(databaseKinds())('recap reports (%s)', (kind) => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e(kind);
    // December 2026: three complaints the December report must count.
    for (const day of ['2026-12-01 09:00', '2026-12-10 10:00', '2026-12-30 15:00'])
      await insertComplaint(e.db.orm, wib(day));
  }, 120_000);
  afterAll(async () => {
    await e?.stop();
  }, 60_000);

  const em = () => e.db.orm.em.fork();

  it('the schedule fires on days 1-10 at 08:00 WIB and reports only on the first working day', async () => {
    const taskQueue = e.config.temporal.taskQueue;
    expect(await ensureRecapSchedule(e.temporal, taskQueue)).toBe('created');
    expect(await ensureRecapSchedule(e.temporal, taskQueue)).toBe('updated');
    const handle = e.temporal.schedule.getHandle(RECAP_SCHEDULE_ID);
    const described = await handle.describe();
    expect(described.spec.timezone).toBe('Asia/Jakarta');
    expect(described.spec.calendars).toEqual([
      expect.objectContaining({
        dayOfMonth: [{ start: 1, end: 10, step: 1 }],
        hour: [{ start: 8, end: 8, step: 1 }],
        minute: [{ start: 0, end: 0, step: 1 }],
      }),
    ]);

    await handle.backfill({
      start: wib('2027-01-01 00:00'),
      end: wib('2027-01-06 00:00'),
      overlap: ScheduleOverlapPolicy.ALLOW_ALL,
    });
    // Five runs (1-5 January), each finished; only 4 January's produced anything.
    const runs: { day: string; produced: string[] }[] = [];
    await eventually(async () => {
      runs.length = 0;
      for await (const w of e.temporal.workflow.list({ query: `WorkflowType = "recapReportWorkflow"` })) {
        if (w.status.name !== 'COMPLETED') return false;
        const result = (await e.temporal.workflow.getHandle(w.workflowId, w.runId).result()) as {
          id: string;
        }[];
        const scheduledAt = w.searchAttributes?.TemporalScheduledStartTime as Date[] | undefined;
        runs.push({
          day: new Date(scheduledAt![0]).toISOString(),
          produced: result.map((r) => r.id),
        });
      }
      return runs.length === 5;
    }, 90_000);
    expect(runs.sort((a, b) => a.day.localeCompare(b.day))).toEqual([
      { day: '2027-01-01T01:00:00.000Z', produced: [] },
      { day: '2027-01-02T01:00:00.000Z', produced: [] },
      { day: '2027-01-03T01:00:00.000Z', produced: [] },
      { day: '2027-01-04T01:00:00.000Z', produced: ['BULANAN-2026-12', 'SEMESTER-2026-2'] },
      { day: '2027-01-05T01:00:00.000Z', produced: [] },
    ]);

    // The run that produced the reports is the replay test's history of the report workflow.
    if (kind === 'sqlite') {
      for await (const w of e.temporal.workflow.list({ query: `WorkflowType = "recapReportWorkflow"` })) {
        const result = (await e.temporal.workflow.getHandle(w.workflowId, w.runId).result()) as unknown[];
        if (result.length > 0)
          await maybeSaveHistory(
            e.temporal.workflow.getHandle(w.workflowId, w.runId),
            'recap-report-first-working-day',
          );
      }
    }

    const stored = await em().find(RecapReportRecord, {}, { orderBy: { id: 'asc' } });
    expect(stored.map((r) => [r.id, r.generatedBy, r.sentToSekdaAt instanceof Date])).toEqual([
      ['BULANAN-2026-12', 'JADWAL', true],
      ['SEMESTER-2026-2', 'JADWAL', true],
    ]);
    expect((stored[0].data as { received: number }).received).toBe(3);
    const sent = await em().find(Notification, { kind: 'RECAP_REPORT' }, { orderBy: { id: 'asc' } });
    expect(sent.map((n) => [n.id, n.recipient])).toEqual([
      ['rekap:BULANAN-2026-12:SEKRETARIS_DAERAH', 'SEKRETARIS_DAERAH'],
      ['rekap:SEMESTER-2026-2:SEKRETARIS_DAERAH', 'SEKRETARIS_DAERAH'],
    ]);
    expect(sent[0].subject).toBe('Rekapitulasi pengaduan layanan perizinan Desember 2026');
  }, 180_000);

  it('serves a month and a semester as JSON, XLSX and PDF to those allowed', async () => {
    const pelaporan = await e.as('pelaporan');
    const month = await e.http.get('/api/reports/monthly?year=2026&month=12').set(pelaporan).expect(200);
    expect(month.body).toMatchObject({ id: 'BULANAN-2026-12', label: 'Desember 2026', received: 3 });
    // The three wait for triage (no deadline recorded): open, none overdue, each with its subject.
    expect(month.body.openCases).toEqual({
      total: 3,
      overdue: 0,
      byStage: [
        { status: 'RECEIVED', label: 'Menunggu triase', count: 3 },
        { status: 'IN_PROGRESS', label: 'Ditindaklanjuti unit', count: 0 },
        { status: 'AWAITING_DECISION', label: 'Menunggu keputusan Kepala Daerah', count: 0 },
        { status: 'AWAITING_RESPONSE', label: 'Menunggu tanggapan', count: 0 },
      ],
    });
    expect(month.body.complaints[0]).toMatchObject({
      summary: 'Limbah pabrik tahu mencemari sungai.',
      kecamatan: null,
      kelurahan: null,
      latestFollowUp: null,
      overdue: false,
    });
    const semester = await e.http
      .get('/api/reports/semester?year=2026&half=2')
      .set(await e.as('walikota'))
      .expect(200);
    expect(
      semester.body.trend.map((t: { month: string; received: number }) => [t.month, t.received]),
    ).toEqual([
      ['2026-07', 0],
      ['2026-08', 0],
      ['2026-09', 0],
      ['2026-10', 0],
      ['2026-11', 0],
      ['2026-12', 3],
    ]);

    const xlsx = await e.http
      .get('/api/reports/monthly?year=2026&month=12&format=xlsx')
      .set(await e.as('kadis'))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toBe(
      'attachment; filename="rekap-pengaduan-bulanan-2026-12.xlsx"',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    expect(book.getWorksheet('Daftar pengaduan')!.rowCount).toBe(1 + 3);
    const summary = new Map<unknown, unknown>();
    book.getWorksheet('Ringkasan')!.eachRow((row) => summary.set(row.getCell(1).value, row.getCell(2).value));
    expect(summary.get('Masih dalam proses dan melewati batas waktu')).toBe(0);
    expect(summary.get('Menunggu triase')).toBe(3);

    // A report stored before the open cases' figures existed is served with them, from its list.
    const stored = await em().findOneOrFail(RecapReportRecord, { id: 'BULANAN-2026-12' });
    const { openCases: _dropped, ...older } = stored.data as Record<string, unknown>;
    await em().nativeUpdate(RecapReportRecord, { id: stored.id }, { data: older });
    const reread = await e.http.get('/api/reports/BULANAN-2026-12').set(pelaporan).expect(200);
    expect(reread.body.openCases).toEqual(month.body.openCases);

    const pdf = await e.http.get('/api/reports/BULANAN-2026-12?format=pdf').set(pelaporan).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(pdf.body).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lists stored reports and produces one on demand (no delivery)', async () => {
    const pelaporan = await e.as('pelaporan');
    const created = await e.http
      .post('/api/reports')
      .set(pelaporan)
      .send({ kind: 'MONTHLY', year: 2026, index: 11 })
      .expect(201);
    expect(created.body).toMatchObject({
      id: 'BULANAN-2026-11',
      generatedBy: 'pelaporan',
      sentToSekdaAt: null,
    });
    const list = await e.http
      .get('/api/reports')
      .set(await e.as('kabid'))
      .expect(200);
    expect(list.body.map((r: { id: string }) => r.id)).toEqual([
      'BULANAN-2026-12',
      'BULANAN-2026-11',
      'SEMESTER-2026-2',
    ]);
    expect(await em().count(Notification, { kind: 'RECAP_REPORT' })).toBe(2);
  });

  it('refuses others and bad input, in Bahasa Indonesia', async () => {
    await e.http.get('/api/reports').expect(401);
    await e.http
      .get('/api/reports')
      .set(await e.as('loket'))
      .expect(403);
    await e.http
      .post('/api/reports')
      .set(await e.as('kadis'))
      .send({ kind: 'MONTHLY', year: 2026, index: 1 })
      .expect(403);
    const pelaporan = await e.as('pelaporan');
    const bad = async (url: string) => (await e.http.get(url).set(pelaporan).expect(400)).body.message;
    expect(await bad('/api/reports/monthly?year=2026&month=13')).toContain('Bulan (month) wajib 1-12.');
    expect(await bad('/api/reports/monthly?year=abc&month=1')).toContain(
      'Tahun (year) wajib bilangan bulat.',
    );
    expect(await bad('/api/reports/semester?year=2026&half=3')).toContain('Semester (half) wajib 1 atau 2.');
    expect(await bad('/api/reports/monthly?year=2026&month=1&format=docx')).toContain(
      'Format wajib json, xlsx atau pdf.',
    );
    const missing = await e.http.get('/api/reports/BULANAN-1999-01').set(pelaporan).expect(404);
    expect(missing.body.message).toBe('Laporan tidak ditemukan.');
    const semester13 = await e.http
      .post('/api/reports')
      .set(pelaporan)
      .send({ kind: 'SEMESTER', year: 2026, index: 3 })
      .expect(400);
    expect(semester13.body.message).toBe('Semester (index) wajib 1 atau 2.');
    expect(await em().count(RecapReportRecord, { id: 'SEMESTER-2026-3' })).toBe(0);
  });
});
