import { createHash, timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../config/config';
import { forbidden, unauthorized } from '../common/api-error';
import { APP_CONFIG } from '../common/config.module';

export const METRICS_TOKEN_REQUIRED =
  'Metrik hanya dapat dibaca dengan token yang sah (Authorization: Bearer <METRICS_TOKEN>).';
export const METRICS_LOOPBACK_ONLY =
  'Metrik hanya dapat dibaca langsung dari mesin server ini (loopback). Atur METRICS_TOKEN untuk membacanya dari tempat lain.';

/** Headers a reverse proxy adds: a request carrying one was relayed for someone else. */
const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/** Whether the TCP peer itself is this machine and nothing says it relays another client. */
export function isDirectLoopback(req: Request): boolean {
  const peer = req.socket.remoteAddress ?? '';
  const loopback = peer === '::1' || /^(::ffff:)?127\./.test(peer);
  return loopback && FORWARDING_HEADERS.every((h) => req.headers[h] === undefined);
}

/** Constant-time comparison of two secrets of any length. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Who may scrape /metrics (it reveals workload per unit and process internals):
 * - METRICS_TOKEN set: only requests with `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise);
 * - unset, in production: only direct connections from the loopback interface (403 otherwise), so a
 *   sidecar or `docker exec` can read it but nothing through the proxy can;
 * - unset, in development and test: anyone (the quick start's link works).
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const token = this.config.metricsToken;
    if (token) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
      if (match && sameSecret(match[1], token)) return true;
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw unauthorized(METRICS_TOKEN_REQUIRED);
    }
    if (this.config.env !== 'production' || isDirectLoopback(req)) return true;
    throw forbidden(METRICS_LOOPBACK_ONLY);
  }
}
