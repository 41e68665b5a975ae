/**
 * Delivering one outbox row: who it goes to (the complainant by the channel they chose; a unit's,
 * the Kepala Daerah's or the Sekda's e-mail addresses), what it says (templates.ts) and through what
 * (SMTP, the SMS/WhatsApp gateway, or a log line when SMTP_URL is unset).
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Logger } from 'pino';
import type { NotificationConfig } from '../config/config';
import { Complaint, type Notification, RecapReportRecord, User } from '../db/entities';
import { isUnit, UNIT_LABELS } from '../domain/units';
import { completeRecapReport, type RecapReport } from '../reports/recap-report';
import { renderPdf } from '../reports/render-pdf';
import { PermanentDeliveryError, SkipDelivery } from './delivery-errors';
import type { MailAttachment, Mailer } from './mailer';
import { type MessageGateway, toE164 } from './message-gateway';
import { complainantChannel, type NotifyBy } from './notify-by';
import { composeEmail, composeShortMessage, type MessageInput } from './templates';

export { NOTIFY_BY, type NotifyBy } from './notify-by';

export interface DeliveryOutcome {
  /** EMAIL, SMS, WHATSAPP, or LOG (e-mail without SMTP_URL: written to the log only). */
  channel: string;
  to: string[];
}

/** Where a notification goes. */
export interface NotificationPort {
  /** Throws PermanentDeliveryError (no retry), SkipDelivery (nobody to tell) or any error (retry). */
  deliver(notification: Notification): Promise<DeliveryOutcome | undefined>;
  /**
   * Optional: a port for delivering `batch` that has loaded once what the batch's deliveries read
   * (the dispatcher claims rows in batches; a triage queues eight notices of one complaint).
   */
  forBatch?(batch: readonly Notification[]): Promise<NotificationPort>;
}

/**
 * What a batch's deliveries read, loaded by two queries: the batch's complaints (null: looked up, not
 * there) and the active users of the roles and units it goes to. A notification the batch did not
 * cover reads for itself.
 */
interface BatchLookups {
  complaints: Map<string, Complaint | null>;
  users: User[];
  /** Recipients (roles, units) whose active users are all in `users`. */
  recipients: Set<string>;
}

const TOP_ROLES = new Set(['KEPALA_DAERAH', 'ADMIN']);

/** Whether the notification goes to the users of a role or unit (not the complainant, not a fixed address). */
function goesToUsers(n: Notification): boolean {
  return !(n.channel && n.address) && n.recipient !== 'COMPLAINANT' && n.recipient !== 'SEKRETARIS_DAERAH';
}

type RecipientFilter = Pick<User, 'role'> & Partial<Pick<User, 'unit' | 'area'>>;

/** Which active users a recipient (a role or a unit, within an area if given) stands for. */
function recipientFilter(n: Pick<Notification, 'recipient' | 'recipientArea'>): RecipientFilter {
  if (TOP_ROLES.has(n.recipient)) return { role: n.recipient as User['role'] };
  return { role: 'STAFF', unit: n.recipient, ...(n.recipientArea ? { area: n.recipientArea } : {}) };
}

function matches(u: User, filter: RecipientFilter): boolean {
  return Object.entries(filter).every(([field, value]) => u[field as keyof RecipientFilter] === value);
}

type Target = { channel: 'EMAIL'; to: string[] } | { channel: 'SMS' | 'WHATSAPP'; to: string };

/**
 * How the complainant of `c` is told: their choice, else e-mail if given, else the phone, else by the
 * front desk (no contact given: `atDesk`).
 */
export function complainantTarget(
  c: Pick<Complaint, 'notifyBy' | 'complainantEmail' | 'complainantPhone'>,
): Target | { skip: string; atDesk?: true } {
  const channel = complainantChannel(c.notifyBy as NotifyBy | null, {
    email: c.complainantEmail,
    phone: c.complainantPhone,
  });
  if (channel === 'NONE') return { skip: 'Pengadu memilih tidak menerima pemberitahuan.' };
  if (channel === 'EMAIL') {
    if (!c.complainantEmail)
      throw new PermanentDeliveryError('Pengadu memilih email tetapi tidak memberikan alamat email.');
    return { channel: 'EMAIL', to: [c.complainantEmail] };
  }
  if (channel === 'SMS' || channel === 'WHATSAPP') {
    if (!c.complainantPhone)
      throw new PermanentDeliveryError('Pengadu memilih SMS/WhatsApp tetapi tidak memberikan nomor telepon.');
    return { channel, to: c.complainantPhone };
  }
  return { skip: 'Pengadu tidak memberikan kontak: diberitahu melalui loket.', atDesk: true };
}

export class NotificationDelivery implements NotificationPort {
  constructor(
    private readonly em: EntityManager,
    private readonly config: NotificationConfig,
    private readonly mailer: Mailer,
    private readonly gateway: MessageGateway | null,
    private readonly log: Logger,
    private readonly lookups?: BatchLookups,
  ) {}

  async forBatch(batch: readonly Notification[]): Promise<NotificationPort> {
    const em = this.em.fork();
    const complaintIds = [...new Set(batch.flatMap((n) => (n.complaintId ? [n.complaintId] : [])))];
    const recipients = new Set(batch.filter(goesToUsers).map((n) => n.recipient));
    const [found, users] = await Promise.all([
      complaintIds.length > 0 ? em.find(Complaint, { id: { $in: complaintIds } }) : [],
      recipients.size > 0
        ? em.find(User, {
            active: true,
            $or: [...recipients].map((recipient) => recipientFilter({ recipient })),
          })
        : [],
    ]);
    const complaints = new Map<string, Complaint | null>(complaintIds.map((id) => [id, null]));
    for (const c of found) complaints.set(c.id, c);
    return new NotificationDelivery(this.em, this.config, this.mailer, this.gateway, this.log, {
      complaints,
      users,
      recipients,
    });
  }

  async deliver(n: Notification): Promise<DeliveryOutcome> {
    const em = this.em.fork();
    const complaint = n.complaintId ? await this.complaint(em, n.complaintId) : null;
    const target = await this.target(em, n, complaint);
    const input: MessageInput = {
      kind: n.kind,
      recipient: n.recipient,
      subject: n.subject,
      body: n.body,
      complaint: complaint
        ? {
            registerNumber: complaint.registerNumber,
            trackingCode: complaint.trackingCode,
            complainantName: complaint.complainantName,
            dueAt: complaint.dueAt,
            response: complaint.response,
            objectedAt: complaint.objectedAt ?? null,
          }
        : null,
      publicUrl: this.config.publicUrl,
    };
    if (target.channel === 'EMAIL') {
      const content = composeEmail(input);
      const attachments = await this.attachments(em, n);
      await this.mailer.send({ id: n.id, to: target.to, ...content, attachments });
      return { channel: this.mailer.kind === 'LOG' ? 'LOG' : 'EMAIL', to: target.to };
    }
    if (!this.gateway)
      throw new PermanentDeliveryError(
        `Pengadu memilih ${target.channel}, tetapi gateway pesan (MESSAGE_GATEWAY_URL) belum dikonfigurasi.`,
      );
    const to = toE164(target.to);
    await this.gateway.send({
      id: n.id,
      channel: target.channel,
      to,
      text: composeShortMessage(input),
      kind: n.kind,
    });
    return { channel: target.channel, to: [to] };
  }

  private async target(em: EntityManager, n: Notification, complaint: Complaint | null): Promise<Target> {
    if (n.channel && n.address) {
      if (n.channel === 'EMAIL') return { channel: 'EMAIL', to: [n.address] };
      if (n.channel === 'SMS' || n.channel === 'WHATSAPP') return { channel: n.channel, to: n.address };
    }
    if (n.recipient === 'COMPLAINANT') {
      if (!complaint) throw new PermanentDeliveryError('Pengaduan untuk pemberitahuan ini tidak ditemukan.');
      const t = complainantTarget(complaint);
      if ('skip' in t) throw new SkipDelivery(t.skip, t.atDesk ? 'DESK' : null);
      return t;
    }
    if (n.recipient === 'SEKRETARIS_DAERAH') {
      if (this.config.sekdaEmails.length === 0)
        return this.noAddress(n, 'Alamat email Sekretaris Daerah (SEKDA_EMAIL) belum diatur.');
      return { channel: 'EMAIL', to: this.config.sekdaEmails };
    }
    const filter = recipientFilter(n);
    const users = this.lookups?.recipients.has(n.recipient)
      ? this.lookups.users.filter((u) => matches(u, filter))
      : await em.find(User, { ...filter, active: true });
    const to = [...new Set(users.flatMap((u) => (u.email ? [u.email.trim()] : [])).filter(Boolean))];
    if (to.length === 0) {
      const who =
        n.recipient === 'KEPALA_DAERAH'
          ? 'Kepala Daerah'
          : n.recipient === 'ADMIN'
            ? 'administrator'
            : `unit ${isUnit(n.recipient) ? UNIT_LABELS[n.recipient] : n.recipient}${n.recipientArea ? ` (wilayah ${n.recipientArea})` : ''}`;
      return this.noAddress(n, `Tidak ada pengguna aktif dengan alamat email untuk ${who}.`);
    }
    return { channel: 'EMAIL', to };
  }

  private async complaint(em: EntityManager, id: string): Promise<Complaint | null> {
    const looked = this.lookups?.complaints.get(id);
    if (looked !== undefined) return looked;
    return em.findOne(Complaint, { id });
  }

  /** A recipient with no address is reported (logged, and FAILED with the reason), never skipped silently. */
  private noAddress(n: Notification, reason: string): never {
    this.log.warn({ notificationId: n.id, recipient: n.recipient, area: n.recipientArea }, reason);
    throw new PermanentDeliveryError(reason);
  }

  /** The recap report's PDF for the Sekda. */
  private async attachments(em: EntityManager, n: Notification): Promise<MailAttachment[]> {
    if (n.kind !== 'RECAP_REPORT') return [];
    const reportId = n.id.split(':')[1];
    const record = reportId ? await em.findOne(RecapReportRecord, { id: reportId }) : null;
    if (!record) throw new PermanentDeliveryError(`Laporan rekapitulasi ${reportId ?? '?'} tidak ditemukan.`);
    const pdf = await renderPdf(completeRecapReport(record.data as unknown as RecapReport));
    return [{ filename: `rekap-pengaduan-${record.id}.pdf`, content: pdf, contentType: 'application/pdf' }];
  }
}

/** Without SMTP_URL: e-mails are written to the log (subject and recipients, not the text). */
export class LogMailer implements Mailer {
  readonly kind = 'LOG' as const;
  constructor(private readonly log: Logger) {}
  async send(mail: { id: string; to: string[]; subject: string }): Promise<void> {
    this.log.info(
      { notificationId: mail.id, to: mail.to, subject: mail.subject },
      'e-mail not sent (SMTP_URL unset): logged instead',
    );
  }
  close(): void {}
}
