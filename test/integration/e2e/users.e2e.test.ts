/**
 * User administration through the API (ADMIN), the own account (/api/users/me), and the
 * create-admin command run as the compiled program against a fresh SQLite database.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import { SecurityEvent, User } from '../../../src/db/entities';
import { createOrm } from '../../../src/db/orm';
import { databaseKinds } from '../../helpers/databases';
import { type E2e, startE2e } from '../../helpers/e2e';
import { REPO_ROOT } from '../../helpers/paths';

const STRONG = 'Sempurna-Kopi-Pagi-42';
const OTHER_STRONG = 'kuda laut makan nasi goreng';

describe.each(databaseKinds())('user administration (%s)', (kind) => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e(kind);
  });
  afterAll(async () => {
    await e?.stop();
  });

  const login = (username: string, password: string) =>
    e.http.post('/api/auth/login').send({ username, password });

  const createStaff = async (username: string, extra: Record<string, unknown> = {}) =>
    (
      await e.http
        .post('/api/users')
        .set(await e.as('admin'))
        .send({
          username,
          fullName: 'Petugas Loket Baru',
          role: 'STAFF',
          unit: 'LOKET',
          password: STRONG,
          ...extra,
        })
        .expect(201)
    ).body;

  it('lets an admin create a STAFF user who can then sign in and see their profile', async () => {
    const created = await createStaff('Loket.Baru', {
      email: 'loket.baru@example.go.id',
      phone: '0711 123456',
    });
    expect(created).toMatchObject({
      username: 'loket.baru',
      role: 'STAFF',
      unit: 'LOKET',
      area: null,
      active: true,
    });
    expect(created).not.toHaveProperty('passwordHash');

    const res = await login('loket.baru', STRONG).expect(200);
    const me = await e.http
      .get('/api/users/me')
      .set({ Authorization: `Bearer ${res.body.accessToken}` })
      .expect(200);
    expect(me.body).toMatchObject({
      id: created.id,
      username: 'loket.baru',
      email: 'loket.baru@example.go.id',
    });
    expect(JSON.stringify(me.body)).not.toMatch(/\$2[aby]\$/);

    const one = await e.http
      .get(`/api/users/${created.id}`)
      .set(await e.as('admin'))
      .expect(200);
    expect(one.body).toEqual(created);
    const list = await e.http
      .get('/api/users?role=STAFF&unit=LOKET&active=true&pageSize=100')
      .set(await e.as('admin'))
      .expect(200);
    expect(list.body.items.map((u: { username: string }) => u.username)).toEqual(['loket', 'loket.baru']);
  });

  it('is for admins only: 401 without a token, 403 for other roles', async () => {
    await e.http.get('/api/users').expect(401);
    for (const user of ['pengaduan', 'kadis', 'walikota']) {
      const res = await e.http
        .post('/api/users')
        .set(await e.as(user))
        .send({ username: 'penyusup', fullName: 'X', role: 'ADMIN', password: STRONG })
        .expect(403);
      expect(res.body.message).toBe('Anda tidak berwenang melakukan tindakan ini.');
      await e.http
        .get('/api/users/security-events')
        .set(await e.as(user))
        .expect(403);
    }
    expect(await e.db.orm.em.fork().count(User, { username: 'penyusup' })).toBe(0);
  });

  it('answers a taken username with 409, a short password with 400 and a weak one with 422, in Bahasa Indonesia', async () => {
    const auth = await e.as('admin');
    const body = { fullName: 'Petugas', role: 'STAFF', unit: 'LOKET', password: STRONG };
    const taken = await e.http
      .post('/api/users')
      .set(auth)
      .send({ ...body, username: 'LOKET' })
      .expect(409);
    expect(taken.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'Nama pengguna "loket" sudah dipakai.',
    });
    const weak = await e.http
      .post('/api/users')
      .set(auth)
      .send({ ...body, username: 'lemah', password: 'password123' })
      .expect(422);
    expect(weak.body).toEqual({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: 'Kata sandi ini termasuk kata sandi yang umum dipakai. Pilih kata sandi lain.',
    });
    const short = await e.http
      .post('/api/users')
      .set(auth)
      .send({ ...body, username: 'lemah', password: 'pendek' })
      .expect(400);
    expect(short.body.message).toBe('Kata sandi minimal 10 karakter.');
    const noUnit = await e.http
      .post('/api/users')
      .set(auth)
      .send({ ...body, username: 'tanpa-unit', unit: undefined })
      .expect(422);
    expect(noUnit.body.message).toBe('Pengguna dengan peran STAFF wajib memiliki unit.');
    const badArea = await e.http
      .post('/api/users')
      .set(auth)
      .send({ ...body, username: 'kec-salah', unit: 'KECAMATAN', area: '16.74.99' })
      .expect(422);
    expect(badArea.body.message).toBe(
      'Kode wilayah 16.74.99 bukan kecamatan yang dikenal di Kota Prabumulih.',
    );
    expect(
      await e.db.orm.em.fork().count(User, { username: { $in: ['lemah', 'tanpa-unit', 'kec-salah'] } }),
    ).toBe(0);
  });

  it('refuses the sign-in of a deactivated user until reactivated; an admin cannot deactivate themselves', async () => {
    const created = await createStaff('akan.nonaktif');
    const auth = await e.as('admin');
    await e.http.post(`/api/users/${created.id}/deactivate`).set(auth).expect(200);
    const refused = await login('akan.nonaktif', STRONG).expect(401);
    expect(refused.body.message).toBe('Nama pengguna atau kata sandi salah.');
    await e.http.post(`/api/users/${created.id}/reactivate`).set(auth).expect(200);
    await login('akan.nonaktif', STRONG).expect(200);

    const me = await e.http.get('/api/users/me').set(auth).expect(200);
    const self = await e.http.post(`/api/users/${me.body.id}/deactivate`).set(auth).expect(422);
    expect(self.body.message).toBe('Anda tidak dapat menonaktifkan akun Anda sendiri.');
    const demote = await e.http
      .patch(`/api/users/${me.body.id}`)
      .set(auth)
      .send({ role: 'STAFF' })
      .expect(422);
    expect(demote.body.message).toBe('Anda tidak dapat mencabut peran ADMIN dari akun Anda sendiri.');

    const events = await e.http.get(`/api/users/security-events?userId=${created.id}`).set(auth).expect(200);
    // Sign-ins are recorded there too; the account changes, newest first:
    const changes = events.body.items.filter((ev: { type: string }) => ev.type.startsWith('USER_'));
    expect(changes.map((ev: { type: string }) => ev.type)).toEqual([
      'USER_REACTIVATED',
      'USER_DEACTIVATED',
      'USER_CREATED',
    ]);
    expect(changes[2]).toMatchObject({ actorUsername: 'admin', targetUsername: 'akan.nonaktif' });
    expect(changes[2].ip).toEqual(expect.any(String));
  });

  it('lets a user change their own password; the old one stops working', async () => {
    await createStaff('ganti.sandi');
    const token = (await login('ganti.sandi', STRONG).expect(200)).body.accessToken;
    const auth = { Authorization: `Bearer ${token}` };
    const wrong = await e.http
      .post('/api/users/me/password')
      .set(auth)
      .send({ currentPassword: 'bukan-sandi-saya', newPassword: OTHER_STRONG })
      .expect(422);
    expect(wrong.body.message).toBe('Kata sandi saat ini salah.');
    await e.http
      .post('/api/users/me/password')
      .set(auth)
      .send({ currentPassword: STRONG, newPassword: OTHER_STRONG })
      .expect(204);
    await login('ganti.sandi', STRONG).expect(401);
    await login('ganti.sandi', OTHER_STRONG).expect(200);
    const user = await e.db.orm.em.fork().findOneOrFail(User, { username: 'ganti.sandi' });
    expect(user.tokenVersion).toBe(1);
    const changed = await e.db.orm.em
      .fork()
      .find(SecurityEvent, { targetUserId: user.id, type: 'PASSWORD_CHANGED' });
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ actorId: user.id, details: { sessionsEnded: true } });
  });
});

describe('npm run user:create-admin', () => {
  const script = path.join(REPO_ROOT, 'dist', 'src', 'db', 'create-admin.js');
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pengaduan-create-admin-'));
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** The compiled command against DATA_DIR's SQLite file, stdin not a terminal. */
  const run = (args: string[], password: string) =>
    new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [script, ...args], {
        env: {
          ...process.env,
          NODE_ENV: 'test',
          DATA_DIR: dataDir,
          DATABASE_URL: '',
          SQLITE_PATH: '',
          ADMIN_PASSWORD: password,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d) => {
        output += d;
      });
      child.stderr.on('data', (d) => {
        output += d;
      });
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, output }));
    });

  it('creates an admin on a fresh database, and refuses a weak password or a taken username', async () => {
    const args = ['--username', 'Kepala.Admin', '--full-name', 'Administrator DPM-PTSP'];
    const weak = await run(args, 'password123');
    expect(weak.code).toBe(1);
    expect(weak.output).toContain('Kata sandi ini termasuk kata sandi yang umum dipakai.');

    const created = await run(args, STRONG);
    expect(created.output).toContain('Admin "kepala.admin" created');
    expect(created.code).toBe(0);

    const again = await run(args, OTHER_STRONG);
    expect(again.code).toBe(1);
    expect(again.output).toContain('exists already');

    const orm = await createOrm({
      database: { kind: 'sqlite', path: path.join(dataDir, 'app.sqlite') },
      dbDebug: false,
      dataDir,
      personalData: { keys: null, hashKey: null },
    });
    try {
      const em = orm.em.fork();
      const users = await em.find(User, {});
      expect(users.map((u) => [u.username, u.role, u.active])).toEqual([['kepala.admin', 'ADMIN', true]]);
      expect(await bcrypt.compare(STRONG, users[0].passwordHash)).toBe(true);
      const events = await em.find(SecurityEvent, {});
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        type: 'USER_CREATED',
        actorId: null,
        targetUserId: users[0].id,
        targetUsername: 'kepala.admin',
        details: { via: 'cli' },
      });
    } finally {
      await orm.close();
    }
  });
});
