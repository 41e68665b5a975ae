import { MikroORM } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import { HealthRepository } from '../../db/repositories/health.repository';
import { HealthController } from './health.controller';

@Module({
  controllers: [HealthController],
  providers: [
    {
      provide: HealthRepository,
      inject: [MikroORM],
      useFactory: (orm: MikroORM) => new HealthRepository(orm.em),
    },
  ],
})
export class HealthModule {}
