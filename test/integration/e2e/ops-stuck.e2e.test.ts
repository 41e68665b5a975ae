/** GET /api/ops/stuck finds each kind of stuck complaint (real dev server visibility + records). */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { HolidayRecord, Notification } from '../../../src/db/entities';
import { HolidayListWatch } from '../../../src/worker/holiday-list-watch';
import { complaintWorkflow } from '../../../workflows/complaint/complaint.workflow';
import { seededUserFor } from '../../helpers/complaints';
import { type E2e, eventually, staffComplaint, startE2e } from '../../helpers/e2e';

const DAY = 86_400_000;
const LOCATION = { kecamatan: '16.74.01', kelurahan: '16.74.01.1007' };

describe('GET /api/ops/stuck', () => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e('sqlite');
  });
  afterAll(async () => {
    await e?.stop();
  });

  const register = async (overrides: Record<string, unknown> = {}) =>
    (
      await e.http
        .post('/api/complaints')
        .set(await e.as('pengaduan'))
        .send(staffComplaint(overrides))
        .expect(201)
    ).body;
  const triage = async (id: string, category: string) =>
    e.http
      .post(`/api/complaints/${id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ category, location: LOCATION })
      .expect(200);
  const stuck = async (asOf: Date, username = 'kabid') =>
    (
      await e.http
        .get(`/api/ops/stuck?asOf=${encodeURIComponent(asOf.toISOString())}`)
        .set(await e.as(username))
        .expect(200)
    ).body;

  it('lists late triage, late tasks, a late decision, overdue cases and failing activities', async () => {
    const untriaged = await register();
    const sedang = await register();
    await triage(sedang.id, 'SEDANG');
    const berat = await register();
    const { body: beratDetail } = await triage(berat.id, 'BERAT');
    for (const task of beratDetail.tasks) {
      const username = seededUserFor(task);
      await e.http
        .post(`/api/tasks/${encodeURIComponent(task.id)}/complete`)
        .set(await e.as(username))
        .send({ outcome: 'Selesai dikaji' })
        .expect(200);
    }
    // A letter logged 28 days late is already past its deadline.
    const late = await register({
      channel: 'SURAT',
      receivedAt: new Date(Date.now() - 28 * DAY).toISOString(),
    });
    // A workflow whose complaint record is missing: its activity fails on every attempt.
    const broken = await e.temporal.workflow.start(complaintWorkflow, {
      taskQueue: e.config.temporal.taskQueue,
      workflowId: `pengaduan-rusak-${randomUUID()}`,
      args: [
        {
          complaintId: randomUUID(),
          registerNumber: '2026/11/9999',
          channel: 'EMAIL',
          receivedAt: new Date().toISOString(),
        },
      ],
    });

    const asOf = new Date(Date.now() + 14 * DAY); // more than 5 working days ahead
    const expected: [string, string][] = [
      ['TRIAGE_LATE', untriaged.registerNumber],
      ['TRIAGE_LATE', late.registerNumber],
      ['TASK_LATE', sedang.registerNumber],
      ['DECISION_LATE', berat.registerNumber],
      ['OVERDUE', late.registerNumber],
    ];
    let report: {
      items: {
        kind: string;
        registerNumber: string | null;
        workflowId: string;
        webUiUrl: string;
        detail: string;
        dueAt: string | null;
      }[];
    } = { items: [] };
    await eventually(async () => {
      report = await stuck(asOf);
      const found = new Set(report.items.map((i) => `${i.kind} ${i.registerNumber}`));
      return (
        expected.every(([kind, reg]) => found.has(`${kind} ${reg}`)) &&
        report.items.some((i) => i.kind === 'FAILING_ACTIVITIES' && i.workflowId === broken.workflowId)
      );
    }, 90_000);

    // Nothing is stuck in a way it is not: the fresh SEDANG case is not awaiting triage, the BERAT one has no late tasks.
    const kindsOf = (reg: string) =>
      report.items
        .filter((i) => i.registerNumber === reg)
        .map((i) => i.kind)
        .sort();
    // Past the default stage deadlines too (unit task 5, decision 3 working days): STAGE_BREACHED.
    expect(kindsOf(sedang.registerNumber)).toEqual(['STAGE_BREACHED', 'TASK_LATE']);
    expect(kindsOf(berat.registerNumber)).toEqual(['DECISION_LATE', 'STAGE_BREACHED']);
    expect(
      report.items.find((i) => i.kind === 'STAGE_BREACHED' && i.registerNumber === berat.registerNumber)
        ?.detail,
    ).toMatch(/keputusan Kepala Daerah \(putaran 1\)/);
    const failing = report.items.find(
      (i) => i.kind === 'FAILING_ACTIVITIES' && i.workflowId === broken.workflowId,
    )!;
    expect(failing.detail).toMatch(/Aktivitas recordTransition gagal \d+ kali/);
    const overdue = report.items.find((i) => i.kind === 'OVERDUE')!;
    expect(overdue.webUiUrl).toBe(
      `${e.config.temporal.uiUrl}/namespaces/default/workflows/${overdue.workflowId}`,
    );

    // Nearest due date first (the letter received 28 days ago is the most overdue).
    const dueDates = report.items.map((i) => i.dueAt).filter((d): d is string => d !== null);
    expect(dueDates).toEqual([...dueDates].sort());
    expect(report.items[0].registerNumber).toBe(late.registerNumber);

    // As of now, only the letter is late: triage age counts from its receipt, not from when its
    // workflow started (today); the other time-based kinds do not apply yet.
    const today = await stuck(new Date());
    expect(
      today.items
        .filter((i: { kind: string }) => ['TRIAGE_LATE', 'TASK_LATE', 'DECISION_LATE'].includes(i.kind))
        .map((i: { kind: string; registerNumber: string; since: string }) => [
          i.kind,
          i.registerNumber,
          i.since,
        ]),
    ).toEqual([['TRIAGE_LATE', late.registerNumber, late.receivedAt]]);
    await broken.terminate('test finished');
  });

  it('is for managers and admins only', async () => {
    await e.http.get('/api/ops/stuck').expect(401);
    for (const username of ['loket', 'pengaduan', 'walikota', 'kec-16.74.01']) {
      await e.http
        .get('/api/ops/stuck')
        .set(await e.as(username))
        .expect(403);
    }
    for (const username of ['kabid', 'kadis', 'admin']) {
      await e.http
        .get('/api/ops/stuck')
        .set(await e.as(username))
        .expect(200);
    }
    const bad = await e.http
      .get('/api/ops/stuck?asOf=kemarin')
      .set(await e.as('admin'))
      .expect(400);
    expect(bad.body.message).toMatch(/asOf/);
  });
  describe("a missing official holiday list (from 1 November WIB, next year's)", () => {
    // 2040 has an official list (as if an admin entered it); 2041 has none.
    beforeAll(async () => {
      const em = e.db.orm.em.fork();
      em.create(HolidayRecord, {
        date: '2040-12-25',
        name: 'Hari Raya Natal',
        kind: 'LIBUR_NASIONAL',
        source: 'ADMIN',
        year: 2040,
        updatedAt: new Date(),
      });
      await em.flush();
    });
    const holidayItems = async (asOf: Date) =>
      (await stuck(asOf, 'admin')).items.filter((i: { kind: string }) => i.kind === 'HOLIDAY_LIST_MISSING');

    it('is an ops item from 1 November 00:00 WIB, not on 31 October', async () => {
      expect(await holidayItems(new Date('2040-10-31T23:59:59+07:00'))).toEqual([]);
      const items = await holidayItems(new Date('2040-11-01T00:00:00+07:00'));
      expect(items).toHaveLength(1);
      expect(items[0].detail).toMatch(/^Daftar resmi hari libur untuk tahun 2041 belum ada\./);
      expect(items[0]).toMatchObject({ registerNumber: null, complaintId: null, dueAt: null });
    });

    it('notifies every admin once, however many workers check how often', async () => {
      const log = pino({ level: 'silent' });
      const worker = (at: string) => new HolidayListWatch(e.db.orm, log, undefined, () => new Date(at));
      // Before 1 November nothing; then two workers at once, and again the next day.
      expect(await worker('2040-10-31T23:00:00+07:00').checkOnce()).toEqual([]);
      const [a, b] = await Promise.all([
        worker('2040-11-01T07:00:00+07:00').checkOnce(),
        worker('2040-11-01T07:00:01+07:00').checkOnce(),
      ]);
      expect([a, b]).toEqual([[2041], [2041]]);
      await worker('2040-11-02T07:00:00+07:00').checkOnce();
      const rows = await e.db.orm.em.fork().find(Notification, { kind: 'HOLIDAY_LIST_MISSING' });
      expect(rows.map((r) => [r.id, r.recipient, r.subject])).toEqual([
        ['libur-belum-ada:2041:ADMIN', 'ADMIN', 'Daftar resmi hari libur tahun 2041 belum ada'],
      ]);

      // In the admin's notification list (once), not in a unit's.
      const list = async (username: string) =>
        (
          await e.http
            .get('/api/notifications')
            .set(await e.as(username))
            .expect(200)
        ).body;
      const admin = await list('admin');
      expect(
        admin.items
          .filter((n: { kind: string }) => n.kind === 'HOLIDAY_LIST_MISSING')
          .map((n: { subject: string }) => n.subject),
      ).toEqual(['Daftar resmi hari libur tahun 2041 belum ada']);
      expect(admin.unreadCount).toBeGreaterThanOrEqual(1);
      expect(
        (await list('kabid')).items.some((n: { kind: string }) => n.kind === 'HOLIDAY_LIST_MISSING'),
      ).toBe(false);
    });
  });
});
