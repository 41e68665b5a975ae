/**
 * In-memory stand-ins for the Open311 repositories (API keys, and the complaints as service
 * requests), so the Open311 services can be built directly in unit tests.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Complaint, Open311ApiKey } from '../../../src/db/entities';
import { Open311ApiKeyRepository } from '../../../src/db/repositories/open311-api-key.repository';
import {
  OPEN311_PUBLIC_FIELDS,
  type Open311ListedComplaint,
  type Open311RequestFilter,
  Open311RequestRepository,
} from '../../../src/db/repositories/open311-request.repository';
import {
  type SecurityEventInput,
  SecurityEventRepository,
} from '../../../src/db/repositories/security-event.repository';
import { CLOSED_STATUSES } from '../../../src/domain/complaint-rules';

/** The fakes override every query; a method left out fails loudly instead of reaching a database. */
const NO_DATABASE = {
  fork: () => {
    throw new Error('unit tests have no database: override this repository method in the fake');
  },
} as unknown as EntityManager;

/** The keys as stored; every answer is a copy, as a fresh load from the database would be. */
export class InMemoryOpen311ApiKeyRepository extends Open311ApiKeyRepository {
  readonly rows: Open311ApiKey[] = [];
  /** How often a key was looked up by its hash. */
  hashLookups = 0;

  constructor() {
    super(NO_DATABASE);
  }

  override async list(): Promise<Open311ApiKey[]> {
    return this.rows
      .map((r) => ({ ...r }))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id));
  }

  override async insert(row: Open311ApiKey): Promise<void> {
    if (this.rows.some((r) => r.id === row.id || r.keyHash === row.keyHash)) throw new Error('duplicate key');
    this.rows.push({ ...row });
  }

  override async findById(id: string): Promise<Open311ApiKey | null> {
    const row = this.rows.find((r) => r.id === id);
    return row ? { ...row } : null;
  }

  override async findByHash(keyHash: string): Promise<Open311ApiKey | null> {
    this.hashLookups++;
    const row = this.rows.find((r) => r.keyHash === keyHash);
    return row ? { ...row } : null;
  }

  override async markRevoked(id: string, revokedAt: Date, revokedBy: string): Promise<void> {
    Object.assign(this.stored(id), { revokedAt, revokedBy });
  }

  override async touch(id: string, lastUsedAt: Date): Promise<void> {
    this.stored(id).lastUsedAt = lastUsedAt;
  }

  private stored(id: string): Open311ApiKey {
    const row = this.rows.find((r) => r.id === id);
    if (!row) throw new Error(`no key ${id}`);
    return row;
  }
}

export class RecordingSecurityEvents extends SecurityEventRepository {
  readonly events: SecurityEventInput[] = [];

  constructor() {
    super(NO_DATABASE);
  }

  override async record(input: SecurityEventInput): Promise<void> {
    this.events.push(input);
  }
}

/** The complaints as service requests; records the list filters asked for. */
export class InMemoryOpen311RequestRepository extends Open311RequestRepository {
  readonly rows: Complaint[] = [];
  readonly filters: Open311RequestFilter[] = [];
  /** How many look-ups reached the "database". */
  lookups = 0;

  constructor() {
    super(NO_DATABASE);
  }

  add(...complaints: Complaint[]): this {
    this.rows.push(...complaints);
    return this;
  }

  override async list(filter: Open311RequestFilter, limit: number): Promise<Open311ListedComplaint[]> {
    this.filters.push(filter);
    const closed = CLOSED_STATUSES as readonly string[];
    return this.rows
      .filter((c) =>
        filter.registerNumbers
          ? filter.registerNumbers.includes(c.registerNumber)
          : (!filter.serviceCodes ||
              filter.serviceCodes.includes((c.category ?? c.requestedService) as string)) &&
            (filter.closed === undefined || closed.includes(c.status) === filter.closed) &&
            (!filter.receivedFrom || c.receivedAt >= filter.receivedFrom) &&
            (!filter.receivedTo || c.receivedAt <= filter.receivedTo),
      )
      .sort(
        (a, b) =>
          b.receivedAt.getTime() - a.receivedAt.getTime() || b.registerNumber.localeCompare(a.registerNumber),
      )
      .slice(0, limit)
      .map(publicColumns);
  }

  override async findPublicByRegisterNumber(registerNumber: string): Promise<Open311ListedComplaint | null> {
    this.lookups++;
    const c = this.rows.find((row) => row.registerNumber === registerNumber);
    return c ? publicColumns(c) : null;
  }

  override async findByTrackingCode(trackingCode: string): Promise<Complaint | null> {
    this.lookups++;
    return this.rows.find((row) => row.trackingCode === trackingCode) ?? null;
  }

  override async findRegisterNumberByTrackingCode(trackingCode: string): Promise<string | null> {
    this.lookups++;
    return this.rows.find((row) => row.trackingCode === trackingCode)?.registerNumber ?? null;
  }
}

/** Like the database, only the public columns come back. */
function publicColumns(c: Complaint): Open311ListedComplaint {
  return Object.fromEntries(
    OPEN311_PUBLIC_FIELDS.map((field) => [field, c[field]]),
  ) as unknown as Open311ListedComplaint;
}
