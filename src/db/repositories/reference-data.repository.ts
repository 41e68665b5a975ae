import type { EntityManager } from '@mikro-orm/core';
import { loadWorkingDayCalendar } from '../../calendar/holiday-calendar';
import type { WorkingDayCalendar } from '../../domain/calendar';
import { Area } from '../entities';

/** A kecamatan and a kelurahan looked up by code; null where the master data has no such area. */
export interface LocationAreas {
  kecamatan: Area | null;
  kelurahan: Area | null;
}

/** The master data the complaint services read as it is now (areas, holidays), uncached. */
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
}
