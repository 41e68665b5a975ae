import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import type { SecurityEvent, User } from '../../db/entities';
import { SecurityEventRepository } from '../../db/repositories/security-event.repository';
import { type UserChanges, UserRepository } from '../../db/repositories/user.repository';
import { type Eselon, isReceivingOfficial, parseEselon } from '../../domain/channels';
import { hashPassword, passwordProblem } from '../../domain/password-policy';
import { AREA_UNITS, type Unit } from '../../domain/units';
import type { Principal, Role } from '../auth/principal';
import { PrincipalCache } from '../auth/principal-cache';
import { badRequest, conflict, notFound, unauthorized, unprocessable } from '../common/api-error';
import { DEFAULT_PAGE_SIZE } from '../complaints/complaint-query.dto';
import type {
  CreateUserDto,
  ListSecurityEventsQueryDto,
  ListUsersQueryDto,
  ReceivingOfficialDto,
  SecurityEventDto,
  SecurityEventPageDto,
  UpdateUserDto,
  UserDto,
  UserPageDto,
} from './users.dto';

/** The kinds of SecurityEvent the user administration records. */
export const ACCOUNT_EVENTS = {
  created: 'USER_CREATED',
  updated: 'USER_UPDATED',
  deactivated: 'USER_DEACTIVATED',
  reactivated: 'USER_REACTIVATED',
  passwordReset: 'PASSWORD_RESET',
  passwordChanged: 'PASSWORD_CHANGED',
} as const;

/** Who acts and from where, for the security events. */
export interface ActingUser {
  principal: Principal;
  ip: string | null;
}

/** The fields of an account that decide what its user may see and do. */
interface Assignment {
  role: Role;
  unit: Unit | null;
  area: string | null;
}

const EDITABLE = ['fullName', 'role', 'unit', 'area', 'eselon', 'email', 'phone'] as const;
type Editable = (typeof EDITABLE)[number];
/** A change of these ends the user's sessions: their token says what they may do. */
const SESSION_FIELDS: readonly Editable[] = ['role', 'unit', 'area'];
/** Personal data: a change is recorded by field name only. */
const PERSONAL_FIELDS: readonly Editable[] = ['email', 'phone'];

const USER_NOT_FOUND = 'Pengguna tidak ditemukan.';

/**
 * User administration (ADMIN) and the signed-in user's own account. Every change is a security
 * event; a change that must end the user's sessions raises the account's tokenVersion, and every
 * change makes the PrincipalCache forget the account.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly events: SecurityEventRepository,
    private readonly principals: PrincipalCache,
  ) {}

  /**
   * The officials who may be named as having received a face-to-face complaint (SOP C.1.a): active
   * DPM-PTSP officers of eselon I to IV (isReceivingOfficial), by name.
   */
  async receivingOfficials(): Promise<ReceivingOfficialDto[]> {
    const users = await this.users.findActiveStaffWithEselon();
    return users.filter(isReceivingOfficial).map((u) => ({
      id: u.id,
      fullName: u.fullName,
      eselon: parseEselon(u.eselon) as Eselon,
      unit: u.unit as Unit,
    }));
  }

  async list(query: ListUsersQueryDto): Promise<UserPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { rows, total } = await this.users.list(
      {
        role: query.role,
        unit: query.unit,
        active: query.active === undefined ? undefined : query.active === 'true',
      },
      { limit: pageSize, offset: (page - 1) * pageSize },
    );
    return { items: rows.map(toUserView), total, page, pageSize };
  }

  async get(id: string): Promise<UserDto> {
    return toUserView(await this.existing(id));
  }

  /** The caller's own account. */
  async me(principal: Principal): Promise<UserDto> {
    const user = await this.users.findById(principal.sub);
    if (!user?.active) throw unauthorized('Sesi tidak valid atau sudah berakhir. Silakan masuk kembali.');
    return toUserView(user);
  }

  async create(body: CreateUserDto, by: ActingUser): Promise<UserDto> {
    const username = body.username.trim().toLowerCase();
    const assignment = await this.checkAssignment({
      role: body.role,
      unit: body.unit ?? null,
      area: body.area ?? null,
    });
    this.checkPassword(body.password, { username, fullName: body.fullName });
    if (await this.users.findByUsername(username)) throw usernameTaken(username);
    const now = new Date();
    let user: User;
    try {
      user = await this.users.insert({
        id: randomUUID(),
        username,
        fullName: body.fullName.trim(),
        passwordHash: await hashPassword(body.password),
        ...assignment,
        eselon: body.eselon ?? null,
        email: body.email ?? null,
        phone: body.phone ?? null,
        active: true,
        tokenVersion: 0,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: null,
      });
    } catch (err) {
      // Another admin took the name between the check and the insert.
      if (err instanceof UniqueConstraintViolationException) throw usernameTaken(username);
      throw err;
    }
    await this.record(ACCOUNT_EVENTS.created, by, user, {
      role: user.role,
      unit: user.unit ?? null,
      area: user.area ?? null,
      eselon: user.eselon ?? null,
    });
    return toUserView(user);
  }

  async update(id: string, body: UpdateUserDto, by: ActingUser): Promise<UserDto> {
    if (Object.values(body).every((v) => v === undefined))
      throw badRequest('Tidak ada data pengguna yang diubah: kirim paling sedikit satu kolom.');
    const user = await this.existing(id);
    const given = <K extends Editable>(field: K) => body[field] !== undefined;
    const role = body.role ?? (user.role as Role);
    if (user.id === by.principal.sub && role !== 'ADMIN') {
      throw unprocessable('Anda tidak dapat mencabut peran ADMIN dari akun Anda sendiri.');
    }
    // Only STAFF have a unit, and only KECAMATAN/KELURAHAN staff an area: a change of role or unit
    // clears what no longer applies, unless the request says otherwise (then it is checked).
    let unit = given('unit') ? (body.unit ?? null) : ((user.unit as Unit | null) ?? null);
    if (!given('unit') && role !== 'STAFF') unit = null;
    let area = given('area') ? (body.area ?? null) : (user.area ?? null);
    if (!given('area') && (!unit || !AREA_UNITS.includes(unit))) area = null;
    const assignment = await this.checkAssignment({ role, unit, area });

    const next: Record<Editable, string | null> = {
      fullName: body.fullName?.trim() || user.fullName,
      ...assignment,
      eselon: given('eselon') ? (body.eselon ?? null) : (user.eselon ?? null),
      email: given('email') ? (body.email ?? null) : (user.email ?? null),
      phone: given('phone') ? (body.phone ?? null) : (user.phone ?? null),
    };
    const changed = EDITABLE.filter((field) => next[field] !== ((user[field] as string | null) ?? null));
    if (changed.length === 0) return toUserView(user);

    const changes: UserChanges = { updatedAt: new Date() };
    for (const field of changed) Object.assign(changes, { [field]: next[field] });
    const endsSessions = changed.some((field) => SESSION_FIELDS.includes(field));
    if (endsSessions) changes.tokenVersion = user.tokenVersion + 1;
    const updated = await this.apply(user, changes);

    const details: Record<string, unknown> = { changed, sessionsEnded: endsSessions };
    for (const field of changed) {
      if (PERSONAL_FIELDS.includes(field)) continue;
      details[field] = { from: (user[field] as string | null) ?? null, to: next[field] };
    }
    await this.record(ACCOUNT_EVENTS.updated, by, updated, details);
    return toUserView(updated);
  }

  /** Ends the account's sessions and refuses its sign-ins until it is reactivated. */
  async deactivate(id: string, by: ActingUser): Promise<UserDto> {
    if (id === by.principal.sub) throw unprocessable('Anda tidak dapat menonaktifkan akun Anda sendiri.');
    const user = await this.existing(id);
    if (!user.active) throw conflict('Pengguna ini sudah nonaktif.');
    const updated = await this.apply(user, {
      active: false,
      tokenVersion: user.tokenVersion + 1,
      updatedAt: new Date(),
    });
    await this.record(ACCOUNT_EVENTS.deactivated, by, updated, { sessionsEnded: true });
    return toUserView(updated);
  }

  async reactivate(id: string, by: ActingUser): Promise<UserDto> {
    const user = await this.existing(id);
    if (user.active) throw conflict('Pengguna ini sudah aktif.');
    const updated = await this.apply(user, { active: true, updatedAt: new Date() });
    await this.record(ACCOUNT_EVENTS.reactivated, by, updated, {});
    return toUserView(updated);
  }

  /** An admin sets a new password (the user forgot theirs); the user's sessions end. */
  async resetPassword(id: string, newPassword: string, by: ActingUser): Promise<void> {
    const user = await this.existing(id);
    this.checkPassword(newPassword, user);
    await this.setPassword(user, newPassword);
    await this.record(ACCOUNT_EVENTS.passwordReset, by, user, { sessionsEnded: true });
  }

  /** The signed-in user changes their own password; all their sessions end (sign in again). */
  async changeOwnPassword(currentPassword: string, newPassword: string, by: ActingUser): Promise<void> {
    const user = await this.users.findById(by.principal.sub);
    if (!user?.active) throw unauthorized('Sesi tidak valid atau sudah berakhir. Silakan masuk kembali.');
    if (!(await bcrypt.compare(currentPassword, user.passwordHash))) {
      throw unprocessable('Kata sandi saat ini salah.');
    }
    if (newPassword === currentPassword) {
      throw unprocessable('Kata sandi baru harus berbeda dari kata sandi saat ini.');
    }
    this.checkPassword(newPassword, user);
    await this.setPassword(user, newPassword);
    await this.record(ACCOUNT_EVENTS.passwordChanged, by, user, { sessionsEnded: true });
  }

  /** The accounts' audit trail, newest first, optionally of one account. */
  async securityEvents(query: ListSecurityEventsQueryDto): Promise<SecurityEventPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    // One row more than the page tells whether another page follows.
    const rows = await this.events.list({
      targetUserId: query.userId,
      limit: pageSize + 1,
      offset: (page - 1) * pageSize,
    });
    return {
      items: rows.slice(0, pageSize).map(toSecurityEventView),
      page,
      pageSize,
      hasMore: rows.length > pageSize,
    };
  }

  private async existing(id: string): Promise<User> {
    // Ids are UUIDs: anything longer is not one, and is not worth a query.
    const user = id.length <= 36 ? await this.users.findById(id) : null;
    if (!user) throw notFound(USER_NOT_FOUND);
    return user;
  }

  private async apply(user: User, changes: UserChanges): Promise<User> {
    const updated = await this.users.update(user.id, changes);
    if (!updated) throw notFound(USER_NOT_FOUND);
    this.principals.forget(user.id);
    return updated;
  }

  private async setPassword(user: User, password: string): Promise<void> {
    const now = new Date();
    await this.apply(user, {
      passwordHash: await hashPassword(password),
      passwordChangedAt: now,
      tokenVersion: user.tokenVersion + 1,
      updatedAt: now,
    });
  }

  private checkPassword(password: string, owner: { username: string; fullName?: string | null }): void {
    const problem = passwordProblem(password, owner);
    if (problem) throw unprocessable(problem);
  }

  /** STAFF need a unit, KECAMATAN/KELURAHAN staff a known area of that level; no one else has either. */
  private async checkAssignment(a: Assignment): Promise<Assignment> {
    if (a.role !== 'STAFF') {
      if (a.unit) throw unprocessable('Unit hanya diisi untuk pengguna dengan peran STAFF.');
      if (a.area) throw unprocessable('Wilayah (area) hanya diisi untuk staf unit KECAMATAN atau KELURAHAN.');
      return { role: a.role, unit: null, area: null };
    }
    if (!a.unit) throw unprocessable('Pengguna dengan peran STAFF wajib memiliki unit.');
    if (!AREA_UNITS.includes(a.unit)) {
      if (a.area) throw unprocessable('Wilayah (area) hanya diisi untuk staf unit KECAMATAN atau KELURAHAN.');
      return { role: a.role, unit: a.unit, area: null };
    }
    const level = a.unit === 'KECAMATAN' ? 'kecamatan' : 'kelurahan/desa';
    if (!a.area) throw unprocessable(`Staf unit ${a.unit} wajib memiliki wilayah (kode ${level}).`);
    if ((await this.users.areaLevel(a.area)) !== a.unit) {
      throw unprocessable(`Kode wilayah ${a.area} bukan ${level} yang dikenal di Kota Prabumulih.`);
    }
    return { role: a.role, unit: a.unit, area: a.area };
  }

  private record(type: string, by: ActingUser, target: User, details: Record<string, unknown>) {
    return this.events.record({
      type,
      actor: { id: by.principal.sub, username: by.principal.username },
      target: { id: target.id, username: target.username },
      ip: by.ip,
      details,
    });
  }
}

function usernameTaken(username: string) {
  return conflict(`Nama pengguna "${username}" sudah dipakai.`);
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function toUserView(u: User): UserDto {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    role: u.role as Role,
    unit: (u.unit as Unit | null) ?? null,
    area: u.area ?? null,
    eselon: (u.eselon as Eselon | null) ?? null,
    email: u.email ?? null,
    phone: u.phone ?? null,
    active: u.active,
    createdAt: iso(u.createdAt)!,
    updatedAt: iso(u.updatedAt),
    passwordChangedAt: iso(u.passwordChangedAt),
  };
}

function toSecurityEventView(e: SecurityEvent): SecurityEventDto {
  return {
    id: e.id,
    at: iso(e.at)!,
    type: e.type,
    actorId: e.actorId ?? null,
    actorUsername: e.actorUsername ?? null,
    targetUserId: e.targetUserId ?? null,
    targetUsername: e.targetUsername ?? null,
    ip: e.ip ?? null,
    details: e.details ?? null,
  };
}
