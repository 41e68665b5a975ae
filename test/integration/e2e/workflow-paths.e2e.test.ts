/**
 * Every path of the complaint workflow, driven only through the HTTP API (real app, real Temporal dev
 * server, real database, real worker): each unit's own user completes its task from its inbox, the
 * Kepala Daerah decides BERAT cases, SEKSI_PENGADUAN triages and responds.
 */
import { seededUserFor } from '../../helpers/complaints';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, eventually, startE2e } from '../../helpers/e2e';

const LOCATION = { kecamatan: '16.74.01', kelurahan: '16.74.01.1007' };
const SEDANG_UNITS = [
  'SEKSI_PENGADUAN',
  'SEKSI_KEBIJAKAN',
  'KABID_PENGADUAN',
  'KEPALA_DINAS',
  'BIDANG_PERIZINAN',
  'KECAMATAN',
  'KELURAHAN',
  'TIM_TEKNIS',
];

interface TaskBody {
  id: string;
  complaintId: string;
  unit: string;
  area: string | null;
  round: number;
  status: string;
  outcome: string | null;
  completedBy: string | null;
  completedAt: string | null;
}

describe.each(databaseKinds())('workflow paths through the API (%s)', (kind) => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e(kind);
  });
  afterAll(async () => {
    await e?.stop();
  });

  const register = async (overrides: Record<string, unknown> = {}): Promise<string> =>
    (await e.register(overrides)).id;
  const detail = (id: string, as = 'pengaduan') => e.detail(id, as);

  async function waitForStatus(id: string, status: string) {
    await eventually(async () => {
      const body = await detail(id);
      return body.status === status && body.live?.status === status;
    });
    return detail(id);
  }

  async function triage(id: string, body: Record<string, unknown>) {
    const res = await e.http
      .post(`/api/complaints/${id}/triage`)
      .set(await e.as('pengaduan'))
      .send(body);
    expect(res.status).toBe(200);
    return res.body;
  }

  /** The open tasks of a complaint as the given unit's user sees them in its inbox. */
  async function inbox(username: string, complaintId: string): Promise<TaskBody[]> {
    const res = await e.http
      .get('/api/tasks?status=OPEN&pageSize=100')
      .set(await e.as(username))
      .expect(200);
    return res.body.items.filter((t: TaskBody) => t.complaintId === complaintId);
  }

  /** Every open task of the complaint, each completed by its own unit's user through its inbox. */
  async function completeOpenTasks(id: string, expectedUnits: string[]): Promise<TaskBody[]> {
    const open: TaskBody[] = (await detail(id)).tasks.filter((t: TaskBody) => t.status === 'OPEN');
    expect(open.map((t) => t.unit).sort()).toEqual([...expectedUnits].sort());
    const done: TaskBody[] = [];
    for (const task of open) {
      const username = seededUserFor(task);
      const mine = await inbox(username, id);
      expect(mine.map((t) => t.id)).toContain(task.id);
      const res = await e.http
        .post(`/api/tasks/${encodeURIComponent(task.id)}/complete`)
        .set(await e.as(username))
        .send({ outcome: `Ditangani oleh ${username}`, notes: 'Catatan penanganan' })
        .expect(200);
      expect(res.body).toMatchObject({
        id: task.id,
        complaintId: id,
        unit: task.unit,
        status: 'DONE',
        outcome: `Ditangani oleh ${username}`,
        notes: 'Catatan penanganan',
        completedBy: username,
      });
      expect(await inbox(username, id)).toEqual([]);
      done.push(res.body);
    }
    return done;
  }

  async function decide(id: string, body: Record<string, unknown>) {
    const res = await e.http
      .post(`/api/complaints/${id}/escalation-decision`)
      .set(await e.as('walikota'))
      .send(body)
      .expect(200);
    // Answered once the workflow has applied and recorded the decision: the detail shows it.
    expect(res.body.id).toBe(id);
    expect(res.body.decisions.at(-1)?.decision).toBe(body.decision);
    return res.body;
  }

  async function respond(id: string) {
    const res = await e.http
      .post(`/api/complaints/${id}/response`)
      .set(await e.as('pengaduan'))
      .send({ response: 'Pengaduan Anda telah ditindaklanjuti.' })
      .expect(200);
    expect(res.body).toMatchObject({
      status: 'RESOLVED',
      response: 'Pengaduan Anda telah ditindaklanjuti.',
      respondedBy: 'pengaduan',
      live: { status: 'RESOLVED', waitingFor: 'NOTHING' },
    });
    expect(res.body.closedAt).toEqual(expect.any(String));
    return res.body;
  }

  async function waitForWorkflowEnd(id: string) {
    const { registerNumber } = await detail(id);
    const handle = e.temporal.workflow.getHandle(`pengaduan-${registerNumber.replace(/\//g, '-')}`);
    await eventually(async () => (await handle.describe()).status.name === 'COMPLETED');
  }

  const types = (body: { timeline: { type: string }[] }) => body.timeline.map((t) => t.type);

  it('RINGAN: LOKET and SEKSI_PENGADUAN handle it, then the response resolves it', async () => {
    const id = await register();
    const triaged = await triage(id, { category: 'RINGAN', notes: 'Biaya dan waktu layanan' });
    expect(triaged).toMatchObject({
      id,
      category: 'RINGAN',
      status: 'IN_PROGRESS',
      live: { status: 'IN_PROGRESS', category: 'RINGAN', round: 1 },
    });
    expect(triaged.tasks.map((t: TaskBody) => t.unit)).toEqual(['LOKET', 'SEKSI_PENGADUAN']);
    for (const t of triaged.tasks) {
      expect(t).toMatchObject({
        complaintId: id,
        status: 'OPEN',
        area: null,
        outcome: null,
        completedBy: null,
      });
    }

    await completeOpenTasks(id, ['LOKET', 'SEKSI_PENGADUAN']);
    const awaiting = await waitForStatus(id, 'AWAITING_RESPONSE');
    expect(awaiting.tasks.every((t: TaskBody) => t.status === 'DONE' && t.completedAt)).toBe(true);
    expect(awaiting.decisions).toEqual([]);
    // Lists read the records the activities keep.
    const listed = await e.http
      .get('/api/complaints?status=AWAITING_RESPONSE&category=RINGAN&pageSize=100')
      .set(await e.as('walikota'))
      .expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(id);

    const resolved = await respond(id);
    expect(types(resolved)).toEqual([
      'RECEIVED',
      'REGISTERED',
      'TRIAGED',
      'TASK_COMPLETED',
      'TASK_COMPLETED',
      'RESPONDED',
    ]);
    expect(resolved.timeline[2]).toMatchObject({
      type: 'TRIAGED',
      actor: 'pengaduan',
      details: { category: 'RINGAN', notes: 'Biaya dan waktu layanan' },
    });
    await waitForWorkflowEnd(id);
    // The closed case still reads, live state included.
    expect((await detail(id)).live).toMatchObject({ status: 'RESOLVED' });
  });

  it('SEDANG: all eight units, the local officials of the location included, complete their tasks', async () => {
    const id = await register();
    const triaged = await triage(id, { category: 'SEDANG', location: LOCATION });
    expect(triaged).toMatchObject({ status: 'IN_PROGRESS', category: 'SEDANG', location: LOCATION });
    expect(triaged.tasks).toHaveLength(8);
    expect(triaged.tasks.find((t: TaskBody) => t.unit === 'KECAMATAN').area).toBe('16.74.01');
    expect(triaged.tasks.find((t: TaskBody) => t.unit === 'KELURAHAN').area).toBe('16.74.01.1007');

    // Listing by unit finds it for a unit with a task, not for one without.
    const byUnit = await e.http
      .get('/api/complaints?unit=TIM_TEKNIS&pageSize=100')
      .set(await e.as('admin'))
      .expect(200);
    expect(byUnit.body.items.map((c: { id: string }) => c.id)).toContain(id);

    // Another kelurahan's official does not see the task.
    expect(await inbox('kel-16.74.01.1001', id)).toEqual([]);

    const done = await completeOpenTasks(id, SEDANG_UNITS);
    expect(done.find((t) => t.unit === 'KELURAHAN')?.completedBy).toBe('kel-16.74.01.1007');
    const awaiting = await waitForStatus(id, 'AWAITING_RESPONSE');
    expect(awaiting.decisions).toEqual([]);
    await respond(id);
    await waitForWorkflowEnd(id);
  });

  async function escalatedBerat(): Promise<string> {
    const id = await register();
    await triage(id, { category: 'BERAT', location: LOCATION });
    await completeOpenTasks(id, SEDANG_UNITS);
    // The last completion escalates the case and is answered once that is recorded.
    const awaiting = await detail(id);
    expect(awaiting.status).toBe('AWAITING_DECISION');
    expect(awaiting.live?.waitingFor).toBe('DECISION');
    const { decisions } = await detail(id);
    expect(decisions[0]).toMatchObject({ round: 1, decision: null, decidedBy: null });
    return id;
  }

  it('BERAT approved: the Kepala Daerah approves after the study, then the response', async () => {
    const id = await escalatedBerat();
    const decided = await decide(id, { decision: 'APPROVE', notes: 'Izin usaha dibekukan sementara.' });
    expect(decided.status).toBe('AWAITING_RESPONSE');
    expect(decided.decisions).toEqual([
      expect.objectContaining({
        round: 1,
        decision: 'APPROVE',
        notes: 'Izin usaha dibekukan sementara.',
        decidedBy: 'walikota',
        decidedAt: expect.any(String),
      }),
    ]);
    expect(types(decided)).toEqual(expect.arrayContaining(['ESCALATED', 'DECIDED']));
    expect(decided.live?.waitingFor).toBe('RESPONSE');
    // The response that naturally follows the decision is accepted at once.
    const resolved = await respond(id);
    expect(types(resolved).filter((t) => t === 'DECIDED')).toHaveLength(1);
    await waitForWorkflowEnd(id);
  });

  it('BERAT rejected: the Kepala Daerah rejects, the office still responds', async () => {
    const id = await escalatedBerat();
    const decided = await decide(id, { decision: 'REJECT', notes: 'Tidak terbukti.' });
    expect(decided).toMatchObject({ status: 'AWAITING_RESPONSE', decisions: [{ decision: 'REJECT' }] });
    await respond(id);
    await waitForWorkflowEnd(id);
  });

  it('BERAT further study: a second round for the named units, then approval', async () => {
    const id = await escalatedBerat();
    const studying = await decide(id, { decision: 'FURTHER_STUDY', units: ['TIM_TEKNIS', 'KECAMATAN'] });
    expect(studying.status).toBe('IN_PROGRESS');
    expect(studying.tasks).toHaveLength(10);
    const round2 = studying.tasks.filter((t: TaskBody) => t.round === 2);
    expect(round2.map((t: TaskBody) => t.unit).sort()).toEqual(['KECAMATAN', 'TIM_TEKNIS']);
    expect(studying.live?.round).toBe(2);
    expect(studying.decisions[0]).toMatchObject({
      decision: 'FURTHER_STUDY',
      units: ['TIM_TEKNIS', 'KECAMATAN'],
    });

    await completeOpenTasks(id, ['TIM_TEKNIS', 'KECAMATAN']);
    expect((await detail(id)).decisions).toHaveLength(2);
    const second = await decide(id, { decision: 'APPROVE' });
    expect(second.decisions[1]).toMatchObject({ round: 2, decision: 'APPROVE' });
    expect(second.status).toBe('AWAITING_RESPONSE');
    const resolved = await respond(id);
    expect(resolved.decisions.map((d: { decision: string }) => d.decision)).toEqual([
      'FURTHER_STUDY',
      'APPROVE',
    ]);
    expect(resolved.tasks).toHaveLength(10);
    await waitForWorkflowEnd(id);
  });

  it('rejection at triage closes the complaint with its reason and opens no task', async () => {
    const id = await register();
    const rejected = await triage(id, {
      reject: { reason: 'Di luar lingkup perizinan.' },
      notes: 'Sengketa',
    });
    expect(rejected).toMatchObject({
      status: 'REJECTED',
      rejectionReason: 'Di luar lingkup perizinan.',
      tasks: [],
      live: { status: 'REJECTED', rejectionReason: 'Di luar lingkup perizinan.' },
    });
    expect(rejected.closedAt).toEqual(expect.any(String));
    expect(types(rejected)).toEqual(['RECEIVED', 'REGISTERED', 'REJECTED_AT_TRIAGE']);
    await waitForWorkflowEnd(id);
    const list = await e.http
      .get('/api/complaints?status=REJECTED&pageSize=100')
      .set(await e.as('kadis'))
      .expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(id);
  });

  it('re-categorisation RINGAN -> SEDANG -> BERAT: a new round for the SEDANG units, then the BERAT path', async () => {
    const id = await register({ location: undefined });
    const ringan = await triage(id, { category: 'RINGAN' });
    expect(ringan.tasks.map((t: TaskBody) => t.unit)).toEqual(['LOKET', 'SEKSI_PENGADUAN']);

    const sedang = await e.http
      .post(`/api/complaints/${id}/recategorise`)
      .set(await e.as('kabid'))
      .send({ category: 'SEDANG', reason: 'Ada dampak lingkungan.', location: LOCATION })
      .expect(200);
    expect(sedang.body).toMatchObject({ category: 'SEDANG', status: 'IN_PROGRESS', location: LOCATION });
    expect(sedang.body.tasks.map((t: TaskBody) => t.unit).sort()).toEqual(['LOKET', ...SEDANG_UNITS].sort());
    // SEKSI_PENGADUAN keeps its open round-1 task; the other SEDANG units study in round 2.
    expect(sedang.body.tasks.filter((t: TaskBody) => t.round === 1).map((t: TaskBody) => t.unit)).toEqual([
      'LOKET',
      'SEKSI_PENGADUAN',
    ]);
    expect(sedang.body.tasks.filter((t: TaskBody) => t.round === 2)).toHaveLength(7);

    const berat = await e.http
      .post(`/api/complaints/${id}/recategorise`)
      .set(await e.as('kadis'))
      .send({ category: 'BERAT', reason: 'Dampaknya meluas ke permukiman.' })
      .expect(200);
    expect(berat.body).toMatchObject({ category: 'BERAT', live: { category: 'BERAT' } });
    expect(berat.body.tasks).toHaveLength(9);
    expect(
      berat.body.timeline
        .filter((t: { type: string }) => t.type === 'RECATEGORISED')
        .map((t: { actor: string; details: unknown }) => [t.actor, t.details]),
    ).toEqual([
      ['kabid', { from: 'RINGAN', to: 'SEDANG', reason: 'Ada dampak lingkungan.', round: 2 }],
      ['kadis', { from: 'SEDANG', to: 'BERAT', reason: 'Dampaknya meluas ke permukiman.', round: 2 }],
    ]);

    await completeOpenTasks(id, ['LOKET', ...SEDANG_UNITS]);
    expect((await detail(id)).decisions).toMatchObject([{ round: 2, decision: null }]);
    await decide(id, { decision: 'APPROVE' });
    await respond(id);
    await waitForWorkflowEnd(id);
  });
});
