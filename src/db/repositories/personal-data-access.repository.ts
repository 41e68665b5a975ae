import { randomUUID } from 'node:crypto';
import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { PersonalDataAccess } from '../entities';

/** Who read, through which endpoint and from where: the same for every complaint of one response. */
export interface PersonalDataReader {
  userId: string;
  username: string;
  role: string;
  unit: string | null;
  area: string | null;
  endpoint: string;
  ip: string | null;
}

/** One complaint of a response and the fields it showed unmasked. */
export interface PersonalDataRead {
  complaintId: string;
  registerNumber: string | null;
  fields: string[];
}

export interface PersonalDataAccessFilter {
  complaintId?: string;
  userId?: string;
  from?: Date;
  to?: Date;
}

/** The access log of unmasked personal-data reads (src/db/entities/personal-data-access.entity.ts). */
export class PersonalDataAccessRepository {
  constructor(private readonly em: EntityManager) {}

  /** One row per complaint, all in one multi-row insert; nothing for an empty response. */
  async record(
    reader: PersonalDataReader,
    reads: readonly PersonalDataRead[],
    at = new Date(),
  ): Promise<void> {
    const rows = reads.filter((r) => r.fields.length > 0);
    if (rows.length === 0) return;
    await this.em.fork().insertMany(
      PersonalDataAccess,
      rows.map((r) => ({
        id: randomUUID(),
        at,
        userId: reader.userId,
        username: reader.username,
        role: reader.role,
        unit: reader.unit,
        area: reader.area,
        complaintId: r.complaintId,
        registerNumber: r.registerNumber,
        fields: [...r.fields],
        endpoint: reader.endpoint,
        ip: reader.ip,
      })),
    );
  }

  /** The newest reads first, filtered; with the number of matching rows. */
  async list(
    filter: PersonalDataAccessFilter,
    page: { limit: number; offset: number },
  ): Promise<{ rows: PersonalDataAccess[]; total: number }> {
    const where: FilterQuery<PersonalDataAccess> = {};
    if (filter.complaintId) where.complaintId = filter.complaintId;
    if (filter.userId) where.userId = filter.userId;
    if (filter.from || filter.to)
      where.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lte: filter.to } : {}) };
    const [rows, total] = await this.em.fork().findAndCount(PersonalDataAccess, where, {
      orderBy: { at: 'desc', id: 'asc' },
      limit: page.limit,
      offset: page.offset,
    });
    return { rows, total };
  }
}
