import { Module } from '@nestjs/common';
import { StageDeadlinesController } from './stage-deadlines.controller';
import { StageDeadlinesService } from './stage-deadlines.service';

@Module({
  controllers: [StageDeadlinesController],
  providers: [StageDeadlinesService],
})
export class StageDeadlinesModule {}
