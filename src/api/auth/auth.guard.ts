import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { forbidden, unauthorized } from '../common/api-error';
import { ALLOWED, type Allowed, IS_PUBLIC } from './auth.decorators';
import type { Principal } from './principal';

/** Global guard: every route needs a valid Bearer token unless @Public(), and must pass @Allow. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const [scheme, token] = String(request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw unauthorized('Anda harus masuk (login) terlebih dahulu.');
    let principal: Principal;
    try {
      principal = await this.jwt.verifyAsync<Principal>(token);
    } catch {
      throw unauthorized('Sesi tidak valid atau sudah berakhir. Silakan masuk kembali.');
    }
    request.user = principal;
    const allowed = this.reflector.getAllAndOverride<Allowed | undefined>(ALLOWED, targets);
    if (allowed && !isAllowed(principal, allowed)) {
      throw forbidden('Anda tidak berwenang melakukan tindakan ini.');
    }
    return true;
  }
}

export function isAllowed(p: Principal, allowed: Allowed): boolean {
  if (allowed.roles?.includes(p.role)) return true;
  return p.role === 'STAFF' && !!p.unit && !!allowed.units?.includes(p.unit);
}
