import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The first result of a request sent with an Idempotency-Key, returned again on a retry. */
@Entity({ tableName: 'idempotency_record' })
export class IdempotencyRecord {
  /** Scope (who/which endpoint) and the client's key. */
  @PrimaryKey({ type: 'string', length: 200 })
  key!: string;

  /** SHA-256 of the request body: the same key with another body is a conflict. */
  @Property({ type: 'string', length: 64 })
  requestHash!: string;

  @Property({ type: 'string', length: 36, nullable: true })
  complaintId?: string | null;

  @Property({ type: 'json', nullable: true })
  response?: Record<string, unknown> | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
