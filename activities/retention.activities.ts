/**
 * The retention workflow's side effects (workflows/retention): listing the complaints whose personal
 * data are due for anonymisation, a page at a time, and anonymising them. Idempotent: each complaint
 * is checked again before it is anonymised, and anonymising one twice changes nothing more.
 */
import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import {
  type AnonymisedBatch,
  anonymiseDueComplaints,
  deleteExpiredLogs,
  type ExpiredLogs,
  listDueComplaints,
  type RetentionCursor,
} from '../src/db/retention';

export type { AnonymisedBatch, ExpiredLogs, RetentionCursor } from '../src/db/retention';

/** Who the timeline names for a scheduled anonymisation. */
export const RETENTION_ACTOR = 'JADWAL';

export interface RetentionActivityDeps {
  orm: MikroORM;
  log: Logger;
  /** DATA_DIR: the evidence files are under its attachments/ folder. */
  dataDir: string;
  /** PERSONAL_DATA_RETENTION_YEARS. */
  retentionYears: number;
  /** LOG_RETENTION_YEARS. */
  logRetentionYears: number;
}

export function createRetentionActivities({
  orm,
  log,
  dataDir,
  retentionYears,
  logRetentionYears,
}: RetentionActivityDeps) {
  return {
    /** One page of the complaints due at `at` (ids only: no personal data crosses into the history). */
    async listRetentionDue(input: {
      at: string;
      after?: RetentionCursor | null;
      limit?: number;
    }): Promise<{ ids: string[]; next: RetentionCursor | null; years: number }> {
      const page = await listDueComplaints(orm.em.fork(), new Date(input.at), retentionYears, input);
      return { ids: page.items.map((c) => c.id), next: page.next, years: retentionYears };
    },

    async anonymiseRetentionDue(input: {
      ids: string[];
      at: string;
    }): Promise<Omit<AnonymisedBatch, 'anonymised'> & { anonymised: number }> {
      const done = await anonymiseDueComplaints(
        orm.em.fork(),
        input.ids,
        new Date(input.at),
        retentionYears,
        { actor: RETENTION_ACTOR },
        { dataDir },
      );
      log.info(
        { anonymised: done.anonymised, skipped: done.skipped, removedFiles: done.removedFiles },
        'personal data of closed complaints anonymised (retention)',
      );
      return { anonymised: done.anonymised.length, skipped: done.skipped, removedFiles: done.removedFiles };
    },

    /** Deletes the log rows older than their retention at `at` (counts only cross into the history). */
    async deleteExpiredLogs(input: { at: string }): Promise<ExpiredLogs & { years: number }> {
      const deleted = await deleteExpiredLogs(orm.em.fork(), new Date(input.at), logRetentionYears);
      log.info({ ...deleted, years: logRetentionYears }, 'logs past their retention deleted');
      return { ...deleted, years: logRetentionYears };
    },
  };
}

export type RetentionActivities = ReturnType<typeof createRetentionActivities>;
