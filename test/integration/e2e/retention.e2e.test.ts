/**
 * Retention of personal data (issue 20): complaints closed longer ago than the retention period (5
 * years by default) lose the complainant's identity, contact data and evidence files; nothing else.
 * The admin's dry run lists exactly the due complaints, a run anonymises exactly those, every recap
 * figure of the periods they belong to stays equal, a second run changes nothing, and the daily
 * schedule's workflow does the same. Both also delete the log rows older than LOG_RETENTION_YEARS
 * (and Idempotency-Keys older than 30 days), and only those.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ScheduleOverlapPolicy } from '@temporalio/client';
import {
  Attachment,
  AuditEvent,
  Complaint,
  ComplaintTask,
  DataSubjectRequest,
  Decision,
  IdempotencyRecord,
  Notification,
  PersonalDataAccess,
  SatisfactionRating,
  SecurityEvent,
} from '../../../src/db/entities';
import { monthlyPeriod, type ReportPeriod, semesterPeriod } from '../../../src/domain/reporting';
import { retentionCutoff } from '../../../src/domain/retention';
import { buildRecapReport } from '../../../src/reports/recap-report';
import { ensureRetentionSchedule, RETENTION_SCHEDULE_ID } from '../../../src/temporal/retention-schedule';
import { retentionWorkflow } from '../../../workflows/retention/retention.workflow';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, startE2e } from '../../helpers/e2e';

const wib = (local: string) => new Date(`${local}:00+07:00`);
const DAY = 86_400_000;
const PERIODS: ReportPeriod[] = [
  monthlyPeriod(2020, 11),
  monthlyPeriod(2020, 12),
  semesterPeriod(2020, 2),
  monthlyPeriod(2022, 11),
  semesterPeriod(2022, 2),
];
/** The moment the recap figures are computed for (open cases are counted as of then). */
const REPORT_AT = new Date('2026-12-01T00:00:00Z');

interface Seed {
  key: string;
  status: string;
  received: Date;
  closed: Date | null;
  objected?: Date;
  files?: number;
}

describe.each(databaseKinds())('retention of personal data (%s)', (kind) => {
  let e: E2e;
  const ids = new Map<string, string>();
  const registers = new Map<string, string>();
  let serial = 0;

  beforeAll(async () => {
    e = await startE2e(kind);
  }, 120_000);
  afterAll(async () => {
    await e?.stop();
  }, 60_000);

  const em = () => e.db.orm.em.fork();
  const fileOf = (complaintId: string, attachmentId: string) =>
    path.join(e.config.dataDir, 'attachments', complaintId, attachmentId);

  /** A complaint as the workflow leaves it, with everything the reports count and personal data. */
  async function seed(s: Seed): Promise<void> {
    serial++;
    const id = `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`;
    const registerNumber = `${s.received.getUTCFullYear()}/11/R${String(serial).padStart(3, '0')}`;
    ids.set(s.key, id);
    registers.set(s.key, registerNumber);
    const tx = em();
    tx.create(Complaint, {
      id,
      registerNumber,
      trackingCode: `RET${String(serial).padStart(7, '0')}`,
      workflowId: `pengaduan-${registerNumber.replaceAll('/', '-')}${s.objected ? '-keberatan-1' : ''}`,
      previousWorkflowId: s.objected ? `pengaduan-${registerNumber.replaceAll('/', '-')}` : null,
      channel: serial % 2 ? 'WEBSITE' : 'TATAP_MUKA',
      complainantName: `Pengadu ${s.key}`,
      complainantNik: '1674010101900001',
      complainantAddress: 'Jl. Jend. Sudirman No. 1, Prabumulih',
      complainantPhone: '081234567890',
      complainantEmail: `${s.key}@contoh.id`,
      notifyBy: 'EMAIL',
      description: `Perizinan usaha ${s.key} tidak kunjung terbit.`,
      evidence: ['Foto papan nama usaha'],
      kecamatan: '16.74.01',
      kelurahan: '16.74.01.1007',
      receivedAt: s.received,
      category: 'SEDANG',
      status: s.status,
      dueAt: new Date(s.received.getTime() + 14 * DAY),
      overdue: false,
      response: s.status === 'RESOLVED' ? 'Izin telah diterbitkan.' : null,
      rejectionReason: s.status === 'REJECTED' ? 'Bukan pengaduan perizinan.' : null,
      closedAt: s.closed,
      objectedAt: s.objected ?? null,
      objectionReason: s.objected ? 'Tanggapan belum menjawab.' : null,
      latitude: -3.43,
      longitude: 104.23,
      locationAddress: 'Depan pasar Prabumulih',
      source: 'OPEN311',
      createdAt: s.received,
      updatedAt: s.closed ?? s.received,
    });
    tx.create(ComplaintTask, {
      id: `${id}:1:TIM_TEKNIS`,
      complaintId: id,
      round: 1,
      unit: 'TIM_TEKNIS',
      status: s.closed ? 'DONE' : 'OPEN',
      outcome: s.closed ? 'Sudah diperiksa' : null,
      completedAt: s.closed ? new Date(s.received.getTime() + 3 * DAY) : null,
      createdAt: new Date(s.received.getTime() + DAY),
    });
    tx.create(Decision, {
      id: `${id}:1`,
      complaintId: id,
      round: 1,
      escalatedAt: new Date(s.received.getTime() + 4 * DAY),
      decision: 'APPROVE',
      decidedAt: new Date(s.received.getTime() + 5 * DAY),
    });
    tx.create(AuditEvent, {
      id: `${id}:triaged`,
      complaintId: id,
      type: 'TRIAGED',
      actor: 'pengaduan',
      at: new Date(s.received.getTime() + DAY),
      details: { category: 'SEDANG' },
    });
    if (s.closed) {
      tx.create(AuditEvent, {
        id: `${id}:closed`,
        complaintId: id,
        type:
          s.status === 'FORWARDED'
            ? 'FORWARDED'
            : s.status === 'REJECTED'
              ? 'REJECTED_AT_TRIAGE'
              : 'RESPONDED',
        actor: 'pengaduan',
        at: s.closed,
        details: s.status === 'FORWARDED' ? { agency: 'BPN', agencyName: 'Kantor Pertanahan' } : {},
      });
      tx.create(SatisfactionRating, {
        complaintId: id,
        score: 3,
        comment: 'Cukup baik',
        ratedAt: new Date(s.closed.getTime() + DAY),
      });
    }
    tx.create(Notification, {
      id: `${id}:received:complainant`,
      complaintId: id,
      recipient: 'COMPLAINANT',
      kind: 'RECEIVED',
      subject: 'Pengaduan diterima',
      body: 'Pengaduan Anda telah diterima.',
      status: 'SENT',
      attempts: 1,
      channel: 'EMAIL',
      address: `${s.key}@contoh.id`,
      deliveredTo: `${s.key}@contoh.id`,
      createdAt: s.received,
    });
    tx.create(Notification, {
      id: `${id}:received:unit`,
      complaintId: id,
      recipient: 'TIM_TEKNIS',
      kind: 'TASK',
      subject: 'Tugas baru',
      body: 'Ada tugas baru.',
      status: 'SENT',
      attempts: 1,
      channel: 'EMAIL',
      deliveredTo: 'teknis@prabumulihkota.go.id',
      createdAt: s.received,
    });
    for (let i = 0; i < (s.files ?? 0); i++) {
      const attachmentId = `${id.slice(0, 24)}${String(serial * 1000 + 900 + i).padStart(12, '0')}`;
      const file = fileOf(id, attachmentId);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `bukti ${s.key} ${i}`);
      tx.create(Attachment, {
        id: attachmentId,
        complaintId: id,
        fileName: `ktp-${s.key}-${i}.jpg`,
        mimeType: 'image/jpeg',
        size: 10,
        sha256: '0'.repeat(64),
        storagePath: `${id}/${attachmentId}`,
        uploadedBy: 'loket',
        createdAt: s.received,
      });
      tx.create(AuditEvent, {
        id: `${id}:attachment:${attachmentId}`,
        complaintId: id,
        type: 'ATTACHMENT_ADDED',
        actor: 'loket',
        at: s.received,
        details: { attachmentId, fileName: `ktp-${s.key}-${i}.jpg`, size: 10 },
      });
    }
    await tx.flush();
  }

  /** The complaint's columns exactly as stored. */
  const rawOf = async (key: string) => {
    const [row] = await e.db.orm.em
      .getConnection()
      .execute('select * from complaint where id = ?', [ids.get(key)!]);
    return row as Record<string, unknown>;
  };
  /** Everything stored about a complaint besides its own row. */
  const relatedOf = async (key: string) => {
    const complaintId = ids.get(key)!;
    const x = em();
    return {
      tasks: await x.find(ComplaintTask, { complaintId }, { orderBy: { id: 'asc' } }),
      decisions: await x.find(Decision, { complaintId }, { orderBy: { id: 'asc' } }),
      ratings: await x.find(SatisfactionRating, { complaintId }),
      events: await x.find(AuditEvent, { complaintId }, { orderBy: { id: 'asc' } }),
      notifications: await x.find(Notification, { complaintId }, { orderBy: { id: 'asc' } }),
      attachments: await x.find(Attachment, { complaintId }, { orderBy: { id: 'asc' } }),
    };
  };
  const figures = async () => {
    const out = [];
    for (const period of PERIODS) out.push(await buildRecapReport(em(), period, REPORT_AT));
    return out;
  };

  const now = Date.now();
  const DUE = ['resolved6', 'rejected6', 'forwarded6', 'objectedThenClosed6'];
  const NOT_DUE = ['resolved4', 'open6', 'reopenedByObjection', 'objectedThenClosed4', 'justClosed'];

  it('the dry run lists exactly the complaints closed longer ago than the period, changing nothing', async () => {
    await seed({
      key: 'resolved6',
      status: 'RESOLVED',
      received: wib('2020-11-02 09:00'),
      closed: wib('2020-11-20 10:00'),
      files: 2,
    });
    await seed({
      key: 'rejected6',
      status: 'REJECTED',
      received: wib('2020-11-03 09:00'),
      closed: wib('2020-11-04 10:00'),
    });
    await seed({
      key: 'forwarded6',
      status: 'FORWARDED',
      received: wib('2020-11-05 09:00'),
      closed: wib('2020-11-06 10:00'),
      files: 1,
    });
    await seed({
      key: 'objectedThenClosed6',
      status: 'RESOLVED',
      received: wib('2020-11-06 09:00'),
      closed: wib('2020-12-15 10:00'),
      objected: wib('2020-11-25 10:00'),
    });
    await seed({
      key: 'resolved4',
      status: 'RESOLVED',
      received: wib('2022-11-02 09:00'),
      closed: wib('2022-11-20 10:00'),
      files: 1,
    });
    await seed({
      key: 'open6',
      status: 'IN_PROGRESS',
      received: wib('2020-11-07 09:00'),
      closed: null,
      files: 1,
    });
    // Objected to six years ago and its new round never closed: open again, not due.
    await seed({
      key: 'reopenedByObjection',
      status: 'RECEIVED',
      received: wib('2020-11-08 09:00'),
      closed: null,
      objected: wib('2020-11-25 10:00'),
    });
    // Answered six years ago, objected to, answered again four years ago: counts from the second answer.
    await seed({
      key: 'objectedThenClosed4',
      status: 'RESOLVED',
      received: wib('2020-11-09 09:00'),
      closed: wib('2022-11-30 10:00'),
      objected: wib('2020-11-25 10:00'),
    });
    // Closed three days ago: the objection window is still open.
    await seed({
      key: 'justClosed',
      status: 'RESOLVED',
      received: new Date(now - 20 * DAY),
      closed: new Date(now - 3 * DAY),
    });

    const before = await Promise.all([...DUE, ...NOT_DUE].map(rawOf));
    const res = await e.http.get('/api/retention/preview').set(await e.as('admin'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ years: 5, total: 4, files: 3 });
    expect(res.body.complaints).toEqual([
      {
        registerNumber: registers.get('rejected6'),
        status: 'REJECTED',
        closedAt: wib('2020-11-04 10:00').toISOString(),
        dueSince: wib('2025-11-04 10:00').toISOString(),
        files: 0,
      },
      {
        registerNumber: registers.get('forwarded6'),
        status: 'FORWARDED',
        closedAt: wib('2020-11-06 10:00').toISOString(),
        dueSince: wib('2025-11-06 10:00').toISOString(),
        files: 1,
      },
      {
        registerNumber: registers.get('resolved6'),
        status: 'RESOLVED',
        closedAt: wib('2020-11-20 10:00').toISOString(),
        dueSince: wib('2025-11-20 10:00').toISOString(),
        files: 2,
      },
      {
        registerNumber: registers.get('objectedThenClosed6'),
        status: 'RESOLVED',
        closedAt: wib('2020-12-15 10:00').toISOString(),
        dueSince: wib('2025-12-15 10:00').toISOString(),
        files: 0,
      },
    ]);
    // No personal data in the preview.
    expect(JSON.stringify(res.body)).not.toMatch(/Pengadu |contoh\.id|1674010101900001/);
    expect(await Promise.all([...DUE, ...NOT_DUE].map(rawOf))).toEqual(before);
  });

  it('is for the admin only', async () => {
    for (const user of ['pengaduan', 'kabid', 'loket']) {
      expect((await e.http.get('/api/retention/preview').set(await e.as(user))).status).toBe(403);
      expect((await e.http.post('/api/retention/run').set(await e.as(user))).status).toBe(403);
    }
    expect((await e.http.get('/api/retention/preview')).status).toBe(401);
    expect((await e.http.post('/api/retention/run')).status).toBe(401);
    expect((await rawOf('resolved6')).anonymised_at).toBeNull();
  });

  it('a run anonymises exactly the due complaints, removes their files, and leaves every report figure equal', async () => {
    const reportsBefore = await figures();
    // The periods hold the seeded complaints (and their ratings): the comparison below means something.
    expect(reportsBefore.map((r) => r.received)).toEqual([7, 0, 7, 1, 1]);
    expect(reportsBefore[2].complaints.map((c) => c.registerNumber)).toContain(registers.get('resolved6'));
    const untouchedBefore = await Promise.all(NOT_DUE.map(async (k) => [await rawOf(k), await relatedOf(k)]));
    const dueBefore = new Map(await Promise.all(DUE.map(async (k) => [k, await relatedOf(k)] as const)));

    const res = await e.http.post('/api/retention/run').set(await e.as('admin'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ years: 5, anonymised: 4, removedFiles: 3 });
    expect([...res.body.registerNumbers].sort()).toEqual(DUE.map((k) => registers.get(k)).sort());

    for (const key of DUE) {
      const raw = await rawOf(key);
      expect(raw).toMatchObject({
        complainant_name: 'Dianonimkan',
        complainant_nik: null,
        complainant_address: null,
        complainant_phone: null,
        complainant_email: null,
        notify_by: null,
        latitude: null,
        longitude: null,
        location_address: null,
      });
      expect(raw.anonymised_at).not.toBeNull();
      expect(typeof raw.evidence === 'string' ? JSON.parse(raw.evidence) : raw.evidence).toEqual([]);
      // The case stays as it was.
      expect(raw).toMatchObject({ status: expect.any(String), category: 'SEDANG', kecamatan: '16.74.01' });
      expect(raw.description).toBe(`Perizinan usaha ${key} tidak kunjung terbit.`);

      const after = await relatedOf(key);
      const before = dueBefore.get(key)!;
      expect(after.attachments).toEqual([]);
      expect(fs.existsSync(path.join(e.config.dataDir, 'attachments', ids.get(key)!))).toBe(false);
      expect(after.tasks).toEqual(before.tasks);
      expect(after.decisions).toEqual(before.decisions);
      expect(after.ratings).toEqual(before.ratings);
      const complainantNote = after.notifications.find((n) => n.recipient === 'COMPLAINANT')!;
      expect(complainantNote).toMatchObject({ address: null, deliveredTo: null, status: 'SENT' });
      expect(after.notifications.find((n) => n.recipient === 'TIM_TEKNIS')).toEqual(
        before.notifications.find((n) => n.recipient === 'TIM_TEKNIS'),
      );
      const audit = after.events.filter((ev) => ev.type === 'PERSONAL_DATA_ANONYMISED');
      expect(audit).toEqual([
        expect.objectContaining({
          actor: 'admin',
          details: { reason: 'RETENTION', removedFiles: before.attachments.length },
        }),
      ]);
      for (const ev of after.events.filter((x) => x.type === 'ATTACHMENT_ADDED'))
        expect(ev.details).not.toHaveProperty('fileName');
    }
    // The others: not a byte changed, files still there.
    expect(await Promise.all(NOT_DUE.map(async (k) => [await rawOf(k), await relatedOf(k)]))).toEqual(
      untouchedBefore,
    );
    for (const key of ['resolved4', 'open6']) {
      const [attachment] = (await relatedOf(key)).attachments;
      expect(fs.existsSync(fileOf(ids.get(key)!, attachment.id))).toBe(true);
    }
    // Every statistic and recap figure of the periods those complaints belong to is unchanged.
    expect(await figures()).toEqual(reportsBefore);

    // The case page shows the placeholder and the event on its timeline.
    const detail = await e.detail(ids.get('resolved6')!, 'admin');
    expect(JSON.stringify(detail)).not.toMatch(/Pengadu resolved6|resolved6@contoh\.id|1674010101900001/);
  });

  it('a second run, by the admin or the schedule, changes nothing more', async () => {
    const snapshot = async () =>
      Promise.all([...DUE, ...NOT_DUE].map(async (k) => [await rawOf(k), await relatedOf(k)]));
    const before = await snapshot();
    const res = await e.http.post('/api/retention/run').set(await e.as('admin'));
    expect(res.body).toMatchObject({ anonymised: 0, registerNumbers: [], removedFiles: 0 });
    const preview = await e.http.get('/api/retention/preview').set(await e.as('admin'));
    expect(preview.body).toMatchObject({ total: 0, complaints: [] });
    const result = await e.temporal.workflow.execute(retentionWorkflow, {
      taskQueue: e.config.temporal.taskQueue,
      workflowId: `retensi-ulang-${kind}`,
      args: [{}],
    });
    expect(result).toMatchObject({ years: 5, anonymised: 0, removedFiles: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('the daily schedule (02:00 WIB, skip overlaps) runs the workflow, which anonymises what became due, page by page', async () => {
    const taskQueue = e.config.temporal.taskQueue;
    expect(await ensureRetentionSchedule(e.temporal, taskQueue)).toBe('created');
    expect(await ensureRetentionSchedule(e.temporal, taskQueue)).toBe('updated');
    const described = await e.temporal.schedule.getHandle(RETENTION_SCHEDULE_ID).describe();
    expect(described.spec.timezone).toBe('Asia/Jakarta');
    expect(described.spec.calendars).toEqual([
      expect.objectContaining({
        hour: [{ start: 2, end: 2, step: 1 }],
        minute: [{ start: 0, end: 0, step: 1 }],
      }),
    ]);
    expect(described.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);
    expect(described.action).toMatchObject({ workflowType: 'retentionWorkflow', taskQueue });
    await e.temporal.schedule.getHandle(RETENTION_SCHEDULE_ID).delete();

    await seed({
      key: 'late1',
      status: 'RESOLVED',
      received: wib('2019-05-01 09:00'),
      closed: wib('2019-06-01 10:00'),
      files: 1,
    });
    await seed({
      key: 'late2',
      status: 'REJECTED',
      received: wib('2019-05-02 09:00'),
      closed: wib('2019-06-02 10:00'),
    });
    await seed({
      key: 'late3',
      status: 'RESOLVED',
      received: wib('2019-05-03 09:00'),
      closed: wib('2019-06-03 10:00'),
    });
    const result = await e.temporal.workflow.execute(retentionWorkflow, {
      taskQueue,
      workflowId: `retensi-${kind}`,
      args: [{ pageSize: 2 }],
    });
    expect(result).toMatchObject({ years: 5, anonymised: 3, skipped: 0, removedFiles: 1, pages: 2 });
    for (const key of ['late1', 'late2', 'late3']) {
      expect((await rawOf(key)).complainant_name).toBe('Dianonimkan');
      const audit = (await relatedOf(key)).events.find((ev) => ev.type === 'PERSONAL_DATA_ANONYMISED');
      expect(audit).toMatchObject({ actor: 'JADWAL', details: { reason: 'RETENTION' } });
    }
    expect(fs.existsSync(path.join(e.config.dataDir, 'attachments', ids.get('late1')!))).toBe(false);
    expect((await rawOf('resolved4')).complainant_name).toBe('Pengadu resolved4');
  });

  it('the daily run and a run by the admin delete the log rows past their retention, and only those', async () => {
    const now = Date.now();
    const ago = (days: number) => new Date(now - days * DAY);
    /** Writes one row of each log at `at` (and an Idempotency-Key at `keyAt`); returns their ids. */
    async function logRows(tag: string, at: Date, keyAt: Date, readComplaint = 'resolved6') {
      const tx = em();
      const id = (n: number) => `${tag}-${kind}-${n}`.padEnd(36, '0').slice(0, 36);
      tx.create(PersonalDataAccess, {
        id: id(1),
        at,
        userId: 'u-admin',
        username: 'admin',
        role: 'ADMIN',
        complaintId: ids.get(readComplaint)!,
        fields: ['NAMA'],
        endpoint: 'GET /api/complaints/:id',
      });
      tx.create(DataSubjectRequest, {
        id: id(2),
        at,
        action: 'SEARCH',
        userId: 'u-admin',
        username: 'admin',
        keys: { nik: '1674**********01' },
        complaintIds: [],
        outcome: 'NOT_FOUND',
      });
      tx.create(SecurityEvent, { id: id(3), at, type: 'LOGIN_FAILED', targetUsername: 'loket' });
      tx.create(IdempotencyRecord, { key: `${tag}-${kind}`, requestHash: 'h'.repeat(64), createdAt: keyAt });
      await tx.flush();
      return { access: id(1), request: id(2), security: id(3), key: `${tag}-${kind}` };
    }
    async function present(rows: Awaited<ReturnType<typeof logRows>>) {
      const read = em();
      return {
        access: (await read.count(PersonalDataAccess, { id: rows.access })) === 1,
        request: (await read.count(DataSubjectRequest, { id: rows.request })) === 1,
        security: (await read.count(SecurityEvent, { id: rows.security })) === 1,
        key: (await read.count(IdempotencyRecord, { key: rows.key })) === 1,
      };
    }
    const all = { access: true, request: true, security: true, key: true };
    const none = { access: false, request: false, security: false, key: false };
    // Two days past the logs' five years and the key's 30 days (the read: of a complaint anonymised above).
    const cutoff = retentionCutoff(new Date(now), 5).getTime();
    const old = await logRows('old', new Date(cutoff - 2 * DAY), ago(32));
    // Two days within them: kept.
    const kept = await logRows('kept', new Date(cutoff + 2 * DAY), ago(28));
    // As old, but a read of a complaint whose personal data are still held (closed four years ago): kept.
    const heldRead = `held-${kind}`.padEnd(36, '0');
    const write = em();
    write.create(PersonalDataAccess, {
      id: heldRead,
      at: new Date(cutoff - 2 * DAY),
      userId: 'u-admin',
      username: 'admin',
      role: 'ADMIN',
      complaintId: ids.get('resolved4')!,
      fields: ['NAMA', 'NIK'],
      endpoint: 'GET /api/complaints/:id',
    });
    await write.flush();
    const heldReadKept = async () => (await em().count(PersonalDataAccess, { id: heldRead })) === 1;

    const preview = await e.http.get('/api/retention/preview').set(await e.as('admin'));
    expect(preview.status).toBe(200);
    // Every other row of these tables was written during this test run (sign-ins, reads): kept.
    const one = { personalDataAccess: 1, dataSubjectRequests: 1, securityEvents: 1, idempotencyRecords: 1 };
    expect(preview.body.logs).toEqual({ years: 5, ...one });
    expect(await present(old)).toEqual(all);

    const result = await e.temporal.workflow.execute(retentionWorkflow, {
      taskQueue: e.config.temporal.taskQueue,
      workflowId: `retensi-log-${kind}`,
      args: [{}],
    });
    expect(result.deletedLogs).toEqual({ years: 5, ...one });
    expect(await present(old)).toEqual(none);
    expect(await present(kept)).toEqual(all);
    expect(await heldReadKept()).toBe(true);

    // Written after the daily run: the admin's run deletes them at once.
    const older = await logRows('older', new Date(cutoff - 30 * DAY), ago(45), 'late1');
    const run = await e.http.post('/api/retention/run').set(await e.as('admin'));
    expect(run.status).toBe(200);
    expect(run.body.deletedLogs).toEqual({ years: 5, ...one });
    expect(await present(older)).toEqual(none);
    expect(await present(kept)).toEqual(all);
    expect(await heldReadKept()).toBe(true);
    const again = await e.http.get('/api/retention/preview').set(await e.as('admin'));
    expect(again.body.logs).toEqual({
      years: 5,
      personalDataAccess: 0,
      dataSubjectRequests: 0,
      securityEvents: 0,
      idempotencyRecords: 0,
    });
  });
});
