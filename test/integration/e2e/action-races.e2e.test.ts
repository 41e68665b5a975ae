/**
 * The timings of issue 12, sent through the HTTP API as real users send them: the second action
 * while the first is still being applied. Before actions applied atomically, a response sent just
 * after a triage resolved the case with every task still open, and a BERAT case went to the Kepala
 * Daerah before anyone had studied it.
 */

import { Complaint, ComplaintTask } from '../../../src/db/entities';
import { seededUserFor } from '../../helpers/complaints';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, startE2e } from '../../helpers/e2e';

const LOCATION = { kecamatan: '16.74.01', kelurahan: '16.74.01.1007' };
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(databaseKinds())('actions that race each other, through the API (%s)', (kind) => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e(kind);
  });
  afterAll(async () => {
    await e?.stop();
  });

  const post = async (path: string, username: string, body: Record<string, unknown>) =>
    e.http
      .post(path)
      .set(await e.as(username))
      .send(body);

  async function completeAll(id: string) {
    const { tasks } = await e.detail(id);
    for (const t of tasks.filter((task) => task.status === 'OPEN')) {
      const res = await post(`/api/tasks/${encodeURIComponent(t.id)}/complete`, seededUserFor(t), {
        outcome: 'Dikaji.',
      });
      expect([t.unit, res.status]).toEqual([t.unit, 200]);
    }
  }

  it('a response sent 0-40 ms after a SEDANG triage is refused, and the 8 tasks stay open', async () => {
    for (const delay of [0, 10, 20, 30, 40]) {
      const { id } = await e.register({ location: LOCATION });
      const triage = post(`/api/complaints/${id}/triage`, 'pengaduan', {
        category: 'SEDANG',
        location: LOCATION,
      });
      await pause(delay);
      const response = await post(`/api/complaints/${id}/response`, 'pengaduan', { response: 'Selesai.' });
      expect((await triage).status).toBe(200);
      expect([delay, response.status]).toEqual([delay, 409]);
      const after = await e.detail(id);
      expect(after.status).toBe('IN_PROGRESS');
      expect(after.tasks.filter((t) => t.status === 'OPEN')).toHaveLength(8);
      expect(after.response).toBeNull();
    }
  });

  it('a BERAT case reaches the Kepala Daerah only after its study; the decision is readable at once', async () => {
    const created = await e.register({ location: LOCATION });
    const triaged = await post(`/api/complaints/${created.id}/triage`, 'pengaduan', {
      category: 'BERAT',
      location: LOCATION,
    });
    expect(triaged.body.status).toBe('IN_PROGRESS');
    const early = await e.detail(created.id);
    expect(early.timeline.map((t) => t.type)).not.toContain('ESCALATED');
    expect(early.decisions).toEqual([]);
    const tracked = await e.http.get(`/api/public/complaints/${created.trackingCode}`).expect(200);
    expect(JSON.stringify(tracked.body)).not.toContain('Diteruskan kepada Kepala Daerah');
    // A decision before the study is complete is refused.
    const tooEarly = await post(`/api/complaints/${created.id}/escalation-decision`, 'walikota', {
      decision: 'APPROVE',
    });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.message).toBe(
      'Pengaduan ini tidak sedang menunggu keputusan Kepala Daerah (status saat ini: IN_PROGRESS).',
    );

    await completeAll(created.id);
    const studied = await e.detail(created.id);
    expect(studied.status).toBe('AWAITING_DECISION');
    const types = studied.timeline.map((t) => t.type);
    expect(types.indexOf('ESCALATED')).toBeGreaterThan(types.lastIndexOf('TASK_COMPLETED'));
    const lastDone = Math.max(...studied.tasks.map((t) => Date.parse(t.completedAt!)));
    expect(Date.parse(studied.decisions[0].escalatedAt)).toBeGreaterThanOrEqual(lastDone);

    const decided = await post(`/api/complaints/${created.id}/escalation-decision`, 'walikota', {
      decision: 'APPROVE',
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'AWAITING_RESPONSE', decisions: [{ decision: 'APPROVE' }] });
    // The response that naturally follows is accepted: no 409 "belum selesai".
    const response = await post(`/api/complaints/${created.id}/response`, 'pengaduan', {
      response: 'Izin usaha dibekukan.',
    });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('RESOLVED');
  });

  it('three responses sent at once: one resolves the case, the others get 409, never a 5xx', async () => {
    const { id } = await e.register();
    await post(`/api/complaints/${id}/triage`, 'pengaduan', { category: 'RINGAN' });
    await completeAll(id);
    const answers = await Promise.all(
      [1, 2, 3].map((n) =>
        post(`/api/complaints/${id}/response`, 'pengaduan', { response: `Tanggapan ${n}` }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    for (const refused of answers.filter((r) => r.status === 409))
      expect(refused.body.message).toMatch(/sudah selesai ditanggapi|penanganan pengaduan belum selesai/);
    const winner = answers.find((r) => r.status === 200)!;
    expect((await e.detail(id)).response).toBe(winner.body.response);
  });

  // A workflow task can be lost after its local activities wrote (a worker killed mid-task, the
  // server dropping it): its rows stay until the workflow's next write sets them back, and the
  // sender retries. The retry must reach the workflow, not be refused on the word of those rows.
  it('a task the record says is done, but the workflow does not, is completed by the retry', async () => {
    const { id } = await e.register();
    await post(`/api/complaints/${id}/triage`, 'pengaduan', { category: 'RINGAN' });
    const loket = (await e.detail(id)).tasks.find((t) => t.unit === 'LOKET')!;
    await e.db.orm.em
      .fork()
      .nativeUpdate(ComplaintTask, { id: loket.id }, { status: 'DONE', completedBy: 'loket' });

    const retry = await post(`/api/tasks/${encodeURIComponent(loket.id)}/complete`, 'loket', {
      outcome: 'Dijelaskan di loket.',
    });

    expect(retry.status).toBe(200);
    const after = await e.detail(id);
    expect(after.tasks.find((t) => t.id === loket.id)).toMatchObject({
      status: 'DONE',
      outcome: 'Dijelaskan di loket.',
    });
    expect(after.live?.tasks.find((t) => t.id === loket.id)?.status).toBe('DONE');
  });

  it('a case the record says is closed, but the workflow does not, takes the triage it waits for', async () => {
    const { id } = await e.register();
    await e.db.orm.em
      .fork()
      .nativeUpdate(Complaint, { id }, { status: 'REJECTED', rejectionReason: 'Bukan wewenang.' });

    const retry = await post(`/api/complaints/${id}/triage`, 'pengaduan', { category: 'RINGAN' });

    expect(retry.status).toBe(200);
    const after = await e.detail(id);
    expect(after.status).toBe('IN_PROGRESS');
    expect(after.tasks.map((t) => t.unit).sort()).toEqual(['LOKET', 'SEKSI_PENGADUAN']);
  });
});
