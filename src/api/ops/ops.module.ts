import { EntityManager } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import { StuckCaseRepository } from '../../db/repositories/stuck-case.repository';
import { RepositoriesModule } from '../common/repositories.module';
import { OpsController } from './ops.controller';
import { OpsService } from './ops.service';

@Module({
  imports: [RepositoriesModule],
  controllers: [OpsController],
  providers: [
    OpsService,
    {
      provide: StuckCaseRepository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new StuckCaseRepository(em),
    },
  ],
})
export class OpsModule {}
