import { Module } from '@nestjs/common';
import { ComplaintIntakeService } from './complaint-intake.service';
import { ComplaintsController } from './complaints.controller';
import { PublicComplaintsController } from './public-complaints.controller';

@Module({
  controllers: [ComplaintsController, PublicComplaintsController],
  providers: [ComplaintIntakeService],
})
export class ComplaintsModule {}
