import type { EntityManager } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { previewHolidaysOfYear, replaceHolidaysOfYear } from '../../calendar/holiday-admin.service';
import type { Holiday } from '../../domain/holidays';
import type { ComplaintWorkflows } from '../../temporal/complaint-workflows';
import { HolidayRecord } from '../entities';

/**
 * The holiday list admins read and correct (table holiday), and its effect on the open complaints'
 * deadlines (src/calendar/holiday-admin.service.ts does the checks and the arithmetic).
 */
export class HolidayRepository {
  constructor(private readonly em: EntityManager) {}

  /** The year's stored holidays, by date (none: the year has no stored list). */
  findByYear(year: number): Promise<HolidayRecord[]> {
    return this.em.fork().find(HolidayRecord, { year }, { orderBy: { date: 'asc' } });
  }

  /** The open complaints whose deadline the proposed list would move; saves nothing. */
  previewYear(year: number, holidays: Holiday[]): ReturnType<typeof previewHolidaysOfYear> {
    return previewHolidaysOfYear(this.em.fork(), year, holidays);
  }

  /**
   * Replaces the year's list (one transaction), then signals the open complaints it can concern to
   * recompute their deadline.
   */
  replaceYear(
    year: number,
    holidays: Holiday[],
    deps: { workflows: Pick<ComplaintWorkflows, 'calendarChanged'>; log: Logger },
  ): ReturnType<typeof replaceHolidaysOfYear> {
    return replaceHolidaysOfYear({ em: this.em.fork(), ...deps }, year, holidays);
  }
}
