import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** The complaint's timeline: who did what, when. IDs are deterministic so retries never duplicate. */
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['complaintId', 'at'] })
export class AuditEvent {
  @PrimaryKey({ type: 'string', length: 128 })
  id!: string;

  @Property({ type: 'string', length: 36 })
  complaintId!: string;

  @Property({ type: 'string', length: 40 })
  type!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  actor?: string | null;

  @Property({ type: 'datetime' })
  at!: Date;

  @Property({ type: 'json', nullable: true })
  details?: Record<string, unknown> | null;
}
