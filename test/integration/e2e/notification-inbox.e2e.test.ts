/**
 * The console's notification list end to end (GET /api/notifications, POST .../read, .../read-all):
 * the real API, workflow and worker writing the outbox. A unit's staff member sees the task-assigned
 * notification of their unit (an area officer: of their area) and not another unit's or area's;
 * marking read lowers the unread count and is idempotent; read-all; read state is per user; someone
 * else's notification is 404.
 */
import { randomUUID } from 'node:crypto';
import { User } from '../../../src/db/entities';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, eventually, startE2e } from '../../helpers/e2e';

interface Item {
  id: string;
  complaintId: string | null;
  registerNumber: string | null;
  kind: string;
  recipient: string;
  recipientArea: string | null;
  subject: string;
  createdAt: string;
  read: boolean;
  readAt: string | null;
}
interface PageBody {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
  unreadCount: number;
}

describe.each(databaseKinds())('notification list in the console (%s)', (kind) => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e(kind);
    // A second Seksi Kebijakan staff member (same password as the seed users).
    const em = e.db.orm.em.fork();
    const template = await em.findOneOrFail(User, { username: 'kebijakan' });
    const second = new User();
    Object.assign(second, {
      id: randomUUID(),
      username: 'kebijakan2',
      fullName: 'Staf Seksi Kebijakan Kedua',
      passwordHash: template.passwordHash,
      role: 'STAFF',
      unit: 'SEKSI_KEBIJAKAN',
      email: 'kebijakan2@pengaduan.test',
      active: true,
    });
    await em.persistAndFlush(second);
  });
  afterAll(async () => {
    await e?.stop();
  });

  const list = async (username: string, query = ''): Promise<PageBody> =>
    (
      await e.http
        .get(`/api/notifications${query}`)
        .set(await e.as(username))
        .expect(200)
    ).body;
  const ofComplaint = (page: PageBody, complaintId: string) =>
    page.items.filter((n) => n.complaintId === complaintId);
  const read = async (username: string, id: string, status = 200) =>
    e.http
      .post(`/api/notifications/${encodeURIComponent(id)}/read`)
      .set(await e.as(username))
      .expect(status);

  it('shows each unit (and area) its own task notifications, with a per-user read state', async () => {
    // SEDANG opens tasks for Seksi Kebijakan, Kecamatan 16.74.01 and Kelurahan 16.74.01.1007 (among others).
    const c = await e.register();
    await e.http
      .post(`/api/complaints/${c.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ category: 'SEDANG' })
      .expect(200);
    await eventually(async () => ofComplaint(await list('kebijakan'), c.id).length === 1);

    const mine = await list('kebijakan');
    const [task] = ofComplaint(mine, c.id);
    expect(task).toMatchObject({
      kind: 'TASK_ASSIGNED',
      recipient: 'SEKSI_KEBIJAKAN',
      recipientArea: null,
      registerNumber: c.registerNumber,
      subject: `Tugas baru: pengaduan ${c.registerNumber}`,
      read: false,
      readAt: null,
    });
    expect(mine.unreadCount).toBeGreaterThanOrEqual(1);
    expect(mine.items.every((n) => n.recipient === 'SEKSI_KEBIJAKAN')).toBe(true);

    // Another unit (Petugas Loket has no task on a SEDANG case) does not see it; nor does the admin.
    expect(ofComplaint(await list('loket'), c.id)).toEqual([]);
    expect(await list('admin')).toMatchObject({ items: [], total: 0, unreadCount: 0 });
    // Area officers: the kecamatan and kelurahan of the complaint's location, not another area.
    await eventually(async () => ofComplaint(await list('kec-16.74.01'), c.id).length === 1);
    expect(ofComplaint(await list('kec-16.74.01'), c.id)[0]).toMatchObject({
      recipient: 'KECAMATAN',
      recipientArea: '16.74.01',
    });
    expect(ofComplaint(await list('kel-16.74.01.1007'), c.id)[0]).toMatchObject({
      recipient: 'KELURAHAN',
      recipientArea: '16.74.01.1007',
    });
    expect(ofComplaint(await list('kec-16.74.02'), c.id)).toEqual([]);
    expect(ofComplaint(await list('kel-16.74.01.1001'), c.id)).toEqual([]);

    // Someone else's notification, or none at all: 404, in Bahasa Indonesia.
    const refused = await read('loket', task.id, 404);
    expect(refused.body.message).toBe('Pemberitahuan tidak ditemukan.');
    await read('kec-16.74.02', ofComplaint(await list('kec-16.74.01'), c.id)[0].id, 404);
    await read('kebijakan', 'tidak-ada', 404);

    // Marking read lowers the count, once (idempotent).
    const before = (await list('kebijakan')).unreadCount;
    const otherBefore = (await list('kebijakan2')).unreadCount;
    expect(otherBefore).toBe(before);
    expect((await read('kebijakan', task.id)).body).toEqual({ unreadCount: before - 1 });
    expect((await read('kebijakan', task.id)).body).toEqual({ unreadCount: before - 1 });
    const after = await list('kebijakan');
    expect(after.unreadCount).toBe(before - 1);
    expect(ofComplaint(after, c.id)[0]).toMatchObject({ read: true, readAt: expect.any(String) });
    expect(ofComplaint(await list('kebijakan', '?unread=true'), c.id)).toEqual([]);

    // The other staff member of the same unit still has it unread.
    const other = await list('kebijakan2');
    expect(other.unreadCount).toBe(otherBefore);
    expect(ofComplaint(other, c.id)[0]).toMatchObject({ id: task.id, read: false });
  });

  it('marks all read (idempotent), newest first, paged', async () => {
    const a = await e.register();
    const b = await e.register();
    for (const c of [a, b])
      await e.http
        .post(`/api/complaints/${c.id}/triage`)
        .set(await e.as('pengaduan'))
        .send({ category: 'SEDANG' })
        .expect(200);
    await eventually(async () => {
      const page = await list('kebijakan');
      return ofComplaint(page, a.id).length === 1 && ofComplaint(page, b.id).length === 1;
    });
    const all = await list('kebijakan');
    expect(all.unreadCount).toBeGreaterThanOrEqual(2);
    const times = all.items.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const first = await list('kebijakan', '?pageSize=1&page=1');
    const second = await list('kebijakan', '?pageSize=1&page=2');
    expect(first).toMatchObject({ page: 1, pageSize: 1, total: all.total, unreadCount: all.unreadCount });
    expect(first.items).toHaveLength(1);
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect([first.items[0].id, second.items[0].id]).toEqual(all.items.slice(0, 2).map((n) => n.id));

    const otherBefore = (await list('kebijakan2')).unreadCount;
    for (let i = 0; i < 2; i++) {
      const res = await e.http
        .post('/api/notifications/read-all')
        .set(await e.as('kebijakan'))
        .expect(200);
      expect(res.body).toEqual({ unreadCount: 0 });
    }
    const done = await list('kebijakan');
    expect(done.unreadCount).toBe(0);
    expect(done.items.every((n) => n.read)).toBe(true);
    expect((await list('kebijakan', '?unread=true')).items).toEqual([]);
    // Not for the other staff member of the unit.
    expect((await list('kebijakan2')).unreadCount).toBe(otherBefore);
    expect(otherBefore).toBeGreaterThanOrEqual(2);
    // A new notification after read-all is unread again.
    const later = await e.register();
    await e.http
      .post(`/api/complaints/${later.id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ category: 'SEDANG' })
      .expect(200);
    await eventually(async () => (await list('kebijakan')).unreadCount === 1);
    expect((await list('kebijakan', '?unread=true')).items.map((n) => n.complaintId)).toEqual([later.id]);
  });

  it('answers 401 without a token and 400 for a bad query, in Bahasa Indonesia', async () => {
    await e.http.get('/api/notifications').expect(401);
    await e.http.post('/api/notifications/read-all').expect(401);
    const bad = await e.http
      .get('/api/notifications?unread=ya')
      .set(await e.as('kebijakan'))
      .expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('Filter unread wajib bernilai true atau false.');
  });
});
