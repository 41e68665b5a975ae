import { Module } from '@nestjs/common';
import { RepositoriesModule } from '../common/repositories.module';
import { WorkloadController } from './workload.controller';
import { WorkloadService } from './workload.service';

@Module({ imports: [RepositoriesModule], controllers: [WorkloadController], providers: [WorkloadService] })
export class WorkloadModule {}
