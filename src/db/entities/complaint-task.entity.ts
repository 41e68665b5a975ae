import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/** A unit's piece of work on a complaint. One row per unit per round (the workflow's fan-out). */
@Entity({ tableName: 'complaint_task' })
@Unique({ properties: ['complaintId', 'round', 'unit'] })
@Index({ properties: ['unit', 'area', 'status'] })
// Reports count each unit's tasks opened in a period.
@Index({ properties: ['createdAt', 'unit'] })
export class ComplaintTask {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 36, index: true })
  complaintId!: string;

  @Property({ type: 'integer' })
  round!: number;

  @Property({ type: 'string', length: 24 })
  unit!: string;

  /** Kemendagri code of the kecamatan/kelurahan for KECAMATAN/KELURAHAN tasks. */
  @Property({ type: 'string', length: 16, nullable: true })
  area?: string | null;

  @Property({ type: 'string', length: 8 })
  status = 'OPEN';

  @Property({ type: 'text', nullable: true })
  outcome?: string | null;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  completedBy?: string | null;

  @Property({ type: 'datetime', nullable: true })
  completedAt?: Date | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  /** The task's stage deadline (null for tasks of cases started before stage deadlines). */
  @Property({ type: 'datetime', nullable: true })
  dueAt?: Date | null;
}
