import { randomUUID } from 'node:crypto';
import { type EntityManager, type FilterQuery, LockMode } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { Notification } from '../entities';
import { runStatement, updateValues } from '../plain-insert';

/**
 * The notification outbox. Dispatchers claim due rows in batches under a claim token and a lease, so
 * several dispatchers (worker replicas) never deliver a notification twice:
 * - PostgreSQL: the due rows are selected `FOR UPDATE SKIP LOCKED` and marked in the same
 *   transaction, so two dispatchers get disjoint batches without waiting for each other;
 * - SQLite (one writer at a time): one conditional UPDATE per batch, repeating the "due" condition,
 *   so a row another dispatcher claimed meanwhile is not claimed again.
 * A row whose dispatcher died mid-delivery (SENDING past its lease) is due again: nothing is lost.
 */
export class OutboxRepository {
  constructor(private readonly em: EntityManager) {}

  /** Rows a dispatcher may take now: PENDING and not waiting for a retry, or SENDING past the lease. */
  private due(now: Date): FilterQuery<Notification> {
    return {
      $or: [
        { status: 'PENDING', $or: [{ nextAttemptAt: null }, { nextAttemptAt: { $lte: now } }] },
        { status: 'SENDING', leaseUntil: { $lt: now } },
      ],
    };
  }

  /** Claims up to `limit` due notifications, oldest first, for `leaseMs`; returns them. */
  async claim(limit: number, leaseMs: number, now: Date = new Date()): Promise<Notification[]> {
    const token = randomUUID();
    const mark = { status: 'SENDING', claimToken: token, leaseUntil: new Date(now.getTime() + leaseMs) };
    const em = this.em.fork();
    if (em.getPlatform() instanceof PostgreSqlPlatform) {
      await em.transactional(async (tx) => {
        const rows = await tx.find(Notification, this.due(now), {
          fields: ['id'],
          orderBy: { createdAt: 'asc', id: 'asc' },
          limit,
          lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, // FOR UPDATE SKIP LOCKED
        });
        if (rows.length > 0)
          await tx.nativeUpdate(Notification, { id: { $in: rows.map((r) => r.id) } }, mark);
      });
    } else {
      // Another dispatcher may claim the rows selected here first: then select again (a few times).
      for (let tries = 0; tries < 5; tries++) {
        const rows = await em.find(Notification, this.due(now), {
          fields: ['id'],
          orderBy: { createdAt: 'asc', id: 'asc' },
          limit,
        });
        if (rows.length === 0) return [];
        const ids = rows.map((r) => r.id);
        const claimed = await em.nativeUpdate(
          Notification,
          { $and: [{ id: { $in: ids } }, this.due(now)] },
          mark,
        );
        if (claimed > 0) break;
      }
    }
    return this.em
      .fork()
      .find(Notification, { claimToken: token }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  /** Delivered. Only by the dispatcher that holds the claim. */
  async markSent(
    n: Pick<Notification, 'id' | 'attempts' | 'claimToken'>,
    outcome: { channel: string; to: string[] },
    sentAt: Date = new Date(),
  ): Promise<void> {
    await this.markAllSent([{ notification: n, outcome, sentAt }]);
  }

  /**
   * Several delivered, each only by the dispatcher that holds its claim: a batch's marks in one
   * statement on PostgreSQL (an UPDATE from a VALUES list: one round trip where a SEDANG triage's
   * eight notifications took eight), in one transaction elsewhere.
   */
  async markAllSent(
    delivered: {
      notification: Pick<Notification, 'id' | 'attempts' | 'claimToken'>;
      outcome: { channel: string; to: string[] };
      sentAt: Date;
    }[],
  ): Promise<void> {
    if (delivered.length === 0) return;
    const done = { lastError: null, leaseUntil: null, claimToken: null, nextAttemptAt: null };
    const em = this.em.fork();
    if (!(em.getPlatform() instanceof PostgreSqlPlatform)) {
      const mark = async (tx: EntityManager) => {
        for (const { notification: n, outcome, sentAt } of delivered)
          await tx.nativeUpdate(
            Notification,
            { id: n.id, claimToken: n.claimToken },
            {
              status: 'SENT',
              sentAt,
              attempts: n.attempts + 1,
              channel: outcome.channel,
              deliveredTo: outcome.to.join(', '),
              ...done,
            },
          );
      };
      await (delivered.length === 1 ? mark(em) : em.transactional(mark));
      return;
    }
    // Each row's values converted as MikroORM stores them (delivered_to is encrypted), typed by casts:
    // a VALUES list's parameters would otherwise be text.
    // Bindings in the order of the statement's text: the SET list's, then the VALUES list's.
    const cleared = updateValues(em, Notification, { status: 'SENT', ...done });
    const values: unknown[] = [...cleared.values];
    const tuples = delivered.map(({ notification: n, outcome, sentAt }) => {
      const row = updateValues(em, Notification, {
        id: n.id,
        claimToken: n.claimToken ?? null,
        attempts: n.attempts + 1,
        channel: outcome.channel,
        deliveredTo: outcome.to.join(', '),
        sentAt,
      });
      values.push(...row.values);
      return '(?::varchar, ?::varchar, ?::int, ?::varchar, ?::text, ?::timestamptz)';
    });
    // `is not distinct from`: a row never claimed (null token) matches null, as nativeUpdate's does.
    await runStatement(
      em,
      `update ${cleared.table} as n set sent_at = v.sent_at, attempts = v.attempts, channel = v.channel, ` +
        `delivered_to = v.delivered_to, ${cleared.assignments} ` +
        `from (values ${tuples.join(', ')}) as v(id, claim_token, attempts, channel, delivered_to, sent_at) ` +
        'where n.id = v.id and n.claim_token is not distinct from v.claim_token',
      values,
    );
  }

  /** Nobody to tell (complainant's choice or no contact): SKIPPED with the reason. */
  async markSkipped(
    n: Pick<Notification, 'id' | 'claimToken'>,
    reason: string,
    channel: string | null = null,
  ): Promise<void> {
    await this.em.fork().nativeUpdate(
      Notification,
      { id: n.id, claimToken: n.claimToken },
      {
        status: 'SKIPPED',
        lastError: reason,
        channel,
        leaseUntil: null,
        claimToken: null,
        nextAttemptAt: null,
      },
    );
  }

  /** A failed attempt: PENDING again until `retryAt`, or FAILED for good when `retryAt` is null. */
  async markAttemptFailed(
    n: Pick<Notification, 'id' | 'attempts' | 'claimToken'>,
    reason: string,
    retryAt: Date | null,
  ): Promise<void> {
    await this.em.fork().nativeUpdate(
      Notification,
      { id: n.id, claimToken: n.claimToken },
      {
        status: retryAt ? 'PENDING' : 'FAILED',
        attempts: n.attempts + 1,
        lastError: reason.slice(0, 2000),
        nextAttemptAt: retryAt,
        leaseUntil: null,
        claimToken: null,
      },
    );
  }

  /** Gives back claimed rows not attempted (a dispatcher stopping): due again at once, no attempt counted. */
  async release(rows: Pick<Notification, 'id' | 'claimToken'>[]): Promise<void> {
    for (const n of rows) {
      await this.em
        .fork()
        .nativeUpdate(
          Notification,
          { id: n.id, claimToken: n.claimToken },
          { status: 'PENDING', leaseUntil: null, claimToken: null },
        );
    }
  }

  /** An operator's retry of a FAILED (or SKIPPED) notification, e.g. after adding a unit's address. */
  async retry(id: string): Promise<boolean> {
    const n = await this.em
      .fork()
      .nativeUpdate(
        Notification,
        { id, status: { $in: ['FAILED', 'SKIPPED'] } },
        { status: 'PENDING', attempts: 0, nextAttemptAt: null, lastError: null },
      );
    return n > 0;
  }
}
