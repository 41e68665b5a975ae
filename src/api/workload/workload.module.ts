import { EntityManager } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import { AreaRepository } from '../../db/repositories/area.repository';
import { RepositoriesModule } from '../common/repositories.module';
import { WorkloadController } from './workload.controller';
import { WorkloadService } from './workload.service';

@Module({
  imports: [RepositoriesModule],
  controllers: [WorkloadController],
  providers: [
    WorkloadService,
    {
      provide: AreaRepository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new AreaRepository(em),
    },
  ],
})
export class WorkloadModule {}
