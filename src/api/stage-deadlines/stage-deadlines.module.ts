import { EntityManager } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import { StageDeadlineRepository } from '../../db/repositories/stage-deadline.repository';
import { StageDeadlinesController } from './stage-deadlines.controller';
import { StageDeadlinesService } from './stage-deadlines.service';

@Module({
  controllers: [StageDeadlinesController],
  providers: [
    StageDeadlinesService,
    {
      provide: StageDeadlineRepository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new StageDeadlineRepository(em),
    },
  ],
})
export class StageDeadlinesModule {}
