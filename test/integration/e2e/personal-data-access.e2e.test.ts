/**
 * The access log of unmasked personal-data reads (issue 20, part C): every response that shows a
 * complainant's personal data unmasked leaves one row per complaint (who, when, which fields, which
 * endpoint, from where), masked responses leave none, the admin queries it, and the metrics count it.
 */
import { PersonalDataAccess } from '../../../src/db/entities';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, eventually, startE2e } from '../../helpers/e2e';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const ALL_IDENTITY_FIELDS = ['NAMA', 'NIK', 'ALAMAT', 'TELEPON', 'EMAIL'];
/** The seeded user of each unit that is not an area's. */
const UNIT_USERS: Record<string, string> = {
  SEKSI_KEBIJAKAN: 'kebijakan',
  SEKSI_PELAPORAN: 'pelaporan',
  BIDANG_PERIZINAN: 'perizinan',
  TIM_TEKNIS: 'teknis',
  KABID_PENGADUAN: 'kabid',
  KEPALA_DINAS: 'kadis',
};

interface AccessRow {
  id: string;
  at: string;
  userId: string;
  username: string;
  role: string;
  unit: string | null;
  complaintId: string;
  registerNumber: string | null;
  fields: string[];
  fieldLabels: string[];
  endpoint: string;
  ip: string | null;
}

describe.each(databaseKinds())('access log of personal-data reads (%s)', (kind) => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e(kind);
  });
  afterAll(async () => {
    await e?.stop();
  });

  const get = async (path: string, user: string) => e.http.get(path).set(await e.as(user));
  /** The admin's view of the log of one complaint, newest first. */
  const logOf = async (complaintId: string): Promise<AccessRow[]> => {
    const res = await get(`/api/personal-data-access?complaintId=${complaintId}&pageSize=100`, 'admin');
    expect(res.status).toBe(200);
    return res.body.items;
  };
  /** The rows in the database itself, whatever the API shows. */
  const rowsOf = (complaintId: string) => e.db.orm.em.fork().find(PersonalDataAccess, { complaintId });
  const userIdOf = async (username: string): Promise<string> =>
    (await get('/api/users/me', username)).body.id;

  it('a detail read by Seksi Pengaduan: one row with the fields shown, never the data itself', async () => {
    const { id, registerNumber } = await e.register();
    expect(await rowsOf(id)).toHaveLength(0);
    await e.detail(id, 'pengaduan');
    const rows = await logOf(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: await userIdOf('pengaduan'),
      username: 'pengaduan',
      role: 'STAFF',
      unit: 'SEKSI_PENGADUAN',
      complaintId: id,
      registerNumber,
      fields: ALL_IDENTITY_FIELDS,
      fieldLabels: ['Nama', 'NIK', 'Alamat', 'Nomor telepon', 'Email'],
      endpoint: 'GET /api/complaints/:id',
    });
    expect(rows[0].ip).toBeTruthy();
    expect(Date.now() - new Date(rows[0].at).getTime()).toBeLessThan(60_000);
    // The log holds field names only: no name, NIK, address or contact of the complainant.
    const stored = JSON.stringify(await rowsOf(id));
    for (const value of ['Budi', '1674011203850001', 'Sudirman', '081234567890', 'budi@example.com'])
      expect(stored).not.toContain(value);
  });

  it('a detail read with the data masked (a unit without a task) or hidden (RAHASIA, ANONIM) records nothing', async () => {
    const { id } = await e.register();
    const masked = await e.detail(id, 'kebijakan');
    expect(masked.personalDataVisible).toBe(false);
    expect(masked.complainant.nik).toContain('*');
    const kepalaDaerah = await e.detail(id, 'walikota');
    expect(kepalaDaerah.identityVisible).toBe(false);
    expect(await rowsOf(id)).toHaveLength(0);

    // A confidential complaint: "Dirahasiakan" for LOKET, in full for the Kabid (logged).
    const secret = await e.register({ channel: 'EMAIL', identityMode: 'RAHASIA' });
    const loket = await e.detail(secret.id, 'loket');
    expect(loket.complainant.name).toBe('Dirahasiakan');
    expect(await rowsOf(secret.id)).toHaveLength(0);
    await e.detail(secret.id, 'kabid');
    expect((await logOf(secret.id)).map((r) => [r.username, r.fields])).toEqual([
      ['kabid', ALL_IDENTITY_FIELDS],
    ]);
  });

  it('an action answered with the detail is logged under its endpoint; a unit with a task sees and is logged', async () => {
    const { id } = await e.register();
    const triaged = await e.http
      .post(`/api/complaints/${id}/triage`)
      .set(await e.as('pengaduan'))
      .send({ category: 'SEDANG' });
    expect(triaged.status).toBe(200);
    expect(triaged.body.complainant.name).toBe('Budi Santoso');
    expect((await logOf(id)).map((r) => [r.username, r.endpoint])).toEqual([
      ['pengaduan', 'POST /api/complaints/:id/triage'],
    ]);

    await eventually(async () => (await e.detail(id)).tasks.length > 0);
    const tasks = (await e.detail(id)).tasks;
    const userOf = (t: { unit: string; area: string | null }) =>
      t.unit === 'KECAMATAN'
        ? `kec-${t.area}`
        : t.unit === 'KELURAHAN'
          ? `kel-${t.area}`
          : UNIT_USERS[t.unit];
    const handler = userOf(tasks[0]);
    expect(handler).toBeDefined();
    const seen = await e.detail(id, handler);
    expect(seen.personalDataVisible).toBe(true);
    const rows = (await logOf(id)).filter((r) => r.username === handler);
    expect(rows).toHaveLength(1);
    expect(rows[0].fields).toEqual(ALL_IDENTITY_FIELDS);
  });

  it('a list: one row per complaint whose name it shows, all of one response; none where masked', async () => {
    const { id, registerNumber } = await e.register();
    const q = encodeURIComponent(registerNumber);
    const masked = await get(`/api/complaints?q=${q}`, 'kebijakan');
    expect(masked.status).toBe(200);
    expect(masked.body.items[0].complainant.name).toBe('B*** S******');
    expect(await rowsOf(id)).toHaveLength(0);

    const full = await get(`/api/complaints?q=${q}`, 'loket');
    expect(full.body.items[0].complainant.name).toBe('Budi Santoso');
    expect((await logOf(id)).map((r) => [r.username, r.fields, r.endpoint])).toEqual([
      ['loket', ['NAMA'], 'GET /api/complaints'],
    ]);

    // A page of several named complaints: a row for each, written at once.
    const before = await e.db.orm.em.fork().count(PersonalDataAccess, { username: 'admin' });
    const page = await get('/api/complaints?pageSize=5', 'admin');
    const named = page.body.items.filter((c: { identityMode: string }) => c.identityMode !== 'ANONIM');
    expect(named.length).toBeGreaterThan(1);
    const written = await e.db.orm.em
      .fork()
      .find(PersonalDataAccess, { username: 'admin', endpoint: 'GET /api/complaints' });
    expect(written.length - before).toBe(named.length);
    expect(new Set(written.map((r) => r.at.getTime())).size).toBe(1);
  });

  it('an evidence download is logged as LAMPIRAN; a refused download is not', async () => {
    const { id } = await e.register();
    const uploaded = await e.http
      .post(`/api/complaints/${id}/attachments`)
      .set(await e.as('loket'))
      .attach('file', PNG, { filename: 'foto.png', contentType: 'image/png' })
      .expect(201);
    // Uploading shows nothing of the complainant; a unit without a task may not download.
    expect(await rowsOf(id)).toHaveLength(0);
    expect((await get(`/api/complaints/${id}/attachments/${uploaded.body.id}`, 'kebijakan')).status).toBe(
      403,
    );
    expect(await rowsOf(id)).toHaveLength(0);

    expect((await get(`/api/complaints/${id}/attachments/${uploaded.body.id}`, 'pengaduan')).status).toBe(
      200,
    );
    expect((await logOf(id)).map((r) => [r.username, r.fields, r.endpoint])).toEqual([
      ['pengaduan', ['LAMPIRAN'], 'GET /api/complaints/:id/attachments/:attachmentId'],
    ]);
  });

  it('reads that show no personal data record nothing: inbox, deliveries, reports, public tracking', async () => {
    const { id, trackingCode } = await e.register();
    const count = () => e.db.orm.em.fork().count(PersonalDataAccess, {});
    const before = await count();
    const now = new Date();
    const reads: [string, string | null][] = [
      ['/api/tasks', 'pengaduan'],
      ['/api/tasks', 'kebijakan'],
      [`/api/complaints/${id}/notifications`, 'admin'],
      [`/api/reports/monthly?year=${now.getUTCFullYear()}&month=${now.getUTCMonth() + 1}`, 'admin'],
      ['/api/personal-data-access', 'admin'],
      // The complainant's own view by tracking code (public: description and status, no identity).
      [`/api/public/complaints/${trackingCode}`, null],
    ];
    for (const [path, user] of reads) {
      const res = user ? await get(path, user) : await e.http.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
    expect(await count()).toBe(before);
  });

  it('the admin queries the log by complaint, user and time, newest first, in pages', async () => {
    const { id } = await e.register();
    await e.detail(id, 'pengaduan');
    await e.detail(id, 'loket');
    await e.detail(id, 'pengaduan');
    const all = await logOf(id);
    expect(all.map((r) => r.username)).toEqual(['pengaduan', 'loket', 'pengaduan']);
    expect(new Date(all[0].at).getTime()).toBeGreaterThanOrEqual(new Date(all[2].at).getTime());

    const loketId = await userIdOf('loket');
    const byUser = await get(`/api/personal-data-access?complaintId=${id}&userId=${loketId}`, 'admin');
    expect(byUser.body).toMatchObject({ total: 1, page: 1 });
    expect(byUser.body.items[0].username).toBe('loket');

    const paged = await get(`/api/personal-data-access?complaintId=${id}&pageSize=2&page=2`, 'admin');
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.body.items).toHaveLength(1);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    const none = await get(`/api/personal-data-access?complaintId=${id}&from=${future}`, 'admin');
    expect(none.body).toMatchObject({ total: 0, items: [] });
    const past = new Date(Date.now() - 3_600_000).toISOString();
    const since = await get(
      `/api/personal-data-access?complaintId=${id}&from=${encodeURIComponent(past)}&to=${encodeURIComponent(future)}`,
      'admin',
    );
    expect(since.body.total).toBe(3);

    // Reading the log shows no personal data, so it is not itself logged.
    expect(await logOf(id)).toHaveLength(3);
  });

  it('is for the admin only (403), and refuses bad filters in Bahasa Indonesia (400, 422)', async () => {
    for (const user of ['pengaduan', 'kabid', 'walikota']) {
      const res = await get('/api/personal-data-access', user);
      expect(res.status).toBe(403);
    }
    expect((await e.http.get('/api/personal-data-access')).status).toBe(401);
    const badId = await get('/api/personal-data-access?complaintId=bukan-uuid', 'admin');
    expect(badId.status).toBe(400);
    expect(badId.body.message).toContain('complaintId wajib berupa UUID');
    const badDate = await get('/api/personal-data-access?from=kemarin', 'admin');
    expect(badDate.status).toBe(400);
    expect(badDate.body.message).toContain('Tanggal awal (from) wajib berformat tanggal ISO 8601');
    const reversed = await get('/api/personal-data-access?from=2026-12-02&to=2026-12-01', 'admin');
    expect(reversed.status).toBe(422);
    expect(reversed.body.message).toBe('Tanggal awal (from) tidak boleh setelah tanggal akhir (to).');
  });

  it('counts the reads in pengaduan_personal_data_reads_total{role,field}', async () => {
    const counter = async (role: string, field: string): Promise<number> => {
      const text = (await e.http.get('/metrics').expect(200)).text;
      const line = text
        .split('\n')
        .find((l) => l.startsWith(`pengaduan_personal_data_reads_total{role="${role}",field="${field}"}`));
      return line ? Number(line.split(' ').pop()) : 0;
    };
    const { id } = await e.register();
    const [nik, email, adminName] = [
      await counter('STAFF', 'NIK'),
      await counter('STAFF', 'EMAIL'),
      await counter('ADMIN', 'NAMA'),
    ];
    await e.detail(id, 'pengaduan');
    await e.detail(id, 'kebijakan'); // masked: not counted
    await e.detail(id, 'admin');
    expect(await counter('STAFF', 'NIK')).toBe(nik + 1);
    expect(await counter('STAFF', 'EMAIL')).toBe(email + 1);
    expect(await counter('ADMIN', 'NAMA')).toBe(adminName + 1);
  });
});
