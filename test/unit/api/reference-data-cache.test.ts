/**
 * The API's reference data cache: an admin's change (or a change notice from another replica) never
 * fails a request that is loading the calendar at that moment, and later reads see the change.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { PinoLogger } from 'nestjs-pino';
import { ReferenceDataCache } from '../../../src/api/reference-data/reference-data.cache';
import type { AppConfig } from '../../../src/config/config';

/** An EntityManager whose holiday reads wait until released, returning the current list. */
function slowHolidays() {
  const state = { holidays: [{ date: '2026-12-25', year: 2026 }], reads: 0 };
  const waiting: (() => void)[] = [];
  const em = {
    fork: () => em,
    find: async () => {
      state.reads++;
      const rows = [...state.holidays];
      await new Promise<void>((r) => waiting.push(r));
      return rows;
    },
  } as unknown as EntityManager;
  const release = () => {
    for (const r of waiting.splice(0)) r();
  };
  return { em, state, release };
}

const sqliteConfig = { database: { kind: 'sqlite', path: ':memory:' } } as AppConfig;
const logger = { warn: () => undefined } as unknown as PinoLogger;

describe('ReferenceDataCache', () => {
  it('lets a load in flight finish when the data changes meanwhile, and loads afresh afterwards', async () => {
    const { em, state, release } = slowHolidays();
    const cache = new ReferenceDataCache(em, sqliteConfig, logger);
    const inFlight = cache.calendar([2026]);
    await new Promise((r) => setImmediate(r));
    state.holidays.push({ date: '2026-12-24', year: 2026 });
    cache.invalidate();
    release();
    // The request that was waiting gets its calendar (the one read before the change)...
    expect((await inFlight).calendar.isWorkingDay('2026-12-24')).toBe(true);
    // ...and the next read loads the changed list.
    const next = cache.calendar([2026]);
    await new Promise((r) => setImmediate(r));
    release();
    expect((await next).calendar.isWorkingDay('2026-12-24')).toBe(false);
    expect(state.reads).toBe(2);
  });

  it('keeps nothing on PostgreSQL until it listens for change notices', async () => {
    const { em, state, release } = slowHolidays();
    const cache = new ReferenceDataCache(
      em,
      { database: { kind: 'postgresql', url: 'postgresql://unused' } } as AppConfig,
      logger,
    );
    for (let i = 0; i < 3; i++) {
      const read = cache.calendar([2026]);
      await new Promise((r) => setImmediate(r));
      release();
      await read;
    }
    expect(state.reads).toBe(3);
  });
});
