/**
 * An in-memory stand-in for the evidence files' records (AttachmentRepository), so
 * AttachmentsService is built directly in unit tests (no Nest module, no database).
 */
import type { EntityManager, RequiredEntityData } from '@mikro-orm/core';
import { Attachment, type AuditEvent, type Complaint, type ComplaintTask } from '../../../src/db/entities';
import {
  type AttachmentComplaint,
  AttachmentRepository,
} from '../../../src/db/repositories/attachment.repository';

const NO_DATABASE = {
  fork: () => {
    throw new Error('unit tests have no database: override this repository method in the fake');
  },
} as unknown as EntityManager;

export class InMemoryAttachmentRepository extends AttachmentRepository {
  readonly complaints: Complaint[] = [];
  readonly tasks: ComplaintTask[] = [];
  readonly rows: Attachment[] = [];
  readonly events: RequiredEntityData<AuditEvent>[] = [];
  /** Makes the next insert fail, as a database error would (nothing is recorded). */
  failNextInsert = false;

  constructor() {
    super(NO_DATABASE);
  }

  override async findComplaint(id: string): Promise<AttachmentComplaint | null> {
    const c = this.complaints.find((row) => row.id === id);
    return c ? { id: c.id, status: c.status, registerNumber: c.registerNumber } : null;
  }

  override async findComplaintByTrackingCode(
    trackingCode: string,
  ): Promise<Pick<Complaint, 'id' | 'status'> | null> {
    const c = this.complaints.find((row) => row.trackingCode === trackingCode);
    return c ? { id: c.id, status: c.status } : null;
  }

  override async findTaskScopes(complaintId: string): Promise<Pick<ComplaintTask, 'unit' | 'area'>[]> {
    return this.tasks
      .filter((t) => t.complaintId === complaintId)
      .map((t) => ({ unit: t.unit, area: t.area }));
  }

  override async findByComplaint(complaintId: string): Promise<Attachment[]> {
    return this.rows
      .filter((a) => a.complaintId === complaintId)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  override async findOne(id: string, complaintId: string): Promise<Attachment | null> {
    return this.rows.find((a) => a.id === id && a.complaintId === complaintId) ?? null;
  }

  override async countByComplaint(complaintId: string): Promise<number> {
    return this.rows.filter((a) => a.complaintId === complaintId).length;
  }

  override async insertWithEvent(
    attachment: RequiredEntityData<Attachment>,
    event: RequiredEntityData<AuditEvent>,
  ): Promise<Attachment> {
    if (this.failNextInsert) {
      this.failNextInsert = false;
      throw new Error('database is locked');
    }
    const row = Object.assign(new Attachment(), attachment);
    this.rows.push(row);
    this.events.push(event);
    return row;
  }
}
