import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A kecamatan or kelurahan/desa of Kota Prabumulih, by Kemendagri code (from idn-area-data). */
@Entity({ tableName: 'area' })
export class Area {
  @PrimaryKey({ type: 'string', length: 16 })
  code!: string;

  /** KECAMATAN or KELURAHAN. */
  @Property({ type: 'string', length: 12 })
  level!: string;

  @Property({ type: 'string', length: 120 })
  name!: string;

  /** The kecamatan of a kelurahan; null for a kecamatan. */
  @Property({ type: 'string', length: 16, nullable: true, index: true })
  parentCode?: string | null;
}
