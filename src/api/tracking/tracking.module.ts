import { EntityManager } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import { ObjectionRepository } from '../../db/repositories/objection.repository';
import { RepositoriesModule } from '../common/repositories.module';
import { ObjectionService } from '../complaints/objection.service';
import { PublicObjectionController } from './public-objection.controller';
import { TrackingController } from './tracking.controller';
import { TrackingService } from './tracking.service';

@Module({
  imports: [RepositoriesModule],
  controllers: [TrackingController, PublicObjectionController],
  providers: [
    TrackingService,
    ObjectionService,
    {
      provide: ObjectionRepository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new ObjectionRepository(em),
    },
  ],
})
export class TrackingModule {}
