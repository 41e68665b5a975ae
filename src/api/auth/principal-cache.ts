import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { SessionUser } from '../../db/repositories/session.repository';

/**
 * What the guard checks a token against: the user's current record, as last read (the session
 * record without its password hash, which is never kept in memory).
 */
export type CachedUser = Omit<SessionUser, 'passwordHash'>;

/**
 * Users' current records, kept briefly so that a request does not read the user table every time.
 * An account change on this replica forgets the entry at once; other replicas see it within the TTL.
 */
@Injectable()
export class PrincipalCache {
  static readonly TTL_MS = 5_000;
  private readonly users = new LRUCache<string, CachedUser>({ max: 10_000, ttl: PrincipalCache.TTL_MS });
  private forgotten = 0;

  /**
   * Raised by every forget(): a record read before it may be out of date, so whoever read it
   * (the AuthGuard) keeps it only if this is unchanged since the read began.
   */
  get epoch(): number {
    return this.forgotten;
  }

  get(userId: string): CachedUser | undefined {
    return this.users.get(userId);
  }

  set(user: CachedUser): void {
    this.users.set(user.id, user);
  }

  /** Called after any change to the user's account (deactivation, password, role, unit, area). */
  forget(userId: string): void {
    this.users.delete(userId);
    this.forgotten++;
  }
}
