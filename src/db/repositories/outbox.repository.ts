import { randomUUID } from 'node:crypto';
import { type EntityManager, type FilterQuery, LockMode } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { Notification } from '../entities';

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
    await this.em.fork().nativeUpdate(
      Notification,
      { id: n.id, claimToken: n.claimToken },
      {
        status: 'SENT',
        sentAt,
        attempts: n.attempts + 1,
        channel: outcome.channel,
        deliveredTo: outcome.to.join(', '),
        lastError: null,
        leaseUntil: null,
        claimToken: null,
        nextAttemptAt: null,
      },
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
