import { EntityManager } from '@mikro-orm/core';
import { Module } from '@nestjs/common';
import { UserRepository } from '../../db/repositories/user.repository';
import { RepositoriesModule } from '../common/repositories.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** User administration (ADMIN) and the signed-in user's own account (/api/users/me). */
@Module({
  imports: [RepositoriesModule],
  controllers: [UsersController],
  providers: [
    UsersService,
    {
      provide: UserRepository,
      inject: [EntityManager],
      useFactory: (em: EntityManager) => new UserRepository(em),
    },
  ],
})
export class UsersModule {}
