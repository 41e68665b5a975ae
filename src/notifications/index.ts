import type { MikroORM } from '@mikro-orm/core';
import type { Logger } from 'pino';
import type { NotificationConfig } from '../config/config';
import { type Mailer, SmtpMailer } from './mailer';
import { MessageGateway } from './message-gateway';
import { LogMailer, NotificationDelivery } from './notification-delivery';
import { OutboxDispatcher } from './outbox-dispatcher';

export { PermanentDeliveryError, SkipDelivery } from './delivery-errors';
export { type Mailer, SmtpMailer } from './mailer';
export { MessageGateway, SIGNATURE_HEADER, signGatewayBody, TIMESTAMP_HEADER } from './message-gateway';
export {
  complainantTarget,
  LogMailer,
  NOTIFY_BY,
  NotificationDelivery,
  type NotifyBy,
} from './notification-delivery';
export { LogNotificationAdapter, OutboxDispatcher } from './outbox-dispatcher';

/** The worker's dispatcher: SMTP when SMTP_URL is set (else e-mails are logged), the gateway when configured. */
export function createNotificationDispatcher(
  orm: MikroORM,
  config: NotificationConfig,
  log: Logger,
): { dispatcher: OutboxDispatcher; mailer: Mailer } {
  const mailer: Mailer = config.smtpUrl
    ? new SmtpMailer(config.smtpUrl, config.mailFrom)
    : new LogMailer(log);
  if (!config.smtpUrl) log.warn('SMTP_URL is not set: e-mail notifications are written to the log, not sent');
  const gateway = config.gateway ? new MessageGateway(config.gateway.url, config.gateway.secret) : null;
  const delivery = new NotificationDelivery(orm.em, config, mailer, gateway, log);
  const dispatcher = OutboxDispatcher.forOrm(orm, delivery, log, { maxAttempts: config.maxAttempts });
  return { dispatcher, mailer };
}
