import { Injectable, Logger } from '@nestjs/common';
import { Notification } from '../../db/entities';
import { ComplaintNotificationRepository } from '../../db/repositories/complaint-notification.repository';
import { OutboxRepository } from '../../db/repositories/outbox.repository';
import { formatWibDate } from '../../domain/format';
import { notFound } from '../common/api-error';
import type { NotificationView } from './notifications.dto';

/** The answer to every tracking-code request, matched or not (no enumeration of contacts). */
export const TRACKING_CODE_REQUESTED =
  'Jika email atau nomor telepon tersebut tercatat pada pengaduan, kode pelacakan telah dikirim ke sana.';
/** Complaints listed in one tracking-code message (newest first). */
const MAX_LISTED = 5;
/** One tracking-code message per contact per window, however often it is asked for. */
const REQUEST_WINDOW_MS = 60 * 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    private readonly notifications: ComplaintNotificationRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  /**
   * "Lost your tracking code?": the codes of the complaints filed with this e-mail or phone are sent
   * there (to the contact as stored on the complaint, through the outbox), never shown. The caller
   * learns nothing about whether it matched. Found through the contact's keyed hash (the contact
   * columns are encrypted): an e-mail in any case, a phone as +62..., 62... or 0...
   */
  async requestTrackingCode(contact: string, now = new Date()): Promise<void> {
    const given = contact.trim();
    const isEmail = given.includes('@');
    // The row's id carries the contact's keyed hash (a plain digest of a phone number is reversible).
    const key = this.notifications.contactKey(isEmail ? 'email' : 'phone', given);
    const complaints = await this.notifications.findComplaintsByContact(
      isEmail ? { email: given } : { phone: given },
      MAX_LISTED,
    );
    if (complaints.length === 0 || !key) return;
    const latest = complaints[0];
    const channel = isEmail ? 'EMAIL' : latest.notifyBy === 'WHATSAPP' ? 'WHATSAPP' : 'SMS';
    const address = isEmail ? latest.complainantEmail : latest.complainantPhone;
    const window = Math.floor(now.getTime() / REQUEST_WINDOW_MS);
    const row = new Notification();
    Object.assign(row, {
      id: `kode:${key.slice(0, 24)}:${window}`,
      complaintId: latest.id,
      recipient: 'COMPLAINANT',
      recipientArea: null,
      kind: 'TRACKING_CODE',
      subject: 'Kode pelacakan pengaduan Anda',
      body: [
        isEmail
          ? 'Anda meminta kode pelacakan pengaduan yang diajukan dengan alamat email ini.'
          : 'Kode pelacakan pengaduan Anda:',
        complaints
          .map(
            (c) =>
              `Pengaduan ${c.registerNumber} (diterima ${formatWibDate(c.receivedAt)}): kode pelacakan ${c.trackingCode}`,
          )
          .join('\n'),
        ...(isEmail ? ['Bila Anda tidak memintanya, abaikan pesan ini.'] : []),
      ].join('\n\n'),
      status: 'PENDING',
      attempts: 0,
      channel,
      address,
      createdAt: now,
    });
    // Asked again within the hour: the message already queued stands (no flood of one inbox).
    await this.notifications.queueOnce(row);
    this.logger.log(`tracking-code message queued (${complaints.length} complaint(s))`);
  }

  /** A complaint's notifications and their delivery state (no addresses). */
  async forComplaint(idOrRegister: string): Promise<NotificationView[]> {
    const key = idOrRegister.trim();
    const complaint = await this.notifications.findComplaint(
      UUID.test(key) ? { id: key } : { registerNumber: key.replace(/-/g, '/') },
    );
    if (!complaint) throw notFound('Pengaduan tidak ditemukan.');
    const rows = await this.notifications.findByComplaint(complaint.id);
    return rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      recipient: n.recipient,
      recipientArea: n.recipientArea ?? null,
      subject: n.subject,
      status: n.status,
      attempts: n.attempts,
      channel: n.channel ?? null,
      lastError: n.lastError ?? null,
      createdAt: n.createdAt.toISOString(),
      sentAt: n.sentAt?.toISOString() ?? null,
      nextAttemptAt: n.nextAttemptAt?.toISOString() ?? null,
    }));
  }

  /** Puts a FAILED or SKIPPED notification back in the queue (after fixing its cause). */
  async retry(id: string): Promise<void> {
    if (!(await this.outbox.retry(id)))
      throw notFound('Tidak ada pemberitahuan gagal atau dilewati dengan id tersebut.');
  }
}
