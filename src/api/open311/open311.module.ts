import { EntityManager } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import { IntakeRepository } from '../../db/repositories/intake.repository';
import { Open311ApiKeyRepository } from '../../db/repositories/open311-api-key.repository';
import { Open311RequestRepository } from '../../db/repositories/open311-request.repository';
import { RepositoriesModule } from '../common/repositories.module';
import { ComplaintIntakeService } from '../complaints/complaint-intake.service';
import { Open311Controller, Open311FallbackController } from './open311.controller';
import { Open311Service } from './open311.service';
import { Open311ApiKeysController } from './open311-api-keys.controller';
import { Open311ApiKeysService } from './open311-api-keys.service';

/** Open311 GeoReport v2 at /open311/v2/ and the ADMIN's API keys for it (/api/open311/api-keys). */
@Module({
  imports: [RepositoriesModule],
  // The fallback last: it answers only what the others leave.
  controllers: [Open311Controller, Open311ApiKeysController, Open311FallbackController],
  // The website's intake, so the same rules apply to every request however it comes in.
  providers: [
    Open311Service,
    Open311ApiKeysService,
    ComplaintIntakeService,
    {
      provide: IntakeRepository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new IntakeRepository(em),
    },
    {
      provide: Open311RequestRepository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new Open311RequestRepository(em),
    },
    {
      provide: Open311ApiKeyRepository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new Open311ApiKeyRepository(em),
    },
  ],
})
export class Open311Module {}
