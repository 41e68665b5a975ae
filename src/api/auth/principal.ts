import type { Unit } from '../../domain/units';

export const ROLES = ['ADMIN', 'STAFF', 'KEPALA_DAERAH'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as carried in the JWT (claims) and attached to the request by the AuthGuard. */
export interface Principal {
  sub: string;
  username: string;
  role: Role;
  unit: Unit | null;
  area: string | null;
  eselon: string | null;
}
