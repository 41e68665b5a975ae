import { EntityManager, type FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { Complaint, Notification, NotificationRead } from '../../db/entities';
import { runStatement } from '../../db/plain-insert';
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
export function audienceOf(
  user: Principal,
): { recipient: string; area: string | null; byArea: boolean; desk: boolean } | null {
  if (user.role === 'ADMIN') return { recipient: 'ADMIN', area: null, byArea: false, desk: false };
  if (user.role === 'KEPALA_DAERAH')
    return { recipient: 'KEPALA_DAERAH', area: null, byArea: false, desk: false };
  if (user.role === 'STAFF' && user.unit)
    return { recipient: user.unit, area: user.area ?? null, byArea: true, desk: user.unit === 'LOKET' };
  return null;
}

type Audience = NonNullable<ReturnType<typeof audienceOf>>;

/** A complainant's notification the front desk passes on (see audienceOf). */
const DESK_SQL = "(n.recipient = 'COMPLAINANT' and n.channel = 'DESK')";

/** The same rule as SQL on the notification table aliased `n`, with its bindings. */
function audienceSql(audience: Audience): { sql: string; values: unknown[] } {
  const own = ownSql(audience);
  return audience.desk ? { sql: `(${own.sql} or ${DESK_SQL})`, values: own.values } : own;
}

function ownSql(audience: Audience): { sql: string; values: unknown[] } {
  if (!audience.byArea) return { sql: 'n.recipient = ?', values: [audience.recipient] };
  if (audience.area === null)
    return { sql: '(n.recipient = ? and n.recipient_area is null)', values: [audience.recipient] };
  return {
    sql: '(n.recipient = ? and (n.recipient_area is null or n.recipient_area = ?))',
    values: [audience.recipient, audience.area],
  };
}

/**
 * The console's notification list: the outbox rows addressed to the signed-in user, newest first,
 * with their own read state (one NotificationRead row per notification and user).
 */
@Injectable()
export class NotificationInboxService {
  constructor(private readonly em: EntityManager) {}

  /** The clock of read marks (replaced by tests). */
  now: () => Date = () => new Date();

  async list(query: ListMyNotificationsQueryDto, user: Principal): Promise<MyNotificationPageView> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const audience = audienceOf(user);
    if (!audience) return { items: [], total: 0, page, pageSize, unreadCount: 0 };
    const em = this.em.fork();
    const unreadOnly = query.unread === 'true';
    const { sql: where, values } = audienceSql(audience);
    const unreadSql = `not exists (select 1 from ${this.readTable(em)} r where r.notification_id = n.id and r.user_id = ?)`;
    const filter = unreadOnly ? `${where} and ${unreadSql}` : where;
    const filterValues = unreadOnly ? [...values, user.sub] : values;
    const table = this.table(em);
    const [[counted], unreadCount, rows] = await Promise.all([
      runStatement<{ total: unknown }>(
        em,
        `select count(*) as total from ${table} n where ${filter}`,
        filterValues,
      ),
      this.unreadCount(user),
      runStatement<{ id: string }>(
        em,
        `select n.id from ${table} n where ${filter} order by n.created_at desc, n.id desc limit ? offset ?`,
        [...filterValues, pageSize, (page - 1) * pageSize],
      ),
    ]);
    const ids = rows.map((r) => String(r.id));
    const [notifications, reads] = ids.length
      ? await Promise.all([
          em.find(Notification, { id: { $in: ids } }),
          em.find(NotificationRead, { userId: user.sub, notificationId: { $in: ids } }),
        ])
      : [[], []];
    const complaintIds = [...new Set(notifications.flatMap((n) => (n.complaintId ? [n.complaintId] : [])))];
    const complaints = complaintIds.length
      ? await em.find(Complaint, { id: { $in: complaintIds } }, { fields: ['id', 'registerNumber'] })
      : [];
    const registerOf = new Map(complaints.map((c) => [c.id, c.registerNumber]));
    const readAt = new Map(reads.map((r) => [r.notificationId, r.readAt]));
    const byId = new Map(notifications.map((n) => [n.id, n]));
    const items = ids.flatMap((id): MyNotificationView[] => {
      const n = byId.get(id);
      if (!n) return [];
      const read = readAt.get(id) ?? null;
      return [
        {
          id: n.id,
          complaintId: n.complaintId ?? null,
          registerNumber: n.complaintId ? (registerOf.get(n.complaintId) ?? null) : null,
          kind: n.kind,
          recipient: n.recipient,
          recipientArea: n.recipientArea ?? null,
          subject: n.subject,
          createdAt: n.createdAt.toISOString(),
          read: read !== null,
          readAt: read?.toISOString() ?? null,
        },
      ];
    });
    return { items, total: Number(counted?.total ?? 0), page, pageSize, unreadCount };
  }

  /** Marks one of the user's notifications read (again: no change). 404 for anyone else's. */
  async markRead(id: string, user: Principal): Promise<NotificationsReadView> {
    const audience = audienceOf(user);
    const em = this.em.fork();
    const notification = audience
      ? await em.findOne(Notification, { $and: [{ id }, this.audienceFilter(audience)] })
      : null;
    if (!notification) throw notFound(NOTIFICATION_NOT_FOUND);
    await runStatement(
      em,
      `insert into ${this.readTable(em)} (notification_id, user_id, read_at) values (?, ?, ?) on conflict do nothing`,
      [notification.id, user.sub, em.getPlatform().processDateProperty(this.now())],
    );
    return { unreadCount: await this.unreadCount(user) };
  }

  /** Marks every notification of the user read (idempotent). */
  async markAllRead(user: Principal): Promise<NotificationsReadView> {
    const audience = audienceOf(user);
    if (!audience) return { unreadCount: 0 };
    const em = this.em.fork();
    const { sql: where, values } = audienceSql(audience);
    const reads = this.readTable(em);
    await runStatement(
      em,
      `insert into ${reads} (notification_id, user_id, read_at) ` +
        `select n.id, ?, ? from ${this.table(em)} n where ${where} ` +
        `and not exists (select 1 from ${reads} r where r.notification_id = n.id and r.user_id = ?) ` +
        'on conflict do nothing',
      [user.sub, em.getPlatform().processDateProperty(this.now()), ...values, user.sub],
    );
    return { unreadCount: await this.unreadCount(user) };
  }

  async unreadCount(user: Principal): Promise<number> {
    const audience = audienceOf(user);
    if (!audience) return 0;
    const em = this.em.fork();
    const { sql: where, values } = audienceSql(audience);
    const [row] = await runStatement<{ total: unknown }>(
      em,
      `select count(*) as total from ${this.table(em)} n where ${where} and not exists ` +
        `(select 1 from ${this.readTable(em)} r where r.notification_id = n.id and r.user_id = ?)`,
      [...values, user.sub],
    );
    return Number(row?.total ?? 0);
  }

  private audienceFilter(audience: Audience): FilterQuery<Notification> {
    const own = this.ownFilter(audience);
    return audience.desk ? { $or: [own, { recipient: 'COMPLAINANT', channel: 'DESK' }] } : own;
  }

  private ownFilter(audience: Audience): FilterQuery<Notification> {
    if (!audience.byArea) return { recipient: audience.recipient };
    if (audience.area === null) return { recipient: audience.recipient, recipientArea: null };
    return {
      recipient: audience.recipient,
      $or: [{ recipientArea: null }, { recipientArea: audience.area }],
    };
  }

  private table(em: EntityManager): string {
    return em.getMetadata().get(Notification.name).tableName;
  }

  private readTable(em: EntityManager): string {
    return em.getMetadata().get(NotificationRead.name).tableName;
  }
}
