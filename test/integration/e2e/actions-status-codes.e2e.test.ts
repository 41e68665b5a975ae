/**
 * The status codes of the read, task and action endpoints (400, 401, 403, 404, 409, 422, 503), the
 * list filters, and who sees the complainant's personal data. Real app, dev server, database, worker.
 */
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { DateTime } from 'luxon';
import request from 'supertest';
import { createApp } from '../../../src/api/app.factory';
import { databaseKinds } from '../../helpers/databases';
import { freePort } from '../../helpers/dev-server';
import { type E2e, eventually, staffComplaint, startE2e } from '../../helpers/e2e';

const LOCATION = { kecamatan: '16.74.01', kelurahan: '16.74.01.1007' };
const NIK = '1674011203850001';
/** At most the first 4 and last 2 digits (src/domain/personal-data.ts). */
const MASKED_NIK = '1674**********01';
const MASKED_NAME = 'B*** S******';

describe.each(databaseKinds())('complaint actions: status codes and personal data (%s)', (kind) => {
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

  async function triaged(body: Record<string, unknown>, overrides: Record<string, unknown> = {}) {
    const id = await register(overrides);
    const res = await e.http
      .post(`/api/complaints/${id}/triage`)
      .set(await e.as('pengaduan'))
      .send(body)
      .expect(200);
    return { id, body: res.body };
  }

  const taskOf = (body: { tasks: { id: string; unit: string }[] }, unit: string) =>
    body.tasks.find((t) => t.unit === unit)!.id;
  const post = async (path: string, as: string | null, body: unknown) => {
    const req = e.http.post(path);
    if (as) req.set(await e.as(as));
    return req.send(body as object);
  };

  it('401 without a token or with a bad one, on every endpoint', async () => {
    const id = randomUUID();
    const calls = [
      () => e.http.get('/api/complaints'),
      () => e.http.get(`/api/complaints/${id}`),
      () => e.http.get('/api/tasks'),
      () => e.http.post(`/api/complaints/${id}/triage`).send({ category: 'RINGAN' }),
      () => e.http.post(`/api/complaints/${id}/recategorise`).send({ category: 'BERAT', reason: 'x' }),
      () => e.http.post(`/api/complaints/${id}/response`).send({ response: 'x' }),
      () => e.http.post(`/api/complaints/${id}/escalation-decision`).send({ decision: 'APPROVE' }),
      () => e.http.post(`/api/tasks/${id}:1:LOKET/complete`).send({ outcome: 'x' }),
    ];
    for (const call of calls) {
      const none = await call();
      expect(none.status).toBe(401);
      expect(none.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Anda harus masuk (login) terlebih dahulu.',
      });
      const bad = await call().set({ Authorization: 'Bearer bukan.token.sah' });
      expect(bad.status).toBe(401);
      expect(bad.body.message).toMatch(/Sesi tidak valid/);
    }
  });

  it('403 for roles and units the SOP does not allow, before anything changes', async () => {
    const { id, body } = await triaged({ category: 'SEDANG', location: LOCATION });
    const refused: [string, string, unknown][] = [
      [`/api/complaints/${id}/triage`, 'loket', { category: 'RINGAN' }],
      [`/api/complaints/${id}/triage`, 'walikota', { category: 'RINGAN' }],
      [`/api/complaints/${id}/triage`, 'admin', { category: 'RINGAN' }],
      [`/api/complaints/${id}/recategorise`, 'pengaduan', { category: 'BERAT', reason: 'Meluas' }],
      [`/api/complaints/${id}/recategorise`, 'walikota', { category: 'BERAT', reason: 'Meluas' }],
      [`/api/complaints/${id}/response`, 'kabid', { response: 'Selesai' }],
      [`/api/complaints/${id}/escalation-decision`, 'kadis', { decision: 'APPROVE' }],
      [`/api/complaints/${id}/escalation-decision`, 'admin', { decision: 'APPROVE' }],
      [`/api/tasks/${taskOf(body, 'TIM_TEKNIS')}/complete`, 'walikota', { outcome: 'Selesai' }],
      [`/api/tasks/${taskOf(body, 'TIM_TEKNIS')}/complete`, 'admin', { outcome: 'Selesai' }],
    ];
    for (const [path, as, payload] of refused) {
      const res = await post(path, as, payload);
      expect([path, as, res.status]).toEqual([path, as, 403]);
      expect(res.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: 'Anda tidak berwenang melakukan tindakan ini.',
      });
    }
    // The front desk answers RINGAN cases only (SOP B.3): for this SEDANG case, the rule says why.
    const loket = await post(`/api/complaints/${id}/response`, 'loket', { response: 'Selesai' });
    expect(loket.status).toBe(403);
    expect(loket.body.message).toBe(
      'Tanggapan pengaduan kategori SEDANG hanya diberikan oleh Seksi Pengaduan dan Informasi Layanan.',
    );
    await e.http
      .get('/api/tasks')
      .set(await e.as('walikota'))
      .expect(403);
    await e.http
      .get('/api/tasks')
      .set(await e.as('admin'))
      .expect(403);

    // A unit completes only its own tasks, and local officials only those of their own area.
    const other = await post(`/api/tasks/${taskOf(body, 'TIM_TEKNIS')}/complete`, 'kebijakan', {
      outcome: 'Selesai',
    });
    expect(other.status).toBe(403);
    expect(other.body.message).toBe('Tugas ini bukan milik unit Anda.');
    const otherArea = await post(`/api/tasks/${taskOf(body, 'KELURAHAN')}/complete`, 'kel-16.74.01.1001', {
      outcome: 'Selesai',
    });
    expect(otherArea.status).toBe(403);
    expect(otherArea.body.message).toBe('Tugas ini untuk aparatur wilayah lain.');
    const otherKecamatan = await post(`/api/tasks/${taskOf(body, 'KECAMATAN')}/complete`, 'kec-16.74.02', {
      outcome: 'Selesai',
    });
    expect(otherKecamatan.status).toBe(403);

    const after = await detail(id);
    expect(after.status).toBe('IN_PROGRESS');
    expect(after.tasks.every((t: { status: string }) => t.status === 'OPEN')).toBe(true);
    expect(after.timeline.map((t: { type: string }) => t.type)).toEqual([
      'RECEIVED',
      'REGISTERED',
      'TRIAGED',
    ]);
  });

  it('404 for unknown or malformed complaint and task ids', async () => {
    const unknown = randomUUID();
    for (const id of [unknown, 'bukan-uuid', "1' or '1'='1", 'x'.repeat(300)]) {
      const res = await e.http
        .get(`/api/complaints/${encodeURIComponent(id)}`)
        .set(await e.as('admin'))
        .expect(404);
      expect(res.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'Pengaduan tidak ditemukan.',
      });
    }
    const actions: [string, string, unknown][] = [
      [`/api/complaints/${unknown}/triage`, 'pengaduan', { category: 'RINGAN' }],
      [`/api/complaints/${unknown}/recategorise`, 'kabid', { category: 'BERAT', reason: 'Meluas' }],
      [`/api/complaints/${unknown}/response`, 'pengaduan', { response: 'Selesai' }],
      [`/api/complaints/${unknown}/escalation-decision`, 'walikota', { decision: 'APPROVE' }],
      ['/api/complaints/bukan-uuid/triage', 'pengaduan', { category: 'RINGAN' }],
    ];
    for (const [path, as, payload] of actions) {
      const res = await post(path, as, payload);
      expect([path, res.status, res.body.message]).toEqual([path, 404, 'Pengaduan tidak ditemukan.']);
    }
    for (const taskId of [`${unknown}:1:LOKET`, 'tidak-ada', 't'.repeat(200)]) {
      const res = await post(`/api/tasks/${taskId}/complete`, 'loket', { outcome: 'Selesai' });
      expect(res.status).toBe(404);
      expect(res.body.message).toBe('Tugas tidak ditemukan.');
    }
  });

  it('400 for invalid filters and bodies, with the reason in Bahasa Indonesia', async () => {
    const admin = await e.as('admin');
    const filters: [string, RegExp][] = [
      ['status=SELESAI', /Status wajib salah satu dari/],
      ['category=SEDIKIT', /Kategori wajib salah satu dari/],
      ['overdue=mungkin', /overdue wajib bernilai true atau false/],
      ['unit=PEMADAM', /Unit wajib salah satu dari/],
      ['page=0', /page\) paling kecil 1/],
      ['page=satu', /page\) wajib berupa bilangan bulat/],
      ['page=1e30', /page\)/],
      ['pageSize=101', /pageSize\) paling besar 100/],
      ['pageSize=2.5', /pageSize\) wajib berupa bilangan bulat/],
      ['from=kemarin', /from\) wajib berformat tanggal ISO 8601/],
      ['to=2026-13-40', /to\) wajib berformat tanggal ISO 8601/],
      ['status=RESOLVED&status=REJECTED', /Status wajib/],
      // `sort` is a parameter (issue 15: oldest first for the triage queue); unknown ones are refused.
      ['urutan=asc', /Kolom "urutan" tidak dikenal/],
      ['sort=asc', /Urutan \(sort\) wajib salah satu dari/],
      ['q=%3Cb%3E', /nomor register .* atau kode pelacakan/],
    ];
    for (const [query, message] of filters) {
      const res = await e.http.get(`/api/complaints?${query}`).set(admin);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body.message).toMatch(message);
    }
    // Well-formed dates in the wrong order: refused by a rule (422), not by the schema.
    const reversed = await e.http.get('/api/complaints?from=2026-11-30&to=2026-11-01').set(admin);
    expect(reversed.status).toBe(422);
    expect(reversed.body.message).toMatch(/tidak boleh setelah tanggal akhir/);
    const tasks = await e.http
      .get('/api/tasks?status=SELESAI')
      .set(await e.as('loket'))
      .expect(400);
    expect(tasks.body.message).toBe('Status tugas wajib OPEN atau DONE.');

    const fresh = await register({ location: undefined });
    const triage: [unknown, RegExp][] = [
      [{}, /Kategori pengaduan .* atau penolakan \(reject\) wajib diisi/],
      [{ category: 'SEDANG', reject: { reason: 'Di luar lingkup' } }, /tidak keduanya/],
      [{ category: 'SANGAT_BERAT' }, /Kategori pengaduan wajib salah satu dari/],
      [{ category: 'SEDANG', location: 'Prabumulih' }, /Lokasi wajib berupa objek/],
      [{ category: 'SEDANG', location: { kecamatan: '16.74.01' } }, /Kode kelurahan/],
      [{ reject: { reason: '' } }, /Alasan penolakan wajib diisi/],
      [{ category: 'RINGAN', prioritas: 'tinggi' }, /Kolom "prioritas" tidak dikenal/],
      [{ reject: { reason: 'x', kode: 1 } }, /Kolom "reject.kode" tidak dikenal/],
    ];
    for (const [body, message] of triage) {
      const res = await post(`/api/complaints/${fresh}/triage`, 'pengaduan', body);
      expect([body, res.status]).toEqual([body, 400]);
      expect(res.body.message).toMatch(message);
    }
    // Well-formed data a rule refuses (422): area codes the master data does not know, a kelurahan of
    // another kecamatan, a reason of only whitespace (it passes the DTO, as a schema's minLength).
    for (const [body, message] of [
      [
        { category: 'SEDANG', location: { kecamatan: '16.74.03', kelurahan: '16.74.01.1007' } },
        /tidak berada di kecamatan/,
      ],
      [{ reject: { reason: '   ' } }, /^Alasan penolakan wajib diisi\.$/],
      [{ reject: { reason: '\u00a0' } }, /^Alasan penolakan wajib diisi\.$/],
      [
        { category: 'SEDANG', location: { kecamatan: '16.74.09', kelurahan: '16.74.09.1001' } },
        /Kecamatan tidak dikenal/,
      ],
      [
        { category: 'SEDANG', location: { ...LOCATION, kelurahan: '16.74.01.9999' } },
        /Kelurahan\/desa tidak dikenal/,
      ],
    ] as [unknown, RegExp][]) {
      const res = await post(`/api/complaints/${fresh}/triage`, 'pengaduan', body);
      expect([body, res.status]).toEqual([body, 422]);
      expect(res.body.message).toMatch(message);
    }
    const malformed = await e.http
      .post(`/api/complaints/${fresh}/triage`)
      .set(await e.as('pengaduan'))
      .set('Content-Type', 'application/json')
      .send('{"category": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.statusCode).toBe(400);

    const { id, body } = await triaged({ category: 'RINGAN' });
    const decisions: [unknown, RegExp][] = [
      [{}, /Keputusan wajib salah satu dari/],
      [{ decision: 'TUNDA' }, /Keputusan wajib salah satu dari/],
      [{ decision: 'APPROVE', units: ['TIM_TEKNIS'] }, /hanya diisi untuk keputusan FURTHER_STUDY/],
      [
        { decision: 'FURTHER_STUDY', units: ['LOKET', 'TIM_TEKNIS'] },
        /bukan unit penanganan pengaduan BERAT: LOKET/,
      ],
      [{ decision: 'FURTHER_STUDY', units: 'TIM_TEKNIS' }, /Daftar unit wajib berupa daftar/],
      [{ decision: 'FURTHER_STUDY', units: ['PEMADAM'] }, /Setiap unit wajib salah satu dari/],
    ];
    for (const [payload, message] of decisions) {
      const res = await post(`/api/complaints/${id}/escalation-decision`, 'walikota', payload);
      expect([payload, res.status]).toEqual([payload, 400]);
      expect(res.body.message).toMatch(message);
    }
    const recategorise = await post(`/api/complaints/${id}/recategorise`, 'kabid', { category: 'BERAT' });
    expect(recategorise.status).toBe(400);
    expect(recategorise.body.message).toMatch(/Alasan perubahan kategori wajib/);
    const respond = await post(`/api/complaints/${id}/response`, 'pengaduan', {});
    expect(respond.status).toBe(400);
    expect(respond.body.message).toMatch(/Isi tanggapan wajib/);
    const loketTask = taskOf(body, 'LOKET');
    const empty = await post(`/api/tasks/${loketTask}/complete`, 'loket', {});
    expect(empty.status).toBe(400);
    expect(empty.body.message).toMatch(/Hasil penanganan \(outcome\) wajib/);
    const blank = await post(`/api/tasks/${loketTask}/complete`, 'loket', { outcome: '  ' });
    expect(blank.status).toBe(422);
    expect(blank.body.message).toBe('Hasil penanganan (outcome) wajib diisi.');
    // Nothing was recorded by any of these.
    const after = await detail(id);
    expect(after.tasks.every((t: { status: string }) => t.status === 'OPEN')).toBe(true);
    expect(after.category).toBe('RINGAN');
    expect((await detail(fresh)).status).toBe('RECEIVED');
  });

  it('never answers odd input with a 500', async () => {
    const { id, body } = await triaged({ category: 'RINGAN' });
    const odd = [
      '[]',
      '[{"category":"RINGAN"}]',
      '"teks"',
      '123',
      'true',
      'null',
      '{"category":["RINGAN"]}',
      '{"category":null}',
      '{"category":{"$ne":null}}',
      '{"location":[]}',
      '{"reject":null}',
      '{"reject":[]}',
      '{"reject":{"reason":12}}',
      '{"decision":"FURTHER_STUDY","units":[null]}',
      '{"decision":"FURTHER_STUDY","units":[[]]}',
      '{"outcome":{"teks":"x"}}',
      `{"outcome":"${'x'.repeat(6000)}"}`,
      '{"response":["x"]}',
      '{"__proto__":{"category":"RINGAN"}}',
      '{"constructor":{"prototype":{"admin":true}}}',
    ];
    const endpoints: [string, string][] = [
      [`/api/complaints/${id}/triage`, 'pengaduan'],
      [`/api/complaints/${id}/recategorise`, 'kabid'],
      [`/api/complaints/${id}/response`, 'pengaduan'],
      [`/api/complaints/${id}/escalation-decision`, 'walikota'],
      [`/api/tasks/${taskOf(body, 'LOKET')}/complete`, 'loket'],
    ];
    for (const [path, as] of endpoints) {
      for (const payload of odd) {
        const res = await e.http
          .post(path)
          .set(await e.as(as))
          .set('Content-Type', 'application/json')
          .send(payload);
        expect([path, payload.slice(0, 60), res.status]).toEqual([path, payload.slice(0, 60), 400]);
        expect(res.body).toEqual({
          statusCode: 400,
          error: 'Bad Request',
          message: expect.any(String),
          // Each field at fault by its path, when the refusal names fields.
          ...(res.body.fields ? { fields: expect.any(Object) } : {}),
        });
        // In Bahasa Indonesia, never class-validator's or NestJS's own English.
        expect(res.body.message).not.toMatch(/Validation failed|must be|should not|is expected/);
        // An array is not an object with fields "0", "1", ...: it is refused as a whole.
        if (payload.startsWith('['))
          expect(res.body).toEqual({
            statusCode: 400,
            error: 'Bad Request',
            message: 'Isi permintaan harus berupa objek JSON.',
          });
      }
    }
    const queries = [
      'page=-1',
      'pageSize=',
      'from=',
      'unit[]=LOKET',
      'status[$ne]=RECEIVED',
      'overdue=1',
      'to=2026-02-30',
    ];
    for (const q of queries) {
      const res = await e.http.get(`/api/complaints?${q}`).set(await e.as('admin'));
      expect([q, res.status]).toEqual([q, 400]);
    }
    // Nothing changed.
    const after = await detail(id);
    expect(after).toMatchObject({ category: 'RINGAN', status: 'IN_PROGRESS', decisions: [] });
    expect(after.tasks.every((t: { status: string }) => t.status === 'OPEN')).toBe(true);
  });

  it('409 when the action does not fit the complaint state', async () => {
    const fresh = await register();
    const notTriaged = await post(`/api/complaints/${fresh}/recategorise`, 'kabid', {
      category: 'BERAT',
      reason: 'Meluas',
    });
    expect(notTriaged.status).toBe(409);
    expect(notTriaged.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'Pengaduan belum ditriase; tentukan kategori melalui triase.',
    });

    const { id, body } = await triaged({ category: 'RINGAN' });
    const again = await post(`/api/complaints/${id}/triage`, 'pengaduan', {
      category: 'SEDANG',
      location: LOCATION,
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('Pengaduan ini sudah ditriase.');

    const early = await post(`/api/complaints/${id}/response`, 'pengaduan', { response: 'Selesai' });
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/penanganan pengaduan belum selesai/);

    const notAwaiting = await post(`/api/complaints/${id}/escalation-decision`, 'walikota', {
      decision: 'APPROVE',
    });
    expect(notAwaiting.status).toBe(409);
    expect(notAwaiting.body.message).toBe(
      'Pengaduan ini tidak sedang menunggu keputusan Kepala Daerah (status saat ini: IN_PROGRESS).',
    );

    // The same task completed twice at once: one wins, the other is told it is done.
    const loketTask = taskOf(body, 'LOKET');
    const both = await Promise.all(
      [1, 2].map(() => post(`/api/tasks/${loketTask}/complete`, 'loket', { outcome: 'Biaya dijelaskan' })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)!.body.message).toBe('Tugas ini sudah diselesaikan.');
    const third = await post(`/api/tasks/${loketTask}/complete`, 'loket', { outcome: 'Lagi' });
    expect(third.status).toBe(409);
    expect(third.body.message).toBe('Tugas ini sudah diselesaikan.');
    const done = (await detail(id)).tasks.find((t: { id: string }) => t.id === loketTask);
    expect(done).toMatchObject({ status: 'DONE', outcome: 'Biaya dijelaskan', completedBy: 'loket' });

    // A rejected complaint is closed: every action is a conflict.
    const { id: rejected } = await triaged({ reject: { reason: 'Di luar lingkup perizinan.' } });
    await eventually(async () => (await detail(rejected)).status === 'REJECTED');
    const closed: [string, string, unknown][] = [
      [`/api/complaints/${rejected}/triage`, 'pengaduan', { category: 'RINGAN' }],
      [
        `/api/complaints/${rejected}/recategorise`,
        'kadis',
        { category: 'BERAT', reason: 'x', location: LOCATION },
      ],
      [`/api/complaints/${rejected}/response`, 'pengaduan', { response: 'Selesai' }],
      [`/api/complaints/${rejected}/escalation-decision`, 'walikota', { decision: 'APPROVE' }],
    ];
    for (const [path, as, payload] of closed) {
      const res = await post(path, as, payload);
      expect([path, res.status]).toEqual([path, 409]);
      expect(res.body.message).toMatch(/sudah ditolak dan ditutup|tidak sedang menunggu keputusan/);
    }
  });

  it('422 when a rule of the SOP refuses the action', async () => {
    const noLocation = await register({ location: undefined });
    const sedang = await post(`/api/complaints/${noLocation}/triage`, 'pengaduan', { category: 'SEDANG' });
    expect(sedang.status).toBe(422);
    expect(sedang.body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: 'Pengaduan kategori SEDANG wajib menyertakan lokasi (kecamatan dan kelurahan).',
    });
    expect((await detail(noLocation)).status).toBe('RECEIVED');

    const ringan = await post(`/api/complaints/${noLocation}/triage`, 'pengaduan', { category: 'RINGAN' });
    expect(ringan.status).toBe(200);
    const upNoLocation = await post(`/api/complaints/${noLocation}/recategorise`, 'kabid', {
      category: 'BERAT',
      reason: 'Meluas',
    });
    expect(upNoLocation.status).toBe(422);
    expect(upNoLocation.body.message).toMatch(/BERAT wajib menyertakan lokasi/);

    const { id } = await triaged({ category: 'SEDANG', location: LOCATION });
    const down = await post(`/api/complaints/${id}/recategorise`, 'kadis', {
      category: 'RINGAN',
      reason: 'Ringan saja',
    });
    expect(down.status).toBe(422);
    expect(down.body.message).toBe('Kategori hanya dapat dinaikkan (saat ini SEDANG).');
    expect((await detail(id)).category).toBe('SEDANG');
  });

  it('shows personal data only to ADMIN and the handling units; masks the name and NIK elsewhere', async () => {
    const id = await register();
    const full = {
      name: 'Budi Santoso',
      nik: NIK,
      address:
        'Jl. Jend. Sudirman No. 10, RT 002/RW 003, Kel. Patih Galung, Kec. Prabumulih Barat, Kota Prabumulih',
      phone: '081234567890',
      email: 'budi@example.com',
    };
    const masked = { name: MASKED_NAME, nik: MASKED_NIK, address: null, phone: null, email: null };
    const sees = async (username: string) => {
      const body = await detail(id, username);
      return { complainant: body.complainant, visible: body.personalDataVisible };
    };

    // Before triage no unit other than intake and triage has a task.
    expect(await sees('kebijakan')).toEqual({ complainant: masked, visible: false });
    expect(await sees('loket')).toEqual({ complainant: full, visible: true });
    const listedAs = async (username: string) => {
      const list = await e.http
        .get('/api/complaints?pageSize=100')
        .set(await e.as(username))
        .expect(200);
      expect(JSON.stringify(list.body)).not.toContain(NIK);
      return list.body.items.find((c: { id: string }) => c.id === id).complainant;
    };
    expect(await listedAs('kebijakan')).toEqual({ name: MASKED_NAME, nik: MASKED_NIK });

    await post(`/api/complaints/${id}/triage`, 'pengaduan', { category: 'SEDANG', location: LOCATION });
    for (const username of [
      'admin',
      'pengaduan',
      'loket',
      'kebijakan',
      'kadis',
      'teknis',
      'kec-16.74.01',
      'kel-16.74.01.1007',
    ]) {
      expect([username, await sees(username)]).toEqual([username, { complainant: full, visible: true }]);
    }
    // A unit without a task, the local officials of other areas, and the Kepala Daerah see no NIK.
    for (const username of ['pelaporan', 'kec-16.74.02', 'kel-16.74.01.1001', 'walikota']) {
      const res = await e.http
        .get(`/api/complaints/${id}`)
        .set(await e.as(username))
        .expect(200);
      expect([username, res.body.complainant, res.body.personalDataVisible]).toEqual([
        username,
        masked,
        false,
      ]);
      expect(JSON.stringify(res.body)).not.toContain(NIK);
      expect(JSON.stringify(res.body)).not.toContain('Sudirman');
      expect(JSON.stringify(res.body)).not.toContain('Budi Santoso');
      // Nor in the list: the name as masked as on the detail page.
      expect([username, await listedAs(username)]).toEqual([
        username,
        { name: MASKED_NAME, nik: MASKED_NIK },
      ]);
    }
    // A unit with a task on the complaint sees the name in the list too (the NIK stays masked there).
    for (const username of ['kebijakan', 'kel-16.74.01.1007', 'loket'])
      expect([username, await listedAs(username)]).toEqual([
        username,
        { name: 'Budi Santoso', nik: MASKED_NIK },
      ]);

    // Lists always mask the NIK and carry no contact data, whoever asks.
    const list = await e.http
      .get('/api/complaints?pageSize=100')
      .set(await e.as('admin'))
      .expect(200);
    const item = list.body.items.find((c: { id: string }) => c.id === id);
    expect(item.complainant).toEqual({ name: 'Budi Santoso', nik: MASKED_NIK });
    expect(JSON.stringify(list.body)).not.toContain(NIK);
    expect(JSON.stringify(list.body)).not.toContain('budi@example.com');
  });

  it('lists with filters and pagination, newest first', async () => {
    // Received four weeks ago (a letter logged late): past its 10-working-day deadline already.
    const wib = (daysAgo: number) =>
      DateTime.now().setZone('Asia/Jakarta').minus({ days: daysAgo }).set({ hour: 10 }).toUTC();
    const [olderAt, newerAt] = [wib(29), wib(28)];
    const older = await register({ receivedAt: olderAt.toISO() });
    const newer = await register({ receivedAt: newerAt.toISO() });
    const from = olderAt.setZone('Asia/Jakarta').toISODate();
    const to = newerAt.setZone('Asia/Jakarta').toISODate();
    const admin = await e.as('admin');
    // The workflow's deadline timer fires at once and flags both overdue.
    await eventually(async () => (await detail(older)).overdue && (await detail(newer)).overdue);

    const page1 = await e.http.get(`/api/complaints?from=${from}&to=${to}&pageSize=1`).set(admin).expect(200);
    expect(page1.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(page1.body.items.map((c: { id: string }) => c.id)).toEqual([newer]);
    const page2 = await e.http
      .get(`/api/complaints?from=${from}&to=${to}&pageSize=1&page=2`)
      .set(admin)
      .expect(200);
    expect(page2.body.items.map((c: { id: string }) => c.id)).toEqual([older]);
    const page3 = await e.http
      .get(`/api/complaints?from=${from}&to=${to}&pageSize=1&page=3`)
      .set(admin)
      .expect(200);
    expect(page3.body).toMatchObject({ items: [], total: 2, page: 3 });
    const oneDay = await e.http.get(`/api/complaints?from=${to}&to=${to}`).set(admin).expect(200);
    expect(oneDay.body.items.map((c: { id: string }) => c.id)).toEqual([newer]);
    expect(oneDay.body.items[0]).toEqual({
      id: newer,
      registerNumber: expect.stringMatching(/^\d{4}\/\d{2}\/\d{4}$/),
      trackingCode: expect.stringMatching(/^[A-Z2-9]{10}$/),
      channel: 'EMAIL',
      category: null,
      status: 'RECEIVED',
      receivedAt: newerAt.toJSDate().toISOString(),
      dueAt: expect.any(String),
      overdue: true,
      location: LOCATION,
      identityMode: 'BIASA',
      objectedAt: null,
      complainant: { name: 'Budi Santoso', nik: MASKED_NIK },
    });
    expect(new Date(oneDay.body.items[0].dueAt).getTime()).toBeLessThan(Date.now());

    // Defaults: page 1 of 20, newest first.
    const all = await e.http.get('/api/complaints').set(admin).expect(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 20 });
    const received = all.body.items.map((c: { receivedAt: string }) => c.receivedAt);
    expect(received).toEqual([...received].sort().reverse());

    // Category, unit, status and overdue filters.
    const { id: sedang } = await triaged({ category: 'SEDANG', location: LOCATION });
    const { id: ringan } = await triaged({ category: 'RINGAN' });
    const ids = async (query: string) =>
      (await e.http.get(`/api/complaints?pageSize=100&${query}`).set(admin).expect(200)).body.items.map(
        (c: { id: string }) => c.id,
      );
    expect(await ids('category=SEDANG')).toContain(sedang);
    expect(await ids('category=SEDANG')).not.toContain(ringan);
    expect(await ids('unit=KELURAHAN')).toContain(sedang);
    expect(await ids('unit=KELURAHAN')).not.toContain(ringan);
    expect(await ids('unit=LOKET')).toContain(ringan);
    expect(await ids('unit=LOKET')).not.toContain(sedang);
    expect(await ids('status=RECEIVED')).toEqual(expect.arrayContaining([older, newer]));
    expect(await ids('status=RECEIVED')).not.toContain(sedang);
    expect(await ids('overdue=true')).toEqual([newer, older]);
    expect(await ids('overdue=false')).not.toContain(older);
    expect(await ids('overdue=false')).toContain(sedang);

    // The unit's inbox: open tasks of its own unit (and area), with the complaint's deadline.
    const inbox = await e.http
      .get('/api/tasks?status=OPEN&pageSize=100')
      .set(await e.as('kel-16.74.01.1007'))
      .expect(200);
    expect(inbox.body).toMatchObject({ page: 1, pageSize: 100 });
    const task = inbox.body.items.find((t: { complaintId: string }) => t.complaintId === sedang);
    expect(task).toMatchObject({
      unit: 'KELURAHAN',
      area: '16.74.01.1007',
      status: 'OPEN',
      // complaint.status is the record's; it lags right after triage (the workflow records TRIAGED
      // before it opens the tasks), so it is not asserted here.
      complaint: {
        id: sedang,
        category: 'SEDANG',
        overdue: false,
        dueAt: expect.any(String),
      },
    });
    expect(inbox.body.items.every((t: { unit: string; area: string }) => t.area === '16.74.01.1007')).toBe(
      true,
    );
    const doneInbox = await e.http
      .get('/api/tasks?status=DONE')
      .set(await e.as('kel-16.74.01.1007'))
      .expect(200);
    expect(doneInbox.body.items).toEqual([]);
  });

  describe('when no worker runs the workflow', () => {
    // The API starts workflows on a task queue no worker polls: Temporal is up but nothing runs the
    // complaint's workflow, so an action would wait indefinitely without the API's deadline.
    let stalled: INestApplication;
    const actionTimeoutMs = 2_000;
    beforeAll(async () => {
      stalled = await createApp({
        ...e.config,
        temporal: { ...e.config.temporal, taskQueue: `tanpa-worker-${kind}`, actionTimeoutMs },
      });
      await stalled.init();
    });
    afterAll(async () => {
      await stalled?.close();
    });

    it('answers actions with 503 in Bahasa once the action timeout has passed, not never', async () => {
      const registered = await request(stalled.getHttpServer())
        .post('/api/complaints')
        .set(await e.as('loket'))
        .send(staffComplaint())
        .expect(201);
      const id = registered.body.id as string;
      const started = Date.now();
      const triage = await request(stalled.getHttpServer())
        .post(`/api/complaints/${id}/triage`)
        .set(await e.as('pengaduan'))
        .send({ category: 'BERAT' })
        .expect(503);
      const waited = Date.now() - started;
      expect(triage.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message:
          'Mesin proses pengaduan (Temporal) tidak menjawab tepat waktu. Periksa pengaduan ini lalu coba lagi bila perlu.',
      });
      expect(waited).toBeGreaterThanOrEqual(actionTimeoutMs - 100);
      const decision = await request(stalled.getHttpServer())
        .post(`/api/complaints/${id}/escalation-decision`)
        .set(await e.as('walikota'))
        .send({ decision: 'APPROVE' })
        .expect(503);
      expect(decision.body.message).toMatch(/Temporal/);
      expect((await detail(id)).status).toBe('RECEIVED');
    });
  });

  describe('when Temporal cannot be reached', () => {
    let down: INestApplication;
    beforeAll(async () => {
      const address = `127.0.0.1:${await freePort()}`;
      down = await createApp({ ...e.config, temporal: { ...e.config.temporal, address } });
      await down.init();
    });
    afterAll(async () => {
      await down?.close();
    });

    it('still reads the detail (live null, with a note) and answers actions with 503', async () => {
      const id = await register();
      const token = { Authorization: `Bearer ${await e.token('pengaduan')}` };
      const read = await request(down.getHttpServer()).get(`/api/complaints/${id}`).set(token).expect(200);
      expect(read.body).toMatchObject({ id, status: 'RECEIVED', live: null });
      expect(read.body.liveNote).toMatch(/Temporal/);
      const triage = await request(down.getHttpServer())
        .post(`/api/complaints/${id}/triage`)
        .set(token)
        .send({ category: 'RINGAN' })
        .expect(503);
      expect(triage.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: expect.stringMatching(/Temporal/),
      });
      // The running system was not touched.
      expect((await detail(id)).status).toBe('RECEIVED');
    });
  });
});
