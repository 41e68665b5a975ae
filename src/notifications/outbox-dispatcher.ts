import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import type { Notification } from '../db/entities';
import { OutboxRepository } from '../db/repositories/outbox.repository';

/** Attempts after which a notification is marked FAILED instead of retried. */
const MAX_ATTEMPTS = 10;

/** Where notifications go. The log adapter is the default; an e-mail/SMS adapter implements the same port. */
export interface NotificationPort {
  deliver(notification: Notification): Promise<void>;
}

export class LogNotificationAdapter implements NotificationPort {
  constructor(private readonly log: Logger) {}

  async deliver(n: Notification): Promise<void> {
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
  }
}

/**
 * Delivers PENDING outbox rows. Rows are claimed one at a time with a conditional update, so several
 * worker replicas can run dispatchers side by side without delivering a notification twice.
 */
export class OutboxDispatcher {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly port: NotificationPort,
    private readonly log: Logger,
    private readonly intervalMs = 2000,
  ) {}

  /** A dispatcher on the ORM's outbox table (the worker's). */
  static forOrm(orm: MikroORM, port: NotificationPort, log: Logger, intervalMs?: number): OutboxDispatcher {
    return new OutboxDispatcher(new OutboxRepository(orm.em), port, log, intervalMs);
  }

  start(): void {
    this.timer = setInterval(() => {
      this.running ??= this.dispatchOnce()
        .then(() => undefined)
        .catch((err) => this.log.warn({ err }, 'outbox dispatch failed; will retry'))
        .finally(() => {
          this.running = undefined;
        });
    }, this.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Delivers up to `limit` pending notifications; returns how many were delivered. */
  async dispatchOnce(limit = 100): Promise<number> {
    const pending = await this.outbox.findPending(limit);
    let delivered = 0;
    for (const n of pending) {
      if (!(await this.outbox.claim(n))) continue;
      try {
        await this.port.deliver(n);
        await this.outbox.markSent(n.id);
        delivered++;
      } catch (err) {
        this.log.warn({ err, notificationId: n.id }, 'notification delivery failed');
        await this.outbox.markDeliveryFailed(n.id, n.attempts + 1 >= MAX_ATTEMPTS);
      }
    }
    return delivered;
  }
}
