/**
 * Stage deadlines end to end (real dev server, SQLite): an admin sets them (422 in Bahasa Indonesia
 * out of 1..10, nothing saved), a complaint registered afterwards carries them on its triage and
 * its tasks (case detail, the unit's inbox, public tracking), and a stage past its deadline is
 * listed by /api/ops/stuck.
 */
import { Notification } from '../../../src/db/entities';
import { workflowIdForRegister } from '../../../src/temporal/ids';
import { type E2e, eventually, staffComplaint, startE2e } from '../../helpers/e2e';

const LOCATION = { kecamatan: '16.74.01', kelurahan: '16.74.01.1007' };

describe('stage deadlines (sqlite)', () => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e('sqlite');
  });
  afterAll(async () => {
    await e?.stop();
  });

  const settings = async () =>
    (
      await e.http
        .get('/api/settings/stage-deadlines')
        .set(await e.as('admin'))
        .expect(200)
    ).body;

  it('lets only an admin read and set them, refusing values outside 1..10 with a Bahasa 422', async () => {
    const defaults = await settings();
    expect(defaults).toMatchObject({ triage: 1, decision: 3, min: 1, max: 10 });
    expect(defaults.units.find((u: { unit: string }) => u.unit === 'TIM_TEKNIS')).toMatchObject({
      workingDays: 5,
      label: 'Tim Teknis Perizinan',
    });
    await e.http
      .get('/api/settings/stage-deadlines')
      .set(await e.as('pengaduan'))
      .expect(403);
    await e.http.get('/api/settings/stage-deadlines').expect(401);

    const admin = await e.as('admin');
    const refused = await e.http
      .put('/api/settings/stage-deadlines')
      .set(admin)
      .send({ triage: 11, decision: 3, units: [{ unit: 'TIM_TEKNIS', workingDays: 0 }] })
      .expect(422);
    expect(refused.body.message).toMatch(/Batas waktu triase harus bilangan bulat 1 sampai 10 hari kerja/);
    expect(refused.body.message).toMatch(/Tim Teknis Perizinan/);
    await e.http
      .put('/api/settings/stage-deadlines')
      .set(admin)
      .send({ triage: 2.5, decision: 3 })
      .expect(422);
    const malformed = await e.http
      .put('/api/settings/stage-deadlines')
      .set(admin)
      .send({ triage: 'dua', decision: 3 })
      .expect(400);
    expect(malformed.body.message).toMatch(/wajib berupa angka/);
    await e.http
      .put('/api/settings/stage-deadlines')
      .set(admin)
      .send({ triage: 2, decision: 3, units: [{ unit: 'BUKAN_UNIT', workingDays: 2 }] })
      .expect(400);
    expect(await settings()).toEqual(defaults);

    const saved = await e.http
      .put('/api/settings/stage-deadlines')
      .set(admin)
      .send({ triage: 2, decision: 4, units: [{ unit: 'TIM_TEKNIS', workingDays: 3 }] })
      .expect(200);
    expect(saved.body).toMatchObject({ triage: 2, decision: 4, updatedBy: 'admin' });
    expect(saved.body.units.find((u: { unit: string }) => u.unit === 'TIM_TEKNIS').workingDays).toBe(3);
    expect(saved.body.units.find((u: { unit: string }) => u.unit === 'KECAMATAN').workingDays).toBe(5);
  });

  it('shows the stage deadlines on the case, the inbox and the tracking page, and lists a breach as stuck', async () => {
    const registered = await e.register();
    await eventually(async () => (await e.detail(registered.id)).triageDueAt !== null);
    const before = await e.detail(registered.id);
    // Triage: 2 working days (set above); the 10-day deadline is later.
    expect(before.triageDueAt! < before.dueAt!).toBe(true);
    const tracked = (await e.http.get(`/api/public/complaints/${registered.trackingCode}`).expect(200)).body;
    expect(tracked.triageDueAt).toBe(before.triageDueAt);

    await e.http
      .post(`/api/complaints/${registered.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ category: 'SEDANG', location: LOCATION })
      .expect(200);
    const detail = await e.detail(registered.id);
    const teknis = detail.tasks.find((t) => t.unit === 'TIM_TEKNIS')!;
    const kebijakan = detail.tasks.find((t) => t.unit === 'SEKSI_KEBIJAKAN')!;
    // TIM_TEKNIS has 3 working days, the others the default 5.
    expect(teknis.dueAt).not.toBeNull();
    expect(teknis.dueAt! < kebijakan.dueAt!).toBe(true);
    expect(teknis.stageBreached).toBe(false);

    const inbox = (
      await e.http
        .get('/api/tasks')
        .set(await e.as('teknis'))
        .expect(200)
    ).body;
    const mine = inbox.items.find((t: { id: string }) => t.id === teknis.id);
    expect(mine.dueAt).toBe(teknis.dueAt);

    const tracking = (await e.http.get(`/api/public/complaints/${registered.trackingCode}`).expect(200)).body;
    expect(tracking.units.find((u: { unit: string }) => u.unit === 'TIM_TEKNIS').dueAt).toBe(teknis.dueAt);
    expect(JSON.stringify(tracking)).not.toContain('teknis@');

    // A day after TIM_TEKNIS's deadline, its open task is a stage breach.
    const asOf = new Date(new Date(teknis.dueAt!).getTime() + 86_400_000);
    const stuck = (
      await e.http
        .get(`/api/ops/stuck?asOf=${encodeURIComponent(asOf.toISOString())}`)
        .set(await e.as('kabid'))
        .expect(200)
    ).body;
    const row = stuck.items.find(
      (i: { kind: string; complaintId: string }) =>
        i.kind === 'STAGE_BREACHED' && i.complaintId === registered.id,
    );
    expect(row.detail).toMatch(/Melewati batas waktu tahap: tugas TIM_TEKNIS/);
    expect(stuck.queries.STAGE_BREACHED).toContain('StageDueAt <');
  });

  it('breaches the triage of a letter logged after its stage deadline at once: timeline, notices, Web UI filter', async () => {
    // Received 10 days ago: the 2-working-day triage deadline has passed (the timer fires at once).
    const late = (
      await e.http
        .post('/api/complaints')
        .set(await e.as('pengaduan'))
        .send(
          staffComplaint({
            channel: 'SURAT',
            receivedAt: new Date(Date.now() - 10 * 86_400_000).toISOString(),
          }),
        )
        .expect(201)
    ).body;
    await eventually(async () =>
      (await e.detail(late.id)).timeline.some((ev) => ev.type === 'STAGE_BREACHED'),
    );
    const detail = await e.detail(late.id);
    const breach = detail.timeline.find((ev) => ev.type === 'STAGE_BREACHED')!;
    expect(breach.details).toMatchObject({ stage: 'TRIAGE', dueAt: detail.triageDueAt });
    expect(detail.live?.stageBreaches).toMatchObject([{ stage: 'TRIAGE' }]);
    const notices = await e.db.orm.em
      .fork()
      .find(Notification, { complaintId: late.id, kind: 'STAGE_BREACHED' });
    expect(notices.map((n) => n.recipient).sort()).toEqual(['KABID_PENGADUAN', 'SEKSI_PENGADUAN']);
    expect(notices[0].subject).toBe(
      `Tahap Triase oleh Seksi Pengaduan pengaduan ${late.registerNumber} melewati batas waktunya`,
    );
    // Operators find it in the Web UI by the StageBreached search attribute.
    const workflowId = workflowIdForRegister(late.registerNumber);
    await eventually(async () => {
      for await (const wf of e.temporal.workflow.list({ query: 'StageBreached = "TRIAGE"' }))
        if (wf.workflowId === workflowId) return true;
      return false;
    });
  });
});
