/**
 * The retention run's database side (src/domain/retention.ts decides): the complaints due now, a page
 * at a time in the order they closed, and their anonymisation. Used by the schedule's activities
 * (activities/retention.activities.ts) and by the admin's preview and run (src/api/retention).
 */
import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import {
  isRetentionDue,
  logRetentionCutoffs,
  RETENTION_STATUSES,
  retentionCutoff,
  retentionDueAt,
} from '../domain/retention';
import { type AnonymiseReason, anonymiseComplaint } from './anonymise-complaint';
import {
  Attachment,
  Complaint,
  DataSubjectRequest,
  IdempotencyRecord,
  PersonalDataAccess,
  SecurityEvent,
} from './entities';

/** Where a page ended: the next page starts after this complaint (closedAt, then id). */
export interface RetentionCursor {
  closedAt: string;
  id: string;
}

export interface DueComplaint {
  id: string;
  registerNumber: string;
  status: string;
  closedAt: Date;
  /** When the retention period ended (closedAt + the period). */
  dueSince: Date;
  /** Evidence files stored for it. */
  files: number;
}

export interface DuePage {
  items: DueComplaint[];
  /** Null on the last page. */
  next: RetentionCursor | null;
}

export const RETENTION_PAGE_SIZE = 100;

/** One page of the complaints whose personal data are due for anonymisation at `now`. */
export async function listDueComplaints(
  em: EntityManager,
  now: Date,
  years: number,
  page: { after?: RetentionCursor | null; limit?: number } = {},
): Promise<DuePage> {
  const limit = page.limit ?? RETENTION_PAGE_SIZE;
  const after = page.after
    ? {
        $or: [
          { closedAt: { $gt: new Date(page.after.closedAt) } },
          { closedAt: new Date(page.after.closedAt), id: { $gt: page.after.id } },
        ],
      }
    : {};
  const read = em.fork();
  const rows = await read.find(
    Complaint,
    {
      status: { $in: [...RETENTION_STATUSES] },
      closedAt: { $ne: null, $lte: retentionCutoff(now, years) },
      anonymisedAt: null,
      ...after,
    },
    {
      fields: ['id', 'registerNumber', 'status', 'closedAt', 'objectedAt', 'anonymisedAt'],
      orderBy: { closedAt: 'asc', id: 'asc' },
      limit,
    },
  );
  const due = rows.filter((c) => isRetentionDue(c, now, years));
  const counts = new Map<string, number>();
  if (due.length) {
    const attachments = await read.find(
      Attachment,
      { complaintId: { $in: due.map((c) => c.id) } },
      { fields: ['id', 'complaintId'] },
    );
    for (const a of attachments) counts.set(a.complaintId, (counts.get(a.complaintId) ?? 0) + 1);
  }
  const last = rows.at(-1);
  return {
    items: due.map((c) => ({
      id: c.id,
      registerNumber: c.registerNumber,
      status: c.status,
      closedAt: c.closedAt!,
      dueSince: retentionDueAt(c.closedAt!, years),
      files: counts.get(c.id) ?? 0,
    })),
    next: rows.length === limit && last ? { closedAt: last.closedAt!.toISOString(), id: last.id } : null,
  };
}

export interface AnonymisedBatch {
  /** The register numbers anonymised by this call. */
  anonymised: string[];
  /** Listed but no longer due (anonymised meanwhile, e.g. by a retry or a parallel run). */
  skipped: number;
  removedFiles: number;
}

/**
 * Anonymises those of `ids` that are still due at `now` (each checked again, so a retry or a run
 * next to another one changes nothing twice).
 */
export async function anonymiseDueComplaints(
  em: EntityManager,
  ids: string[],
  now: Date,
  years: number,
  reason: Omit<AnonymiseReason, 'kind' | 'at'>,
  files: { dataDir: string },
): Promise<AnonymisedBatch> {
  const result: AnonymisedBatch = { anonymised: [], skipped: 0, removedFiles: 0 };
  for (const id of ids) {
    const facts = await em
      .fork()
      .findOne(
        Complaint,
        { id },
        { fields: ['id', 'registerNumber', 'status', 'closedAt', 'objectedAt', 'anonymisedAt'] },
      );
    if (!facts || !isRetentionDue(facts, now, years)) {
      result.skipped++;
      continue;
    }
    const { removedFiles } = await anonymiseComplaint(
      em,
      id,
      { kind: 'RETENTION', actor: reason.actor, at: now },
      files,
    );
    result.anonymised.push(facts.registerNumber);
    result.removedFiles += removedFiles;
  }
  return result;
}

/** The log rows past their retention at a moment: counted by the preview, deleted by a run. */
export interface ExpiredLogs {
  /** personal_data_access: who read whose personal data. */
  personalDataAccess: number;
  /** data_subject_request: the data-subject requests answered. */
  dataSubjectRequests: number;
  /** security_event: sign-ins, lockouts and account changes. */
  securityEvents: number;
  /** idempotency_record: registrations' Idempotency-Keys and the receipts they answer again. */
  idempotencyRecords: number;
}

/**
 * The filters of the rows past their retention at `now`. An access-log row older than the logs'
 * period is kept while its complaint still holds the complainant's data (not yet anonymised): the
 * data-subject export answers "who read my data" for as long as the office holds them.
 */
function expiredLogFilters(em: EntityManager, now: Date, logYears: number) {
  const { logsBefore, idempotencyBefore } = logRetentionCutoffs(now, logYears);
  // A knex sub-query, which the filter typings do not know (as in complaint.repository.ts).
  const holdingData = (em as SqlEntityManager)
    .createQueryBuilder(Complaint, 'c')
    .select('c.id')
    .where({ anonymisedAt: null })
    .getKnexQuery();
  return {
    access: {
      at: { $lt: logsBefore },
      complaintId: { $nin: holdingData },
    } as unknown as FilterQuery<PersonalDataAccess>,
    requests: { at: { $lt: logsBefore } },
    security: { at: { $lt: logsBefore } },
    idempotency: { createdAt: { $lt: idempotencyBefore } },
  };
}

/** How many log rows are past their retention at `now` (nothing changed). */
export async function countExpiredLogs(em: EntityManager, now: Date, logYears: number): Promise<ExpiredLogs> {
  const read = em.fork();
  const f = expiredLogFilters(read, now, logYears);
  return {
    personalDataAccess: await read.count(PersonalDataAccess, f.access),
    dataSubjectRequests: await read.count(DataSubjectRequest, f.requests),
    securityEvents: await read.count(SecurityEvent, f.security),
    idempotencyRecords: await read.count(IdempotencyRecord, f.idempotency),
  };
}

/**
 * Deletes the log rows past their retention at `now` (src/domain/retention.ts), in one transaction,
 * so the counts are what this call deleted. Idempotent: a rerun, or a run beside another one, finds
 * nothing more to delete.
 */
export async function deleteExpiredLogs(
  em: EntityManager,
  now: Date,
  logYears: number,
): Promise<ExpiredLogs> {
  return em.fork().transactional(async (tx) => {
    const f = expiredLogFilters(tx, now, logYears);
    return {
      personalDataAccess: await tx.nativeDelete(PersonalDataAccess, f.access),
      dataSubjectRequests: await tx.nativeDelete(DataSubjectRequest, f.requests),
      securityEvents: await tx.nativeDelete(SecurityEvent, f.security),
      idempotencyRecords: await tx.nativeDelete(IdempotencyRecord, f.idempotency),
    };
  });
}
