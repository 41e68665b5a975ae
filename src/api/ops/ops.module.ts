import { Module } from '@nestjs/common';
import { RepositoriesModule } from '../common/repositories.module';
import { OpsController } from './ops.controller';
import { OpsService } from './ops.service';

@Module({ imports: [RepositoriesModule], controllers: [OpsController], providers: [OpsService] })
export class OpsModule {}
