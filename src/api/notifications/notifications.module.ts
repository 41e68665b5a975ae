import { Module } from '@nestjs/common';
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
  controllers: [TrackingCodeRequestsController, NotificationsController, MyNotificationsController],
  providers: [NotificationsService, NotificationInboxService],
})
export class NotificationsModule {}
