/**
 * In-memory stand-ins for the data-subject repository and the access log's repository, so
 * DataSubjectService can be built directly (no Nest module, no database) in unit tests.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { AnonymiseReason } from '../../../src/db/anonymise-complaint';
import {
  type Attachment,
  type AuditEvent,
  type Complaint,
  DataSubjectRequest,
  type Notification,
  type PersonalDataAccess,
  type SatisfactionRating,
} from '../../../src/db/entities';
import type { Page, PageRequest } from '../../../src/db/repositories/complaint.repository';
import {
  type ComplainantChanges,
  type ComplaintCorrection,
  type ComplaintRecordsHeld,
  type CorrectionEventRecord,
  DataSubjectRepository,
  type DataSubjectRequestRecord,
} from '../../../src/db/repositories/data-subject.repository';
import {
  PersonalDataAccessRepository,
  type PersonalDataRead,
  type PersonalDataReader,
} from '../../../src/db/repositories/personal-data-access.repository';
import { matchedKeys, type PersonKeys } from '../../../src/domain/data-subject';

/** The fakes override every query; a method left out fails loudly instead of reaching a database. */
const NO_DATABASE = {
  fork: () => {
    throw new Error('unit tests have no database: override this repository method in the fake');
  },
} as unknown as EntityManager;

/** Oldest first, then by id. */
const byTime =
  <T extends { id?: string | number }>(at: (row: T) => Date) =>
  (a: T, b: T) =>
    at(a).getTime() - at(b).getTime() || String(a.id).localeCompare(String(b.id));

/** One anonymisation the service asked for. */
export interface AnonymiseCall {
  complaintId: string;
  reason: AnonymiseReason;
  files: { dataDir: string };
}

/** One correction the service stored. */
export interface SavedCorrection {
  complaintId: string;
  changes: ComplainantChanges;
  event: CorrectionEventRecord | null;
}

export class InMemoryDataSubjectRepository extends DataSubjectRepository {
  readonly complaints: Complaint[] = [];
  readonly attachments: Attachment[] = [];
  readonly events: AuditEvent[] = [];
  readonly notifications: Notification[] = [];
  readonly ratings: SatisfactionRating[] = [];
  readonly reads: PersonalDataAccess[] = [];
  /** The request log, in the order written. */
  readonly requests: DataSubjectRequestRecord[] = [];
  readonly anonymised: AnonymiseCall[] = [];
  readonly corrections: SavedCorrection[] = [];

  constructor() {
    super(NO_DATABASE);
  }

  add(...complaints: Complaint[]): this {
    this.complaints.push(...complaints);
    return this;
  }

  /** Like the lookup hashes: any key that matches, compared normalised. */
  override async findByPerson(person: PersonKeys): Promise<Complaint[]> {
    return this.complaints
      .filter(
        (c) =>
          matchedKeys(person, { nik: c.complainantNik, phone: c.complainantPhone, email: c.complainantEmail })
            .length > 0,
      )
      .sort(byTime((c) => c.receivedAt));
  }

  override async findRecordsHeld(ids: string[]): Promise<ComplaintRecordsHeld> {
    const of = <T extends { complaintId?: string | null }>(rows: T[]) =>
      rows.filter((r) => r.complaintId != null && ids.includes(r.complaintId));
    return {
      attachments: of(this.attachments).sort(byTime((a) => a.createdAt)),
      events: of(this.events).sort(byTime((e) => e.at)),
      notifications: of(this.notifications)
        .filter((n) => n.recipient === 'COMPLAINANT')
        .sort(byTime((n) => n.createdAt)),
      ratings: of(this.ratings),
      reads: of(this.reads).sort(byTime((r) => r.at)),
    };
  }

  override async findForCorrection(id: string): Promise<ComplaintCorrection | null> {
    const complaint = this.complaints.find((c) => c.id === id);
    if (!complaint) return null;
    return {
      complaint,
      save: async (changes, event, request) => {
        Object.assign(complaint, changes);
        if (event) this.events.push(Object.assign({} as AuditEvent, event));
        this.corrections.push({ complaintId: id, changes, event });
        this.requests.push(request);
      },
    };
  }

  override async anonymise(
    complaintId: string,
    reason: AnonymiseReason,
    files: { dataDir: string },
  ): Promise<{ removedFiles: number }> {
    this.anonymised.push({ complaintId, reason, files });
    const removedFiles = this.attachments.filter((a) => a.complaintId === complaintId).length;
    return { removedFiles };
  }

  override async insertRequest(request: DataSubjectRequestRecord): Promise<void> {
    this.requests.push(request);
  }

  override async listRequests({ limit, offset }: PageRequest): Promise<Page<DataSubjectRequest>> {
    const rows = [...this.requests]
      .sort((a, b) => b.at.getTime() - a.at.getTime() || b.id.localeCompare(a.id))
      .map((r) => Object.assign(new DataSubjectRequest(), r));
    return { rows: rows.slice(offset, offset + limit), total: rows.length };
  }
}

/** The access log's repository, keeping what was recorded. */
export class InMemoryPersonalDataAccessRepository extends PersonalDataAccessRepository {
  readonly recorded: { reader: PersonalDataReader; reads: PersonalDataRead[] }[] = [];

  constructor() {
    super(NO_DATABASE);
  }

  override async record(reader: PersonalDataReader, reads: readonly PersonalDataRead[]): Promise<void> {
    this.recorded.push({ reader, reads: [...reads] });
  }
}
