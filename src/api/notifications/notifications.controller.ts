import { Body, Controller, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, CurrentUser, Public } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { PublicRateLimit } from '../common/throttling';
import { NotificationInboxService } from './notification-inbox.service';
import {
  ListMyNotificationsQueryDto,
  MyNotificationPageView,
  NotificationsReadView,
  NotificationView,
  TrackingCodeRequestDto,
  TrackingCodeRequestedDto,
} from './notifications.dto';
import { NotificationsService, TRACKING_CODE_REQUESTED } from './notifications.service';

/** "Lost your tracking code?": the code is sent to the contact given on the complaint, never shown. */
@ApiTags('public')
@Public()
@PublicRateLimit()
@Controller('public/tracking-code-requests')
export class TrackingCodeRequestsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Post()
  @HttpCode(202)
  @Header('Cache-Control', 'no-store')
  @ApiAcceptedResponse({
    type: TrackingCodeRequestedDto,
    description:
      'Sama untuk kontak yang tercatat maupun tidak: kode dikirim ke kontak tersebut, tidak ditampilkan.',
  })
  async request(@Body() body: TrackingCodeRequestDto): Promise<TrackingCodeRequestedDto> {
    await this.notifications.requestTrackingCode(body.contact);
    return { message: TRACKING_CODE_REQUESTED };
  }
}

/** The delivery state of a complaint's notifications, and an operator's retry of a failed one. */
@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('complaints/:id/notifications')
  @Allow({ roles: ['ADMIN'], units: ['SEKSI_PENGADUAN', 'LOKET', 'KABID_PENGADUAN', 'KEPALA_DINAS'] })
  @ApiOkResponse({ type: [NotificationView] })
  @ApiNotFoundResponse({ description: 'Pengaduan tidak ditemukan.' })
  list(@Param('id') id: string): Promise<NotificationView[]> {
    return this.notifications.forComplaint(id);
  }

  @Post('notifications/:id/retry')
  @HttpCode(204)
  @Allow({ roles: ['ADMIN'], units: ['SEKSI_PENGADUAN'] })
  @ApiNoContentResponse({ description: 'Dikirim ulang pada giliran berikutnya.' })
  @ApiNotFoundResponse({ description: 'Tidak ada pemberitahuan gagal atau dilewati dengan id tersebut.' })
  async retry(@Param('id') id: string): Promise<void> {
    await this.notifications.retry(id);
  }
}

/** The signed-in user's notifications in the console (the same outbox), and their read state. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class MyNotificationsController {
  constructor(private readonly inbox: NotificationInboxService) {}

  @Get()
  @ApiOperation({
    summary: 'Pemberitahuan untuk Anda, terbaru lebih dulu, dengan jumlah yang belum dibaca',
    description:
      'Pemberitahuan yang ditujukan ke unit Anda (aparatur kecamatan/kelurahan: yang untuk wilayahnya atau ' +
      'tanpa wilayah), atau ke Kepala Daerah bagi Kepala Daerah; sama dengan yang dikirim lewat email. ' +
      'Loket juga menerima pemberitahuan untuk pengadu yang tidak memberikan kontak, untuk disampaikan. ' +
      'Status dibaca berlaku per pengguna. Administrator tidak menerima pemberitahuan.',
  })
  @ApiOkResponse({ type: MyNotificationPageView })
  list(
    @Query() query: ListMyNotificationsQueryDto,
    @CurrentUser() user: Principal,
  ): Promise<MyNotificationPageView> {
    return this.inbox.list(query, user);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Tandai semua pemberitahuan Anda sudah dibaca (boleh diulang)' })
  @ApiOkResponse({ type: NotificationsReadView })
  readAll(@CurrentUser() user: Principal): Promise<NotificationsReadView> {
    return this.inbox.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Tandai satu pemberitahuan Anda sudah dibaca (boleh diulang)' })
  @ApiParam({ name: 'id', description: 'ID pemberitahuan dari GET /notifications' })
  @ApiOkResponse({ type: NotificationsReadView })
  @ApiNotFoundResponse({ description: 'Pemberitahuan tidak ditemukan (atau bukan untuk Anda).' })
  read(@Param('id') id: string, @CurrentUser() user: Principal): Promise<NotificationsReadView> {
    return this.inbox.markRead(id, user);
  }
}
