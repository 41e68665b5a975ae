import { Body, Controller, Header, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ComplaintRepository } from '../../db/repositories';
import { OBJECTION_WINDOW_DAYS } from '../../domain/objection';
import { Public } from '../auth/auth.decorators';
import { notFound } from '../common/api-error';
import { PublicRateLimit } from '../common/throttling';
import { OBJECTION_EXAMPLES, ObjectionDto } from '../complaints/objection.dto';
import { ObjectionService } from '../complaints/objection.service';
import { TrackingDto } from './tracking.dto';
import { TrackingService } from './tracking.service';
import { normaliseTrackingCode, TRACKING_CODE_NOT_FOUND } from './tracking-code';

/** The complainant objects (keberatan) to the answer from the tracking page, by the tracking code. */
@ApiTags('public')
@Public()
@PublicRateLimit()
@Controller('public/complaints')
export class PublicObjectionController {
  constructor(
    private readonly objections: ObjectionService,
    private readonly tracking: TrackingService,
    private readonly complaints: ComplaintRepository,
  ) {}

  @Post(':trackingCode/objection')
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiParam({ name: 'trackingCode', example: 'K7QX2M9TPA' })
  @ApiOperation({
    summary: 'Ajukan keberatan atas tanggapan atau penolakan pengaduan',
    description: `Paling lambat ${OBJECTION_WINDOW_DAYS} hari kalender (WIB) setelah tanggapan atau penolakan, satu kali. Pengaduan diperiksa kembali dengan batas waktu 10 hari kerja yang baru.`,
  })
  @ApiBody({ type: ObjectionDto, examples: OBJECTION_EXAMPLES })
  @ApiCreatedResponse({ type: TrackingDto, description: 'Keberatan diterima; pengaduan dibuka kembali' })
  @ApiBadRequestResponse({ description: 'Alasan keberatan kosong atau terlalu panjang' })
  @ApiNotFoundResponse({ description: 'Kode pelacakan tidak ditemukan.' })
  @ApiConflictResponse({ description: 'Pengaduan belum ditanggapi, atau keberatan sudah pernah diajukan' })
  @ApiUnprocessableEntityResponse({
    description: `Lewat ${OBJECTION_WINDOW_DAYS} hari sejak tanggapan, atau alasan hanya berisi spasi`,
  })
  @ApiServiceUnavailableResponse({
    description: 'Penanganan sebelumnya belum selesai dicatat di mesin proses; keberatan belum diterima',
  })
  async file(@Param('trackingCode') trackingCode: string, @Body() body: ObjectionDto): Promise<TrackingDto> {
    const code = normaliseTrackingCode(trackingCode);
    const complaint = code ? await this.complaints.findByTrackingCode(code) : null;
    if (!complaint) throw notFound(TRACKING_CODE_NOT_FOUND);
    await this.objections.file(complaint, body.reason, null);
    return this.tracking.track(complaint.trackingCode);
  }
}
