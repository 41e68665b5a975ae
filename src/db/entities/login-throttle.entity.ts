import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Failed sign-ins counted per key ("user:<username>" or "ip:<address>"), in the database so the
 * count and the lockout hold across API replicas.
 */
@Entity({ tableName: 'login_throttle' })
export class LoginThrottle {
  @PrimaryKey({ type: 'string', length: 200 })
  key!: string;

  @Property({ type: 'integer' })
  failures = 0;

  @Property({ type: 'datetime' })
  lastFailureAt!: Date;

  /** No sign-in for this key before this moment. */
  @Property({ type: 'datetime', nullable: true })
  lockedUntil?: Date | null;
}
