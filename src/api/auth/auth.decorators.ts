import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Unit } from '../../domain/units';
import type { Principal, Role } from './principal';

export const IS_PUBLIC = 'auth:isPublic';
export const ALLOWED = 'auth:allowed';
export const ACCEPTS_CODEC_COOKIE = 'auth:acceptsCodecCookie';

/** No token needed (public complaint form and tracking, login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * Without a Bearer token, the session may also come from the codec cookie (src/api/auth/codec-cookie.ts):
 * only for the codec endpoint, which the Temporal Web UI calls with the browser's cookies.
 */
export const AcceptsCodecCookie = () => SetMetadata(ACCEPTS_CODEC_COOKIE, true);

export interface Allowed {
  roles?: Role[];
  /** STAFF of these units (role STAFF implied). */
  units?: Unit[];
}

/**
 * Who may call the endpoint: any of the roles, or STAFF of any of the units. Without @Allow any
 * signed-in user may. Finer rules (a unit completes only its own tasks) are checked by the services.
 */
export const Allow = (allowed: Allowed) => SetMetadata(ALLOWED, allowed);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest().user;
});
