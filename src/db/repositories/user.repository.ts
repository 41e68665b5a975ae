import type { EntityManager, FilterQuery, RequiredEntityData } from '@mikro-orm/core';
import { Area, User } from '../entities';
import type { Page, PageRequest } from './complaint.repository';

/** A username: lowercase letters, digits, '.', '_' or '-', 3 to 64 characters, a letter or digit at each end. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,62}[a-z0-9]$/;

/** The filters of the user list; each one given narrows it. */
export interface UserListFilter {
  role?: string;
  unit?: string;
  active?: boolean;
}

/** The fields of an account that the administration changes (never the id, username or createdAt). */
export type UserChanges = Partial<
  Pick<
    User,
    | 'fullName'
    | 'role'
    | 'unit'
    | 'area'
    | 'eselon'
    | 'email'
    | 'phone'
    | 'active'
    | 'passwordHash'
    | 'passwordChangedAt'
    | 'tokenVersion'
    | 'updatedAt'
  >
>;

/** The accounts (app_user) as the user administration and the create-admin command read and write them. */
export class UserRepository {
  constructor(private readonly em: EntityManager) {}

  findById(id: string): Promise<User | null> {
    return this.em.fork().findOne(User, { id });
  }

  findByUsername(username: string): Promise<User | null> {
    return this.em.fork().findOne(User, { username });
  }

  /** Ordered by username. */
  async list(filter: UserListFilter, page: PageRequest): Promise<Page<User>> {
    const where: FilterQuery<User> = {};
    if (filter.role) where.role = filter.role;
    if (filter.unit) where.unit = filter.unit;
    if (filter.active !== undefined) where.active = filter.active;
    const [rows, total] = await this.em.fork().findAndCount(User, where, {
      orderBy: { username: 'asc' },
      limit: page.limit,
      offset: page.offset,
    });
    return { rows, total };
  }

  /** Active STAFF accounts that have an echelon, by full name (the candidates for receiving officials). */
  findActiveStaffWithEselon(): Promise<User[]> {
    return this.em
      .fork()
      .find(User, { role: 'STAFF', active: true, eselon: { $ne: null } }, { orderBy: { fullName: 'asc' } });
  }

  /** KECAMATAN or KELURAHAN for a known area of Kota Prabumulih (master data), else null. */
  async areaLevel(code: string): Promise<string | null> {
    const area = await this.em.fork().findOne(Area, { code }, { fields: ['level'] });
    return area?.level ?? null;
  }

  /** Adds an account; a taken username fails with MikroORM's UniqueConstraintViolationException. */
  async insert(data: RequiredEntityData<User>): Promise<User> {
    const em = this.em.fork();
    const user = em.create(User, data);
    await em.flush();
    return user;
  }

  /** Applies the changes to the account and returns it as stored; null when it does not exist. */
  async update(id: string, changes: UserChanges): Promise<User | null> {
    const em = this.em.fork();
    const user = await em.findOne(User, { id });
    if (!user) return null;
    em.assign(user, changes);
    await em.flush();
    return user;
  }
}
