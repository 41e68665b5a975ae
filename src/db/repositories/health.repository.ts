import type { EntityManager } from '@mikro-orm/core';

/** The readiness check's view of the database. */
export class HealthRepository {
  constructor(private readonly em: EntityManager) {}

  /** A `select 1`: resolves once the database answers, rejects when it cannot. */
  async ping(): Promise<void> {
    await this.em.fork().getConnection().execute('select 1');
  }
}
