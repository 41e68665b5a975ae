import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../common/config.module';
import { RepositoriesModule } from '../common/repositories.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
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
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as string,
        signOptions: { expiresIn: '12h', algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, PrincipalCache, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [PrincipalCache, JwtModule],
})
export class AuthModule {}
