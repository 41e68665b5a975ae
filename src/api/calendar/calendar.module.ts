import { EntityManager } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import { HolidayRepository } from '../../db/repositories/holiday.repository';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

@Module({
  controllers: [CalendarController],
  providers: [
    CalendarService,
    {
      provide: HolidayRepository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new HolidayRepository(em),
    },
  ],
})
export class CalendarModule {}
