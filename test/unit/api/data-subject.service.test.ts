import type { Principal } from '../../../src/api/auth/principal';
import { DataSubjectService } from '../../../src/api/data-subject/data-subject.service';
import { PersonalDataAccessService } from '../../../src/api/personal-data-access/personal-data-access.service';
import type { AppConfig } from '../../../src/config/config';
import {
  Attachment,
  type Complaint,
  Notification,
  PersonalDataAccess,
  SatisfactionRating,
} from '../../../src/db/entities';
import { apiErrorOf, auditEvent, complaintRecord } from './fakes';
import { InMemoryDataSubjectRepository, InMemoryPersonalDataAccessRepository } from './fakes-data-subject';

const NIK = '1674014506900002';
const PHONE = '081298765432';
const EMAIL = 'siti.aminah@example.com';
const admin: Principal = {
  sub: 'admin-id',
  username: 'admin',
  role: 'ADMIN',
  unit: null,
  area: null,
  eselon: null,
};

function setup() {
  const subjects = new InMemoryDataSubjectRepository();
  const accessLog = new InMemoryPersonalDataAccessRepository();
  const service = new DataSubjectService(
    subjects,
    { dataDir: '/var/lib/pengaduan' } as AppConfig,
    new PersonalDataAccessService(accessLog),
  );
  return { subjects, accessLog, service };
}

function siti(fields: Partial<Complaint> = {}): Complaint {
  return complaintRecord({
    channel: 'WEBSITE',
    complainantName: 'Siti Aminah',
    complainantNik: NIK,
    complainantAddress: 'Jl. Merdeka No. 5',
    complainantPhone: PHONE,
    complainantEmail: EMAIL,
    evidence: ['Kuitansi pembayaran'],
    ...fields,
  });
}

/** Closed long enough ago that no objection can be filed any more. */
const longClosed = { status: 'RESOLVED', closedAt: new Date('2025-01-10T03:00:00Z') } as const;

describe('DataSubjectService: the keys of a request', () => {
  it('refuses a request without any key (blank ones count as none) with 422, and logs nothing', async () => {
    const { service, subjects } = setup();
    subjects.add(siti());

    for (const call of [
      service.search({}, admin),
      service.search({ nik: '  ', phone: '', email: ' ' }, admin),
      service.export({ phone: ' ' }, 'json', admin),
      service.erase({ email: '', reason: 'Surat pengadu' }, admin),
    ])
      expect(await apiErrorOf(call)).toEqual({
        status: 422,
        message: 'Isi minimal satu kunci pencarian: NIK, nomor telepon atau email.',
      });
    expect(subjects.requests).toEqual([]);
    expect(subjects.anonymised).toEqual([]);
  });

  it('refuses a NIK that cannot be a real one with 422, naming what is wrong', async () => {
    const { service, subjects } = setup();
    expect(await apiErrorOf(service.search({ nik: '9974014506900002' }, admin))).toEqual({
      status: 422,
      message: 'NIK tidak sah: kode provinsi 99 (digit 1-2) tidak ada dalam kode wilayah Kemendagri.',
    });
    expect(subjects.requests).toEqual([]);
  });
});

describe('DataSubjectService.search', () => {
  it("lists the person's complaints with the keys each matched, and logs the search with masked keys only", async () => {
    const { service, subjects } = setup();
    const first = siti({ receivedAt: new Date('2026-03-01T02:00:00Z') });
    const second = siti({ complainantNik: null, receivedAt: new Date('2026-04-01T02:00:00Z') });
    const other = complaintRecord();
    subjects.add(second, other, first);

    const answer = await service.search({ nik: ` ${NIK} `, phone: '+62 812-9876-5432' }, admin);

    expect(answer.items).toEqual([
      {
        id: first.id,
        registerNumber: first.registerNumber,
        receivedAt: '2026-03-01T02:00:00.000Z',
        status: 'IN_PROGRESS',
        channel: 'WEBSITE',
        matchedBy: ['nik', 'phone'],
      },
      expect.objectContaining({ id: second.id, matchedBy: ['phone'] }),
    ]);
    expect(subjects.requests).toEqual([
      {
        id: answer.requestId,
        at: expect.any(Date),
        action: 'SEARCH',
        userId: 'admin-id',
        username: 'admin',
        keys: { nik: '1674**********02', phone: '0812******32' },
        complaintIds: [first.id, second.id],
        outcome: 'FOUND',
        details: null,
        reason: null,
      },
    ]);
    expect(JSON.stringify(subjects.requests)).not.toContain(NIK);
  });

  it('logs a search that finds nothing as NOT_FOUND', async () => {
    const { service, subjects } = setup();
    subjects.add(siti());
    const answer = await service.search({ email: 'nobody@example.com' }, admin);
    expect(answer.items).toEqual([]);
    expect(subjects.requests.map((r) => [r.action, r.outcome, r.complaintIds])).toEqual([
      ['SEARCH', 'NOT_FOUND', []],
    ]);
  });
});

describe('DataSubjectService.export', () => {
  it('gives each complaint with what is held about it and nothing of the others, and logs the request and the reads', async () => {
    const { service, subjects, accessLog } = setup();
    const mine = siti({
      ...longClosed,
      identityMode: undefined,
      objectedAt: new Date('2025-01-12T03:00:00Z'),
      objectionReason: 'Izin belum juga terbit.',
      objectedBy: null,
    });
    const other = complaintRecord();
    subjects.add(mine, other);
    subjects.attachments.push(
      Object.assign(new Attachment(), {
        id: 'a1',
        complaintId: mine.id,
        fileName: 'kuitansi.pdf',
        mimeType: 'application/pdf',
        size: 1234,
        storagePath: `${mine.id}/a1`,
        createdAt: new Date('2026-03-01T02:05:00Z'),
      }),
      Object.assign(new Attachment(), {
        id: 'a2',
        complaintId: other.id,
        fileName: 'lain.pdf',
        mimeType: 'application/pdf',
        size: 1,
        storagePath: `${other.id}/a2`,
        createdAt: new Date('2026-03-01T02:05:00Z'),
      }),
    );
    subjects.events.push(
      auditEvent(mine, 2, 'TRIAGED', '2026-03-01T05:00:00Z', 'petugas-pengaduan-01'),
      auditEvent(mine, 1, 'RECEIVED', '2026-03-01T02:00:00Z', 'loket'),
      auditEvent(other, 1, 'RECEIVED', '2026-03-01T02:00:00Z', 'loket'),
    );
    subjects.notifications.push(
      Object.assign(new Notification(), {
        id: 'n1',
        complaintId: mine.id,
        recipient: 'COMPLAINANT',
        kind: 'RECEIVED',
        subject: 'Pengaduan diterima',
        body: 'Yth. Siti Aminah',
        status: 'SENT',
        channel: 'EMAIL',
        deliveredTo: EMAIL,
        createdAt: new Date('2026-03-01T02:01:00Z'),
        sentAt: new Date('2026-03-01T02:02:00Z'),
      }),
    );
    subjects.ratings.push(
      Object.assign(new SatisfactionRating(), {
        complaintId: mine.id,
        score: 4,
        comment: null,
        ratedAt: new Date('2025-01-11T03:00:00Z'),
      }),
    );
    subjects.reads.push(
      Object.assign(new PersonalDataAccess(), {
        id: 'r1',
        at: new Date('2026-03-02T03:00:00Z'),
        username: 'petugas-pengaduan-01',
        role: 'STAFF',
        unit: 'SEKSI_PENGADUAN',
        complaintId: mine.id,
        fields: ['NAMA', 'NIK'],
        endpoint: 'GET /api/complaints/:id',
      }),
    );

    const data = await service.export({ email: 'SITI.Aminah@example.com' }, 'pdf', admin);

    expect(data.generatedBy).toBe('admin');
    // Masked as typed: never the address itself.
    expect(data.keys).toEqual({ email: 'S***@example.com' });
    expect(data.complaints).toHaveLength(1);
    const [c] = data.complaints;
    expect(c).toMatchObject({
      id: mine.id,
      identityMode: 'BIASA',
      matchedBy: ['email'],
      closedAt: '2025-01-10T03:00:00.000Z',
      complainant: { name: 'Siti Aminah', nik: NIK, phone: PHONE, email: EMAIL, notifyBy: null },
      attachments: [
        {
          fileName: 'kuitansi.pdf',
          mimeType: 'application/pdf',
          size: 1234,
          uploadedAt: '2026-03-01T02:05:00.000Z',
        },
      ],
      satisfaction: { score: 4, comment: null, ratedAt: '2025-01-11T03:00:00.000Z' },
      objection: { filedAt: '2025-01-12T03:00:00.000Z', reason: 'Izin belum juga terbit.', filedBy: null },
      accessLog: [
        {
          at: '2026-03-02T03:00:00.000Z',
          username: 'petugas-pengaduan-01',
          role: 'STAFF',
          unit: 'SEKSI_PENGADUAN',
          fields: ['Nama', 'NIK'],
          endpoint: 'GET /api/complaints/:id',
        },
      ],
    });
    expect(c.timeline.map((e) => [e.type, e.label, e.actor])).toEqual([
      ['RECEIVED', 'Pengaduan diterima', 'loket'],
      ['TRIAGED', 'Pengaduan diperiksa dan diteruskan kepada unit yang menangani', 'petugas-pengaduan-01'],
    ]);
    expect(c.notifications).toEqual([
      {
        kind: 'RECEIVED',
        subject: 'Pengaduan diterima',
        body: 'Yth. Siti Aminah',
        status: 'SENT',
        channel: 'EMAIL',
        deliveredTo: EMAIL,
        createdAt: '2026-03-01T02:01:00.000Z',
        sentAt: '2026-03-01T02:02:00.000Z',
      },
    ]);
    expect(JSON.stringify(data)).not.toContain(other.id);

    expect(subjects.requests).toEqual([
      expect.objectContaining({
        id: data.requestId,
        action: 'EXPORT',
        keys: { email: 'S***@example.com' },
        complaintIds: [mine.id],
        outcome: 'EXPORTED',
        details: { format: 'pdf' },
      }),
    ]);
    // Everything shown unmasked is in the access log, as a read by the admin.
    expect(accessLog.recorded).toEqual([
      {
        reader: expect.objectContaining({ userId: 'admin-id', username: 'admin', role: 'ADMIN' }),
        reads: [
          {
            complaintId: mine.id,
            registerNumber: mine.registerNumber,
            fields: ['NAMA', 'NIK', 'ALAMAT', 'TELEPON', 'EMAIL'],
          },
        ],
      },
    ]);
  });

  it('exports nothing and logs NOT_FOUND (and no reads) for a person without complaints', async () => {
    const { service, subjects, accessLog } = setup();
    subjects.add(complaintRecord());
    const data = await service.export({ phone: PHONE }, 'json', admin);
    expect(data.complaints).toEqual([]);
    expect(subjects.requests.map((r) => [r.action, r.outcome, r.details])).toEqual([
      ['EXPORT', 'NOT_FOUND', { format: 'json' }],
    ]);
    expect(accessLog.recorded).toEqual([]);
  });
});

describe('DataSubjectService.correct', () => {
  const reason = 'Surat pengadu tanggal 1 Desember 2026';

  it('answers 404 for an unknown complaint', async () => {
    const { service } = setup();
    expect(await apiErrorOf(service.correct('nope', { complainantName: 'Siti', reason }, admin))).toEqual({
      status: 404,
      message: 'Pengaduan tidak ditemukan.',
    });
  });

  it('refuses an anonymous or an anonymised complaint, and a correction that changes no field (422), storing nothing', async () => {
    const { service, subjects } = setup();
    const anonymous = siti({ identityMode: 'ANONIM' });
    const anonymised = siti({ anonymisedAt: new Date('2026-01-01T00:00:00Z') });
    const plain = siti();
    subjects.add(anonymous, anonymised, plain);

    expect(await apiErrorOf(service.correct(anonymous.id, { complainantName: 'X', reason }, admin))).toEqual({
      status: 422,
      message: 'Pengaduan anonim tidak menyimpan identitas pengadu; tidak ada data yang dapat diperbaiki.',
    });
    expect(await apiErrorOf(service.correct(anonymised.id, { complainantName: 'X', reason }, admin))).toEqual(
      {
        status: 422,
        message: 'Data pribadi pengaduan ini sudah dianonimkan; tidak ada data yang dapat diperbaiki.',
      },
    );
    expect(await apiErrorOf(service.correct(plain.id, { reason }, admin))).toEqual({
      status: 422,
      message: 'Isi minimal satu data yang diperbaiki: nama, NIK, alamat, nomor telepon atau email.',
    });
    expect(subjects.corrections).toEqual([]);
    expect(subjects.requests).toEqual([]);
  });

  it("applies the intake's rules to the changed fields: a malformed NIK is a 400, a cleared name a 422", async () => {
    const { service, subjects } = setup();
    const c = siti();
    subjects.add(c);

    const malformed = service.correct(c.id, { complainantNik: '12345', reason }, admin);
    await expect(malformed).rejects.toMatchObject({
      status: 400,
      response: { message: 'NIK harus terdiri dari 16 digit angka sesuai KTP.' },
      fields: { 'complainant.nik': 'NIK harus terdiri dari 16 digit angka sesuai KTP.' },
    });
    expect(await apiErrorOf(service.correct(c.id, { complainantName: '  ', reason }, admin))).toEqual({
      status: 422,
      message: 'Nama pengadu wajib diisi.',
    });
    expect(subjects.corrections).toEqual([]);
    expect(c.complainantNik).toBe(NIK);
  });

  it('does not hold a rule broken by a field it leaves alone against the correction', async () => {
    const { service, subjects } = setup();
    // A letter (SURAT) needs a valid NIK; this one was stored without.
    const c = siti({ channel: 'SURAT', complainantNik: null });
    subjects.add(c);

    const result = await service.correct(c.id, { complainantPhone: '081311112222', reason }, admin);
    expect(result.changedFields).toEqual(['complainantPhone']);

    // Once the NIK is corrected, the letter's rule holds for it (a malformed NIK on a letter is a 422).
    expect(await apiErrorOf(service.correct(c.id, { complainantNik: '12345', reason }, admin))).toEqual({
      status: 422,
      message: 'Pengaduan melalui surat wajib dilengkapi NIK KTP pengadu yang sah (16 digit angka).',
    });
  });

  it('stores only the fields that change, trimmed, with a timeline event and the request, and logs the read', async () => {
    const { service, subjects, accessLog } = setup();
    const c = siti();
    subjects.add(c);

    const result = await service.correct(
      c.id,
      {
        complainantName: 'Siti Aminah',
        complainantEmail: '  siti.baru@example.com ',
        complainantAddress: '',
        reason: `  ${reason} `,
      },
      admin,
    );

    expect(result).toEqual({
      id: c.id,
      registerNumber: c.registerNumber,
      changedFields: ['complainantAddress', 'complainantEmail'],
      changedFieldLabels: ['Alamat', 'Email'],
      complainant: {
        name: 'Siti Aminah',
        nik: NIK,
        address: null,
        phone: PHONE,
        email: 'siti.baru@example.com',
      },
      requestId: expect.any(String),
    });
    expect(subjects.corrections).toEqual([
      {
        complaintId: c.id,
        changes: { complainantAddress: null, complainantEmail: 'siti.baru@example.com' },
        event: {
          id: `${c.id}:corrected:${result.requestId}`,
          complaintId: c.id,
          type: 'PERSONAL_DATA_CORRECTED',
          actor: 'admin',
          at: expect.any(Date),
          details: { fields: ['complainantAddress', 'complainantEmail'], requestId: result.requestId },
        },
      },
    ]);
    expect(subjects.requests).toEqual([
      {
        id: result.requestId,
        at: expect.any(Date),
        action: 'CORRECT',
        userId: 'admin-id',
        username: 'admin',
        keys: {},
        complaintIds: [c.id],
        outcome: 'CORRECTED',
        details: { fields: ['complainantAddress', 'complainantEmail'] },
        reason,
      },
    ]);
    // The new identity was shown unmasked: the address is gone, so it is not among the fields read.
    expect(accessLog.recorded.map((r) => r.reads)).toEqual([
      [{ complaintId: c.id, registerNumber: c.registerNumber, fields: ['NAMA', 'NIK', 'TELEPON', 'EMAIL'] }],
    ]);
  });

  it('records a correction that changes nothing as UNCHANGED, without a timeline event', async () => {
    const { service, subjects } = setup();
    const c = siti();
    subjects.add(c);

    const result = await service.correct(c.id, { complainantPhone: ` ${PHONE}`, reason }, admin);

    expect(result.changedFields).toEqual([]);
    expect(subjects.corrections).toEqual([{ complaintId: c.id, changes: {}, event: null }]);
    expect(subjects.requests.map((r) => [r.outcome, r.details])).toEqual([['UNCHANGED', { fields: [] }]]);
  });
});

describe('DataSubjectService.erase', () => {
  const reason = 'Permohonan penghapusan data dari pengadu';

  it('erases the closed complaints past the objection window and refuses the others with the reason', async () => {
    const { service, subjects } = setup();
    const done = siti({ ...longClosed, receivedAt: new Date('2024-12-01T02:00:00Z') });
    const open = siti({ status: 'IN_PROGRESS', receivedAt: new Date('2026-03-01T02:00:00Z') });
    const recent = siti({
      status: 'REJECTED',
      closedAt: new Date(Date.now() - 24 * 3600 * 1000),
      receivedAt: new Date('2026-04-01T02:00:00Z'),
    });
    subjects.add(done, open, recent);
    subjects.attachments.push(
      Object.assign(new Attachment(), { id: 'a1', complaintId: done.id, createdAt: new Date() }),
    );

    const result = await service.erase({ nik: NIK, reason: ` ${reason} ` }, admin);

    expect(result.erased).toEqual([{ id: done.id, registerNumber: done.registerNumber, removedFiles: 1 }]);
    expect(result.refused.map((r) => [r.id, r.code])).toEqual([
      [open.id, 'OPEN'],
      [recent.id, 'OBJECTION_WINDOW'],
    ]);
    expect(result.refused[0].message).toBe(
      'Pengaduan masih ditangani: identitas dan kontak pengadu diperlukan untuk menyampaikan tanggapan.',
    );
    expect(subjects.anonymised).toEqual([
      {
        complaintId: done.id,
        reason: { kind: 'ERASURE', actor: 'admin', at: expect.any(Date) },
        files: { dataDir: '/var/lib/pengaduan' },
      },
    ]);
    expect(subjects.requests).toEqual([
      expect.objectContaining({
        id: result.requestId,
        action: 'ERASE',
        keys: { nik: '1674**********02' },
        complaintIds: [done.id, open.id, recent.id],
        outcome: 'PARTIAL',
        details: {
          erased: [done.id],
          refused: [
            { id: open.id, code: 'OPEN' },
            { id: recent.id, code: 'OBJECTION_WINDOW' },
          ],
        },
        reason,
      }),
    ]);
  });

  it('says ERASED, REFUSED or NOT_FOUND when all, none or no complaint could be erased', async () => {
    const { service, subjects } = setup();
    subjects.add(
      siti({ ...longClosed }),
      siti({ ...longClosed, complainantEmail: 'anon@example.com', identityMode: 'ANONIM' }),
      siti({ ...longClosed, complainantEmail: 'gone@example.com', anonymisedAt: new Date('2026-01-01') }),
    );

    expect((await service.erase({ email: EMAIL, reason }, admin)).erased).toHaveLength(1);
    const refused = await service.erase({ email: 'anon@example.com', reason }, admin);
    expect(refused.refused.map((r) => r.code)).toEqual(['NO_IDENTITY']);
    const already = await service.erase({ email: 'gone@example.com', reason }, admin);
    expect(already.refused.map((r) => r.code)).toEqual(['ALREADY_ANONYMISED']);
    await service.erase({ email: 'nobody@example.com', reason }, admin);

    expect(subjects.requests.map((r) => r.outcome)).toEqual(['ERASED', 'REFUSED', 'REFUSED', 'NOT_FOUND']);
    expect(subjects.anonymised).toHaveLength(1);
  });
});

describe('DataSubjectService.list', () => {
  it('pages the request log newest first with the action in Bahasa', async () => {
    const { service, subjects } = setup();
    for (const [i, action] of (['SEARCH', 'EXPORT', 'CORRECT'] as const).entries())
      subjects.requests.push({
        id: `r${i}`,
        at: new Date(Date.UTC(2026, 10, 1 + i)),
        action,
        userId: 'admin-id',
        username: 'admin',
        keys: {},
        complaintIds: [],
        outcome: 'FOUND',
        details: null,
        reason: null,
      });

    const page = await service.list({ page: 2, pageSize: 2 });

    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items.map((r) => [r.id, r.action, r.actionLabel, r.at])).toEqual([
      ['r0', 'SEARCH', 'Pencarian', '2026-11-01T00:00:00.000Z'],
    ]);
    expect((await service.list({})).items.map((r) => r.actionLabel)).toEqual([
      'Perbaikan data',
      'Ekspor data',
      'Pencarian',
    ]);
  });
});
