import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';

/** Inserts rows, treating "already there" (same primary or unique key) as success. */
export async function insertIgnoringDuplicates<T extends object>(
  em: EntityManager,
  entity: new () => T,
  rows: T[],
  idOf: (row: T) => string,
): Promise<void> {
  const ids = rows.map(idOf);
  const existing = await em.find(entity, { id: { $in: ids } } as never, { fields: ['id'] as never });
  const known = new Set(existing.map((e) => idOf(e as T)));
  const fresh = rows.filter((r) => !known.has(idOf(r)));
  if (fresh.length === 0) return;
  try {
    await em.insertMany(entity, fresh);
  } catch (err) {
    // A concurrent (timed-out but still running) attempt inserted them first.
    if (!(err instanceof UniqueConstraintViolationException)) throw err;
  }
}
