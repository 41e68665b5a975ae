import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Outbox of notifications. The workflow writes a row (idempotent by its deterministic id);
 * a dispatcher delivers PENDING rows through the configured adapter (log or e-mail).
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

  @Property({ type: 'integer' })
  attempts = 0;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;
}
