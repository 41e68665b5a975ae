import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../common/config.module';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { PublicAttachmentsController } from './public-attachments.controller';
import { UploadErrorsInterceptor } from './upload-errors.interceptor';

@Module({
  imports: [
    // Memory storage (multer's default without `dest`/`storage`): the content is checked before
    // anything touches the disk. One file per request, at most ATTACHMENT_MAX_BYTES.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.attachmentMaxBytes, files: 1, fields: 10, parts: 11 },
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [AttachmentsController, PublicAttachmentsController],
  providers: [AttachmentsService, UploadErrorsInterceptor],
})
export class AttachmentsModule {}
