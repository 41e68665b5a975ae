import type { EntityManager, RequiredEntityData } from '@mikro-orm/core';
import bcrypt from 'bcryptjs';
import type { Principal } from '../../../src/api/auth/principal';
import { PrincipalCache } from '../../../src/api/auth/principal-cache';
import type { CreateUserDto } from '../../../src/api/users/users.dto';
import { UsersService } from '../../../src/api/users/users.service';
import { SecurityEvent, User } from '../../../src/db/entities';
import type { PageRequest } from '../../../src/db/repositories/complaint.repository';
import {
  type SecurityEventInput,
  SecurityEventRepository,
} from '../../../src/db/repositories/security-event.repository';
import {
  type UserChanges,
  type UserListFilter,
  UserRepository,
} from '../../../src/db/repositories/user.repository';
import { apiErrorOf } from './fakes';

// Cost 12 takes a while in pure-JS bcrypt; the rounds are the policy test's business.
jest.mock('../../../src/domain/password-policy', () => ({
  ...jest.requireActual('../../../src/domain/password-policy'),
  hashPassword: (password: string) => bcrypt.hash(password, 4),
}));

const NO_DATABASE = {} as EntityManager;
const KNOWN_AREAS: Record<string, string> = { '16.74.01': 'KECAMATAN', '16.74.01.1007': 'KELURAHAN' };
const STRONG = 'Sempurna-Kopi-Pagi-42';

class InMemoryUserRepository extends UserRepository {
  readonly rows: User[] = [];
  constructor() {
    super(NO_DATABASE);
  }
  override async findById(id: string) {
    return this.copy(this.rows.find((u) => u.id === id));
  }
  override async findByUsername(username: string) {
    return this.copy(this.rows.find((u) => u.username === username));
  }
  override async list(filter: UserListFilter, page: PageRequest) {
    const all = this.rows
      .filter((u) => (filter.role ? u.role === filter.role : true))
      .filter((u) => (filter.unit ? u.unit === filter.unit : true))
      .filter((u) => (filter.active === undefined ? true : u.active === filter.active))
      .sort((a, b) => a.username.localeCompare(b.username));
    return { rows: all.slice(page.offset, page.offset + page.limit), total: all.length };
  }
  override async areaLevel(code: string) {
    return KNOWN_AREAS[code] ?? null;
  }
  override async insert(data: RequiredEntityData<User>) {
    const user = Object.assign(new User(), data);
    this.rows.push(user);
    return this.copy(user)!;
  }
  override async update(id: string, changes: UserChanges) {
    const user = this.rows.find((u) => u.id === id);
    if (!user) return null;
    Object.assign(user, changes);
    return this.copy(user);
  }
  private copy(user: User | undefined): User | null {
    return user ? Object.assign(new User(), user) : null;
  }
}

class InMemorySecurityEventRepository extends SecurityEventRepository {
  readonly recorded: SecurityEventInput[] = [];
  constructor() {
    super(NO_DATABASE);
  }
  override async record(input: SecurityEventInput) {
    this.recorded.push(input);
  }
  override async list(filter: { targetUserId?: string; limit: number; offset?: number }) {
    return this.recorded
      .filter((e) => !filter.targetUserId || e.target?.id === filter.targetUserId)
      .slice(filter.offset ?? 0, (filter.offset ?? 0) + filter.limit)
      .map((e, i) =>
        Object.assign(new SecurityEvent(), {
          id: String(i),
          type: e.type,
          targetUserId: e.target?.id,
          details: e.details,
        }),
      );
  }
}

function setup() {
  const users = new InMemoryUserRepository();
  const events = new InMemorySecurityEventRepository();
  const cache = new PrincipalCache();
  const forget = jest.spyOn(cache, 'forget');
  const service = new UsersService(users, events, cache);
  const admin = Object.assign(new User(), {
    id: 'a0000000-0000-4000-8000-000000000001',
    username: 'admin',
    fullName: 'Administrator',
    passwordHash: bcrypt.hashSync('Admin-Kuat-Sekali-1', 4),
    role: 'ADMIN',
    active: true,
    tokenVersion: 0,
  });
  users.rows.push(admin);
  const principal: Principal = {
    sub: admin.id,
    username: 'admin',
    role: 'ADMIN',
    unit: null,
    area: null,
    eselon: null,
  };
  const by = { principal, ip: '10.0.0.5' };
  return { users, events, forget, service, admin, by };
}

const staffBody = (overrides: Partial<CreateUserDto> = {}): CreateUserDto => ({
  username: 'loket2',
  fullName: 'Petugas Loket Dua',
  role: 'STAFF',
  unit: 'LOKET',
  email: 'loket2@example.go.id',
  password: STRONG,
  ...overrides,
});

describe('UsersService', () => {
  it('creates a STAFF user, records USER_CREATED without secrets and never shows the hash', async () => {
    const { service, users, events, by } = setup();
    const created = await service.create(staffBody(), by);
    expect(created).toMatchObject({
      username: 'loket2',
      role: 'STAFF',
      unit: 'LOKET',
      area: null,
      active: true,
    });
    expect(created).not.toHaveProperty('passwordHash');
    expect(created).not.toHaveProperty('tokenVersion');
    const stored = users.rows.find((u) => u.username === 'loket2')!;
    expect(await bcrypt.compare(STRONG, stored.passwordHash)).toBe(true);
    expect(events.recorded).toEqual([
      {
        type: 'USER_CREATED',
        actor: { id: by.principal.sub, username: 'admin' },
        target: { id: created.id, username: 'loket2' },
        ip: '10.0.0.5',
        details: { role: 'STAFF', unit: 'LOKET', area: null, eselon: null },
      },
    ]);
    expect(JSON.stringify(events.recorded)).not.toContain(STRONG);
  });

  it('refuses a taken username with 409', async () => {
    const { service, by } = setup();
    await service.create(staffBody(), by);
    expect(await apiErrorOf(service.create(staffBody({ fullName: 'Orang Lain' }), by))).toEqual({
      status: 409,
      message: 'Nama pengguna "loket2" sudah dipakai.',
    });
  });

  it('checks role, unit and area together', async () => {
    const { service, by } = setup();
    const cases: [Partial<CreateUserDto>, string][] = [
      [{ unit: undefined }, 'Pengguna dengan peran STAFF wajib memiliki unit.'],
      [{ role: 'ADMIN' }, 'Unit hanya diisi untuk pengguna dengan peran STAFF.'],
      [{ area: '16.74.01' }, 'Wilayah (area) hanya diisi untuk staf unit KECAMATAN atau KELURAHAN.'],
      [{ unit: 'KECAMATAN' }, 'Staf unit KECAMATAN wajib memiliki wilayah (kode kecamatan).'],
      [
        { unit: 'KECAMATAN', area: '16.74.01.1007' },
        'Kode wilayah 16.74.01.1007 bukan kecamatan yang dikenal di Kota Prabumulih.',
      ],
      [
        { unit: 'KELURAHAN', area: '16.74.09.9999' },
        'Kode wilayah 16.74.09.9999 bukan kelurahan/desa yang dikenal di Kota Prabumulih.',
      ],
    ];
    for (const [overrides, message] of cases) {
      expect(await apiErrorOf(service.create(staffBody(overrides), by))).toEqual({ status: 422, message });
    }
    const kel = await service.create(
      staffBody({ username: 'kel-baru', unit: 'KELURAHAN', area: '16.74.01.1007', eselon: 'IV' }),
      by,
    );
    expect(kel).toMatchObject({ unit: 'KELURAHAN', area: '16.74.01.1007', eselon: 'IV' });
  });

  it('refuses weak passwords with the policy message', async () => {
    const { service, by, events } = setup();
    expect(await apiErrorOf(service.create(staffBody({ password: 'password123' }), by))).toEqual({
      status: 422,
      message: 'Kata sandi ini termasuk kata sandi yang umum dipakai. Pilih kata sandi lain.',
    });
    expect(await apiErrorOf(service.create(staffBody({ password: 'loket2' }), by))).toMatchObject({
      status: 422,
    });
    expect(events.recorded).toEqual([]);
  });

  it('records the changed fields of an update; a new unit ends the sessions', async () => {
    const { service, users, events, forget, by } = setup();
    const u = await service.create(staffBody(), by);
    events.recorded.length = 0;
    const updated = await service.update(
      u.id,
      { fullName: 'Petugas Loket Dua', unit: 'KECAMATAN', area: '16.74.01', phone: '0711 123456' },
      by,
    );
    expect(updated).toMatchObject({ unit: 'KECAMATAN', area: '16.74.01', phone: '0711 123456' });
    expect(users.rows.find((r) => r.id === u.id)!.tokenVersion).toBe(1);
    expect(forget).toHaveBeenCalledWith(u.id);
    expect(events.recorded).toEqual([
      expect.objectContaining({
        type: 'USER_UPDATED',
        details: {
          changed: ['unit', 'area', 'phone'],
          sessionsEnded: true,
          unit: { from: 'LOKET', to: 'KECAMATAN' },
          area: { from: null, to: '16.74.01' },
        },
      }),
    ]);
  });

  it('keeps the sessions for a change of contact data; nothing changed records nothing', async () => {
    const { service, users, events, by } = setup();
    const u = await service.create(staffBody(), by);
    events.recorded.length = 0;
    await service.update(u.id, { email: null }, by);
    expect(users.rows.find((r) => r.id === u.id)).toMatchObject({ email: null, tokenVersion: 0 });
    await service.update(u.id, { fullName: 'Petugas Loket Dua', role: 'STAFF' }, by);
    // null for a required field means "unchanged", as an absent one.
    await service.update(u.id, { fullName: null as never, role: null as never }, by);
    // An edit without any field is a mistake of the client, not a silent success.
    expect(await apiErrorOf(service.update(u.id, {}, by))).toEqual({
      status: 400,
      message: 'Tidak ada data pengguna yang diubah: kirim paling sedikit satu kolom.',
    });
    expect(events.recorded.map((e) => e.details)).toEqual([{ changed: ['email'], sessionsEnded: false }]);
  });

  it('clears unit and area when the role leaves STAFF', async () => {
    const { service, by } = setup();
    const u = await service.create(staffBody({ unit: 'KECAMATAN', area: '16.74.01' }), by);
    expect(await service.update(u.id, { role: 'KEPALA_DAERAH' }, by)).toMatchObject({
      role: 'KEPALA_DAERAH',
      unit: null,
      area: null,
    });
  });

  it('never lets an admin lock themselves out (422)', async () => {
    const { service, admin, by } = setup();
    expect(await apiErrorOf(service.deactivate(admin.id, by))).toEqual({
      status: 422,
      message: 'Anda tidak dapat menonaktifkan akun Anda sendiri.',
    });
    expect(await apiErrorOf(service.update(admin.id, { role: 'STAFF', unit: 'LOKET' }, by))).toEqual({
      status: 422,
      message: 'Anda tidak dapat mencabut peran ADMIN dari akun Anda sendiri.',
    });
    // Other changes to one's own account are fine.
    expect(await service.update(admin.id, { fullName: 'Admin Kantor' }, by)).toMatchObject({
      fullName: 'Admin Kantor',
      role: 'ADMIN',
    });
  });

  it('deactivates and reactivates, ending the sessions on deactivation', async () => {
    const { service, users, events, forget, by } = setup();
    const u = await service.create(staffBody(), by);
    expect(await service.deactivate(u.id, by)).toMatchObject({ active: false });
    expect(users.rows.find((r) => r.id === u.id)!.tokenVersion).toBe(1);
    expect(forget).toHaveBeenCalledWith(u.id);
    expect(await apiErrorOf(service.deactivate(u.id, by))).toEqual({
      status: 409,
      message: 'Pengguna ini sudah nonaktif.',
    });
    expect(await service.reactivate(u.id, by)).toMatchObject({ active: true });
    expect(events.recorded.map((e) => e.type)).toEqual([
      'USER_CREATED',
      'USER_DEACTIVATED',
      'USER_REACTIVATED',
    ]);
    expect(await apiErrorOf(service.get('tidak-ada'))).toEqual({
      status: 404,
      message: 'Pengguna tidak ditemukan.',
    });
  });

  it('resets a password and lets a user change their own with the current one', async () => {
    const { service, users, events, by } = setup();
    const u = await service.create(staffBody(), by);
    await service.resetPassword(u.id, 'Tiga ekor bebek 2026!', by);
    const stored = () => users.rows.find((r) => r.id === u.id)!;
    expect(await bcrypt.compare('Tiga ekor bebek 2026!', stored().passwordHash)).toBe(true);
    expect(stored().tokenVersion).toBe(1);

    const self = {
      principal: {
        sub: u.id,
        username: 'loket2',
        role: 'STAFF' as const,
        unit: 'LOKET' as const,
        area: null,
        eselon: null,
      },
      ip: '10.0.0.9',
    };
    expect(await apiErrorOf(service.changeOwnPassword('salah-sekali-123', STRONG, self))).toEqual({
      status: 422,
      message: 'Kata sandi saat ini salah.',
    });
    expect(
      await apiErrorOf(service.changeOwnPassword('Tiga ekor bebek 2026!', 'qwertyuiop', self)),
    ).toMatchObject({ status: 422 });
    await service.changeOwnPassword('Tiga ekor bebek 2026!', 'kuda laut makan nasi goreng', self);
    expect(await bcrypt.compare('kuda laut makan nasi goreng', stored().passwordHash)).toBe(true);
    expect(stored().tokenVersion).toBe(2);
    expect(events.recorded.slice(1)).toEqual([
      expect.objectContaining({ type: 'PASSWORD_RESET', actor: { id: by.principal.sub, username: 'admin' } }),
      expect.objectContaining({
        type: 'PASSWORD_CHANGED',
        actor: { id: u.id, username: 'loket2' },
        target: { id: u.id, username: 'loket2' },
        ip: '10.0.0.9',
      }),
    ]);
  });

  it('lists users by filter, paged, and security events per user', async () => {
    const { service, by } = setup();
    await service.create(staffBody(), by);
    const kec = await service.create(
      staffBody({ username: 'kec-baru', unit: 'KECAMATAN', area: '16.74.01' }),
      by,
    );
    await service.deactivate(kec.id, by);
    expect((await service.list({ role: 'STAFF' })).items.map((u) => u.username)).toEqual([
      'kec-baru',
      'loket2',
    ]);
    expect((await service.list({ active: 'false' })).items.map((u) => u.username)).toEqual(['kec-baru']);
    expect(await service.list({ page: 2, pageSize: 2 })).toMatchObject({
      total: 3,
      page: 2,
      pageSize: 2,
      items: [{ username: 'loket2' }],
    });
    const page = await service.securityEvents({ userId: kec.id, pageSize: 1 });
    expect(page).toMatchObject({ page: 1, pageSize: 1, hasMore: true, items: [{ type: 'USER_CREATED' }] });
  });
});
