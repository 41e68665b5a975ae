import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/config';
import type { Complaint } from '../../db/entities';
import { DataSubjectRepository } from '../../db/repositories/data-subject.repository';
import { type Channel, checkIntakeRules } from '../../domain/channels';
import {
  CORRECTABLE_FIELD_LABELS,
  CORRECTABLE_FIELDS,
  type CorrectableField,
  DATA_SUBJECT_ACTION_LABELS,
  type DataSubjectAction,
  erasureRefusal,
  maskedKeys,
  matchedKeys,
  type PersonKeys,
} from '../../domain/data-subject';
import { nikProblem } from '../../domain/nik';
import { personalDataFieldLabels, unmaskedIdentityFields } from '../../domain/personal-data-access';
import { TIMELINE_EVENT_LABELS } from '../../domain/timeline-labels';
import type { Principal } from '../auth/principal';
import { badRequest, notFound, unprocessable } from '../common/api-error';
import { APP_CONFIG } from '../common/config.module';
import { DEFAULT_PAGE_SIZE, type PaginationQueryDto } from '../complaints/complaint-query.dto';
import { PersonalDataAccessService } from '../personal-data-access/personal-data-access.service';
import type {
  CorrectComplainantDto,
  CorrectionResultDto,
  DataSubjectRequestPageDto,
  EraseDto,
  ErasureResultDto,
  PersonComplaintsDto,
  PersonKeysDto,
} from './data-subject.dto';
import type { ExportComplaintDto, PersonalDataExportDto } from './data-subject-export.dto';

/** Where a field of the intake rules lives on the complaint (the rules speak of the intake form). */
const RULE_FIELDS: Record<string, CorrectableField> = {
  'complainant.name': 'complainantName',
  'complainant.nik': 'complainantNik',
  'complainant.address': 'complainantAddress',
  'complainant.ktpAddress': 'complainantAddress',
  'complainant.phone': 'complainantPhone',
  'complainant.email': 'complainantEmail',
};
/** Intake rules about the form of a field (400) rather than the SOP (422), as at intake. */
const FORMAT_RULES = new Set(['NIK_FORMAT']);

/** Whether a complaint's personal data has been removed (by retention or an earlier erasure). */
export function isAnonymised(complaint: Complaint): boolean {
  return Boolean(complaint.anonymisedAt);
}

/**
 * Data-subject requests (src/domain/data-subject.ts): the admin finds a person's complaints by NIK,
 * phone or e-mail, exports what is held about them, corrects and erases it. Every request is
 * recorded in data_subject_request (keys masked); a correction and an erasure also on the
 * complaint's timeline; an export or a correction that shows the data unmasked also in the access log.
 */
@Injectable()
export class DataSubjectService {
  constructor(
    private readonly subjects: DataSubjectRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accessLog: PersonalDataAccessService,
  ) {}

  async search(keys: PersonKeysDto, user: Principal): Promise<PersonComplaintsDto> {
    const person = this.personOf(keys);
    const found = await this.subjects.findByPerson(person);
    const requestId = await this.record(user, 'SEARCH', person, found, {
      outcome: found.length > 0 ? 'FOUND' : 'NOT_FOUND',
    });
    return {
      items: found.map((c) => ({
        id: c.id,
        registerNumber: c.registerNumber,
        receivedAt: c.receivedAt.toISOString(),
        status: c.status,
        channel: c.channel,
        matchedBy: this.matched(person, c),
      })),
      requestId,
    };
  }

  /** Everything held about the person, complaint by complaint; logged as a request and as reads. */
  async export(keys: PersonKeysDto, format: string, user: Principal): Promise<PersonalDataExportDto> {
    const person = this.personOf(keys);
    const found = await this.subjects.findByPerson(person);
    const { attachments, events, notifications, ratings, reads } = await this.subjects.findRecordsHeld(
      found.map((c) => c.id),
    );
    const of = <T extends { complaintId?: string | null }>(rows: T[], id: string) =>
      rows.filter((r) => r.complaintId === id);
    const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
    const complaints: ExportComplaintDto[] = found.map((c) => {
      const rating = ratings.find((r) => r.complaintId === c.id);
      return {
        id: c.id,
        registerNumber: c.registerNumber,
        trackingCode: c.trackingCode,
        channel: c.channel,
        identityMode: c.identityMode ?? 'BIASA',
        matchedBy: this.matched(person, c),
        receivedAt: c.receivedAt.toISOString(),
        status: c.status,
        closedAt: iso(c.closedAt),
        complainant: {
          name: c.complainantName,
          nik: c.complainantNik ?? null,
          address: c.complainantAddress ?? null,
          phone: c.complainantPhone ?? null,
          email: c.complainantEmail ?? null,
          notifyBy: c.notifyBy ?? null,
        },
        licensingService: c.licensingService ?? null,
        description: c.description,
        locationAddress: c.locationAddress ?? null,
        latitude: c.latitude ?? null,
        longitude: c.longitude ?? null,
        evidence: c.evidence ?? [],
        attachments: of(attachments, c.id).map((a) => ({
          fileName: a.fileName,
          mimeType: a.mimeType,
          size: a.size,
          uploadedAt: a.createdAt.toISOString(),
        })),
        response: c.response ?? null,
        rejectionReason: c.rejectionReason ?? null,
        privacyNoticeVersion: c.privacyNoticeVersion ?? null,
        privacyAcknowledgedAt: iso(c.privacyAcknowledgedAt),
        timeline: of(events, c.id).map((e) => ({
          type: e.type,
          label: TIMELINE_EVENT_LABELS[e.type] ?? e.type,
          at: e.at.toISOString(),
          actor: e.actor ?? null,
        })),
        notifications: of(notifications, c.id).map((n) => ({
          kind: n.kind,
          subject: n.subject,
          body: n.body,
          status: n.status,
          channel: n.channel ?? null,
          deliveredTo: n.deliveredTo ?? null,
          createdAt: n.createdAt.toISOString(),
          sentAt: iso(n.sentAt),
        })),
        satisfaction: rating
          ? { score: rating.score, comment: rating.comment ?? null, ratedAt: rating.ratedAt.toISOString() }
          : null,
        objection: c.objectedAt
          ? {
              filedAt: c.objectedAt.toISOString(),
              reason: c.objectionReason ?? null,
              filedBy: c.objectedBy ?? null,
            }
          : null,
        accessLog: of(reads, c.id).map((r) => ({
          at: r.at.toISOString(),
          username: r.username,
          role: r.role,
          unit: r.unit ?? null,
          fields: personalDataFieldLabels(r.fields),
          endpoint: r.endpoint,
        })),
      };
    });
    const requestId = await this.record(user, 'EXPORT', person, found, {
      outcome: found.length > 0 ? 'EXPORTED' : 'NOT_FOUND',
      details: { format },
    });
    await this.accessLog.record(
      user,
      found.map((c) => ({
        complaintId: c.id,
        registerNumber: c.registerNumber,
        fields: unmaskedIdentityFields('FULL', identityOf(c), true),
      })),
    );
    return {
      generatedAt: new Date().toISOString(),
      generatedBy: user.username,
      keys: maskedKeys(person) as Record<string, string>,
      complaints,
      requestId,
    };
  }

  /** Corrects the complainant's identity on one complaint, with the intake's rules for each field. */
  async correct(id: string, body: CorrectComplainantDto, user: Principal): Promise<CorrectionResultDto> {
    const loaded = await this.subjects.findForCorrection(id);
    if (!loaded) throw notFound('Pengaduan tidak ditemukan.');
    const { complaint } = loaded;
    if (complaint.identityMode === 'ANONIM')
      throw unprocessable(
        'Pengaduan anonim tidak menyimpan identitas pengadu; tidak ada data yang dapat diperbaiki.',
      );
    if (isAnonymised(complaint))
      throw unprocessable(
        'Data pribadi pengaduan ini sudah dianonimkan; tidak ada data yang dapat diperbaiki.',
      );

    const next: Partial<Record<CorrectableField, string | null>> = {};
    for (const field of CORRECTABLE_FIELDS) {
      const value = body[field] as string | null | undefined;
      if (value === undefined) continue;
      // '' or null clears an optional field (the intake's rules then say whether it may be empty).
      next[field] = value === null || value.trim() === '' ? null : value.trim();
    }
    if (Object.keys(next).length === 0)
      // A rule (422), not a form fault: each field is optional on its own (the schema cannot say "one of").
      throw unprocessable(
        'Isi minimal satu data yang diperbaiki: nama, NIK, alamat, nomor telepon atau email.',
      );
    const changed = CORRECTABLE_FIELDS.filter(
      (f) => f in next && (next[f] ?? null) !== ((complaint[f] as string | null | undefined) ?? null),
    );
    const merged = (f: CorrectableField) =>
      (f in next ? next[f] : (complaint[f] as string | null | undefined)) ?? undefined;
    // The intake's rules for the complainant, for the fields this correction changes.
    const violations = checkIntakeRules({
      channel: complaint.channel as Channel,
      complainant: {
        name: merged('complainantName') ?? '',
        nik: merged('complainantNik'),
        address: merged('complainantAddress'),
        phone: merged('complainantPhone'),
        email: merged('complainantEmail'),
      },
      description: complaint.description,
      evidence: complaint.evidence,
      identityMode: complaint.identityMode,
      notifyBy: complaint.notifyBy,
    }).filter((v) => changed.includes(RULE_FIELDS[v.field]));
    if (violations.length > 0) {
      const fields = Object.fromEntries(violations.map((v) => [v.field, v.message]));
      const message = violations.map((v) => v.message).join(' ');
      throw violations.every((v) => FORMAT_RULES.has(v.rule))
        ? badRequest(message, fields)
        : unprocessable(message, fields);
    }

    const requestId = randomUUID();
    const now = new Date();
    await loaded.save(
      Object.fromEntries(changed.map((f) => [f, next[f] ?? null])),
      changed.length > 0
        ? {
            id: `${complaint.id}:corrected:${requestId}`,
            complaintId: complaint.id,
            type: 'PERSONAL_DATA_CORRECTED',
            actor: user.username,
            at: now,
            details: { fields: changed, requestId },
          }
        : null,
      {
        id: requestId,
        at: now,
        action: 'CORRECT',
        userId: user.sub,
        username: user.username,
        keys: {},
        complaintIds: [complaint.id],
        outcome: changed.length > 0 ? 'CORRECTED' : 'UNCHANGED',
        details: { fields: changed },
        reason: body.reason.trim(),
      },
    );
    await this.accessLog.record(user, [
      {
        complaintId: complaint.id,
        registerNumber: complaint.registerNumber,
        fields: unmaskedIdentityFields('FULL', identityOf(complaint), true),
      },
    ]);
    return {
      id: complaint.id,
      registerNumber: complaint.registerNumber,
      changedFields: changed,
      changedFieldLabels: changed.map((f) => CORRECTABLE_FIELD_LABELS[f]),
      complainant: {
        name: complaint.complainantName,
        nik: complaint.complainantNik ?? null,
        address: complaint.complainantAddress ?? null,
        phone: complaint.complainantPhone ?? null,
        email: complaint.complainantEmail ?? null,
      },
      requestId,
    };
  }

  /** Erases every complaint of the person that the erasure rule allows; lists the others with why. */
  async erase(body: EraseDto, user: Principal): Promise<ErasureResultDto> {
    const person = this.personOf(body);
    const found = await this.subjects.findByPerson(person);
    const now = new Date();
    const erased: ErasureResultDto['erased'] = [];
    const refused: ErasureResultDto['refused'] = [];
    for (const c of found) {
      const refusal = erasureRefusal({ ...c, anonymised: isAnonymised(c) }, now);
      if (refusal) {
        refused.push({ id: c.id, registerNumber: c.registerNumber, ...refusal });
        continue;
      }
      const { removedFiles } = await this.subjects.anonymise(
        c.id,
        { kind: 'ERASURE', actor: user.username, at: now },
        { dataDir: this.config.dataDir },
      );
      erased.push({ id: c.id, registerNumber: c.registerNumber, removedFiles });
    }
    const outcome =
      found.length === 0
        ? 'NOT_FOUND'
        : refused.length === 0
          ? 'ERASED'
          : erased.length === 0
            ? 'REFUSED'
            : 'PARTIAL';
    const requestId = await this.record(user, 'ERASE', person, found, {
      outcome,
      details: {
        erased: erased.map((e) => e.id),
        refused: refused.map((r) => ({ id: r.id, code: r.code })),
      },
      reason: body.reason.trim(),
    });
    return { erased, refused, requestId };
  }

  async list(query: PaginationQueryDto): Promise<DataSubjectRequestPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { rows, total } = await this.subjects.listRequests({
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        action: r.action,
        actionLabel: DATA_SUBJECT_ACTION_LABELS[r.action as DataSubjectAction] ?? r.action,
        userId: r.userId,
        username: r.username,
        keys: r.keys,
        complaintIds: r.complaintIds,
        outcome: r.outcome,
        details: r.details ?? null,
        reason: r.reason ?? null,
      })),
      total,
      page,
      pageSize,
    };
  }

  /** The keys given (blank ones dropped): at least one, and a NIK that may be a real one. */
  private personOf(keys: PersonKeysDto): PersonKeys {
    const person: PersonKeys = {};
    if (keys.nik?.trim()) person.nik = keys.nik.trim();
    if (keys.phone?.trim()) person.phone = keys.phone.trim();
    if (keys.email?.trim()) person.email = keys.email.trim();
    if (Object.keys(person).length === 0)
      // A rule (422), not a form fault: each key is optional on its own (the schema cannot say "one of").
      throw unprocessable('Isi minimal satu kunci pencarian: NIK, nomor telepon atau email.');
    const nik = person.nik ? nikProblem(person.nik) : undefined;
    if (nik) throw unprocessable(nik.message, { nik: nik.message });
    return person;
  }

  private matched(person: PersonKeys, c: Complaint): string[] {
    return matchedKeys(person, {
      nik: c.complainantNik,
      phone: c.complainantPhone,
      email: c.complainantEmail,
    });
  }

  private async record(
    user: Principal,
    action: DataSubjectAction,
    person: PersonKeys,
    complaints: Complaint[],
    extra: { outcome: string; details?: Record<string, unknown>; reason?: string },
  ): Promise<string> {
    const id = randomUUID();
    await this.subjects.insertRequest({
      id,
      at: new Date(),
      action,
      userId: user.sub,
      username: user.username,
      keys: maskedKeys(person) as Record<string, string>,
      complaintIds: complaints.map((c) => c.id),
      outcome: extra.outcome,
      details: extra.details ?? null,
      reason: extra.reason ?? null,
    });
    return id;
  }
}

function identityOf(c: Complaint) {
  return {
    name: c.complainantName,
    nik: c.complainantNik ?? null,
    address: c.complainantAddress ?? null,
    phone: c.complainantPhone ?? null,
    email: c.complainantEmail ?? null,
  };
}
