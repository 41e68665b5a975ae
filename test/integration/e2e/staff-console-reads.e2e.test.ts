/**
 * The read endpoints the staff console needs (issue 15): a complaint found by its register number or
 * tracking code, the inbox with what it takes to pick up the work (service, location, short
 * description, working days left, overdue) with its filters and due-first order, the triage queue,
 * and Swagger's traps (no pre-filled dates, the token kept across reloads).
 */
import { DateTime } from 'luxon';
import { WorkingDayCalendar, workingDaysLeft } from '../../../src/domain/calendar';
import { OFFICIAL_HOLIDAY_YEARS, officialHolidays } from '../../../src/domain/holidays';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, eventually, startE2e } from '../../helpers/e2e';

type Registered = { id: string; registerNumber: string; trackingCode: string; dueAt: string };
type InboxItem = {
  id: string;
  complaintId: string;
  unit: string;
  area: string | null;
  status: string;
  complaint: {
    id: string;
    registerNumber: string;
    trackingCode: string;
    category: string | null;
    status: string;
    licensingService: string | null;
    location: {
      kecamatan: string | null;
      kecamatanName: string | null;
      kelurahan: string | null;
      kelurahanName: string | null;
    };
    shortDescription: string;
    receivedAt: string;
    dueAt: string | null;
    workingDaysLeft: number | null;
    overdue: boolean;
  };
};

const official = new WorkingDayCalendar(
  OFFICIAL_HOLIDAY_YEARS.flatMap((y) => officialHolidays(y)!.map((h) => h.date)),
);
/** 10:00 WIB `daysAgo` calendar days ago, as the API takes it. */
const wibDaysAgo = (daysAgo: number) =>
  DateTime.now()
    .setZone('Asia/Jakarta')
    .minus({ days: daysAgo })
    .set({ hour: 10, minute: 0 })
    .toUTC()
    .toISO()!;
const LONG_DESCRIPTION =
  'Limbah cair pabrik tahu di belakang rumah mengalir ke sungai sejak izin usahanya terbit; warga sudah ' +
  'tiga kali melapor ke kelurahan tetapi belum ada peninjauan, dan bau menyengat tercium setiap pagi hingga siang hari.';

describe.each(databaseKinds())('staff console reads (%s)', (kind) => {
  let e: E2e;
  /** SEDANG in Prabumulih Barat / Patih Galung, received 20 days ago: already overdue. */
  let late: Registered;
  /** SEDANG in Prabumulih Timur / Karang Raja, received 3 days ago, with a long description. */
  let recent: Registered;
  /** SEDANG in Prabumulih Barat, received now. */
  let fresh: Registered;
  /** RINGAN, received now. */
  let ringan: Registered;
  /** Awaiting triage, received 6 and 2 days ago. */
  let waitingLong: Registered;
  let waitingShort: Registered;

  const get = async (path: string, user: string) => e.http.get(path).set(await e.as(user));
  const inbox = async (user: string, query = ''): Promise<{ items: InboxItem[]; total: number }> => {
    const res = await get(`/api/tasks?pageSize=100${query}`, user);
    expect(res.status).toBe(200);
    return res.body;
  };
  const triage = async (id: string, body: Record<string, unknown>) => {
    await e.http
      .post(`/api/complaints/${id}/triage`)
      .set(await e.as('pengaduan'))
      .send(body)
      .expect(200);
  };
  const urlForm = (registerNumber: string) => registerNumber.replace(/\//g, '-');

  beforeAll(async () => {
    e = await startE2e(kind);
    late = await e.register({
      receivedAt: wibDaysAgo(20),
      licensingService: 'Izin Usaha Mikro Kecil (IUMK)',
    });
    recent = await e.register({
      receivedAt: wibDaysAgo(3),
      description: LONG_DESCRIPTION,
      location: { kecamatan: '16.74.02', kelurahan: '16.74.02.1003' },
    });
    fresh = await e.register();
    ringan = await e.register();
    waitingLong = await e.register({ receivedAt: wibDaysAgo(6) });
    waitingShort = await e.register({ receivedAt: wibDaysAgo(2) });
    for (const c of [late, recent, fresh]) await triage(c.id, { category: 'SEDANG' });
    await triage(ringan.id, { category: 'RINGAN' });
    // Every task row written, and the late complaint flagged overdue by its deadline timer.
    await eventually(async () => (await inbox('perizinan')).total === 3);
    await eventually(async () => (await inbox('loket')).total === 1);
    await eventually(async () => (await e.detail(late.id)).overdue);
    await eventually(async () =>
      (await inbox('pengaduan')).items.every((t) => t.complaint.status === 'IN_PROGRESS'),
    );
  });
  afterAll(async () => {
    await e?.stop();
  });

  describe('a complaint found by its register number or tracking code', () => {
    it('GET /api/complaints/{registerNumber} answers the detail, with dashes or an encoded slash', async () => {
      const byDashes = await get(`/api/complaints/${urlForm(fresh.registerNumber)}`, 'pengaduan');
      expect(byDashes.status).toBe(200);
      expect(byDashes.body).toMatchObject({ id: fresh.id, registerNumber: fresh.registerNumber });
      const bySlash = await get(`/api/complaints/${encodeURIComponent(fresh.registerNumber)}`, 'pengaduan');
      expect(bySlash.status).toBe(200);
      expect(bySlash.body.id).toBe(fresh.id);
      // The id keeps working.
      expect((await get(`/api/complaints/${fresh.id}`, 'pengaduan')).body.registerNumber).toBe(
        fresh.registerNumber,
      );
    });

    it('answers 404 for an unknown register number and 401 without a token', async () => {
      const unknown = await get('/api/complaints/2026-12-9999', 'pengaduan');
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'Pengaduan tidak ditemukan.',
      });
      await e.http.get(`/api/complaints/${urlForm(fresh.registerNumber)}`).expect(401);
    });

    it('keeps the personal-data rule: a unit without a task and the Wali Kota see it masked', async () => {
      for (const user of ['kebijakan', 'walikota']) {
        const res = await get(`/api/complaints/${urlForm(ringan.registerNumber)}`, user);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: ringan.id, personalDataVisible: false });
        expect(res.body.complainant).toMatchObject({ name: 'B*** S******', phone: null, email: null });
      }
      const own = await get(`/api/complaints/${urlForm(ringan.registerNumber)}`, 'loket');
      expect(own.body).toMatchObject({ personalDataVisible: true, complainant: { name: 'Budi Santoso' } });
    });

    it('GET /api/complaints?q= finds exactly one complaint by register number or tracking code', async () => {
      for (const q of [
        recent.registerNumber,
        urlForm(recent.registerNumber),
        recent.trackingCode,
        ` ${recent.trackingCode.toLowerCase()} `,
      ]) {
        const res = await get(`/api/complaints?q=${encodeURIComponent(q)}`, 'kabid');
        expect([q, res.status, res.body.total]).toEqual([q, 200, 1]);
        expect(res.body.items[0]).toMatchObject({ id: recent.id, trackingCode: recent.trackingCode });
      }
      const none = await get('/api/complaints?q=2026-01-9999', 'kabid');
      expect(none.body).toMatchObject({ items: [], total: 0 });
      const bad = await get('/api/complaints?q=%3Cscript%3E', 'kabid');
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/nomor register .* atau kode pelacakan/);
    });
  });

  describe('the inbox (GET /api/tasks)', () => {
    it('carries what it takes to pick up the work, the complaint due first', async () => {
      const { items, total } = await inbox('perizinan');
      expect(total).toBe(3);
      expect(items.map((t) => t.complaintId)).toEqual([late.id, recent.id, fresh.id]);
      const now = new Date();
      for (const t of items) {
        expect(t.complaint.workingDaysLeft).toBe(
          workingDaysLeft(now, new Date(t.complaint.dueAt!), official),
        );
      }
      // The case page says the same as the inbox line.
      for (const t of items) {
        const detail = await get(`/api/complaints/${t.complaintId}`, 'perizinan');
        expect(detail.body.workingDaysLeft).toBe(t.complaint.workingDaysLeft);
      }
      const [lateItem, recentItem, freshItem] = items;
      expect(lateItem).toMatchObject({
        unit: 'BIDANG_PERIZINAN',
        status: 'OPEN',
        complaint: {
          id: late.id,
          registerNumber: late.registerNumber,
          trackingCode: late.trackingCode,
          category: 'SEDANG',
          status: 'IN_PROGRESS',
          licensingService: 'Izin Usaha Mikro Kecil (IUMK)',
          location: {
            kecamatan: '16.74.01',
            kecamatanName: 'Prabumulih Barat',
            kelurahan: '16.74.01.1007',
            kelurahanName: 'Patih Galung',
          },
          shortDescription: 'Biaya penerbitan izin usaha tidak jelas dan waktu penyelesaian melebihi janji.',
          dueAt: late.dueAt,
          overdue: true,
        },
      });
      expect(lateItem.complaint.workingDaysLeft).toBeLessThan(0);
      // Received today: the whole 10 working days are left.
      expect(freshItem.complaint).toMatchObject({
        workingDaysLeft: 10,
        overdue: false,
        licensingService: null,
      });
      expect(recentItem.complaint.location).toEqual({
        kecamatan: '16.74.02',
        kecamatanName: 'Prabumulih Timur',
        kelurahan: '16.74.02.1003',
        kelurahanName: 'Karang Raja',
      });
      const short = recentItem.complaint.shortDescription;
      expect(Array.from(short).length).toBeLessThanOrEqual(160);
      expect(short.endsWith('…')).toBe(true);
      expect(LONG_DESCRIPTION.startsWith(short.slice(0, -1))).toBe(true);
    });

    it('filters by overdue, kecamatan, category, status and complaint status', async () => {
      const ids = async (user: string, query: string) =>
        (await inbox(user, query)).items.map((t) => t.complaintId);
      expect(await ids('perizinan', '&overdue=true')).toEqual([late.id]);
      expect(await ids('perizinan', '&overdue=false')).toEqual([recent.id, fresh.id]);
      expect(await ids('perizinan', '&kecamatan=16.74.02')).toEqual([recent.id]);
      expect(await ids('perizinan', '&kecamatan=16.74.01&overdue=false')).toEqual([fresh.id]);
      expect(await ids('pengaduan', '&category=RINGAN')).toEqual([ringan.id]);
      expect((await ids('pengaduan', '&category=SEDANG')).sort()).toEqual(
        [late.id, recent.id, fresh.id].sort(),
      );
      expect(await ids('perizinan', '&status=DONE')).toEqual([]);
      expect((await ids('perizinan', '&status=OPEN&complaintStatus=IN_PROGRESS')).length).toBe(3);
      expect(await ids('perizinan', '&complaintStatus=RESOLVED')).toEqual([]);
      // A kelurahan official sees only the tasks of the own area, with the same order and fields.
      expect(await ids('kel-16.74.01.1007', '')).toEqual([late.id, fresh.id]);
    });

    it('finds one complaint by register number or tracking code (q)', async () => {
      for (const q of [
        recent.registerNumber,
        urlForm(recent.registerNumber),
        recent.trackingCode.toLowerCase(),
      ]) {
        const res = await inbox('perizinan', `&q=${encodeURIComponent(q)}`);
        expect([q, res.items.map((t) => t.complaintId), res.total]).toEqual([q, [recent.id], 1]);
      }
      // A complaint without a task of the unit is not in its inbox.
      expect((await inbox('perizinan', `&q=${ringan.trackingCode}`)).total).toBe(0);
      const bad = await get('/api/tasks?q=2026%2F12', 'perizinan');
      expect(bad.status).toBe(400);
      expect(bad.body.message).toMatch(/nomor register .* atau kode pelacakan/);
    });

    it('pages with the total of every matching task, and refuses invalid filters (400)', async () => {
      const first = await get('/api/tasks?pageSize=1', 'perizinan');
      expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 1 });
      expect(first.body.items.map((t: InboxItem) => t.complaintId)).toEqual([late.id]);
      const third = await get('/api/tasks?pageSize=1&page=3', 'perizinan');
      expect(third.body.items.map((t: InboxItem) => t.complaintId)).toEqual([fresh.id]);
      const past = await get('/api/tasks?pageSize=1&page=9', 'perizinan');
      expect(past.body).toMatchObject({ items: [], total: 3 });
      for (const [query, message] of [
        ['kecamatan=16.74', /Kode kecamatan tidak valid/],
        ['category=SEPELE', /Kategori wajib salah satu/],
        ['overdue=ya', /overdue wajib bernilai true atau false/],
        ['complaintStatus=OPEN', /Status pengaduan \(complaintStatus\)/],
      ] as const) {
        const res = await get(`/api/tasks?${query}`, 'perizinan');
        expect([query, res.status]).toEqual([query, 400]);
        expect(res.body.message).toMatch(message);
      }
    });

    it('is for STAFF only, whatever the search (403 for the Wali Kota and the admin)', async () => {
      for (const user of ['walikota', 'admin']) {
        const res = await get(`/api/tasks?q=${late.trackingCode}`, user);
        expect(res.status).toBe(403);
      }
      await e.http.get(`/api/tasks?q=${late.trackingCode}`).expect(401);
    });
  });

  it('the triage queue: awaiting triage, oldest first (status=RECEIVED&sort=receivedAt)', async () => {
    const queue = await get('/api/complaints?status=RECEIVED&sort=receivedAt', 'pengaduan');
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((c: { id: string }) => c.id)).toEqual([waitingLong.id, waitingShort.id]);
    const newest = await get('/api/complaints?status=RECEIVED', 'pengaduan');
    expect(newest.body.items.map((c: { id: string }) => c.id)).toEqual([waitingShort.id, waitingLong.id]);
    const byDue = await get('/api/complaints?sort=dueAt&pageSize=2', 'pengaduan');
    expect(byDue.body.items.map((c: { id: string }) => c.id)).toEqual([late.id, waitingLong.id]);
    const bad = await get('/api/complaints?sort=terlama', 'pengaduan');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/Urutan \(sort\) wajib salah satu dari/);
  });

  describe('Swagger (/docs)', () => {
    type Parameter = { name: string; in: string; example?: unknown; schema?: Record<string, unknown> };
    type Operation = { parameters?: Parameter[]; responses: Record<string, unknown> };

    it('pre-fills no query parameter with a date, and documents the new parameters and answers', async () => {
      const doc = (await e.http.get('/docs-json').expect(200)).body as {
        paths: Record<string, Record<string, Operation>>;
      };
      const looksLikeDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v);
      for (const [path, methods] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(methods)) {
          for (const p of op.parameters ?? []) {
            const prefilled = [p.example, p.schema?.example, p.schema?.default].filter(looksLikeDate);
            expect({ at: `${method} ${path} ${p.name}`, prefilled }).toEqual({
              at: `${method} ${path} ${p.name}`,
              prefilled: [],
            });
          }
        }
      }
      const list = doc.paths['/api/complaints'].get;
      const names = (op: Operation) => (op.parameters ?? []).map((p) => p.name);
      expect(names(list)).toEqual(expect.arrayContaining(['from', 'to', 'q', 'sort']));
      expect(names(doc.paths['/api/tasks'].get)).toEqual(
        expect.arrayContaining(['status', 'complaintStatus', 'category', 'kecamatan', 'overdue', 'q']),
      );
      const detail = doc.paths['/api/complaints/{id}'].get;
      const id = detail.parameters!.find((p) => p.name === 'id')!;
      const pattern = new RegExp(String(id.schema!.pattern));
      expect(pattern.test('2026-12-0007')).toBe(true);
      expect(pattern.test(fresh.id)).toBe(true);
      expect(Object.keys(detail.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '404']));
      expect(Object.keys(doc.paths['/api/tasks'].get.responses)).toEqual(
        expect.arrayContaining(['200', '400', '401', '403']),
      );
    });

    it('keeps the token across reloads (persistAuthorization)', async () => {
      const init = await e.http.get('/docs/swagger-ui-init.js').expect(200);
      expect(init.text).toMatch(/"persistAuthorization":\s*true/);
    });
  });
});
