/** GET /api/ops/stuck finds each kind of stuck complaint (real dev server visibility + records). */
import { randomUUID } from 'node:crypto';
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
    expect(kindsOf(sedang.registerNumber)).toEqual(['TASK_LATE']);
    expect(kindsOf(berat.registerNumber)).toEqual(['DECISION_LATE']);
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
});
