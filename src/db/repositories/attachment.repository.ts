import type { EntityManager, RequiredEntityData } from '@mikro-orm/core';
import { Attachment, AuditEvent, Complaint, ComplaintTask } from '../entities';

/** A complaint as the evidence endpoints need it: which one, its status and its register number. */
export type AttachmentComplaint = Pick<Complaint, 'id' | 'status' | 'registerNumber'>;

/** Evidence files' records (table attachment) and the complaint facts their endpoints check. */
export class AttachmentRepository {
  constructor(private readonly em: EntityManager) {}

  /** The complaint with this id (its id, status and register number only), if any. */
  findComplaint(id: string): Promise<AttachmentComplaint | null> {
    return this.em.fork().findOne(Complaint, { id }, { fields: ['id', 'status', 'registerNumber'] });
  }

  /** The complaint with this tracking code (its id and status only: the public upload needs no more). */
  findComplaintByTrackingCode(trackingCode: string): Promise<Pick<Complaint, 'id' | 'status'> | null> {
    return this.em.fork().findOne(Complaint, { trackingCode }, { fields: ['id', 'status'] });
  }

  /** The units and areas of a complaint's tasks (any round or status): who handles it. */
  findTaskScopes(complaintId: string): Promise<Pick<ComplaintTask, 'unit' | 'area'>[]> {
    return this.em.fork().find(ComplaintTask, { complaintId }, { fields: ['unit', 'area'] });
  }

  /** A complaint's attachments, oldest first. */
  findByComplaint(complaintId: string): Promise<Attachment[]> {
    return this.em.fork().find(Attachment, { complaintId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  /** The attachment with this id if it belongs to this complaint. */
  findOne(id: string, complaintId: string): Promise<Attachment | null> {
    return this.em.fork().findOne(Attachment, { id, complaintId });
  }

  /** How many attachments a complaint has. */
  countByComplaint(complaintId: string): Promise<number> {
    return this.em.fork().count(Attachment, { complaintId });
  }

  /** Records an attachment and its event on the complaint's timeline, in one transaction. */
  insertWithEvent(
    attachment: RequiredEntityData<Attachment>,
    event: RequiredEntityData<AuditEvent>,
  ): Promise<Attachment> {
    return this.em.fork().transactional(async (tx) => {
      const created = tx.create(Attachment, attachment);
      tx.create(AuditEvent, event);
      return created;
    });
  }
}
