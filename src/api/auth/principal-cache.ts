import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';

/** What the guard checks a token against: the user's current record, as last read. */
export interface CurrentUser {
  id: string;
  username: string;
  role: string;
  unit: string | null;
  area: string | null;
  eselon: string | null;
  active: boolean;
  tokenVersion: number;
}

/**
 * Users' current records, kept briefly so that a request does not read the user table every time.
 * An account change on this replica forgets the entry at once; other replicas see it within the TTL.
 */
@Injectable()
export class PrincipalCache {
  static readonly TTL_MS = 5_000;
  private readonly users = new LRUCache<string, CurrentUser>({ max: 10_000, ttl: PrincipalCache.TTL_MS });
  private forgotten = 0;

  /**
   * Raised by every forget(): a record read before it may be out of date, so whoever read it
   * (the AuthGuard) keeps it only if this is unchanged since the read began.
   */
  get epoch(): number {
    return this.forgotten;
  }

  get(userId: string): CurrentUser | undefined {
    return this.users.get(userId);
  }

  set(user: CurrentUser): void {
    this.users.set(user.id, user);
  }

  /** Called after any change to the user's account (deactivation, password, role, unit, area). */
  forget(userId: string): void {
    this.users.delete(userId);
    this.forgotten++;
  }
}
