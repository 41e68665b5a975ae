import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { EncryptedString } from '../encrypted-string.type';

/**
 * Outbox of notifications. The workflow writes a row (idempotent by its deterministic id);
 * dispatchers deliver due PENDING rows (src/notifications): e-mail, the SMS/WhatsApp gateway, or a
 * log line. Status: PENDING (waiting, maybe for a retry at nextAttemptAt), SENDING (claimed by a
 * dispatcher until leaseUntil), SENT, FAILED (with lastError), SKIPPED (nobody to tell: the
 * complainant asked not to be told or gave no contact; lastError says why).
 */
@Entity({ tableName: 'notification' })
@Index({ properties: ['status', 'createdAt'] })
export class Notification {
  @PrimaryKey({ type: 'string', length: 160 })
  id!: string;

  @Property({ type: 'string', length: 36, nullable: true, index: true })
  complaintId?: string | null;

  /** A unit code, KEPALA_DAERAH or COMPLAINANT. */
  @Property({ type: 'string', length: 24 })
  recipient!: string;

  @Property({ type: 'string', length: 16, nullable: true })
  recipientArea?: string | null;

  @Property({ type: 'string', length: 40 })
  kind!: string;

  @Property({ type: 'string', length: 200 })
  subject!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'string', length: 8 })
  status = 'PENDING';

  /** Delivery attempts made (successful or not). */
  @Property({ type: 'integer' })
  attempts = 0;

  /**
   * EMAIL, SMS, WHATSAPP or LOG once delivered; DESK when SKIPPED because the complainant gave no
   * contact (the front desk tells them); preset (with address) for a tracking-code request.
   */
  @Property({ type: 'string', length: 12, nullable: true })
  channel?: string | null;

  /** A preset destination (tracking-code requests); otherwise resolved at delivery. */
  @Property({ type: EncryptedString, nullable: true })
  address?: string | null;

  /** Where it was delivered (addresses or phone), for the record. */
  @Property({ type: EncryptedString, nullable: true })
  deliveredTo?: string | null;

  /** Why the last attempt failed, or why it was skipped, in Bahasa Indonesia or the server's words. */
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  /** A PENDING row after a failed attempt waits until then (backoff). */
  @Property({ type: 'datetime', nullable: true })
  nextAttemptAt?: Date | null;

  /** A SENDING row belongs to the dispatcher that claimed it (claimToken) until then. */
  @Property({ type: 'datetime', nullable: true })
  leaseUntil?: Date | null;

  @Property({ type: 'string', length: 36, nullable: true, index: true })
  claimToken?: string | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;
}
