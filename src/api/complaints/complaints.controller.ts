import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Allow, CurrentUser } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ComplaintIntakeService } from './complaint-intake.service';
import { ComplaintCreatedDto, CreateComplaintDto } from './create-complaint.dto';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyOf } from './idempotency-key';
import { CREATE_COMPLAINT_EXAMPLES } from './request-examples';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplaintsController {
  constructor(private readonly intake: ComplaintIntakeService) {}

  /** Staff register a complaint received through any channel. */
  @Post()
  @HttpCode(201)
  @Allow({ roles: ['STAFF'] })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiBody({ type: CreateComplaintDto, examples: CREATE_COMPLAINT_EXAMPLES })
  @ApiConflictResponse({
    description: 'Idempotency-Key ini sudah dipakai untuk pengaduan dengan isi berbeda.',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'Ditolak aturan SOP (mis. bukti awal, NIK untuk surat, pejabat penerima tatap muka di bawah eselon IV atau nonaktif, lokasi di luar Kota Prabumulih).',
  })
  @ApiCreatedResponse({ type: ComplaintCreatedDto })
  create(
    @Body() body: CreateComplaintDto,
    @CurrentUser() user: Principal,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<ComplaintCreatedDto> {
    const { channel, receivedAt, receivingOfficialId, ...rest } = body;
    return this.intake.register({
      body: rest,
      channel,
      receivedAt,
      receivingOfficialId,
      receivedBy: user,
      idempotencyKey: idempotencyKeyOf(idempotencyKey),
    });
  }
}
