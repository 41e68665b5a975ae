import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The access log of personal-data reads: one row per API response and complaint whose response
 * showed the complainant's personal data unmasked (or an evidence file). Who, when, which complaint,
 * which fields (names only, never the data), through which endpoint and from which address.
 */
@Entity({ tableName: 'personal_data_access' })
@Index({ properties: ['complaintId', 'at'] })
@Index({ properties: ['at'] })
@Index({ properties: ['userId', 'at'] })
export class PersonalDataAccess {
  @PrimaryKey({ type: 'string', length: 36 })
  id!: string;

  @Property({ type: 'datetime' })
  at: Date = new Date();

  /** The signed-in user (the JWT's subject) as they were at the time of the read. */
  @Property({ type: 'string', length: 36 })
  userId!: string;

  @Property({ type: 'string', length: 64 })
  username!: string;

  @Property({ type: 'string', length: 20 })
  role!: string;

  @Property({ type: 'string', length: 40, nullable: true })
  unit?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  area?: string | null;

  @Property({ type: 'string', length: 36 })
  complaintId!: string;

  /** The complaint's register number, so the log reads without a join. */
  @Property({ type: 'string', length: 20, nullable: true })
  registerNumber?: string | null;

  /** NAMA, NIK, ALAMAT, TELEPON, EMAIL, LAMPIRAN (src/domain/personal-data-access.ts). */
  @Property({ type: 'json' })
  fields!: string[];

  /** Method and route pattern of the request, e.g. "GET /api/complaints/:id". */
  @Property({ type: 'string', length: 200 })
  endpoint!: string;

  /** The client's address as the API saw it. */
  @Property({ type: 'string', length: 64, nullable: true })
  ip?: string | null;
}
