import { type EntityManager, raw } from '@mikro-orm/core';
import { RefreshToken, User } from '../entities';

/** The fields of a user that sign-in and the token check need. */
export interface SessionUser {
  id: string;
  username: string;
  passwordHash: string;
  role: string;
  unit: string | null;
  area: string | null;
  eselon: string | null;
  active: boolean;
  tokenVersion: number;
}

const USER_FIELDS = [
  'id',
  'username',
  'passwordHash',
  'role',
  'unit',
  'area',
  'eselon',
  'active',
  'tokenVersion',
] as const;

/** Users as sign-in sees them, and the refresh tokens of their sessions. */
export class SessionRepository {
  constructor(private readonly em: EntityManager) {}

  /** The user with this (normalised) username, active or not. */
  async userByUsername(username: string): Promise<SessionUser | null> {
    const user = await this.em.fork().findOne(User, { username }, { fields: [...USER_FIELDS] });
    return user && toSessionUser(user);
  }

  async userById(id: string): Promise<SessionUser | null> {
    const user = await this.em.fork().findOne(User, { id }, { fields: [...USER_FIELDS] });
    return user && toSessionUser(user);
  }

  /** Ends all the user's sessions, access tokens included (they carry the old version). */
  async raiseTokenVersion(userId: string): Promise<void> {
    await this.em.fork().nativeUpdate(User, { id: userId }, { tokenVersion: raw('token_version + 1') });
  }

  async insertRefreshToken(row: {
    id: string;
    userId: string;
    tokenHash: string;
    tokenVersion: number;
    createdAt: Date;
    expiresAt: Date;
  }): Promise<void> {
    await this.em.fork().insert(RefreshToken, { ...row, usedAt: null });
  }

  refreshTokenByHash(tokenHash: string): Promise<RefreshToken | null> {
    return this.em.fork().findOne(RefreshToken, { tokenHash });
  }

  /** Marks the token used; false if it already was (another use got there first). */
  async markUsed(id: string, now: Date): Promise<boolean> {
    return (await this.em.fork().nativeUpdate(RefreshToken, { id, usedAt: null }, { usedAt: now })) === 1;
  }

  /** Ends one token now (a sign-out): used, and expired so that presenting it again is no theft. */
  async revoke(id: string, now: Date): Promise<boolean> {
    return (
      (await this.em
        .fork()
        .nativeUpdate(
          RefreshToken,
          { id, usedAt: null, expiresAt: { $gt: now } },
          { usedAt: now, expiresAt: now },
        )) === 1
    );
  }

  /** Ends every refresh token of the user now, used or not. */
  async revokeAll(userId: string, now: Date): Promise<void> {
    const em = this.em.fork();
    await em.nativeUpdate(RefreshToken, { userId, usedAt: null }, { usedAt: now });
    await em.nativeUpdate(RefreshToken, { userId, expiresAt: { $gt: now } }, { expiresAt: now });
  }

  /** Drops the user's tokens that have expired (kept until then to detect the reuse of a used one). */
  async deleteExpired(userId: string, now: Date): Promise<void> {
    await this.em.fork().nativeDelete(RefreshToken, { userId, expiresAt: { $lte: now } });
  }
}

function toSessionUser(user: Pick<User, (typeof USER_FIELDS)[number]>): SessionUser {
  return {
    id: user.id,
    username: user.username,
    passwordHash: user.passwordHash,
    role: user.role,
    unit: user.unit ?? null,
    area: user.area ?? null,
    eselon: user.eselon ?? null,
    active: user.active,
    tokenVersion: user.tokenVersion,
  };
}
