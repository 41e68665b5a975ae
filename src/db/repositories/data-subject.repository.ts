import type { EntityManager } from '@mikro-orm/core';
import type { CorrectableField, PersonKeys } from '../../domain/data-subject';
import { type AnonymiseReason, anonymiseComplaint } from '../anonymise-complaint';
import {
  Attachment,
  AuditEvent,
  Complaint,
  DataSubjectRequest,
  Notification,
  PersonalDataAccess,
  SatisfactionRating,
} from '../entities';
import { personLookupFilter } from '../person-lookup';
import type { Page, PageRequest } from './complaint.repository';

/** One row of the data-subject request log (table data_subject_request), as written. */
export interface DataSubjectRequestRecord {
  id: string;
  at: Date;
  action: string;
  userId: string;
  username: string;
  /** Masked, never the NIK or contact itself. */
  keys: Record<string, string>;
  complaintIds: string[];
  outcome: string;
  details: Record<string, unknown> | null;
  reason: string | null;
}

/** A timeline event written with a correction (PERSONAL_DATA_CORRECTED). */
export interface CorrectionEventRecord {
  id: string;
  complaintId: string;
  type: string;
  actor: string;
  at: Date;
  details: Record<string, unknown>;
}

/** The new values of the complainant's fields a correction changes (null clears one). */
export type ComplainantChanges = Partial<Record<CorrectableField, string | null>>;

/** A complaint loaded for a correction of its complainant's identity, and how to store that correction. */
export interface ComplaintCorrection {
  /** The complaint as stored (its personal data decrypted); `save` sets the changes on it. */
  readonly complaint: Complaint;
  /**
   * Sets the changed fields on the complaint and stores them with the timeline event (when given)
   * and the request's log row: one flush of the unit of work the complaint was read in, so one
   * transaction, and the entity's hooks keep the encrypted columns and lookup hashes in step.
   */
  save(
    changes: ComplainantChanges,
    event: CorrectionEventRecord | null,
    request: DataSubjectRequestRecord,
  ): Promise<void>;
}

/** What is held about some complaints besides the complaint rows, for a data-subject export. */
export interface ComplaintRecordsHeld {
  /** Oldest first. */
  attachments: Attachment[];
  /** The timeline, oldest first. */
  events: AuditEvent[];
  /** The notifications to the complainant, oldest first. */
  notifications: Notification[];
  ratings: SatisfactionRating[];
  /** The access log of unmasked reads, oldest first. */
  reads: PersonalDataAccess[];
}

/**
 * The data-subject requests' database side (src/api/data-subject): a person's complaints found by
 * the keyed lookup hashes, what is held about them, their correction and erasure, and the request log.
 */
export class DataSubjectRepository {
  constructor(private readonly em: EntityManager) {}

  /** Every complaint whose NIK, phone or e-mail is one of the person's keys, oldest received first. */
  findByPerson(person: PersonKeys): Promise<Complaint[]> {
    const em = this.em.fork();
    return em.find(Complaint, personLookupFilter(person, em), { orderBy: { receivedAt: 'asc', id: 'asc' } });
  }

  /** The attachments, timeline, notifications to the complainant, ratings and reads of the complaints. */
  async findRecordsHeld(ids: string[]): Promise<ComplaintRecordsHeld> {
    // No complaints, no queries.
    if (ids.length === 0) return { attachments: [], events: [], notifications: [], ratings: [], reads: [] };
    const em = this.em.fork();
    const [attachments, events, notifications, ratings, reads] = await Promise.all([
      em.find(Attachment, { complaintId: { $in: ids } }, { orderBy: { createdAt: 'asc' } }),
      em.find(AuditEvent, { complaintId: { $in: ids } }, { orderBy: { at: 'asc', id: 'asc' } }),
      em.find(
        Notification,
        { complaintId: { $in: ids }, recipient: 'COMPLAINANT' },
        { orderBy: { createdAt: 'asc', id: 'asc' } },
      ),
      em.find(SatisfactionRating, { complaintId: { $in: ids } }),
      em.find(PersonalDataAccess, { complaintId: { $in: ids } }, { orderBy: { at: 'asc', id: 'asc' } }),
    ]);
    return { attachments, events, notifications, ratings, reads };
  }

  /** The complaint to correct, read in a unit of work of its own that `save` flushes; null if none. */
  async findForCorrection(id: string): Promise<ComplaintCorrection | null> {
    const em = this.em.fork();
    const complaint = await em.findOne(Complaint, { id });
    if (!complaint) return null;
    return {
      complaint,
      save: async (changes, event, request) => {
        for (const [field, value] of Object.entries(changes))
          (complaint as unknown as Record<string, string | null>)[field] = value ?? null;
        if (event) em.create(AuditEvent, event);
        em.create(DataSubjectRequest, request);
        await em.flush();
      },
    };
  }

  /** Removes the complainant's personal data from one complaint (src/db/anonymise-complaint.ts). */
  anonymise(
    complaintId: string,
    reason: AnonymiseReason,
    files: { dataDir: string },
  ): Promise<{ removedFiles: number }> {
    return anonymiseComplaint(this.em.fork(), complaintId, reason, files);
  }

  /** Adds a row to the request log (one INSERT). */
  async insertRequest(request: DataSubjectRequestRecord): Promise<void> {
    await this.em.fork().insert(DataSubjectRequest, request);
  }

  /** One page of the request log, newest first. */
  async listRequests(page: PageRequest): Promise<Page<DataSubjectRequest>> {
    const [rows, total] = await this.em
      .fork()
      .findAndCount(
        DataSubjectRequest,
        {},
        { orderBy: { at: 'desc', id: 'desc' }, limit: page.limit, offset: page.offset },
      );
    return { rows, total };
  }
}
