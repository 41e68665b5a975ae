import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The accounts' audit trail: sign-ins (successful or not), lockouts and every change an admin or a
 * user makes to an account. Separate from a complaint's timeline (AuditEvent).
 */
@Entity({ tableName: 'security_event' })
@Index({ properties: ['at'] })
@Index({ properties: ['targetUserId', 'at'] })
export class SecurityEvent {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'datetime' })
  at: Date = new Date();

  /** LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_LOCKED, USER_CREATED, USER_UPDATED, ... */
  @Property({ type: 'string', length: 40 })
  type!: string;

  /** Who acted (absent for an anonymous sign-in attempt). */
  @Property({ type: 'string', length: 36, nullable: true })
  actorId?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  actorUsername?: string | null;

  /** The account concerned. */
  @Property({ type: 'string', length: 36, nullable: true })
  targetUserId?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  targetUsername?: string | null;

  /** The client's address as the API saw it. */
  @Property({ type: 'string', length: 64, nullable: true })
  ip?: string | null;

  /** What changed (field names and new values; never a password or its hash). */
  @Property({ type: 'json', nullable: true })
  details?: Record<string, unknown> | null;
}
