import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { PublicRateLimit } from '../common/throttling';
import { ComplaintIntakeService } from './complaint-intake.service';
import { ComplaintCreatedDto, PublicComplaintDto } from './create-complaint.dto';
import { idempotencyKeyOf } from './idempotency-key';

/** The office website's channel: anyone may submit and track a complaint. */
@ApiTags('public')
@Public()
@PublicRateLimit()
@Controller('public/complaints')
export class PublicComplaintsController {
  constructor(private readonly intake: ComplaintIntakeService) {}

  @Post()
  @HttpCode(201)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retrying with the same key returns the first result',
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
