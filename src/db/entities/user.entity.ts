import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** A person who signs in: office staff (with a unit), the Kepala Daerah, or an admin. */
@Entity({ tableName: 'app_user' })
@Index({ properties: ['unit', 'area'] })
export class User {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'string', length: 64, unique: true })
  username!: string;

  @Property({ type: 'string', length: 200 })
  fullName!: string;

  @Property({ type: 'string', length: 200, hidden: true })
  passwordHash!: string;

  /** ADMIN, STAFF or KEPALA_DAERAH. */
  @Property({ type: 'string', length: 16 })
  role!: string;

  /** The unit of a STAFF user. */
  @Property({ type: 'string', length: 24, nullable: true })
  unit?: string | null;

  /** Kemendagri code of a KECAMATAN/KELURAHAN officer's area. */
  @Property({ type: 'string', length: 16, nullable: true })
  area?: string | null;

  /** Civil-service echelon (I..IV, V), for the TATAP_MUKA rule. */
  @Property({ type: 'string', length: 8, nullable: true })
  eselon?: string | null;

  @Property({ type: 'string', length: 254, nullable: true })
  email?: string | null;

  @Property({ type: 'string', length: 32, nullable: true })
  phone?: string | null;

  @Property({ type: 'boolean' })
  active = true;

  /**
   * Raised on every change that must end the user's sessions (deactivation, password change or
   * reset, a new role, unit or area): tokens carry the version they were issued with.
   */
  @Property({ type: 'integer', default: 0 })
  tokenVersion: number & Opt = 0;

  @Property({ type: 'datetime', nullable: true })
  passwordChangedAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  updatedAt?: Date | null;
}
