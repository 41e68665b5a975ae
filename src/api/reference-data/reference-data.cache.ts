import { EntityManager } from '@mikro-orm/core';
import { Global, Injectable, Module } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { loadNonWorkingDates } from '../../calendar/holiday-calendar';
import { Area } from '../../db/entities';
import { computeDueAt, type LocalDate, WorkingDayCalendar } from '../../domain/calendar';

/** How long another API replica may keep using reference data an admin just changed. */
export const REFERENCE_DATA_TTL_MS = 60_000;

export interface CachedCalendar {
  calendar: WorkingDayCalendar;
  warning?: string;
  /** Deadlines by WIB date of receipt: every complaint received on one office day has the same. */
  deadlines: Map<LocalDate, Date>;
}

const WIB_OFFSET_MS = 7 * 3_600_000;

/**
 * The office (WIB) date of an instant, without a time-zone library: Asia/Jakarta has been UTC+7,
 * without daylight saving, since 1964. Intake computes it on every request.
 */
export function officeDateOf(instant: Date): LocalDate {
  return new Date(instant.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Reference data every intake needs, kept in memory for a minute instead of read (and, for the
 * calendar, parsed) on every request. An admin's change clears this replica's copy at once; other
 * replicas pick it up within the TTL. A deadline computed from a stale calendar in that minute is
 * corrected by the workflow, which loads the calendar itself and records the due date it keeps.
 */
@Injectable()
export class ReferenceDataCache {
  private readonly calendars: LRUCache<string, CachedCalendar>;
  private readonly areasByCode: LRUCache<'all', Map<string, Area>>;

  constructor(em: EntityManager) {
    this.calendars = new LRUCache<string, CachedCalendar>({
      max: 16,
      ttl: REFERENCE_DATA_TTL_MS,
      fetchMethod: async (key) => {
        const data = await loadNonWorkingDates(em.fork(), key.split(',').map(Number));
        return {
          calendar: new WorkingDayCalendar(data.nonWorkingDates),
          warning: data.warning,
          deadlines: new Map(),
        };
      },
    });
    this.areasByCode = new LRUCache<'all', Map<string, Area>>({
      max: 1,
      ttl: REFERENCE_DATA_TTL_MS,
      fetchMethod: async () => new Map((await em.fork().find(Area, {})).map((a) => [a.code, a])),
    });
  }

  /** The working-day calendar covering the given years (database holidays, else the fallback). */
  async calendar(years: number[]): Promise<CachedCalendar> {
    return (await this.calendars.fetch([...years].sort().join(',')))!;
  }

  /**
   * The deadline of a complaint received at `receivedAt` (end of the 10th working day after its WIB
   * date), with the calendar's warning. The years are those `calendarYearsFor` names: the year of
   * receipt, and the next one for December.
   */
  async deadline(receivedAt: Date): Promise<{ dueAt: Date; warning?: string }> {
    const date = officeDateOf(receivedAt);
    const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
    const cached = await this.calendar(month === 12 ? [year, year + 1] : [year]);
    let dueAt = cached.deadlines.get(date);
    if (!dueAt) {
      dueAt = computeDueAt(receivedAt, cached.calendar);
      cached.deadlines.set(date, dueAt);
    }
    return { dueAt, warning: cached.warning };
  }

  /** Kecamatan and kelurahan by Kemendagri code. */
  async areas(): Promise<ReadonlyMap<string, Area>> {
    return (await this.areasByCode.fetch('all'))!;
  }

  /** After an admin changed holidays or areas. */
  invalidate(): void {
    this.calendars.clear();
    this.areasByCode.clear();
  }
}

@Global()
@Module({ providers: [ReferenceDataCache], exports: [ReferenceDataCache] })
export class ReferenceDataModule {}
