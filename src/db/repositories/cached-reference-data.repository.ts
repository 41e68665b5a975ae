import type { EntityManager } from '@mikro-orm/core';
import { loadNonWorkingDates, type NonWorkingDates } from '../../calendar/holiday-calendar';
import { Area } from '../entities';

/**
 * What the API's reference data cache (src/api/reference-data/reference-data.cache.ts) loads, and
 * the notice by which a replica tells the others that it changed.
 */
export class CachedReferenceDataRepository {
  constructor(private readonly em: EntityManager) {}

  /** The non-working dates of the given years (holiday table, else the fallback, with its warnings). */
  loadNonWorkingDates(years: number[]): Promise<NonWorkingDates> {
    return loadNonWorkingDates(this.em.fork(), years);
  }

  /** Every kecamatan and kelurahan. */
  findAllAreas(): Promise<Area[]> {
    return this.em.fork().find(Area, {});
  }

  /** PostgreSQL only: a NOTIFY on `channel`, which every replica LISTENs to. */
  async notify(channel: string): Promise<void> {
    await this.em.getConnection().execute(`select pg_notify('${channel}', '')`);
  }
}
