import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import type { Notification } from '../db/entities';
import { OutboxRepository } from '../db/repositories/outbox.repository';
import { PermanentDeliveryError, SkipDelivery } from './delivery-errors';
import type { DeliveryOutcome, NotificationPort } from './notification-delivery';

export type { DeliveryOutcome, NotificationPort } from './notification-delivery';

export interface DispatcherOptions {
  /** How often the outbox is polled. */
  intervalMs?: number;
  /** Attempts after which a notification is marked FAILED instead of retried. */
  maxAttempts?: number;
  /** Wait before attempt n+1 after n failed attempts (default: 30 s doubling, at most 1 hour). */
  retryDelayMs?: (failedAttempts: number) => number;
  /**
   * How long a claim holds: a dispatcher that died mid-delivery gives its rows up after this. Far
   * above one attempt's timeouts (SMTP 60 s, gateway 15 s), so a slow delivery is never taken over.
   */
  leaseMs?: number;
  /** Rows claimed at a time. */
  batchSize?: number;
}

export function defaultRetryDelayMs(failedAttempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failedAttempts - 1), 3_600_000);
}

/** Where notifications go when nothing else is configured: a log line each. */
export class LogNotificationAdapter implements NotificationPort {
  constructor(private readonly log: Logger) {}

  async deliver(n: Notification): Promise<DeliveryOutcome> {
    this.log.info(
      {
        notificationId: n.id,
        complaintId: n.complaintId,
        recipient: n.recipient,
        area: n.recipientArea,
        kind: n.kind,
        subject: n.subject,
      },
      'notification delivered',
    );
    return { channel: 'LOG', to: [] };
  }
}

/**
 * Delivers due outbox rows through the port. Rows are claimed in batches under a lease (outbox
 * repository), so several worker replicas can run dispatchers side by side without delivering a
 * notification twice; a failed attempt is retried with backoff, up to maxAttempts, then FAILED with
 * its reason. On stop, the batch in hand is finished up to the row being delivered and the rest given
 * back.
 */
export class OutboxDispatcher {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopping = false;
  private readonly intervalMs: number;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: (failedAttempts: number) => number;
  private readonly leaseMs: number;
  private readonly batchSize: number;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly port: NotificationPort,
    private readonly log: Logger,
    options: DispatcherOptions | number = {},
  ) {
    const o = typeof options === 'number' ? { intervalMs: options } : options;
    this.intervalMs = o.intervalMs ?? 2000;
    this.maxAttempts = o.maxAttempts ?? 10;
    this.retryDelayMs = o.retryDelayMs ?? defaultRetryDelayMs;
    this.leaseMs = o.leaseMs ?? 10 * 60_000;
    this.batchSize = o.batchSize ?? 10;
  }

  /** A dispatcher on the ORM's outbox table (the worker's). */
  static forOrm(
    orm: MikroORM,
    port: NotificationPort,
    log: Logger,
    options?: DispatcherOptions | number,
  ): OutboxDispatcher {
    return new OutboxDispatcher(new OutboxRepository(orm.em), port, log, options);
  }

  start(): void {
    this.stopping = false;
    this.timer = setInterval(() => this.tick(), this.intervalMs);
  }

  /** Runs a dispatch now unless one is running (the timer's step; also callable to hurry it). */
  tick(): void {
    this.running ??= this.drain()
      .catch((err) => this.log.warn({ err }, 'outbox dispatch failed; will retry'))
      .finally(() => {
        this.running = undefined;
      });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Batches until nothing is due (or stopping). */
  private async drain(): Promise<void> {
    while (!this.stopping && (await this.dispatchOnce(this.batchSize)) > 0) {
      /* next batch */
    }
  }

  /**
   * Claims and attempts up to `limit` due notifications; returns how many were attempted. The
   * deliveries' SENT marks are written together once the batch is through (one statement on
   * PostgreSQL): a dispatcher that dies before that leaves them SENDING until the lease passes, then
   * delivers them again, as it would with a row it died delivering.
   */
  async dispatchOnce(limit = this.batchSize): Promise<number> {
    const claimed = await this.outbox.claim(limit, this.leaseMs);
    const sent: Parameters<OutboxRepository['markAllSent']>[0] = [];
    let attempted = 0;
    try {
      const port = claimed.length > 0 ? await this.portFor(claimed) : this.port;
      for (const [i, n] of claimed.entries()) {
        if (this.stopping) {
          await this.outbox.release(claimed.slice(i));
          break;
        }
        attempted++;
        const outcome = await this.attempt(port, n);
        if (outcome) sent.push({ notification: n, outcome, sentAt: new Date() });
      }
    } finally {
      await this.outbox.markAllSent(sent);
    }
    return attempted;
  }

  /**
   * The port with the batch's lookups loaded once, when it offers that; if loading fails, the plain
   * port (each delivery reads for itself and fails or is retried on its own).
   */
  private async portFor(batch: Notification[]): Promise<NotificationPort> {
    if (!this.port.forBatch) return this.port;
    try {
      return await this.port.forBatch(batch);
    } catch (err) {
      this.log.warn({ err }, "loading the outbox batch's recipients failed; delivering one by one");
      return this.port;
    }
  }

  /** Delivers one notification: its outcome when delivered; a skip or failure is recorded here. */
  private async attempt(port: NotificationPort, n: Notification): Promise<DeliveryOutcome | null> {
    try {
      return (await port.deliver(n)) ?? { channel: 'LOG', to: [] };
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (err instanceof SkipDelivery) {
        await this.outbox.markSkipped(n, reason, err.channel);
        return null;
      }
      const failedAttempts = n.attempts + 1;
      const giveUp = err instanceof PermanentDeliveryError || failedAttempts >= this.maxAttempts;
      const retryAt = giveUp ? null : new Date(Date.now() + this.retryDelayMs(failedAttempts));
      this.log[giveUp ? 'error' : 'warn'](
        {
          err,
          notificationId: n.id,
          kind: n.kind,
          recipient: n.recipient,
          attempts: failedAttempts,
          retryAt,
        },
        giveUp ? 'notification delivery failed for good' : 'notification delivery failed; will retry',
      );
      await this.outbox.markAttemptFailed(n, reason, retryAt);
      return null;
    }
  }
}
