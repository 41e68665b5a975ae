import { Module } from '@nestjs/common';
import { RepositoriesModule } from '../common/repositories.module';
import { TrackingController } from './tracking.controller';
import { TrackingService } from './tracking.service';

@Module({
  imports: [RepositoriesModule],
  controllers: [TrackingController],
  providers: [TrackingService],
})
export class TrackingModule {}
