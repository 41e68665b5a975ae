import { EntityManager } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import { ComplaintNotificationRepository } from '../../db/repositories/complaint-notification.repository';
import { NotificationInboxRepository } from '../../db/repositories/notification-inbox.repository';
import { RepositoriesModule } from '../common/repositories.module';
import { NotificationInboxService } from './notification-inbox.service';
import {
  MyNotificationsController,
  NotificationsController,
  TrackingCodeRequestsController,
} from './notifications.controller';
import { NotificationsService } from './notifications.service';

/**
 * Notification endpoints: a lost tracking code sent again; a complaint's deliveries; retrying one;
 * the signed-in user's notifications and their read state.
 */
@Module({
  imports: [RepositoriesModule],
  controllers: [TrackingCodeRequestsController, NotificationsController, MyNotificationsController],
  providers: [
    NotificationsService,
    NotificationInboxService,
    {
      provide: ComplaintNotificationRepository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new ComplaintNotificationRepository(em),
    },
    {
      provide: NotificationInboxRepository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new NotificationInboxRepository(em),
    },
  ],
})
export class NotificationsModule {}
