import type { ExecutionContext } from '@nestjs/common';
import { ApiError } from '../../../src/api/common/api-error';
import { MetricsAccessGuard } from '../../../src/api/metrics/metrics-access.guard';
import type { AppConfig } from '../../../src/config/config';

const TOKEN = 'rahasia-metrik-prometheus-0123456789';

function context(remoteAddress: string, headers: Record<string, string> = {}) {
  const responseHeaders: Record<string, string> = {};
  const ctx = {
    switchToHttp: () => ({
      getRequest: () => ({ socket: { remoteAddress }, headers }),
      getResponse: () => ({ setHeader: (k: string, v: string) => (responseHeaders[k] = v) }),
    }),
  } as unknown as ExecutionContext;
  return { ctx, responseHeaders };
}

const guard = (env: AppConfig['env'], metricsToken?: string) =>
  new MetricsAccessGuard({ env, metricsToken } as AppConfig);

/** The status the guard answers with: 200 when it lets the request through. */
function statusOf(g: MetricsAccessGuard, ctx: ExecutionContext): number {
  try {
    return g.canActivate(ctx) ? 200 : 403;
  } catch (err) {
    if (err instanceof ApiError) return err.getStatus();
    throw err;
  }
}

describe('MetricsAccessGuard', () => {
  it('with METRICS_TOKEN: the Bearer token only, from anywhere, in every environment', () => {
    for (const env of ['development', 'production'] as const) {
      const g = guard(env, TOKEN);
      expect(statusOf(g, context('203.0.113.7', { authorization: `Bearer ${TOKEN}` }).ctx)).toBe(200);
      expect(statusOf(g, context('127.0.0.1', { authorization: `bearer ${TOKEN}` }).ctx)).toBe(200);
      const { ctx, responseHeaders } = context('127.0.0.1');
      expect(statusOf(g, ctx)).toBe(401);
      expect(responseHeaders['WWW-Authenticate']).toMatch(/^Bearer/);
      expect(statusOf(g, context('127.0.0.1', { authorization: `Bearer ${TOKEN}x` }).ctx)).toBe(401);
      expect(statusOf(g, context('127.0.0.1', { authorization: TOKEN }).ctx)).toBe(401);
    }
  });

  it('without it in production: direct loopback connections only (403 otherwise)', () => {
    const g = guard('production');
    for (const peer of ['127.0.0.1', '::1', '::ffff:127.0.0.1'])
      expect(statusOf(g, context(peer).ctx)).toBe(200);
    for (const peer of ['10.0.0.5', '172.18.0.3', '::ffff:192.168.1.2', '203.0.113.7'])
      expect(statusOf(g, context(peer).ctx)).toBe(403);
    // A reverse proxy on the same machine relays outside clients: not loopback.
    expect(statusOf(g, context('127.0.0.1', { 'x-forwarded-for': '127.0.0.1' }).ctx)).toBe(403);
    expect(statusOf(g, context('127.0.0.1', { forwarded: 'for=203.0.113.7' }).ctx)).toBe(403);
  });

  it('without it in development and test: open (the quick start)', () => {
    for (const env of ['development', 'test'] as const)
      expect(statusOf(guard(env), context('203.0.113.7').ctx)).toBe(200);
  });
});
