/**
 * GET /api/workload: open tasks per unit (and per area for the local officials), with those of
 * overdue complaints, for Kabid Pengaduan, the Kepala Dinas and admins (the oversight screen).
 */
import { databaseKinds } from '../../helpers/databases';
import { type E2e, eventually, staffComplaint, startE2e } from '../../helpers/e2e';

const DAY = 86_400_000;
const LOCATION = { kecamatan: '16.74.01', kelurahan: '16.74.01.1007' };

interface UnitLoad {
  unit: string;
  open: number;
  overdue: number;
  oldestOpenedAt: string | null;
}
interface AreaLoad extends UnitLoad {
  area: string;
  areaName: string | null;
}
interface Workload {
  asOf: string;
  totalOpen: number;
  totalOverdue: number;
  units: UnitLoad[];
  areas: AreaLoad[];
}

describe.each(databaseKinds())('GET /api/workload (%s)', (kind) => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e(kind);
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
    ).body as { id: string; registerNumber: string };
  const triage = async (id: string, category: string) =>
    (
      await e.http
        .post(`/api/complaints/${id}/triage`)
        .set(await e.as('pengaduan'))
        .send({ category, location: LOCATION })
        .expect(200)
    ).body as { tasks: { id: string; unit: string; area: string | null; status: string }[] };
  const workload = async (username = 'kabid', query = '') =>
    (
      await e.http
        .get(`/api/workload${query}`)
        .set(await e.as(username))
        .expect(200)
    ).body as Workload;
  const unitOf = (w: Workload, unit: string) => w.units.find((u) => u.unit === unit);

  it('counts the open tasks per unit and area, and those of overdue complaints', async () => {
    const before = Date.now();
    // A letter logged 28 days ago is past its deadline: its SEDANG tasks are all overdue work.
    const late = await register({
      channel: 'SURAT',
      receivedAt: new Date(Date.now() - 28 * DAY).toISOString(),
    });
    const lateTasks = (await triage(late.id, 'SEDANG')).tasks;
    await eventually(async () => (await e.detail(late.id)).overdue === true, 60_000);
    // A fresh RINGAN case: the front desk and Seksi Pengaduan, not overdue.
    const ringan = await register();
    const ringanTasks = (await triage(ringan.id, 'RINGAN')).tasks;
    expect(ringanTasks.map((t) => t.unit).sort()).toEqual(['LOKET', 'SEKSI_PENGADUAN']);

    const w = await workload();
    expect(new Date(w.asOf).getTime()).toBeGreaterThanOrEqual(before);
    // Every unit that gets tasks, in the SOP's order; Seksi Pelaporan gets none.
    expect(w.units.map((u) => u.unit)).toEqual([
      'LOKET',
      'KEPALA_DINAS',
      'KABID_PENGADUAN',
      'SEKSI_PENGADUAN',
      'SEKSI_KEBIJAKAN',
      'BIDANG_PERIZINAN',
      'TIM_TEKNIS',
      'KECAMATAN',
      'KELURAHAN',
    ]);
    expect(unitOf(w, 'SEKSI_PENGADUAN')).toMatchObject({ open: 2, overdue: 1 });
    expect(unitOf(w, 'LOKET')).toMatchObject({ open: 1, overdue: 0 });
    for (const unit of [
      'KEPALA_DINAS',
      'KABID_PENGADUAN',
      'SEKSI_KEBIJAKAN',
      'BIDANG_PERIZINAN',
      'TIM_TEKNIS',
    ]) {
      expect(unitOf(w, unit)).toMatchObject({ open: 1, overdue: 1 });
    }
    expect(w.totalOpen).toBe(lateTasks.length + ringanTasks.length);
    expect(w.totalOverdue).toBe(lateTasks.length);
    // The oldest open task of Seksi Pengaduan is the late case's (opened first).
    const oldest = unitOf(w, 'SEKSI_PENGADUAN')!.oldestOpenedAt;
    expect(oldest).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(new Date(oldest!).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(new Date(oldest!).getTime()).toBeLessThanOrEqual(
      new Date(unitOf(w, 'LOKET')!.oldestOpenedAt!).getTime(),
    );
    // The local officials per area, by name.
    expect(w.areas).toEqual([
      expect.objectContaining({
        unit: 'KECAMATAN',
        area: '16.74.01',
        areaName: 'Prabumulih Barat',
        open: 1,
        overdue: 1,
      }),
      expect.objectContaining({ unit: 'KELURAHAN', area: '16.74.01.1007', open: 1, overdue: 1 }),
    ]);
    expect(w.areas[1].areaName).toEqual(expect.any(String));

    // A completed task leaves the count; a unit without open work shows zero.
    const loketTask = ringanTasks.find((t) => t.unit === 'LOKET')!;
    await e.http
      .post(`/api/tasks/${encodeURIComponent(loketTask.id)}/complete`)
      .set(await e.as('loket'))
      .send({ outcome: 'Sudah dijelaskan kepada pengadu.' })
      .expect(200);
    const after = await workload('kadis');
    expect(unitOf(after, 'LOKET')).toEqual({ unit: 'LOKET', open: 0, overdue: 0, oldestOpenedAt: null });
    expect(after.totalOpen).toBe(w.totalOpen - 1);

    // One unit only.
    const kecamatan = await workload('admin', '?unit=KECAMATAN');
    expect(kecamatan.units).toEqual([expect.objectContaining({ unit: 'KECAMATAN', open: 1, overdue: 1 })]);
    expect(kecamatan.areas.map((a) => a.unit)).toEqual(['KECAMATAN']);
    expect(kecamatan.totalOpen).toBe(1);
  });

  it('refuses an unknown unit or parameter in Bahasa Indonesia', async () => {
    const bad = await e.http
      .get('/api/workload?unit=BUPATI')
      .set(await e.as('kabid'))
      .expect(400);
    expect(bad.body.message).toMatch(/^Unit wajib salah satu dari: LOKET, /);
    const unknown = await e.http
      .get('/api/workload?kecamatan=16.74.01')
      .set(await e.as('kabid'))
      .expect(400);
    expect(unknown.body.message).toBe('Kolom "kecamatan" tidak dikenal.');
  });

  it('is for Kabid Pengaduan, the Kepala Dinas and admins only', async () => {
    await e.http.get('/api/workload').expect(401);
    for (const username of ['kabid', 'kadis', 'admin']) {
      await e.http
        .get('/api/workload')
        .set(await e.as(username))
        .expect(200);
    }
    for (const username of ['walikota', 'loket', 'pengaduan', 'pelaporan', 'kec-16.74.01']) {
      const res = await e.http
        .get('/api/workload')
        .set(await e.as(username))
        .expect(403);
      expect(typeof res.body.message).toBe('string');
    }
  });
});
