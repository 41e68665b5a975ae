import type { EntityManager } from '@mikro-orm/core';
import {
  loadNonWorkingDates,
  loadWorkingDayCalendar,
  type NonWorkingDates,
} from '../../calendar/holiday-calendar';
import type { WorkingDayCalendar } from '../../domain/calendar';
import { Area } from '../entities';

/** A kecamatan and a kelurahan looked up by code; null where the master data has no such area. */
export interface LocationAreas {
  kecamatan: Area | null;
  kelurahan: Area | null;
}

/**
 * The master data (areas, holidays) as it is now, uncached: read by the complaint services where a
 * check must see the latest, and loaded by the API's reference data cache
 * (src/api/reference-data/reference-data.cache.ts), with the notice by which a replica tells the
 * others that it changed.
 */
export class ReferenceDataRepository {
  constructor(private readonly em: EntityManager) {}

  /** The kecamatan and the kelurahan of the given codes (both looked up at once). */
  async findLocationAreas(kecamatanCode: string, kelurahanCode: string): Promise<LocationAreas> {
    const em = this.em.fork();
    const [kecamatan, kelurahan] = await Promise.all([
      em.findOne(Area, { code: kecamatanCode, level: 'KECAMATAN' }),
      em.findOne(Area, { code: kelurahanCode, level: 'KELURAHAN' }),
    ]);
    return { kecamatan, kelurahan };
  }

  /** The working-day calendar of the given years (holiday table, or the fallback list). */
  workingDayCalendar(years: number[]): Promise<WorkingDayCalendar> {
    return loadWorkingDayCalendar(this.em.fork(), years);
  }

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
