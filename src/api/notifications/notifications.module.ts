import { Module } from '@nestjs/common';
import { NotificationsController, TrackingCodeRequestsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** Notification endpoints: a lost tracking code sent again; a complaint's deliveries; retrying one. */
@Module({
  controllers: [TrackingCodeRequestsController, NotificationsController],
  providers: [NotificationsService],
})
export class NotificationsModule {}
