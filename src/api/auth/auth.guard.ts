import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { SessionRepository } from '../../db/repositories/session.repository';
import type { Unit } from '../../domain/units';
import { forbidden, unauthorized } from '../common/api-error';
import { ACCEPTS_CODEC_COOKIE, ALLOWED, type Allowed, IS_PUBLIC } from './auth.decorators';
import { type AccessClaims, cachedUserOf } from './auth.service';
import { codecCookieOf } from './codec-cookie';
import type { Principal, Role } from './principal';
import { type CachedUser, PrincipalCache } from './principal-cache';

const INVALID_SESSION = 'Sesi tidak valid atau sudah berakhir. Silakan masuk kembali.';

/**
 * Global guard: every route needs a valid Bearer token unless @Public(), and must pass @Allow. On
 * @AcceptsCodecCookie() routes (the Web UI's codec endpoint) the codec cookie may carry the token.
 * The token only says who and which tokenVersion; the user's current record (PrincipalCache, else
 * one read of the user table) must exist, be active and have that version, and gives the request's
 * role, unit, area and eselon. A user in the cache costs no database read.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  /** Reads of the user table under way, so that concurrent requests of one user share one. */
  private readonly loading = new Map<string, { epoch: number; user: Promise<CachedUser | null> }>();

  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly cache: PrincipalCache,
    private readonly sessions: SessionRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const [scheme, bearer] = String(request.headers.authorization ?? '').split(' ');
    const token =
      scheme === 'Bearer' && bearer
        ? bearer
        : this.reflector.getAllAndOverride<boolean>(ACCEPTS_CODEC_COOKIE, targets)
          ? codecCookieOf(request)
          : undefined;
    if (!token) throw unauthorized('Anda harus masuk (login) terlebih dahulu.');
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token);
    } catch {
      throw unauthorized(INVALID_SESSION);
    }
    if (typeof claims.sub !== 'string' || !Number.isInteger(claims.ver)) throw unauthorized(INVALID_SESSION);
    const user = this.cache.get(claims.sub) ?? (await this.load(claims.sub));
    if (!user?.active || user.tokenVersion !== claims.ver) throw unauthorized(INVALID_SESSION);
    const principal = principalOf(user);
    request.user = principal;
    const allowed = this.reflector.getAllAndOverride<Allowed | undefined>(ALLOWED, targets);
    if (allowed && !isAllowed(principal, allowed)) {
      throw forbidden('Anda tidak berwenang melakukan tindakan ini.');
    }
    return true;
  }

  private load(userId: string): Promise<CachedUser | null> {
    const epoch = this.cache.epoch;
    const pending = this.loading.get(userId);
    // A read begun before an account change (forget) is not joined: it may miss the change.
    if (pending?.epoch === epoch) return pending.user;
    const user = this.sessions.userById(userId).then((found) => {
      if (!found) return null;
      const current = cachedUserOf(found);
      if (this.cache.epoch === epoch) this.cache.set(current);
      return current;
    });
    const entry = { epoch, user };
    this.loading.set(userId, entry);
    const done = () => {
      if (this.loading.get(userId) === entry) this.loading.delete(userId);
    };
    user.then(done, done);
    return user;
  }
}

function principalOf(user: CachedUser): Principal {
  return {
    sub: user.id,
    username: user.username,
    role: user.role as Role,
    unit: (user.unit as Unit | null) ?? null,
    area: user.area,
    eselon: user.eselon,
  };
}

export function isAllowed(p: Principal, allowed: Allowed): boolean {
  if (allowed.roles?.includes(p.role)) return true;
  return p.role === 'STAFF' && !!p.unit && !!allowed.units?.includes(p.unit);
}
