import { Module } from '@nestjs/common';
import { RetentionController } from './retention.controller';
import { RetentionService } from './retention.service';

/** Retention of personal data: the admin's dry run and run now (src/api/retention). */
@Module({ controllers: [RetentionController], providers: [RetentionService] })
export class RetentionModule {}
