/** Reference data through the API: the holiday calendar (admin only) and the areas of Kota Prabumulih. */
import { DateTime } from 'luxon';
import { Area, AuditEvent, Complaint, HolidayRecord } from '../../../src/db/entities';
import { loadPrabumulihAreas } from '../../../src/domain/areas';
import { officialHolidays } from '../../../src/domain/holidays';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, eventually, staffComplaint, startE2e } from '../../helpers/e2e';

interface HolidayJson {
  date: string;
  name: string;
  kind: string;
  source: string;
}

describe.each(databaseKinds())('holiday calendar and areas (%s)', (kind) => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e(kind, { configOverrides: { publicRateLimit: 1000 } });
  });
  afterAll(async () => {
    await e?.stop();
  });

  describe('GET /api/calendar/holidays', () => {
    it('gives an admin the official list of a seeded year', async () => {
      const res = await e.http
        .get('/api/calendar/holidays?year=2026')
        .set(await e.as('admin'))
        .expect(200);
      const official = officialHolidays(2026)!;
      expect(res.body).toMatchObject({ year: 2026, source: 'OFFICIAL', stored: true, warning: null });
      expect(res.body.holidays).toEqual(official.map((h) => ({ ...h, source: 'OFFICIAL' })));
      expect(res.body.holidays).toContainEqual({
        date: '2026-12-24',
        name: expect.any(String),
        kind: 'CUTI_BERSAMA',
        source: 'OFFICIAL',
      });
    });

    it('gives the computed fallback with a warning for a year without any list', async () => {
      const res = await e.http
        .get('/api/calendar/holidays?year=2031')
        .set(await e.as('admin'))
        .expect(200);
      expect(res.body).toMatchObject({ year: 2031, source: 'FALLBACK', stored: false });
      expect(res.body.warning).toMatch(/Belum ada daftar resmi SKB 3 Menteri untuk tahun 2031/);
      const dates = (res.body.holidays as HolidayJson[]).map((h) => h.date);
      expect(dates).toEqual(expect.arrayContaining(['2031-01-01', '2031-08-17', '2031-12-25']));
      expect(dates.every((d) => d.startsWith('2031-'))).toBe(true);
      expect(
        (res.body.holidays as HolidayJson[]).every(
          (h) => h.source === 'FALLBACK' && h.kind === 'LIBUR_NASIONAL',
        ),
      ).toBe(true);
      // Reading never stores anything.
      expect(await e.db.orm.em.fork().count(HolidayRecord, { year: 2031 })).toBe(0);
    });

    it('answers a missing or bad year with 400 in Bahasa Indonesia', async () => {
      const auth = await e.as('admin');
      for (const query of ['', '?year=', '?year=dua-ribu', '?year=2026.5', '?year=1850', '?year=3000']) {
        const res = await e.http.get(`/api/calendar/holidays${query}`).set(auth).expect(400);
        expect(res.body).toEqual({
          statusCode: 400,
          error: 'Bad Request',
          message: expect.stringContaining('Tahun (year) wajib diisi'),
          fields: { year: res.body.message },
        });
      }
    });

    it('is for admins only: 401 without a token, 403 for every other role', async () => {
      await e.http.get('/api/calendar/holidays?year=2026').expect(401);
      for (const user of ['pengaduan', 'kadis', 'kabid', 'loket', 'kec-16.74.01', 'walikota']) {
        const res = await e.http
          .get('/api/calendar/holidays?year=2026')
          .set(await e.as(user))
          .expect(403);
        expect(res.body.message).toBe('Anda tidak berwenang melakukan tindakan ini.');
      }
    });
  });

  describe('PUT /api/calendar/holidays', () => {
    const valid = {
      holidays: [{ date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'LIBUR_NASIONAL' }],
    };

    it('is for admins only and changes nothing when refused', async () => {
      await e.http.put('/api/calendar/holidays?year=2027').send(valid).expect(401);
      for (const user of ['pengaduan', 'kadis', 'walikota']) {
        await e.http
          .put('/api/calendar/holidays?year=2027')
          .set(await e.as(user))
          .send(valid)
          .expect(403);
      }
      expect(await e.db.orm.em.fork().count(HolidayRecord, { year: 2027 })).toBe(0);
    });

    it('refuses an invalid list with 400 (malformed) or 422 (a rule of the list) saying which row to fix, and keeps the old list', async () => {
      const auth = await e.as('admin');
      const before = await e.db.orm.em.fork().count(HolidayRecord, { year: 2026 });
      const cases: [unknown, RegExp, number?][] = [
        [
          { holidays: [{ date: '2026-02-30', name: 'Tidak ada', kind: 'LIBUR_NASIONAL' }] },
          /Tanggal 2026-02-30 tidak ada di kalender/,
        ],
        [
          {
            holidays: [
              { date: '2026-01-01', name: 'Tahun Baru', kind: 'LIBUR_NASIONAL' },
              { date: '2027-01-01', name: 'Tahun lain', kind: 'LIBUR_NASIONAL' },
            ],
          },
          /Baris 2: tanggal 2027-01-01 tidak berada di tahun 2026/,
          422,
        ],
        [
          {
            holidays: [
              { date: '2026-01-01', name: 'Tahun Baru', kind: 'LIBUR_NASIONAL' },
              { date: '2026-01-01', name: 'Tahun Baru lagi', kind: 'LIBUR_NASIONAL' },
            ],
          },
          /lebih dari sekali/,
          422,
        ],
        [
          { holidays: [{ date: '1 Januari 2026', name: 'Tahun Baru', kind: 'LIBUR_NASIONAL' }] },
          /TTTT-BB-HH/,
        ],
        [
          { holidays: [{ date: '2026-01-01', name: '', kind: 'LIBUR_NASIONAL' }] },
          /Nama hari libur wajib diisi/,
        ],
        [
          { holidays: [{ date: '2026-01-01', name: 'Tahun Baru', kind: 'LIBUR' }] },
          /LIBUR_NASIONAL .* CUTI_BERSAMA/,
        ],
        [{ holidays: [] }, /tidak boleh kosong/],
        [{}, /holidays/],
        [{ holidays: valid.holidays, extra: 1 }, /Kolom "extra" tidak dikenal/],
      ];
      for (const [body, message, status = 400] of cases) {
        const res = await e.http
          .put('/api/calendar/holidays?year=2026')
          .set(auth)
          .send(body as object);
        expect({ status: res.status, message: res.body.message }).toEqual({
          status,
          message: expect.stringMatching(message),
        });
      }
      await e.http.put('/api/calendar/holidays?year=abc').set(auth).send(valid).expect(400);
      const em = e.db.orm.em.fork();
      expect(await em.count(HolidayRecord, { year: 2026 })).toBe(before);
      expect(await em.count(HolidayRecord, { year: 2026, source: 'ADMIN' })).toBe(0);
    });

    it('adds a cuti bersama day and moves the deadline of an open complaint', async () => {
      const { channel: _channel, ...publicBody } = staffComplaint();
      const created = await e.http.post('/api/public/complaints').send(publicBody).expect(201);
      const { trackingCode, id } = created.body;
      await eventually(
        async () =>
          (await e.db.orm.em.fork().count(AuditEvent, { complaintId: id, type: 'REGISTERED' })) === 1,
      );
      const tracked = await e.http.get(`/api/public/complaints/${trackingCode}`).expect(200);
      const dueBefore: string = tracked.body.dueAt;
      expect(dueBefore).toBe(created.body.dueAt);

      // The first working day after the day of receipt (WIB) becomes a cuti bersama day.
      const admin = await e.as('admin');
      let day = DateTime.fromISO(created.body.receivedAt).setZone('Asia/Jakarta').startOf('day');
      let list: HolidayJson[] = [];
      let added = '';
      while (!added) {
        day = day.plus({ days: 1 });
        const year = day.year;
        list = (await e.http.get(`/api/calendar/holidays?year=${year}`).set(admin).expect(200)).body.holidays;
        if (day.weekday <= 5 && !list.some((h) => h.date === day.toISODate())) added = day.toISODate()!;
      }
      const year = Number(added.slice(0, 4));
      const holidays = [
        ...list.map(({ date, name, kind }) => ({ date, name, kind })),
        { date: added, name: 'Cuti bersama tambahan', kind: 'CUTI_BERSAMA' },
      ];
      const res = await e.http
        .put(`/api/calendar/holidays?year=${year}`)
        .set(admin)
        .send({ holidays })
        .expect(200);
      expect(res.body).toMatchObject({
        year,
        source: 'ADMIN',
        stored: true,
        warning: null,
        saved: holidays.length,
        failedComplaints: 0,
      });
      expect(res.body.notifiedComplaints).toBeGreaterThanOrEqual(1);
      expect(res.body.holidays).toContainEqual({
        date: added,
        name: 'Cuti bersama tambahan',
        kind: 'CUTI_BERSAMA',
        source: 'ADMIN',
      });
      expect(await e.db.orm.em.fork().count(HolidayRecord, { year })).toBe(holidays.length);

      // The workflow recomputes: one working day fewer in the window, so the deadline moves later.
      let dueAfter = dueBefore;
      await eventually(async () => {
        dueAfter = (await e.http.get(`/api/public/complaints/${trackingCode}`).expect(200)).body.dueAt;
        return dueAfter !== dueBefore;
      });
      expect(new Date(dueAfter).getTime() - new Date(dueBefore).getTime()).toBeGreaterThanOrEqual(86_400_000);
      const complaint = await e.db.orm.em.fork().findOneOrFail(Complaint, { id });
      expect(complaint.dueAt?.toISOString()).toBe(dueAfter);

      const again = await e.http.get(`/api/calendar/holidays?year=${year}`).set(admin).expect(200);
      expect(again.body.source).toBe('ADMIN');
      expect((again.body.holidays as HolidayJson[]).map((h) => h.date)).toContain(added);
    });
  });

  describe('areas', () => {
    it('lists the 6 kecamatan of Kota Prabumulih with their 45 kelurahan, without a token', async () => {
      const res = await e.http.get('/api/areas').expect(200);
      expect(res.headers['cache-control']).toMatch(/max-age/);
      const kecamatan = res.body as {
        code: string;
        name: string;
        kelurahan: { code: string; name: string }[];
      }[];
      expect(kecamatan.map((k) => k.code)).toEqual([
        '16.74.01',
        '16.74.02',
        '16.74.03',
        '16.74.04',
        '16.74.05',
        '16.74.06',
      ]);
      expect(kecamatan.map((k) => k.name)).toEqual([
        'Prabumulih Barat',
        'Prabumulih Timur',
        'Cambai',
        'Rambang Kapak Tengah',
        'Prabumulih Utara',
        'Prabumulih Selatan',
      ]);
      expect(kecamatan.flatMap((k) => k.kelurahan)).toHaveLength(45);
      for (const k of kecamatan) {
        expect(k.kelurahan.length).toBeGreaterThan(0);
        for (const kel of k.kelurahan) expect(kel.code.startsWith(`${k.code}.`)).toBe(true);
      }
      // Exactly the master data of idn-area-data.
      const source = loadPrabumulihAreas();
      expect(kecamatan).toEqual(
        source.map((k) => ({
          code: k.code,
          name: k.name,
          kelurahan: [...k.kelurahan].sort((a, b) => a.code.localeCompare(b.code)),
        })),
      );
    });

    it('lets an admin correct an area name, and only an admin', async () => {
      await e.http.put('/api/areas/16.74.01.1007').send({ name: 'Patih Galung Baru' }).expect(401);
      await e.http
        .put('/api/areas/16.74.01.1007')
        .set(await e.as('pengaduan'))
        .send({ name: 'Patih Galung Baru' })
        .expect(403);
      const admin = await e.as('admin');
      const res = await e.http
        .put('/api/areas/16.74.01.1007')
        .set(admin)
        .send({ name: '  Patih  Galung Baru ' })
        .expect(200);
      expect(res.body).toEqual({
        code: '16.74.01.1007',
        level: 'KELURAHAN',
        name: 'Patih Galung Baru',
        parentCode: '16.74.01',
      });
      const list = await e.http.get('/api/areas').expect(200);
      expect(list.body[0].kelurahan).toContainEqual({ code: '16.74.01.1007', name: 'Patih Galung Baru' });
      expect(
        (await e.http.put('/api/areas/16.74.99').set(admin).send({ name: 'Tidak ada' }).expect(404)).body
          .message,
      ).toBe('Kode wilayah tidak ditemukan di Kota Prabumulih.');
      expect(
        (await e.http.put('/api/areas/16.74.01.1007').set(admin).send({ name: '' }).expect(400)).body.message,
      ).toMatch(/Nama wilayah wajib diisi/);
      await e.http.put('/api/areas/16.74.01.1007').set(admin).send({ name: 'Patih Galung' }).expect(200);
      expect((await e.db.orm.em.fork().findOneOrFail(Area, { code: '16.74.01.1007' })).name).toBe(
        'Patih Galung',
      );
    });
  });
});
