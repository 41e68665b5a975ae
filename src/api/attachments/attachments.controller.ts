import {
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Allow, CurrentUser } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { AcceptsMultipart } from '../common/body-limits';
import { AttachmentDto, UploadAttachmentDto } from './attachments.dto';
import { AttachmentsService, type UploadedEvidence } from './attachments.service';
import { attachmentDisposition } from './file-checks';
import { UploadErrorsInterceptor } from './upload-errors.interceptor';

/** Evidence files of a complaint, for the office. */
@ApiTags('attachments')
@ApiBearerAuth()
@ApiParam({ name: 'id', description: 'ID pengaduan' })
@ApiNotFoundResponse({ description: 'Pengaduan atau berkas tidak ditemukan.' })
@Controller('complaints/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  /** Staff attach evidence (JPEG, PNG or PDF; type checked by content). */
  @Post()
  @HttpCode(201)
  @Allow({ roles: ['STAFF'] })
  @AcceptsMultipart()
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadAttachmentDto })
  @ApiCreatedResponse({ type: AttachmentDto })
  @ApiForbiddenResponse({ description: 'Hanya petugas (STAFF).' })
  @ApiPayloadTooLargeResponse({ description: 'Berkas melebihi ATTACHMENT_MAX_BYTES.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Bukan JPEG, PNG atau PDF (diperiksa dari isinya).' })
  @ApiUnprocessableEntityResponse({ description: 'Jumlah berkas pengaduan ini sudah mencapai batas.' })
  upload(
    @Param('id') id: string,
    @UploadedFile() file: UploadedEvidence | undefined,
    @CurrentUser() user: Principal,
  ): Promise<AttachmentDto> {
    return this.attachments.addByStaff(id, file, user);
  }

  @Get()
  @Allow({ roles: ['STAFF', 'ADMIN', 'KEPALA_DAERAH'] })
  @ApiOkResponse({ type: [AttachmentDto] })
  list(@Param('id') id: string): Promise<AttachmentDto[]> {
    return this.attachments.list(id);
  }

  /**
   * Downloads the file as it was sent (always as an attachment, never rendered inline). Only for
   * those who may see the complaint's personal data: ADMIN, SEKSI_PENGADUAN, LOKET and units with a
   * task on it (KECAMATAN/KELURAHAN for their own area).
   */
  @Get(':attachmentId')
  @Allow({ roles: ['STAFF', 'ADMIN', 'KEPALA_DAERAH'] })
  @ApiParam({ name: 'attachmentId' })
  @ApiForbiddenResponse({
    description: 'Hanya ADMIN, SEKSI_PENGADUAN, LOKET dan unit yang mendapat tugas pada pengaduan ini.',
  })
  @ApiProduces('image/jpeg', 'image/png', 'application/pdf')
  @ApiOkResponse({ description: 'Isi berkas', schema: { type: 'string', format: 'binary' } })
  async download(
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @CurrentUser() user: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { attachment, content } = await this.attachments.open(id, attachmentId, user);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(content, {
      type: attachment.mimeType,
      length: attachment.size,
      disposition: attachmentDisposition(attachment.fileName),
    });
  }
}
