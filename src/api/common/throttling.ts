import { EntityManager } from '@mikro-orm/core';
import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerStorage } from '@nestjs/throttler';
import type { AppConfig } from '../../config/config';
import { RateLimitRepository } from '../../db/repositories/rate-limit.repository';
import { APP_CONFIG } from './config.module';

/** The window PUBLIC_RATE_LIMIT counts requests in. */
export const PUBLIC_RATE_WINDOW_MS = 60_000;

export const RATE_LIMITED_MESSAGE = 'Terlalu banyak permintaan. Silakan coba lagi beberapa saat lagi.';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** Windows older than this are deleted (at most once per PRUNE_EVERY_MS per replica). */
const PRUNE_AFTER_MS = 60 * 60_000;
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * The throttler's counts in the database (table rate_limit) instead of each process's memory, so
 * that N API replicas behind the proxy allow the limit once, not N times. Fixed windows: a client's
 * first request opens a window of `ttl`; past the limit it is refused until the window ends.
 */
export class DatabaseThrottlerStorage implements ThrottlerStorage {
  private nextPrune = 0;

  constructor(private readonly repository: RateLimitRepository) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = Date.now();
    const { hits, windowStart } = await this.repository.hit(
      `${throttlerName}:${key}`,
      new Date(now),
      new Date(now - ttl),
    );
    if (now >= this.nextPrune) {
      this.nextPrune = now + PRUNE_EVERY_MS;
      void this.repository.prune(new Date(now - PRUNE_AFTER_MS)).catch(() => undefined);
    }
    const timeToExpire = Math.max(1, Math.ceil((windowStart.getTime() + ttl - now) / 1000));
    const isBlocked = hits > limit;
    return { totalHits: hits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }
}

/**
 * The rate limiter's settings (a global module: ThrottlerGuard can be used in any module). Nothing
 * is limited until a controller opts in with @PublicRateLimit(): staff endpoints are not limited.
 * Each client (by IP) may call each public endpoint PUBLIC_RATE_LIMIT times per minute, counted in
 * the database across replicas; the counter is per endpoint, not per URL, so guessing tracking codes
 * is slowed down as a whole.
 */
export const PublicRateLimitModule = ThrottlerModule.forRootAsync({
  inject: [APP_CONFIG, EntityManager],
  useFactory: (config: AppConfig, em: EntityManager) => ({
    throttlers: [{ ttl: PUBLIC_RATE_WINDOW_MS, limit: config.publicRateLimit }],
    storage: new DatabaseThrottlerStorage(new RateLimitRepository(em)),
    // The ErrorBodyFilter answers 429 with its own Bahasa message; this one is the same, for logs.
    errorMessage: RATE_LIMITED_MESSAGE,
  }),
});

/** Rate-limits a public controller or route (429 with a Bahasa message and a Retry-After header). */
export const PublicRateLimit = () =>
  applyDecorators(
    UseGuards(ThrottlerGuard),
    ApiTooManyRequestsResponse({ description: `${RATE_LIMITED_MESSAGE} (batas per menit per alamat IP)` }),
  );
