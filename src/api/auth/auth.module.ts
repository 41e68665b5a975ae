import { createSecretKey } from 'node:crypto';
import { EntityManager } from '@mikro-orm/core';
import { Global, Module, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { AppConfig } from '../../config/config';
import { LoginThrottleRepository } from '../../db/repositories/login-throttle.repository';
import { SessionRepository } from '../../db/repositories/session.repository';
import { APP_CONFIG } from '../common/config.module';
import { RepositoriesModule } from '../common/repositories.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { jwtSigningKey } from './jwt-secret';
import { PrincipalCache } from './principal-cache';

/** Global: every feature module's routes are guarded, and account changes reach PrincipalCache. */
@Global()
@Module({
  imports: [
    RepositoriesModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject made once: given a string, jsonwebtoken builds one on every sign and verify
        // (the costliest step of authenticating a request). Same HS256 key, same tokens.
        secret: createSecretKey(jwtSigningKey(config)) as unknown as string,
        signOptions: { expiresIn: config.session.accessTokenMinutes * 60, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    PrincipalCache,
    ...[SessionRepository, LoginThrottleRepository].map(
      (repository): Provider => ({
        provide: repository,
        inject: [EntityManager],
        useFactory: (em: EntityManager) => new repository(em),
      }),
    ),
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [PrincipalCache, JwtModule],
})
export class AuthModule {}
