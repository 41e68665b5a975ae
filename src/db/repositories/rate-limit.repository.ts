import type { EntityManager } from '@mikro-orm/core';
import { RateLimit } from '../entities';

/**
 * Requests per rate-limit key in fixed windows (table rate_limit), shared by every API replica. Each
 * request is one statement, so concurrent requests on any replica each count once.
 */
export class RateLimitRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Counts one request for the key and returns the window's count and start. A window that began
   * at or before `expiredBefore` is over: the request starts a new one (a conditional upsert).
   */
  async hit(key: string, now: Date, expiredBefore: Date): Promise<{ hits: number; windowStart: Date }> {
    const em = this.em.fork();
    const platform = em.getPlatform();
    const expired = platform.processDateProperty(expiredBefore);
    const rows = await em.getConnection().execute<{ hits: number | string; window_start: unknown }[]>(
      `insert into rate_limit ("key", window_start, hits) values (?, ?, 1)
       on conflict ("key") do update set
         hits = case when rate_limit.window_start <= ? then 1 else rate_limit.hits + 1 end,
         window_start = case when rate_limit.window_start <= ? then excluded.window_start else rate_limit.window_start end
       returning hits, window_start`,
      [key, platform.processDateProperty(now), expired, expired],
      'all',
    );
    return {
      hits: Number(rows[0].hits),
      windowStart: new Date(rows[0].window_start as string | number | Date),
    };
  }

  /** Forgets windows that ended before `before` (the table keeps one row per active client). */
  async prune(before: Date): Promise<number> {
    return this.em.fork().nativeDelete(RateLimit, { windowStart: { $lt: before } });
  }
}
