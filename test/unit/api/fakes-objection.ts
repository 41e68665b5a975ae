/**
 * An in-memory stand-in for what an objection reads and writes (ObjectionRepository), so
 * ObjectionService is built directly in unit tests (no Nest module, no database).
 */
import type { EntityData, EntityManager } from '@mikro-orm/core';
import { Complaint } from '../../../src/db/entities';
import { ObjectionRepository } from '../../../src/db/repositories/objection.repository';
import { OBJECTABLE_STATUSES } from '../../../src/domain/objection';

const NO_DATABASE = {
  fork: () => {
    throw new Error('unit tests have no database: override this repository method in the fake');
  },
} as unknown as EntityManager;

export class InMemoryObjectionRepository extends ObjectionRepository {
  readonly rows: Complaint[] = [];
  /** The rounds of each complaint's tasks and decisions (by complaint id). */
  readonly rounds = new Map<string, number[]>();

  constructor() {
    super(NO_DATABASE);
  }

  add(...complaints: Complaint[]): this {
    // Stored copies: the service's own object is the record as it read it earlier.
    this.rows.push(...complaints.map((c) => Object.assign(new Complaint(), c)));
    return this;
  }

  record(id: string): Complaint | undefined {
    return this.rows.find((c) => c.id === id);
  }

  override async findComplaint(id: string): Promise<Complaint | null> {
    const row = this.record(id);
    return row ? Object.assign(new Complaint(), row) : null;
  }

  override async findRoundsOfStudy(complaintId: string): Promise<number[]> {
    return this.rounds.get(complaintId) ?? [];
  }

  /** The conditional UPDATE: only a closed case without an objection matches. */
  override async reopenForObjection(
    complaintId: string,
    changes: EntityData<Complaint>,
  ): Promise<Complaint | null> {
    const row = this.record(complaintId);
    if (!row || row.objectedAt || !(OBJECTABLE_STATUSES as readonly string[]).includes(row.status))
      return null;
    Object.assign(row, changes);
    return Object.assign(new Complaint(), row);
  }
}
