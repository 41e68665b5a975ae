import { EntityManager } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import { AreaRepository } from '../../db/repositories/area.repository';
import { AreasController } from './areas.controller';
import { AreasService } from './areas.service';

@Module({
  controllers: [AreasController],
  providers: [
    AreasService,
    {
      provide: AreaRepository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new AreaRepository(em),
    },
  ],
})
export class AreasModule {}
