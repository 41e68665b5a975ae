import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, Public } from '../auth/auth.decorators';
import { PublicRateLimit } from '../common/throttling';
import { NotificationView, TrackingCodeRequestDto, TrackingCodeRequestedDto } from './notifications.dto';
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
