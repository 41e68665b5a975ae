import { EntityManager } from '@mikro-orm/core';
import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { PersonalDataAccessRepository } from '../../db/repositories';
import { PersonalDataAccessController } from './personal-data-access.controller';
import { PersonalDataAccessService } from './personal-data-access.service';
import { RequestContextInterceptor } from './request-context';

/**
 * The access log of unmasked personal-data reads: the service the complaint reads and evidence
 * downloads record into (global, so their modules need no import), the admin's query, and the
 * request context that tells the log the endpoint and client address.
 */
@Global()
@Module({
  controllers: [PersonalDataAccessController],
  providers: [
    PersonalDataAccessService,
    {
      provide: PersonalDataAccessRepository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new PersonalDataAccessRepository(em),
    },
    { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
  ],
  exports: [PersonalDataAccessService],
})
export class PersonalDataAccessModule {}
