import { Controller, HttpCode, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { AcceptsMultipart } from '../common/body-limits';
import { PublicRateLimit } from '../common/throttling';
import { PublicAttachmentDto, UploadAttachmentDto } from './attachments.dto';
import { AttachmentsService, type UploadedEvidence } from './attachments.service';
import { UploadErrorsInterceptor } from './upload-errors.interceptor';

/** The website form sends its evidence files here right after submitting the complaint. */
@ApiTags('public')
@Public()
@PublicRateLimit()
@Controller('public/complaints/:trackingCode/attachments')
export class PublicAttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @HttpCode(201)
  @AcceptsMultipart()
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor('file'))
  @ApiParam({ name: 'trackingCode', example: 'K7QX2M9TPA' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadAttachmentDto })
  @ApiCreatedResponse({ type: PublicAttachmentDto })
  @ApiNotFoundResponse({ description: 'Kode pelacakan tidak ditemukan.' })
  @ApiConflictResponse({ description: 'Pengaduan sudah diperiksa petugas (bukan lagi RECEIVED).' })
  @ApiPayloadTooLargeResponse({ description: 'Berkas melebihi ATTACHMENT_MAX_BYTES.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Bukan JPEG, PNG atau PDF (diperiksa dari isinya).' })
  upload(
    @Param('trackingCode') trackingCode: string,
    @UploadedFile() file: UploadedEvidence | undefined,
  ): Promise<PublicAttachmentDto> {
    return this.attachments.addByPublic(trackingCode, file);
  }
}
