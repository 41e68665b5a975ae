import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The last register number given out in a month (register numbers are YYYY/MM/NNNN). */
@Entity({ tableName: 'register_counter' })
export class RegisterCounter {
  /** YYYY/MM */
  @PrimaryKey({ type: 'string', length: 7 })
  period!: string;

  @Property({ type: 'integer' })
  last = 0;
}
