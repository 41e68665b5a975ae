import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Requests counted per rate-limit key (the throttler's name, the route and the client's address)
 * in the current window, in the database so that the limit holds across API replicas.
 */
@Entity({ tableName: 'rate_limit' })
export class RateLimit {
  @PrimaryKey({ type: 'string', length: 300 })
  key!: string;

  /** When the current window began (its first request). */
  @Property({ type: 'datetime' })
  windowStart!: Date;

  @Property({ type: 'integer' })
  hits = 0;
}
