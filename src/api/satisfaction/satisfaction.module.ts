import { EntityManager } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import { SatisfactionRepository } from '../../db/repositories/satisfaction.repository';
import { RepositoriesModule } from '../common/repositories.module';
import { ComplaintSatisfactionController, PublicSatisfactionController } from './satisfaction.controller';
import { SatisfactionService } from './satisfaction.service';

/** The complainants' satisfaction ratings (src/domain/satisfaction.ts). */
@Module({
  imports: [RepositoriesModule],
  controllers: [PublicSatisfactionController, ComplaintSatisfactionController],
  providers: [
    SatisfactionService,
    {
      provide: SatisfactionRepository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new SatisfactionRepository(em),
    },
  ],
})
export class SatisfactionModule {}
