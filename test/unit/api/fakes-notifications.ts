/**
 * In-memory stand-ins for the notification repositories (a complaint's notifications and the
 * tracking-code message, the outbox's retry, the console's inbox), so the notification services can
 * be built directly in unit tests.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Complaint } from '../../../src/db/entities';
import { Notification } from '../../../src/db/entities';
import { normaliseEmail, normalisePhone } from '../../../src/db/lookup-hash';
import type { PageRequest } from '../../../src/db/repositories/complaint.repository';
import { ComplaintNotificationRepository } from '../../../src/db/repositories/complaint-notification.repository';
import {
  type InboxNotification,
  type NotificationAudience,
  NotificationInboxRepository,
} from '../../../src/db/repositories/notification-inbox.repository';
import { OutboxRepository } from '../../../src/db/repositories/outbox.repository';

/** The fakes override every query; a method left out fails loudly instead of reaching a database. */
const NO_DATABASE = {
  fork: () => {
    throw new Error('unit tests have no database: override this repository method in the fake');
  },
} as unknown as EntityManager;

/** The notification table shared by the fakes below. */
export class NotificationStore {
  readonly rows: Notification[] = [];
  readonly complaints: Complaint[] = [];

  add(...notifications: Notification[]): this {
    this.rows.push(...notifications);
    return this;
  }
}

/** A stand-in for the keyed hash: the same for every way of writing a contact, never the contact. */
export function fakeContactKey(kind: 'email' | 'phone', value: string): string | null {
  const normalised = kind === 'email' ? normaliseEmail(value) : normalisePhone(value);
  return normalised ? createHash('sha256').update(`${kind}:${normalised}`).digest('hex') : null;
}

export class InMemoryComplaintNotificationRepository extends ComplaintNotificationRepository {
  constructor(readonly store: NotificationStore) {
    super(NO_DATABASE);
  }

  override contactKey(kind: 'email' | 'phone', value: string): string | null {
    return fakeContactKey(kind, value);
  }

  override async findComplaintsByContact(
    contact: { email: string } | { phone: string },
    limit: number,
  ): Promise<Complaint[]> {
    const matches = (c: Complaint) =>
      'email' in contact
        ? !!c.complainantEmail && normaliseEmail(c.complainantEmail) === normaliseEmail(contact.email)
        : !!c.complainantPhone && normalisePhone(c.complainantPhone) === normalisePhone(contact.phone);
    return this.store.complaints
      .filter(matches)
      .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime())
      .slice(0, limit);
  }

  override async queueOnce(row: Notification): Promise<void> {
    if (!this.store.rows.some((n) => n.id === row.id)) this.store.rows.push(row);
  }

  override async findComplaint(key: { id: string } | { registerNumber: string }): Promise<Complaint | null> {
    return (
      this.store.complaints.find((c) =>
        'id' in key ? c.id === key.id : c.registerNumber === key.registerNumber,
      ) ?? null
    );
  }

  override async findByComplaint(complaintId: string): Promise<Notification[]> {
    return this.store.rows
      .filter((n) => n.complaintId === complaintId)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  }
}

export class InMemoryOutboxRepository extends OutboxRepository {
  constructor(readonly store: NotificationStore) {
    super(NO_DATABASE);
  }

  override async retry(id: string): Promise<boolean> {
    const n = this.store.rows.find((row) => row.id === id && ['FAILED', 'SKIPPED'].includes(row.status));
    if (!n) return false;
    Object.assign(n, { status: 'PENDING', attempts: 0, nextAttemptAt: null, lastError: null });
    return true;
  }
}

/** The audience rule of NotificationAudience on one row, as the repository's SQL applies it. */
function sees(audience: NotificationAudience, n: Notification): boolean {
  const own =
    n.recipient === audience.recipient &&
    (!audience.byArea || n.recipientArea == null || n.recipientArea === audience.area);
  return own || (audience.desk && n.recipient === 'COMPLAINANT' && n.channel === 'DESK');
}

export class InMemoryNotificationInboxRepository extends NotificationInboxRepository {
  readonly reads: { notificationId: string; userId: string; readAt: Date }[] = [];
  /** Every audience a query was made for. */
  readonly audiences: NotificationAudience[] = [];

  constructor(readonly store: NotificationStore) {
    super(NO_DATABASE);
  }

  override async page(
    audience: NotificationAudience,
    userId: string,
    unreadOnly: boolean,
    { limit, offset }: PageRequest,
  ): Promise<{ rows: InboxNotification[]; total: number }> {
    this.audiences.push(audience);
    const listed = this.store.rows
      .filter((n) => sees(audience, n) && !(unreadOnly && this.readAt(n.id, userId)))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id));
    return {
      rows: listed.slice(offset, offset + limit).map((n) => ({
        notification: n,
        registerNumber: this.store.complaints.find((c) => c.id === n.complaintId)?.registerNumber ?? null,
        readAt: this.readAt(n.id, userId),
      })),
      total: listed.length,
    };
  }

  override async unreadCount(audience: NotificationAudience, userId: string): Promise<number> {
    this.audiences.push(audience);
    return this.store.rows.filter((n) => sees(audience, n) && !this.readAt(n.id, userId)).length;
  }

  override async findVisible(id: string, audience: NotificationAudience): Promise<Notification | null> {
    this.audiences.push(audience);
    return this.store.rows.find((n) => n.id === id && sees(audience, n)) ?? null;
  }

  override async markRead(notificationId: string, userId: string, at: Date): Promise<void> {
    if (!this.readAt(notificationId, userId)) this.reads.push({ notificationId, userId, readAt: at });
  }

  override async markAllRead(audience: NotificationAudience, userId: string, at: Date): Promise<void> {
    this.audiences.push(audience);
    for (const n of this.store.rows) if (sees(audience, n)) await this.markRead(n.id, userId, at);
  }

  private readAt(notificationId: string, userId: string): Date | null {
    return this.reads.find((r) => r.notificationId === notificationId && r.userId === userId)?.readAt ?? null;
  }
}

export function notificationRecord(fields: Partial<Notification> & { id: string }): Notification {
  return Object.assign(new Notification(), {
    complaintId: null,
    recipient: 'BIDANG_PERIZINAN',
    recipientArea: null,
    kind: 'TASK_OPENED',
    subject: 'Tugas baru',
    body: 'Ada tugas baru untuk unit Anda.',
    status: 'SENT',
    attempts: 1,
    channel: 'EMAIL',
    address: null,
    createdAt: new Date('2026-05-04T03:00:00Z'),
    ...fields,
  });
}
