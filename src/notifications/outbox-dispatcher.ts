import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { Notification } from '../db/entities';

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
    private readonly orm: MikroORM,
    private readonly port: NotificationPort,
    private readonly log: Logger,
    private readonly intervalMs = 2000,
  ) {}

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
    const em = this.orm.em.fork();
    const pending = await em.find(
      Notification,
      { status: 'PENDING' },
      { orderBy: { createdAt: 'asc' }, limit },
    );
    let delivered = 0;
    for (const n of pending) {
      const claimed = await em.nativeUpdate(
        Notification,
        { id: n.id, status: 'PENDING' },
        { status: 'SENDING', attempts: n.attempts + 1 },
      );
      if (claimed === 0) continue;
      try {
        await this.port.deliver(n);
        await em.nativeUpdate(Notification, { id: n.id }, { status: 'SENT', sentAt: new Date() });
        delivered++;
      } catch (err) {
        this.log.warn({ err, notificationId: n.id }, 'notification delivery failed');
        await em.nativeUpdate(
          Notification,
          { id: n.id },
          { status: n.attempts + 1 >= 10 ? 'FAILED' : 'PENDING' },
        );
      }
    }
    return delivered;
  }
}
