import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RATING_MESSAGES } from '../../domain/satisfaction';
import { Allow, Public } from '../auth/auth.decorators';
import { PublicRateLimit } from '../common/throttling';
import { COMPLAINT_ID_OR_NUMBER_PATTERN } from '../complaints/complaint-lookup';
import { ErrorBodyView } from '../complaints/complaint-views';
import { ComplaintRatingView, PublicRatingView, RateComplaintDto, RatingView } from './satisfaction.dto';
import { SatisfactionService } from './satisfaction.service';

/** The complainant rates the handling of their complaint from the tracking page, by tracking code. */
@ApiTags('public')
@Public()
@PublicRateLimit()
@Controller('public/complaints')
export class PublicSatisfactionController {
  constructor(private readonly satisfaction: SatisfactionService) {}

  @Get(':trackingCode/rating')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Penilaian kepuasan: apakah pengaduan dapat dinilai, dan penilaian yang sudah diberikan',
  })
  @ApiParam({ name: 'trackingCode', example: 'K7QX2M9TPA' })
  @ApiOkResponse({ type: PublicRatingView })
  @ApiNotFoundResponse({ type: ErrorBodyView, description: 'Kode pelacakan tidak ditemukan.' })
  view(@Param('trackingCode') trackingCode: string): Promise<PublicRatingView> {
    return this.satisfaction.publicView(trackingCode);
  }

  @Post(':trackingCode/rating')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Menilai penanganan pengaduan (1-4, skala IKM) setelah ditanggapi; satu kali, tidak dapat diubah',
  })
  @ApiParam({ name: 'trackingCode', example: 'K7QX2M9TPA' })
  @ApiCreatedResponse({ type: RatingView })
  @ApiBadRequestResponse({
    type: ErrorBodyView,
    description: 'Nilai bukan 1-4, atau komentar terlalu panjang',
  })
  @ApiNotFoundResponse({ type: ErrorBodyView, description: 'Kode pelacakan tidak ditemukan.' })
  @ApiConflictResponse({ type: ErrorBodyView, description: RATING_MESSAGES.alreadyRated })
  @ApiUnprocessableEntityResponse({
    type: ErrorBodyView,
    description: 'Pengaduan belum ditanggapi atau ditolak, atau komentar hanya berisi spasi',
  })
  rate(@Param('trackingCode') trackingCode: string, @Body() body: RateComplaintDto): Promise<RatingView> {
    return this.satisfaction.rate(trackingCode, body);
  }
}

/** The complainant's rating on the staff console's case page. */
@ApiTags('complaints')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyView, description: 'Tanpa token atau token tidak valid' })
@ApiForbiddenResponse({ type: ErrorBodyView })
@Allow({ roles: ['STAFF', 'ADMIN', 'KEPALA_DAERAH'] })
@Controller('complaints')
export class ComplaintSatisfactionController {
  constructor(private readonly satisfaction: SatisfactionService) {}

  @Get(':id/rating')
  @ApiOperation({ summary: 'Penilaian kepuasan pengadu atas penanganan pengaduan (bila sudah diberikan)' })
  @ApiParam({
    name: 'id',
    description: 'ID pengaduan (UUID) atau nomor registernya (mis. 2026-12-0007)',
    schema: { type: 'string', pattern: COMPLAINT_ID_OR_NUMBER_PATTERN },
  })
  @ApiOkResponse({ type: ComplaintRatingView })
  @ApiNotFoundResponse({ type: ErrorBodyView, description: 'Pengaduan tidak ditemukan' })
  forStaff(@Param('id') id: string): Promise<ComplaintRatingView> {
    return this.satisfaction.forStaff(id);
  }
}
