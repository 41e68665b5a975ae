import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A staff member has read a notification of the outbox in the console (GET /api/notifications).
 * Read state is per user: a unit's notification read by one of its staff stays unread for the
 * others. One row per notification and user; no row: unread.
 */
@Entity({ tableName: 'notification_read' })
export class NotificationRead {
  @PrimaryKey({ type: 'string', length: 160 })
  notificationId!: string;

  @PrimaryKey({ type: 'string', length: 36 })
  userId!: string;

  @Property({ type: 'datetime' })
  readAt!: Date;
}
