import { EntityManager, MikroORM } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import { RecapReportRepository } from '../../db/repositories/recap-report.repository';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  controllers: [ReportsController],
  providers: [
    ReportsService,
    {
      provide: RecapReportRepository,
      inject: [EntityManager, MikroORM],
      useFactory: (em: EntityManager, orm: MikroORM) => new RecapReportRepository(em, orm),
    },
  ],
})
export class ReportsModule {}
