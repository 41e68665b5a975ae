import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Complaint, Notification, NotificationRead } from '../entities';
import { runStatement } from '../plain-insert';
import type { PageRequest } from './complaint.repository';

/**
 * Whose notifications a user sees (src/api/notifications/notification-inbox.service.ts, audienceOf):
 * those addressed to `recipient`; when `byArea`, only those without an area or (with an area) of
 * `area`; when `desk`, also the complainants' notifications the front desk passes on (SKIPPED with
 * channel DESK).
 */
export interface NotificationAudience {
  recipient: string;
  area: string | null;
  byArea: boolean;
  desk: boolean;
}

/** A notification in a user's list, with its complaint's register number and the user's read mark. */
export interface InboxNotification {
  notification: Notification;
  registerNumber: string | null;
  readAt: Date | null;
}

/** A complainant's notification the front desk passes on (see NotificationAudience). */
const DESK_SQL = "(n.recipient = 'COMPLAINANT' and n.channel = 'DESK')";

/** The same rule as SQL on the notification table aliased `n`, with its bindings. */
function audienceSql(audience: NotificationAudience): { sql: string; values: unknown[] } {
  const own = ownSql(audience);
  return audience.desk ? { sql: `(${own.sql} or ${DESK_SQL})`, values: own.values } : own;
}

function ownSql(audience: NotificationAudience): { sql: string; values: unknown[] } {
  if (!audience.byArea) return { sql: 'n.recipient = ?', values: [audience.recipient] };
  if (audience.area === null)
    return { sql: '(n.recipient = ? and n.recipient_area is null)', values: [audience.recipient] };
  return {
    sql: '(n.recipient = ? and (n.recipient_area is null or n.recipient_area = ?))',
    values: [audience.recipient, audience.area],
  };
}

/** The same rule as a MikroORM filter. */
function audienceFilter(audience: NotificationAudience): FilterQuery<Notification> {
  const own = ownFilter(audience);
  return audience.desk ? { $or: [own, { recipient: 'COMPLAINANT', channel: 'DESK' }] } : own;
}

function ownFilter(audience: NotificationAudience): FilterQuery<Notification> {
  if (!audience.byArea) return { recipient: audience.recipient };
  if (audience.area === null) return { recipient: audience.recipient, recipientArea: null };
  return {
    recipient: audience.recipient,
    $or: [{ recipientArea: null }, { recipientArea: audience.area }],
  };
}

/**
 * The console's notification list: the outbox rows an audience sees and each user's read marks (one
 * NotificationRead row per notification and user), in raw SQL where a read mark is tested per row.
 */
export class NotificationInboxRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * One page of the audience's notifications (only those `userId` has not read, when `unreadOnly`),
   * newest first, and how many there are.
   */
  async page(
    audience: NotificationAudience,
    userId: string,
    unreadOnly: boolean,
    { limit, offset }: PageRequest,
  ): Promise<{ rows: InboxNotification[]; total: number }> {
    const em = this.em.fork();
    const { sql: where, values } = audienceSql(audience);
    const unreadSql = `not exists (select 1 from ${this.readTable(em)} r where r.notification_id = n.id and r.user_id = ?)`;
    const filter = unreadOnly ? `${where} and ${unreadSql}` : where;
    const filterValues = unreadOnly ? [...values, userId] : values;
    const table = this.table(em);
    const [[counted], rows] = await Promise.all([
      runStatement<{ total: unknown }>(
        em,
        `select count(*) as total from ${table} n where ${filter}`,
        filterValues,
      ),
      runStatement<{ id: string }>(
        em,
        `select n.id from ${table} n where ${filter} order by n.created_at desc, n.id desc limit ? offset ?`,
        [...filterValues, limit, offset],
      ),
    ]);
    const ids = rows.map((r) => String(r.id));
    const [notifications, reads] = ids.length
      ? await Promise.all([
          em.find(Notification, { id: { $in: ids } }),
          em.find(NotificationRead, { userId, notificationId: { $in: ids } }),
        ])
      : [[], []];
    const complaintIds = [...new Set(notifications.flatMap((n) => (n.complaintId ? [n.complaintId] : [])))];
    const complaints = complaintIds.length
      ? await em.find(Complaint, { id: { $in: complaintIds } }, { fields: ['id', 'registerNumber'] })
      : [];
    const registerOf = new Map(complaints.map((c) => [c.id, c.registerNumber]));
    const readAt = new Map(reads.map((r) => [r.notificationId, r.readAt]));
    const byId = new Map(notifications.map((n) => [n.id, n]));
    return {
      rows: ids.flatMap((id): InboxNotification[] => {
        const n = byId.get(id);
        if (!n) return [];
        return [
          {
            notification: n,
            registerNumber: n.complaintId ? (registerOf.get(n.complaintId) ?? null) : null,
            readAt: readAt.get(id) ?? null,
          },
        ];
      }),
      total: Number(counted?.total ?? 0),
    };
  }

  /** How many of the audience's notifications `userId` has not read. */
  async unreadCount(audience: NotificationAudience, userId: string): Promise<number> {
    const em = this.em.fork();
    const { sql: where, values } = audienceSql(audience);
    const [row] = await runStatement<{ total: unknown }>(
      em,
      `select count(*) as total from ${this.table(em)} n where ${where} and not exists ` +
        `(select 1 from ${this.readTable(em)} r where r.notification_id = n.id and r.user_id = ?)`,
      [...values, userId],
    );
    return Number(row?.total ?? 0);
  }

  /** The notification with this id if the audience sees it. */
  findVisible(id: string, audience: NotificationAudience): Promise<Notification | null> {
    return this.em.fork().findOne(Notification, { $and: [{ id }, audienceFilter(audience)] });
  }

  /** Marks one notification read by `userId` at `at` (already read: the first mark stands). */
  async markRead(notificationId: string, userId: string, at: Date): Promise<void> {
    const em = this.em.fork();
    await runStatement(
      em,
      `insert into ${this.readTable(em)} (notification_id, user_id, read_at) values (?, ?, ?) on conflict do nothing`,
      [notificationId, userId, em.getPlatform().processDateProperty(at)],
    );
  }

  /** Marks every notification of the audience read by `userId` at `at`, in one statement. */
  async markAllRead(audience: NotificationAudience, userId: string, at: Date): Promise<void> {
    const em = this.em.fork();
    const { sql: where, values } = audienceSql(audience);
    const reads = this.readTable(em);
    await runStatement(
      em,
      `insert into ${reads} (notification_id, user_id, read_at) ` +
        `select n.id, ?, ? from ${this.table(em)} n where ${where} ` +
        `and not exists (select 1 from ${reads} r where r.notification_id = n.id and r.user_id = ?) ` +
        'on conflict do nothing',
      [userId, em.getPlatform().processDateProperty(at), ...values, userId],
    );
  }

  private table(em: EntityManager): string {
    return em.getMetadata().get(Notification.name).tableName;
  }

  private readTable(em: EntityManager): string {
    return em.getMetadata().get(NotificationRead.name).tableName;
  }
}
