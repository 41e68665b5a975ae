import { EntityManager } from '@mikro-orm/core';
import { Global, Module } from '@nestjs/common';
import { CachedReferenceDataRepository } from '../../db/repositories/cached-reference-data.repository';
import { ReferenceDataCache } from './reference-data.cache';

/** The reference data cache, for every module (src/api/reference-data/reference-data.cache.ts). */
@Global()
@Module({
  providers: [
    ReferenceDataCache,
    {
      provide: CachedReferenceDataRepository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new CachedReferenceDataRepository(em),
    },
  ],
  exports: [ReferenceDataCache],
})
export class ReferenceDataModule {}
