/**
 * Anonymising one complaint (retention, or an erasure request) on both databases: afterwards no row
 * that belongs to the complaint holds the complainant's name, NIK, address, phone or e-mail in any
 * written form, free text included (the receipt's "Yth. Bapak/Ibu <name>", a task note with the
 * phone, a timeline detail with the NIK), while the substance of the text and every counted field
 * stay. A second run changes nothing.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { ANONYMISED_NAME, anonymiseComplaint } from '../../src/db/anonymise-complaint';
import {
  AuditEvent,
  Complaint,
  ComplaintTask,
  Decision,
  Notification,
  SatisfactionRating,
} from '../../src/db/entities';
import { REDACTED } from '../../src/domain/identity-redaction';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases';

const NAME = 'Siti Aminah';
const NIK = '1674010101900001';
const ADDRESS = 'Jl. Jenderal Sudirman No. 17, Muara Dua';
const PHONE = '0812-3456-7890';
const EMAIL = 'Siti.Aminah@Example.com';
/** Every trace of the person a raw row could hold, in the forms the text below writes them. */
const TRACES = [/aminah/i, /1674\D?0101/, /3456\D?7890/, /example\.com/i, /sudirman/i];

const TABLES = [
  'complaint',
  'complaint_task',
  'decision',
  'satisfaction_rating',
  'notification',
  'audit_event',
];

describe.each(databaseKinds())('anonymising a complaint on %s', (kind) => {
  let db: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pengaduan-anon-'));
  });
  afterAll(async () => {
    await db?.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const knex = () => (db.orm.em.getConnection() as AbstractSqlConnection).getKnex();
  /** Every raw row of the complaint, in every table that keeps something of it. */
  async function rowsOf(id: string): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const table of TABLES)
      out[table] = await knex()(table)
        .where(table === 'complaint' ? 'id' : 'complaint_id', id)
        .orderBy(table === 'satisfaction_rating' ? 'complaint_id' : 'id');
    return out;
  }

  async function seedClosedComplaint(): Promise<string> {
    const id = randomUUID();
    const at = new Date('2020-03-02T03:00:00Z');
    const em = db.orm.em.fork();
    em.create(Complaint, {
      id,
      registerNumber: `2020/03/${id.slice(0, 6)}`,
      trackingCode: `AN${id.replace(/-/g, '').slice(0, 10).toUpperCase()}`,
      workflowId: `pengaduan-${id}`,
      channel: 'SURAT',
      identityMode: 'BIASA',
      complainantName: NAME,
      complainantNik: NIK,
      complainantAddress: ADDRESS,
      complainantPhone: PHONE,
      complainantEmail: EMAIL,
      description: `Saya ${NAME}, NIK ${NIK}, tinggal di ${ADDRESS.toUpperCase()}. Izin usaha toko saya belum terbit. Hubungi +62 812 3456 7890.`,
      evidence: ['foto-ktp.jpg'],
      receivedAt: at,
      status: 'RESOLVED',
      category: 'SEDANG',
      kecamatan: '16.74.01',
      kelurahan: '16.74.01.1007',
      response: `Yth. Ibu ${NAME}, izin usaha telah terbit.`,
      closedAt: new Date('2020-03-10T03:00:00Z'),
      overdue: false,
      createdAt: at,
      updatedAt: at,
    });
    em.create(ComplaintTask, {
      id: randomUUID(),
      complaintId: id,
      round: 1,
      unit: 'BIDANG_PERIZINAN',
      status: 'DONE',
      outcome: `Pemohon (${PHONE}) dihubungi; berkas lengkap.`,
      notes: `NIK 1674 0101 0190 0001 sesuai KTP.`,
      completedBy: 'perizinan',
      completedAt: at,
      createdAt: at,
    });
    em.create(Decision, {
      id: randomUUID(),
      complaintId: id,
      round: 1,
      escalatedAt: at,
      notes: `Surat ke ${NAME}.`,
    });
    em.create(SatisfactionRating, {
      complaintId: id,
      score: 4,
      comment: `Terima kasih, ${EMAIL.toLowerCase()}`,
      ratedAt: at,
    });
    em.create(Notification, {
      id: randomUUID(),
      complaintId: id,
      recipient: 'COMPLAINANT',
      kind: 'RECEIPT',
      subject: `Pengaduan diterima`,
      body: `Yth. Bapak/Ibu ${NAME},\nPengaduan Anda diterima.`,
      status: 'SENT',
      attempts: 1,
      channel: 'EMAIL',
      address: EMAIL,
      deliveredTo: EMAIL,
      createdAt: at,
    });
    em.create(AuditEvent, {
      id: randomUUID(),
      complaintId: id,
      type: 'TRIAGED',
      actor: 'pengaduan',
      at,
      details: { notes: `telp 081234567890`, category: 'SEDANG' },
    });
    em.create(AuditEvent, {
      id: randomUUID(),
      complaintId: id,
      type: 'ATTACHMENT_ADDED',
      actor: 'loket',
      at,
      details: { fileName: 'ktp-siti-aminah.jpg', size: 1234 },
    });
    await em.flush();
    return id;
  }

  it('leaves no written form of the identity in any row of the complaint, and keeps the substance', async () => {
    const id = await seedClosedComplaint();
    const before = JSON.stringify(await rowsOf(id));
    // The seed does write the person in plain text outside the encrypted columns.
    expect(before).toMatch(/Aminah/);

    await anonymiseComplaint(
      db.orm.em.fork(),
      id,
      { kind: 'ERASURE', actor: 'admin', at: new Date() },
      { dataDir },
    );

    const rows = await rowsOf(id);
    const text = JSON.stringify(rows);
    for (const trace of TRACES)
      expect({ trace: String(trace), found: trace.test(text) }).toEqual({
        trace: String(trace),
        found: false,
      });
    const complaint = rows.complaint[0] as Record<string, unknown>;
    expect(complaint).toMatchObject({
      complainant_name: ANONYMISED_NAME,
      status: 'RESOLVED',
      category: 'SEDANG',
      kelurahan: '16.74.01.1007',
    });
    expect(complaint.description).toBe(
      `Saya ${REDACTED}, NIK ${REDACTED}, tinggal di ${REDACTED}. Izin usaha toko saya belum terbit. Hubungi ${REDACTED}.`,
    );
    expect(complaint.response).toBe(`Yth. Ibu ${REDACTED}, izin usaha telah terbit.`);
    expect(rows.notification[0]).toMatchObject({
      body: `Yth. Bapak/Ibu ${REDACTED},\nPengaduan Anda diterima.`,
      status: 'SENT',
    });
    expect(rows.complaint_task[0]).toMatchObject({
      outcome: `Pemohon (${REDACTED}) dihubungi; berkas lengkap.`,
      status: 'DONE',
    });
    expect(rows.satisfaction_rating[0]).toMatchObject({ score: 4 });
    // The timeline: details redacted, the file name gone, the counted fields kept.
    const events = await db.orm.em.fork().find(AuditEvent, { complaintId: id }, { orderBy: { type: 'asc' } });
    expect(events.map((e) => [e.type, e.details])).toEqual(
      expect.arrayContaining([
        ['TRIAGED', { notes: `telp ${REDACTED}`, category: 'SEDANG' }],
        ['ATTACHMENT_ADDED', { size: 1234 }],
      ]),
    );

    // Idempotent: a second run finds nothing left to change.
    await anonymiseComplaint(
      db.orm.em.fork(),
      id,
      { kind: 'RETENTION', actor: 'JADWAL', at: new Date() },
      { dataDir },
    );
    expect(JSON.stringify(await rowsOf(id))).toBe(text);
  });
});
