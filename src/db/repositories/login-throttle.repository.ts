import type { EntityManager } from '@mikro-orm/core';
import { LoginThrottle } from '../entities';

/**
 * Failed sign-ins per key ("user:<username>", "ip:<address>") in the login_throttle table, so that
 * the count and the lockout hold across API replicas. Every write is one statement, so concurrent
 * attempts (on any replica) each count once, on PostgreSQL and on SQLite.
 */
export class LoginThrottleRepository {
  constructor(private readonly em: EntityManager) {}

  /** The latest moment until which any of the keys is locked, if one is locked after `now`. */
  async lockedUntil(keys: string[], now: Date): Promise<Date | null> {
    const rows = await this.em.fork().find(LoginThrottle, { key: { $in: keys }, lockedUntil: { $gt: now } });
    const times = rows.map((r) => r.lockedUntil?.getTime() ?? 0);
    return times.length ? new Date(Math.max(...times)) : null;
  }

  /**
   * Counts one failure for the key and returns the new count. The count starts again at 1 when the
   * previous failure is older than `windowStart` (a conditional upsert: insert, or increment).
   */
  async countFailure(key: string, now: Date, windowStart: Date): Promise<number> {
    const em = this.em.fork();
    const platform = em.getPlatform();
    const rows = await em.getConnection().execute<{ failures: number | string }[]>(
      `insert into login_throttle ("key", failures, last_failure_at, locked_until) values (?, 1, ?, null)
       on conflict ("key") do update set
         failures = case when login_throttle.last_failure_at < ? then 1 else login_throttle.failures + 1 end,
         last_failure_at = excluded.last_failure_at
       returning failures`,
      [key, platform.processDateProperty(now), platform.processDateProperty(windowStart)],
      'all',
    );
    return Number(rows[0].failures);
  }

  /**
   * Locks the key until `until`, unless another failure has been counted meanwhile (that one sets
   * its own, longer lock): of concurrent failures, the last one counted decides.
   */
  async lock(key: string, failures: number, until: Date): Promise<void> {
    await this.em.fork().nativeUpdate(LoginThrottle, { key, failures }, { lockedUntil: until });
  }

  /** Forgets the key's failures (after a successful sign-in). */
  async reset(key: string): Promise<void> {
    await this.em.fork().nativeDelete(LoginThrottle, { key });
  }
}
