import { EntityManager } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import { RetentionRepository } from '../../db/repositories/retention.repository';
import { RetentionController } from './retention.controller';
import { RetentionService } from './retention.service';

/** Retention of personal data: the admin's dry run and run now (src/api/retention). */
@Module({
  controllers: [RetentionController],
  providers: [
    RetentionService,
    {
      provide: RetentionRepository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new RetentionRepository(em),
    },
  ],
})
export class RetentionModule {}
