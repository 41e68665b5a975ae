import { EntityManager } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { MetricsRepository } from '../../db/repositories/metrics.repository';
import { HttpMetricsInterceptor } from './http-metrics.interceptor';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

@Module({
  controllers: [MetricsController],
  providers: [
    MetricsService,
    { provide: APP_INTERCEPTOR, useClass: HttpMetricsInterceptor },
    {
      provide: MetricsRepository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new MetricsRepository(em),
    },
  ],
})
export class MetricsModule {}
