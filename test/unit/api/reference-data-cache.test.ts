/**
 * The API's reference data cache: an admin's change (or a change notice from another replica) never
 * fails a request that is loading the calendar at that moment, and later reads see the change.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { PinoLogger } from 'nestjs-pino';
import {
  REFERENCE_DATA_CHANNEL,
  ReferenceDataCache,
} from '../../../src/api/reference-data/reference-data.cache';
import type { AppConfig } from '../../../src/config/config';
import { Area } from '../../../src/db/entities';
import { ReferenceDataRepository } from '../../../src/db/repositories/reference-data.repository';

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
    const cache = new ReferenceDataCache(new ReferenceDataRepository(em), sqliteConfig, logger);
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
      new ReferenceDataRepository(em),
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

describe('ReferenceDataCache.deadline: the warning the intake receipt carries', () => {
  /** Holiday rows of the SKB 2026 list, and of 2027 once `with2027` (an admin entered it). */
  function holidays(with2027: boolean) {
    const rows = [
      { date: '2026-12-24', year: 2026 },
      { date: '2026-12-25', year: 2026 },
      ...(with2027 ? [{ date: '2027-01-01', year: 2027 }] : []),
    ];
    const em = {
      fork: () => em,
      find: async (_entity: unknown, where: { year: { $in: number[] } }) =>
        rows.filter((r) => where.year.$in.includes(r.year)),
    } as unknown as EntityManager;
    return new ReferenceDataCache(new ReferenceDataRepository(em), sqliteConfig, logger);
  }
  const wib = (local: string) => new Date(`${local}+07:00`);

  it('received 1 December 2026 and due 15 December 2026: no warning about the missing 2027 list', async () => {
    const { dueAt, warning } = await holidays(false).deadline(wib('2026-12-01T09:00:00'));
    expect(dueAt.toISOString()).toBe('2026-12-15T16:59:59.999Z');
    expect(warning).toBeUndefined();
  });

  it('received 21 December 2026, due in 2027 without a 2027 list: warned; with the list: not', async () => {
    const late = await holidays(false).deadline(wib('2026-12-21T09:00:00'));
    expect(late.dueAt.toISOString().slice(0, 7)).toBe('2027-01');
    expect(late.warning).toMatch(/Belum ada daftar resmi SKB 3 Menteri untuk tahun 2027/);
    expect(late.warning).not.toMatch(/2026/);
    const listed = await holidays(true).deadline(wib('2026-12-21T09:00:00'));
    expect(listed.warning).toBeUndefined();
  });
});

describe('ReferenceDataCache.changed: an admin changed holidays or areas', () => {
  /** Areas as stored now; the change notices sent, or the error sending one fails with. */
  class FakeStore extends ReferenceDataRepository {
    areaNames = ['Cambai'];
    readonly notices: string[] = [];
    noticeError: Error | null = null;
    constructor() {
      super({} as EntityManager);
    }
    override async findAllAreas() {
      return this.areaNames.map((name) => Object.assign(new Area(), { code: '16.74.02', name }));
    }
    override async notify(channel: string) {
      if (this.noticeError) throw this.noticeError;
      this.notices.push(channel);
    }
  }

  it('with SQLite (one process): forgets the copy, sends no notice', async () => {
    const store = new FakeStore();
    const cache = new ReferenceDataCache(store, sqliteConfig, logger);
    expect((await cache.areas()).get('16.74.02')?.name).toBe('Cambai');
    store.areaNames = ['Cambai Baru'];
    expect((await cache.areas()).get('16.74.02')?.name).toBe('Cambai');
    await cache.changed();
    expect((await cache.areas()).get('16.74.02')?.name).toBe('Cambai Baru');
    expect(store.notices).toEqual([]);
  });

  it('with PostgreSQL: tells the other replicas on the channel; a notice that fails is only logged', async () => {
    const store = new FakeStore();
    const warnings: string[] = [];
    const cache = new ReferenceDataCache(
      store,
      { database: { kind: 'postgresql', url: 'postgresql://unused' } } as AppConfig,
      { warn: (_: unknown, message: string) => warnings.push(message) } as unknown as PinoLogger,
    );
    await cache.changed();
    expect(store.notices).toEqual([REFERENCE_DATA_CHANNEL]);
    store.noticeError = new Error('connection terminated');
    await expect(cache.changed()).resolves.toBeUndefined();
    expect(warnings).toEqual(['could not tell the other API replicas about a reference data change']);
  });
});
