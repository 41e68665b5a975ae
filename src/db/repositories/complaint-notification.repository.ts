import type { EntityManager } from '@mikro-orm/core';
import { Complaint, Notification } from '../entities';
import { insertIgnoringDuplicates } from '../insert-ignoring-duplicates';
import { lookupHash } from '../lookup-hash';
import { personLookupFilter } from '../person-lookup';

/**
 * The complainants' side of the notification outbox: the complaints a contact filed (found through
 * the contact's keyed hash, the contact columns being encrypted), the tracking-code message queued
 * for them, and a complaint's notifications with their delivery state.
 */
export class ComplaintNotificationRepository {
  constructor(private readonly em: EntityManager) {}

  /** The keyed hash of an e-mail or phone under this database's keys (null when it normalises to nothing). */
  contactKey(kind: 'email' | 'phone', value: string): string | null {
    return lookupHash(kind, value, this.em);
  }

  /** The complaints filed with this e-mail or phone (any way of writing it), newest first, at most `limit`. */
  findComplaintsByContact(
    contact: { email: string } | { phone: string },
    limit: number,
  ): Promise<Complaint[]> {
    const em = this.em.fork();
    return em.find(Complaint, personLookupFilter(contact, em), {
      orderBy: { receivedAt: 'desc' },
      limit,
    });
  }

  /** Queues a notification unless one with its id is already there (then that one stands). */
  async queueOnce(row: Notification): Promise<void> {
    await insertIgnoringDuplicates(this.em.fork(), Notification, [row], (r) => r.id);
  }

  /** The complaint with this id or register number (YYYY/MM/NNNN). */
  findComplaint(key: { id: string } | { registerNumber: string }): Promise<Complaint | null> {
    return this.em.fork().findOne(Complaint, key);
  }

  /** A complaint's notifications, oldest first. */
  findByComplaint(complaintId: string): Promise<Notification[]> {
    return this.em.fork().find(Notification, { complaintId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }
}
