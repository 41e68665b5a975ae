import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** One escalation of a BERAT case to the Kepala Daerah and, once given, the decision on it. */
@Entity({ tableName: 'decision' })
@Unique({ properties: ['complaintId', 'round'] })
export class Decision {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 36, index: true })
  complaintId!: string;

  @Property({ type: 'integer' })
  round!: number;

  @Property({ type: 'datetime' })
  escalatedAt!: Date;

  /** APPROVE, REJECT or FURTHER_STUDY; null while the Kepala Daerah has not decided. */
  @Property({ type: 'string', length: 16, nullable: true })
  decision?: string | null;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Property({ type: 'json', nullable: true })
  units?: string[] | null;

  @Property({ type: 'string', length: 64, nullable: true })
  decidedBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null;

  /** The decision's stage deadline (null for cases started before stage deadlines). */
  @Property({ type: 'datetime', nullable: true })
  dueAt?: Date | null;
}
