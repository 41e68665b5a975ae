import type { EntityManager } from '@mikro-orm/core';
import { Area } from '../entities';

/** The kecamatan and kelurahan of Kota Prabumulih (table area), by Kemendagri code. */
export class AreaRepository {
  constructor(private readonly em: EntityManager) {}

  /** Every area, by code. */
  findAll(): Promise<Area[]> {
    return this.em.fork().find(Area, {}, { orderBy: { code: 'asc' } });
  }

  /** The areas of the given codes (each code once in the query). */
  findByCodes(codes: string[]): Promise<Area[]> {
    return this.em.fork().find(Area, { code: { $in: [...new Set(codes)] } });
  }

  /** Gives an area a new name; its code never changes. Null for an unknown code. */
  async rename(code: string, name: string): Promise<{ area: Area; before: string } | null> {
    const em = this.em.fork();
    const area = await em.findOne(Area, { code });
    if (!area) return null;
    const before = area.name;
    area.name = name;
    await em.flush();
    return { area, before };
  }
}
