import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { PinoLogger } from 'nestjs-pino';
import {
  AttachmentsService,
  COMPLAINT_NOT_FOUND,
  EVIDENCE_FORBIDDEN,
  NO_FILE,
  type UploadedEvidence,
} from '../../../src/api/attachments/attachments.service';
import type { Principal } from '../../../src/api/auth/principal';
import type { PersonalDataAccessService } from '../../../src/api/personal-data-access/personal-data-access.service';
import type { AppConfig } from '../../../src/config/config';
import type { PersonalDataRead } from '../../../src/db/repositories/personal-data-access.repository';
import { apiErrorOf, complaintRecord, staff, taskRecord } from './fakes';
import { InMemoryAttachmentRepository } from './fakes-attachments';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n', 'ascii');
const MAX_BYTES = 1024;
const MAX_COUNT = 2;

let dataDir: string;
beforeEach(async () => {
  dataDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'attachments-test-'));
});
afterEach(async () => {
  await fs.promises.rm(dataDir, { recursive: true, force: true });
});

function setup() {
  const repo = new InMemoryAttachmentRepository();
  const reads: { user: string; reads: readonly PersonalDataRead[] }[] = [];
  const accessLog = {
    record: async (principal: Principal, r: readonly PersonalDataRead[]) => {
      reads.push({ user: principal.username, reads: r });
    },
  } as unknown as PersonalDataAccessService;
  const logger = { error: () => {} } as unknown as PinoLogger;
  const config = { dataDir, attachmentMaxBytes: MAX_BYTES, attachmentMaxCount: MAX_COUNT } as AppConfig;
  const service = new AttachmentsService(repo, config, logger, accessLog);
  return { repo, reads, service };
}

const pdf = (fields: Partial<UploadedEvidence> = {}): UploadedEvidence => ({
  originalname: 'kuitansi.pdf',
  mimetype: 'application/pdf',
  size: PDF.length,
  buffer: PDF,
  ...fields,
});

const filesOf = async (complaintId: string) =>
  fs.promises.readdir(path.join(dataDir, 'attachments', complaintId)).catch(() => [] as string[]);

const read = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

describe('AttachmentsService uploads', () => {
  it('stores a staff upload under a random name with its SHA-256, and records it on the timeline', async () => {
    const { service, repo } = setup();
    const c = complaintRecord({ status: 'IN_PROGRESS' });
    repo.complaints.push(c);

    const dto = await service.addByStaff(
      c.id,
      pdf({ originalname: '../../etc/Kuitansi Mei.exe' }),
      staff('LOKET', 'loket'),
    );

    expect(dto).toMatchObject({
      complaintId: c.id,
      fileName: 'Kuitansi Mei.pdf',
      mimeType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      uploadedBy: 'loket',
    });
    const [stored] = repo.rows;
    expect(stored.storagePath).toBe(`${c.id}/${dto.id}`);
    expect(await filesOf(c.id)).toEqual([dto.id]);
    expect(await fs.promises.readFile(path.join(dataDir, 'attachments', stored.storagePath))).toEqual(PDF);
    expect(repo.events).toEqual([
      expect.objectContaining({
        id: `${c.id}:attachment:${dto.id}`,
        complaintId: c.id,
        type: 'ATTACHMENT_ADDED',
        actor: 'loket',
        details: expect.objectContaining({ attachmentId: dto.id, via: 'STAFF', sha256: dto.sha256 }),
      }),
    ]);
  });

  it('takes a public upload by tracking code only while the complaint is RECEIVED, answering without the complaint id or uploader', async () => {
    const { service, repo } = setup();
    const received = complaintRecord({ status: 'RECEIVED', trackingCode: 'K7QX2M9TPA' });
    const triaged = complaintRecord({ status: 'IN_PROGRESS', trackingCode: 'ZZQX2M9TPA' });
    repo.complaints.push(received, triaged);

    const dto = await service.addByPublic(' k7qx2m9tpa ', pdf());
    expect(dto).not.toHaveProperty('complaintId');
    expect(dto).not.toHaveProperty('uploadedBy');
    expect(repo.events[0]).toMatchObject({ actor: null, details: { via: 'WEBSITE' } });

    expect(await apiErrorOf(service.addByPublic(triaged.trackingCode, pdf()))).toEqual({
      status: 409,
      message:
        'Bukti hanya dapat ditambahkan lewat situs sebelum pengaduan diperiksa petugas. ' +
        'Serahkan bukti tambahan langsung kepada petugas pengaduan.',
    });
    expect(await apiErrorOf(service.addByPublic('UNKNOWN123', pdf()))).toEqual({
      status: 404,
      message: 'Kode pelacakan tidak ditemukan.',
    });
    expect(repo.rows).toHaveLength(1);
    expect(await filesOf(triaged.id)).toEqual([]);
  });

  it.each([
    ['no file', undefined, 400, NO_FILE],
    ['an empty file', pdf({ buffer: Buffer.alloc(0), size: 0 }), 400, 'Berkas yang dikirim kosong.'],
    [
      'a file over the size limit',
      pdf({ buffer: Buffer.concat([PDF, Buffer.alloc(MAX_BYTES)]) }),
      413,
      'Berkas terlalu besar. Ukuran paling besar 1 KB.',
    ],
    [
      'a program named as a PDF',
      pdf({ buffer: Buffer.from('MZ\x90\x00 program', 'binary') }),
      415,
      'Isi berkas bukan JPEG, PNG, PDF yang sah. Kirim foto (JPEG/PNG) atau dokumen PDF.',
    ],
  ])('refuses %s without storing anything', async (_what, file, status, message) => {
    const { service, repo } = setup();
    const c = complaintRecord();
    repo.complaints.push(c);
    expect(await apiErrorOf(service.addByStaff(c.id, file, staff('LOKET', 'loket')))).toEqual({
      status,
      message,
    });
    expect(repo.rows).toEqual([]);
    expect(await filesOf(c.id)).toEqual([]);
  });

  it('refuses a file beyond the number a complaint may hold (422)', async () => {
    const { service, repo } = setup();
    const c = complaintRecord();
    repo.complaints.push(c);
    const loket = staff('LOKET', 'loket');
    await service.addByStaff(c.id, pdf(), loket);
    await service.addByStaff(c.id, pdf(), loket);

    expect(await apiErrorOf(service.addByStaff(c.id, pdf(), loket))).toEqual({
      status: 422,
      message: 'Satu pengaduan paling banyak memuat 2 berkas bukti.',
    });
    expect(await filesOf(c.id)).toHaveLength(2);
  });

  it('removes the written file when its record cannot be stored', async () => {
    const { service, repo } = setup();
    const c = complaintRecord();
    repo.complaints.push(c);
    repo.failNextInsert = true;

    await expect(service.addByStaff(c.id, pdf(), staff('LOKET', 'loket'))).rejects.toThrow(
      'database is locked',
    );
    expect(await filesOf(c.id)).toEqual([]);
  });

  it('answers 404 for an unknown complaint or an id that is not a UUID', async () => {
    const { service } = setup();
    for (const id of ['00000000-0000-4000-8000-999999999999', 'not-a-uuid'])
      expect(await apiErrorOf(service.list(id))).toEqual({ status: 404, message: COMPLAINT_NOT_FOUND });
  });
});

describe('AttachmentsService.open', () => {
  async function withEvidence() {
    const s = setup();
    const c = complaintRecord();
    s.repo.complaints.push(c);
    s.repo.tasks.push(taskRecord(c, 'KECAMATAN', { area: '16.74.01' }), taskRecord(c, 'TIM_TEKNIS'));
    const dto = await s.service.addByStaff(c.id, pdf(), staff('LOKET', 'loket'));
    return { ...s, c, dto };
  }

  it('streams the file to a unit handling the complaint, and logs the read as personal data (LAMPIRAN)', async () => {
    const { service, reads, c, dto } = await withEvidence();

    const { attachment, content } = await service.open(c.id, dto.id, staff('TIM_TEKNIS', 'teknis'));

    expect(attachment.id).toBe(dto.id);
    expect(await read(content)).toEqual(PDF);
    expect(reads).toEqual([
      {
        user: 'teknis',
        reads: [{ complaintId: c.id, registerNumber: c.registerNumber, fields: ['LAMPIRAN'] }],
      },
    ]);
  });

  it.each([
    ['a unit without a task on it', staff('BIDANG_PERIZINAN', 'perizinan')],
    ['the kecamatan of another area', staff('KECAMATAN', 'camat-cambai', '16.74.02')],
  ])('answers 403 to %s, without logging a read', async (_who, user) => {
    const { service, reads, c, dto } = await withEvidence();
    expect(await apiErrorOf(service.open(c.id, dto.id, user))).toEqual({
      status: 403,
      message: EVIDENCE_FORBIDDEN,
    });
    expect(reads).toEqual([]);
  });

  it("answers 404 for another complaint's attachment, and for a file missing from storage", async () => {
    const { service, repo, reads, c, dto } = await withEvidence();
    const other = complaintRecord();
    repo.complaints.push(other);
    const admin: Principal = {
      sub: 'admin',
      username: 'admin',
      role: 'ADMIN',
      unit: null,
      area: null,
      eselon: null,
    };

    expect(await apiErrorOf(service.open(other.id, dto.id, admin))).toEqual({
      status: 404,
      message: 'Berkas bukti tidak ditemukan pada pengaduan ini.',
    });
    await fs.promises.rm(path.join(dataDir, 'attachments', c.id, dto.id));
    expect(await apiErrorOf(service.open(c.id, dto.id, admin))).toEqual({
      status: 404,
      message: 'Berkas bukti tidak ditemukan di penyimpanan. Hubungi admin.',
    });
    expect(reads).toEqual([]);
  });
});
