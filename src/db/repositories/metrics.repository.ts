import { type EntityManager, raw } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { CLOSED_STATUSES } from '../../domain/complaint-rules';
import { Complaint, ComplaintTask, Notification, SatisfactionRating } from '../entities';

/** Complaints of one status and category (null: not triaged yet). Counts come as the driver gives them. */
export interface ComplaintCountRow {
  status: string;
  category: string | null;
  n: number | string;
}

/** Outbox rows of one status and kind, and their delivery attempts in all. */
export interface NotificationCountRow {
  status: string;
  kind: string;
  n: number | string;
  attempts: number | string | null;
}

/** Open tasks of one unit and when the oldest was opened (SQLite: epoch milliseconds, PostgreSQL: Date). */
export interface OpenTaskCountRow {
  unit: string;
  n: number | string;
  oldest: Date | string | number;
}

/** Ratings of one score. */
export interface RatingCountRow {
  score: number | string;
  n: number | string;
}

/**
 * The counts the Prometheus gauges read at scrape time (so every API replica reports the same
 * figures). Both drivers are SQL drivers: the query builder does the GROUP BY in the database.
 */
export class MetricsRepository {
  private readonly em: SqlEntityManager;

  constructor(em: EntityManager) {
    this.em = em as unknown as SqlEntityManager;
  }

  /** Complaints by status and category. */
  countComplaintsByStatusAndCategory(): Promise<ComplaintCountRow[]> {
    return this.em
      .fork()
      .createQueryBuilder(Complaint, 'c')
      .select(['c.status', 'c.category', raw('count(*) as n')])
      .groupBy(['c.status', 'c.category'])
      .execute();
  }

  /** Open complaints past their 10-working-day deadline. */
  countOpenOverdue(): Promise<number> {
    return this.em.fork().count(Complaint, { overdue: true, status: { $nin: [...CLOSED_STATUSES] } });
  }

  /** The notification outbox: rows by status and kind, with the sum of their attempts. */
  countNotificationsByStatusAndKind(): Promise<NotificationCountRow[]> {
    return this.em
      .fork()
      .createQueryBuilder(Notification, 'n')
      .select(['n.status', 'n.kind', raw('count(*) as n'), raw('sum(n.attempts) as attempts')])
      .groupBy(['n.status', 'n.kind'])
      .execute();
  }

  /** Open tasks per unit and when the oldest of them was opened. */
  countOpenTasksByUnit(): Promise<OpenTaskCountRow[]> {
    return this.em
      .fork()
      .createQueryBuilder(ComplaintTask, 't')
      .select(['t.unit', raw('count(*) as n'), raw('min(t.created_at) as oldest')])
      .where({ status: 'OPEN' })
      .groupBy('t.unit')
      .execute();
  }

  /** Closed complaints in all, and how many of them were closed past their deadline. */
  async countClosed(): Promise<{ late: number; all: number }> {
    const closed = { status: { $in: [...CLOSED_STATUSES] } };
    const [late, all] = await Promise.all([
      this.em.fork().count(Complaint, { ...closed, overdue: true }),
      this.em.fork().count(Complaint, closed),
    ]);
    return { late, all };
  }

  /** The complainants' ratings by score (scores nobody gave are absent). */
  countRatingsByScore(): Promise<RatingCountRow[]> {
    return this.em
      .fork()
      .createQueryBuilder(SatisfactionRating, 'r')
      .select(['r.score', raw('count(*) as n')])
      .groupBy('r.score')
      .execute();
  }
}
