import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A stage deadline an admin set (src/domain/stage-deadlines.ts): key TRIAGE, DECISION or
 * TASK:<unit>, in working days. A stage without a row has its default.
 */
@Entity({ tableName: 'stage_deadline_setting' })
export class StageDeadlineSetting {
  @PrimaryKey({ type: 'string', length: 40 })
  key!: string;

  @Property({ type: 'integer' })
  workingDays!: number;

  @Property({ type: 'string', length: 64, nullable: true })
  updatedBy?: string | null;

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
