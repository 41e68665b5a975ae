import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { PublicRateLimit } from '../common/throttling';
import { ComplaintIntakeService } from './complaint-intake.service';
import { ComplaintCreatedDto, PublicComplaintDto } from './create-complaint.dto';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyOf } from './idempotency-key';
import { PUBLIC_COMPLAINT_EXAMPLES } from './request-examples';

/** The office website's channel: anyone may submit and track a complaint. */
@ApiTags('public')
@Public()
@PublicRateLimit()
@Controller('public/complaints')
export class PublicComplaintsController {
  constructor(private readonly intake: ComplaintIntakeService) {}

  @Post()
  @HttpCode(201)
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiBody({ type: PublicComplaintDto, examples: PUBLIC_COMPLAINT_EXAMPLES })
  @ApiConflictResponse({
    description: 'Idempotency-Key ini sudah dipakai untuk pengaduan dengan isi berbeda.',
  })
  @ApiUnprocessableEntityResponse({
    description: 'Ditolak aturan SOP (mis. bukti awal, NIK untuk surat, lokasi di luar Kota Prabumulih).',
  })
  @ApiCreatedResponse({ type: ComplaintCreatedDto })
  create(
    @Body() body: PublicComplaintDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ComplaintCreatedDto> {
    return this.intake.register({
      body,
      channel: 'WEBSITE',
      receivedBy: null,
      idempotencyKey: idempotencyKeyOf(idempotencyKey),
    });
  }
}
