import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

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

  @Property({ type: 'boolean' })
  active = true;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
