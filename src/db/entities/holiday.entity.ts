import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A non-working day (national holiday or cuti bersama). Seeded from the SKB lists; admins correct it. */
@Entity({ tableName: 'holiday' })
export class HolidayRecord {
  /** YYYY-MM-DD in WIB. */
  @PrimaryKey({ type: 'string', length: 10 })
  date!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  /** LIBUR_NASIONAL or CUTI_BERSAMA. */
  @Property({ type: 'string', length: 16 })
  kind!: string;

  /** OFFICIAL (shipped SKB list) or ADMIN (added or corrected by an admin). */
  @Property({ type: 'string', length: 8 })
  source!: string;

  @Property({ type: 'integer', index: true })
  year!: number;

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
