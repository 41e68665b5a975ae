/**
 * The public rate limit's counts live in the database (DatabaseThrottlerStorage), so that every API
 * replica counts the same requests: on both databases, concurrent requests each count once, the
 * limit refuses the request after it until the window ends, and a new window starts afresh.
 */
import { DatabaseThrottlerStorage } from '../../src/api/common/throttling';
import { RateLimit } from '../../src/db/entities';
import { RateLimitRepository } from '../../src/db/repositories/rate-limit.repository';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../helpers/databases';

describe.each(databaseKinds())('rate limit counts in the database (%s)', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('counts concurrent requests of two "replicas" once each and refuses past the limit', async () => {
    // Two storages on two entity managers: what two API processes would hold.
    const replicas = [
      new DatabaseThrottlerStorage(new RateLimitRepository(db.orm.em.fork())),
      new DatabaseThrottlerStorage(new RateLimitRepository(db.orm.em.fork())),
    ];
    const records = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        replicas[i % 2].increment('client-a', 60_000, 10, 60_000, 'default'),
      ),
    );
    expect(records.map((r) => r.totalHits).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    expect(records.filter((r) => r.isBlocked)).toHaveLength(2);
    for (const r of records.filter((r) => r.isBlocked)) {
      expect(r.timeToBlockExpire).toBeGreaterThan(50);
      expect(r.timeToBlockExpire).toBeLessThanOrEqual(60);
    }
    // Another client, or another throttler, has its own count.
    expect((await replicas[0].increment('client-b', 60_000, 10, 60_000, 'default')).totalHits).toBe(1);
  });

  it('starts a new window once the old one has ended, and prunes old windows', async () => {
    const repository = new RateLimitRepository(db.orm.em.fork());
    const start = new Date('2026-12-01T01:00:00Z');
    expect((await repository.hit('client-c', start, new Date(start.getTime() - 60_000))).hits).toBe(1);
    const later = new Date(start.getTime() + 30_000);
    expect(await repository.hit('client-c', later, new Date(later.getTime() - 60_000))).toEqual({
      hits: 2,
      windowStart: start,
    });
    const next = new Date(start.getTime() + 61_000);
    expect(await repository.hit('client-c', next, new Date(next.getTime() - 60_000))).toEqual({
      hits: 1,
      windowStart: next,
    });
    await repository.prune(new Date(next.getTime() + 1));
    expect(await db.orm.em.fork().count(RateLimit, { key: 'client-c' })).toBe(0);
  });
});
