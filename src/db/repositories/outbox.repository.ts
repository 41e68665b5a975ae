import type { EntityManager } from '@mikro-orm/core';
import { Notification } from '../entities';

/**
 * The notification outbox. A row is claimed with a conditional update (PENDING -> SENDING), so
 * several dispatchers can work side by side without delivering a notification twice.
 */
export class OutboxRepository {
  constructor(private readonly em: EntityManager) {}

  /** Up to `limit` PENDING notifications, oldest first. */
  findPending(limit: number): Promise<Notification[]> {
    return this.em.fork().find(Notification, { status: 'PENDING' }, { orderBy: { createdAt: 'asc' }, limit });
  }

  /** Claims a PENDING notification for delivery (counting the attempt); false if another got it first. */
  async claim(notification: Pick<Notification, 'id' | 'attempts'>): Promise<boolean> {
    const claimed = await this.em
      .fork()
      .nativeUpdate(
        Notification,
        { id: notification.id, status: 'PENDING' },
        { status: 'SENDING', attempts: notification.attempts + 1 },
      );
    return claimed > 0;
  }

  async markSent(id: string, sentAt: Date = new Date()): Promise<void> {
    await this.em.fork().nativeUpdate(Notification, { id }, { status: 'SENT', sentAt });
  }

  /** A failed delivery: back to PENDING for another attempt, or FAILED for good when `giveUp`. */
  async markDeliveryFailed(id: string, giveUp: boolean): Promise<void> {
    await this.em.fork().nativeUpdate(Notification, { id }, { status: giveUp ? 'FAILED' : 'PENDING' });
  }
}
