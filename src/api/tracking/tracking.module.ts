import { Module } from '@nestjs/common';
import { RepositoriesModule } from '../common/repositories.module';
import { ObjectionService } from '../complaints/objection.service';
import { PublicObjectionController } from './public-objection.controller';
import { TrackingController } from './tracking.controller';
import { TrackingService } from './tracking.service';

@Module({
  imports: [RepositoriesModule],
  controllers: [TrackingController, PublicObjectionController],
  providers: [TrackingService, ObjectionService],
})
export class TrackingModule {}
