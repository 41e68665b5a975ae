import { Module } from '@nestjs/common';
import { RepositoriesModule } from '../common/repositories.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** User administration (ADMIN) and the signed-in user's own account (/api/users/me). */
@Module({
  imports: [RepositoriesModule],
  controllers: [UsersController],
  providers: [UsersService],
})
export class UsersModule {}
