/** Public tracking by code (nothing personal in the answer) and the rate limit of the public endpoints. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AuditEvent, Complaint } from '../../../src/db/entities';
import { PRIVACY_NOTICE_VERSION } from '../../../src/domain/privacy-notice';
import {
  completeTaskUpdate,
  respondUpdate,
  stateQuery,
  triageUpdate,
} from '../../../workflows/complaint/definitions';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, eventually, staffComplaint, startE2e } from '../../helpers/e2e';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const PERSON = {
  name: 'Rahmawati Kusumadewi',
  nik: '1674015505900002',
  address: 'Jl. Merdeka Gang Kenanga No. 77, Prabumulih',
  phone: '081377788899',
  email: 'rahma.kusuma@example.com',
};
const DESCRIPTION =
  'Asap pabrik karet mengganggu warga sejak izinnya terbit, waktu dan biaya layanan tidak jelas.';

/** Every string the public answer must never contain. */
const PERSONAL = [...Object.values(PERSON), DESCRIPTION, 'Kenanga', 'Kusumadewi'];

const TRACKING_KEYS = [
  'trackingCode',
  'registerNumber',
  'status',
  'statusLabel',
  'category',
  'channel',
  'receivedAt',
  'dueAt',
  'overdue',
  'licensingService',
  'stages',
  'units',
  'response',
  'rejectionReason',
  'forwarded',
  'objection',
  'objectionOpenUntil',
  'triageDueAt',
  'decisionDueAt',
].sort();

describe.each(databaseKinds())('public tracking (%s)', (kind) => {
  let e: E2e;
  // Evidence uploaded by the tests goes to a temporary folder, not the project's data/.
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pengaduan-tracking-'));
    e = await startE2e(kind, { configOverrides: { publicRateLimit: 1000, dataDir } });
  });
  afterAll(async () => {
    await e?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const submit = async () => {
    const res = await e.http
      .post('/api/public/complaints')
      .send({
        complainant: PERSON,
        description: DESCRIPTION,
        evidence: ['Foto cerobong asap'],
        privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
      })
      .expect(201);
    await eventually(
      async () =>
        (await e.db.orm.em.fork().count(AuditEvent, { complaintId: res.body.id, type: 'REGISTERED' })) === 1,
    );
    const complaint = await e.db.orm.em.fork().findOneOrFail(Complaint, { id: res.body.id });
    return { ...res.body, workflowId: complaint.workflowId } as {
      id: string;
      trackingCode: string;
      registerNumber: string;
      receivedAt: string;
      dueAt: string;
      workflowId: string;
    };
  };
  const track = async (code: string) => (await e.http.get(`/api/public/complaints/${code}`).expect(200)).body;
  const expectNothingPersonal = (body: unknown, extra: string[] = []) => {
    const json = JSON.stringify(body);
    for (const secret of [...PERSONAL, ...extra]) expect(json).not.toContain(secret);
    expect(json).not.toMatch(/"(actor|details|complainant\w*|description|id|complaintId|uploadedBy)"/);
  };

  it('shows the progress of a new complaint, without a token and without anything personal', async () => {
    const created = await submit();
    const body = await track(created.trackingCode);
    expect(Object.keys(body).sort()).toEqual(TRACKING_KEYS);
    expect(body).toMatchObject({
      trackingCode: created.trackingCode,
      registerNumber: created.registerNumber,
      status: 'RECEIVED',
      statusLabel: expect.stringMatching(/Diterima/),
      category: null,
      channel: 'WEBSITE',
      receivedAt: created.receivedAt,
      dueAt: created.dueAt,
      overdue: false,
      response: null,
      rejectionReason: null,
    });
    expect(body.stages.map((s: { type: string }) => s.type)).toEqual(['RECEIVED', 'REGISTERED']);
    // No unit has a task before triage.
    expect(body.units).toEqual([]);
    for (const stage of body.stages) {
      expect(Object.keys(stage).sort()).toEqual(['at', 'label', 'type', 'unit']);
      expect(new Date(stage.at).toISOString()).toBe(stage.at);
    }
    expectNothingPersonal(body, [created.id]);
    // Codes are typed by people: case and surrounding spaces do not matter.
    const lower = await track(encodeURIComponent(` ${created.trackingCode.toLowerCase()} `));
    expect(lower.registerNumber).toBe(created.registerNumber);
  });

  it('shows no staff usernames, even when staff act on the complaint', async () => {
    const res = await e.http
      .post('/api/complaints')
      .set(await e.as('kec-16.74.03'))
      .send(staffComplaint({ complainant: { ...PERSON }, description: DESCRIPTION }))
      .expect(201);
    await e.http
      .post(`/api/complaints/${res.body.id}/attachments`)
      .set(await e.as('kec-16.74.03'))
      .attach('file', PNG, { filename: `KTP ${PERSON.name}.png`, contentType: 'image/png' })
      .expect(201);
    const body = await track(res.body.trackingCode);
    expect(body.channel).toBe('EMAIL');
    expect(body.stages.map((s: { type: string }) => s.type)).toEqual(
      expect.arrayContaining(['RECEIVED', 'ATTACHMENT_ADDED']),
    );
    expectNothingPersonal(body, ['kec-16.74.03', 'KTP', res.body.id]);
  });

  it('follows the case to RESOLVED and shows the response only then', async () => {
    const created = await submit();
    const handle = e.temporal.workflow.getHandle(created.workflowId);
    await handle.executeUpdate(triageUpdate, {
      args: [
        {
          actor: { username: 'pengaduan', unit: 'SEKSI_PENGADUAN' },
          category: 'RINGAN',
          notes: `Pengadu ${PERSON.name} dihubungi lewat ${PERSON.phone}`,
        },
      ],
    });
    await eventually(async () => (await track(created.trackingCode)).status === 'IN_PROGRESS');
    const inProgress = await track(created.trackingCode);
    expect(inProgress).toMatchObject({ category: 'RINGAN', response: null, rejectionReason: null });

    const actors = { LOKET: 'loket', SEKSI_PENGADUAN: 'pengaduan' } as Record<string, string>;
    for (const task of (await handle.query(stateQuery)).tasks) {
      await handle.executeUpdate(completeTaskUpdate, {
        args: [
          {
            actor: { username: actors[task.unit], unit: task.unit },
            taskId: task.id,
            outcome: `Sudah dijelaskan kepada ${PERSON.name}`,
          },
        ],
      });
    }
    await eventually(async () => (await track(created.trackingCode)).status === 'AWAITING_RESPONSE');
    expect((await track(created.trackingCode)).response).toBeNull();

    const response = 'Biaya penerbitan izin usaha adalah nol rupiah; izin terbit paling lama 5 hari kerja.';
    await handle.executeUpdate(respondUpdate, {
      args: [{ actor: { username: 'pengaduan', unit: 'SEKSI_PENGADUAN' }, response }],
    });
    await eventually(async () => (await track(created.trackingCode)).status === 'RESOLVED');
    const body = await track(created.trackingCode);
    expect(body).toMatchObject({ status: 'RESOLVED', category: 'RINGAN', response, rejectionReason: null });
    expect(body.stages.map((s: { type: string }) => s.type)).toEqual(
      expect.arrayContaining(['RECEIVED', 'REGISTERED', 'TRIAGED', 'TASK_COMPLETED', 'RESPONDED']),
    );
    const times = body.stages.map((s: { at: string }) => s.at);
    expect([...times].sort()).toEqual(times);
    expectNothingPersonal(body, ['"loket"', '"pengaduan"', 'Sudah dijelaskan']);
  });

  it("tells each unit's progress by name, and names the unit in each finished follow-up's stage", async () => {
    const created = await submit();
    const handle = e.temporal.workflow.getHandle(created.workflowId);
    await handle.executeUpdate(triageUpdate, {
      args: [
        {
          actor: { username: 'pengaduan', unit: 'SEKSI_PENGADUAN' },
          category: 'SEDANG',
          location: { kecamatan: '16.74.01', kelurahan: '16.74.01.1007' },
          notes: `Pengadu ${PERSON.name} minta ditelepon`,
        },
      ],
    });
    await eventually(async () => (await track(created.trackingCode)).status === 'IN_PROGRESS');
    const triaged = await track(created.trackingCode);
    // The SEDANG units, in the SOP's order, none done yet; names in Bahasa, no area, no officer.
    expect(triaged.units).toEqual([
      { unit: 'KEPALA_DINAS', label: 'Kepala DPM-PTSP', done: false, dueAt: expect.any(String) },
      {
        unit: 'KABID_PENGADUAN',
        label: 'Bidang Pengaduan, Kebijakan dan Pelaporan Layanan',
        done: false,
        dueAt: expect.any(String),
      },
      {
        unit: 'SEKSI_PENGADUAN',
        label: 'Seksi Pengaduan dan Informasi Layanan',
        done: false,
        dueAt: expect.any(String),
      },
      {
        unit: 'SEKSI_KEBIJAKAN',
        label: 'Seksi Kebijakan dan Advokasi Layanan',
        done: false,
        dueAt: expect.any(String),
      },
      {
        unit: 'BIDANG_PERIZINAN',
        label: 'Bidang Pelayanan Perizinan dan Non Perizinan',
        done: false,
        dueAt: expect.any(String),
      },
      { unit: 'TIM_TEKNIS', label: 'Tim Teknis Perizinan', done: false, dueAt: expect.any(String) },
      { unit: 'KECAMATAN', label: 'Aparatur Kecamatan', done: false, dueAt: expect.any(String) },
      { unit: 'KELURAHAN', label: 'Aparatur Kelurahan/Desa', done: false, dueAt: expect.any(String) },
    ]);

    const tasks = (await handle.query(stateQuery)).tasks;
    const finish = ['KABID_PENGADUAN', 'KECAMATAN', 'TIM_TEKNIS'];
    for (const unit of finish) {
      const task = tasks.find((t) => t.unit === unit)!;
      await handle.executeUpdate(completeTaskUpdate, {
        args: [
          {
            actor: { username: `petugas-${unit.toLowerCase()}`, unit: task.unit, area: task.area },
            taskId: task.id,
            outcome: `Sudah dicek ke rumah ${PERSON.name}`,
            notes: 'Catatan internal: jangan diumumkan',
          },
        ],
      });
    }
    await eventually(
      async () =>
        (await track(created.trackingCode)).units.filter((u: { done: boolean }) => u.done).length === 3,
    );
    const body = await track(created.trackingCode);
    expect(body.status).toBe('IN_PROGRESS');
    expect(body.units.filter((u: { done: boolean }) => u.done).map((u: { unit: string }) => u.unit)).toEqual([
      'KABID_PENGADUAN',
      'TIM_TEKNIS',
      'KECAMATAN',
    ]);
    expect(body.units).toHaveLength(8);
    const completed = body.stages.filter((s: { type: string }) => s.type === 'TASK_COMPLETED');
    expect(completed.map((s: { unit: string; label: string }) => [s.unit, s.label])).toEqual([
      ['KABID_PENGADUAN', 'Bidang Pengaduan, Kebijakan dan Pelaporan Layanan menyelesaikan tindak lanjutnya'],
      ['KECAMATAN', 'Aparatur Kecamatan menyelesaikan tindak lanjutnya'],
      ['TIM_TEKNIS', 'Tim Teknis Perizinan menyelesaikan tindak lanjutnya'],
    ]);
    for (const stage of body.stages.filter((s: { type: string }) => s.type !== 'TASK_COMPLETED'))
      expect(stage.unit).toBeNull();
    expectNothingPersonal(body, [
      'petugas-',
      'Sudah dicek',
      'Catatan internal',
      'minta ditelepon',
      '16.74.01',
      created.id,
    ]);
  });

  it('shows the reason of a rejection, and only for a rejected complaint', async () => {
    const created = await submit();
    const reason = 'Bukan pengaduan perizinan: masalah asap ditangani Dinas Lingkungan Hidup.';
    await e.temporal.workflow.getHandle(created.workflowId).executeUpdate(triageUpdate, {
      args: [{ actor: { username: 'pengaduan', unit: 'SEKSI_PENGADUAN' }, reject: { reason } }],
    });
    await eventually(async () => (await track(created.trackingCode)).status === 'REJECTED');
    const body = await track(created.trackingCode);
    expect(body).toMatchObject({
      status: 'REJECTED',
      rejectionReason: reason,
      response: null,
      category: null,
    });
    expect(body.stages.map((s: { type: string }) => s.type)).toContain('REJECTED_AT_TRIAGE');
    expectNothingPersonal(body, ['"pengaduan"']);
  });

  it('answers an unknown or malformed code with 404 in Bahasa Indonesia', async () => {
    for (const code of ['ZZZZZZZZZZ', 'ab', '..%2F..%2Fetc', 'A'.repeat(300), "1'%20OR%20'1'='1"]) {
      const res = await e.http.get(`/api/public/complaints/${code}`).expect(404);
      expect(res.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'Kode pelacakan tidak ditemukan.',
      });
    }
  });
});

describe.each(databaseKinds())('rate limit of the public endpoints (%s)', (kind) => {
  const LIMIT = 3;
  let e: E2e;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pengaduan-ratelimit-'));
    e = await startE2e(kind, { configOverrides: { publicRateLimit: LIMIT, dataDir } });
  });
  afterAll(async () => {
    await e?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers 429 in Bahasa Indonesia after PUBLIC_RATE_LIMIT requests a minute, per endpoint', async () => {
    for (let i = 0; i < LIMIT; i++) await e.http.get('/api/public/complaints/ZZZZZZZZZ2').expect(404);
    const limited = await e.http.get('/api/public/complaints/ZZZZZZZZZ3').expect(429);
    expect(limited.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Terlalu banyak permintaan. Silakan coba lagi beberapa saat lagi.',
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);

    // Another public endpoint has its own counter, and is limited too.
    for (let i = 0; i < LIMIT; i++) await e.http.get('/api/areas').expect(200);
    await e.http.get('/api/areas').expect(429);
    for (let i = 0; i < LIMIT; i++) {
      await e.http
        .post('/api/public/complaints/ZZZZZZZZZ2/attachments')
        .attach('file', PNG, 'a.png')
        .expect(404);
    }
    await e.http
      .post('/api/public/complaints/ZZZZZZZZZ2/attachments')
      .attach('file', PNG, 'a.png')
      .expect(429);
    // The satisfaction rating too.
    for (let i = 0; i < LIMIT; i++)
      await e.http.post('/api/public/complaints/ZZZZZZZZZ2/rating').send({ score: 4 }).expect(404);
    await e.http.post('/api/public/complaints/ZZZZZZZZZ2/rating').send({ score: 4 }).expect(429);
  });

  it('does not limit the signed-in staff and admin endpoints', async () => {
    const admin = await e.as('admin');
    for (let i = 0; i < LIMIT * 3; i++) {
      await e.http.get('/api/calendar/holidays?year=2026').set(admin).expect(200);
    }
    const loket = await e.as('loket');
    for (let i = 0; i < LIMIT * 2; i++) {
      await e.http
        .get('/api/complaints/00000000-0000-4000-8000-000000000000/attachments')
        .set(loket)
        .expect(404);
    }
  });
});
