import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from './config.module';

/** The window PUBLIC_RATE_LIMIT counts requests in. */
export const PUBLIC_RATE_WINDOW_MS = 60_000;

export const RATE_LIMITED_MESSAGE = 'Terlalu banyak permintaan. Silakan coba lagi beberapa saat lagi.';

/**
 * The rate limiter's settings (a global module: ThrottlerGuard can be used in any module). Nothing
 * is limited until a controller opts in with @PublicRateLimit(): staff endpoints are not limited.
 * Each client (by IP) may call each public endpoint PUBLIC_RATE_LIMIT times per minute; the
 * counter is per endpoint, not per URL, so guessing tracking codes is slowed down as a whole.
 */
export const PublicRateLimitModule = ThrottlerModule.forRootAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({
    throttlers: [{ ttl: PUBLIC_RATE_WINDOW_MS, limit: config.publicRateLimit }],
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
