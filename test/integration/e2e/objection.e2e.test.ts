/**
 * Objection (keberatan) through the HTTP API: the complainant objects from the tracking page (or the
 * front desk on their behalf) within 14 days of the answer, once; the case reopens as a new round to
 * Seksi Pengaduan, run by a new workflow, with a new deadline counted from the objection.
 */
import pino from 'pino';
import { ObjectionService } from '../../../src/api/complaints/objection.service';
import { AuditEvent, Complaint, Notification } from '../../../src/db/entities';
import { ObjectionRepository } from '../../../src/db/repositories/objection.repository';
import { ComplaintWorkflows, complaintWorkflowsFor } from '../../../src/temporal/complaint-workflows';
import { WorkflowReconciler } from '../../../src/worker/workflow-reconciler';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, eventually, staffComplaint, startE2e } from '../../helpers/e2e';

interface TaskBody {
  id: string;
  unit: string;
  status: string;
  round: number;
}

describe.each(databaseKinds())('objection (%s)', (kind) => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e(kind, { configOverrides: { publicRateLimit: 1000 } });
  });
  afterAll(async () => {
    await e?.stop();
  });

  const record = (id: string) => e.db.orm.em.fork().findOneOrFail(Complaint, { id });
  const events = (id: string, type: string) =>
    e.db.orm.em.fork().count(AuditEvent, { complaintId: id, type });

  async function registered(): Promise<{ id: string; trackingCode: string; registerNumber: string }> {
    const created = await e.register({ channel: 'WEBSITE' });
    await eventually(async () => (await events(created.id, 'REGISTERED')) === 1);
    return created;
  }

  /** A RINGAN case handled by the front desk and Seksi Pengaduan, then answered. */
  async function answered() {
    const created = await registered();
    await e.http
      .post(`/api/complaints/${created.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ category: 'RINGAN' })
      .expect(200);
    await completeOpenTasks(created.id);
    await e.http
      .post(`/api/complaints/${created.id}/response`)
      .set(await e.as('pengaduan'))
      .send({ response: 'Biaya layanan izin ini Rp0; pungutan petugas telah dilaporkan.' })
      .expect(200);
    return created;
  }

  async function completeOpenTasks(id: string): Promise<TaskBody[]> {
    const open = (await e.detail(id)).tasks.filter((t: TaskBody) => t.status === 'OPEN');
    for (const task of open) {
      await e.http
        .post(`/api/tasks/${encodeURIComponent(task.id)}/complete`)
        .set(await e.as(task.unit === 'LOKET' ? 'loket' : 'pengaduan'))
        .send({ outcome: 'Ditangani' })
        .expect(200);
    }
    return open;
  }

  const object = (trackingCode: string, body: unknown) =>
    e.http.post(`/api/public/complaints/${trackingCode}/objection`).send(body as object);

  it('reopens an answered case as a new round with a new deadline; two objections at once: one wins', async () => {
    const created = await answered();
    const before = await record(created.id);
    const firstWorkflowId = before.workflowId;
    const tracked = await e.http.get(`/api/public/complaints/${created.trackingCode}`).expect(200);
    expect(tracked.body.objection).toBeNull();
    expect(tracked.body.objectionOpenUntil).toEqual(expect.any(String));

    const reason = 'Tanggapan tidak menjawab: uang yang dipungut petugas belum dikembalikan.';
    const [a, b] = await Promise.all([
      object(created.trackingCode, { reason }),
      object(created.trackingCode, { reason }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([201, 409]);
    const won = a.status === 201 ? a : b;
    const lost = a.status === 201 ? b : a;
    expect(lost.body.message).toMatch(/sudah pernah diajukan/);
    // The answer is the tracking page, open again; nothing personal (not even the reason).
    expect(won.body).toMatchObject({
      status: 'RECEIVED',
      statusLabel: 'Keberatan diterima, pengaduan sedang diperiksa kembali',
      response: null,
      objectionOpenUntil: null,
      objection: {
        previousStatus: 'RESOLVED',
        previousResponse: 'Biaya layanan izin ini Rp0; pungutan petugas telah dilaporkan.',
        previousRejectionReason: null,
        previousClosedAt: before.closedAt!.toISOString(),
      },
    });
    expect(JSON.stringify(won.body)).not.toContain('dipungut');

    // The new round's workflow registers the objection: one OBJECTED event, a new deadline.
    await eventually(async () => (await events(created.id, 'OBJECTED')) === 1);
    const reopened = await record(created.id);
    expect(reopened.workflowId).toBe(`${firstWorkflowId}-keberatan-1`);
    expect(reopened.previousWorkflowId).toBe(firstWorkflowId);
    expect(reopened.status).toBe('RECEIVED');
    expect(reopened.objectedBy).toBeNull();
    // The deadline the new round computed from the objection (the workflow test shows the counting).
    const objected = await e.db.orm.em
      .fork()
      .findOneOrFail(AuditEvent, { complaintId: created.id, type: 'OBJECTED' });
    expect(reopened.dueAt!.toISOString()).toBe(objected.details?.dueAt);
    const described = await e.temporal.workflow.getHandle(reopened.workflowId).describe();
    expect(described.status.name).toBe('RUNNING');

    // Seksi Pengaduan is told to triage it again; the complainant gets an acknowledgement.
    const notices = await e.db.orm.em
      .fork()
      .find(Notification, { complaintId: created.id, kind: 'OBJECTED' });
    expect(notices.map((n) => n.recipient).sort()).toEqual(['COMPLAINANT', 'SEKSI_PENGADUAN']);
    expect(notices.find((n) => n.recipient === 'COMPLAINANT')?.subject).toBe(
      `Keberatan atas pengaduan ${created.registerNumber} telah diterima`,
    );

    // Staff see the objection, the answer it set aside, and the case open again in the list.
    const detail = await e.detail(created.id);
    expect(detail).toMatchObject({
      status: 'RECEIVED',
      response: null,
      objectedAt: reopened.objectedAt!.toISOString(),
      objection: {
        reason,
        filedBy: null,
        round: 1,
        previousWorkflowId: firstWorkflowId,
        previousOutcome: { status: 'RESOLVED', respondedBy: 'pengaduan', category: 'RINGAN' },
      },
      live: { status: 'RECEIVED', waitingFor: 'TRIAGE' },
    });
    expect(detail.timeline.map((t: { type: string }) => t.type)).toEqual([
      'RECEIVED',
      'REGISTERED',
      'TRIAGED',
      'TASK_COMPLETED',
      'TASK_COMPLETED',
      'RESPONDED',
      'OBJECTED',
    ]);
    const list = await e.http
      .get('/api/complaints?status=RECEIVED&pageSize=100')
      .set(await e.as('pengaduan'))
      .expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(created.id);

    // The new round: triage again, tasks in round 2 beside the first round's, a new answer.
    await e.http
      .post(`/api/complaints/${created.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ category: 'RINGAN' })
      .expect(200);
    const round2 = await completeOpenTasks(created.id);
    expect(round2.map((t) => t.round)).toEqual([2, 2]);
    const answer = await e.http
      .post(`/api/complaints/${created.id}/response`)
      .set(await e.as('pengaduan'))
      .send({ response: 'Uang Anda telah dikembalikan dan petugas diberi sanksi.' })
      .expect(200);
    expect(answer.body.status).toBe('RESOLVED');
    expect(answer.body.tasks).toHaveLength(4);

    // Only one objection per complaint.
    const again = await object(created.trackingCode, { reason: 'Masih belum puas.' }).expect(409);
    expect(again.body.message).toMatch(/satu kali/);
  });

  it('refuses an objection to a case still being handled, a blank or long reason, an unknown code', async () => {
    const created = await registered();
    expect(
      (await object(created.trackingCode, { reason: 'Terlalu lama.' }).expect(409)).body.message,
    ).toMatch(/setelah pengaduan ditanggapi atau ditolak/);
    expect((await object(created.trackingCode, {}).expect(400)).body.message).toMatch(/Alasan keberatan/);
    expect((await object(created.trackingCode, { reason: '' }).expect(400)).body.message).toMatch(
      /wajib diisi/,
    );
    await object(created.trackingCode, { reason: 'x'.repeat(2001) }).expect(400);
    await object('ZZZZZZZZZZ', { reason: 'Tidak puas.' }).expect(404);
    // A rejection is an answer: the front desk records the objection on the complainant's behalf.
    await e.http
      .post(`/api/complaints/${created.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ reject: { reason: 'Bukan pengaduan layanan perizinan.' } })
      .expect(200);
    expect((await object(created.trackingCode, { reason: '   ' }).expect(422)).body.message).toMatch(/spasi/);
    await e.http
      .post(`/api/complaints/${created.id}/objection`)
      .set(await e.as('kebijakan'))
      .send({ reason: 'Ini tentang izin usaha.' })
      .expect(403);
    const res = await e.http
      .post(`/api/complaints/${created.id}/objection`)
      .set(await e.as('loket'))
      .send({ reason: 'Pengadu menjelaskan di loket: ini tentang izin usaha.' })
      .expect(201);
    expect(res.body).toMatchObject({
      status: 'RECEIVED',
      rejectionReason: null,
      objection: {
        filedBy: 'loket',
        previousOutcome: { status: 'REJECTED', rejectionReason: 'Bukan pengaduan layanan perizinan.' },
      },
    });
    await eventually(async () => (await events(created.id, 'OBJECTED')) === 1);
    // Nothing changed by the refused attempts: one objection, the one the front desk recorded.
    expect((await record(created.id)).objectionReason).toBe(
      'Pengadu menjelaskan di loket: ini tentang izin usaha.',
    );
  });

  it('refuses an objection more than 14 days after the answer (422), and changes nothing', async () => {
    const created = await registered();
    await e.http
      .post(`/api/complaints/${created.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ reject: { reason: 'Di luar lingkup.' } })
      .expect(200);
    await eventually(async () => (await record(created.id)).status === 'REJECTED');
    const closedAt = new Date(Date.now() - 16 * 86_400_000);
    await e.db.orm.em.fork().nativeUpdate(Complaint, { id: created.id }, { closedAt });
    const res = await object(created.trackingCode, { reason: 'Saya keberatan.' }).expect(422);
    expect(res.body.message).toMatch(/Batas waktu keberatan sudah lewat/);
    const after = await record(created.id);
    expect(after).toMatchObject({ status: 'REJECTED', objectedAt: null, previousWorkflowId: null });
    const tracked = await e.http.get(`/api/public/complaints/${created.trackingCode}`).expect(200);
    expect(tracked.body.objectionOpenUntil).toBeNull();
  });

  it('the new round waits for triage since the objection, not since the receipt (/api/ops/stuck)', async () => {
    const DAY = 86_400_000;
    const letter = (
      await e.http
        .post('/api/complaints')
        .set(await e.as('pengaduan'))
        .send(
          staffComplaint({
            channel: 'EMAIL',
            receivedAt: new Date(Date.now() - 20 * DAY).toISOString(),
          }),
        )
        .expect(201)
    ).body;
    await eventually(async () => (await events(letter.id, 'REGISTERED')) === 1);
    await e.http
      .post(`/api/complaints/${letter.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ reject: { reason: 'Di luar lingkup.' } })
      .expect(200);
    await e.http
      .post(`/api/complaints/${letter.id}/objection`)
      .set(await e.as('pengaduan'))
      .send({ reason: 'Pengadu menjelaskan lewat surat kedua.' })
      .expect(201);
    await eventually(async () => (await events(letter.id, 'OBJECTED')) === 1);
    const stuck = async (asOf: Date) =>
      (
        await e.http
          .get(`/api/ops/stuck?asOf=${encodeURIComponent(asOf.toISOString())}`)
          .set(await e.as('kabid'))
          .expect(200)
      ).body.items.filter(
        (i: { kind: string; registerNumber: string }) =>
          i.kind === 'TRIAGE_LATE' && i.registerNumber === letter.registerNumber,
      );
    // Received 20 days ago, objected to today: not late for triage today.
    await eventually(async () => (await stuck(new Date())).length === 0);
    // A week on, it is, counted from the objection.
    let late: { detail: string; since: string }[] = [];
    await eventually(async () => {
      late = await stuck(new Date(Date.now() + 7 * DAY));
      return late.length === 1;
    });
    expect(late[0].detail).toMatch(/^Belum ditriase; keberatan diajukan /);
    expect(late[0].since).toBe((await record(letter.id)).objectedAt!.toISOString());
  });

  it('an objection stored while Temporal was unreachable gets its new round from the reconciler', async () => {
    const created = await registered();
    await e.http
      .post(`/api/complaints/${created.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ reject: { reason: 'Di luar lingkup.' } })
      .expect(200);
    await eventually(async () => (await record(created.id)).status === 'REJECTED');
    // The gateway's own code over a Temporal that answers nothing: the objection cannot ask whether the
    // first handling has ended, so it is taken, and its new round cannot be started.
    const unreachable = async () => {
      throw new Error('Temporal tidak dapat dihubungi');
    };
    const down: ComplaintWorkflows = Object.assign(Object.create(ComplaintWorkflows.prototype), {
      start: unreachable,
      describe: unreachable,
    });
    await new ObjectionService(new ObjectionRepository(e.db.orm.em), down).file(
      await record(created.id),
      'Saya keberatan.',
      null,
    );
    expect(await events(created.id, 'OBJECTED')).toBe(0);
    const reconciler = new WorkflowReconciler(
      e.db.orm,
      complaintWorkflowsFor(e.temporal, e.config),
      pino({ level: 'silent' }),
      {
        intervalMs: 60_000,
        graceMs: 0,
      },
    );
    expect(await reconciler.reconcileOnce()).toBeGreaterThanOrEqual(1);
    await eventually(async () => (await events(created.id, 'OBJECTED')) === 1);
    // Once registered, it is not started again.
    await reconciler.reconcileOnce();
    const reopened = await record(created.id);
    expect(reopened.status).toBe('RECEIVED');
    expect(reopened.dueAt).not.toBeNull();
  });
});
