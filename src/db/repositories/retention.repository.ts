import type { EntityManager } from '@mikro-orm/core';
import type { AnonymiseReason } from '../anonymise-complaint';
import {
  type AnonymisedBatch,
  anonymiseDueComplaints,
  countExpiredLogs,
  type DuePage,
  deleteExpiredLogs,
  type ExpiredLogs,
  listDueComplaints,
  type RetentionCursor,
} from '../retention';

/**
 * The retention of personal data as the admin's preview and run reach it: the same queries and
 * anonymisation as the schedule's activities (src/db/retention.ts), each call in a fresh fork.
 */
export class RetentionRepository {
  constructor(private readonly em: EntityManager) {}

  /** One page of the complaints due for anonymisation at `now`, after the cursor (null: the first page). */
  listDue(now: Date, years: number, after: RetentionCursor | null): Promise<DuePage> {
    return listDueComplaints(this.em.fork(), now, years, { after });
  }

  /** Anonymises those of `ids` still due at `now` (each checked again: a repeated run changes nothing). */
  anonymiseDue(
    ids: string[],
    now: Date,
    years: number,
    reason: Omit<AnonymiseReason, 'kind' | 'at'>,
    files: { dataDir: string },
  ): Promise<AnonymisedBatch> {
    return anonymiseDueComplaints(this.em.fork(), ids, now, years, reason, files);
  }

  /** The log rows past LOG_RETENTION_YEARS (and the Idempotency-Keys past their days) at `now`. */
  countExpiredLogs(now: Date, logYears: number): Promise<ExpiredLogs> {
    return countExpiredLogs(this.em.fork(), now, logYears);
  }

  /** Deletes them (a repeated run finds nothing more). */
  deleteExpiredLogs(now: Date, logYears: number): Promise<ExpiredLogs> {
    return deleteExpiredLogs(this.em.fork(), now, logYears);
  }
}
