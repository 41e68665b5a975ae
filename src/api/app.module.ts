import { MikroOrmModule } from '@mikro-orm/nestjs';
import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/config';
import { appOrmOptions } from '../db/orm';
import { AreasModule } from './areas/areas.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CodecModule } from './codec/codec.controller';
import { AppConfigModule } from './common/config.module';
import { ErrorBodyFilter } from './common/error-body.filter';
import { InFlightRequests } from './common/in-flight-requests';
import { PublicRateLimitModule } from './common/throttling';
import { ComplaintsModule } from './complaints/complaints.module';
import { DataSubjectModule } from './data-subject/data-subject.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { Open311Module } from './open311/open311.module';
import { OpsModule } from './ops/ops.module';
import { PersonalDataAccessModule } from './personal-data-access/personal-data-access.module';
import { PrivacyNoticeModule } from './privacy/privacy-notice.controller';
import { ReferenceDataModule } from './reference-data/reference-data.module';
import { ReportsModule } from './reports/reports.module';
import { RetentionModule } from './retention/retention.module';
import { SatisfactionModule } from './satisfaction/satisfaction.module';
import { StageDeadlinesModule } from './stage-deadlines/stage-deadlines.module';
import { TemporalModule } from './temporal/temporal.module';
import { TrackingModule } from './tracking/tracking.module';
import { UsersModule } from './users/users.module';
import { WorkloadModule } from './workload/workload.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            name: 'api',
            level: config.logLevel,
            // Never log credentials or complainants' personal data carried in headers.
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
          },
          // Nest 11 path syntax for "every route".
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        }),
        MikroOrmModule.forRoot(appOrmOptions(config)),
        TemporalModule,
        ReferenceDataModule,
        HealthModule,
        MetricsModule,
        OpsModule,
        CodecModule,
        WorkloadModule,
        ReportsModule,
        AuthModule,
        ComplaintsModule,
        PublicRateLimitModule,
        CalendarModule,
        AreasModule,
        AttachmentsModule,
        TrackingModule,
        UsersModule,
        NotificationsModule,
        SatisfactionModule,
        Open311Module,
        StageDeadlinesModule,
        PrivacyNoticeModule,
        PersonalDataAccessModule,
        DataSubjectModule,
        RetentionModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ErrorBodyFilter },
        InFlightRequests,
        { provide: APP_INTERCEPTOR, useExisting: InFlightRequests },
      ],
    };
  }
}
