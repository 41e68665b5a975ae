import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { PublicRateLimit } from '../common/throttling';
import { TrackingDto } from './tracking.dto';
import { TrackingService } from './tracking.service';

/** Anyone with a tracking code follows their complaint here; nothing personal is shown. */
@ApiTags('public')
@Public()
@PublicRateLimit()
@Controller('public/complaints')
export class TrackingController {
  constructor(private readonly tracking: TrackingService) {}

  @Get(':trackingCode')
  @Header('Cache-Control', 'no-store')
  @ApiParam({ name: 'trackingCode', example: 'K7QX2M9TPA' })
  @ApiOkResponse({ type: TrackingDto })
  @ApiNotFoundResponse({ description: 'Kode pelacakan tidak ditemukan.' })
  track(@Param('trackingCode') trackingCode: string): Promise<TrackingDto> {
    return this.tracking.track(trackingCode);
  }
}
