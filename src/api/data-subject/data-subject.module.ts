import { Module } from '@nestjs/common';
import { DataSubjectController } from './data-subject.controller';
import { DataSubjectService } from './data-subject.service';

/** Data-subject requests: find, export, correct and erase a person's data (admin only). */
@Module({
  controllers: [DataSubjectController],
  providers: [DataSubjectService],
})
export class DataSubjectModule {}
