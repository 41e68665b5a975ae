import path from 'node:path';
import { ConfigError, DEFAULT_SEED_PASSWORD, loadConfig } from '../../../src/config/config';

const PAYLOAD_KEYS = `k2:${Buffer.alloc(32, 2).toString('base64')},k1:${Buffer.alloc(32, 1).toString('base64')}`;

describe('configuration', () => {
  it('runs on embedded defaults: SQLite under data/, local Temporal, API on :3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: 'sqlite', path: path.join(config.dataDir, 'app.sqlite') });
    expect(config.temporal).toEqual({
      address: 'localhost:7233',
      namespace: 'default',
      taskQueue: 'pengaduan',
      uiUrl: 'http://localhost:8233',
      retentionDays: 90,
      actionTimeoutMs: 20_000,
      payloadKeys: null,
    });
    expect(config.shutdownGraceMs).toBe(25_000);
    expect(path.basename(config.dataDir)).toBe('data');
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u:p@db:5432/app' }).database).toEqual({
      kind: 'postgresql',
      url: 'postgresql://u:p@db:5432/app',
    });
  });

  it('stops with a message naming each bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', TEMPORAL_ADDRESS: 'no-port', DATABASE_URL: 'mysql://x' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ PORT: 'abc', TEMPORAL_ADDRESS: 'no-port', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/TEMPORAL_ADDRESS: must be host:port/);
      expect(message).toMatch(/DATABASE_URL: must be a postgres/);
    }
  });

  it('has no JWT secret in code: unset outside production (a generated one is used), short sessions', () => {
    const config = loadConfig({});
    expect(config.jwtSecret).toBeNull();
    expect(config.session).toEqual({ accessTokenMinutes: 15, refreshTokenHours: 12, maxDays: 7 });
    expect(
      loadConfig({ ACCESS_TOKEN_MINUTES: '5', REFRESH_TOKEN_HOURS: '8', SESSION_MAX_DAYS: '1' }).session,
    ).toEqual({ accessTokenMinutes: 5, refreshTokenHours: 8, maxDays: 1 });
    expect(() => loadConfig({ ACCESS_TOKEN_MINUTES: '0' })).toThrow(/ACCESS_TOKEN_MINUTES/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET: must be at least 16/);
    for (const known of ['dev-only-jwt-secret-change-me', 'change-me-to-a-long-random-secret']) {
      expect(() =>
        loadConfig({ NODE_ENV: 'production', JWT_SECRET: known, SEED_PASSWORD: 'another-strong-one' }),
      ).toThrow(/JWT_SECRET: must be set in production/);
    }
  });

  it('refuses to run production with the development secrets', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET: must be set in production[\s\S]*SEED_PASSWORD/,
    );
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'a-very-long-production-secret',
        SEED_PASSWORD: DEFAULT_SEED_PASSWORD,
      }),
    ).toThrow(/SEED_PASSWORD/);
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'a-very-long-production-secret',
        SEED_PASSWORD: 'another-strong-one',
      }),
    ).toThrow(/PERSONAL_DATA_KEYS: must be set in production[\s\S]*PERSONAL_DATA_HASH_KEY: must be set/);
    expect(
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'a-very-long-production-secret',
        SEED_PASSWORD: 'another-strong-one',
        PERSONAL_DATA_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
        PERSONAL_DATA_HASH_KEY: Buffer.alloc(32, 2).toString('base64'),
        TEMPORAL_PAYLOAD_KEYS: PAYLOAD_KEYS,
      }).env,
    ).toBe('production');
  });

  it('needs the Temporal payload keys in production, and refuses malformed ones anywhere', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'a-very-long-production-secret',
      SEED_PASSWORD: 'another-strong-one',
      PERSONAL_DATA_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
      PERSONAL_DATA_HASH_KEY: Buffer.alloc(32, 2).toString('base64'),
    };
    expect(() => loadConfig(production)).toThrow(/TEMPORAL_PAYLOAD_KEYS: must be set in production/);
    const keys = loadConfig({ ...production, TEMPORAL_PAYLOAD_KEYS: PAYLOAD_KEYS }).temporal.payloadKeys;
    expect(keys?.map((k) => [k.id, k.key.length])).toEqual([
      ['k2', 32],
      ['k1', 32],
    ]);
    expect(() => loadConfig({ TEMPORAL_PAYLOAD_KEYS: 'k1:short' })).toThrow(
      /TEMPORAL_PAYLOAD_KEYS: key "k1": must be 32 random bytes/,
    );
    // The message never repeats the key itself.
    const leaked = 'k1:QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB';
    expect(() => loadConfig({ TEMPORAL_PAYLOAD_KEYS: leaked })).toThrow(ConfigError);
    expect(() => loadConfig({ TEMPORAL_PAYLOAD_KEYS: leaked })).not.toThrow(/QUFB/);
  });
});
