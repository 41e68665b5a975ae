/**
 * Sessions through the API: what a token must be to be accepted (signed with this installation's
 * secret, for an existing, active user at the token's version; role and unit from the user's record,
 * not the token), refresh-token rotation and theft detection, sign-out, the sign-in lockout, and the
 * generated secret file.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { JwtService } from '@nestjs/jwt';
import { jwtSecretPath } from '../../../src/api/auth/jwt-secret';
import { PrincipalCache } from '../../../src/api/auth/principal-cache';
import { LoginThrottle, RefreshToken, SecurityEvent, User } from '../../../src/db/entities';
import { SessionRepository } from '../../../src/db/repositories/session.repository';
import { databaseKinds, TEST_SEED_PASSWORD } from '../../helpers/databases';
import { type E2e, startE2e } from '../../helpers/e2e';
import { REPO_ROOT } from '../../helpers/paths';

const OLD_DEVELOPMENT_SECRET = 'dev-only-jwt-secret-change-me';

describe.each(databaseKinds())('sessions (%s)', (kind) => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e(kind);
  });
  afterAll(async () => {
    await e?.stop();
  });

  const em = () => e.db.orm.em.fork();
  const user = (username: string) => em().findOneOrFail(User, { username });
  const login = (username: string, password = TEST_SEED_PASSWORD) =>
    e.http.post('/api/auth/login').send({ username, password });
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const events = (type: string, targetUsername?: string) =>
    em().find(
      SecurityEvent,
      { type, ...(targetUsername ? { targetUsername } : {}) },
      { orderBy: { at: 'asc' } },
    );
  // Failed sign-ins of one test must not lock the client address (all requests come from 127.0.0.1).
  const forgetAddresses = () => em().nativeDelete(LoginThrottle, { key: { $like: 'ip:%' } });
  beforeEach(forgetAddresses);

  describe('access tokens', () => {
    it('signs in with a short-lived token carrying only who and the token version', async () => {
      const res = await login('pengaduan').expect(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresIn: 900,
      });
      const claims = new JwtService().decode(res.body.accessToken);
      const pengaduan = await user('pengaduan');
      expect(claims).toEqual({
        sub: pengaduan.id,
        ver: pengaduan.tokenVersion,
        iat: expect.any(Number),
        exp: expect.any(Number),
      });
      expect(claims.exp - claims.iat).toBe(15 * 60);
      await e.http.get('/api/tasks').set(bearer(res.body.accessToken)).expect(200);
      expect(await events('LOGIN_SUCCEEDED', 'pengaduan')).not.toHaveLength(0);
    });

    it('refuses a token signed with the old development secret or any other secret', async () => {
      const admin = await user('admin');
      const forged = [
        // The former claims-only token, as anyone could sign it with the constant that was in the code.
        new JwtService({ secret: OLD_DEVELOPMENT_SECRET }).sign(
          { sub: admin.id, username: 'admin', role: 'ADMIN', unit: null, area: null, eselon: null },
          { expiresIn: '12h' },
        ),
        new JwtService({ secret: OLD_DEVELOPMENT_SECRET }).sign({ sub: admin.id, ver: admin.tokenVersion }),
        new JwtService({ secret: randomUUID() + randomUUID() }).sign({
          sub: admin.id,
          ver: admin.tokenVersion,
        }),
      ];
      for (const token of forged) {
        const res = await e.http.get('/api/calendar/holidays?year=2026').set(bearer(token)).expect(401);
        expect(res.body).toEqual({
          statusCode: 401,
          error: 'Unauthorized',
          message: expect.stringMatching(/Sesi/),
        });
      }
    });

    it('refuses a validly signed token of a user that does not exist', async () => {
      const token = e.app.get(JwtService).sign({ sub: randomUUID(), ver: 0 });
      await e.http.get('/api/tasks').set(bearer(token)).expect(401);
    });

    it("takes the role and unit from the user's record, not from the token", async () => {
      const loket = await user('loket');
      const token = e.app.get(JwtService).sign({ sub: loket.id, ver: loket.tokenVersion, role: 'ADMIN' });
      // Calendar administration is ADMIN only; loket is STAFF of LOKET.
      await e.http.get('/api/calendar/holidays?year=2026').set(bearer(token)).expect(403);
      await e.http.get('/api/tasks').set(bearer(token)).expect(200);
    });

    it('checks a cached user without reading the user table', async () => {
      const { body } = await login('kabid').expect(200);
      const sessions = e.app.get(SessionRepository);
      const read = jest.spyOn(sessions, 'userById');
      try {
        for (let i = 0; i < 5; i++) await e.http.get('/api/tasks').set(bearer(body.accessToken)).expect(200);
        expect(read).not.toHaveBeenCalled();
        e.app.get(PrincipalCache).forget((await user('kabid')).id);
        await e.http.get('/api/tasks').set(bearer(body.accessToken)).expect(200);
        await e.http.get('/api/tasks').set(bearer(body.accessToken)).expect(200);
        expect(read).toHaveBeenCalledTimes(1);
      } finally {
        read.mockRestore();
      }
    });

    it('ends the sessions of a deactivated user at once', async () => {
      const { body } = await login('perizinan').expect(200);
      await e.http.get('/api/tasks').set(bearer(body.accessToken)).expect(200);
      const perizinan = await user('perizinan');
      // What the user administration does: deactivate, raise the token version, forget the cache.
      await em().nativeUpdate(
        User,
        { id: perizinan.id },
        { active: false, tokenVersion: perizinan.tokenVersion + 1 },
      );
      e.app.get(PrincipalCache).forget(perizinan.id);
      await e.http.get('/api/tasks').set(bearer(body.accessToken)).expect(401);
      await e.http.post('/api/auth/refresh').send({ refreshToken: body.refreshToken }).expect(401);
      // Even a token at the new version: the user is inactive.
      const current = e.app.get(JwtService).sign({ sub: perizinan.id, ver: perizinan.tokenVersion + 1 });
      await e.http.get('/api/tasks').set(bearer(current)).expect(401);
      const res = await login('perizinan').expect(401);
      expect(res.body.message).toBe('Nama pengguna atau kata sandi salah.');
      expect((await events('LOGIN_FAILED', 'perizinan')).map((ev) => ev.details)).toContainEqual({
        reason: 'INACTIVE',
      });
    });

    it('refuses a token of an earlier version (password changed, role changed) once the cache expires', async () => {
      const { body } = await login('teknis').expect(200);
      const teknis = await user('teknis');
      await em().nativeUpdate(User, { id: teknis.id }, { tokenVersion: teknis.tokenVersion + 1 });
      // Without forget(): another replica sees the change within the cache's lifetime.
      await new Promise((r) => setTimeout(r, PrincipalCache.TTL_MS + 200));
      await e.http.get('/api/tasks').set(bearer(body.accessToken)).expect(401);
      await e.http.post('/api/auth/refresh').send({ refreshToken: body.refreshToken }).expect(401);
      await login('teknis').expect(200);
    });
  });

  describe('refresh tokens', () => {
    it('rotates: a refresh gives a new pair and uses up the old refresh token', async () => {
      const first = (await login('kadis').expect(200)).body;
      const second = (
        await e.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)
      ).body;
      expect(second).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresIn: 900,
      });
      expect(second.refreshToken).not.toBe(first.refreshToken);
      await e.http.get('/api/tasks').set(bearer(second.accessToken)).expect(200);
      const stored = await em().find(RefreshToken, { userId: (await user('kadis')).id });
      // Only hashes are stored.
      expect(stored.map((t) => t.tokenHash)).not.toContain(first.refreshToken);
      const third = (
        await e.http.post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(200)
      ).body;
      await e.http.get('/api/tasks').set(bearer(third.accessToken)).expect(200);
    });

    it('treats a reused refresh token as theft: every session of the user ends', async () => {
      const stolen = (await login('kebijakan').expect(200)).body;
      const other = (await login('kebijakan').expect(200)).body; // another device
      const thief = (
        await e.http.post('/api/auth/refresh').send({ refreshToken: stolen.refreshToken }).expect(200)
      ).body;
      // The user's client presents the same token again: it was copied.
      const res = await e.http
        .post('/api/auth/refresh')
        .send({ refreshToken: stolen.refreshToken })
        .expect(401);
      expect(res.body.message).toMatch(/Sesi sudah berakhir/);
      await e.http.post('/api/auth/refresh').send({ refreshToken: thief.refreshToken }).expect(401);
      await e.http.post('/api/auth/refresh').send({ refreshToken: other.refreshToken }).expect(401);
      await e.http.get('/api/tasks').set(bearer(thief.accessToken)).expect(401);
      await e.http.get('/api/tasks').set(bearer(other.accessToken)).expect(401);
      expect(await events('REFRESH_REUSED', 'kebijakan')).toHaveLength(1);
      // Presenting it yet again is no new theft, and signing in again works.
      await e.http.post('/api/auth/refresh').send({ refreshToken: stolen.refreshToken }).expect(401);
      expect(await events('REFRESH_REUSED', 'kebijakan')).toHaveLength(1);
      const fresh = (await login('kebijakan').expect(200)).body;
      await e.http.get('/api/tasks').set(bearer(fresh.accessToken)).expect(200);
    });

    it('refuses an unknown or tampered refresh token', async () => {
      const { body } = await login('pelaporan').expect(200);
      const [started, random] = body.refreshToken.split('.');
      await e.http
        .post('/api/auth/refresh')
        .send({ refreshToken: `${Number(started) + 86_400}.${random}` })
        .expect(401);
      await e.http.post('/api/auth/refresh').send({ refreshToken: 'x' }).expect(401);
      const invalid = await e.http.post('/api/auth/refresh').send({}).expect(400);
      expect(invalid.body.message).toMatch(/Token penyegaran/);
      await e.http.post('/api/auth/refresh').send({ refreshToken: body.refreshToken }).expect(200);
    });

    it('ends a session SESSION_MAX_DAYS after its sign-in, however often refreshed', async () => {
      const pelaporan = await user('pelaporan');
      // A refresh token still unexpired, of a session that began 7 days and a minute ago.
      const refreshToken = `${Math.floor(Date.now() / 1000) - 7 * 86_400 - 60}.${randomBytes(32).toString('base64url')}`;
      await em().insert(RefreshToken, {
        id: randomUUID(),
        userId: pelaporan.id,
        tokenHash: createHash('sha256').update(refreshToken).digest('hex'),
        tokenVersion: pelaporan.tokenVersion,
        createdAt: new Date(),
        expiresAt: new Date(Date.now() + 3_600_000),
        usedAt: null,
      });
      await e.http.post('/api/auth/refresh').send({ refreshToken }).expect(401);
    });

    it('signs out: the refresh token is revoked, other sessions stay', async () => {
      const a = (await login('loket').expect(200)).body;
      const b = (await login('loket').expect(200)).body;
      await e.http.post('/api/auth/logout').send({ refreshToken: a.refreshToken }).expect(204);
      await e.http.post('/api/auth/refresh').send({ refreshToken: a.refreshToken }).expect(401);
      await e.http.post('/api/auth/logout').send({ refreshToken: a.refreshToken }).expect(204);
      await e.http.post('/api/auth/refresh').send({ refreshToken: b.refreshToken }).expect(200);
      expect(await events('LOGOUT', 'loket')).toHaveLength(1);
      expect(await events('REFRESH_REUSED', 'loket')).toHaveLength(0);
    });
  });

  describe('sign-in lockout', () => {
    it('locks a username after 5 failures: 429 with Retry-After, the right password refused meanwhile', async () => {
      for (let i = 0; i < 5; i++) {
        const res = await login('kel-16.74.01.1007', 'salah-salah').expect(401);
        expect(res.body.message).toBe('Nama pengguna atau kata sandi salah.');
      }
      const locked = await login('kel-16.74.01.1007').expect(429);
      const retryAfter = Number(locked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(15);
      expect(locked.body).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        message: expect.stringMatching(
          /^Terlalu banyak percobaan masuk yang gagal\. Silakan coba lagi dalam \d+ detik\.$/,
        ),
      });
      // Another user from the same address is not locked.
      await login('kec-16.74.01').expect(200);
      expect((await events('LOGIN_FAILED', 'kel-16.74.01.1007')).map((ev) => ev.details)).toEqual(
        Array(5).fill({ reason: 'WRONG_PASSWORD' }),
      );
      const [lock] = await events('LOGIN_LOCKED', 'kel-16.74.01.1007');
      expect(lock.details).toMatchObject({ by: 'user', failures: 5 });

      // Once the lock has passed (moved into the past here), one more failure locks for twice as long.
      await em().nativeUpdate(
        LoginThrottle,
        { key: 'user:kel-16.74.01.1007' },
        { lockedUntil: new Date(Date.now() - 1000) },
      );
      await login('kel-16.74.01.1007', 'salah-lagi').expect(401);
      const longer = await login('kel-16.74.01.1007').expect(429);
      expect(Number(longer.headers['retry-after'])).toBeGreaterThan(15);
      expect(Number(longer.headers['retry-after'])).toBeLessThanOrEqual(30);

      // After the lock, the right password signs in and the count starts again.
      await em().nativeUpdate(
        LoginThrottle,
        { key: 'user:kel-16.74.01.1007' },
        { lockedUntil: new Date(Date.now() - 1000) },
      );
      await login('kel-16.74.01.1007').expect(200);
      expect(await em().count(LoginThrottle, { key: 'user:kel-16.74.01.1007' })).toBe(0);
    });

    it('counts concurrent failures exactly once each', async () => {
      const results = await Promise.all(Array.from({ length: 4 }, () => login('kec-16.74.02', 'salah')));
      expect(results.map((r) => r.status)).toEqual([401, 401, 401, 401]);
      const row = await em().findOneOrFail(LoginThrottle, { key: 'user:kec-16.74.02' });
      expect(row.failures).toBe(4);
      expect(row.lockedUntil ?? null).toBeNull();
      const ip = await em().find(LoginThrottle, { key: { $like: 'ip:%' } });
      expect(ip.map((r) => r.failures)).toEqual([4]);
      await login('kec-16.74.02').expect(200);
    });

    it('locks a client address after 20 failures, whatever the usernames (unknown ones included)', async () => {
      for (let i = 0; i < 20; i++) await login(`tidak-ada-${i}`, 'salah').expect(401);
      const res = await login('pengaduan').expect(429);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(15);
      const unknown = await events('LOGIN_FAILED');
      expect(unknown.map((ev) => ev.details)).toContainEqual({
        reason: 'UNKNOWN_USER',
        username: 'tidak-ada-0',
      });
      const locks = (await events('LOGIN_LOCKED')).filter((ev) => ev.details?.by === 'ip');
      expect(locks).toHaveLength(1);
      await forgetAddresses();
      await login('pengaduan').expect(200);
    });
  });

  describe('the generated secret (no JWT_SECRET outside production)', () => {
    it('is a file of mode 0600 in DATA_DIR that the tokens are signed with, reused by a later start', async () => {
      const file = jwtSecretPath(e.config.dataDir);
      expect(e.config.jwtSecret).toBeNull();
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const secret = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url');
      expect(secret).toHaveLength(32);
      const admin = await user('admin');
      const signed = new JwtService({ secret: secret as unknown as string }).sign({
        sub: admin.id,
        ver: admin.tokenVersion,
      });
      await e.http.get('/api/calendar/holidays?year=2026').set(bearer(signed)).expect(200);

      // A second API on the same DATA_DIR (a restart, another process) accepts the first one's tokens.
      const { createApp } = await import('../../../src/api/app.factory');
      const again = await createApp(e.config);
      await again.init();
      try {
        const request = (await import('supertest')).default;
        await request(again.getHttpServer())
          .get('/api/calendar/holidays?year=2026')
          .set(await e.as('admin'))
          .expect(200);
      } finally {
        await again.close();
      }
      expect(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url').equals(secret)).toBe(true);
    });

    it('is created once when several processes start at the same time', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pengaduan-secret-'));
      try {
        const module = path.join(REPO_ROOT, 'dist', 'src', 'api', 'auth', 'jwt-secret.js');
        const script = `process.stdout.write(require(${JSON.stringify(module)}).jwtSigningKey({ jwtSecret: null, dataDir: ${JSON.stringify(dir)} }).toString('hex'))`;
        const run = promisify(execFile);
        const outputs = await Promise.all(
          Array.from({ length: 6 }, () => run(process.execPath, ['-e', script])),
        );
        expect(new Set(outputs.map((o) => o.stdout)).size).toBe(1);
        expect(outputs[0].stdout).toHaveLength(64);
        expect(fs.readdirSync(dir)).toEqual(['jwt-secret']);
        expect(fs.statSync(jwtSecretPath(dir)).mode & 0o777).toBe(0o600);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
