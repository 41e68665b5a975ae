import nodemailer, { type Transporter } from 'nodemailer';
import { PermanentDeliveryError } from './delivery-errors';
import type { EmailContent } from './templates';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface OutgoingMail extends EmailContent {
  /** The outbox row's id: Message-ID is derived from it, so a resent mail is recognisably the same. */
  id: string;
  to: string[];
  attachments?: MailAttachment[];
}

/** Sends e-mail. The SMTP implementation is the real one; the log one stands in without SMTP_URL. */
export interface Mailer {
  readonly kind: 'SMTP' | 'LOG';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** SMTP through nodemailer (SMTP_URL: smtp://user:pass@host:port, or smtps:// for implicit TLS). */
export class SmtpMailer implements Mailer {
  readonly kind = 'SMTP' as const;
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport({
      url: smtpUrl,
      // Bounded waits: a dispatcher's lease (outbox repository) is far longer than one attempt.
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${mail.id.replace(/[^A-Za-z0-9.:_-]/g, '_')}@pengaduan.dpmptsp-prabumulih>`,
        attachments: mail.attachments,
      });
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      // 550-553: the server refuses the recipient or the mailbox; sending again will not help.
      if (code !== undefined && code >= 550 && code <= 553)
        throw new PermanentDeliveryError(`Server SMTP menolak penerima (${code}): ${(err as Error).message}`);
      throw err;
    }
  }

  close(): void {
    this.transport.close();
  }
}
