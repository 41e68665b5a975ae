import { EntityManager } from '@mikro-orm/core';
import { Module, type Provider } from '@nestjs/common';
import {
  ComplaintRepository,
  OutboxRepository,
  ReferenceDataRepository,
  SecurityEventRepository,
  TaskRepository,
  UserRepository,
} from '../../db/repositories';

const REPOSITORIES = [
  ComplaintRepository,
  TaskRepository,
  OutboxRepository,
  ReferenceDataRepository,
  SecurityEventRepository,
  UserRepository,
];

/**
 * The repositories, as providers built on the application's EntityManager: the only holders of it
 * among the complaint services. The repositories are plain classes (the worker builds its own).
 */
@Module({
  providers: REPOSITORIES.map(
    (repository): Provider => ({
      provide: repository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new repository(em),
    }),
  ),
  exports: REPOSITORIES,
})
export class RepositoriesModule {}
