import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import bcrypt from 'bcryptjs';
import type { AppConfig } from '../../config/config';
import { LoginThrottleRepository } from '../../db/repositories/login-throttle.repository';
import { SecurityEventRepository } from '../../db/repositories/security-event.repository';
import { SessionRepository, type SessionUser } from '../../db/repositories/session.repository';
import { ApiError, unauthorized } from '../common/api-error';
import { APP_CONFIG } from '../common/config.module';
import {
  FAILURE_WINDOW_MS,
  LOGIN_FAILURE_THRESHOLD,
  lockSeconds,
  retryAfterSeconds,
  type ThrottleKind,
  throttleKey,
  waitInWords,
} from './login-throttle';
import { type CachedUser, PrincipalCache } from './principal-cache';

// Compared against when the user does not exist, so both paths take the same time.
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', 10);

const WRONG_CREDENTIALS = 'Nama pengguna atau kata sandi salah.';
const SESSION_ENDED = 'Sesi sudah berakhir atau tidak valid. Silakan masuk kembali.';

/** What an access token carries: who (sub) and the user's tokenVersion when it was issued (ver). */
export interface AccessClaims {
  sub: string;
  ver: number;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token is valid for. */
  expiresIn: number;
}

/** 429 for a sign-in while the username or the client address is locked; Retry-After in seconds. */
export class LoginLockedError extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      `Terlalu banyak percobaan masuk yang gagal. Silakan coba lagi dalam ${waitInWords(retryAfterSeconds)}.`,
    );
  }
}

export type LoginFailure = 'UNKNOWN_USER' | 'WRONG_PASSWORD' | 'INACTIVE';

export function cachedUserOf(user: SessionUser): CachedUser {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    unit: user.unit,
    area: user.area,
    eselon: user.eselon,
    active: user.active,
    tokenVersion: user.tokenVersion,
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Sign-in, refresh and sign-out. A session is a short-lived access token (JWT with sub and ver)
 * and a refresh token (random, stored as its SHA-256 hash) that is replaced at every use. The
 * refresh token starts with its session's sign-in time (seconds), which caps the session's length;
 * the hash covers it, so it cannot be altered.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly jwt: JwtService,
    private readonly sessions: SessionRepository,
    private readonly throttle: LoginThrottleRepository,
    private readonly events: SecurityEventRepository,
    private readonly cache: PrincipalCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, ip: string): Promise<TokenPair> {
    const name = username.trim().toLowerCase();
    const now = new Date();
    const keys: Record<ThrottleKind, string> = { user: throttleKey('user', name), ip: throttleKey('ip', ip) };
    const lockedUntil = await this.throttle.lockedUntil(Object.values(keys), now);
    if (lockedUntil) throw new LoginLockedError(retryAfterSeconds(lockedUntil, now));

    const user = await this.sessions.userByUsername(name);
    const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
    const failure: LoginFailure | null = !user
      ? 'UNKNOWN_USER'
      : !ok
        ? 'WRONG_PASSWORD'
        : !user.active
          ? 'INACTIVE'
          : null;
    if (!user || failure) {
      await this.countFailure(keys, name, user, failure ?? 'UNKNOWN_USER', ip, now);
      throw unauthorized(WRONG_CREDENTIALS);
    }

    await this.throttle.reset(keys.user);
    await this.sessions.deleteExpired(user.id, now);
    const pair = await this.issue(user, now, now);
    this.cache.set(cachedUserOf(user));
    const who = { id: user.id, username: user.username };
    await this.events.record({ type: 'LOGIN_SUCCEEDED', actor: who, target: who, ip }, now);
    return pair;
  }

  /** Replaces a refresh token by a new pair. A token presented twice ends all the user's sessions. */
  async refresh(refreshToken: string, ip: string): Promise<TokenPair> {
    const now = new Date();
    const row = await this.sessions.refreshTokenByHash(sha256(refreshToken));
    if (!row || row.expiresAt <= now) throw unauthorized(SESSION_ENDED);
    if (row.usedAt || !(await this.sessions.markUsed(row.id, now))) {
      // Used already: whoever holds it now, the token was copied. End every session of the user.
      await this.sessions.revokeAll(row.userId, now);
      await this.sessions.raiseTokenVersion(row.userId);
      this.cache.forget(row.userId);
      const user = await this.sessions.userById(row.userId);
      await this.events.record(
        {
          type: 'REFRESH_REUSED',
          target: user && { id: user.id, username: user.username },
          ip,
          details: { tokenId: row.id, usedAt: row.usedAt?.toISOString() ?? now.toISOString() },
        },
        now,
      );
      throw unauthorized(SESSION_ENDED);
    }
    const user = await this.sessions.userById(row.userId);
    const startedAt = sessionStartOf(refreshToken);
    if (
      !user?.active ||
      user.tokenVersion !== row.tokenVersion ||
      !startedAt ||
      now.getTime() >= startedAt.getTime() + this.config.session.maxDays * 86_400_000
    ) {
      throw unauthorized(SESSION_ENDED);
    }
    this.cache.set(cachedUserOf(user));
    return this.issue(user, startedAt, now);
  }

  /** Ends the session of this refresh token. Unknown or ended tokens are ignored. */
  async logout(refreshToken: string, ip: string): Promise<void> {
    const now = new Date();
    const row = await this.sessions.refreshTokenByHash(sha256(refreshToken));
    if (!row || !(await this.sessions.revoke(row.id, now))) return;
    const user = await this.sessions.userById(row.userId);
    const who = user && { id: user.id, username: user.username };
    await this.events.record({ type: 'LOGOUT', actor: who, target: who, ip }, now);
  }

  private async issue(user: SessionUser, startedAt: Date, now: Date): Promise<TokenPair> {
    const { accessTokenMinutes, refreshTokenHours, maxDays } = this.config.session;
    const refreshToken = `${Math.floor(startedAt.getTime() / 1000)}.${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(
      Math.min(now.getTime() + refreshTokenHours * 3_600_000, startedAt.getTime() + maxDays * 86_400_000),
    );
    await this.sessions.insertRefreshToken({
      id: randomUUID(),
      userId: user.id,
      tokenHash: sha256(refreshToken),
      tokenVersion: user.tokenVersion,
      createdAt: now,
      expiresAt,
    });
    const claims: AccessClaims = { sub: user.id, ver: user.tokenVersion };
    return {
      accessToken: await this.jwt.signAsync(claims),
      refreshToken,
      expiresIn: accessTokenMinutes * 60,
    };
  }

  /** Counts the failure for the username and the address, locking either once past its threshold. */
  private async countFailure(
    keys: Record<ThrottleKind, string>,
    name: string,
    user: SessionUser | null,
    reason: LoginFailure,
    ip: string,
    now: Date,
  ): Promise<void> {
    // An unknown name is no account: it goes in the details, not as the target.
    const target = user ? { id: user.id, username: user.username } : null;
    const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MS);
    for (const kind of ['user', 'ip'] as const) {
      const failures = await this.throttle.countFailure(keys[kind], now, windowStart);
      const seconds = lockSeconds(failures, LOGIN_FAILURE_THRESHOLD[kind]);
      if (!seconds) continue;
      const lockedUntil = new Date(now.getTime() + seconds * 1000);
      await this.throttle.lock(keys[kind], failures, lockedUntil);
      await this.events.record(
        {
          type: 'LOGIN_LOCKED',
          target: kind === 'user' ? target : null,
          ip,
          details: {
            by: kind,
            failures,
            lockedUntil: lockedUntil.toISOString(),
            ...(kind === 'user' && !user ? { username: name } : {}),
          },
        },
        now,
      );
    }
    await this.events.record(
      { type: 'LOGIN_FAILED', target, ip, details: user ? { reason } : { reason, username: name } },
      now,
    );
  }
}

/** The sign-in time a refresh token starts with, or null if it has none. */
function sessionStartOf(refreshToken: string): Date | null {
  const seconds = Number(refreshToken.slice(0, refreshToken.indexOf('.')));
  return Number.isSafeInteger(seconds) && seconds > 0 ? new Date(seconds * 1000) : null;
}
