import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Unit } from '../../domain/units';
import type { Principal, Role } from './principal';

export const IS_PUBLIC = 'auth:isPublic';
export const ALLOWED = 'auth:allowed';

/** No token needed (public complaint form and tracking, login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

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
