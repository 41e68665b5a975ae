import { EntityManager } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import type { AppConfig } from '../../config/config';
import { AttachmentRepository } from '../../db/repositories/attachment.repository';
import { APP_CONFIG } from '../common/config.module';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { PublicAttachmentsController } from './public-attachments.controller';
import { UploadErrorsInterceptor } from './upload-errors.interceptor';

@Module({
  imports: [
    // Memory storage (multer's default without `dest`/`storage`): the content is checked before
    // anything touches the disk. One part per request, the file, at most ATTACHMENT_MAX_BYTES: the
    // document says no other part (additionalProperties: false), so any other is refused with 400.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.attachmentMaxBytes, files: 1, fields: 0, parts: 1 },
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [AttachmentsController, PublicAttachmentsController],
  providers: [
    AttachmentsService,
    UploadErrorsInterceptor,
    {
      provide: AttachmentRepository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new AttachmentRepository(em),
    },
  ],
})
export class AttachmentsModule {}
