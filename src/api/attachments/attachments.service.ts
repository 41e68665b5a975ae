import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '../../config/config';
import type { Attachment, Complaint } from '../../db/entities';
import { AttachmentRepository } from '../../db/repositories/attachment.repository';
import { canSeePersonalData } from '../../domain/personal-data';
import type { Principal } from '../auth/principal';
import { ApiError, badRequest, conflict, forbidden, notFound, unprocessable } from '../common/api-error';
import { APP_CONFIG } from '../common/config.module';
import { PersonalDataAccessService } from '../personal-data-access/personal-data-access.service';
import { normaliseTrackingCode, TRACKING_CODE_NOT_FOUND } from '../tracking/tracking-code';
import type { AttachmentDto, PublicAttachmentDto } from './attachments.dto';
import { checkType, safeFileName } from './file-checks';

/** A file as multer's memory storage hands it over. */
export interface UploadedEvidence {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export const COMPLAINT_NOT_FOUND = 'Pengaduan tidak ditemukan.';
export const EVIDENCE_FORBIDDEN =
  'Anda tidak berwenang mengunduh berkas bukti pengaduan ini. Berkas bukti memuat data pribadi pengadu ' +
  'dan hanya dapat dibuka oleh unit yang menangani pengaduan ini.';
export const NO_FILE = 'Berkas bukti wajib dikirim sebagai multipart/form-data pada kolom "file".';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * Evidence files (bukti) of a complaint. The content is checked (type by magic bytes, size), stored
 * under DATA_DIR/attachments/<complaintId>/<random id> (the client's file name never becomes a
 * path), and recorded with its SHA-256 and an ATTACHMENT_ADDED event on the complaint's timeline.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly attachments: AttachmentRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectPinoLogger(AttachmentsService.name) private readonly logger: PinoLogger,
    private readonly accessLog: PersonalDataAccessService,
  ) {}

  private get root(): string {
    return path.resolve(this.config.dataDir, 'attachments');
  }

  /** Staff add evidence to any complaint. */
  async addByStaff(
    complaintId: string,
    file: UploadedEvidence | undefined,
    user: Principal,
  ): Promise<AttachmentDto> {
    const complaint = await this.complaintById(complaintId);
    return toDto(await this.store(complaint, file, user.username));
  }

  /** The complainant adds evidence through the website, right after submitting (status RECEIVED only). */
  async addByPublic(trackingCode: string, file: UploadedEvidence | undefined): Promise<PublicAttachmentDto> {
    const code = normaliseTrackingCode(trackingCode);
    const complaint = code ? await this.attachments.findComplaintByTrackingCode(code) : null;
    if (!complaint) throw notFound(TRACKING_CODE_NOT_FOUND);
    if (complaint.status !== 'RECEIVED') {
      throw conflict(
        'Bukti hanya dapat ditambahkan lewat situs sebelum pengaduan diperiksa petugas. ' +
          'Serahkan bukti tambahan langsung kepada petugas pengaduan.',
      );
    }
    const { complaintId: _c, uploadedBy: _u, ...visible } = toDto(await this.store(complaint, file, null));
    return visible;
  }

  async list(complaintId: string): Promise<AttachmentDto[]> {
    const complaint = await this.complaintById(complaintId);
    const rows = await this.attachments.findByComplaint(complaint.id);
    return rows.map(toDto);
  }

  /**
   * The stored file of an attachment, to stream back. Evidence is personal data: only callers who may
   * see this complaint's personal data (src/domain/personal-data.ts) get it; others get 403.
   */
  async open(
    complaintId: string,
    attachmentId: string,
    user: Principal,
  ): Promise<{ attachment: Attachment; content: Readable }> {
    const complaint = await this.complaintById(complaintId);
    const tasks = await this.attachments.findTaskScopes(complaint.id);
    if (!canSeePersonalData(user, tasks)) throw forbidden(EVIDENCE_FORBIDDEN);
    const attachment = UUID.test(attachmentId)
      ? await this.attachments.findOne(attachmentId, complaint.id)
      : null;
    if (!attachment) throw notFound('Berkas bukti tidak ditemukan pada pengaduan ini.');
    const file = this.pathOf(attachment.storagePath);
    try {
      await fs.promises.access(file, fs.constants.R_OK);
    } catch {
      this.logger.error({ attachmentId, file }, 'evidence file missing from storage');
      throw notFound('Berkas bukti tidak ditemukan di penyimpanan. Hubungi admin.');
    }
    // An evidence file is personal data: the download is in the access log (LAMPIRAN).
    await this.accessLog.record(user, [
      { complaintId: complaint.id, registerNumber: complaint.registerNumber, fields: ['LAMPIRAN'] },
    ]);
    return { attachment, content: fs.createReadStream(file) };
  }

  private async complaintById(id: string): Promise<Pick<Complaint, 'id' | 'status' | 'registerNumber'>> {
    const complaint = UUID.test(id) ? await this.attachments.findComplaint(id) : null;
    if (!complaint) throw notFound(COMPLAINT_NOT_FOUND);
    return complaint;
  }

  private async store(
    complaint: Pick<Complaint, 'id'>,
    file: UploadedEvidence | undefined,
    uploadedBy: string | null,
  ): Promise<Attachment> {
    if (!file || !Buffer.isBuffer(file.buffer)) throw badRequest(NO_FILE);
    const content = file.buffer;
    if (content.length === 0) throw badRequest('Berkas yang dikirim kosong.');
    if (content.length > this.config.attachmentMaxBytes) {
      throw new ApiError(
        413,
        `Berkas terlalu besar. Ukuran paling besar ${megabytes(this.config.attachmentMaxBytes)}.`,
      );
    }
    const type = checkType(content, file.mimetype);
    if (!type.ok) throw new ApiError(415, type.message);

    if ((await this.attachments.countByComplaint(complaint.id)) >= this.config.attachmentMaxCount) {
      throw unprocessable(
        `Satu pengaduan paling banyak memuat ${this.config.attachmentMaxCount} berkas bukti.`,
      );
    }

    const id = randomUUID();
    const storagePath = `${complaint.id}/${id}`;
    const target = this.pathOf(storagePath);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    // Written under a temporary name first, so a crash never leaves a half file under the real one.
    await fs.promises.writeFile(`${target}.part`, content, { flag: 'wx', mode: 0o640 });
    await fs.promises.rename(`${target}.part`, target);

    const sha256 = createHash('sha256').update(content).digest('hex');
    const fileName = safeFileName(file.originalname, type.type);
    const now = new Date();
    try {
      return await this.attachments.insertWithEvent(
        {
          id,
          complaintId: complaint.id,
          fileName,
          mimeType: type.type.mimeType,
          size: content.length,
          sha256,
          storagePath,
          uploadedBy,
          createdAt: now,
        },
        {
          id: `${complaint.id}:attachment:${id}`,
          complaintId: complaint.id,
          type: 'ATTACHMENT_ADDED',
          actor: uploadedBy,
          at: now,
          details: {
            attachmentId: id,
            fileName,
            mimeType: type.type.mimeType,
            size: content.length,
            sha256,
            via: uploadedBy ? 'STAFF' : 'WEBSITE',
          },
        },
      );
    } catch (err) {
      await fs.promises.rm(target, { force: true });
      throw err;
    }
  }

  /** Absolute path of a stored file; refuses anything that would leave the attachments folder. */
  private pathOf(storagePath: string): string {
    const root = this.root;
    const file = path.resolve(root, storagePath);
    if (!file.startsWith(root + path.sep)) throw notFound('Berkas bukti tidak ditemukan.');
    return file;
  }
}

function toDto(a: Attachment): AttachmentDto {
  return {
    id: a.id,
    complaintId: a.complaintId,
    fileName: a.fileName,
    mimeType: a.mimeType,
    size: a.size,
    sha256: a.sha256,
    uploadedBy: a.uploadedBy ?? null,
    createdAt: a.createdAt.toISOString(),
  };
}
