import type { EntityManager } from '@mikro-orm/core';
import { OFFICIAL_HOLIDAY_YEARS, officialHolidays } from '../domain/holidays';
import { HolidayRecord } from './entities';

/**
 * Loads the shipped SKB lists into the holiday table for each year that has no rows yet, so an
 * admin's corrections to a year are never overwritten by a later start. Returns rows added.
 */
export async function seedOfficialHolidays(em: EntityManager): Promise<number> {
  let added = 0;
  for (const year of OFFICIAL_HOLIDAY_YEARS) {
    if ((await em.count(HolidayRecord, { year })) > 0) continue;
    for (const h of officialHolidays(year) ?? []) {
      em.create(HolidayRecord, {
        date: h.date,
        name: h.name,
        kind: h.kind,
        source: 'OFFICIAL',
        year,
        updatedAt: new Date(),
      });
      added++;
    }
  }
  await em.flush();
  return added;
}
