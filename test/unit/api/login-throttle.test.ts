import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jwtSecretPath, jwtSigningKey, loadOrCreateSecretFile } from '../../../src/api/auth/jwt-secret';
import {
  LOCK_MAX_SECONDS,
  LOGIN_FAILURE_THRESHOLD,
  lockSeconds,
  retryAfterSeconds,
  throttleKey,
  waitInWords,
} from '../../../src/api/auth/login-throttle';

describe('login throttle arithmetic', () => {
  it('does not lock below the threshold', () => {
    for (let n = 0; n < LOGIN_FAILURE_THRESHOLD.user; n++) expect(lockSeconds(n, 5)).toBe(0);
    for (let n = 0; n < LOGIN_FAILURE_THRESHOLD.ip; n++) expect(lockSeconds(n, 20)).toBe(0);
  });

  it('locks for 2^(n - threshold) × 15 s from the threshold on', () => {
    expect([5, 6, 7, 8, 9, 10].map((n) => lockSeconds(n, 5))).toEqual([15, 30, 60, 120, 240, 480]);
    expect([20, 21, 22].map((n) => lockSeconds(n, 20))).toEqual([15, 30, 60]);
  });

  it('never locks longer than 15 minutes, however many failures', () => {
    expect(LOCK_MAX_SECONDS).toBe(900);
    expect(lockSeconds(11, 5)).toBe(900);
    expect(lockSeconds(60, 5)).toBe(900);
    expect(lockSeconds(1_000_000, 5)).toBe(900);
    for (let n = 5; n < 100; n++) {
      expect(lockSeconds(n + 1, 5)).toBeGreaterThanOrEqual(lockSeconds(n, 5));
    }
  });

  it('allows more failures per client address than per username', () => {
    expect(LOGIN_FAILURE_THRESHOLD.ip).toBeGreaterThan(LOGIN_FAILURE_THRESHOLD.user);
  });

  it('gives Retry-After in whole seconds, at least 1', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(retryAfterSeconds(new Date(now.getTime() + 14_001), now)).toBe(15);
    expect(retryAfterSeconds(new Date(now.getTime() + 15_000), now)).toBe(15);
    expect(retryAfterSeconds(new Date(now.getTime() + 10), now)).toBe(1);
    expect(retryAfterSeconds(now, now)).toBe(1);
  });

  it('says the wait in Bahasa', () => {
    expect(waitInWords(15)).toBe('15 detik');
    expect(waitInWords(61)).toBe('2 menit');
    expect(waitInWords(900)).toBe('15 menit');
  });

  it('keys fit the login_throttle column', () => {
    expect(throttleKey('user', 'pengaduan')).toBe('user:pengaduan');
    expect(throttleKey('ip', 'x'.repeat(500))).toHaveLength(200);
  });
});

describe('JWT secret outside production', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jwt-secret-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is JWT_SECRET when set', () => {
    expect(jwtSigningKey({ jwtSecret: 'a-very-long-production-secret', dataDir: dir }).toString()).toBe(
      'a-very-long-production-secret',
    );
    expect(fs.existsSync(jwtSecretPath(dir))).toBe(false);
  });

  it('is made once (32 random bytes, mode 0600) and reused', () => {
    const first = jwtSigningKey({ jwtSecret: null, dataDir: path.join(dir, 'data') });
    const file = jwtSecretPath(path.join(dir, 'data'));
    expect(first).toHaveLength(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(jwtSigningKey({ jwtSecret: null, dataDir: path.join(dir, 'data') }).equals(first)).toBe(true);
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'jwt-secret-other-'));
    try {
      expect(jwtSigningKey({ jwtSecret: null, dataDir: other }).equals(first)).toBe(false);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
    expect(fs.readdirSync(path.join(dir, 'data'))).toEqual(['jwt-secret']);
  });

  it('reads a secret another process wrote, and leaves no temporary file', () => {
    const file = path.join(dir, 'jwt-secret');
    const written = Buffer.alloc(32, 7);
    fs.writeFileSync(file, `${written.toString('base64url')}\n`, { mode: 0o600 });
    expect(loadOrCreateSecretFile(file).equals(written)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['jwt-secret']);
  });

  it('refuses a file that is not a secret', () => {
    const file = path.join(dir, 'jwt-secret');
    fs.writeFileSync(file, 'short\n');
    expect(() => loadOrCreateSecretFile(file)).toThrow(/not a JWT secret/);
  });
});
