// Workflow-safe: pure functions of their arguments (no clock, no randomness, no I/O).
/**
 * Retention of the complainant's personal data (UU 27/2022): once a complaint is closed, its
 * identity, contact data and evidence files are kept for PERSONAL_DATA_RETENTION_YEARS (default 5)
 * after closure, then anonymised (src/db/anonymise-complaint.ts). The case itself (status, category,
 * dates, area, units, decisions, ratings) stays, so every statistic and recap report is unchanged.
 *
 * A complaint is due only when nothing can bring it back into handling: it is closed (answered,
 * rejected or forwarded), no objection can still be filed against it, and it is not already
 * anonymised. A case reopened by an objection is open again (its status is not closed) until the
 * objection's round closes; its retention period then counts from that second closure.
 */
import { CLOSED_STATUSES, isClosed } from './complaint-rules';
import { canObject } from './objection';

export const DEFAULT_RETENTION_YEARS = 5;
export const MIN_RETENTION_YEARS = 1;

/** The closed statuses whose personal data the retention rule anonymises. */
export const RETENTION_STATUSES = CLOSED_STATUSES;

/** What the retention rule looks at (the complaint's record). */
export interface RetentionFacts {
  status: string;
  closedAt?: Date | null;
  objectedAt?: Date | null;
  anonymisedAt?: Date | null;
}

/**
 * The instant a complaint closed at `closedAt` becomes due: the same calendar date and time `years`
 * later (UTC; 29 February rolls over to 1 March).
 */
export function retentionDueAt(closedAt: Date, years: number): Date {
  const due = new Date(closedAt.getTime());
  due.setUTCFullYear(due.getUTCFullYear() + years);
  return due;
}

/**
 * The latest closure whose retention period has ended at `now` (closedAt <= cutoff): a database
 * query narrows the candidates with it, then isRetentionDue decides each one.
 */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

/** Whether a complaint's personal data are to be anonymised at `now`. */
export function isRetentionDue(facts: RetentionFacts, now: Date, years: number): boolean {
  if (!Number.isInteger(years) || years < MIN_RETENTION_YEARS)
    throw new RangeError(`retention years: ${years}`);
  if (facts.anonymisedAt) return false;
  if (!isClosed(facts.status) || !facts.closedAt) return false;
  if (canObject(facts, now)) return false;
  return retentionDueAt(facts.closedAt, years).getTime() <= now.getTime();
}

/**
 * The office's logs about people (who read whose personal data, the data-subject requests answered,
 * the accounts' sign-ins and changes) are kept LOG_RETENTION_YEARS (default 5), then deleted by the
 * same daily run; a read of a complaint whose personal data are still held (not yet anonymised) is
 * kept as long as they are, so a data-subject export always lists who read them.
 */
export const DEFAULT_LOG_RETENTION_YEARS = 5;

/**
 * An Idempotency-Key protects a registration against a client's retries, which come within minutes
 * or, after an outage, days: its record (the receipt it answers again) is kept this long.
 */
export const IDEMPOTENCY_RECORD_DAYS = 30;

/** The instants before which the logs and the idempotency records are deleted at `now`. */
export function logRetentionCutoffs(
  now: Date,
  logYears: number,
): { logsBefore: Date; idempotencyBefore: Date } {
  if (!Number.isInteger(logYears) || logYears < MIN_RETENTION_YEARS)
    throw new RangeError(`log retention years: ${logYears}`);
  return {
    logsBefore: retentionCutoff(now, logYears),
    idempotencyBefore: new Date(now.getTime() - IDEMPOTENCY_RECORD_DAYS * 24 * 60 * 60 * 1000),
  };
}
