import { Global, Module } from '@nestjs/common';
import { RepositoriesModule } from '../common/repositories.module';
import { ReferenceDataCache } from './reference-data.cache';

/** The reference data cache, for every module (src/api/reference-data/reference-data.cache.ts). */
@Global()
@Module({
  imports: [RepositoriesModule],
  providers: [ReferenceDataCache],
  exports: [ReferenceDataCache],
})
export class ReferenceDataModule {}
