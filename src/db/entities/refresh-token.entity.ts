import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A refresh token of a signed-in session. Only its SHA-256 hash is stored. Each use replaces it with
 * a new one (rotation); a token used twice, an expired one, or one issued before the user's
 * tokenVersion changed is refused.
 */
@Entity({ tableName: 'refresh_token' })
@Index({ properties: ['userId'] })
export class RefreshToken {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'string', length: 36 })
  userId!: string;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  /** The user's tokenVersion when issued. */
  @Property({ type: 'integer' })
  tokenVersion!: number;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  /** Set when the token was used (and replaced) or revoked by a sign-out. */
  @Property({ type: 'datetime', nullable: true })
  usedAt?: Date | null;
}
