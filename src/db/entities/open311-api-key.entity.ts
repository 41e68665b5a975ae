import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An API key of a client application of the Open311 GeoReport v2 endpoint (`/open311/v2/`), which
 * needs one to create service requests. Managed by the ADMIN. Only the SHA-256 hash of the key is
 * stored (the key is shown once, when made); `keyPrefix` is its first characters, to recognise it.
 */
@Entity({ tableName: 'open311_api_key' })
export class Open311ApiKey {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  /** The client application's name, recorded on every complaint it creates. */
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 64, unique: true })
  keyHash!: string;

  @Property({ type: 'string', length: 16 })
  keyPrefix!: string;

  @Property({ type: 'string', length: 64 })
  createdBy!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** Set when the ADMIN revoked the key: it is refused from then on. */
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date | null;

  @Property({ type: 'string', length: 64, nullable: true })
  revokedBy?: string | null;

  /** When the key last created a request (at most once a minute is enough to show it is in use). */
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date | null;
}
