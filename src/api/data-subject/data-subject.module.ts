import { EntityManager } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import { DataSubjectRepository } from '../../db/repositories/data-subject.repository';
import { DataSubjectController } from './data-subject.controller';
import { DataSubjectService } from './data-subject.service';

/** Data-subject requests: find, export, correct and erase a person's data (admin only). */
@Module({
  controllers: [DataSubjectController],
  providers: [
    DataSubjectService,
    {
      provide: DataSubjectRepository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new DataSubjectRepository(em),
    },
  ],
})
export class DataSubjectModule {}
