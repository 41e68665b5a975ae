import { Injectable } from '@nestjs/common';
import {
  type NotificationAudience,
  NotificationInboxRepository,
} from '../../db/repositories/notification-inbox.repository';
import type { Principal } from '../auth/principal';
import { notFound } from '../common/api-error';
import { DEFAULT_PAGE_SIZE } from '../complaints/complaint-query.dto';
import type {
  ListMyNotificationsQueryDto,
  MyNotificationPageView,
  MyNotificationView,
  NotificationsReadView,
} from './notifications.dto';

export const NOTIFICATION_NOT_FOUND = 'Pemberitahuan tidak ditemukan.';

/**
 * Whose notifications a user sees, by the rule the dispatcher delivers them by
 * (src/notifications/notification-delivery.ts): a STAFF member those addressed to their unit, and
 * for a notification with an area (KECAMATAN/KELURAHAN) only when it is their area; the Kepala
 * Daerah those addressed to KEPALA_DAERAH. The front desk (LOKET) also those for complainants who
 * gave no contact (SKIPPED with channel DESK): the desk tells them when they come or call.
 * Admins those addressed to ADMIN (a missing official holiday list). Staff without a unit: none.
 * Null: none.
 */
export function audienceOf(user: Principal): NotificationAudience | null {
  if (user.role === 'ADMIN') return { recipient: 'ADMIN', area: null, byArea: false, desk: false };
  if (user.role === 'KEPALA_DAERAH')
    return { recipient: 'KEPALA_DAERAH', area: null, byArea: false, desk: false };
  if (user.role === 'STAFF' && user.unit)
    return { recipient: user.unit, area: user.area ?? null, byArea: true, desk: user.unit === 'LOKET' };
  return null;
}

/**
 * The console's notification list: the outbox rows addressed to the signed-in user, newest first,
 * with their own read state (one NotificationRead row per notification and user).
 */
@Injectable()
export class NotificationInboxService {
  constructor(private readonly inbox: NotificationInboxRepository) {}

  /** The clock of read marks (replaced by tests). */
  now: () => Date = () => new Date();

  async list(query: ListMyNotificationsQueryDto, user: Principal): Promise<MyNotificationPageView> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const audience = audienceOf(user);
    if (!audience) return { items: [], total: 0, page, pageSize, unreadCount: 0 };
    const unreadOnly = query.unread === 'true';
    const [{ rows, total }, unreadCount] = await Promise.all([
      this.inbox.page(audience, user.sub, unreadOnly, { limit: pageSize, offset: (page - 1) * pageSize }),
      this.unreadCount(user),
    ]);
    const items = rows.map(
      ({ notification: n, registerNumber, readAt }): MyNotificationView => ({
        id: n.id,
        complaintId: n.complaintId ?? null,
        registerNumber,
        kind: n.kind,
        recipient: n.recipient,
        recipientArea: n.recipientArea ?? null,
        subject: n.subject,
        createdAt: n.createdAt.toISOString(),
        read: readAt !== null,
        readAt: readAt?.toISOString() ?? null,
      }),
    );
    return { items, total, page, pageSize, unreadCount };
  }

  /** Marks one of the user's notifications read (again: no change). 404 for anyone else's. */
  async markRead(id: string, user: Principal): Promise<NotificationsReadView> {
    const audience = audienceOf(user);
    const notification = audience ? await this.inbox.findVisible(id, audience) : null;
    if (!notification) throw notFound(NOTIFICATION_NOT_FOUND);
    await this.inbox.markRead(notification.id, user.sub, this.now());
    return { unreadCount: await this.unreadCount(user) };
  }

  /** Marks every notification of the user read (idempotent). */
  async markAllRead(user: Principal): Promise<NotificationsReadView> {
    const audience = audienceOf(user);
    if (!audience) return { unreadCount: 0 };
    await this.inbox.markAllRead(audience, user.sub, this.now());
    return { unreadCount: await this.unreadCount(user) };
  }

  async unreadCount(user: Principal): Promise<number> {
    const audience = audienceOf(user);
    if (!audience) return 0;
    return this.inbox.unreadCount(audience, user.sub);
  }
}
