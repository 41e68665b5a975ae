import { createHash, randomInt, randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AuditEvent, Complaint, User } from '../../db/entities';
import { IntakeRepository, type NewIdempotencyRecord } from '../../db/repositories/intake.repository';
import { UserRepository } from '../../db/repositories/user.repository';
import { officeDateOf } from '../../domain/calendar';
import { type Channel, checkIntakeRules, complainantAddressText } from '../../domain/channels';
import { ANONYMOUS_NAME, DEFAULT_IDENTITY_MODE } from '../../domain/identity-mode';
import { checkPrivacyNoticeVersion } from '../../domain/privacy-notice';
import { notifyByProblem } from '../../notifications/notify-by';
import { ComplaintWorkflows } from '../../temporal/complaint-workflows';
import { workflowIdForRegister } from '../../temporal/ids';
import type { Principal } from '../auth/principal';
import { badRequest, conflict, unprocessable } from '../common/api-error';
import { ReferenceDataCache } from '../reference-data/reference-data.cache';
import type { ComplaintCreatedDto, PublicComplaintDto } from './create-complaint.dto';

/** A letter may be logged late, but not by more than this. */
export const MAX_BACKDATE_DAYS = 30;
const TRACKING_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I
// Intake rules that are about the form of a field (400) rather than the SOP (422).
const FORMAT_RULES = new Set(['NIK_FORMAT', 'CHANNEL_VALID']);

export interface IntakeRequest {
  body: PublicComplaintDto;
  channel: Channel;
  receivedAt?: string;
  receivedBy: Principal | null;
  /** TATAP_MUKA: the user id of the official who received the complainant (SOP C.1.a). */
  receivingOfficialId?: string;
  idempotencyKey?: string;
  /** Where it came in from besides its channel (the Open311 endpoint), with what that source adds. */
  origin?: IntakeOrigin;
}

/** A complaint from the Open311 GeoReport v2 endpoint (channel WEBSITE, source OPEN311). */
export interface IntakeOrigin {
  source: 'OPEN311';
  /** The client application's name (its API key's). */
  client: string;
  requestedService: string;
  latitude: number | null;
  longitude: number | null;
  locationAddress: string | null;
}

/**
 * Registers a complaint: checks the SOP's intake rules, gives it a register number and a tracking
 * code, stores it with its deadline, then starts its workflow. The record is committed before the
 * workflow starts, so nothing submitted is lost if Temporal is down: the worker's reconciler starts
 * any workflow that is missing.
 */
@Injectable()
export class ComplaintIntakeService {
  private readonly logger = new Logger(ComplaintIntakeService.name);

  constructor(
    private readonly intake: IntakeRepository,
    @Inject(ComplaintWorkflows) private readonly workflows: ComplaintWorkflows,
    private readonly referenceData: ReferenceDataCache,
    private readonly users: UserRepository,
  ) {}

  async register(req: IntakeRequest): Promise<ComplaintCreatedDto> {
    const idempotencyKey = req.idempotencyKey
      ? `${req.receivedBy?.username ?? 'publik'}:${req.idempotencyKey}`
      : undefined;
    // What a repeated request must match to get the earlier answer (only with an Idempotency-Key).
    const requestHash = idempotencyKey
      ? createHash('sha256')
          .update(
            JSON.stringify({
              channel: req.channel,
              receivedAt: req.receivedAt,
              body: req.body,
              ...(req.receivingOfficialId ? { receivingOfficialId: req.receivingOfficialId } : {}),
            }),
          )
          .digest('hex')
      : '';
    if (idempotencyKey) {
      const earlier = await this.findEarlier(idempotencyKey, requestHash);
      if (earlier) return earlier;
    }

    const receivedAt = this.checkReceivedAt(req.receivedAt);
    const official = await this.findReceivingOfficial(req.receivingOfficialId);
    this.checkIntakeRules(req, official);
    const location = await this.checkLocation(req.body.location);

    const { dueAt, warning: calendarWarning } = await this.referenceData.deadline(receivedAt);

    const now = new Date();
    const identityMode = req.body.identityMode ?? DEFAULT_IDENTITY_MODE;
    // ANONIM: the rules refused any identity, so there is none to store and nobody to tell.
    const complainant = identityMode === 'ANONIM' ? { name: ANONYMOUS_NAME } : req.body.complainant!;
    const complaint: Complaint = {
      id: randomUUID(),
      registerNumber: '', // given by the register counter when stored
      trackingCode: trackingCode(),
      workflowId: '',
      channel: req.channel,
      complainantName: complainant.name.trim(),
      complainantNik: complainant.nik?.trim() || null,
      // Parts of a KTP address are kept as one line, as records and reports show an address.
      complainantAddress: complainantAddressText(complainant) ?? null,
      complainantPhone: complainant.phone?.trim() || null,
      complainantEmail: complainant.email?.trim() || null,
      notifyBy: identityMode === 'ANONIM' ? 'NONE' : (req.body.notifyBy ?? null),
      identityMode,
      licensingService: req.body.licensingService?.trim() || null,
      description: req.body.description.trim(),
      evidence: req.body.evidence.map((e) => e.trim()).filter(Boolean),
      kecamatan: location?.kecamatan ?? null,
      kelurahan: location?.kelurahan ?? null,
      receivedAt,
      receivedBy: req.receivedBy?.username ?? null,
      receivingOfficial: official?.username ?? null,
      receivingOfficialName: official?.fullName ?? null,
      receivingOfficialEselon: official?.eselon ?? null,
      status: 'RECEIVED',
      dueAt,
      overdue: false,
      createdAt: now,
      updatedAt: now,
      source: req.origin?.source ?? null,
      sourceClient: req.origin?.client ?? null,
      requestedService: req.origin?.requestedService ?? null,
      latitude: req.origin?.latitude ?? null,
      longitude: req.origin?.longitude ?? null,
      locationAddress: req.origin?.locationAddress ?? null,
      privacyNoticeVersion: req.body.privacyNoticeVersion,
      privacyAcknowledgedAt: now,
    };
    const received: Partial<AuditEvent> = {
      id: `${complaint.id}:received`,
      complaintId: complaint.id,
      type: 'RECEIVED',
      actor: req.receivedBy?.username ?? null,
      at: now,
      details: {
        channel: req.channel,
        calendarWarning,
        ...(identityMode !== DEFAULT_IDENTITY_MODE ? { identityMode } : {}),
        ...(req.origin ? { source: req.origin.source, sourceClient: req.origin.client } : {}),
        ...(official
          ? {
              receivingOfficial: {
                username: official.username,
                name: official.fullName,
                eselon: official.eselon ?? null,
              },
            }
          : {}),
      },
    };
    // The idempotency record keeps the receipt (with the register number it gets when stored).
    const idempotency: NewIdempotencyRecord | undefined = idempotencyKey
      ? {
          record: { key: idempotencyKey, requestHash, complaintId: complaint.id, createdAt: now },
          response: (registerNumber) => this.receipt(complaint, registerNumber, calendarWarning),
        }
      : undefined;
    const period = officeDateOf(receivedAt).slice(0, 7).replace('-', '/');

    let created: ComplaintCreatedDto;
    try {
      complaint.registerNumber = await this.intake.storeNumbered(complaint, received, idempotency, period);
      complaint.workflowId = workflowIdForRegister(complaint.registerNumber);
      created = this.receipt(complaint, complaint.registerNumber, calendarWarning);
    } catch (err) {
      // The same Idempotency-Key sent twice at once: the other request stored its complaint first.
      if (idempotencyKey && err instanceof UniqueConstraintViolationException) {
        const earlier = await this.findEarlier(idempotencyKey, requestHash);
        if (earlier) return earlier;
      }
      throw err;
    }

    // The complaint is stored: if Temporal does not answer promptly the citizen still gets the receipt
    // and the reconciler starts the workflow later.
    try {
      await this.workflows.start(complaint);
    } catch (err) {
      this.logger.warn(
        `complaint ${complaint.registerNumber} saved; its workflow will be started by the reconciler: ${err}`,
      );
    }
    return created;
  }

  private async findEarlier(key: string, requestHash: string): Promise<ComplaintCreatedDto | undefined> {
    const record = await this.intake.findIdempotencyRecord(key);
    if (!record) return undefined;
    if (record.requestHash !== requestHash) {
      throw conflict(
        'Idempotency-Key ini sudah dipakai untuk pengaduan dengan isi berbeda. Gunakan kunci baru untuk pengaduan baru.',
      );
    }
    return record.response as unknown as ComplaintCreatedDto;
  }

  private checkReceivedAt(value: string | undefined): Date {
    const now = Date.now();
    if (value === undefined) return new Date(now);
    const at = new Date(value);
    // A minute of grace for clocks that run slightly ahead.
    if (at.getTime() > now + 60_000)
      throw unprocessable('Waktu penerimaan (receivedAt) tidak boleh di masa depan.');
    if (at.getTime() < now - MAX_BACKDATE_DAYS * 86_400_000) {
      throw unprocessable(`Waktu penerimaan (receivedAt) paling lama ${MAX_BACKDATE_DAYS} hari yang lalu.`);
    }
    return at;
  }

  /** The user named as the receiving official (422 when there is no such user). */
  private async findReceivingOfficial(id: string | undefined): Promise<User | null> {
    if (id === undefined) return null;
    const user = await this.users.findById(id);
    if (!user) throw unprocessable('Pejabat penerima tidak ditemukan.');
    return user;
  }

  private checkIntakeRules(req: IntakeRequest, official: User | null): void {
    const complainant = req.body.complainant ?? { name: '' };
    const violations = checkIntakeRules({
      channel: req.channel,
      complainant,
      description: req.body.description,
      evidence: req.body.evidence,
      receivingOfficial: official,
      identityMode: req.body.identityMode,
      notifyBy: req.body.notifyBy,
    });
    // The complainant acknowledged the current privacy notice, not an older one (UU 27/2022).
    violations.push(...checkPrivacyNoticeVersion(req.body.privacyNoticeVersion));
    const format = violations.filter((v) => FORMAT_RULES.has(v.rule));
    // A choice of notification without its contact is a rule across fields (422), like the channel rules.
    const notifyBy = notifyByProblem(req.body.notifyBy, complainant);
    if (notifyBy) violations.push({ rule: 'NOTIFY_BY', message: notifyBy } as (typeof violations)[number]);
    // Each field's own message too, for a form to show next to the field (the first rule per field).
    const fieldsOf = (list: typeof violations) =>
      Object.fromEntries(
        list
          .filter((v) => v.field)
          .reverse()
          .map((v) => [v.field, v.message] as const),
      );
    if (format.length > 0) throw badRequest(format.map((v) => v.message).join(' '), fieldsOf(format));
    if (violations.length > 0)
      throw unprocessable(violations.map((v) => v.message).join(' '), fieldsOf(violations));
  }

  private async checkLocation(
    location: PublicComplaintDto['location'],
  ): Promise<{ kecamatan: string; kelurahan: string | null } | null> {
    if (!location?.kecamatan && !location?.kelurahan) return null;
    const areas = await this.referenceData.areas();
    const area = (code: string | undefined, level: string) => {
      const found = code ? areas.get(code) : undefined;
      return found?.level === level ? found : null;
    };
    const kelurahan = area(location.kelurahan, 'KELURAHAN');
    if (location.kelurahan && !kelurahan)
      throw unprocessable('Kelurahan/desa tidak dikenal di Kota Prabumulih.');
    const kecamatanCode = location.kecamatan ?? kelurahan?.parentCode ?? undefined;
    const kecamatan = area(kecamatanCode, 'KECAMATAN');
    if (!kecamatan) throw unprocessable('Kecamatan tidak dikenal di Kota Prabumulih.');
    if (kelurahan && kelurahan.parentCode !== kecamatan.code)
      throw unprocessable('Kelurahan yang dipilih tidak berada di kecamatan tersebut.');
    return { kecamatan: kecamatan.code, kelurahan: kelurahan?.code ?? null };
  }

  /**
   * What the caller gets back, and what a repeated request with the same Idempotency-Key gets: with
   * the calendar's warning when the deadline's working days reach a year without an official list.
   */
  private receipt(
    complaint: Complaint,
    registerNumber: string,
    calendarWarning: string | undefined,
  ): ComplaintCreatedDto {
    return {
      id: complaint.id,
      registerNumber,
      trackingCode: complaint.trackingCode,
      status: 'RECEIVED',
      receivedAt: complaint.receivedAt.toISOString(),
      dueAt: (complaint.dueAt as Date).toISOString(),
      ...(calendarWarning ? { calendarWarning } : {}),
    };
  }
}

function trackingCode(): string {
  return Array.from({ length: 10 }, () => TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)]).join('');
}
